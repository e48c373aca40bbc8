"""Scenario tests over agreements and passages written for these tests (tests/passages/):
offer letters, employment, severance and change-in-control agreements, equity awards,
stock purchases, notes and loans, financing commitments. Each case states the facts
and events and what the agreement then means; the numbers are worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from termwise.evaluate.engine import evaluate
from termwise.ingest import read
from termwise.terms.build import build_model
from termwise.terms.model import TermModel

PASSAGES = Path(__file__).parent / "passages"
D = dt.date.fromisoformat


def model(name: str) -> TermModel:
    return build_model(read(PASSAGES / name)[0])


def run(
    name: str, as_of: str, facts: dict[str, Any] | None = None, events: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    return evaluate(model(name), facts or {}, [(n, D(d)) for n, d in events or []], D(as_of))


def one(res: dict[str, Any], key: str, contains: str = "") -> dict[str, Any]:
    items = [x for x in res[key] if contains in x["what"]]
    assert len(items) == 1, f"expected one {key} item with {contains!r}, got {[x['what'] for x in res[key]]}"
    return items[0]


def test_passages_are_many_and_varied() -> None:
    assert len(list(PASSAGES.glob("*.txt"))) >= 20


# ---------------------------------------------------------------- offer letters / employment


def test_p01_quarterly_vesting_stops_and_business_day_severance() -> None:
    res = run(
        "p01-offer-quarterly-severance.txt",
        "2017-01-10",
        {"start_date": D("2015-04-01")},
        [("termination_without_cause", "2016-12-20")],
    )
    g = one(res, "grants")
    assert (g["total"], g["vested"], g["unvested"]) == (48000, 18000, 30000)  # 12,000 cliff + 2 x 3,000
    assert "2014 Equity Incentive Plan" in g["note"]
    p = one(res, "payments", "severance")
    # six months of the stated $180,000 salary, ten business days after 2016-12-20 (Dec 26 and Jan 2 are holidays)
    assert (p["amount"], p["due"], p["status"]) == ("90000", "2017-01-05", "owed")
    assert any("business days" in t and "Christmas" in t for t in res["trace"])


def test_p01_without_start_date_names_the_missing_fact() -> None:
    res = run("p01-offer-quarterly-severance.txt", "2017-01-10")
    assert "start_date" in res["missing_facts"]
    assert one(res, "grants")["vested"] == 0


def test_p02_rsu_cliff_then_monthly_48ths() -> None:
    res = run("p02-offer-rsu-monthly.txt", "2021-02-15", {"vesting_commencement_date": D("2019-08-01")})
    g = one(res, "grants")
    assert g["what"] == "restricted stock units"
    assert g["vested"] == 3600  # 2,400 at the cliff + 6 x 200
    assert g["next_vesting"] == {"date": "2021-03-01", "amount": 200}


def test_p03_rsu_annual_installments_from_stated_grant_date() -> None:
    m = model("p03-rsu-annual-award.txt")
    assert m.fact("grant_date") is not None and m.fact("grant_date").value == D("2021-03-15")
    res = evaluate(m, {}, [], D("2023-06-01"))
    g = one(res, "grants")
    assert (g["vested"], g["next_vesting"]) == (2000, {"date": "2024-03-15", "amount": 1000})
    assert res["missing_facts"] == []
    assert g.get("note") is None  # the award says unvested units are forfeited


def test_p04_performance_units_need_the_performance_fact() -> None:
    unknown = run("p04-performance-units.txt", "2023-03-01", {"grant_date": D("2020-02-29")})
    g = one(unknown, "grants")
    assert g["vested"] == 0 and g["service_vested"] == 10000
    assert "performance_goals_met" in unknown["missing_facts"]
    met = run("p04-performance-units.txt", "2023-03-01", {"grant_date": D("2020-02-29"), "performance_goals_met": True})
    assert one(met, "grants")["vested"] == 10000
    assert any("clamped to the month's end" in t for t in met["trace"])  # Feb 29 + 3 years = Feb 28
    missed = run(
        "p04-performance-units.txt", "2023-03-01", {"grant_date": D("2020-02-29"), "performance_goals_met": False}
    )
    assert one(missed, "grants")["vested"] == 0


def test_p05_double_trigger_inside_and_outside_the_window() -> None:
    facts = {"base_salary": Decimal("300000")}
    inside = run(
        "p05-coc-double-trigger.txt",
        "2018-10-01",
        facts,
        [("change_of_control", "2018-03-01"), ("termination_without_cause", "2018-09-14")],
    )
    p = one(inside, "payments")
    assert (p["amount"], p["due"], p["status"]) == ("450000", "2018-10-14", "owed")
    b = one(inside, "benefits")
    assert (b["from"], b["until"]) == ("2018-09-14", "2020-03-14")
    alone = run("p05-coc-double-trigger.txt", "2018-10-01", facts, [("termination_without_cause", "2018-09-14")])
    assert one(alone, "payments")["status"] == "not_triggered"
    late = run(
        "p05-coc-double-trigger.txt",
        "2019-05-01",
        facts,
        [("change_of_control", "2018-03-01"), ("resignation_for_good_reason", "2019-04-01")],
    )
    assert one(late, "payments")["status"] == "not_triggered"
    assert any("outside the window" in t for t in late["trace"])


def test_p05_definitions_are_linked() -> None:
    m = model("p05-coc-double-trigger.txt")
    by = {e.name: e for e in m.events}
    assert by["change_of_control"].defined_term == "Change in Control"
    assert by["resignation_for_good_reason"].defined_term == "Good Reason"
    assert by["change_of_control"].defined_in == "2"


def test_p05_salary_multiple_without_salary_is_missing() -> None:
    res = run(
        "p05-coc-double-trigger.txt",
        "2018-10-01",
        {},
        [("change_of_control", "2018-03-01"), ("termination_without_cause", "2018-09-14")],
    )
    assert "base_salary" in res["missing_facts"]
    assert one(res, "payments")["amount_unknown"] is True


def test_p06_salary_continuation_in_twelve_installments() -> None:
    res = run("p06-severance-installments.txt", "2016-07-15", {}, [("resignation_for_good_reason", "2016-06-01")])
    p = one(res, "payments")
    assert p["amount"] == "240000" and p["status"] == "owed"
    inst = p["installments"]
    assert len(inst) == 12 and inst[0] == {"due": "2016-07-01", "amount": "20000"}
    assert inst[-1]["due"] == "2017-06-01"
    dead = run("p06-severance-installments.txt", "2016-07-15", {}, [("death", "2016-06-01")])
    assert one(dead, "payments")["status"] == "not_triggered"


def test_p07_partial_acceleration_on_change_of_control() -> None:
    res = run(
        "p07-option-partial-accel.txt",
        "2020-02-01",
        {"grant_date": D("2018-05-10")},
        [("change_of_control", "2020-01-15")],
    )
    g = one(res, "grants")
    assert g["vested"] == 12500  # 5,000 vested + 50% of 15,000
    assert g["accelerated_by"] == {"event": "change_of_control", "date": "2020-01-15"}


def test_p08_month_end_clamping() -> None:
    res = run("p08-month-end-grant.txt", "2020-08-01")
    g = one(res, "grants")
    assert g["vested"] == 2000  # 2020-04-30 and 2020-07-31
    assert g["next_vesting"] == {"date": "2020-10-31", "amount": 1000}


def test_p15_severance_without_window_and_acceptance_deadline() -> None:
    res = run("p15-offer-no-window.txt", "2014-02-10", {}, [("termination_without_cause", "2014-02-03")])
    assert one(res, "payments")[("due")] == "2014-04-04"
    d = one(res, "deadlines", "acceptance")
    assert d["due"] == "2013-08-30" and d["status"] == "missed"
    accepted = run("p15-offer-no-window.txt", "2013-09-01", {}, [("acceptance", "2013-08-29")])
    assert one(accepted, "deadlines", "acceptance")["status"] == "met"


def test_p16_death_benefit_and_cause() -> None:
    res = run("p16-death-benefit.txt", "2012-04-01", {}, [("death", "2012-03-01")])
    p = one(res, "payments")
    assert p["what"] == "death benefit lump sum"
    assert (p["amount"], p["due"], p["status"]) == ("100000", "2012-05-30", "owed")
    cause = run("p16-death-benefit.txt", "2012-04-01", {}, [("termination_for_cause", "2012-03-01")])
    assert one(cause, "payments")["status"] == "not_triggered"


def test_p17_monthly_salary_is_annualized() -> None:
    m = model("p17-monthly-salary.txt")
    assert m.fact("base_salary").value == Decimal("180000")
    res = evaluate(m, {}, [(("resignation_for_good_reason"), D("2022-06-30"))], D("2022-07-31"))
    p = one(res, "payments")
    assert (p["amount"], p["due"]) == ("45000", "2022-07-15")  # July 4 skipped


def test_p18_monthly_rsus_without_cliff_and_disability_acceleration() -> None:
    plain = run("p18-rsu-monthly-no-cliff.txt", "2021-05-01", {"vesting_commencement_date": D("2021-01-31")})
    g = one(plain, "grants")
    assert g["vested"] == 300 and g["next_vesting"] == {"date": "2021-05-31", "amount": 100}
    dis = run(
        "p18-rsu-monthly-no-cliff.txt",
        "2021-05-01",
        {"vesting_commencement_date": D("2021-01-31")},
        [("disability", "2021-04-15")],
    )
    assert one(dis, "grants")["vested"] == 2400


def test_p19_contradictory_vesting_is_a_warning_with_span() -> None:
    m = model("p19-contradictory-vesting.txt")
    w = [w for w in m.warnings if "disagrees" in w.message]
    assert len(w) == 1 and w[0].start is not None and w[0].end > w[0].start
    text = read(PASSAGES / "p19-contradictory-vesting.txt")[0].text
    assert "five-year" in text[w[0].start : w[0].end]


def test_p20_unsupported_vesting_is_a_warning_not_dropped() -> None:
    m = model("p20-milestone-grant.txt")
    assert len(m.grants) == 1 and m.grants[0].total == 30000 and m.grants[0].vesting is None
    assert any("no vesting schedule" in w.message for w in m.warnings)
    res = evaluate(m, {}, [], D("2022-01-01"))
    assert one(res, "grants")["status"] == "unknown"


def test_p21_stated_start_date_annual_vesting_and_window() -> None:
    m = model("p21-offer-start-date-stated.txt")
    assert m.fact("start_date").value == D("2018-06-01")
    res = evaluate(m, {}, [], D("2020-01-01"))
    assert one(res, "grants")["vested"] == 4000
    coc = evaluate(m, {}, [("change_of_control", D("2019-09-01"))], D("2020-01-01"))
    assert one(coc, "grants")["vested"] == 12000
    fired = evaluate(m, {}, [("termination_without_cause", D("2019-03-01"))], D("2019-04-01"))
    assert (one(fired, "payments")["due"], one(fired, "payments")["status"]) == ("2019-03-16", "owed")
    late = evaluate(m, {}, [("termination_without_cause", D("2019-07-01"))], D("2019-08-01"))
    assert one(late, "payments")["status"] == "not_triggered"


# ---------------------------------------------------------------- purchases


def test_p09_price_per_share_derives_the_aggregate() -> None:
    res = run("p09-purchase-per-share.txt", "2010-07-01", {"closing_date": D("2010-06-30")})
    p = one(res, "payments")
    assert (p["amount"], p["due"], p["payer"], p["payee"]) == (
        "1000000",
        "2010-06-30",
        "Redwood Opportunity Fund LP",
        "Cobalt Ridge Mining Corp.",
    )
    d = res["derived"][0]
    assert d["name"] == "aggregate purchase price" and d["value"] == "1000000" and d["derived"] is True
    assert "closing_date" in run("p09-purchase-per-share.txt", "2010-07-01")["missing_facts"]


def test_p10_closing_date_stated_and_price_per_share_derived() -> None:
    m = model("p10-spa-closing-date.txt")
    assert m.fact("closing_date").value == D("2019-04-03")
    res = evaluate(m, {}, [], D("2019-03-25"))
    assert one(res, "payments")["due"] == "2019-04-03"
    assert res["derived"][0]["value"] == "6.25"


# ---------------------------------------------------------------- loans


def test_p11_bullet_note_interest_to_maturity() -> None:
    res = run("p11-note-bullet.txt", "2020-06-01")
    p = one(res, "payments", "maturity")
    assert (p["amount"], p["due"], p["payee"]) == ("267500", "2020-12-31", "First Harbor Bank, N.A.")


def _level(principal: float, rate: float, n: int) -> float:
    return principal * rate / (1 - (1 + rate) ** -n)


def test_p12_quarterly_amortization_and_acceleration() -> None:
    res = run("p12-loan-quarterly.txt", "2021-08-02", {}, [("change_of_control", "2021-08-01")])
    inst = [p for p in res["payments"] if "installment" in p["what"]]
    assert [p["due"] for p in inst] == ["2021-03-31", "2021-06-30", "2021-09-30"]
    assert abs(float(inst[0]["amount"]) - _level(1_200_000, 0.05 / 4, 8)) < 0.01
    acc = one(res, "payments", "acceleration")
    assert acc["due"] == "2021-08-01" and acc["event"] == "change_of_control"


def test_p22_monthly_note_and_maturity() -> None:
    m = model("p22-note-monthly.txt")
    assert m.loans[0].maturity.date == D("2022-07-15")
    res = evaluate(m, {}, [], D("2019-10-01"))
    inst = [p for p in res["payments"] if "installment" in p["what"]]
    assert abs(float(inst[0]["amount"]) - _level(60_000, 0.06 / 12, 36)) < 0.01
    assert inst[-1]["due"] == "2019-10-15"  # the next one, after the two already due


# ---------------------------------------------------------------- financing commitments


def test_p13_business_days_skip_mlk_day_and_conditions() -> None:
    res = run(
        "p13-financing-business-days.txt",
        "2012-01-25",
        {"condition_a": True, "condition_b": True},
        [("acceptance", "2012-01-19"), ("funding_request", "2012-01-13")],
    )
    first = one(res, "payments", "first")
    assert (first["due"], first["status"]) == ("2012-01-23", "owed")
    assert one(res, "deadlines", "returned")["due"] == "2012-01-20T17:00:00-05:00"
    assert "condition_ii" in res["missing_facts"]


def test_p13_unaccepted_commitment_expires() -> None:
    res = run("p13-financing-business-days.txt", "2012-02-01")
    assert one(res, "deadlines", "returned")["status"] == "missed"
    assert {p["status"] for p in res["payments"]} == {"lapsed"}


def test_p13_change_of_control_fails_only_the_second_tranche() -> None:
    res = run(
        "p13-financing-business-days.txt",
        "2012-02-20",
        {},
        [("acceptance", "2012-01-19"), ("change_of_control", "2012-02-01"), ("funding_request", "2012-02-10")],
    )
    assert one(res, "payments", "first")["status"] == "owed"
    assert one(res, "payments", "remaining")["status"] == "lapsed"
    assert [c["status"] for c in res["conditions"] if c["id"] == "i"] == ["failed"]


def test_p14_enumeration_ignores_parenthesized_numbers_and_mac_lapses_second() -> None:
    m = model("p14-financing-mac.txt")
    assert [c.id for c in m.conditions] == ["a", "b", "c", "d"]
    d = m.condition("d")
    assert d.kind == "by_deadline" and d.deadline.offset == "P90D"
    res = evaluate(
        m, {}, [("acceptance", D("2008-09-08")), ("material_adverse_change", D("2008-10-01"))], D("2008-10-15")
    )
    assert one(res, "payments", "initial")["status"] == "not_triggered"
    assert one(res, "payments", "additional")["status"] == "lapsed"
    assert one(res, "deadlines", "condition (d)")["due"] == "2008-12-02"


def test_p23_salary_continuation_from_stated_salary() -> None:
    res = run("p23-salary-continuation.txt", "2010-04-01", {}, [("termination_without_cause", "2010-03-15")])
    p = one(res, "payments")
    assert p["what"] == "severance installments" and p["amount"] == "320000"
    inst = p["installments"]
    assert len(inst) == 12 and inst[1]["due"] == "2010-04-15"
    assert sum(Decimal(i["amount"]) for i in inst) == Decimal("320000")  # rounding absorbed by the last one
    b = one(res, "benefits")
    assert b["until"] == "2011-03-15"


def test_p24_thirds_on_anniversaries_of_stated_commencement_date() -> None:
    res = run("p24-option-thirds.txt", "2019-09-01")
    g = one(res, "grants")
    assert g["vested"] == 6000 and g["next_vesting"] == {"date": "2020-08-31", "amount": 3000}


def test_p25_cliff_after_one_year_then_quarterly() -> None:
    res = run("p25-rsu-cliff-after-one-year.txt", "2021-10-01", {"start_date": D("2020-03-31")})
    g = one(res, "grants")
    assert g["vested"] == 6000  # 4,000 at 2021-03-31, then 2021-06-30 and 2021-09-30
    assert g["next_vesting"] == {"date": "2021-12-31", "amount": 1000}


def test_p26_interest_only_note_accrues_to_maturity() -> None:
    res = run("p26-interest-only-note.txt", "2016-01-01")
    p = one(res, "payments", "maturity")
    assert (p["amount"], p["due"]) == ("436000", "2017-09-30")  # 400,000 x 4.5% x 730/365


def test_p27_numbered_conditions_and_investment_tranches() -> None:
    m = model("p27-tranche-purchase.txt")
    assert [c.id for c in m.conditions] == ["1", "2", "3", "4"]
    assert m.condition("4").kind == "by_deadline" and m.condition("4").deadline.date == D("2014-12-31")
    res = evaluate(
        m,
        {},
        [("acceptance", D("2014-04-10")), ("ceo_change", D("2014-06-01")), ("funding_request", D("2014-07-01"))],
        D("2014-07-20"),
    )
    assert one(res, "payments", "first")["status"] == "owed"
    assert one(res, "payments", "remaining")["status"] == "lapsed"
    assert one(res, "deadlines", "acceptance")["status"] == "met"


def test_p28_exclusions_are_not_triggers() -> None:
    good = run("p28-good-reason-termination.txt", "2021-05-10", {}, [("resignation_for_good_reason", "2021-05-03")])
    p = one(good, "payments")
    assert (p["amount"], p["due"], p["status"]) == ("150000", "2021-07-02", "owed")  # 60th day
    dead = run("p28-good-reason-termination.txt", "2021-05-10", {}, [("death", "2021-05-03")])
    assert one(dead, "payments")["status"] == "not_triggered"  # "other than for Cause, death or disability"


def test_p29_uncomputed_bonus_is_a_warning() -> None:
    m = model("p29-severance-with-bonus.txt")
    assert any("does not compute" in w.message for w in m.warnings)
    res = evaluate(
        m, {"base_salary": Decimal("250000")}, [("termination_without_cause", D("2019-01-07"))], D("2019-01-10")
    )
    assert one(res, "payments")["amount"] == "250000"


def test_p30_inconsistent_price_is_a_warning_with_span() -> None:
    m = model("p30-purchase-inconsistent.txt")
    w = [w for w in m.warnings if "price per share" in w.message]
    text = read(PASSAGES / "p30-purchase-inconsistent.txt")[0].text
    assert len(w) == 1 and text[w[0].start : w[0].end] == "$4.00 per share"
    assert m.derived[0].value == Decimal("4.3333")


def test_p07_after_partial_acceleration_the_rest_vests_scaled_down() -> None:
    res = run(
        "p07-option-partial-accel.txt",
        "2021-06-01",
        {"grant_date": D("2018-05-10")},
        [("change_of_control", "2020-01-15")],
    )
    g = one(res, "grants")
    # 12,500 right after the change of control; the schedule's later 10,000 now delivers the 7,500 left
    assert g["vested"] == 17500
    assert g["next_vesting"] == {"date": "2022-05-10", "amount": 2500}


def test_p31_percent_of_salary_and_one_year_anniversary_cliff() -> None:
    res = run(
        "p31-employment-percent-salary.txt",
        "2014-04-01",
        {"vesting_commencement_date": D("2012-09-01")},
        [("termination_without_cause", "2014-03-03")],
    )
    p = one(res, "payments")
    assert (p["amount"], p["due"]) == ("275000", "2014-03-13")  # 100% of the stated $275,000
    assert one(res, "grants")["vested"] == 37500  # 25,000 at the cliff + 6 x 2,083.33..., floored cumulatively


def test_p32_credit_agreement_defined_dates_and_default() -> None:
    m = model("p32-credit-agreement-term-loan.txt")
    assert m.fact("closing_date").value == D("2020-07-01")
    loan = m.loans[0]
    assert loan.principal.value == Decimal("10000000") and loan.rate == Decimal("8.00") and loan.day_count == 360
    assert loan.maturity.date == D("2025-06-30") and "change_of_control" in loan.accelerates_on
    res = evaluate(m, {}, [("change_of_control", D("2021-03-01"))], D("2021-04-01"))
    assert one(res, "payments", "maturity")["amount"] == "14055555.56"  # 1,825 days / 360
    assert one(res, "payments", "acceleration")["due"] == "2021-03-01"


def test_p33_grant_notice_table_fields() -> None:
    res = run("p33-rsu-notice-table.txt", "2022-12-01")
    g = one(res, "grants")
    assert (g["total"], g["vested"], g["next_vesting"]) == (3200, 600, {"date": "2023-02-15", "amount": 200})
    coc = run("p33-rsu-notice-table.txt", "2023-03-01", {}, [("change_of_control", "2023-02-01")])
    assert one(coc, "grants")["vested"] == 3200


def test_p34_window_before_and_after_change_in_control() -> None:
    before = run(
        "p34-cic-window-before-and-after.txt",
        "2020-04-01",
        {},
        [("termination_without_cause", "2020-01-15"), ("change_of_control", "2020-03-01")],
    )
    p = one(before, "payments")
    # termination 6 weeks before the change in control counts; payment runs from the later date
    assert (p["amount"], p["due"], p["status"]) == ("520000", "2020-03-11", "owed")
    early = run(
        "p34-cic-window-before-and-after.txt",
        "2020-04-01",
        {},
        [("termination_without_cause", "2019-10-15"), ("change_of_control", "2020-03-01")],
    )
    assert one(early, "payments")["status"] == "not_triggered"
    no_coc = run("p34-cic-window-before-and-after.txt", "2020-04-01", {}, [("termination_without_cause", "2020-01-15")])
    assert one(no_coc, "payments")["status"] == "not_triggered"


def test_p35_ratable_annual_vesting_and_single_trigger() -> None:
    res = run("p35-option-ratable-annual.txt", "2022-07-01", {"grant_date": D("2020-06-15")})
    g = one(res, "grants")
    assert g["vested"] == 20000 and g["next_vesting"] == {"date": "2023-06-15", "amount": 10000}
    coc = run(
        "p35-option-ratable-annual.txt",
        "2022-07-01",
        {"grant_date": D("2020-06-15")},
        [("change_of_control", "2021-01-04")],
    )
    assert one(coc, "grants")["vested"] == 40000


def test_p36_share_counts_and_calendar_quarter_warning() -> None:
    m = model("p36-rsu-counts-calendar-quarters.txt")
    v = m.grants[0].vesting
    assert v is not None and (v.cliff, v.period, v.installments) == ("P1Y", "P3M", 12)
    assert v.cliff_fraction == Decimal(3000) / Decimal(12000)
    assert any("calendar quarter" in w.message for w in m.warnings)
    res = evaluate(m, {"start_date": D("2020-06-15")}, [], D("2022-07-01"))
    assert one(res, "grants")["vested"] == 6000  # 3,000 + 4 x 750


def test_p37_defined_qualifying_termination_carries_events_and_window() -> None:
    both = run(
        "p37-qualifying-termination.txt",
        "2022-07-15",
        {},
        [("change_of_control", "2022-01-10"), ("termination_without_cause", "2022-06-01")],
    )
    p = one(both, "payments")
    assert (p["amount"], p["due"], p["status"]) == ("450000", "2022-07-01", "owed")
    alone = run("p37-qualifying-termination.txt", "2022-07-15", {}, [("termination_without_cause", "2022-06-01")])
    assert one(alone, "payments")["status"] == "not_triggered"
