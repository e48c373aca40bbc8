"""The term model as YAML: round trip, edit and re-evaluate, one-line errors naming field and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from termwise.errors import ModelError, TermwiseError
from termwise.evaluate.engine import evaluate
from termwise.ingest import read
from termwise.terms.build import build_model
from termwise.terms.yamlio import dump_model, load_model

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "passages").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
D = dt.date.fromisoformat


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_yaml_round_trip_is_exact(path: Path) -> None:
    m = build_model(read(path)[0])
    assert load_model(dump_model(m)) == m


def _offer_yaml() -> str:
    return dump_model(build_model(read(ROOT / "examples" / "lumen-2024-offer-letter.txt")[0]))


def test_edited_model_evaluates_the_edit() -> None:
    data = yaml.safe_load(_offer_yaml())
    sev = data["payments"][0]
    assert sev["amount"]["value"] == "90000"
    sev["amount"]["value"] = "120000"  # a lawyer corrects the amount
    sev["due"]["offset"] = "P10D"
    m = load_model(yaml.safe_dump(data, sort_keys=False))
    res = evaluate(
        m, {"start_date": D("2024-02-05")}, [("termination_without_cause", D("2024-06-03"))], D("2024-07-01")
    )
    p = res["payments"][0]
    assert (p["amount"], p["due"], p["status"]) == ("120000", "2024-06-13", "owed")


def _error(text: str) -> ModelError:
    with pytest.raises(ModelError) as e:
        load_model(text, path="model.yaml")
    assert isinstance(e.value, TermwiseError)
    assert "\n" not in str(e.value)
    return e.value


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_bad_duration_names_field_and_line() -> None:
    text = _offer_yaml().replace("offset: P30D", "offset: thirty days")
    err = _error(text)
    assert err.field == "payments[0].due.offset"
    assert err.line == _line_of(text, "offset: thirty days")
    assert str(err).startswith("model.yaml, line ")


def test_wrong_type_names_field_and_line() -> None:
    text = _offer_yaml().replace("total: 120000", "total: many")
    err = _error(text)
    assert err.field == "grants[0].total" and err.line == _line_of(text, "total: many")


def test_unknown_key_is_rejected() -> None:
    text = _offer_yaml().replace("  what: severance lump sum\n", "  what: severance lump sum\n  colour: blue\n", 1)
    err = _error(text)
    assert err.field == "payments[0].colour" and err.line == _line_of(text, "colour: blue")


def test_unknown_event_in_trigger_is_rejected() -> None:
    text = _offer_yaml().replace(
        "events: [termination_without_cause, resignation_for_good_reason]",
        "events: [termination_without_cause, alien_invasion]",
        1,
    )
    err = _error(text)
    assert "alien_invasion" in str(err) and err.field and err.field.endswith("events[1]")


def test_undefined_condition_reference_is_rejected() -> None:
    text = dump_model(build_model(read(ROOT / "examples" / "northwind-2024-financing-commitment.txt")[0]))
    data = yaml.safe_load(text)
    data["payments"][0]["conditions"].append("q")
    err = _error(yaml.safe_dump(data, sort_keys=False))
    assert err.field == "payments[0].conditions[2]" and "'q'" in str(err)


def test_bad_time_zone_and_bad_yaml() -> None:
    text = dump_model(build_model(read(ROOT / "examples" / "northwind-2024-financing-commitment.txt")[0]))
    err = _error(text.replace("tz: America/Los_Angeles", "tz: Pacific Standard"))
    assert err.field == "deadlines[0].due.tz" and "IANA" in str(err)
    err = _error("schema: termwise.model/1\nparties: [\n")
    assert err.line is not None
    err = _error("- just a list\n")
    assert "mapping" in str(err)


def test_yaml_with_quotes_reads_back_the_same() -> None:
    doc = read(ROOT / "examples" / "northwind-2024-financing-commitment.txt")[0]
    m = build_model(doc)
    text = dump_model(m, doc.text)
    assert "# '(x) there has been no change in the Chief Executive Officer" in text
    assert load_model(text) == m
