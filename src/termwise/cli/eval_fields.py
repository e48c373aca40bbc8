"""``termwise eval fields DIR``: agreement date, governing law and parties against CUAD's answers."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from termwise.cli.common import dump_json, fail


@click.command("fields")
@click.argument("folder", type=click.Path(file_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures and every contract's result as JSON.")
@click.option("--limit", type=int, default=None, help="Score only the first N contracts.")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes (0: one per CPU).")
@click.option("--failures/--no-failures", default=True, show_default=True, help="List the misses in the table.")
def fields_cmd(folder: str, as_json: bool, limit: int | None, jobs: int, failures: bool) -> None:
    """Score the agreement date, governing law and parties of every contract in FOLDER.

    FOLDER is in the CUAD layout: *.txt files and annotations.jsonl with each
    contract's normalized answers. Dates count where the answer gives a date (blank
    parts such as "[]/[]/2004" are not compared), governing law where the answer
    names a jurisdiction, and parties recall over every party name in the answers.
    """
    from termwise.evaluate.fields import score_folder

    processes = (os.cpu_count() or 1) if jobs == 0 else jobs
    try:
        report = score_folder(folder, limit=limit, processes=processes)
    except FileNotFoundError as e:
        fail(str(e))
        return
    figures = {
        "agreement_date": _fig(report.date),
        "governing_law": _fig(report.law),
        "parties_recall": _fig(report.parties),
        "contracts": len(report.results),
        "errors": len(report.errors),
    }
    if as_json:
        from dataclasses import asdict

        click.echo(dump_json({"figures": figures, "results": [asdict(r) for r in report.results]}, pretty=False))
    else:
        _table(report, failures)
        for name, fig in (
            ("agreement date", report.date),
            ("governing law", report.law),
            ("parties recall", report.parties),
        ):
            rate = f"{100 * fig.rate:.1f}%" if fig.rate is not None else "n/a"
            click.echo(f"{name:<16}{rate:>8}  ({fig.correct}/{fig.total})")
    for r in report.errors:
        click.echo(f"termwise: {r.id}: {r.error}", err=True)
    if report.errors:
        click.echo(f"termwise: {len(report.errors)} contract(s) could not be read", err=True)
        sys.exit(1)


def _fig(fig: Any) -> dict[str, Any]:
    return {"correct": fig.correct, "total": fig.total, "rate": fig.rate}


def _table(report: Any, failures: bool) -> None:
    if not failures:
        return
    for r in report.results:
        rows = []
        if r.date_ok is False:
            rows.append(f"  date   gold {r.date_gold!r:<14} found {r.date_found!r}")
        if r.law_ok is False:
            rows.append(f"  law    gold {r.law_gold!r:<14} found {r.law_found!r}")
        missed = [g for g, ok in zip(r.parties_gold, r.parties_matched, strict=True) if not ok]
        if missed:
            rows.append(f"  party  missed {missed!r}; found {list(r.parties_found)!r}")
        if rows:
            click.echo(r.id)
            for row in rows:
                click.echo(row)
