"""Date expressions for the clause model's date units (``d``): their spans only, featured in
:mod:`termwise.classify.units`. Anchored on years and on numeric dates, so the costly pattern only
runs in a small window before each year.

Not :mod:`termwise.extract.dates`, which parses values: the clause model was trained on these spans,
so they must not change.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}\s?(?:s\s?t|n\s?d|r\s?d|t\s?h)?"  # "21st", and "21s t" as some filings split it
_BLANK = r"_{2,}|\[[^\]\n]{0,20}\]"
_DATE_PAT = (
    r"(?:"
    + _MONTH
    + r"\s+(?:"
    + _DAY
    + r"|"
    + _BLANK
    + r")\s*,?\s*\d{4}"  # June 21, 1999 / June __, 1999
    + r"|(?:the\s+)?(?:"
    + _DAY
    + r"|"
    + _BLANK
    + r")\s+(?:day\s+of\s+)?"
    + _MONTH
    + r",?\s*\d{4}"  # 21st day of June, 1999
    + r"|(?:the\s+)?(?:"
    + _DAY
    + r"|"
    + _BLANK
    + r")\s+day\s+of\s+(?:"
    + _MONTH
    + r"|"
    + _BLANK
    + r"),?\s*\d{4}"
    + r"|"
    + _MONTH
    + r"\s*,?\s+\d{4}"  # June 2010 / June , 2010 (the day left blank)
    + r")"
)
_DATE_TAIL = re.compile(r"\b" + _DATE_PAT + r"$", re.IGNORECASE)
# The matches that _years and _numeric_dates find are those of \b + these patterns, left to right
# and not overlapping. A pattern that opens with a class makes the engine test every character of
# the text; one that opens with a literal lets it skip ahead fast, so each scan below looks for a
# literal first and runs these only where it finds one.
_YEAR = re.compile(r"(?:1[89]|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\d\d?[/.-]\d\d?[/.-](?:\d{4}|\d{2})\b")
# _YEAR split by its first character: a match at a position is a match of the one with that character
_YEAR_BY_LEAD = (re.compile(r"1[89]\d\d\b"), re.compile(r"20\d\d\b"))
# The first separator of a numeric date, followed by the rest of one. Zero-width after the separator,
# so that separators inside another candidate's match are found too.
_NUMERIC_SEP = tuple(re.compile(re.escape(c) + r"(?=\d\d?[/.-](?:\d{4}|\d{2})\b)") for c in "/.-")


def _word_start(text: str, s: int) -> bool:
    return not s or not (text[s - 1].isalnum() or text[s - 1] == "_")


def _years(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``\b`` + :data:`_YEAR`, left to right.

    A match is four word characters that start a word, so no word-start position lies inside
    another: they are all the word-start positions where the pattern matches, from either scan.
    """
    found = [m.span() for p in _YEAR_BY_LEAD for m in p.finditer(text) if _word_start(text, m.start())]
    found.sort()
    return found


def _numeric_dates(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``\b`` + :data:`_NUMERIC_DATE`, non-overlapping, left to right.

    Searching left to right takes the first position after the last match that starts a word and
    where the pattern matches. A match starts with one or two digits and then its first separator,
    which :data:`_NUMERIC_SEP` finds, so every such position is one or two before a separator found.
    """
    starts = sorted(
        {s for p in _NUMERIC_SEP for m in p.finditer(text) for s in (m.start() - 2, m.start() - 1) if s >= 0}
    )
    out: list[tuple[int, int]] = []
    pos = 0
    for s in starts:
        if s >= pos and _word_start(text, s) and (m := _NUMERIC_DATE.match(text, s)) is not None:
            out.append(m.span())
            pos = m.end()
    return out


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions ("June 21, 1999", "the 1st day of May, 2006", "6/21/99").

    Anchored on years so the costly pattern only runs in a small window before each.
    """
    out: list[tuple[int, int]] = []
    for s, e in _years(text):
        d = _DATE_TAIL.search(text, max(0, s - 48), e)
        if d is not None:
            out.append(d.span())
    out += _numeric_dates(text)
    out.sort()
    return out
