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

Relative dates (:mod:`termwise.extract.relative_dates`) may also carry ``"within": True``
("within 30 days after ..."), ``"bound"`` ("no_later_than", "at_least", ...),
``"business_days": True`` and ``"redacted": True`` ("[*] days after", offset ``None``).

Numeric dates with ``/`` or ``-`` are read month first (US), day first only when the first
number cannot be a month; dotted dates ("1.4.2011") day first, as in Europe, unless the
second number cannot be a month. Two-digit years pivot at 70 (``05`` -> 2005, ``99`` -> 1999).

Everything scans ``doc.clean`` and takes each span's text from ``doc.text``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from termwise.extract._scan import hot_spots, lower
from termwise.extract.numwords import parse_ordinal
from termwise.extract.relative_dates import find_relative_dates
from termwise.model import Document, Value

# --------------------------------------------------------------------------- pieces

_MONTH_NAMES = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
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
# ... and EDGAR's underline row ("---------") left between the words it underlined:
# "31 December,          ---------          1996"
_WU = _W + r"(?:-{2,}" + _W + r")?"
_BLANK = r"(?:_+(?:[ \t]+_+)?|\[[ \t]*(?:_+|[•·●*]|\.{1,3}|…)?[ \t]*\])"
_DAY_WORD = r"(?:day|Day|DAY)"
_OF = r"(?:of|OF|Of)"

