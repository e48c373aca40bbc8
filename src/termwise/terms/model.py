"""The term model: what an agreement sets up, in a form that can be computed.

Frozen, slotted, keyword-only dataclasses (pydantic only validates YAML at the
edge, see :mod:`termwise.terms.yamlio`). Every element carries ``evidence``: a
tuple of ``(start, end)`` offsets into the document text.

Dates inside the model are mostly *expressions* (:class:`When`): an absolute
date, or an anchor (a fact such as ``start_date``, the document's own date
``agreement_date``, or ``event`` — the date of the event that triggered the
obligation) plus an ISO-8601 offset (``P5D``, ``P6M``), optionally counted in
business days, optionally with a time of day and a time zone.

::

    TermModel
    ├── parties        PartyRef (name, role, aliases)
    ├── facts          FactDef  (start_date, base_salary, condition_z, ...)
    ├── events         EventDef (canonical name, the contract's definition)
    ├── conditions     Condition (labelled (a) (b) (x); fact / event_absent / by_deadline)
    ├── payments       Payment (lump sum, installments, tranche, purchase price, loan)
    ├── grants         Grant   (total, Vesting schedule, Acceleration triggers)
    ├── benefits       Benefit (continuation for a duration after an event)
    ├── deadlines      Deadline (absolute or relative; met by an event or a fact)
    ├── loans          Loan    (principal, rate, installments, maturity)
    ├── obligations    Obligation (who must do what, for whom, by when; payments aside)
    ├── derived        Derived (values computed from others, labelled as derived)
    └── warnings       ModelWarning (contradictory or unsupported wording, with span)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

MODEL_SCHEMA = "termwise.model/1"

Evidence = tuple[tuple[int, int], ...]

CANONICAL_EVENTS = (
    "change_of_control",
    "termination_without_cause",
    "termination_for_cause",
    "resignation_for_good_reason",
    "resignation_without_good_reason",
    "death",
    "disability",
    "ceo_change",
    "material_adverse_change",
    "funding_request",
    "acceptance",
)

# Events that end employment (and with it, service-based vesting).
SEPARATION_EVENTS = (
    "termination_without_cause",
    "termination_for_cause",
    "resignation_for_good_reason",
    "resignation_without_good_reason",
    "death",
    "disability",
)

FACT_KINDS = ("date", "money", "number", "bool")


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyRef:
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FactDef:
    """A fact the agreement depends on. ``value`` is set when the document states it."""

    name: str
    kind: str  # one of FACT_KINDS
    description: str
    value: dt.date | Decimal | bool | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDef:
    name: str
    label: str  # as the contract says it: "resign for Good Reason"
    defined_term: str | None = None  # "Good Reason"
    defined_in: str | None = None  # "5.4"
    definition: tuple[int, int] | None = None
    occurred_on: dt.date | None = None  # the document itself records it (a dated countersignature)
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class When:
    """A date: absolute (``date``) or ``anchor`` + ``offset``; optional time and zone."""

    date: dt.date | None = None
    anchor: str | None = None  # fact name, "agreement_date", or "event"
    offset: str | None = None  # ISO-8601 duration
    business_days: bool = False
    time: dt.time | None = None
    tz: str | None = None
    text: str | None = None  # as written


@dataclass(frozen=True, slots=True, kw_only=True)
class Window:
    """Events count only when they fall in [anchor - before, anchor + duration).

    With an event as anchor (``change_of_control``) and ``before`` set, an event up to
    ``before`` ahead of the anchor event counts too, from the anchor event's date."""

    anchor: str  # a fact name or an event name
    duration: str | None = None  # ISO-8601; None = open-ended
    before: str | None = None  # ISO-8601
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """Any one of ``events`` (inside ``window`` when given) sets the obligation off."""

    events: tuple[str, ...]
    window: Window | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition:
    """``kind``: ``fact`` (a true/false fact), ``event_absent`` (no ``event`` since
    ``since``), ``by_deadline`` (``fact`` true on or before ``deadline``)."""

    id: str  # "x", "tranche-2.a"
    label: str | None  # "(x)"
    text: str
    kind: str
    fact: str | None = None
    event: str | None = None
    since: str | None = None  # a fact name
    deadline: When | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    """A fixed sum, or a multiple of a money fact (``12 months of base_salary``)."""

    value: Decimal | None = None
    currency: str = "USD"
    fact: str | None = None  # e.g. base_salary
    multiplier: Decimal | None = None  # of the fact (months / 12 for "six months of salary")
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Payment:
    id: str
    what: str
    kind: str  # lump_sum | installments | tranche | purchase_price | salary | other
    amount: Amount
    payer: str | None = None
    payee: str | None = None
    due: When | None = None
    trigger: Trigger | None = None
    conditions: tuple[str, ...] = ()  # Condition ids
    installments: int | None = None
    period: str | None = None  # between installments
    settled: bool = False  # the text says it is paid / settled at ``due``
    lapses_with: str | None = None  # a Deadline id whose miss ends it
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Vesting:
    """``cliff`` (after ``cliff_fraction`` vests) then ``installments`` equal parts every
    ``period``, counted from ``anchor`` (a date fact), month ends clamped."""

    anchor: str
    cliff: str | None = None
    cliff_fraction: Decimal | None = None
    period: str | None = None
    installments: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Acceleration:
    trigger: Trigger
    fraction: Decimal = Decimal(1)  # of the unvested part
    requires: str | None = None  # a prior event for double-trigger acceleration
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Grant:
    id: str
    what: str
    total: int
    unit: str  # options | shares | RSUs
    holder: str | None = None
    vesting: Vesting | None = None
    acceleration: tuple[Acceleration, ...] = ()
    stops_on: tuple[str, ...] = SEPARATION_EVENTS
    conditions: tuple[str, ...] = ()  # e.g. performance goals
    note: str | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Benefit:
    id: str
    what: str
    duration: str | None
    trigger: Trigger | None = None
    provider: str | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Deadline:
    id: str
    what: str
    due: When
    met_by_event: str | None = None
    met_by_fact: str | None = None
    consequence: str | None = None  # "expire": the agreement's offers lapse when missed
    signed_copy: tuple[int, int] | None = None  # a countersignature without a date
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Loan:
    id: str
    principal: Amount
    rate: Decimal | None = None  # percent per annum
    day_count: int | None = None  # 360 or 365
    start: When | None = None
    first_payment: When | None = None
    period: str | None = None
    installments: int | None = None
    maturity: When | None = None
    lender: str | None = None
    borrower: str | None = None
    accelerates_on: tuple[str, ...] = ()
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Obligation:
    """Who must do what (other than pay), for whom, by when."""

    id: str
    obligor: str
    action: str
    beneficiary: str | None = None
    due: When | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Derived:
    name: str
    value: Decimal
    formula: str
    unit: str | None = None
    evidence: Evidence = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelWarning:
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TermModel:
    source: str | None = None
    sha256: str | None = None
    kind: str | None = None  # offer letter, financing commitment, ...
    parties: tuple[PartyRef, ...] = ()
    facts: tuple[FactDef, ...] = ()
    events: tuple[EventDef, ...] = ()
    conditions: tuple[Condition, ...] = ()
    payments: tuple[Payment, ...] = ()
    grants: tuple[Grant, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    loans: tuple[Loan, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    derived: tuple[Derived, ...] = ()
    warnings: tuple[ModelWarning, ...] = field(default=())

    def fact(self, name: str) -> FactDef | None:
        return next((f for f in self.facts if f.name == name), None)

    def condition(self, cid: str) -> Condition | None:
        return next((c for c in self.conditions if c.id == cid), None)

    def party(self, name_or_alias: str) -> PartyRef | None:
        key = name_or_alias.lower()
        for p in self.parties:
            if p.name.lower() == key or key in (a.lower() for a in p.aliases):
                return p
        return None
