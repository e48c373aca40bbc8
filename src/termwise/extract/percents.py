"""Percentages: "25%" -> 25, "fifty percent (50%)" -> 50 (one value), "6.5 per cent",
"7 1/2%" -> 7.5, "one-half of one percent" -> 0.5, "150 basis points" -> 1.5.

Anchors are ``%`` and the words "percent" / "per cent"; the number is looked for just
before the anchor, and a parenthesized twin just after it ("ten percent (10%)",
"10% (ten percent)") is taken into the same value.
"""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.extract._numeric import (
    COUNT,
    WORDS,
    WS,
    count_value,
    dedupe,
    digit_runs,
    integral,
    lead_starts,
    lower_text,
    make,
    pattern_hits,
)
from termwise.extract.numwords import parse_digits, parse_number_words
from termwise.model import Document, Value

_PERCENT_SIGN_RE = re.compile("%")
_PERCENT_WORD_RE = re.compile("p(?:er ?cent|ct)")  # one pass: "percent", "per cent", "pct"
_EXTRA = frozenset(("of",))
_FRACWORD = (
    r"(?:(?:one|a)"
    + WS
    + r"*-?"
    + WS
    + r"*(?:half|quarter|third|fourth|tenth)|half|three"
    + WS
    + r"*-?"
    + WS
    + r"*quarters?)"
)
_TAIL_RE = re.compile(
    r"(?:(?P<fr>" + _FRACWORD + r")" + WS + r"+of" + WS + r"+(?:one|1|a)" + WS + r"*"
    r"|(?P<mixed>(?<![\w.,/-])\d+(?:[ \t]+|[ \t]*-[ \t]*)(?P<fn>\d)/(?P<fd>\d{1,2}))[ \t]*"
    r"|(?P<frac>(?<![\w.,/-])(?P<fn0>\d)/(?P<fd0>\d{1,2}))[ \t]*"
    r"|" + COUNT + WS + r"*)\Z"
)
# the twin after the anchor: "(50%)", "(fifty percent)"
_AFTER_RE = re.compile(
    WS
    + r"*\("
    + WS
    + r"*(?:-?\d+(?:\.\d+)?(?:[ \t-]+\d/\d{1,2})?"
    + WS
    + r"*(?:%|per"
    + WS
    + r"?cent)|(?:"
    + WORDS
    + r")"
    + WS
    + r"*(?:%|per"
    + WS
    + r"?cent))"
    + WS
    + r"*\)"
)


_FIGURE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_percents(doc: Document) -> list[Value]:
    """Every percentage in ``doc``; the value is the number of percent (25 for 25%)."""
    low = lower_text(doc.clean)
    found: list[Value] = []
    anchors = [(m.start(), m.end()) for m in _PERCENT_SIGN_RE.finditer(low)]
    anchors += [(a, b) for a, b, _ in pattern_hits(low, _PERCENT_WORD_RE, "percent")]
    for a, b in anchors:
        t = None
        for start in lead_starts(low, a, _EXTRA):
            t = _TAIL_RE.match(low, start, a)
            if t is not None:
                break
        if t is None:
            continue
        n = _tail_value(t)
        if n is None:
            continue
        end = b
        after = _AFTER_RE.match(low, end)
        if after:
            end = after.end()
            figure = _FIGURE_RE.search(after.group())
            if figure is not None:  # words and a figure: the figure wins, as for money
                n = Decimal(figure.group().replace(",", ""))
        found.append(make(doc, "percent", t.start(), end, integral(n)))
    # "150 basis points" -> 1.5
    for s, e, ws, nw, _ in digit_runs(doc.clean) if "basis point" in low else ():
        if nw == "basis" and low.startswith("points", ws + 6) and low[ws + 5 : ws + 6] == " " and e <= ws:
            n = parse_digits(doc.clean[s:e])
            if n is not None:
                found.append(make(doc, "percent", s, ws + 12, integral(n / 100)))
    return dedupe(found)


def _tail_value(t: re.Match[str]) -> Decimal | None:
    g = t.groupdict()
    if g["fr"]:
        return parse_number_words(g["fr"].replace("a ", "one ").replace("quarters", "quarter"))
    if g["mixed"]:
        whole = Decimal(g["mixed"].split()[0].split("-")[0])
        return _fraction(whole, g["fn"], g["fd"])
    if g["frac"]:
        return _fraction(Decimal(0), g["fn0"], g["fd0"])
    return count_value(g)


def _fraction(whole: Decimal, num: str, den: str) -> Decimal | None:
    d = int(den)
    if d == 0 or int(num) >= d:
        return None
    return whole + Decimal(int(num)) / d
