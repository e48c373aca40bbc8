"""The scenario engine: a pure function (model, facts, events, as_of) -> the
``termwise.evaluate/1`` answer, every number with its evidence and a trace of why.

Semantics, stated once:

- **Events** given are what happened (a closed list): an event not given did not
  happen by ``as_of``. Events dated after ``as_of`` are ignored. The first event
  that ends employment ends it; later separation events are ignored.
- **Facts** are an open list: a fact the answer needs and that neither the caller
  nor the document gives is named in ``missing_facts``, never guessed.
- A payment is ``owed`` once its trigger happened (inside its window) and no
  condition failed, ``lapsed`` when a condition failed or the offer expired,
  ``not_triggered`` otherwise, ``paid`` when the text says it was settled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from termwise.evaluate.calendar import add_duration, at_time
from termwise.terms.model import (
    SEPARATION_EVENTS,
    Amount,
    Condition,
    Deadline,
    Obligation,
    Payment,
    TermModel,
    Trigger,
    When,
    Window,
)

EVALUATE_SCHEMA = "termwise.evaluate/1"

# Other spellings of the canonical events, as people type them.
EVENT_ALIASES = {
    "termination_for_good_cause": "termination_for_cause",
    "termination_with_cause": "termination_for_cause",
    "for_cause_termination": "termination_for_cause",
    "termination_without_good_cause": "termination_without_cause",
    "termination_other_than_for_cause": "termination_without_cause",
    "resignation_with_good_reason": "resignation_for_good_reason",
    "good_reason_resignation": "resignation_for_good_reason",
    "resignation": "resignation_without_good_reason",
    "voluntary_resignation": "resignation_without_good_reason",
    "change_in_control": "change_of_control",
    "change_of_ceo": "ceo_change",
    "mac": "material_adverse_change",
    "funding": "funding_request",
    "request": "funding_request",
    "accepted": "acceptance",
}
FactValue = dt.date | Decimal | bool


def dstr(d: Decimal) -> str:
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def ev(spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    return [[int(a), int(b)] for a, b in spans]


class Scenario:
    """The facts and events of one evaluation, with bookkeeping for the answer."""

    def __init__(
        self, model: TermModel, facts: Mapping[str, FactValue], events: Sequence[tuple[str, dt.date]], as_of: dt.date
    ) -> None:
        self.model = model
        self.given = dict(facts)
        self.as_of = as_of
        self.used: set[str] = set()
        self.missing: list[str] = []
        self.trace: list[str] = []
        evs = []
        for name, day in events:
            canon = EVENT_ALIASES.get(name, name)
            if canon != name and not any(e.name == name for e in model.events):
                self.trace.append(f"event {name} read as {canon}")
                name = canon
            evs.append((name, day))
        evs.sort(key=lambda e: (e[1], e[0]))
        for e in model.events:
            if e.occurred_on and not any(n == e.name for n, _ in evs):
                evs.append((e.name, e.occurred_on))
                self.trace.append(f"{e.name} on {e.occurred_on} is recorded in the document itself (dated signature)")
        evs.sort(key=lambda e: (e[1], e[0]))
        self.events: list[tuple[str, dt.date]] = []
        self.separation: tuple[str, dt.date] | None = None
        for name, d in evs:
            if d > as_of:
                self.trace.append(f"{name} on {d} is after the as-of date {as_of}; ignored")
                continue
            if name in SEPARATION_EVENTS:
                if self.separation is not None:
                    self.trace.append(
                        f"{name} on {d} ignored: employment already ended "
                        f"by {self.separation[0]} on {self.separation[1]}"
                    )
                    continue
                self.separation = (name, d)
            self.events.append((name, d))

    # -- facts
    def fact(self, name: str, *, need: bool = True) -> FactValue | None:
        if name in self.given:
            self.used.add(name)
            return self.given[name]
        fd = self.model.fact(name)
        if fd is not None and fd.value is not None:
            return fd.value
        if need and name not in self.missing:
            self.missing.append(name)
            self.trace.append(f"fact {name} is needed and was not given (--fact {name}=...)")
        return None

    def date_fact(self, name: str) -> dt.date | None:
        v = self.fact(name)
        if v is None:
            return None
        if isinstance(v, dt.date):
            return v
        self.trace.append(f"fact {name} should be a date, got {v!r}")
        return None

    def happened(self, name: str) -> list[dt.date]:
        return [d for n, d in self.events if n == name]

    # -- dates
    def when(self, w: When | None, event_date: dt.date | None = None, what: str = "") -> dt.date | dt.datetime | None:
        if w is None:
            return event_date
        if w.date is not None:
            base: dt.date | None = w.date
            how = f"{what}: {w.date}" + (f" ({w.text})" if w.text else "")
        elif w.anchor == "event":
            base = event_date
            how = f"{what}: counted from the event on {event_date}"
        else:
            base = self.date_fact(w.anchor) if w.anchor else None
            how = f"{what}: counted from {w.anchor} = {base}"
        if base is None:
            return None
        d = base
        if w.offset:
            d, note = add_duration(base, w.offset, business_days=w.business_days)
            how += f"; {note}"
            if w.text:
                how += f" ('{w.text}')"
        out = at_time(d, w.time, w.tz)
        if w.time is not None:
            how += f"; at {w.time.strftime('%H:%M')} {w.tz or '(no time zone stated)'} = {out.isoformat()}"
        if what:
            self.trace.append(how)
        return out

    # -- triggers
    def fire(self, trig: Trigger, what: str) -> tuple[str, dt.date] | None:
        for name, d in self.events:
            if name not in trig.events:
                continue
            if self.separation and name in SEPARATION_EVENTS and (name, d) != self.separation:
                continue
            employment_linked = any(e in SEPARATION_EVENTS for e in trig.events)
            if self.separation and employment_linked and name not in SEPARATION_EVENTS and d > self.separation[1]:
                self.trace.append(
                    f"{what}: {name} on {d} does not count: employment ended on {self.separation[1]}"
                    f" ({self.separation[0]})"
                )
                continue
            w = trig.window
            if w is not None:
                event_anchor = w.anchor in {e.name for e in self.model.events} or w.anchor in (
                    "change_of_control",
                    *SEPARATION_EVENTS,
                )
                if event_anchor:
                    hit = self._in_event_window(w, name, d, what)
                    if hit is None:
                        continue
                    return hit
                a_opt = self.date_fact(w.anchor)
                if a_opt is None:
                    self.trace.append(
                        f"{what}: cannot tell whether {name} on {d} falls in the window without {w.anchor}"
                    )
                    continue
                a = a_opt
                if w.duration:
                    end, note = add_duration(a, w.duration)
                    if not (a <= d < end):
                        self.trace.append(
                            f"{what}: {name} on {d} is outside the window [{a}, {end}) ({note}; '{w.text}')"
                        )
                        continue
                    self.trace.append(f"{what}: {name} on {d} falls in the window [{a}, {end}) ('{w.text}')")
            return name, d
        return None

    def _in_event_window(self, w: Window, name: str, d: dt.date, what: str) -> tuple[str, dt.date] | None:
        """``name`` on ``d`` inside the window around an anchor event; the obligation starts at the later date."""
        for a in self.happened(w.anchor):
            start = add_duration(a, w.before, times=-1)[0] if w.before else a
            end = add_duration(a, w.duration)[0] if w.duration else dt.date.max
            if start <= d < end:
                when = max(a, d)
                self.trace.append(
                    f"{what}: {name} on {d} falls in the window [{start}, {end}) around {w.anchor} on {a} ('{w.text}')"
                    + (f"; it counts from {w.anchor} on {a}" if a > d else "")
                )
                return name, when
        self.trace.append(f"{what}: {name} on {d} is outside the window around {w.anchor} ('{w.text}')")
        return None

    # -- conditions
    def condition(self, c: Condition) -> tuple[str, str]:
        if c.kind == "event_absent" and c.event:
            since = self.date_fact(c.since) if c.since else None
            hits = [d for d in self.happened(c.event) if since is None or d >= since]
            if hits:
                return "failed", f"condition {c.label or c.id} failed: {c.event} on {hits[0]}"
            return "satisfied", f"condition {c.label or c.id} holds: no {c.event} given by {self.as_of}"
        v = self.fact(c.fact, need=False) if c.fact else None
        if c.kind == "by_deadline" and c.deadline is not None:
            due = self.when(c.deadline, what=f"condition {c.label or c.id} deadline")
            if v is True:
                return "satisfied", f"condition {c.label or c.id} met (fact {c.fact}=true)"
            if v is False:
                return "failed", f"condition {c.label or c.id} not met (fact {c.fact}=false)"
            return "unknown", f"condition {c.label or c.id}: due {due}; whether it is met is not given (fact {c.fact})"
        if v is True:
            return "satisfied", f"condition {c.label or c.id} met (fact {c.fact}=true)"
        if v is False:
            return "failed", f"condition {c.label or c.id} not met (fact {c.fact}=false)"
        return "unknown", f"condition {c.label or c.id} unknown (fact {c.fact} not given)"

    def amount(self, a: Amount, what: str) -> Decimal | None:
        if a.value is not None:
            return a.value
        if a.fact:
            base = self.fact(a.fact)
            if base is None:
                return None
            if not isinstance(base, Decimal):
                self.trace.append(f"fact {a.fact} should be an amount, got {base!r}")
                return None
            out = (base * (a.multiplier or Decimal(1))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            self.trace.append(
                f"{what}: {a.text or a.fact} = {dstr(base)} x {dstr(a.multiplier or Decimal(1))} = {dstr(out)}"
            )
            return out
        return None


def _date_str(x: dt.date | dt.datetime | None) -> str | None:
    return x.isoformat() if x is not None else None


def evaluate(
    model: TermModel, facts: Mapping[str, FactValue], events: Sequence[tuple[str, dt.date]], as_of: dt.date
) -> dict[str, Any]:
    """The ``termwise.evaluate/1`` answer (a plain, JSON-ready dict)."""
    sc = Scenario(model, facts, events, as_of)
    conditions_out, cond_status = _conditions(sc)
    deadlines_out, missed = _deadlines(sc)
    payments_out = [_payment(sc, p, cond_status, missed) for p in model.payments]
    from termwise.evaluate.loans import loan_payments

    for loan in model.loans:
        payments_out.extend(loan_payments(sc, loan))
    from termwise.evaluate.vesting import grant_answer

    grants_out = [grant_answer(sc, g, cond_status) for g in model.grants]
    benefits_out = []
    for b in model.benefits:
        hit = sc.fire(b.trigger, b.what) if b.trigger else None
        item: dict[str, Any] = {
            "what": b.what,
            "from": None,
            "until": None,
            "status": "not_triggered",
            "evidence": ev(b.evidence),
        }
        if hit:
            until = add_duration(hit[1], b.duration)[0] if b.duration else None
            item.update(
                {
                    "from": hit[1].isoformat(),
                    "until": until.isoformat() if until else None,
                    "status": "active" if until is None or as_of < until else "ended",
                    "event": hit[0],
                }
            )
            sc.trace.append(f"{b.what}: from {hit[0]} on {hit[1]} for {b.duration} until {until}")
        benefits_out.append(item)
    unused = sorted(set(sc.given) - sc.used)
    for u in unused:
        sc.trace.append(f"fact {u} was given but this agreement does not use it")
    return {
        "schema": EVALUATE_SCHEMA,
        "as_of": as_of.isoformat(),
        "facts": {k: _fact_json(v) for k, v in sorted(sc.given.items())},
        "events": [{"event": n, "date": d.isoformat()} for n, d in sorted(events, key=lambda e: (e[1], e[0]))],
        "payments": payments_out,
        "grants": grants_out,
        "benefits": benefits_out,
        "deadlines": deadlines_out,
        "conditions": conditions_out,
        "obligations": [_obligation(sc, o) for o in model.obligations],
        "derived": [
            {
                "name": d.name,
                "value": dstr(d.value),
                "unit": d.unit,
                "formula": d.formula,
                "derived": True,
                "evidence": ev(d.evidence),
            }
            for d in model.derived
        ],
        "missing_facts": sc.missing,
        "unused_facts": unused,
        "warnings": [{"message": w.message, "start": w.start, "end": w.end} for w in model.warnings],
        "trace": sc.trace,
    }


def _obligation(sc: Scenario, o: Obligation) -> dict[str, Any]:
    due = sc.when(o.due) if o.due else None
    item: dict[str, Any] = {
        "what": o.action,
        "obligor": o.obligor,
        "beneficiary": o.beneficiary,
        "due": _date_str(due),
        "evidence": ev(o.evidence),
    }
    return item


def _fact_json(v: FactValue) -> Any:
    if isinstance(v, bool):
        return v
    if isinstance(v, Decimal):
        return dstr(v)
    return v.isoformat()


def _conditions(sc: Scenario) -> tuple[list[dict[str, Any]], dict[str, str]]:
    out = []
    status: dict[str, str] = {}
    for c in sc.model.conditions:
        st, why = sc.condition(c)
        status[c.id] = st
        sc.trace.append(why)
        item: dict[str, Any] = {"id": c.id, "label": c.label, "text": c.text, "status": st, "evidence": ev(c.evidence)}
        if c.fact:
            item["fact"] = c.fact
        if c.event:
            item["event"] = c.event
        out.append(item)
    return out, status


def _deadlines(sc: Scenario) -> tuple[list[dict[str, Any]], set[str]]:
    out: list[dict[str, Any]] = []
    missed: set[str] = set()
    for d in sc.model.deadlines:
        out.append(_deadline(sc, d, missed))
    for c in sc.model.conditions:
        if c.kind == "by_deadline" and c.deadline is not None:
            due = sc.when(c.deadline)
            v = sc.fact(c.fact, need=False) if c.fact else None
            st = "met" if v is True else "missed" if v is False and due is not None and sc.as_of > _day(due) else "open"
            item: dict[str, Any] = {
                "what": f"condition {c.label or c.id}: {c.text[:120]}",
                "due": _date_str(due),
                "status": st,
                "evidence": ev(c.evidence),
            }
            if v is None and due is not None and sc.as_of > _day(due):
                item["past_due"] = True
                if c.fact and c.fact not in sc.missing:
                    sc.missing.append(c.fact)
                sc.trace.append(
                    f"condition {c.label or c.id} was due {due}; whether it was met is not given (fact {c.fact})"
                )
            out.append(item)
    return out, missed


def _day(x: dt.date | dt.datetime) -> dt.date:
    return x.date() if isinstance(x, dt.datetime) else x


def _deadline(sc: Scenario, d: Deadline, missed: set[str]) -> dict[str, Any]:
    due = sc.when(d.due, what=d.what)
    item: dict[str, Any] = {
        "id": d.id,
        "what": d.what,
        "due": _date_str(due),
        "status": "open",
        "evidence": ev(d.evidence),
    }
    if due is None:
        item["status"] = "open"
        return item
    dday = _day(due)
    if d.met_by_event:
        hits = sc.happened(d.met_by_event)
        if hits:
            ok = hits[0] <= dday
            item["status"] = "met" if ok else "missed"
            sc.trace.append(
                f"{d.what}: {d.met_by_event} on {hits[0]} is {'on or before' if ok else 'after'} the deadline {due}"
            )
        elif d.signed_copy is not None:
            item["status"] = "met"
            item["assumed"] = True
            sc.trace.append(
                f"{d.what}: the document carries the countersignature (offsets {list(d.signed_copy)}) without a date;"
                f" read as accepted in time - give --event {d.met_by_event}@DATE to check the date"
            )
        elif sc.as_of <= dday:
            item["status"] = "open"
        else:
            item["status"] = "missed"
            sc.trace.append(f"{d.what}: no {d.met_by_event} given by {due}; the deadline was missed")
    elif d.met_by_fact:
        v = sc.fact(d.met_by_fact, need=False)
        if v is True:
            item["status"] = "met"
        elif v is False and sc.as_of > dday:
            item["status"] = "missed"
        elif sc.as_of > dday:
            item["past_due"] = True
            sc.trace.append(f"{d.what}: due {due}; whether it was met is not given (fact {d.met_by_fact})")
    if item["status"] == "missed":
        missed.add(d.id)
        if d.consequence == "expire":
            sc.trace.append(f"{d.what} missed: the agreement says the offer expires; what depends on it lapses")
    return item


def _payment(sc: Scenario, p: Payment, cond_status: Mapping[str, str], missed: set[str]) -> dict[str, Any]:
    amount = sc.amount(p.amount, p.what)
    item: dict[str, Any] = {
        "id": p.id,
        "what": p.what,
        "amount": dstr(amount) if amount is not None else None,
        "currency": p.amount.currency,
        "payer": p.payer,
        "payee": p.payee,
        "due": None,
        "status": "not_triggered",
        "evidence": ev(p.evidence),
    }
    failed = [c for c in p.conditions if cond_status.get(c) == "failed"]
    unknown = [c for c in p.conditions if cond_status.get(c) == "unknown"]
    if p.conditions:
        item["conditions"] = {c: cond_status.get(c, "unknown") for c in p.conditions}
    if p.trigger is None:
        due = sc.when(p.due, what=f"{p.what} due")
        item["due"] = _date_str(due)
        item["status"] = "paid" if p.settled and due is not None and _day(due) <= sc.as_of else "owed"
        if p.settled:
            sc.trace.append(f"{p.what}: the text says it is settled on {due}")
    else:
        hit = sc.fire(p.trigger, p.what)
        if hit:
            due = sc.when(p.due, hit[1], what=f"{p.what} due")
            item["due"] = _date_str(due)
            item["event"] = hit[0]
            item["status"] = "owed"
            sc.trace.append(f"{p.what}: triggered by {hit[0]} on {hit[1]}")
            for c in unknown:
                cd = sc.model.condition(c)
                if cd and cd.fact and cd.fact not in sc.missing:
                    sc.missing.append(cd.fact)
        else:
            sc.trace.append(f"{p.what}: not triggered (needs one of {', '.join(p.trigger.events)} by {sc.as_of})")
    if failed:
        item["status"] = "lapsed"
        sc.trace.append(f"{p.what}: lapsed because condition(s) {', '.join(failed)} failed")
    if p.lapses_with and p.lapses_with in missed:
        item["status"] = "lapsed"
        sc.trace.append(f"{p.what}: lapsed because {p.lapses_with} was missed")
    if p.installments and amount is not None and item["due"]:
        each = (amount / p.installments).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        last = amount - each * (p.installments - 1)  # the last one absorbs the rounding
        first = dt.date.fromisoformat(item["due"][:10])
        item["installments"] = [
            {
                "due": add_duration(first, p.period, times=k)[0].isoformat() if p.period else item["due"],
                "amount": dstr(each if k < p.installments - 1 else last),
            }
            for k in range(p.installments)
        ]
    if amount is None:
        item["amount"] = "0"
        item["amount_unknown"] = True
    return item
