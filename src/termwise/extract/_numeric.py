"""Shared pieces of the numeric extractors (numbers, money, percents, shares, durations).

The extractors find cheap *anchors* first and only then run the heavier number
patterns, anchored, at the few places an anchor allows:

- literal words and signs (``$``, ``%``, "day", "dollar"), one literal search each
  (:func:`word_hits`; the regex engine's literal fast path runs at ~1 GB/s, an
  alternation of words at ~40 MB/s);
- digit runs (:func:`digit_runs`), found with numpy over the code points, each with the
  word after it, so numbers, money, shares and percents never scan for digits themselves;
- the count before an anchor is found by walking back over whitespace-separated tokens
  (:func:`lead_starts`) and matching the count pattern at each token start, instead of
  searching a window for it.

Number patterns run on lower-cased text. :func:`lower_text` and :func:`digit_runs` are
memoized for the last few texts so the five extractors share one lowering and one digit
scan per document; the memo is keyed by the text itself, so it never changes what any
function returns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

import numpy as np

from termwise.extract.numwords import (
    CARDINAL_WORDS,
    FRACTIONS,
    NUMBER_WORDS_RE,
    lowered,
    parse_digits,
    parse_number_words,
)
from termwise.model import Document, Value

WORDS = NUMBER_WORDS_RE.pattern
DIGITS = r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|[.,]\d)"
_D = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WS = r"[ \t\n]"

#: A count written as words, digits, or both: "six", "6", "six (6)", "6 (six)",
#: "one million (1,000,000)". Named groups: ``w`` words, ``d`` digits.
COUNT = (
    r"(?:(?P<w>" + WORDS + r")(?:" + WS + r"*\(" + WS + r"*(?P<wd>" + _D + r")" + WS + r"*\))?"
    r"|(?P<d>" + DIGITS + r")(?:" + WS + r"*\(" + WS + r"*(?P<dw>" + WORDS + r")" + WS + r"*\))?)"
)

WINDOW = 160  # how far before an anchor a number may start

# the word after a digit run, across a closing parenthesis: "(1,000,000) shares"
_NEXT_WORD_RE = re.compile(r"[ \t]*+\)?[ \t]*+\n?[ \t]*+([A-Za-z]+)")  # possessive: tables have long blank runs
_PAREN_REF_RE = re.compile(r"\([a-z0-9]{1,4}\)")  # "14(d)"


def _ascii_table(bad: str) -> np.ndarray:
    """For each ASCII code: False for letters, digits, "_" and ``bad``."""
    return np.array([not (chr(c).isalnum() or chr(c) == "_" or chr(c) in bad) for c in range(128)])


# characters that may stand right before a digit run (not "5.3", "13d-3", "$5", "#4", "(e)1") and
# right after one (not "13d", "6/29", "25%", "5:00")
_OK_BEFORE = _ascii_table(".,/$#:+-)]")
_OK_AFTER = _ascii_table("/%:")
_BAD_BEFORE_HIGH = np.array([ord(c) for c in "€£¥₹§"], dtype=np.uint32)
_BAD_AFTER_HIGH = np.array([ord(c) for c in "°"], dtype=np.uint32)
_SPACE_AFTER = np.array([chr(c) in " \t\n\r)" for c in range(127)] + [False])


@lru_cache(maxsize=4)
def lower_text(text: str) -> str:
    """Same-length lower-cased copy of ``text`` (memoized for the few latest texts)."""
    return lowered(text)


@lru_cache(maxsize=4)
def digit_runs(text: str) -> tuple[tuple[int, int, int, str, bool], ...]:
    """``(start, end, word_start, word, paren)`` of each stand-alone digit run of ``text`` (not
    part of "5:00", "13d-3", "6/29", "$5", "25%"): the word after it ("100 prototype" ->
    "prototype", "(24) months" -> "months"; ``-1, ""`` when none) and whether a parenthesis
    opens right before or after it ("(24)", "100 (one hundred)"). Memoized like
    :func:`lower_text`, since numbers, money, shares and percents all start from these runs."""
    if not text:
        return ()
    # vectorized over the code points: runs of digits joined by single "," or "."
    c = np.frombuffer((text + "\0\0").encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    d = (c >= 48) & (c <= 57)
    num = d.copy()
    num[1:-1] |= ((c[1:-1] == 44) | (c[1:-1] == 46)) & d[:-2] & d[2:]
    edge = np.flatnonzero(num[1:] != num[:-1]) + 1  # alternating run starts and ends
    if num[0]:
        edge = np.concatenate(([0], edge))
    starts, ends = edge[0::2], edge[1::2]
    before = c[np.maximum(starts - 1, 0)]
    after = c[ends]
    ok = _OK_BEFORE[np.minimum(before, 127)] & _OK_AFTER[np.minimum(after, 127)]
    high = np.flatnonzero((before > 127) | (after > 127))
    if len(high):
        ok[high] = ~np.isin(before[high], _BAD_BEFORE_HIGH) & ~np.isin(after[high], _BAD_AFTER_HIGH)
        ok[high] &= np.where(before[high] < 128, _OK_BEFORE[np.minimum(before[high], 127)], True)
        ok[high] &= np.where(after[high] < 128, _OK_AFTER[np.minimum(after[high], 127)], True)
    if starts.size and starts[0] == 0:
        ok[0] = _OK_AFTER[min(int(after[0]), 127)] if after[0] < 128 else not np.isin(after[0], _BAD_AFTER_HIGH)
    dash = (after == 45) | (after == 0x2013)  # "555-1234", "2001–2005"
    ok &= ~(dash & d[np.minimum(ends + 1, len(c) - 1)])
    starts, ends, before, after = starts[ok], ends[ok], before[ok], after[ok]
    paren = (before == 40) | (after == 40) | ((after == 32) & (c[ends + 1] == 40))
    # the word after: the common case "100 units" (one space, then a letter) vectorized,
    # the rest ("(24) months", a line break, two spaces) by regex
    letter = ((c | 32) >= 97) & ((c | 32) <= 122)
    simple = (after == 32) & letter[ends + 1]
    other = ~simple & _SPACE_AFTER[np.minimum(after, 127)]
    word_start = np.where(simple, ends + 1, -1)
    non_letter = np.flatnonzero(~letter)
    word_end = non_letter[np.searchsorted(non_letter, np.where(simple, ends + 1, 0))]
    sl, el, wl = starts.tolist(), ends.tolist(), word_start.tolist()
    words = [text[a:b] if a >= 0 else "" for a, b in zip(wl, word_end.tolist(), strict=True)]
    nwm = _NEXT_WORD_RE.match
    for i in np.flatnonzero(other).tolist():
        m = nwm(text, el[i])
        if m is not None:
            wl[i], words[i] = m.start(1), m.group(1)
    for i in np.flatnonzero(after == 40).tolist():  # "14(d)": a reference
        if _PAREN_REF_RE.match(text, el[i]):
            wl[i] = -2
    return tuple(r for r in zip(sl, el, wl, words, paren.tolist(), strict=True) if r[2] != -2)


def word_hits(low: str, stems: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, stem)`` of each whole word ``stem`` or ``stem + "s"`` in ``low``, in text order.

    One literal search per stem (the regex engine's literal fast path, ~1 GB/s) beats
    one alternation of all stems (~40 MB/s).
    """
    hits: list[tuple[int, int, str]] = []
    for stem in stems:
        hits += pattern_hits(low, literal_re(stem), stem)
    hits.sort()
    return hits


