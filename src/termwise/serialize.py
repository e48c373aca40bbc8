"""Core types to the public JSON contract ``termwise.extract/1`` (see README)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any

from termwise.model import Extraction, Money, Shares, Span, TimeOfDay, Value

EXTRACT_SCHEMA = "termwise.extract/1"


def decimal_str(d: Decimal) -> str:
    """Plain decimal string, no exponent, no trailing zeros after the point: 3500000, 5.8736."""
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def normalized(v: Value) -> Any:
    """The JSON form of ``Value.value`` for its kind."""
    x = v.value
    if x is None:
        return None
    if isinstance(x, Money):
        return {"amount": decimal_str(x.amount), "currency": x.currency}
    if isinstance(x, Shares):
        return {"count": x.count, "class": x.share_class}
    if isinstance(x, TimeOfDay):
        return {
            "time": x.time.strftime("%H:%M"),
            "tz": x.tz,
            "date": x.date.isoformat() if x.date else None,
        }
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, Decimal):
        return int(x) if x == x.to_integral_value() else float(x)
    return x


def value_to_dict(v: Value) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": v.kind, "text": v.text, "value": normalized(v), "start": v.start, "end": v.end}
    if v.extra:
        d["extra"] = to_jsonable(dict(v.extra))
    return d


def to_jsonable(o: Any) -> Any:
    """Generic conversion for the other core types."""
    if isinstance(o, Value):
        return value_to_dict(o)
    if isinstance(o, Span):
        return {"start": o.start, "end": o.end}
    if isinstance(o, Decimal):
        return decimal_str(o)
    if isinstance(o, (dt.date, dt.time)):
        return o.isoformat()
    if is_dataclass(o) and not isinstance(o, type):
        return {f.name: to_jsonable(getattr(o, f.name)) for f in fields(o)}
    if isinstance(o, dict):
        return {str(k): to_jsonable(x) for k, x in o.items()}
    if isinstance(o, (list, tuple)):
        return [to_jsonable(x) for x in o]
    return o


def extraction_to_dict(ex: Extraction) -> dict[str, Any]:
    src = ex.source
    out: dict[str, Any] = {
        "schema": EXTRACT_SCHEMA,
        "source": {
            "path": src.path,
            "format": src.format,
            "sha256": src.sha256,
            "pages": src.pages,
            "exhibit": src.exhibit,
            "encoding": src.encoding,
        },
        "doc_type": {"label": ex.doc_type.label, "score": round(ex.doc_type.score, 4)} if ex.doc_type else None,
        "date": value_to_dict(ex.date) if ex.date else None,
        "parties": [
            {
                "name": p.name,
                "aliases": list(p.aliases),
                "role": p.role,
                "kind": p.kind,
                "start": p.start,
                "end": p.end,
                "alias_spans": [{"start": s.start, "end": s.end} for s in p.alias_spans],
            }
            for p in ex.parties
        ],
        "people": [to_jsonable(p) for p in ex.people],
        "values": [value_to_dict(v) for v in ex.values],
        "defined_terms": [
            {
                "term": t.term,
                "start": t.start,
                "end": t.end,
                "definition": {"start": t.definition.start, "end": t.definition.end} if t.definition else None,
                "uses": [[u.start, u.end] for u in t.uses],
            }
            for t in ex.defined_terms
        ],
        "sections": [to_jsonable(s) for s in ex.sections],
        "clauses": [{"label": c.label, "score": round(c.score, 4), "start": c.start, "end": c.end} for c in ex.clauses],
        "governing_law": value_to_dict(ex.governing_law) if ex.governing_law else None,
        "signatures": [
            {
                "name": s.name,
                "title": s.title,
                "party": s.party,
                "date": value_to_dict(s.date) if s.date else None,
                "start": s.start,
                "end": s.end,
            }
            for s in ex.signatures
        ],
        "letterhead": [to_jsonable(b) for b in ex.letterhead],
        "warnings": [{"message": w.message, "start": w.start, "end": w.end} for w in ex.warnings],
    }
    return out
