"""Times of day: "5:00 p.m. Los Angeles time on June 29, 2001", "12:00 noon, Eastern Time",
"11:59 p.m. EST", "17:00 CET", "midnight".

``find_times(doc)`` returns kind ``"time"`` values whose ``value`` is a
:class:`~termwise.model.TimeOfDay`: the time, the IANA zone when one is named (US zone
names and abbreviations, "local time" of a few business cities), and the date when one
is written right after ("on June 29, 2001") or right before ("June 29, 2001 at 5:00 p.m.").
The span covers all of it.

"Midnight" has value 00:00 and ``extra {"midnight": True}``: contracts mostly mean the
end of the day named, which a ``time`` cannot hold; the flag lets a consumer decide.
Daylight / standard abbreviations ("EST", "PDT") map to their region's zone;
``extra["tz_text"]`` keeps what was written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from termwise.extract._scan import hot_spots, lower
from termwise.extract.dates import match_date_at
from termwise.model import Document, TimeOfDay, Value

_NY, _CHI, _DEN, _LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"

# Zone words that must be followed by "time" ("Eastern time", "Los Angeles time").
_ZONE_WORDS = {
    "eastern": _NY,
    "eastern standard": _NY,
    "eastern daylight": _NY,
    "eastern prevailing": _NY,
    "new york": _NY,
    "new york city": _NY,
    "boston": _NY,
    "washington, d.c.": _NY,
    "washington d.c.": _NY,
    "atlanta": _NY,
    "miami": _NY,
    "philadelphia": _NY,
    "detroit": "America/Detroit",
    "prevailing eastern": _NY,
    "prevailing central": _CHI,
    "prevailing mountain": _DEN,
    "prevailing pacific": _LA,
    "central clock": _CHI,
    "central": _CHI,
    "central standard": _CHI,
    "central daylight": _CHI,
    "central prevailing": _CHI,
    "chicago": _CHI,
    "dallas": _CHI,
    "houston": _CHI,
    "minneapolis": _CHI,
    "texas": _CHI,
    "mountain": _DEN,
    "mountain standard": _DEN,
    "mountain daylight": _DEN,
    "denver": _DEN,
    "salt lake city": _DEN,
    "phoenix": "America/Phoenix",
    "arizona": "America/Phoenix",
    "pacific": _LA,
    "pacific standard": _LA,
    "pacific daylight": _LA,
    "pacific prevailing": _LA,
    "los angeles": _LA,
    "san francisco": _LA,
    "california": _LA,
    "seattle": _LA,
    "san diego": _LA,
    "san jose": _LA,
    "palo alto": _LA,
    "hawaii": "Pacific/Honolulu",
    "honolulu": "Pacific/Honolulu",
    "alaska": "America/Anchorage",
    "toronto": "America/Toronto",
    "vancouver": "America/Vancouver",
    "london": "Europe/London",
    "british summer": "Europe/London",
    "greenwich mean": "Etc/GMT",
    "central european": "CET",
    "central european summer": "CET",
    "paris": "Europe/Paris",
    "frankfurt": "Europe/Berlin",
    "berlin": "Europe/Berlin",
    "amsterdam": "Europe/Amsterdam",
    "zurich": "Europe/Zurich",
    "geneva": "Europe/Zurich",
    "luxembourg": "Europe/Luxembourg",
    "dublin": "Europe/Dublin",
    "tokyo": "Asia/Tokyo",
    "japan": "Asia/Tokyo",
    "hong kong": "Asia/Hong_Kong",
    "singapore": "Asia/Singapore",
    "beijing": "Asia/Shanghai",
    "shanghai": "Asia/Shanghai",
    "taipei": "Asia/Taipei",
    "seoul": "Asia/Seoul",
    "sydney": "Australia/Sydney",
    "tel aviv": "Asia/Jerusalem",
    "israel": "Asia/Jerusalem",
    "local": None,
    "prevailing local": None,
}
# Abbreviations, standing alone.
_ZONE_ABBR = {
    "est": _NY,
    "edt": _NY,
    "et": _NY,
    "cst": _CHI,
    "cdt": _CHI,
    "ct": _CHI,
    "mst": _DEN,
    "mdt": _DEN,
    "pst": _LA,
    "pdt": _LA,
    "pt": _LA,
    "gmt": "Etc/GMT",
    "utc": "UTC",
    "bst": "Europe/London",
    "cet": "CET",
    "cest": "CET",
    "jst": "Asia/Tokyo",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
}
ZONES: dict[str, str | None] = {**_ZONE_WORDS, **_ZONE_ABBR}


def _alt(words: object) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_TZ = (
    r"(?:[ \t]*,?[ \t]*\(?[ \t]*(?P<tz>(?P<tzw>" + _alt(_ZONE_WORDS) + r")[ \t]+time(?:[ \t]+zone)?"
    r"|(?P<tza>" + _alt(_ZONE_ABBR) + r")(?![a-z]))(?:[ \t]*\((?:" + _alt(_ZONE_ABBR) + r")\))?(?P<close>[ \t]*\))?)?"
)
_AMPM = r"(?P<ap>[ap])(?:\.[ \t]?m\.?|m(?![a-z]))"
_TIME = re.compile(
    r"(?<![\w:.$,/])(?:"
    r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?(?::[0-5]\d)?[ \t]*" + _AMPM + r"(?:[ \t]*\(?(?P<np>noon|midnight)\)?)?"
    r"|(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d.:])"
    r"(?:[ \t]*(?P<word24>noon|midnight|hours|hrs\.?|h(?![a-z])))?"
    r"|(?P<word>noon|midnight)(?![a-z])"
    r")" + _TZ
)
_WORDS = (re.compile("noon"), re.compile("midnight"))
_BARE_OK_BEFORE = re.compile(r"(?:\bat|\bby|\bbefore|\buntil|\bafter|\bfrom|\bto|\bthrough)[ \t\n]+$")
_ON_DATE = re.compile(r"[ \t]*,?[ \t\n]*(?:on[ \t\n]+|of[ \t\n]+)?(?:(?:the[ \t\n]+)|(?:[a-z]+day,?[ \t\n]+))?")
_DATE_BEFORE = re.compile(r"(?:,[ \t\n]*|[ \t\n]+)(?:at[ \t\n]+)?$")


def _time_of(m: re.Match[str]) -> tuple[dt.time, dict[str, Any]] | None:
    g = m.group
    extra: dict[str, Any] = {}
    if g("h"):
        h, mi = int(g("h")), int(g("m") or 0)
        if g("np") == "noon" and h == 12:
            return dt.time(12, mi), extra
        if g("np") == "midnight" and h == 12:
            extra["midnight"] = True
            return dt.time(0, mi), extra
        if g("ap") == "a":
            h = 0 if h == 12 else h
        else:
            h = h if h == 12 else h + 12
        if h == 0 and mi == 0:
            extra["midnight"] = True
        return dt.time(h, mi), extra
    if g("h24") is not None:
        h, mi = int(g("h24")), int(g("m24"))
        if g("word24") == "midnight" and h in (0, 12):
            extra["midnight"] = True
            return dt.time(0, mi), extra
        return dt.time(h, mi), extra
    if g("word") == "noon":
        return dt.time(12, 0), extra
    extra["midnight"] = True
    return dt.time(0, 0), extra


def find_times(doc: Document) -> list[Value]:
    text, clean = doc.text, doc.clean
    low = lower(clean)
    starts = [s for s, _r, _e in hot_spots(clean).times]
    for word in _WORDS:
        starts += [m.start() for m in word.finditer(low)]
    starts.sort()
    out: list[Value] = []
    covered = -1
    for pos in starts:
        if pos < covered:
            continue
        m = _TIME.match(low, pos)
        if not m:
            continue
        start, end = m.span()
        g = m.group
        if g("h24") is not None and not g("tz") and not g("word24"):
            if low[start - 1 : start] == "." or not _BARE_OK_BEFORE.search(low, max(0, start - 12), start):
                continue  # "10:30" alone: a ratio, a verse, a reference
        if g("h24") is not None and low[m.start("h24") : m.end("m24")].count(".") and not g("tz") and not g("word24"):
            continue  # "5.30" alone is a number
        r = _time_of(m)
        if r is None:
            continue
        t, extra = r
        tz = None
        if g("tz"):
            key = " ".join((g("tzw") or g("tza")).split())
            tz = ZONES.get(key)
            extra["tz_text"] = text[m.start("tz") : m.end("tz")]
        date = None
        dm = _ON_DATE.match(low, end)
        if dm:
            hit = match_date_at(clean, dm.end())
            if hit and isinstance(hit[1], dt.date) and not (hit[2] and "precision" in hit[2]):
                date, end = hit[1], hit[0]
        if date is None:
            bm = _DATE_BEFORE.search(low, max(0, start - 6), start)
            if bm:
                date_start = _date_ending_at(clean, bm.start())
                if date_start is not None:
                    hit = match_date_at(clean, date_start)
                    if hit and isinstance(hit[1], dt.date):
                        date, start = hit[1], date_start
        value = TimeOfDay(time=t, tz=tz, date=date)
        out.append(Value(kind="time", text=text[start:end], start=start, end=end, value=value, extra=extra or None))
        covered = end
    return out


_DATE_TAIL = re.compile(r"(?:1[89]|20)\d\d$")
_DATE_HEAD = re.compile(r"(?<![A-Za-z0-9])(?=[A-Z0-9])")


def _date_ending_at(clean: str, pos: int) -> int | None:
    """Start of a written date ending exactly at ``pos`` (a year there first, as a cheap test)."""
    if not _DATE_TAIL.search(clean, max(0, pos - 4), pos):
        return None
    lo = max(0, pos - 40)
    for h in _DATE_HEAD.finditer(clean, lo, pos):
        hit = match_date_at(clean, h.start())
        if hit and hit[0] == pos and isinstance(hit[1], dt.date):
            return h.start()
    return None