_DAY_OF_TAIL = (
    _DAY_WORD + _W + _OF + _WU + r"(?:" + _WEEKDAY + r"," + _W + r")?"
    r"(?:(?P<o_mon>"
    + _MON
    + r")\.?|(?P<o_mblank>"
    + _BLANK
    + r"))?"
    + _W
    + r"(?P<o_comma>,)?"
    + _WU
    + r"(?:in the year"
    + _W
    + r")?(?P<o_year>"
    + _YEAR
    + r"|"
    + _YEAR_PART
    + r")(?![\d_])"
)
# Three patterns, each starting with one kind of character so that ``re`` can skip ahead
# (an alternation of differently-led branches makes it try every branch at every offset).
# Word boundaries before the start are checked in Python (:func:`_starts_clean`).
_MONTH_LED = re.compile(
    r"(?P<mon>"
    + _MON
    + r")\.?(?:"
    # "June 27, 2001", "Nov. 29 1999", "March 1st, 2023"
    + _W
    + r"(?P<a_day>"
    + _DAY
    + r")"
    + _ORD
    + r"?(?!\d)"
    + _W
    + r",?"
    + _WU
    + r"(?P<a_year>"
    + _YEAR
    + r")(?![\d_])"
    # "January __, 2004", "June , 2010"
    r"|(?:"
    + _W
    + r"(?P<e_blank>"
    + _BLANK
    + r")"
    + _W
    + r"|[ \t]+),"
    + _W
    + r"(?P<e_year>"
    + _YEAR
    + r"|"
    + _YEAR_PART
    + r")(?![\d_])"
    # "June 2001", "June, 2001"
    r"|" + _W + r",?" + _W + r"(?P<y_year>" + _YEAR + r")(?![\d_])"
    # "June 30" with no year after it
    r"|[ \t]+(?P<d_day>" + _DAY + r")" + _ORD + r"?(?!\d|,?[ \t]*\d|[ \t]*[%$]|[.:/]\d)"
    r")"
)
_DIGIT_LED = re.compile(
    r"(?P<lead>\d{1,4})(?:"
    # "the 1st day of March, 2023", "27 June 2001", "22 Dec. 2017", "31 December,\n1996"
    r"(?P<ord>"
    + _ORD
    + r")?"
    + _W
    + r"(?:"
    + _DAY_OF_TAIL
    + r"|(?:"
    + _OF
    + _W
    + r")?(?P<b_mon>"
    + _MON
    + r")\.?"
    # "20 March day of 1998": the words of "the 20th day of March, 1998" out of order
    + r"(?:"
    + _W
    + _DAY_WORD
    + _W
    + _OF
    + r")?"
    + _W
    + r",?"
    + _WU
    + r"(?P<b_year>"
    + _YEAR
    + r")(?![\d_]))"
    # "4/04/05", "12-23-2019", "29/3/18", "2001-06-27"
    r"|(?P<n_sep>[/-])(?P<n2>\d{1,2})(?P=n_sep)(?P<n3>\d{4}|\d\d)(?![\d/-]|[.,]\d)"
    # "06.27.2001" (four-digit year only: "5.1.10" is a section number)
    r"|\.(?P<p2>\d{1,2})\.(?P<p3>(?:19|20)\d\d)(?![\d.-]\d|\d)"
    r")"
)
_BLANK_LED = re.compile(
    r"(?P<blank>"
    + _BLANK
    + r")"
    + _W
    + r"(?:"
    + _DAY_OF_TAIL
    # "_____, 2005", "[•], 2020"
    + r"|,"
    + _W
    + r"(?P<g_year>"
    + _YEAR
    + r"|"
    + _YEAR_PART
    + r"))(?![\d_])"
)
# "this day of , 2012": day and month left blank without underscores.
_DAY_LED = re.compile(_DAY_OF_TAIL)
# "as of , 2020", "AGENCY AGREEMENT\n\n, 2006": the blank before the comma left empty.
_COMMA_LED = re.compile(r",[ \t]*(?P<c_year>" + _YEAR + r")(?![\d_])")
_COMMA_AFTER = re.compile(r"(?:^|\n|(?<![A-Za-z])(?:of|OF|on|dated|Dated|DATED))[ \t]*,[ \t]*$")
# "day of" dates found from the words "day of" (no year needed to find them): "the 30th day of April",
# "the first day of July, 2017", "this day of , 20" (everything blank, the century printed).
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[ \t-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_DAY_OF_FIND = re.compile(r"day[ \t]*(?:\r?\n[ \t]*)?of(?![a-z])")  # on the lower-cased text
_DAY_OF_LEAD = re.compile(
    r"(?:(?<![A-Za-z0-9])\d{1,2}" + _ORD + r"?|(?<![A-Za-z])(?i:" + _ORDINAL_WORD + r")|" + _BLANK + r")" + _W + r"$"
)
_DAY_OF_SCAN = re.compile(
    r"(?:(?P<s_lead>\d{1,2})"
    + _ORD
    + r"?|(?P<s_word>(?i:"
    + _ORDINAL_WORD
    + r"))|"
    + _BLANK
    + r")?"
    + _W
    + _DAY_WORD
    + _W
    + _OF
    + _WU
    + r"(?:"
    + _WEEKDAY
    + r","
    + _W
    + r")?(?:(?P<s_mon>"
    + _MON
    + r")\.?(?:"
    + _W
    + r",?"
    + _WU
    + r"(?:in the year"
    + _W
    + r")?(?P<s_year>"
    + _YEAR
    + r")(?![\d_]))?|(?:"
    + _BLANK
    + r")?"
    + _W
    + r","
    + _W
    + r"(?P<s_cent>19|20)(?![\w]))"
)
_PAGE_BEFORE = re.compile(r"(?:Page|PAGE|page)[ \t]*$")  # "Page 2   May 2004" is a page number, then a date
_YEAR_BACK = 80  # how far before a year a date may start
_YEAR_BACK_WIDE = 130  # ... where a wide gap (an underline row, columns of spaces) sits in between
_GAP = " " * 16
_MONTH_BACK = 45  # a month name starts at most this far before its year
_CAP = re.compile(r"[JFMASOND]")
_RUN = re.compile(r"\d+")
_BLANK_START = re.compile(r"_+|\[")
_DAY_START = re.compile(r"day|Day|DAY")
_MON_BEFORE = re.compile(_MON + r"\.?[ \t]+$")


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


def _numeric(a: int, b: int, y: int) -> tuple[dt.date | None, dict[str, Any] | None] | None:
    """Month first; day first only when the first number cannot be a month."""
    if a > 12 and b <= 12:
        v, _ = _make(y, b, a)
        return (v, {"order": "dmy"}) if v else None
    v, _ = _make(y, a, b)
    return (v, None) if v else None


_Result = tuple[dt.date | None, dict[str, Any] | None]


def _interpret_day_of(g: dict[str, str | None]) -> _Result | None:
    lead, word = g["s_lead"], g["s_word"]
    day = int(lead) if lead else parse_ordinal(word) if word else None
    if day is not None and not 1 <= day <= 31:
        return None
    if g["s_cent"]:  # "this day of , 20"
        return None, {"incomplete": True, "year": None, "month": None, "day": day}
    mon = _month(g["s_mon"] or "")
    if g["s_year"]:
        if day is None:
            return None, {"incomplete": True, "year": int(g["s_year"]), "month": mon, "day": None}
        return _make(int(g["s_year"]), mon, day)
    if day is None or day > calendar.monthrange(2000, mon)[1]:
        return None
    return None, {"no_year": True, "month": mon, "day": day}


def _interpret(m: re.Match[str]) -> _Result | None:
    """The value and extra of one match, or ``None`` to drop it."""
    if m.re is _DAY_OF_SCAN:
        return _interpret_day_of(m.groupdict())
    if m.re is _COMMA_LED:
        return None, {"incomplete": True, "year": int(m["c_year"]), "month": None, "day": None}
    g = m.groupdict()
    if g.get("a_year"):
        return _make(int(g["a_year"]), _month(g["mon"]), int(g["a_day"]))
    if g.get("e_year"):
        return None, {"incomplete": True, "year": _full_year(g["e_year"]), "month": _month(g["mon"]), "day": None}
    if g.get("y_year"):
        return dt.date(int(g["y_year"]), _month(g["mon"]), 1), {"precision": "month"}
    if g.get("d_day"):
        mon, day = _month(g["mon"]), int(g["d_day"])
        if day > calendar.monthrange(2000, mon)[1]:
            return None
        return None, {"no_year": True, "month": mon, "day": day}
    lead = g.get("lead")
    if lead is not None:
        if g.get("n_sep"):
            a, b, c = lead, g["n2"], g["n3"]
            if len(a) == 4:  # 2001-06-27
                if len(c) == 4:
                    return None
                v, _ = _make(int(a), int(b), int(c))
                return (v, None) if v else None
            if len(a) == 3:
                return None
            if g["n_sep"] == "-" and len(c) == 2 and int(a) > 12:
                return None  # "25-10-15" is more likely a code than a date
            return _numeric(int(a), int(b), _year2(c))
        if g.get("p3"):  # dotted dates are mostly European: day first unless that cannot be
            if len(lead) > 2:
                return None
            a, b, y = int(lead), int(g["p2"]), int(g["p3"])
            if b > 12:
                return _numeric(a, b, y)
            v, _ = _make(y, b, a)
            return (v, {"order": "dmy"}) if v else None
        if len(lead) > 2 or not 1 <= int(lead) <= 31:
            return None
        if g.get("b_year"):
            return _make(int(g["b_year"]), _month(g["b_mon"]), int(lead))
    elif g.get("g_year"):
        return None, {"incomplete": True, "year": _full_year(g["g_year"]), "month": None, "day": None}
    if g.get("o_year"):
        o_year = _full_year(g["o_year"])
        o_mon = _month(g["o_mon"]) if g.get("o_mon") else None
        o_day = int(lead) if lead else None
        if o_year and o_mon and o_day:
            return _make(o_year, o_mon, o_day)
        if o_mon is None and o_day is None and not g.get("o_comma") and not g.get("o_mblank") and not g.get("blank"):
            return None  # "any day of 2009": not a blank to fill in
        return None, {"incomplete": True, "year": o_year, "month": o_mon, "day": o_day}
    return None


def _starts_clean(text: str, m: re.Match[str]) -> bool:
    """No letter or digit (or, for numbers, a separator) glued to the front of the match."""
    s = m.start()
    if s == 0:
        return True
    c = text[s - 1]
    if m.re is _MONTH_LED:
        return not c.isalpha()
    if m.re is _DIGIT_LED:
        numeric = m.group("n_sep") or m.group("p3")
        if c.isalpha() and not numeric:
            # "as of1 August 2019": a PDF's lost space after "of" / "on"
            return text[s - 2 : s] in ("of", "on") and not text[s - 3 : s - 2].isalpha()
        if c.isalnum() or c in "._":
            return False
        if not numeric and _PAGE_BEFORE.search(text, max(0, s - 8), s):
            return False
        return not (c in "/,$-" and numeric)
    if m.re is _DAY_LED:
        return not c.isalnum() and c != "_"
    return not c.isalnum()


def match_date_at(text: str, pos: int) -> tuple[int, dt.date | None, dict[str, Any] | None] | None:
    """A written date starting exactly at ``pos`` in ``text``: ``(end, value, extra)``.

    Used by the time extractor ("5:00 p.m. on June 29, 2001").
    """
    c = text[pos : pos + 1]
    rx = _DIGIT_LED if c.isdigit() else _BLANK_LED if c in "_[" else _MONTH_LED
    m = rx.match(text, pos)
    if not m or not _starts_clean(text, m):
        return None
    r = _interpret(m)
    if r is None:
        return None
    return m.end(), r[0], r[1]


def _window_matches(clean: str, lo: int, year: int, hi: int) -> list[re.Match[str]]:
    """Dates ending at or after the year at ``year``, starting in ``[lo, year]``."""
    # Anchored tries where each kind of date can start: cheaper than scanning the window.
    found: list[re.Match[str]] = []
    for rx, starts in (
        (_MONTH_LED, _CAP.finditer(clean, max(lo, year - _MONTH_BACK), year)),
        (_DIGIT_LED, _RUN.finditer(clean, lo, year)),
        (_BLANK_LED, _BLANK_START.finditer(clean, lo, year)),
        (_DAY_LED, _DAY_START.finditer(clean, lo, year)),
    ):
        for c in starts:
            m = rx.match(clean, c.start(), hi)
            if m:
                found.append(m)
    return found


def find_absolute_dates(doc: Document) -> list[Value]:
    text, clean = doc.text, doc.clean
    n = len(clean)
    cands: dict[int, tuple[int, re.Match[str]]] = {}
    hot = hot_spots(clean)
    found: list[re.Match[str]] = []
    for s, _r, _e in hot.numeric:
        m = _DIGIT_LED.match(clean, s)
        if m:
            found.append(m)
    for s, _r, _e in hot.after_word:
        mb = _MON_BEFORE.search(clean, max(0, s - 12), s)
        if mb:
            m = _MONTH_LED.match(clean, mb.start())
            if m:
                found.append(m)
    done = 0  # everything before this offset has been looked at
    for s, r, e in hot.years:
        back = _YEAR_BACK_WIDE if clean.find(_GAP, max(0, s - _YEAR_BACK), s) >= 0 else _YEAR_BACK
        found += _window_matches(clean, max(done, s - back), s, min(n, e + 16))
        done = r
        if r - s == 4:
            c = s
            while c > 0 and clean[c - 1] in " \t":
                c -= 1
            if c > 0 and clean[c - 1] == "," and _COMMA_AFTER.search(clean, max(0, c - 40), c):
                m = _COMMA_LED.match(clean, c - 1)
                if m:
                    found.append(m)
    for d in _DAY_OF_FIND.finditer(lower(clean)):
        p = d.start()
        lead = _DAY_OF_LEAD.search(clean, max(0, p - 40), p)
        m = _DAY_OF_SCAN.match(clean, lead.start() if lead else p)
        if m:
            found.append(m)
    for m in found:
        if not _starts_clean(clean, m):
            continue
        old = cands.get(m.start())
        if old is None or old[0] < m.end():
            cands[m.start()] = (m.end(), m)
    out: list[Value] = []
    last_end = -1
    for start in sorted(cands):
        end, m = cands[start]
        if start < last_end:
            continue  # inside a longer date found from an earlier start
        res = _interpret(m)
        if res is None:
            continue
        last_end = end
        out.append(Value(kind="date", text=text[start:end], start=start, end=end, value=res[0], extra=res[1]))
    return out


def find_dates(doc: Document) -> list[Value]:
    """Every date in ``doc``: absolute, partial and relative (overlaps left to the resolver)."""
    absolute = find_absolute_dates(doc)
    return absolute + find_relative_dates(doc, absolute)
