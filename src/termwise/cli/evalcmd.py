"""``termwise eval``: accuracy against gold. Subcommands live in their own modules."""

from __future__ import annotations

import click

from termwise.cli import LazyGroup

EVAL_COMMANDS = {
    "fields": "termwise.cli.eval_fields:fields_cmd",
    "clauses": "termwise.cli.eval_clauses:clauses_cmd",
    "values": "termwise.cli.eval_values:values_cmd",
}
EVAL_HELP = {
    "fields": "Agreement date, governing law and parties against CUAD's answers.",
    "clauses": "Clause detection: AUPR and precision at 80%/90% recall (CUAD metric).",
    "values": "Values precision and recall against hand-annotated gold (TSV).",
}


@click.group("eval", cls=LazyGroup, lazy=EVAL_COMMANDS, short_help=EVAL_HELP)
def eval_group() -> None:
    """Measure accuracy on a folder in the CUAD layout (*.txt and annotations.jsonl)."""
