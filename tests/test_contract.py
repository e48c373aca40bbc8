"""The public JSON contract ``termwise.extract/1``: schema-valid, and every span of every
output round-trips (``text[start:end] == text``) on the bundled examples, the real
example letters in ../shared/examples, arbitrary text, and every CUAD training text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termwise.ingest import read
from termwise.model import Document, Source
from termwise.pipeline import extract_document
from termwise.serialize import extraction_to_dict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BUNDLED = sorted((ROOT / "examples").glob("*.txt"))
REAL = sorted((SHARED / "examples").glob("*.txt"))
CUAD = SHARED / "data" / "cuad" / "train"
SCHEMA = json.loads((SHARED / "schemas" / "termwise.extract-1.schema.json").read_text())
# one validator for every output: jsonschema.validate checks the schema itself again on each call, which
# cost about two thirds of validating the 408 CUAD outputs
_VALIDATOR_CLASS = jsonschema.validators.validator_for(SCHEMA)
_VALIDATOR_CLASS.check_schema(SCHEMA)
VALIDATOR = _VALIDATOR_CLASS(SCHEMA)


def spans_in(obj: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Every dict with integer start/end, with its JSON path."""
    found = []
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            found.append((path, obj))
        for k, v in obj.items():
            found.extend(spans_in(v, f"{path}.{k}"))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found.extend(spans_in(v, f"{path}[{i}]"))
    return found


def check_output(text: str, out: dict[str, Any], clean: str | None = None) -> int:
    """Assert the contract on one output; returns how many spans were checked.

    ``clean`` is the text with page furniture blanked (``Document.clean``): a defined term
    used across a page break ("Termination -4- Payment") is one use of the term.
    """
    clean = text if clean is None else clean
    VALIDATOR.validate(out)
    n = 0
    for path, d in spans_in(out):
        s, e = d["start"], d["end"]
        assert 0 <= s <= e <= len(text), f"{path}: span {s}:{e} outside text of length {len(text)}"
        if isinstance(d.get("text"), str):
            assert text[s:e] == d["text"], f"{path}: {text[s:e]!r} != {d['text']!r}"
        n += 1
    # Names and terms are reported with whitespace collapsed ("Common\n   Stock" -> "Common Stock");
    # their spans cover the text as written.
    for t in out["defined_terms"]:
        assert squash(clean[t["start"] : t["end"]]) == squash(t["term"]), t
        for s, e in t.get("uses", []):
            assert squash(clean[s:e]).lower() == squash(t["term"]).lower(), (t["term"], text[s:e])
    for p in out["parties"]:
        assert squash(clean[p["start"] : p["end"]]) == squash(p["name"]), p
    return n


def squash(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("path", BUNDLED + REAL, ids=lambda p: p.name)
def test_examples_follow_the_contract(path: Path) -> None:
    (doc,) = read(path)
    assert doc.text == path.read_text(encoding="utf-8"), "plain text must be the file's text unchanged"
    out = extraction_to_dict(extract_document(doc))
    assert out["schema"] == "termwise.extract/1"
    assert check_output(doc.text, out, doc.clean) > 0


def test_bundled_examples_exist_and_are_ours() -> None:
    assert len(BUNDLED) >= 4
    real_texts = {p.read_text() for p in REAL}
    for p in BUNDLED:
        assert p.read_text() not in real_texts


TOKENS = list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789$%.,;:()\"'/-\n\t") + [
    "June ",
    "2001",
    " shares",
    " percent",
    '(the "Company")',
    " months",
    "5:00 p.m. ",
    "Section 5.",
    "/s/ ",
    " dollars",
    "$1,000",
    " Inc.",
    "By: ",
    "Name: ",
    " day of ",
    "<PAGE>\n",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=150).map("".join))
def test_arbitrary_text_never_raises_and_spans_round_trip(text: str) -> None:
    doc = Document(text=text, source=Source(path="arbitrary.txt", format="text", sha256=""))
    out = extraction_to_dict(extract_document(doc))
    check_output(text, out)


def test_the_validator_rejects_an_output_that_breaks_the_schema() -> None:
    (doc,) = read(BUNDLED[0])
    out = extraction_to_dict(extract_document(doc))
    VALIDATOR.validate(out)
    for broken in ({**out, "parties": "none"}, {k: v for k, v in out.items() if k != "schema"}):
        with pytest.raises(jsonschema.ValidationError):
            VALIDATOR.validate(broken)


@pytest.mark.slow
def test_every_cuad_training_text_round_trips() -> None:
    files = sorted(CUAD.glob("*.txt"))
    if not files:
        pytest.skip(f"CUAD training texts not found under {CUAD}")
    assert len(files) == 408
    checked = 0
    for p in files:
        (doc,) = read(p)
        checked += check_output(doc.text, extraction_to_dict(extract_document(doc)), doc.clean)
    assert checked > 10_000
