"""Sentence-level text helpers for the builders.

Agreements are hard-wrapped; the builders match on a *flat* copy of each sentence
(whitespace runs collapsed to one space, lower-cased) and map every match back to
offsets in the document text, so evidence spans round-trip.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from termwise.extract.numwords import NUMBER_RE, parse_number, parse_ordinal
from termwise.model import Document

NUM = NUMBER_RE.pattern

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH_ALT = "|".join(MONTHS) + r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
DATE_RE = re.compile(
    rf"\b(?P<mon>{_MONTH_ALT})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+day\s+of\s+(?P<mon2>{_MONTH_ALT}),?\s+(?P<year2>\d{{4}})\b"
    rf"|\b(?P<m3>\d{{1,2}})/(?P<d3>\d{{1,2}})/(?P<y3>\d{{4}}|\d{{2}})\b"
)
MONEY_RE = re.compile(
    r"(?:us\s*)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?P<scale>million|billion|thousand)\b)?"
)
UNIT_RE = r"(?P<unit>business days?|calendar days?|days?|weeks?|months?|years?)"
DURATION_RE = re.compile(rf"(?P<n>{NUM})[ -]+{UNIT_RE}\b|\b(?P<w>[a-z]+)-(?P<unit2>day|week|month|year)\b")
TIME_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
    r"(?:\s*\(?(?P<tz>(?:los angeles|san francisco|pacific|eastern|new york(?: city)?|central|chicago|mountain|denver)"
    r"(?:\s+(?:standard|daylight|prevailing|local))?\s+time|[pecm][sd]?t)\)?)?"
)
TZ_NAMES = {
    "los angeles": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "eastern": "America/New_York",
    "new york": "America/New_York",
    "central": "America/Chicago",
    "chicago": "America/Chicago",
    "mountain": "America/Denver",
    "denver": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
}


@dataclass(frozen=True, slots=True)
class Flat:
    """A sentence with whitespace collapsed and lower-cased; ``pos`` maps back to the document."""

    s: str  # flat, lower-cased
    raw: str  # flat, original case
    pos: tuple[int, ...]  # document offset of each flat character
    start: int
    end: int

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Document offsets of flat[i:j] (j exclusive)."""
        if j <= i:
            return (self.pos[i], self.pos[i])
        return (self.pos[i], self.pos[j - 1] + 1)

    def evidence(self) -> tuple[int, int]:
        return (self.start, self.end)


def flatten(text: str, start: int, end: int) -> Flat:
    out: list[str] = []
    pos: list[int] = []
    prev_space = False
    for i in range(start, end):
        c = text[i]
        if c.isspace():
            if prev_space or not out:
                continue
            out.append(" ")
            pos.append(i)
            prev_space = True
        else:
            out.append(c)
            pos.append(i)
            prev_space = False
    while out and out[-1] == " ":
        out.pop()
        pos.pop()
    raw = "".join(out)
    return Flat(s=raw.lower(), raw=raw, pos=tuple(pos), start=start, end=end)


def sentences(doc: Document) -> list[Flat]:
    from termwise.segment.sentences import split_sentences

    text = doc.clean
    return [flatten(text, sp.start, sp.end) for sp in split_sentences(text)]


def number(text: str) -> Decimal | None:
    return parse_number(text.strip().lower())


def money(m: re.Match[str]) -> Decimal:
    v = Decimal(m.group("num").replace(",", ""))
    scale = m.group("scale")
    if scale:
        v *= {"thousand": 1000, "million": 10**6, "billion": 10**9}[scale]
    return v


def duration(m: re.Match[str]) -> tuple[str, bool] | None:
    """ISO duration and whether counted in business days, for a DURATION_RE match."""
    if m.group("w"):
        n = number(m.group("w"))
        unit = m.group("unit2")
    else:
        n = number(m.group("n"))
        unit = m.group("unit")
    if n is None or n != n.to_integral_value():
        return None
    k = int(n)
    business = unit.startswith("business")
    u = unit.split()[-1].rstrip("s")
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    return f"P{k}{code}", business


def first_duration(s: str, start: int = 0, end: int | None = None) -> tuple[re.Match[str], str, bool] | None:
    for m in DURATION_RE.finditer(s, start, len(s) if end is None else end):
        d = duration(m)
        if d:
            return m, d[0], d[1]
    return None


def parse_date(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("mon"):
            return dt.date(int(m.group("year")), _abbr_month(m.group("mon")), int(m.group("day")))
        if m.group("mon2"):
            return dt.date(int(m.group("year2")), _abbr_month(m.group("mon2")), int(m.group("day2")))
        y = int(m.group("y3"))
        if y < 100:
            y += 2000 if y < 50 else 1900
        return dt.date(y, int(m.group("m3")), int(m.group("d3")))
    except (ValueError, TypeError):
        return None


def _abbr_month(word: str) -> int:
    w = word.rstrip(".").lower()
    for name, i in MONTHS.items():
        if name.startswith(w[:3]):
            return i
    raise ValueError(word)


def find_dates(s: str) -> Iterator[tuple[re.Match[str], dt.date]]:
    for m in DATE_RE.finditer(s):
        d = parse_date(m)
        if d is not None:
            yield m, d


def parse_time(m: re.Match[str]) -> tuple[dt.time, str | None]:
    h = int(m.group("h")) % 12
    if m.group("ap").startswith("p"):
        h += 12
    mi = int(m.group("m") or 0)
    tzw = m.group("tz")
    tz = None
    if tzw:
        key = tzw.replace(" time", "").strip()
        for name, zone in TZ_NAMES.items():
            if key.startswith(name) or key == name:
                tz = zone
                break
    return dt.time(h, mi), tz


def ordinal(word: str) -> int | None:
    return parse_ordinal(word)


def fraction(text: str) -> Decimal | None:
    """ "25%", "one-fourth", "1/4", "one quarter", "one-third" -> Decimal fraction of 1."""
    t = text.strip().lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", t)
    if m:
        return Decimal(m.group(1)) / 100
    m = re.fullmatch(r"(\d+)\s*/\s*(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return Decimal(m.group(1)) / Decimal(m.group(2))
    words = {
        "one-fourth": 4,
        "one fourth": 4,
        "one-quarter": 4,
        "one quarter": 4,
        "a quarter": 4,
        "one-third": 3,
        "one third": 3,
        "a third": 3,
        "one-half": 2,
        "one half": 2,
        "half": 2,
        "one-fifth": 5,
        "one fifth": 5,
    }
    if t in words:
        return Decimal(1) / words[t]
    return None


FRACTION_RE = (
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent)|\d+\s*/\s*\d+(?:st|nd|rd|th)?|one[- ](?:fourth|quarter|third|half|fifth)"
    r"|a (?:quarter|third)|half)"
)
