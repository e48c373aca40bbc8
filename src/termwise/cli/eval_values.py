"""``termwise eval values``: values precision/recall against hand-annotated gold."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termwise.cli.common import fail
from termwise.errors import TermwiseError


@click.command("values")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("doc_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List every miss and false positive.")
def values_cmd(gold_dir: str, doc_dirs: tuple[str, ...], verbose: bool) -> None:
    """Score extracted values against GOLD_DIR/*.tsv (kind, text, value per line).

    Each gold file NAME.tsv is scored against NAME.txt found in one of DOC_DIRS.
    Prints precision and recall per document and overall.
    """
    from termwise.evaluate.values_gold import Score, read_gold, score
    from termwise.extract.values import find_values
    from termwise.ingest import read

    total = Score()
    for g in sorted(Path(gold_dir).glob("*.tsv")):
        doc_path = next((Path(d) / f"{g.stem}.txt" for d in doc_dirs if (Path(d) / f"{g.stem}.txt").exists()), None)
        if doc_path is None:
            click.echo(f"termwise: {g}: no {g.stem}.txt in {', '.join(doc_dirs)}", err=True)
            continue
        try:
            (doc,) = read(doc_path)
        except TermwiseError as e:
            fail(str(e))
            return
        s = score(find_values(doc), read_gold(g), name=g.stem)
        total.add(s)
        click.echo(f"{g.stem:<45} P {s.precision:6.1%}  R {s.recall:6.1%}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    counts = f"(tp {total.tp}, fp {total.fp}, fn {total.fn})"
    click.echo(f"{'overall':<45} P {total.precision:6.1%}  R {total.recall:6.1%}  {counts}")
    if verbose:
        for line in total.misses + total.false_positives:
            click.echo("  " + line)
    sys.exit(0)
