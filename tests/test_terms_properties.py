"""Invariants, tested with hypothesis: vesting never exceeds the grant and never goes
down without a forfeiture event; every evidence span round-trips; building and
evaluating are deterministic; builders never raise on arbitrary text."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termwise.evaluate.engine import evaluate
from termwise.ingest import read
from termwise.model import Document, Source
from termwise.terms.build import build_model
from termwise.terms.model import Acceleration, FactDef, Grant, TermModel, Trigger, Vesting

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "passages").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "examples"
if SHARED.is_dir():
    DOCS += sorted(SHARED.glob("*.txt"))

dates = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 12, 31))


@st.composite
def grants(draw: st.DrawFn) -> Grant:
    total = draw(st.integers(1, 5_000_000))
    period = draw(st.sampled_from(["P1M", "P3M", "P6M", "P1Y"]))
    installments = draw(st.integers(1, 60))
    cliff = draw(st.sampled_from([None, "P6M", "P1Y", "P2Y"]))
    frac = draw(st.sampled_from([Decimal("0.25"), Decimal("0.2"), Decimal("1") / 3, Decimal("0")])) if cliff else None
    accel = draw(st.booleans())
    a = (
        (
            Acceleration(
                trigger=Trigger(events=("change_of_control",)),
                fraction=draw(st.sampled_from([Decimal(1), Decimal("0.5")])),
            ),
        )
        if accel
        else ()
    )
    return Grant(
        id="g",
        what="options",
        total=total,
        unit="options",
        vesting=Vesting(
            anchor="grant_date", cliff=cliff, cliff_fraction=frac, period=period, installments=installments
        ),
        acceleration=a,
    )


def _model(g: Grant) -> TermModel:
    return TermModel(grants=(g,), facts=(FactDef(name="grant_date", kind="date", description="grant date"),))


@settings(max_examples=150, deadline=None)
@given(grants(), dates, st.lists(dates, min_size=2, max_size=8), st.one_of(st.none(), dates))
def test_vesting_bounded_and_monotone_without_forfeiture(
    g: Grant, grant_date: dt.date, as_ofs: list[dt.date], coc: dt.date | None
) -> None:
    m = _model(g)
    events = [("change_of_control", coc)] if coc else []
    prev = 0
    for day in sorted(as_ofs):
        res = evaluate(m, {"grant_date": grant_date}, events, day)
        v = res["grants"][0]["vested"]
        assert 0 <= v <= g.total
        assert res["grants"][0]["unvested"] == g.total - v
        assert v >= prev
        prev = v
    if g.vesting and (g.vesting.installments or (g.vesting.cliff_fraction or 0) >= 1):
        end = evaluate(m, {"grant_date": grant_date}, [], dt.date(2200, 1, 1))["grants"][0]["vested"]
        assert end == g.total  # a schedule vests the whole grant in the end


@settings(max_examples=100, deadline=None)
@given(grants(), dates, dates, st.lists(dates, min_size=2, max_size=6))
def test_vesting_frozen_after_separation(
    g: Grant, grant_date: dt.date, quit_on: dt.date, as_ofs: list[dt.date]
) -> None:
    m = _model(g)
    after = [d for d in sorted(as_ofs) if d >= quit_on]
    seen = {
        evaluate(m, {"grant_date": grant_date}, [("termination_for_cause", quit_on)], d)["grants"][0]["vested"]
        for d in after
    }
    assert len(seen) <= 1


def _spans(o: Any) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if is_dataclass(o) and not isinstance(o, type):
        for f in fields(o):
            v = getattr(o, f.name)
            if f.name == "evidence":
                out.extend(v)
            elif f.name in ("definition", "signed_copy") and v is not None:
                out.append(v)
            else:
                out.extend(_spans(v))
    elif isinstance(o, (list, tuple)):
        for x in o:
            out.extend(_spans(x))
    return out


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_every_model_evidence_span_round_trips() -> None:
    for path in DOCS:
        doc = read(path)[0]
        m = build_model(doc)
        spans = _spans(m)
        assert spans, path.name
        for s, e in spans:
            assert 0 <= s < e <= len(doc.text), (path.name, s, e)
            assert doc.text[s:e] == doc.text[s:e].strip(), (path.name, doc.text[s:e][:40])
        for c in m.conditions:  # the condition's text is what its evidence covers
            assert any(_flat(c.text) in _flat(doc.text[s:e]) for s, e in c.evidence), (path.name, c.id)
        for p in m.payments:
            if p.amount.text:
                assert any(_flat(p.amount.text) in _flat(doc.text[s:e]) for s, e in p.evidence), (path.name, p.id)
        for w in m.warnings:
            assert w.start is not None and w.end is not None and 0 <= w.start < w.end <= len(doc.text)


def test_every_answer_evidence_span_round_trips() -> None:
    facts = {
        "start_date": dt.date(2015, 1, 5),
        "grant_date": dt.date(2015, 1, 5),
        "base_salary": Decimal(200000),
        "vesting_commencement_date": dt.date(2015, 1, 5),
        "closing_date": dt.date(2015, 2, 1),
    }
    for path in DOCS:
        doc = read(path)[0]
        res = evaluate(
            build_model(doc), facts, [("termination_without_cause", dt.date(2015, 9, 1))], dt.date(2016, 1, 1)
        )
        for key in ("payments", "grants", "benefits", "deadlines", "conditions", "derived"):
            for item in res[key]:
                for s, e in item["evidence"]:
                    assert 0 <= s < e <= len(doc.text), (path.name, key)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(DOCS),
    dates,
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "change_of_control",
                    "termination_without_cause",
                    "termination_for_cause",
                    "resignation_for_good_reason",
                    "death",
                    "ceo_change",
                    "funding_request",
                    "acceptance",
                    "material_adverse_change",
                ]
            ),
            dates,
        ),
        max_size=4,
    ),
    st.dictionaries(
        st.sampled_from(["start_date", "grant_date", "condition_a", "base_salary", "condition_z"]),
        st.one_of(dates, st.booleans(), st.decimals(0, 10**7, places=2)),
        max_size=3,
    ),
)
def test_evaluation_is_deterministic(
    path: Path, as_of: dt.date, events: list[tuple[str, dt.date]], facts: dict[str, Any]
) -> None:
    doc = read(path)[0]
    m1, m2 = build_model(doc), build_model(doc)
    assert m1 == m2
    a = evaluate(m1, facts, events, as_of)
    b = evaluate(m2, dict(reversed(list(facts.items()))), list(reversed(events)), as_of)
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs", "Cc", "S"]), max_size=600))
def test_builders_never_raise_on_arbitrary_text(text: str) -> None:
    doc = Document(text=text, source=Source(path="x.txt", format="text", sha256="0"))
    m = build_model(doc)
    for s, e in _spans(m):
        assert 0 <= s <= e <= len(text)
    evaluate(m, {}, [], dt.date(2020, 1, 1))


SENTENCES = [
    "You will be granted {n} stock options.",
    "The options vest over four years: 25% on the first anniversary of your start date and the rest in equal monthly "
    "installments over the following thirty-six (36) months.",
    "If the Company terminates your employment without Cause, the Company will pay you ${amt} within thirty (30) days "
    "after the termination date.",
    "Kindly indicate your acceptance by signing and returning a copy before 5:00 p.m. Pacific time on March 15, 2024.",
    "This letter is governed by the laws of the State of Nevada.",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.sampled_from([" ", "\n", "\n     ", "  "]),
)
def test_shuffled_clauses_keep_spans_and_values(parts: list[str], n: int, amt: int, sep: str) -> None:
    text = "March 1, 2024\n\nDear Kim:\n\n" + sep.join(p.format(n=f"{n:,}", amt=f"{amt:,}") for p in parts) + "\n"
    doc = Document(text=text, source=Source(path="x.txt", format="text", sha256="0"))
    m = build_model(doc)
    for s, e in _spans(m):
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]
    if SENTENCES[0] in parts:
        assert [g.total for g in m.grants][:1] == [n]
    if SENTENCES[2] in parts:
        assert m.payments and m.payments[0].amount.value == Decimal(amt)
