"""The worked cases of the issue, on the real example letters (../shared/examples), and
scenarios on the bundled fictional agreements (examples/). Every answer is validated
against the termwise.evaluate/1 JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from termwise.evaluate.engine import evaluate
from termwise.ingest import read
from termwise.terms.build import build_model
from termwise.terms.model import TermModel

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL = SHARED / "examples"
BUNDLED = ROOT / "examples"
SCHEMA = json.loads((SHARED / "schemas" / "termwise.evaluate-1.schema.json").read_text())
D = dt.date.fromisoformat

needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/examples not present")


def model(path: Path) -> TermModel:
    return build_model(read(path)[0])


def answer(
    path: Path, as_of: str, facts: dict[str, Any] | None = None, events: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    res = evaluate(model(path), facts or {}, [(n, D(d)) for n, d in events or []], D(as_of))
    jsonschema.validate(res, SCHEMA)
    return res


def one(res: dict[str, Any], key: str, contains: str = "") -> dict[str, Any]:
    items = [x for x in res[key] if contains in x["what"]]
    assert len(items) == 1, [x["what"] for x in res[key]]
    return items[0]


OFFER = REAL / "valence-2005-offer-letter.txt"
FINANCING = REAL / "valence-2001-financing-commitment.txt"
PURCHASE = REAL / "valence-1999-stock-purchase-letter.txt"
START = {"start_date": D("2005-04-18")}


@needs_real
def test_offer_no_events_vesting_by_2007_05_01() -> None:
    res = answer(OFFER, "2007-05-01", START)
    g = one(res, "grants")
    assert (g["total"], g["vested"], g["unvested"]) == (250000, 125000, 125000)
    assert g["next_vesting"] == {"date": "2007-07-18", "amount": 15625}
    assert one(res, "payments")["status"] == "not_triggered"
    assert res["missing_facts"] == []
    assert any("2006-04-18" in t or "2007-04-18" in t for t in res["trace"])


@needs_real
def test_offer_resignation_for_good_reason() -> None:
    res = answer(OFFER, "2006-10-10", START, [("resignation_for_good_reason", "2006-10-02")])
    p = one(res, "payments")
    assert (p["amount"], p["currency"], p["due"], p["status"]) == ("125000", "USD", "2006-10-07", "owed")
    assert p["payer"] == "Valence Technology, Inc." and p["payee"] == "Jin-Rong Hwang"
    g = one(res, "grants")
    assert (g["vested"], g["unvested"]) == (250000, 0)
    b = one(res, "benefits")
    assert "health" in b["what"] and (b["from"], b["until"]) == ("2006-10-02", "2007-04-02")


@needs_real
def test_offer_termination_for_good_cause() -> None:
    res = answer(OFFER, "2006-10-10", START, [("termination_for_cause", "2006-10-02")])
    assert one(res, "payments")["status"] == "not_triggered"
    g = one(res, "grants")
    assert g["vested"] == 78125
    assert "option plan" in g["note"] and "not this agreement" in g["note"]
    assert one(res, "benefits")["status"] == "not_triggered"


@needs_real
def test_offer_resignation_after_24_months_is_outside_the_window() -> None:
    res = answer(OFFER, "2007-06-01", START, [("resignation_for_good_reason", "2007-05-01")])
    assert one(res, "payments")["status"] == "not_triggered"
    assert one(res, "grants")["vested"] == 250000  # acceleration has no window


@needs_real
def test_offer_events_and_definitions() -> None:
    m = model(OFFER)
    by = {e.name: e for e in m.events}
    assert {
        "change_of_control",
        "termination_without_cause",
        "resignation_for_good_reason",
        "termination_for_cause",
    } <= set(by)
    assert by["change_of_control"].defined_in == "5.3"
    assert by["termination_without_cause"].defined_in == "5.2"
    assert by["resignation_for_good_reason"].defined_in == "5.4"
    assert m.fact("base_salary").value == Decimal("250000")


@needs_real
def test_financing_acceptance_deadline_and_prototype_condition() -> None:
    res = answer(FINANCING, "2001-06-28")
    d = one(res, "deadlines", "acceptance")
    assert d["due"] == "2001-06-29T17:00:00-07:00"
    z = one(res, "deadlines", "condition (z)")
    assert z["due"] == "2001-12-27" and z["status"] == "open"


@needs_real
def test_financing_ceo_change_kills_only_the_second_tranche() -> None:
    res = answer(
        FINANCING,
        "2001-10-01",
        {},
        [("acceptance", "2001-06-28"), ("ceo_change", "2001-09-10"), ("funding_request", "2001-09-20")],
    )
    first, second = res["payments"]
    assert first["amount"] == second["amount"] == "10000000"
    assert first["status"] == "owed" and second["status"] == "lapsed"
    assert first["payer"] == "Carl Berg" and first["payee"] == "Valence Technology, Inc."
    x = [c for c in res["conditions"] if c["id"] == "x"][0]
    assert x["status"] == "failed"
    assert {c["id"] for c in res["conditions"]} == {"a", "b", "c", "x", "y", "z"}


@needs_real
def test_financing_without_request_first_tranche_is_not_affected() -> None:
    res = answer(FINANCING, "2001-10-01", {}, [("ceo_change", "2001-09-10")])
    first, second = res["payments"]
    assert first["status"] == "not_triggered" and second["status"] == "lapsed"


@needs_real
def test_financing_late_acceptance_expires_the_commitment() -> None:
    res = answer(FINANCING, "2001-07-15", {}, [("acceptance", "2001-06-30")])
    assert one(res, "deadlines", "acceptance")["status"] == "missed"
    assert {p["status"] for p in res["payments"]} == {"lapsed"}


@needs_real
def test_stock_purchase_price_per_share_derived_and_settled() -> None:
    res = answer(PURCHASE, "1999-12-01")
    p = one(res, "payments")
    assert (p["amount"], p["due"], p["status"]) == ("3500000", "1999-11-29", "paid")
    assert p["payer"] == "Ridgeway Investment Limited" and p["payee"] == "Valence Technology, Inc."
    d = res["derived"][0]
    assert d["name"] == "price per share" and d["value"] == "5.8736" and d["derived"] is True


def test_bundled_offer_double_trigger_acceleration() -> None:
    path = BUNDLED / "lumen-2024-offer-letter.txt"
    res = answer(
        path,
        "2025-07-01",
        {"start_date": D("2024-02-05")},
        [("change_of_control", "2025-01-10"), ("termination_without_cause", "2025-06-02")],
    )
    assert one(res, "grants")["vested"] == 120000
    p = one(res, "payments")
    assert (p["amount"], p["due"]) == ("90000", "2025-07-02")
    assert one(res, "deadlines", "acceptance")["status"] == "met"  # dated countersignature
    plain = answer(path, "2025-07-01", {"start_date": D("2024-02-05")}, [("termination_without_cause", "2025-06-02")])
    assert one(plain, "grants")["vested"] == 37500  # 30,000 at the cliff + 3 x 2,500; no change in control


def test_bundled_financing_business_days_and_ceo_change() -> None:
    res = answer(
        BUNDLED / "northwind-2024-financing-commitment.txt",
        "2024-05-31",
        {},
        [("ceo_change", "2024-05-01"), ("funding_request", "2024-05-06")],
    )
    first, second = [p for p in res["payments"] if p["what"].startswith(("first", "remaining"))]
    assert (first["due"], first["status"]) == ("2024-05-20", "owed")
    assert second["status"] == "lapsed"
    assert len([d for d in res["deadlines"] if "acceptance" in d["what"]]) == 1


def test_bundled_loan_installments() -> None:
    res = answer(BUNDLED / "copperline-2022-loan-agreement.txt", "2022-09-15")
    inst = [p for p in res["payments"] if "installment" in p["what"]]
    assert [p["due"] for p in inst] == ["2022-07-01", "2022-08-01", "2022-09-01", "2022-10-01"]
    assert inst[0]["payer"] == "Copperline Tool Works, LLC"


def test_bundled_purchase_closing_date() -> None:
    res = answer(BUNDLED / "harborview-2023-stock-purchase-letter.txt", "2023-09-20")
    assert one(res, "payments")["due"] == "2023-09-15"
    assert res["derived"][0]["value"] == "6.75"


PASSAGES = sorted((ROOT / "tests" / "passages").glob("*.txt"))
ALL = PASSAGES + sorted(BUNDLED.glob("*.txt")) + (sorted(REAL.glob("*.txt")) if REAL.is_dir() else [])


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_answer_follows_the_schema(path: Path) -> None:
    m = model(path)
    for as_of in ("1990-01-01", "2030-01-01"):
        res = evaluate(
            m,
            {"start_date": D("2015-01-01"), "grant_date": D("2015-01-01")},
            [("termination_without_cause", D("2016-06-01"))],
            D(as_of),
        )
        jsonschema.validate(res, SCHEMA)


@needs_real
def test_offer_change_of_control_after_firing_for_cause_pays_nothing() -> None:
    res = answer(
        OFFER, "2007-01-10", START, [("termination_for_cause", "2006-10-02"), ("change_of_control", "2006-12-01")]
    )
    assert one(res, "payments")["status"] == "not_triggered"
    assert one(res, "grants")["vested"] == 78125
    assert any("employment ended on 2006-10-02" in t for t in res["trace"])


def test_non_monetary_obligations_with_parties_and_dates() -> None:
    res = answer(BUNDLED / "harborview-2023-stock-purchase-letter.txt", "2023-09-20")
    lock = [o for o in res["obligations"] if o["what"].startswith("not sell")]
    assert len(lock) == 1
    assert (
        lock[0]["obligor"] == "Tidewater Capital Partners LLC" and lock[0]["due"] == "2023-12-14"
    )  # 90 days after closing


@needs_real
def test_purchase_letter_notice_covenant() -> None:
    res = answer(PURCHASE, "1999-12-01")
    notify = [o for o in res["obligations"] if o["what"].startswith("notify")]
    assert notify and notify[0]["obligor"] == "Valence Technology, Inc."
    assert notify[0]["beneficiary"] == "Ridgeway Investment Limited"


@needs_real
def test_event_spellings_people_type_are_read_as_canonical() -> None:
    res = answer(OFFER, "2006-10-10", START, [("termination_for_good_cause", "2006-10-02")])
    assert one(res, "grants")["vested"] == 78125
    assert "event termination_for_good_cause read as termination_for_cause" in res["trace"]