def pattern_hits(low: str, rx: re.Pattern[str], name: str) -> list[tuple[int, int, str]]:
    """Like :func:`word_hits` for one pattern that starts with a literal ("p(?:er ?cent|ct)")."""
    hits: list[tuple[int, int, str]] = []
    n = len(low)
    for m in rx.finditer(low):
        a, b = m.span()
        if a and low[a - 1].isalpha():
            continue
        if b < n and low[b] == "s":
            b += 1
        if b < n and low[b].isalpha():
            continue
        hits.append((a, b, name))
    return hits


@lru_cache(maxsize=64)
def literal_re(s: str) -> re.Pattern[str]:
    return re.compile(re.escape(s))


_COUNT_TOKENS = CARDINAL_WORDS | frozenset(FRACTIONS) | {"and", "a", "an", "no/100", "xx/100", "no/100ths"}
_STRIP = "(),;:$€£¥₹"


def lead_starts(
    low: str, a: int, extra: frozenset[str] = frozenset(), limit: int = 12, window: int = WINDOW
) -> list[int]:
    """Offsets where the whitespace-separated tokens just before ``a`` start, earliest first,
    as long as each token could be part of a count ("twenty", "four-year", "(24)",
    "($250,000)", "and", "00/100") or is one of ``extra`` (qualifiers such as "business").

    Callers try their tail pattern anchored at each start (``rx.match(low, start, a)``),
    which is far cheaper than searching a window for it.
    """
    lo = max(0, a - window)
    seg = low[lo:a]
    starts: list[int] = []
    cur = len(seg)
    for tok in reversed(seg.rsplit(None, limit)):
        if not _countish(tok, extra):
            break
        cur = seg.rfind(tok, 0, cur)
        inner = len(tok) - len(tok.lstrip("("))
        if inner and inner < len(tok):
            starts.append(lo + cur + inner)  # "(66.67%": the number may also start inside
        starts.append(lo + cur)
    starts.reverse()
    return starts


