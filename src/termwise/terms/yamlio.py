"""The term model as readable YAML, and back, with validation.

``dump_model`` writes a YAML a lawyer can read and edit (absent fields left out).
``load_model`` validates with pydantic at this edge only and turns the result into
the frozen core types; any problem is one :class:`~termwise.errors.ModelError`
naming the field and the line: ``model.yaml, line 42, field payments[0].due.offset: ...``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from termwise.errors import ModelError
from termwise.evaluate.calendar import parse_duration
from termwise.terms import model as M

# ---------------------------------------------------------------- dump


def _plain(o: Any) -> Any:
    if isinstance(o, bool) or o is None:
        return o
    if isinstance(o, Decimal):
        s = format(o, "f")
        return s.rstrip("0").rstrip(".") if "." in s else s
    if isinstance(o, dt.time):
        return o.strftime("%H:%M")
    if isinstance(o, (dt.date, str, int, float)):
        return o
    if is_dataclass(o) and not isinstance(o, type):
        out: dict[str, Any] = {}
        for f in fields(o):
            v = getattr(o, f.name)
            if (
                v is None
                or v == ()
                or (f.name == "business_days" and v is False)
                or (f.name == "settled" and v is False)
            ):
                continue
            if f.name == "stops_on" and v == M.SEPARATION_EVENTS:
                continue
            if f.name == "fraction" and v == Decimal(1):
                continue
            if f.name == "currency" and v == "USD" and getattr(o, "value", None) is None and getattr(o, "fact", None):
                pass
            out[f.name] = _plain(v)
        return out
    if isinstance(o, (list, tuple)):
        if len(o) == 2 and all(isinstance(x, int) for x in o):
            return [o[0], o[1]]
        return [_plain(x) for x in o]
    return o


class _Dumper(yaml.SafeDumper):
    pass


def _list_repr(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = (
        len(data) <= 12
        and all(isinstance(x, (int, str)) and len(str(x)) < 40 for x in data)
        or (data and all(isinstance(x, list) and len(x) == 2 and all(isinstance(y, int) for y in x) for x in data))
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=bool(flow))


_Dumper.add_representer(list, _list_repr)


def model_to_dict(m: M.TermModel) -> dict[str, Any]:
    d = _plain(m)
    return {"schema": M.MODEL_SCHEMA, **d}


def dump_model(m: M.TermModel, text: str | None = None) -> str:
    """The model as YAML. With the document ``text``, each ``evidence`` line gets a
    comment quoting the words it points at, so a reader can check it without offsets."""
    header = (
        "# termwise term model: check and edit, then `termwise evaluate THIS.yaml ...`\n"
        "# evidence: [start, end] character offsets into the text `termwise text FILE` prints\n"
    )
    body = yaml.dump(model_to_dict(m), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    if text is not None:
        body = _quote_evidence(body, text)
    return header + body


_EVIDENCE_LINE = re.compile(r"^(\s*)(?:- )?evidence: \[\[(\d+), (\d+)\]")


def _quote_evidence(body: str, text: str) -> str:
    out = []
    for line in body.split("\n"):
        m = _EVIDENCE_LINE.match(line)
        if m:
            s, e = int(m.group(2)), int(m.group(3))
            quote = " ".join(text[s:e].split())
            if len(quote) > 90:
                quote = quote[:87] + "..."
            indent = m.group(1) + ("  " if line.lstrip().startswith("- ") else "")
            out.append(f"{indent}# {quote!r}" if quote else line)
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- validation models

Span2 = tuple[int, int]


class _B(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _dur(v: str | None) -> str | None:
    if v is not None:
        parse_duration(v)
    return v


class PParty(_B):
    name: str
    role: str | None = None
    aliases: list[str] = []
    evidence: list[Span2] = []


class PFact(_B):
    name: str
    kind: Literal["date", "money", "number", "bool"]
    description: str
    value: dt.date | bool | Decimal | None = None
    evidence: list[Span2] = []


class PEvent(_B):
    name: str
    label: str
    defined_term: str | None = None
    defined_in: str | None = None
    definition: Span2 | None = None
    occurred_on: dt.date | None = None
    evidence: list[Span2] = []


class PWhen(_B):
    date: dt.date | None = None
    anchor: str | None = None
    offset: str | None = None
    business_days: bool = False
    time: dt.time | None = None
    tz: str | None = None
    text: str | None = None

    _o = field_validator("offset")(classmethod(lambda cls, v: _dur(v)))

    @field_validator("tz")
    @classmethod
    def _tz(cls, v: str | None) -> str | None:
        if v is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(v)
            except (ZoneInfoNotFoundError, ValueError) as e:
                raise ValueError(f"unknown time zone {v!r} (use an IANA name like America/Los_Angeles)") from e
        return v


class PWindow(_B):
    anchor: str
    duration: str | None = None
    before: str | None = None
    text: str | None = None
    _d = field_validator("duration", "before")(classmethod(lambda cls, v: _dur(v)))


class PTrigger(_B):
    events: list[str]
    window: PWindow | None = None


class PCondition(_B):
    id: str
    label: str | None = None
    text: str
    kind: Literal["fact", "event_absent", "by_deadline"]
    fact: str | None = None
    event: str | None = None
    since: str | None = None
    deadline: PWhen | None = None
    evidence: list[Span2] = []


class PAmount(_B):
    value: Decimal | None = None
    currency: str = "USD"
    fact: str | None = None
    multiplier: Decimal | None = None
    text: str | None = None


class PPayment(_B):
    id: str
    what: str
    kind: str
    amount: PAmount
    payer: str | None = None
    payee: str | None = None
    due: PWhen | None = None
    trigger: PTrigger | None = None
    conditions: list[str] = []
    installments: int | None = None
    period: str | None = None
    settled: bool = False
    lapses_with: str | None = None
    evidence: list[Span2] = []
    _p = field_validator("period")(classmethod(lambda cls, v: _dur(v)))


class PVesting(_B):
    anchor: str
    cliff: str | None = None
    cliff_fraction: Decimal | None = None
    period: str | None = None
    installments: int | None = None
    text: str | None = None
    _c = field_validator("cliff", "period")(classmethod(lambda cls, v: _dur(v)))


class PAccel(_B):
    trigger: PTrigger
    fraction: Decimal = Decimal(1)
    requires: str | None = None
    evidence: list[Span2] = []


class PGrant(_B):
    id: str
    what: str
    total: int
    unit: str
    holder: str | None = None
    vesting: PVesting | None = None
    acceleration: list[PAccel] = []
    stops_on: list[str] = list(M.SEPARATION_EVENTS)
    conditions: list[str] = []
    note: str | None = None
    evidence: list[Span2] = []


class PBenefit(_B):
    id: str
    what: str
    duration: str | None = None
    trigger: PTrigger | None = None
    provider: str | None = None
    evidence: list[Span2] = []
    _d = field_validator("duration")(classmethod(lambda cls, v: _dur(v)))


class PDeadline(_B):
    id: str
    what: str
    due: PWhen
    met_by_event: str | None = None
    met_by_fact: str | None = None
    consequence: str | None = None
    signed_copy: Span2 | None = None
    evidence: list[Span2] = []


class PLoan(_B):
    id: str
    principal: PAmount
    rate: Decimal | None = None
    day_count: int | None = None
    start: PWhen | None = None
    first_payment: PWhen | None = None
    period: str | None = None
    installments: int | None = None
    maturity: PWhen | None = None
    lender: str | None = None
    borrower: str | None = None
    accelerates_on: list[str] = []
    evidence: list[Span2] = []


class PObligation(_B):
    id: str
    obligor: str
    action: str
    beneficiary: str | None = None
    due: PWhen | None = None
    evidence: list[Span2] = []


class PDerived(_B):
    name: str
    value: Decimal
    formula: str
    unit: str | None = None
    evidence: list[Span2] = []


class PWarning(_B):
    message: str
    start: int | None = None
    end: int | None = None


class PModel(_B):
    schema_: Literal["termwise.model/1"]
    source: str | None = None
    sha256: str | None = None
    kind: str | None = None
    parties: list[PParty] = []
    facts: list[PFact] = []
    events: list[PEvent] = []
    conditions: list[PCondition] = []
    payments: list[PPayment] = []
    grants: list[PGrant] = []
    benefits: list[PBenefit] = []
    deadlines: list[PDeadline] = []
    loans: list[PLoan] = []
    obligations: list[PObligation] = []
    derived: list[PDerived] = []
    warnings: list[PWarning] = []


# ---------------------------------------------------------------- load


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == ("schema" if key == "schema_" else key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
        if node is None:
            break
    return line


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for k in loc:
        if isinstance(k, int):
            out += f"[{k}]"
        else:
            k = "schema" if k == "schema_" else k
            out += f".{k}" if out else str(k)
    return out


def _convert(cls: type, data: Any) -> Any:
    """pydantic model -> the frozen core dataclass of the same shape."""
    if isinstance(data, BaseModel):
        d = {}
        target = {f.name: f for f in fields(cls)}
        for name in type(data).model_fields:
            v = getattr(data, name)
            key = "schema" if name == "schema_" else name
            if key not in target:
                continue
            d[key] = _value(target[key].type, v)
        return cls(**d)
    return data


_TYPES = {
    "PartyRef": M.PartyRef,
    "FactDef": M.FactDef,
    "EventDef": M.EventDef,
    "When": M.When,
    "Window": M.Window,
    "Trigger": M.Trigger,
    "Condition": M.Condition,
    "Amount": M.Amount,
    "Payment": M.Payment,
    "Vesting": M.Vesting,
    "Acceleration": M.Acceleration,
    "Grant": M.Grant,
    "Benefit": M.Benefit,
    "Deadline": M.Deadline,
    "Loan": M.Loan,
    "Derived": M.Derived,
    "Obligation": M.Obligation,
    "ModelWarning": M.ModelWarning,
}


def _value(tp: Any, v: Any) -> Any:
    t = str(tp)
    if isinstance(v, BaseModel):
        name = next((n for n in _TYPES if n in t), None)
        return _convert(_TYPES[name], v) if name else v
    if isinstance(v, list):
        if v and isinstance(v[0], BaseModel):
            name = next((n for n in _TYPES if f"tuple[{n}" in t), None)
            return tuple(_convert(_TYPES[name], x) for x in v) if name else tuple(v)
        return tuple(tuple(x) if isinstance(x, (list, tuple)) else x for x in v)
    return v


def load_model(text: str, *, path: str | None = None) -> M.TermModel:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ModelError(
            f"not valid YAML: {getattr(e, 'problem', e)}", path=path, line=mark.line + 1 if mark else None
        ) from e
    if not isinstance(data, dict):
        raise ModelError("a term model is a YAML mapping with `schema: termwise.model/1`", path=path, line=1)
    if "schema" in data:
        data["schema_"] = data.pop("schema")
    try:
        pm = PModel.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x in ("function-after", "lax-or-strict")))
        loc = _trim_loc(loc)
        raise ModelError(f"{err['msg']}", path=path, line=_line_of(node, loc), field=_path(loc) or None) from e
    m = _convert(M.TermModel, pm)
    _check_refs(m, node, path)
    return m


def _trim_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union-branch markers (``date``, ``bool``, ``decimal``) after a field name."""
    out: list[Any] = []
    for x in loc:
        if isinstance(x, str) and (x in ("date", "bool", "decimal", "int", "str", "none", "float") or "[" in x):
            continue
        out.append(x)
    return tuple(out)


