"""Dates: absolute ("June 27, 2001", "the 1st day of March, 2023", "4/04/05", "2001-06-27"),
month precision ("June 2001"), blanks left to fill in ("January __, 2004"), and relative
dates kept with their anchor ("six months from the date of this letter").

``find_dates(doc)`` returns kind ``"date"`` values; ``Value.value`` is a ``datetime.date``
or ``None``. ``extra`` says why a value is ``None`` or less than a full date:

=====================================  ==================================================
``{"precision": "month"}``             "June 2001": value is the first of the month
``{"incomplete": True, "year": ...}``  "January __, 2004": blanks; the known parts given
``{"no_year": True, "month", "day"}``  "June 30": no year written
``{"reason": "..."}``                  "February 30, 2001": not a calendar date
``{"order": "dmy"}``                   "29/3/18": read day first because 29 > 12
``{"offset", "direction", "anchor",    "30 days after the Closing Date"; ``value`` is set
``"anchor_start", "anchor_end"}``      when the anchor is itself a written date
=====================================  ==================================================

Relative dates may also carry ``"within": True`` ("within 30 days after ..."),
``"bound"`` ("no_later_than", "at_least", ...) and ``"business_days": True``.

Numeric dates are read month first (US), day first only when the first number cannot be
a month; two-digit years pivot at 70 (``05`` -> 2005, ``99`` -> 1999).

Everything scans ``doc.clean`` and takes each span's text from ``doc.text``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from termwise.extract.numwords import NUMBER_RE, lowered, parse_number, parse_ordinal
from termwise.model import Document, Value

# --------------------------------------------------------------------------- pieces

_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTHS = {**_MONTH_NAMES, **_MONTH_ABBR}


def _cased(words: list[str]) -> str:
    """Title case and upper case spellings only: lower-case "may" / "march" are verbs."""
    forms = {w.title() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


_MON = r"(?:" + _cased(list(_MONTHS)) + r")(?![A-Za-z])"
_WEEKDAY = r"(?:" + _cased(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) + r")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
# "1st", "1 st", and the split suffixes of PDF text: "1s t", "17t h".
_ORD = r"(?:[ \t]?(?:s[ \t]?t|n[ \t]?d|r[ \t]?d|t[ \t]?h|ST|ND|RD|TH)(?![A-Za-z]))"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_PART = r"(?:(?:19|20)\d?_+)"  # "19__", "200_"
_W = r"[ \t]*(?:\r?\n[ \t]*)?"  # spaces, at most one line break
_BLANK = r"(?:_+(?:[ \t]+_+)?|\[[ \t]*(?:_+|[•·●*]|\.{1,3}|…)?[ \t]*\])"
_DAY_WORD = r"(?:day|Day|DAY)"
_OF = r"(?:of|OF|Of)"

_ABSOLUTE = re.compile(
    # "the 1st day of March, 2023", "____ day of May, 2000", "this day of , 2012"
    r"(?<![\w])(?:(?:(?P<o_day>" + _DAY + r")" + _ORD + r"?|(?P<o_dblank>" + _BLANK + r"))" + _W + r")?"
    + _DAY_WORD + _W + _OF + _W + r"(?:" + _WEEKDAY + r"," + _W + r")?"
    r"(?:(?P<o_mon>" + _MON + r")\.?|(?P<o_mblank>" + _BLANK + r"))?" + _W + r"(?P<o_comma>,)?" + _W
    + r"(?:in the year" + _W + r")?(?P<o_year>" + _YEAR + r"|" + _YEAR_PART + r")(?![\d_])"
    # "June 27, 2001", "Nov. 29 1999", "March 1st, 2023"
    r"|(?<![A-Za-z])(?P<a_mon>" + _MON + r")\.?" + _W + r"(?P<a_day>" + _DAY + r")" + _ORD + r"?(?!\d)"
    + _W + r",?" + _W + r"(?P<a_year>" + _YEAR + r")(?![\d_])"
    # "January __, 2004", "June , 2010"
    r"|(?<![A-Za-z])(?P<e_mon>" + _MON + r")\.?(?:" + _W + r"(?P<e_blank>" + _BLANK + r")" + _W + r"|[ \t]+),"
    + _W + r"(?P<e_year>" + _YEAR + r"|" + _YEAR_PART + r")(?![\d_])"
    # "27 June 2001", "22 Dec. 2017", "31 December,\n1996"
    r"|(?<![\w.])(?P<b_day>" + _DAY + r")" + _ORD + r"?" + _W + r"(?P<b_mon>" + _MON + r")\.?" + _W + r",?" + _W
    + r"(?P<b_year>" + _YEAR + r")(?![\d_])"
    # "2001-06-27", "2001/06/27"
    r"|(?<![\d./-])(?P<i_y>(?:19|20)\d\d)(?P<i_sep>[-/])(?P<i_m>1[0-2]|0?[1-9])(?P=i_sep)(?P<i_d>3[01]|[12]\d|0?[1-9])"
    r"(?![\d/-]|\.\d)"
    # "4/04/05", "12-23-2019", "29/3/18"
    r"|(?<![\d./,$-])(?P<n1>\d{1,2})(?P<n_sep>[/-])(?P<n2>\d{1,2})(?P=n_sep)(?P<n3>\d{4}|\d\d)(?![\d/-]|[.,]\d)"
    # "06.27.2001" (four-digit year only: "5.1.10" is a section number)
    r"|(?<![\d.,$-])(?P<p1>\d{1,2})\.(?P<p2>\d{1,2})\.(?P<p3>(?:19|20)\d\d)(?![\d.-]\d|\d)"
    # "June 30" (no year)
    r"|(?<![A-Za-z])(?P<d_mon>" + _MON + r")\.?[ \t]+(?P<d_day>" + _DAY + r")" + _ORD + r"?(?![\d,.:/]|[ \t]*[%$])"
    # "June 2001", "June, 2001"
    r"|(?<![A-Za-z])(?P<y_mon>" + _MON + r")\.?" + _W + r",?" + _W + r"(?P<y_year>" + _YEAR + r")(?![\d_])"
    # "_____, 2005", "[•], 2020"
    r"|(?P<g_blank>" + _BLANK + r")" + _W + r"," + _W + r"(?P<g_year>" + _YEAR + r"|" + _YEAR_PART + r")(?![\d_])"
)


def _year2(s: str) -> int:
    y = int(s)
    if len(s) == 4:
        return y
    return 2000 + y if y < 70 else 1900 + y


def _month(s: str) -> int:
    return _MONTHS[s.lower()]


def _full_year(s: str | None) -> int | None:
    return int(s) if s and s.isdigit() else None


def _make(y: int, m: int, d: int) -> tuple[dt.date | None, dict[str, Any] | None]:
    try:
        return dt.date(y, m, d), None
    except ValueError:
        mname = calendar.month_name[m] if 1 <= m <= 12 else str(m)
        return None, {"reason": f"not a calendar date: {mname} {d}, {y}"}


def _interpret(m: re.Match[str]) -> tuple[dt.date | None, dict[str, Any] | None] | None:
    """The value and extra of one absolute match, or ``None`` to drop it."""
    g = m.group
    if g("a_mon"):
        return _make(int(g("a_year")), _month(g("a_mon")), int(g("a_day")))
    if g("b_mon"):
        return _make(int(g("b_year")), _month(g("b_mon")), int(g("b_day")))
    if g("o_year") is not None:
        year = _full_year(g("o_year"))
        mon = _month(g("o_mon")) if g("o_mon") else None
        day = int(g("o_day")) if g("o_day") else None
        if year and mon and day:
            return _make(year, mon, day)
        if mon is None and day is None and not g("o_comma") and not g("o_mblank") and not g("o_dblank"):
            return None  # "any day of 2009": not a blank to fill in
        return None, {"incomplete": True, "year": year, "month": mon, "day": day}
    if g("e_mon"):
        return None, {"incomplete": True, "year": _full_year(g("e_year")), "month": _month(g("e_mon")), "day": None}
    if g("i_y"):
        v, _ = _make(int(g("i_y")), int(g("i_m")), int(g("i_d")))
        return (v, None) if v else None
    if g("n1"):
        a, b, y = int(g("n1")), int(g("n2")), _year2(g("n3"))
        if g("n_sep") == "-" and len(g("n3")) == 2 and (a > 12 or b > 31):
            return None
        if a > 12 and b <= 12:
            v, _ = _make(y, b, a)
            return (v, {"order": "dmy"}) if v else None
        v, _ = _make(y, a, b)
        return (v, None) if v else None
    if g("p1"):
        a, b, y = int(g("p1")), int(g("p2")), int(g("p3"))
        if a > 12 and b <= 12:
            v, _ = _make(y, b, a)
            return (v, {"order": "dmy"}) if v else None
        v, _ = _make(y, a, b)
        return (v, None) if v else None
    if g("d_mon"):
        mon, day = _month(g("d_mon")), int(g("d_day"))
        if day > calendar.monthrange(2000, mon)[1]:
            return None
        return None, {"no_year": True, "month": mon, "day": day}
    if g("y_mon"):
        return dt.date(int(g("y_year")), _month(g("y_mon")), 1), {"precision": "month"}
    if g("g_blank"):
        return None, {"incomplete": True, "year": _full_year(g("g_year")), "month": None, "day": None}
    return None


def match_date_at(text: str, pos: int) -> tuple[int, dt.date | None, dict[str, Any] | None] | None:
    """An absolute date starting exactly at ``pos`` in ``text``: ``(end, value, extra)``.

    Used by the time extractor ("5:00 p.m. on June 29, 2001").
    """
    m = _ABSOLUTE.match(text, pos)
    if not m:
        return None
    r = _interpret(m)
    if r is None:
        return None
    return m.end(), r[0], r[1]


def find_absolute_dates(doc: Document) -> list[Value]:
    text, clean = doc.text, doc.clean
    out: list[Value] = []
    for m in _ABSOLUTE.finditer(clean):
        r = _interpret(m)
        if r is None:
            continue
        s, e = m.span()
        out.append(Value(kind="date", text=text[s:e], start=s, end=e, value=r[0], extra=r[1]))
    return out


# --------------------------------------------------------------------------- relative dates
# Matched on the lower-cased text. Found from the unit word ("days", "months") outwards:
# the quantity before it, the connector ("after", "prior to") and the anchor after it.

_UNIT = re.compile(
    r"(?<![a-z])(?:(?P<kind>business|calendar|banking|working|trading)[ \t\n]+)?"
    r"(?P<unit>day|week|month|year|anniversary)(?P<plural>s)?(?![a-z])"
)
_CONNECT = re.compile(
    r"(?:[ \t\n]*\(\d+\))?[ \t\n]+(?:(?:immediately|next)[ \t\n]+)?"
    r"(?P<conn>after|following|from|of|prior[ \t\n]+to|before|preceding|subsequent[ \t\n]+to|in[ \t\n]+advance[ \t\n]+of)"
    r"[ \t\n]+(?=[a-z0-9\"“])"
)
_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-])?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth"
    r"|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)"
)
_BOUND = (
    r"(?P<bound>within|no[ \t\n]+later[ \t\n]+than|not[ \t\n]+later[ \t\n]+than|no[ \t\n]+earlier[ \t\n]+than"
    r"|not[ \t\n]+earlier[ \t\n]+than|at[ \t\n]+least|not[ \t\n]+less[ \t\n]+than|no[ \t\n]+less[ \t\n]+than"
    r"|on[ \t\n]+or[ \t\n]+before|on[ \t\n]+or[ \t\n]+after|until|by)[ \t\n]+"
)
_LEFT = re.compile(
    r"(?<![a-z0-9])(?:" + _BOUND + r")?"
    r"(?:(?P<lead>the[ \t\n]+(?:date|day)[ \t\n]+(?:which|that)[ \t\n]+is|the[ \t\n]+date)[ \t\n]+)?"
    r"(?:(?P<qty>" + NUMBER_RE.pattern + r"|an?)"
    r"|the[ \t\n]+(?P<ord>" + _ORDINAL_WORDS + r"(?:[ \t\n]*\(\d+(?:st|nd|rd|th)\))?|\d+(?:st|nd|rd|th)))"
    r"[ \t\n]+$"
)
_PERIOD_BEFORE = re.compile(r"(?:\bfor|\bperiod[ \t\n]+of|\bterm[ \t\n]+of|\bduring|\bover)[ \t\n]+$")
_ANCHOR_STOP = re.compile(
    r"[,;:()\[\]]|\.(?=\s|$)|\n[ \t]*\n|[ \t\n](?:and|or|unless|provided|if|except|whichever|until|subject|pursuant"
    r"|in[ \t\n]+accordance|which|whereupon|but|then|to[ \t\n]+the[ \t\n]+extent|during|for|under|in[ \t\n]+connection"
    r"|notwithstanding|so[ \t\n]+long|as[ \t\n]+long|shall|will|may|must|at[ \t\n]+which)(?![a-z])"
)
# "the date on which ... occurs", "the date it is funded": the anchor runs to its verb.
_EVENT_ANCHOR = re.compile(r"the[ \t\n]+(?:date|day|time)[ \t\n]+(?!of(?![a-z])|hereof|thereof)(?=[a-z])")
_EVENT_END = re.compile(
    r"[;(\[]|\.(?=\s|$)|\n[ \t]*\n|(?<![a-z])(?:(?:is|are|was|were|has[ \t\n]+been|have[ \t\n]+been|shall[ \t\n]+be"
    r"|becomes?|became)[ \t\n]+[a-z]+|occurs?|occurred|takes?[ \t\n]+place|took[ \t\n]+place|begins?|began|ends?|ended"
    r"|expires?|expired|commences?|commenced|terminates?|terminated|closes?|closed)(?![a-z])"
)
_ANCHOR_MAX = 160
_BEFORE = {"prior to", "before", "preceding", "in advance of"}
_BOUND_NAMES = {
    "no later than": "no_later_than", "not later than": "no_later_than", "no earlier than": "no_earlier_than",
    "not earlier than": "no_earlier_than", "at least": "at_least", "not less than": "at_least",
    "no less than": "at_least", "on or before": "on_or_before", "on or after": "on_or_after", "until": "until",
    "by": "by",
}


def _anchor_end(low: str, start: int) -> int:
    """Where the anchor phrase beginning at ``start`` ends."""
    window = low[start : start + _ANCHOR_MAX]
    ev = _EVENT_ANCHOR.match(window)
    if ev:
        m = _EVENT_END.search(window, ev.end())
        if m and m.group(0)[0] not in ";([.\n":
            return start + m.end()
    m = _ANCHOR_STOP.search(window)
    end = m.start() if m else len(window)
    if not m:
        # no stop within reach: cut at the last whole word
        cut = window.rfind(" ", 0, end)
        end = cut if cut > 0 else end
    return start + len(window[:end].rstrip())


def _shift(d: dt.date, n: int, unit: str, sign: int) -> dt.date | None:
    try:
        if unit == "D":
            return d + dt.timedelta(days=sign * n)
        if unit == "W":
            return d + dt.timedelta(weeks=sign * n)
        months = sign * n * (12 if unit == "Y" else 1)
        y, m0 = divmod(d.month - 1 + months, 12)
        year, month = d.year + y, m0 + 1
        return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
    except (ValueError, OverflowError):
        return None


def find_relative_dates(doc: Document, absolute: list[Value] | None = None) -> list[Value]:
    text, low = doc.text, lowered(doc.clean)
    starts = {v.start: v for v in absolute or () if isinstance(v.value, dt.date)}
    out: list[Value] = []
    for um in _UNIT.finditer(low):
        unit_word = um.group("unit")
        cm = _CONNECT.match(low, um.end())
        if not cm:
            continue
        conn = " ".join(cm.group("conn").split())
        lm = _LEFT.search(low, max(0, um.start() - 90), um.start())
        if not lm:
            continue
        bound = " ".join(lm.group("bound").split()) if lm.group("bound") else None
        if lm.group("ord"):
            n = parse_ordinal(lm.group("ord").split("(")[0].strip())
            if unit_word not in ("day", "anniversary") or um.group("plural"):
                continue
            if conn == "of" and unit_word != "anniversary":
                continue  # "the 15th day of each month"
        else:
            q = lm.group("qty").strip()
            if q in ("a", "an"):
                n = 1
            else:
                v = parse_number(q)
                n = int(v) if v is not None and v == v.to_integral_value() and 0 < v < 10000 else None
            if unit_word == "anniversary":
                continue
            if conn == "of" and bound != "within":
                continue
            if bound is None and lm.group("lead") is None and _PERIOD_BEFORE.search(low, max(0, lm.start() - 20), lm.start()):
                continue  # "for six months following ...": a period, left to durations
        if n is None:
            continue
        a_start = cm.end()
        anchor_date = starts.get(a_start)
        a_end = anchor_date.end if anchor_date else _anchor_end(low, a_start)
        if a_end <= a_start:
            continue
        unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "anniversary": "Y"}[unit_word]
        direction = "before" if conn in _BEFORE else "after"
        start = lm.start()
        extra: dict[str, Any] = {
            "offset": f"P{n}{unit}",
            "direction": direction,
            "anchor": text[a_start:a_end],
            "anchor_start": a_start,
            "anchor_end": a_end,
        }
        if bound == "within":
            extra["within"] = True
        elif bound:
            extra["bound"] = _BOUND_NAMES[bound]
        if um.group("kind") in ("business", "banking", "working", "trading"):
            extra["business_days"] = True
        value = None
        if anchor_date is not None and not extra.get("business_days"):
            value = _shift(anchor_date.value, n, unit, -1 if direction == "before" else 1)
        out.append(Value(kind="date", text=text[start:a_end], start=start, end=a_end, value=value, extra=extra))
    return out


def find_dates(doc: Document) -> list[Value]:
    """Every date in ``doc``: absolute, partial and relative (overlaps left to the resolver)."""
    absolute = find_absolute_dates(doc)
    return absolute + find_relative_dates(doc, absolute)
