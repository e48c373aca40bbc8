"""Every dated obligation, vesting date and deadline of a model, in order.

Dates that hang on a fact not given are left out and the fact is named; dates that
hang on an event are shown only when the event is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from termwise.evaluate.engine import FactValue, Scenario, dstr, ev, evaluate
from termwise.evaluate.vesting import vesting_schedule
from termwise.terms.model import TermModel


def timeline(
    model: TermModel,
    facts: Mapping[str, FactValue],
    events: Sequence[tuple[str, dt.date]],
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """``{"items": [...], "missing_facts": [...]}``; items sorted by date."""
    horizon = as_of or dt.date(9999, 12, 31)
    res = evaluate(model, facts, events, horizon)
    sc = Scenario(model, facts, events, horizon)
    items: list[dict[str, Any]] = []

    def add(when: dt.date | dt.datetime | str | None, kind: str, what: str, evidence: Any, **extra: Any) -> None:
        if when is None:
            return
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when) if "T" in when else dt.date.fromisoformat(when)
        items.append({"date": when, "kind": kind, "what": what, "evidence": evidence, **extra})

    for p in res["payments"]:
        if p["due"] and p["status"] != "not_triggered":
            add(
                p["due"],
                "payment",
                f"{p['what']}: {p['currency']} {p['amount']} ({p['status']})",
                p["evidence"],
                amount=p["amount"],
                status=p["status"],
            )
            for k, inst in enumerate(p.get("installments", [])[1:], start=2):
                add(
                    inst["due"],
                    "payment",
                    f"{p['what']} installment {k}: {p['currency']} {inst['amount']}",
                    p["evidence"],
                )
    for loan in model.loans:
        from termwise.evaluate.loans import schedule

        first = sc.when(loan.first_payment) if loan.first_payment else None
        principal = sc.amount(loan.principal, "loan principal")
        if loan.installments and loan.period and isinstance(first, dt.date) and principal is not None:
            for k, r in enumerate(schedule(loan, first, principal), start=1):
                add(
                    r["due"],
                    "payment",
                    f"loan installment {k} of {loan.installments}: {dstr(r['amount'])}",
                    ev(loan.evidence),
                    amount=dstr(r["amount"]),
                )
        if loan.maturity:
            add(sc.when(loan.maturity), "deadline", "loan maturity", ev(loan.evidence))
    for g in model.grants:
        if g.vesting is None:
            continue
        anchor = sc.date_fact(g.vesting.anchor)
        if anchor is None:
            continue
        stop = sc.separation[1] if sc.separation and sc.separation[0] in g.stops_on else None
        prev = 0
        for d, cum, note in vesting_schedule(g, anchor):
            if stop and d > stop:
                break
            add(
                d,
                "vesting",
                f"{g.what}: {cum - prev:,} vest ({cum:,} of {g.total:,})",
                ev(g.evidence),
                detail=note,
                amount=cum - prev,
            )
            prev = cum
    zoned = {d.id: sc.when(d.due) for d in model.deadlines}  # keeps the IANA zone for iCalendar
    for d in res["deadlines"]:
        add(zoned.get(d.get("id", "")) or d["due"], "deadline", f"{d['what']} ({d['status']})", d["evidence"])
    for o in res["obligations"]:
        if o["due"]:
            add(o["due"], "obligation", f"{o['obligor']}: {o['what'][:100]}", o["evidence"])
    for b in res["benefits"]:
        if b["from"]:
            add(b["from"], "benefit", f"{b['what']} begins", b["evidence"])
            add(b["until"], "benefit", f"{b['what']} ends", b["evidence"])
    items.sort(key=lambda it: (_key(it["date"]), it["kind"], it["what"]))
    missing = list(dict.fromkeys([*res["missing_facts"], *sc.missing]))
    return {"items": items, "missing_facts": missing}


def _key(d: dt.date | dt.datetime) -> tuple[dt.date, str]:
    if isinstance(d, dt.datetime):
        return d.date(), d.time().isoformat()
    return d, ""


def items_json(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**it, "date": it["date"].isoformat()} for it in items]
