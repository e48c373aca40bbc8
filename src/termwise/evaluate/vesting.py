"""Vesting: a grant's schedule from its anchor date (month ends clamped), what has
vested at a date, acceleration on events, and where vesting stops."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from termwise.evaluate.calendar import add_duration, duration_months
from termwise.terms.model import Grant

if TYPE_CHECKING:
    from termwise.evaluate.engine import Scenario


def vesting_schedule(g: Grant, anchor: dt.date) -> list[tuple[dt.date, int, str]]:
    """(date, cumulative vested, how the date was computed) for a grant's schedule."""
    v = g.vesting
    assert v is not None
    out: list[tuple[dt.date, int, str]] = []
    total = g.total
    cliff_amt = 0
    start = anchor
    if v.cliff:
        d, note = add_duration(anchor, v.cliff)
        frac = v.cliff_fraction if v.cliff_fraction is not None else Decimal(1)
        cliff_amt = int((Decimal(total) * frac).to_integral_value(rounding="ROUND_FLOOR"))
        if v.installments is None:
            cliff_amt = total if frac >= 1 else cliff_amt
        out.append((d, cliff_amt, f"cliff {note}"))
        start = anchor
    if v.installments and v.period:
        rest = total - cliff_amt
        base_steps = 0
        if v.cliff:
            cm, pm = duration_months(v.cliff), duration_months(v.period)
            base_steps = cm // pm if cm and pm else 0
        for k in range(1, v.installments + 1):
            d, note = add_duration(start, v.period, times=base_steps + k)
            cum = cliff_amt + (rest * k) // v.installments
            out.append((d, cum, note))
    return out


def grant_answer(sc: Scenario, g: Grant, cond_status: Mapping[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": g.id,
        "what": g.what,
        "total": g.total,
        "vested": 0,
        "unvested": g.total,
        "next_vesting": None,
        "evidence": _ev(g.evidence),
    }
    if g.vesting is None:
        item["status"] = "unknown"
        sc.trace.append(f"{g.what}: no vesting schedule could be read")
        return item
    anchor = sc.date_fact(g.vesting.anchor)
    if anchor is None:
        item["status"] = "unknown"
        return item
    sched = vesting_schedule(g, anchor)
    stop = sc.separation if sc.separation and sc.separation[0] in g.stops_on else None
    limit = min(sc.as_of, stop[1]) if stop else sc.as_of

    def base(t: dt.date) -> int:
        return max([cum for d, cum, _ in sched if d <= t] or [0])

    accelerated = None
    fraction = Decimal(0)
    for a in g.acceleration:
        hit = sc.fire(a.trigger, f"{g.what} acceleration")
        if hit and (stop is None or hit[1] <= stop[1]):
            accelerated, fraction = hit, a.fraction
            break
    b_acc = base(accelerated[1]) if accelerated else 0
    v_acc = b_acc + int((Decimal(g.total - b_acc) * fraction).to_integral_value(rounding="ROUND_FLOOR"))

    def vested_at(t: dt.date) -> int:
        """Scheduled vesting; after an acceleration the rest of the schedule is scaled to what is left."""
        if accelerated is None or t < accelerated[1]:
            return base(t)
        if g.total == b_acc:
            return g.total
        return v_acc + (base(t) - b_acc) * (g.total - v_acc) // (g.total - b_acc)

    vested = vested_at(limit)
    last = next(((d, cum, note) for d, cum, note in reversed(sched) if d <= limit), None)
    if last:
        sc.trace.append(f"{g.what}: {base(limit):,} vested on schedule by {limit} (last vesting {last[0]}: {last[2]})")
    else:
        sc.trace.append(f"{g.what}: nothing vested by {limit} (first vesting {sched[0][0] if sched else None})")
    if accelerated:
        sc.trace.append(
            f"{g.what}: {accelerated[0]} on {accelerated[1]} accelerates {_dstr(fraction * 100)}%"
            f" of the {g.total - b_acc:,} then unvested: +{v_acc - b_acc:,}"
            + ("" if fraction >= 1 else "; the rest keeps vesting on the schedule, scaled down")
        )
    perf = [c for c in g.conditions if cond_status.get(c) != "satisfied"]
    if any(cond_status.get(c) == "failed" for c in g.conditions):
        sc.trace.append(f"{g.what}: a performance condition failed; nothing vests")
        vested = 0
    elif perf:
        item["subject_to"] = perf
        item["service_vested"] = vested
        for c in perf:
            cd = sc.model.condition(c)
            if cd and cd.fact and cd.fact not in sc.missing:
                sc.missing.append(cd.fact)
        sc.trace.append(
            f"{g.what}: {vested:,} would be vested by service, but vesting also depends on {', '.join(perf)},"
            " which is not given; counted as not vested"
        )
        vested = 0
    item["vested"] = vested
    item["unvested"] = g.total - vested
    if stop and vested < g.total:
        item["forfeited_or_plan"] = g.total - vested
        why = g.note or "the agreement's terms on unvested awards govern"
        item["note"] = f"vesting stopped on {stop[1]} ({stop[0]}); {why}"
        sc.trace.append(f"{g.what}: vesting stops at {vested:,} on {stop[1]} ({stop[0]}); {why}")
    elif not stop and vested < g.total and not perf:
        nxt = next((d for d, _cum, _ in sched if d > sc.as_of and vested_at(d) > vested), None)
        if nxt:
            item["next_vesting"] = {"date": nxt.isoformat(), "amount": vested_at(nxt) - vested}
    if accelerated:
        item["accelerated_by"] = {"event": accelerated[0], "date": accelerated[1].isoformat()}
    return item


def _ev(spans: tuple[tuple[int, int], ...]) -> list[list[int]]:
    return [[int(a), int(b)] for a, b in spans]


def _dstr(d: Decimal) -> str:
    from termwise.evaluate.engine import dstr

    return dstr(d)
