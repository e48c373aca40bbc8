"""Command line: data to stdout, messages and progress to stderr.

Subcommands live in their own modules and are imported only when invoked, so
``termwise --help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "text": "termwise.cli.extract:text_cmd",
    "extract": "termwise.cli.extract:extract_cmd",
    "eval": "termwise.cli.evalcmd:eval_group",
    "model": "termwise.cli.terms:model_cmd",
    "events": "termwise.cli.terms:events_cmd",
    "evaluate": "termwise.cli.terms:evaluate_cmd",
    "timeline": "termwise.cli.terms:timeline_cmd",
}

HELP = {
    "text": "Print the text that every offset indexes.",
    "extract": "Extract every term: a term sheet, or JSON with --json.",
    "eval": "Measure accuracy against gold data (CUAD layout).",
    "model": "Build the agreement's computable term model (YAML).",
    "events": "List the events and facts the agreement reacts to.",
    "evaluate": "What is owed, vested, due, given facts and events at a date.",
    "timeline": "Every dated obligation, vesting date and deadline, in order.",
}


class LazyGroup(click.Group):
    def __init__(self, *args: Any, lazy: dict[str, str], short_help: dict[str, str] | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.lazy = lazy
        self.short = short_help or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            mod, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(mod), attr)  # a broken command module is a bug: raise
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, self.short.get(n, "")) for n in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, lazy=COMMANDS, short_help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="termwise")
def main() -> None:
    """termwise reads agreements and computes what they mean.

    Every span printed is a pair of character offsets into the text that
    `termwise text FILE` prints.
    """
