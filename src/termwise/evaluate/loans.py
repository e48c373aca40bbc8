"""Loan schedules: level installments of principal and interest, interest-only
periods, maturity, acceleration on an event of default."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from termwise.evaluate.calendar import add_duration, duration_months
from termwise.terms.model import Loan

if TYPE_CHECKING:
    from termwise.evaluate.engine import Scenario

CENT = Decimal("0.01")


def level_payment(principal: Decimal, annual_rate_pct: Decimal, periods_per_year: int, n: int) -> Decimal:
    """The level payment that repays ``principal`` over ``n`` periods (annuity formula)."""
    r = annual_rate_pct / 100 / periods_per_year
    if r == 0:
        return (principal / n).quantize(CENT, rounding=ROUND_HALF_UP)
    f = (1 + r) ** n
    return (principal * r * f / (f - 1)).quantize(CENT, rounding=ROUND_HALF_UP)


def schedule(loan: Loan, first: dt.date, principal: Decimal) -> list[dict[str, Any]]:
    """Every installment: due date, payment, interest, principal, balance after."""
    assert loan.installments and loan.period
    months = duration_months(loan.period) or 1
    ppy = 12 // months if months <= 12 else 1
    rate = loan.rate or Decimal(0)
    pay = level_payment(principal, rate, ppy, loan.installments)
    bal = principal
    out = []
    for k in range(loan.installments):
        due, _ = add_duration(first, loan.period, times=k)
        interest = (bal * rate / 100 / ppy).quantize(CENT, rounding=ROUND_HALF_UP)
        amt = pay if k < loan.installments - 1 else bal + interest
        princ = amt - interest
        bal -= princ
        out.append({"due": due, "amount": amt, "interest": interest, "principal": princ, "balance": bal})
    return out


def loan_payments(sc: Scenario, loan: Loan) -> list[dict[str, Any]]:
    from termwise.evaluate.engine import dstr, ev

    principal = sc.amount(loan.principal, "loan principal")
    if principal is None:
        return []
    out: list[dict[str, Any]] = []
    base = {
        "currency": loan.principal.currency,
        "payer": loan.borrower,
        "payee": loan.lender,
        "evidence": ev(loan.evidence),
    }
    maturity = sc.when(loan.maturity, what="loan maturity") if loan.maturity else None
    accel = next(((n, d) for n, d in sc.events if n in loan.accelerates_on), None)
    first = sc.when(loan.first_payment, what="first loan installment") if loan.first_payment else None
    if loan.installments and loan.period and isinstance(first, dt.date):
        rows = schedule(loan, first, principal)
        basis = f"{loan.day_count}-day year" if loan.day_count else "per-period rate"
        sc.trace.append(
            f"loan: {loan.installments} level installments of {dstr(rows[0]['amount'])} "
            f"({dstr(principal)} at {dstr(loan.rate or Decimal(0))}% a "
            f"year, {basis}, rate per period = annual / periods a year)"
        )
        shown = [r for r in rows if r["due"] <= sc.as_of]
        upcoming = next((r for r in rows if r["due"] > sc.as_of), None)
        for i, r in enumerate(rows):
            if r not in shown and r is not upcoming:
                continue
            out.append(
                {
                    **base,
                    "id": f"{loan.id}.{i + 1}",
                    "what": f"loan installment {i + 1} of {len(rows)}",
                    "amount": dstr(r["amount"]),
                    "due": r["due"].isoformat(),
                    "status": "owed",
                    "interest": dstr(r["interest"]),
                    "principal": dstr(r["principal"]),
                    "balance_after": dstr(r["balance"]),
                }
            )
        if shown:
            sc.trace.append(
                f"loan: {len(shown)} installment(s) fell due by {sc.as_of}; whether they were paid is not known"
            )
    elif maturity is not None:
        interest = None
        start = sc.when(loan.start) if loan.start else None
        if loan.rate and isinstance(start, dt.date) and isinstance(maturity, dt.date):
            days = (maturity - start).days
            year = loan.day_count or 365
            interest = (principal * loan.rate / 100 * Decimal(days) / Decimal(year)).quantize(
                CENT, rounding=ROUND_HALF_UP
            )
            sc.trace.append(
                f"loan simple interest {start} to {maturity}, if none is paid before maturity: {dstr(principal)} "
                f"x {dstr(loan.rate)}% x {days}/{year} = {dstr(interest)}"
            )
        out.append(
            {
                **base,
                "id": f"{loan.id}.maturity",
                "what": "principal and interest at maturity",
                "amount": dstr(principal + (interest or 0)),
                "due": maturity.isoformat()[:10],
                "status": "owed",
            }
        )
    if accel:
        out.append(
            {
                **base,
                "id": f"{loan.id}.acceleration",
                "what": "unpaid principal, at the lender's option (acceleration)",
                "amount": dstr(principal),
                "due": accel[1].isoformat(),
                "status": "owed",
                "event": accel[0],
                "note": "the lender may declare it due; principal already repaid is not known",
            }
        )
        sc.trace.append(f"loan: {accel[0]} on {accel[1]} lets the lender declare the unpaid principal immediately due")
    return out
