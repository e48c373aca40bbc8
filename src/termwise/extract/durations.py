"""Durations: "six (6) months" -> ``P6M``, "30 days" -> ``P30D``, "four-year period" -> ``P4Y``.

Anchors are the unit words (day, week, month, year, hour); for each, the count is
looked for just before it: digits, words, or words with a parenthesized twin
("twenty four (24) months" is one value), optionally with a qualifier in between
("ten (10) business days", extra ``{"unit": "day", "business": True}``). The
adjective form "four-year" also takes a following "period" or "term" into the span.
"""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.extract._numeric import COUNT, WS, count_value, dedupe, lead_starts, lower_text, make, word_hits
from termwise.model import Document, Value

_UNITS = ("day", "week", "month", "year", "hour")
_QUALIFIERS = ("business", "calendar", "banking", "working", "trading", "full", "consecutive", "successive")
_TAIL_RE = re.compile(
    r"(?P<num>" + COUNT + r"|\([ \t]*(?P<pd>\d{1,4})[ \t]*\))(?P<sep>" + WS + r"*-" + WS + r"*|" + WS + r"+)"
    r"(?:(?P<q>" + "|".join(_QUALIFIERS) + r")(?:" + WS + r"*-" + WS + r"*|" + WS + r"+))?\Z"
)
_PERIOD_RE = re.compile(WS + r"+(?:period|term)(?![a-z])")
_ISO = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_EXTRA = frozenset(_QUALIFIERS)
_LABEL_UNITS = frozenset(("day", "week", "month", "year", "hour", "quarter", "days", "weeks", "months", "years"))


def find_durations(doc: Document) -> list[Value]:
    """Every duration in ``doc`` (count + unit), normalized to ISO-8601."""
    low = lower_text(doc.clean)
    found: list[Value] = []
    for a, b, unit in word_hits(low, _UNITS):
        t = None
        for start in lead_starts(low, a, _EXTRA, window=80):
            t = _TAIL_RE.match(low, start, a)
            if t is not None:
                break
        if t is None:
            continue
        n = Decimal(t.group("pd")) if t.group("pd") else count_value(t.groupdict())
        if n is None or n < 0:
            continue
        if t.group("d"):
            prev = doc.clean[max(0, t.start() - 12) : t.start()].rstrip().rpartition(" ")[2]
            if prev[:1].isupper() and prev.lower() in _LABEL_UNITS:
                continue  # "Year 2      Year 3" (a table header): "Year 2" is a label
        end = b
        if "-" in t.group("sep"):
            p = _PERIOD_RE.match(low, end)
            if p:
                end = p.end()
        q = t.group("q")
        extra = None
        if q in ("business", "banking", "working", "trading"):
            extra = {"unit": unit, "business": True}
        elif q == "calendar":
            extra = {"unit": unit, "calendar": True}
        found.append(make(doc, "duration", t.start(), end, iso_duration(n, unit), extra))
    return dedupe(found)


# A fraction of a unit is written in the next smaller unit, so every value is a valid
# ISO-8601 duration of whole numbers: 1.5 years -> P18M, half a day -> PT12H.
_SMALLER = {
    "year": ("month", 12),
    "month": ("day", 30),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
}


def iso_duration(n: Decimal, unit: str) -> str:
    """``(6, "month")`` -> ``"P6M"``; hours -> ``"PT48H"``; ``(1.5, "year")`` -> ``"P18M"``."""
    while n != n.to_integral_value() and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        n = n * factor
    n = n.to_integral_value()  # below a minute: rounded
    if unit == "hour":
        return f"PT{int(n)}H"
    if unit == "minute":
        return f"PT{int(n)}M"
    return f"P{int(n)}{_ISO[unit]}"
