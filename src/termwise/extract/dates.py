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
from termwise.extract.numwords import parse_number, parse_ordinal
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
_BLANK = r"(?:_+(?:[ \t]+_+)?|\[[ \t]*(?:_+|[•·●*]|\.{1,3}|…)?[ \t]*\])"
_DAY_WORD = r"(?:day|Day|DAY)"
_OF = r"(?:of|OF|Of)"

_DAY_OF_TAIL = (
    _DAY_WORD + _W + _OF + _W + r"(?:" + _WEEKDAY + r"," + _W + r")?"
    r"(?:(?P<o_mon>"
    + _MON
    + r")\.?|(?P<o_mblank>"
    + _BLANK
    + r"))?"
    + _W
    + r"(?P<o_comma>,)?"
    + _W
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
    + _W
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
    + _W
    + r",?"
    + _W
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
_YEAR_BACK = 80  # how far before a year a date may start
_DIGIT = re.compile(r"\d")
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


def _interpret(m: re.Match[str]) -> _Result | None:
    """The value and extra of one match, or ``None`` to drop it."""
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
        if c.isalnum() or c in "._":
            return False
        return not (c in "/,$-" and (m.group("n_sep") or m.group("p3")))
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
    found = [m for m in _MONTH_LED.finditer(clean, lo, hi)]
    d = _DIGIT.search(clean, lo, year)  # a day before the year ("27 June 2001")
    if d:
        found += _DIGIT_LED.finditer(clean, d.start(), hi)
    window = clean[lo:year]
    if "_" in window or "[" in window:
        found += _BLANK_LED.finditer(clean, lo, hi)
    if "ay" in window or "AY" in window:
        found += _DAY_LED.finditer(clean, lo, hi)
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
        found += _window_matches(clean, max(done, s - _YEAR_BACK), s, min(n, e + 16))
        done = r
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


# --------------------------------------------------------------------------- relative dates
# Matched on the lower-cased text. Found from the unit word ("days", "months") outwards:
# the quantity before it, the connector ("after", "prior to") and the anchor after it.

_UNIT_WORDS = tuple(re.compile(w) for w in ("day", "week", "month", "year", "anniversary"))
_UNIT_KIND = re.compile(r"(?:business|calendar|banking|working|trading)[ \t\n]+$")
_CONNECT = re.compile(
    r"(?:[ \t\n]*\(\d+\))?[ \t\n]+(?:(?:immediately|next)[ \t\n]+)?"
    r"(?P<conn>after|following|from|of|prior[ \t\n]+to|before|preceding|subsequent[ \t\n]+to"
    r"|in[ \t\n]+advance[ \t\n]+of)"
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
# A small quantity ("thirty (30)", "30", "twenty-four", "90 (ninety)", "a"): much cheaper to
# search backwards for than numwords' general NUMBER_RE; numwords parses what it finds.
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
_QTY = (
    r"(?<![a-z0-9-])(?:" + _NUMBER_WORD + r"(?:(?:[ \t\n]*-[ \t\n]*|[ \t\n]+(?:and[ \t\n]+)?)" + _NUMBER_WORD + r")*"
    r"(?:[ \t\n]*\([ \t]*\d{1,5}[ \t]*\))?"
    r"|\d{1,3}(?:,\d{3})*(?:[ \t\n]*\([a-z \t\n-]{3,40}\))?|an?)(?![a-z0-9])"
)
_LEFT = re.compile(
    r"(?<![a-z0-9])(?:" + _BOUND + r")?"
    r"(?:(?P<lead>the[ \t\n]+(?:date|day)[ \t\n]+(?:which|that)[ \t\n]+is|the[ \t\n]+date)[ \t\n]+)?"
    r"(?:(?P<qty>" + _QTY + r")"
    # "[*] days", "[***] ([***]) days": the number is blacked out in the filing
    r"|(?P<redacted>\[[ \t]*[*•·●.]+[ \t]*\](?:[ \t\n]*\([ \t]*\[[ \t]*[*•·●.]+[ \t]*\][ \t]*\))?)"
    r"|the[ \t\n]+(?P<ord>" + _ORDINAL_WORDS + r"(?:[ \t\n]*\(\d+(?:st|nd|rd|th)\))?|\d+(?:st|nd|rd|th))"
    # "the (next) business day after ...": one day
    r"|(?P<the>the)(?:[ \t\n]+(?:next|immediately[ \t\n]+(?:following|succeeding|preceding)))?)"
    r"[ \t\n]+$"
)
_TOKEN = re.compile(r"[a-z0-9]+|\[")
# The words a quantity phrase can begin with: a bound, "the", a number.
_LEFT_FIRST = frozenset(
    "[ within no not at on until by the a an zero one two three four five six seven eight nine ten eleven twelve"
    " thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy"
    " eighty ninety".split()
)
_LEFT_REACH = 64  # "no later than the date which is thirty-six (36) " fits
_PERIOD_BEFORE = re.compile(
    r"(?:\bfor|\bperiod[ \t\n]+of|\bterm[ \t\n]+of|\bduring|\bover)[ \t\n]+"
    r"(?:(?:up[ \t\n]+to|at[ \t\n]+least|not[ \t\n]+less[ \t\n]+than|a[ \t\n]+further|an[ \t\n]+additional)[ \t\n]+)?$"
)
# Every branch starts with one character of one class, so ``re`` can skip ahead to it.
_ANCHOR_STOP = re.compile(
    r"[,;:()\[\]$.\s](?:(?<=[;:()\[\]$])|(?<=,)(?!\d)|(?<=\.)(?=\s|$)|(?<=\n)[ \t]*\n|(?<=\s)(?:\d+(?:\.\d+)+(?![\w])"
    r"|(?:in|to|of|by|on|at|for|from|with|under|during)[ \t\n]+(?:which|whom)(?![a-z])"
    r"|(?:and|or|unless|provided|if|except|whichever|until|subject|pursuant"
    r"|in[ \t\n]+accordance|which|whereupon|but|then|to[ \t\n]+the[ \t\n]+extent|during|for|under|in[ \t\n]+connection"
    r"|notwithstanding|solely|as|in[ \t\n]+the[ \t\n]+event|so[ \t\n]+long|as[ \t\n]+long|shall|will|may|must"
    r"|at[ \t\n]+which)(?![a-z])))"
)
# "the date on which ... occurs", "the date it is funded": the anchor runs to its verb.
_EVENT_ANCHOR = re.compile(
    r"the[ \t\n]+(?:date|day|time)[ \t\n]+(?!of(?![a-z])|hereof|thereof)(?=[a-z])"
    r"(?:(?:(?:on|upon|as[ \t\n]+of|at|by)[ \t\n]+which|that|when)[ \t\n]+)?"
)
_EVENT_END = re.compile(
    r"[;(\[]|\.(?=\s|$)|\n[ \t]*\n|(?<![a-z])(?:(?:is|are|was|were|has[ \t\n]+been|have[ \t\n]+been|shall[ \t\n]+be"
    r"|becomes?|became)[ \t\n]+[a-z]+|occurs?|occurred|takes?[ \t\n]+place|took[ \t\n]+place|begins?|began|ends?|ended"
    r"|expires?|expired|commences?|commenced|terminates?|terminated|closes?|closed)(?![a-z])"
)
_ANCHOR_MAX = 160
_BEFORE = {"prior to", "before", "preceding", "in advance of"}
_BOUND_NAMES = {
    "no later than": "no_later_than",
    "not later than": "no_later_than",
    "no earlier than": "no_earlier_than",
    "not earlier than": "no_earlier_than",
    "at least": "at_least",
    "not less than": "at_least",
    "no less than": "at_least",
    "on or before": "on_or_before",
    "on or after": "on_or_after",
    "until": "until",
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
    m = _ANCHOR_STOP.search(window, ev.end() if ev else 0)
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


def _left(low: str, end: int) -> re.Match[str] | None:
    """The longest quantity phrase ("within thirty (30)") ending at ``end``: tried at word starts."""
    lo = max(0, end - _LEFT_REACH)
    for w in _TOKEN.finditer(low, lo, end):
        s = w.start()
        if s == lo and s and low[s - 1].isalnum():
            continue  # a word cut by the window
        if w.group() not in _LEFT_FIRST and not low[s].isdigit():
            continue
        m = _LEFT.match(low, s, end)
        if m:
            return m
    return None


def _units(low: str) -> list[tuple[str, int, int]]:
    """``(unit, start, end)`` of each whole word "day(s)", "week(s)", "month(s)", "year(s)", "anniversary"."""
    found = []
    for rx in _UNIT_WORDS:
        w = rx.pattern
        for m in rx.finditer(low):
            s, e = m.span()
            if s and low[s - 1].isalpha():
                continue
            if low[e : e + 1] == "s" and w != "anniversary":
                e += 1
            if low[e : e + 1].isalpha():
                continue
            found.append((w, s, e))
    found.sort(key=lambda t: t[1])
    return found


def find_relative_dates(doc: Document, absolute: list[Value] | None = None) -> list[Value]:
    text, low = doc.text, lower(doc.clean)
    starts = {v.start: v for v in absolute or () if isinstance(v.value, dt.date)}
    out: list[Value] = []
    for unit_word, ustart, uend in _units(low):
        cm = _CONNECT.match(low, uend)
        if not cm:
            continue
        conn = " ".join(cm.group("conn").split())
        km = _UNIT_KIND.search(low, max(0, ustart - 12), ustart)
        left_end = km.start() if km else ustart
        lm = _left(low, left_end)
        if not lm:
            continue
        bound = " ".join(lm.group("bound").split()) if lm.group("bound") else None
        n: int | None
        if lm.group("ord") or lm.group("the"):
            n = parse_ordinal(lm.group("ord").split("(")[0].strip()) if lm.group("ord") else 1
            if unit_word not in ("day", "anniversary") or low[uend - 1] == "s":
                continue
            if conn == "of" and (unit_word != "anniversary" or lm.group("the")):
                continue  # "the 15th day of each month", "the day of the Closing"
            if lm.group("the") and unit_word == "anniversary":
                continue
        elif lm.group("redacted"):
            n = 0  # unknown
            if conn == "of" and bound != "within":
                continue
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
            if (
                bound is None
                and lm.group("lead") is None
                and _PERIOD_BEFORE.search(low, max(0, lm.start() - 36), lm.start())
            ):
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
            "offset": f"P{n}{unit}" if n else None,
            "direction": direction,
            "anchor": text[a_start:a_end],
            "anchor_start": a_start,
            "anchor_end": a_end,
        }
        if bound == "within":
            extra["within"] = True
        elif bound:
            extra["bound"] = _BOUND_NAMES[bound]
        if km and not km.group(0).startswith("calendar"):
            extra["business_days"] = True
        if not n:
            extra["redacted"] = True
        value = None
        if n and anchor_date is not None and not extra.get("business_days"):
            value = _shift(anchor_date.value, n, unit, -1 if direction == "before" else 1)
        out.append(Value(kind="date", text=text[start:a_end], start=start, end=a_end, value=value, extra=extra))
    return out


def find_dates(doc: Document) -> list[Value]:
    """Every date in ``doc``: absolute, partial and relative (overlaps left to the resolver)."""
    absolute = find_absolute_dates(doc)
    return absolute + find_relative_dates(doc, absolute)
