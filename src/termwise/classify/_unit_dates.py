"""Date expressions for the clause model's date units (``d``): their spans only, featured in
:mod:`termwise.classify.units`. Anchored on years and on numeric dates, so the costly pattern only
runs in a small window before each year.

Not :mod:`termwise.extract.dates`, which parses values: the clause model was trained on these spans,
so they must not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
# No leading \b, and a single \d first rather than \d{1,2} (the same match): the engine skips ahead
# to the next character that can start a match only when the pattern opens with a character or a
# class, not with a boundary or a repeat (see _at_word_start).
_YEAR = re.compile(r"(?:1[89]|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\d\d?[/.-]\d\d?[/.-](?:\d{4}|\d{2})\b")


def _at_word_start(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``\b`` + ``pattern`` (which starts with a digit), non-overlapping, left to right."""
    pos = 0
    search = pattern.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        yield m
        pos = m.end()


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions ("June 21, 1999", "the 1st day of May, 2006", "6/21/99").

    Anchored on years so the costly pattern only runs in a small window before each.
    """
    out: list[tuple[int, int]] = []
    for m in _at_word_start(_YEAR, text):
        a = max(0, m.start() - 48)
        d = _DATE_TAIL.search(text, a, m.end())
        if d is not None:
            out.append((d.start(), d.end()))
    out += [(m.start(), m.end()) for m in _at_word_start(_NUMERIC_DATE, text)]
    out.sort()
    return out