def _countish(tok: str, extra: frozenset[str]) -> bool:
    if tok in extra:
        return True
    t = tok.strip(_STRIP)
    if not t:
        return tok.strip("()") == ""
    if "$" in t:
        t = t.rsplit("$", 1)[1]
        if not t:
            return False
    c = t[0]
    if c.isdigit() or c == ".":
        return not t.strip("0123456789,./-")  # "1,000", "2.5", "00/100", "90-"; not "5%" or "13d"
    for part in t.split("-"):
        if part and part not in _COUNT_TOKENS and part not in extra:
            return False
    return True


def count_value(groups: Mapping[str, str | None]) -> Decimal | None:
    """Value of a :data:`COUNT` match from its groups; digits win over words when both are given."""
    d = groups.get("d")
    if d:
        return parse_digits(d)
    wd = groups.get("wd")
    w = groups.get("w")
    if w is None:
        return None
    words_value = parse_number_words(w)
    if words_value is None:
        return None
    if wd:
        return parse_digits(wd)
    return words_value


def make(doc: Document, kind: str, start: int, end: int, value: Any, extra: Mapping[str, Any] | None = None) -> Value:
    return Value(kind=kind, text=doc.text[start:end], start=start, end=end, value=value, extra=extra)


def dedupe(values: Iterable[Value]) -> list[Value]:
    """Drop candidates overlapping a longer one (same rule as the registry), in text order."""
    ordered = sorted(values, key=lambda v: (v.start, v.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False)):
        return ordered  # the common case: nothing overlaps
    kept: list[Value] = []
    taken: list[tuple[int, int]] = []
    for v in sorted(ordered, key=lambda v: (v.start - v.end, v.start)):
        i = bisect.bisect_left(taken, (v.start, v.end))
        if (i > 0 and taken[i - 1][1] > v.start) or (i < len(taken) and taken[i][0] < v.end):
            continue
        taken.insert(i, (v.start, v.end))
        kept.append(v)
    kept.sort(key=lambda v: v.start)
    return kept


def integral(d: Decimal) -> Decimal:
    """``3500000.00`` -> ``3500000``; keeps real fractions (``0.001``), thirds to 6 places."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    if d.as_tuple().exponent < -6:  # type: ignore[operator]
        d = d.quantize(_MICRO)
    return d.normalize()


_MICRO = Decimal("0.000001")
