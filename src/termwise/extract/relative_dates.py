"""Relative dates, kept with their anchor: "six months from the date of this letter", "within
30 days after the Closing Date", "the fifth day following the date on which ... occurs",
"thirty (30) days prior to the expiration", "the first anniversary of the Grant Date",
"the Business Day following receipt", "[*] days after termination" (number blacked out).

:func:`find_relative_dates` returns kind ``"date"`` values with ``value`` ``None`` (or the
computed date when the anchor is itself a written date: "90 days after June 1, 2001") and
``extra``: ``offset`` (ISO 8601, ``None`` when redacted, then ``"redacted": True``),
``direction`` (``"after"`` / ``"before"``), ``anchor`` with ``anchor_start`` / ``anchor_end``,
and where written ``"within": True``, ``"bound"`` (``"no_later_than"``, ``"at_least"``, ...),
``"business_days": True``.

"For six months following ..." is a period, not a date, and is left to the duration
extractor. Everything is matched on the lower-cased ``doc.clean``, found from the unit word
("days", "months") outwards: the quantity before it, the connector after it, then the anchor.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from typing import Any

from termwise.extract._scan import lower
from termwise.extract.numwords import parse_number, parse_ordinal
from termwise.model import Document, Value

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
# The words a quantity phrase can end with, right before its unit.
_LAST_WORDS = frozenset(
    "a an the next following succeeding preceding zero one two three four five six seven eight nine ten eleven"
    " twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty"
    " seventy eighty ninety hundred thousand first second third fourth fifth sixth seventh eighth ninth tenth"
    " eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    " thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth".split()
)
_LEFT_REACH = 64  # "no later than the date which is thirty-six (36) " fits
_PERIOD_BEFORE = re.compile(
    r"(?:\bfor|\bperiod[ \t\n]+of|\bterm[ \t\n]+of|\bduring|\bover)[ \t\n]+"
    r"(?:(?:up[ \t\n]+to|at[ \t\n]+least|not[ \t\n]+less[ \t\n]+than|a[ \t\n]+further|an[ \t\n]+additional)[ \t\n]+)?$"
)
# Every branch starts with one character of one class, so ``re`` can skip ahead to it.
_ANCHOR_STOP = re.compile(
    r"[,;:()\[\]$€£¥.\s](?:(?<=[;:()\[\]$€£¥])|(?<=,)(?!\d)|(?<=\.)(?=\s|$)|(?<=\n)[ \t]*\n"
    # a section number, or an amount the anchor must not swallow: "1,000,000 shares", "50%"
    r"|(?<=\s)(?:\d+(?:\.\d+)+(?![\w])|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?[ \t]*%|\d{5,})"
    r"|(?<=\s)(?:(?:in|to|of|by|on|at|for|from|with|under|during)[ \t\n]+(?:which|whom)(?![a-z])"
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
_DANGLING = re.compile(r"(?:[ \t\n]+(?:of|the|a|an|to|by|for|in|on|at|with|from|its|his|her|their|such))*[ \t\n]*$")
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
    phrase = _DANGLING.sub("", window[:end])  # "the issuance of" -> "the issuance"
    return start + len(phrase)


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
    """The longest quantity phrase ("within thirty (30)") ending at ``end``, if any."""
    j = end
    while j and low[j - 1] in " \t\n":
        j -= 1
    last = low[j - 1 : j]
    if not last or not (last in ")]" or last.isdigit()):
        k = max(low.rfind(" ", 0, j), low.rfind("\n", 0, j), low.rfind("-", 0, j)) + 1
        if low[k:j] not in _LAST_WORDS and not low[k : k + 1].isdigit():  # "10th"
            return None  # cheap test first: "the days", "such days" have no quantity
    return _LEFT.search(low, max(0, end - _LEFT_REACH), end)


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
    spans = sorted((v.start, v.end) for v in absolute or ())
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
        if anchor_date:
            a_end = anchor_date.end
        else:
            a_end = _anchor_end(low, a_start)
            i = bisect.bisect_left(spans, (a_start,))
            while i < len(spans) and spans[i][0] < a_end:
                if a_end < spans[i][1]:
                    a_end = spans[i][1]  # a date cut by the stop at its comma: "dated June 1, 2001"
                    break
                i += 1
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
