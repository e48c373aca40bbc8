"""``termwise eval fields``: the scorer's normalizing rules, a run on a CUAD subset, and (slow) the full set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.evaluate.fields import (
    date_matches,
    law_matches,
    parse_answer_date,
    party_matches,
    party_names,
    score_folder,
)
from termwise.model import Value

CUAD = Path(__file__).parents[1].parent / "shared" / "data" / "cuad" / "train"
needs_cuad = pytest.mark.skipif(not (CUAD / "annotations.jsonl").is_file(), reason="CUAD training data not present")

# Floors the subset run must stay above; the full run's measured figures are in the commit log.
SUBSET_FLOORS = {"date": 0.80, "law": 0.85, "parties": 0.80}
FULL_FLOORS = {"date": 0.88, "law": 0.94, "parties": 0.85}


def _date(d: dt.date | None, **extra: object) -> Value:
    return Value(kind="date", text="x", start=0, end=1, value=d, extra=extra or None)


@pytest.mark.parametrize(
    ("answer", "found", "ok"),
    [
        pytest.param("6/21/99", _date(dt.date(1999, 6, 21)), True, id="two-digit-year"),
        pytest.param("10/1/19", _date(dt.date(2019, 10, 1)), True, id="2019"),
        pytest.param("6/21/99", _date(dt.date(1999, 6, 22)), False, id="wrong-day"),
        pytest.param("[]/[]/2004", _date(dt.date(2004, 3, 5)), True, id="year-only-answer"),
        pytest.param("03/[]/2018", _date(None, incomplete=True, year=2018, month=3, day=None), True, id="blank-day"),
        pytest.param(
            "3/14/18", _date(None, incomplete=True, year=2018, month=3, day=None), False, id="found-lacks-day"
        ),
        pytest.param("8/1/19", _date(dt.date(2019, 8, 1), precision="month"), False, id="month-precision-no-day"),
        pytest.param("04/30/[]", _date(None, no_year=True, month=4, day=30), True, id="answer-without-year"),
    ],
)
def test_date_matching(answer: str, found: Value, ok: bool) -> None:
    gold = parse_answer_date(answer)
    assert gold is not None
    assert date_matches(gold, found) is ok


def test_blank_answer_is_not_scored() -> None:
    assert parse_answer_date("[]/[]/[]") is None


def _law(value: str, text: str | None = None) -> Value:
    return Value(kind="law", text=text or value, start=0, end=1, value=value)


@pytest.mark.parametrize(
    ("answer", "found", "ok"),
    [
        pytest.param("California", _law("California", "State of California"), True, id="state"),
        pytest.param("Ontario, Canada", _law("Ontario", "Province of Ontario"), True, id="province-country"),
        pytest.param("England; Wales", _law("England and Wales"), True, id="two-parts"),
        pytest.param("People's Republic of China", _law("China", "People's Republic of China"), True, id="prc"),
        pytest.param("New York", _law("New Jersey"), False, id="other-state"),
        pytest.param("Virginia", _law("West Virginia"), True, id="contained"),
    ],
)
def test_law_matching(answer: str, found: Value, ok: bool) -> None:
    assert law_matches(answer, found) is ok


def test_party_names_drop_aliases_and_remarks() -> None:
    answer = (
        'Miltenyi Biotec GmbH ("Miltenyi"); Bellicum Phamaceuticals, Inc. ("Bellicum"); Miltenyi and '
        'Bellicum (individually as a “Party” and collectively as the “Parties”); [ * * * ] ("Provider")'
    )
    assert party_names(answer) == ["Miltenyi Biotec GmbH", "Bellicum Phamaceuticals, Inc", "Miltenyi and Bellicum"]


@pytest.mark.parametrize(
    ("gold", "found", "ok"),
    [
        pytest.param("Bellicum Phamaceuticals, Inc.", ["bellicum pharmaceuticals inc"], True, id="typo-in-answer"),
        pytest.param("ACCURAY INCORPORATED", ["accuray incorporated"], True, id="case"),
        pytest.param("Siemens", ["siemens aktiengesellschaft"], True, id="contained"),
        pytest.param("Miltenyi and Bellicum", ["miltenyi biotec gmbh", "bellicum"], True, id="both-named"),
        pytest.param("Acme Corp", ["beta llc"], False, id="other"),
    ],
)
def test_party_matching(gold: str, found: list[str], ok: bool) -> None:
    assert party_matches(gold, found) is ok


def _figures(report) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return {"date": report.date.rate, "law": report.law.rate, "parties": report.parties.rate}


@needs_cuad
def test_subset_of_cuad_scores_above_floor() -> None:
    report = score_folder(CUAD, limit=20)
    assert len(report.results) == 20
    assert not report.errors
    figures = _figures(report)
    for name, floor in SUBSET_FLOORS.items():
        assert figures[name] is not None and figures[name] >= floor, (name, figures)


@needs_cuad
def test_cli_json(tmp_path: Path) -> None:
    from termwise.cli import main

    result = CliRunner().invoke(main, ["eval", "fields", str(CUAD), "--limit", "5", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["figures"]["contracts"] == 5
    assert set(data["figures"]) >= {"agreement_date", "governing_law", "parties_recall"}
    assert len(data["results"]) == 5


@needs_cuad
def test_cli_table_prints_figures() -> None:
    from termwise.cli import main

    result = CliRunner().invoke(main, ["eval", "fields", str(CUAD), "--limit", "3"])
    assert result.exit_code == 0, result.output
    for name in ("agreement date", "governing law", "parties recall"):
        assert name in result.output


def test_cli_missing_annotations(tmp_path: Path) -> None:
    from termwise.cli import main

    result = CliRunner().invoke(main, ["eval", "fields", str(tmp_path)])
    assert result.exit_code == 2
    assert "annotations.jsonl" in result.output


@pytest.mark.slow
@needs_cuad
def test_all_408_cuad_contracts() -> None:
    report = score_folder(CUAD, processes=2)
    assert len(report.results) == 408
    figures = _figures(report)
    for name, floor in FULL_FLOORS.items():
        assert figures[name] is not None and figures[name] >= floor, (name, figures)
