"""Values precision and recall on hand-annotated gold for the example agreements (the three
real letters in ../shared/examples and our four bundled ones): the bar is 95% each."""

from __future__ import annotations

from pathlib import Path

import pytest

from termwise.evaluate.values_gold import Score, read_gold, score
from termwise.extract.values import find_values
from termwise.ingest import read

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "values"
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "examples"]


def doc_for(gold_file: Path) -> Path:
    for folder in SOURCES:
        p = folder / (gold_file.stem + ".txt")
        if p.exists():
            return p
    raise FileNotFoundError(gold_file.stem)


GOLD_FILES = sorted(GOLD.glob("*.tsv"))


def score_all() -> Score:
    total = Score()
    for g in GOLD_FILES:
        (doc,) = read(doc_for(g))
        total.add(score(find_values(doc), read_gold(g), name=g.stem))
    return total


def test_gold_covers_every_example() -> None:
    assert len(GOLD_FILES) == 7
    assert sum(len(read_gold(g)) for g in GOLD_FILES) >= 90


def test_values_precision_and_recall_on_gold() -> None:
    s = score_all()
    report = "\n".join(s.misses + s.false_positives)
    assert s.recall >= 0.95, f"recall {s.recall:.3f}\n{report}"
    assert s.precision >= 0.95, f"precision {s.precision:.3f}\n{report}"


@pytest.mark.parametrize(
    ("pred", "gold", "tp", "fp", "fn"),
    [
        pytest.param(
            [("money", "$5", {"amount": "5", "currency": "USD"})],
            [("money", "$5", '{"amount": "5"}')],
            1,
            0,
            0,
            id="exact",
        ),
        pytest.param(
            [("money", "$5", {"amount": "6", "currency": "USD"})],
            [("money", "$5", '{"amount": "5"}')],
            0,
            1,
            1,
            id="wrong-value",
        ),
        pytest.param([], [("?number", "4", "4")], 0, 0, 0, id="optional-missing"),
        pytest.param(
            [("date", "six months from X", None)],
            [("date|duration", "six months from X", "*")],
            1,
            0,
            0,
            id="alternatives",
        ),
    ],
)
def test_scorer(pred: list, gold: list, tp: int, fp: int, fn: int, tmp_path: Path) -> None:
    from decimal import Decimal

    from termwise.model import Money, Value

    def mk(kind: str, text: str, v: object) -> Value:
        if isinstance(v, dict):
            v = Money(amount=Decimal(v["amount"]), currency=v["currency"])
        return Value(kind=kind, text=text, start=0, end=len(text), value=v)

    f = tmp_path / "g.tsv"
    f.write_text("".join(f"{k}\t{t}\t{v}\n" for k, t, v in gold))
    s = score([mk(*p) for p in pred], read_gold(f))
    assert (s.tp, s.fp, s.fn) == (tp, fp, fn)
