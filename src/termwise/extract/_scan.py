"""One cheap pass over a document, shared by the date, time, phone and identifier extractors.

Every value those four find has a digit in it, or sits next to a few words ("noon",
"six months", "SWIFT") they look for themselves. Scanning text with a many-branch regex
costs about a microsecond a character in CPython's ``re`` (it cannot skip ahead when the
branches start differently); scanning for runs of digits costs a few nanoseconds. So the
runs are found once, sorted into what each extractor may want (:func:`hot_spots`), and
each extractor tries its detailed patterns only there.

The result is cached on the text (a document goes through the four extractors in a row);
the cache holds results only, so the extractors stay pure functions of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termwise.extract._numeric import lower_text

# A run of digits, then the separators and digits that dates, times, phones and file
# numbers are written with. Run on a one-byte-a-character copy of the text whose digits
# are all "#": a pattern that starts with a literal is searched for with a fast
# substring search, three times faster than a pattern that starts with ``\d``.
# A lone digit counts only where a time ("5 pm"), a phone ("(5", "+4") or a blank year
# ("19__") may start: most are list and section numbers, and skipping them in the pattern
# saves a Python round trip each.
_CLUSTER = re.compile(rb"#(?:(#+)(?:[,./:\-]+#+)*|(?:[,./:\-]+#+)+|(?=[ \taApP_])|(?<=[(+]#))")
_CLUSTER_STR = re.compile(r"\d(?:(\d+)(?:[,./:\-]+\d+)*|(?:[,./:\-]+\d+)+|(?=[ \taApP_])|(?<=[(+]\d))")
_HASH_DIGITS = bytes.maketrans(b"0123456789#", b"########## ")


def _clusters(text: str) -> Iterator[re.Match[str]] | Iterator[re.Match[bytes]]:
    data = text.encode("latin-1", "replace")  # one byte a character: offsets are kept
    if len(data) != len(text):
        return _CLUSTER_STR.finditer(text)
    return _CLUSTER.finditer(data.translate(_HASH_DIGITS))


# Last letters of month names and their abbreviations ("Nov." ends in ".").
_MONTH_LAST = frozenset("yhletrnbgpvcYHLETRNBGPVC.")

Spot = tuple[int, int, int]  # start, end of the first digit run, end of the cluster


@dataclass(frozen=True, slots=True)
class HotSpots:
    years: tuple[Spot, ...]  # four-digit 1800-2099, or "19__" / "200_"
    numeric: tuple[Spot, ...]  # "4/04/05", "2001-06-27", "06.27.2001"
    times: tuple[Spot, ...]  # "5:00", "17.00", "5 p.m."
    phones: tuple[Spot, ...]  # a three-digit group, or digits after "(", "+" or a colon
    ids: tuple[Spot, ...]  # "333-76589", "94-1234567", long runs, runs glued to letters
    after_word: tuple[Spot, ...]  # one or two digits after a word that may be a month ("June 30")


@lru_cache(maxsize=2)
def hot_spots(text: str) -> HotSpots:
    years: list[Spot] = []
    numeric: list[Spot] = []
    times: list[Spot] = []
    phones: list[Spot] = []
    ids: list[Spot] = []
    after_word: list[Spot] = []
    n = len(text)
    for m in _clusters(text):
        s, e = m.span()
        r = m.end(1) if m.start(1) >= 0 else s + 1
        run = r - s
        c = text[r] if r < n else ""
        p = text[s - 1] if s else ""
        spot = (s, r, e)
        if run == 4:
            if text[s] in "12" and 1800 <= int(text[s:r]) <= 2099:
                years.append(spot)
            if c in "/-" and e > r:
                numeric.append(spot)
        elif run <= 2:
            if c in "/-" and e > r:
                numeric.append(spot)
            elif c == "." and e - s >= 8 and text[e - 5] == ".":  # "06.27.2001", not "2.1"
                numeric.append(spot)
            if c == ":" or (c == "." and e == r + 3):  # "5:00", "17.00"
                if e > r:
                    times.append(spot)
            elif c in "aApP" or (c in " \t" and r + 1 < n and text[r + 1] in "aApP"):
                times.append(spot)
            elif c == "_" and text[s : s + 2] in ("19", "20"):
                years.append(spot)
        elif run == 3 and c == "_" and text[s : s + 2] in ("19", "20"):
            years.append(spot)
        if run <= 2 and p == " " and text[s - 2 : s - 1] in _MONTH_LAST:
            after_word.append(spot)
        if (
            e - r >= 5
            and text[e - 5] == ","
            and text[e - 4] in "12"
            and text[e - 4 : e].isdigit()
            and 1800 <= int(text[e - 4 : e]) <= 2099
        ):
            years.append((e - 4, e, e))  # "March 12,1999": the year glued on by a comma
        if (
            run == 3
            or p in "(+"
            or (p in " \t" and text[s - 2 : s - 1] in ":+")
            or (run == 1 and c in "-. " and text[s] == "1")
        ):
            phones.append(spot)
        if (
            (c == "-" and e > r and run <= 3)
            or run >= 8
            or (run >= 3 and c.isalpha())
            or (p.isalpha() and run >= 5)
            or (run == 6 and c in " -")
        ):
            ids.append(spot)
    return HotSpots(tuple(years), tuple(numeric), tuple(times), tuple(phones), tuple(ids), tuple(after_word))


def lower(text: str) -> str:
    """Same-length lower-cased ``text``: the copy the numeric extractors make (memoized there)."""
    return lower_text(text)