def _check_refs(m: M.TermModel, node: yaml.Node | None, path: str | None) -> None:
    """Cross-references: condition ids, deadline ids, anchors, events."""
    conds = {c.id for c in m.conditions}
    deadlines = {d.id for d in m.deadlines}
    facts = {f.name for f in m.facts} | {"agreement_date"}
    events = {e.name for e in m.events} | set(M.CANONICAL_EVENTS)

    def bad(msg: str, loc: tuple[Any, ...]) -> None:
        raise ModelError(msg, path=path, line=_line_of(node, loc), field=_path(loc))

    for i, f in enumerate(m.facts):
        if f.value is not None:
            ok = {
                "date": isinstance(f.value, dt.date),
                "bool": isinstance(f.value, bool),
                "money": isinstance(f.value, Decimal),
                "number": isinstance(f.value, Decimal),
            }[f.kind]
            if not ok:
                bad(f"value {f.value!r} is not a {f.kind}", ("facts", i, "value"))

    def when(w: M.When | None, loc: tuple[Any, ...]) -> None:
        if w is None:
            return
        if w.date is None and w.anchor is None:
            bad("a date needs `date` or `anchor`", loc)
        if w.anchor and w.anchor != "event" and w.anchor not in facts:
            bad(f"anchor {w.anchor!r} is not a fact of this model (add it under facts) nor `event`", (*loc, "anchor"))

    def trig(t: M.Trigger | None, loc: tuple[Any, ...]) -> None:
        if t is None:
            return
        for j, e in enumerate(t.events):
            if e not in events:
                bad(f"unknown event {e!r}; known: {', '.join(sorted(events))}", (*loc, "events", j))
        if t.window and t.window.anchor not in facts and t.window.anchor not in events:
            bad(f"window anchor {t.window.anchor!r} is neither a fact nor an event", (*loc, "window", "anchor"))

    for i, c in enumerate(m.conditions):
        when(c.deadline, ("conditions", i, "deadline"))
        if c.kind == "event_absent" and not c.event:
            bad("an event_absent condition needs `event`", ("conditions", i))
        if c.kind in ("fact", "by_deadline") and not c.fact:
            bad(f"a {c.kind} condition needs `fact`", ("conditions", i))
    for i, p in enumerate(m.payments):
        when(p.due, ("payments", i, "due"))
        trig(p.trigger, ("payments", i, "trigger"))
        for j, cid in enumerate(p.conditions):
            if cid not in conds:
                bad(f"condition {cid!r} is not defined under conditions", ("payments", i, "conditions", j))
        if p.lapses_with and p.lapses_with not in deadlines:
            bad(f"deadline {p.lapses_with!r} is not defined under deadlines", ("payments", i, "lapses_with"))
        if p.amount.value is None and p.amount.fact is None:
            bad("an amount needs `value` or `fact`", ("payments", i, "amount"))
    for i, g in enumerate(m.grants):
        if g.total <= 0:
            bad("total must be positive", ("grants", i, "total"))
        if g.vesting and g.vesting.anchor not in facts:
            bad(f"vesting anchor {g.vesting.anchor!r} is not a fact of this model", ("grants", i, "vesting", "anchor"))
        if g.vesting and g.vesting.cliff_fraction is not None and not (0 <= g.vesting.cliff_fraction <= 1):
            bad("cliff_fraction must be between 0 and 1", ("grants", i, "vesting", "cliff_fraction"))
        for j, a in enumerate(g.acceleration):
            trig(a.trigger, ("grants", i, "acceleration", j, "trigger"))
            if not (0 <= a.fraction <= 1):
                bad("fraction must be between 0 and 1", ("grants", i, "acceleration", j, "fraction"))
        for j, gc in enumerate(g.conditions):
            if gc not in conds:
                bad(f"condition {gc!r} is not defined under conditions", ("grants", i, "conditions", j))
    for i, b in enumerate(m.benefits):
        trig(b.trigger, ("benefits", i, "trigger"))
    for i, d in enumerate(m.deadlines):
        when(d.due, ("deadlines", i, "due"))
    for i, ob in enumerate(m.obligations):
        when(ob.due, ("obligations", i, "due"))
    for i, ln in enumerate(m.loans):
        for k in ("start", "first_payment", "maturity"):
            when(getattr(ln, k), ("loans", i, k))
