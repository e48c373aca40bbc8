"""``termwise eval clauses DIR``: clause detection scored with CUAD's metric."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from termwise.cli.common import fail


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise click.ClickException(f"{path}, line {n}: not JSON ({e.msg})") from e


def _predict_folder(folder: Path, out: TextIO | None) -> dict[str, dict[str, list[dict[str, Any]]]]:
    from termwise.classify.clauses import cuad_candidates, load_model

    model = load_model()
    preds: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for p in sorted(folder.glob("*.txt")):
        with open(p, encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        cands = cuad_candidates(text, model)
        rec = {
            cat: [{"text": text[s:e], "start": s, "end": e, "score": round(sc, 6)} for s, e, sc in cs]
            for cat, cs in cands.items()
        }
        preds[p.stem] = rec
        if out is not None:
            out.write(json.dumps({"id": p.stem, "predictions": rec}, ensure_ascii=False) + "\n")
    return preds


@click.command("clauses")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--predictions",
    "pred_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the predictions here (JSON Lines, one contract a line, <= 20 candidates per category).",
)
@click.option(
    "--scored",
    "scored_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this predictions file instead of running the model (e.g. cross-validation output).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def clauses_cmd(folder: Path, pred_path: Path | None, scored_path: Path | None, as_json: bool) -> None:
    """Score clause detection on FOLDER in the CUAD layout (*.txt and annotations.jsonl).

    Prints AUPR and precision at 80% and 90% recall, overall and per category, by CUAD's
    metric (termwise.evaluate.cuad). With bare .txt files (no annotations.jsonl) it only
    writes the predictions: to --predictions, or to stdout.

    Scoring the shipped model on CUAD's training split measures fit, not generalization: the
    model was trained there. The honest number is the cross-validation of
    scripts/train_clauses.py --cv, whose predictions file can be scored here with --scored.
    """
    from termwise.evaluate.cuad import score

    ann = folder / "annotations.jsonl"
    if not ann.exists():
        if scored_path is not None:
            fail(f"{folder}: no annotations.jsonl to score against")
        if not any(folder.glob("*.txt")):
            fail(f"{folder}: no .txt files")
        if pred_path is None:
            _predict_folder(folder, sys.stdout)
        else:
            with open(pred_path, "w", encoding="utf-8") as out:
                _predict_folder(folder, out)
        return
    gold: dict[str, dict[str, list[str]]] = {}
    categories: list[str] = []
    for rec in _read_jsonl(ann):
        gold[rec["id"]] = {c: [s["text"] for s in spans] for c, spans in rec["labels"].items()}
        for c in rec["labels"]:
            if c not in categories:
                categories.append(c)
    if scored_path is not None:
        preds = {r["id"]: r["predictions"] for r in _read_jsonl(scored_path)}
    elif pred_path is not None:
        with open(pred_path, "w", encoding="utf-8") as out:
            preds = _predict_folder(folder, out)
    else:
        preds = _predict_folder(folder, None)
    gold = {k: v for k, v in gold.items() if k in preds or scored_path is None}
    report = score(gold, preds, categories)
    if as_json:
        click.echo(json.dumps({"overall": report.summary(), "per_category": report.table()}, indent=2))
        return
    s = report.summary()
    click.echo(
        f"contracts {int(s['contracts'])}  AUPR {s['aupr']:.4f}  P@80%R {s['p_at_80r']:.4f}  "
        f"P@90%R {s['p_at_90r']:.4f}  per-category mean AUPR {s['category_mean_aupr']:.4f}"
    )
    click.echo(f"{'category':40s} {'gold':>5s} {'AUPR':>7s} {'P@80%R':>7s} {'P@90%R':>7s}")
    for row in report.table():
        click.echo(
            f"{row['category']!s:40s} {row['gold']!s:>5s} {row['aupr']:7.4f} "
            f"{row['p_at_80r']:7.4f} {row['p_at_90r']:7.4f}"
        )
