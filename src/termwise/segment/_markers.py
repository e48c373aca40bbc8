"""Candidate markers of numbered sections and enumerations, and how to read them: the first of the two steps of
:mod:`termwise.segment.sections` (which builds the tree from them).

A candidate is a marker at a line start, after a run of spaces that follows a sentence end (paragraphs flattened
onto one line), or a bracketed marker in running text; cross-references ("Section 5(a)", "clause (b) above") and
table-of-contents lines are not candidates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_RE = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})$")

_PMARK = r"\((?:[a-z]{1,5}|[A-Z]{1,5}|[1-9]\d?)\)"
_DMARK = r"\d{1,3}(?:\.\d{1,3}){0,4}\.?"
_ART = r"(?:ARTICLE|Article)[ \t]+(?:[IVXLC]{1,7}|\d{1,3})\b\.?"
_SEC = r"(?:SECTION|Section)[ \t]+\d{1,3}(?:\.\d{1,3}){0,4}\.?"

# A marker at the start of a line.
_RMARK = r"(?:\d{1,2}|[A-Za-z]|[IVXivx]{2,5})\)"
_LINE_MARK = rf"({_ART}|{_SEC}|{_PMARK}|{_DMARK}|[A-Za-z]\.|[IVXivx]{{2,5}}\.|{_RMARK})(?=[ \t]|$)"
LINE = re.compile(rf"^([ \t]*){_LINE_MARK}", re.M)  # used with .match
# a literal prefix scans fast; the lookahead turns most lines away at once (every marker starts so)
_LINE_NL = re.compile(rf"\n([ \t]*)(?=[(\dA-Za-z]){_LINE_MARK}", re.M)
# A marker after a run of spaces (paragraphs flattened onto one line); bracketed ones are inline.
# (the first lookahead turns away the many runs of spaces at once: every marker starts with a digit or a letter;
# the marker is read inside a lookahead, so that the run of spaces in "ARTICLE   5." is scanned too)
_MID = re.compile(
    rf"  (?=[\dA-Za-z])(?=(\d{{1,3}}(?:\.\d{{1,3}}){{1,4}}\.?|\d{{1,3}}\.|{_RMARK}|[A-Za-z]\.|{_ART}|{_SEC})[ \t])"
)
# A bracketed marker in running text (the character before is checked separately: fast scan).
_INLINE = re.compile(r"\(([a-z]{1,5}|[A-Z]{1,5}|[1-9]\d?)\)(?=[ \t\n])")

# Words that make a following marker a cross-reference, not an enumeration.
_REF_WORDS = frozenset(
    {
        "section",
        "sections",
        "subsection",
        "subsections",
        "clause",
        "clauses",
        "paragraph",
        "paragraphs",
        "subparagraph",
        "subparagraphs",
        "article",
        "articles",
        "item",
        "items",
        "exhibit",
        "exhibits",
        "schedule",
        "schedules",
        "annex",
        "part",
        "parts",
        "rule",
        "rules",
        "§",
        "§§",
    }
)
_JOINERS = frozenset({"and", "or", "through", "to", "-", "–", ",", "and/or"})


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token ending before ``pos`` (skipping spaces), and its start."""
    j = pos
    while j > 0 and text[j - 1] in " \t\n":
        j -= 1
    lo = max(0, j - 30)
    k = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j), text.rfind("\t", lo, j)) + 1
    if k == 0:
        k = lo
    return text[k:j], k


def _is_reference(text: str, start: int) -> bool:
    """ "Sections 13(d)(3) and (b)", "clause (a)", "(a) and (b) above" before ``start``."""
    for _ in range(4):
        tok, k = _word_before(text, start)
        if not tok:
            return False
        low = tok.lower()
        if low in _REF_WORDS:
            return True
        if low in _JOINERS or tok.endswith(","):
            prev, _k = _word_before(text, k)
            p = prev.rstrip(",")
            if low in _JOINERS and p.startswith("(") and p.endswith(")") and len(p) <= 7:
                return True  # "(a) and (b)"
            if not p or not (p[0].isdigit() or p.startswith("(")):
                return False
            start = k if low in _JOINERS else start
            if low not in _JOINERS:
                return False
            continue
        if tok[0].isdigit() or (tok.startswith("(") and tok.endswith(")")):
            start = k  # "13(d)(3)" or "(a)" after a reference word?
            continue
        return False
    return False


_REF_AFTER = re.compile(
    r"[ \t\n]+(?:and|or|through|to|-)[ \t\n]+\(\w{1,5}\)[ \t\n]+(?:above|below|hereof|of|are|is|being|shall)\b"
)
_BARE_GAP = re.compile(r"[ \t]{2,6}[A-Z]")


@dataclass(slots=True, eq=False)
class Cand:
    """A candidate marker. When :mod:`~termwise.segment.sections` opens a section at it, the same object carries
    that section's place in the tree (the fields after ``block``, unset until then): one object per marker."""

    start: int
    mend: int
    label: str
    kinds: tuple[tuple[str, tuple[int, ...]], ...]
    inline: bool
    indent: int  # -1 when not at a line start
    written: str  # the number/letter as written, e.g. "5.1", "a", "IV"
    block: bool = False  # at a line start after a blank line or a sentence end
    family: str = field(init=False, repr=False)  # the reading it was placed with, e.g. "dec", "plower"
    value: tuple[int, ...] = field(init=False, repr=False)
    id: str = field(init=False, repr=False)
    parent: str | None = field(init=False, repr=False)
    level: int = field(init=False, repr=False)
    list_key: int = field(init=False, repr=False)
    heading: str | None = field(init=False, repr=False)
    body_indent: int | None = field(init=False, repr=False)
    end: int = field(init=False, repr=False)


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@functools.lru_cache(maxsize=4096)
def _kinds(marker: str) -> tuple[tuple[tuple[str, tuple[int, ...]], ...], str]:
    """Possible (family, value) readings of a marker, and its number/letter as written."""
    m = marker.rstrip(".")
    up = m.upper()
    if up.startswith("ARTICLE"):
        w = m.split()[-1]
        v = int(w) if w.isdigit() else _roman(w)
        return (((("article", (v,)),) if v else ()), w)
    if up.startswith("SECTION"):
        w = m.split()[-1]
        return ((("dec", tuple(int(p) for p in w.split("."))),), w)
    if m.startswith("("):
        w = m[1:-1]
        out: list[tuple[str, tuple[int, ...]]] = []
        if w.isdigit():
            return ((("pdigit", (int(w),)),), w)
        r = _roman(w)
        if w.islower():
            if r:
                out.append(("proman", (r,)))
            if len(w) == 1:
                out.append(("plower", (ord(w) - 96,)))
        elif w.isupper():
            if r:
                out.append(("pRoman", (r,)))
            if len(w) == 1:
                out.append(("pupper", (ord(w) - 64,)))
        return tuple(out), w
    if m.endswith(")"):
        # "1)" "a)" "iv)"
        w = m[:-1]
        if w.isdigit():
            return ((("rdigit", (int(w),)),), w)
        out = []
        r = _roman(w)
        if r:
            out.append(("rroman" if w.islower() else "rRoman", (r,)))
        if len(w) == 1:
            out.append(("rlower" if w.islower() else "rupper", (ord(w.lower()) - 96,)))
        return tuple(out), w
    if m[:1].isdigit():
        return ((("dec", tuple(int(p) for p in m.split("."))),), m)
    # "A." "a." "IV." "iv." at a line start
    out = []
    r = _roman(m)
    if m.islower():
        if r:
            out.append(("droman", (r,)))
        if len(m) == 1:
            out.append(("dlower", (ord(m) - 96,)))
    elif m.isupper():
        if r:
            out.append(("dRoman", (r,)))
        if len(m) == 1:
            out.append(("dupper", (ord(m) - 64,)))
    return tuple(out), m


def is_successor(family: str, prev: tuple[int, ...], new: tuple[int, ...]) -> bool:
    if family == "dec":
        return len(prev) == len(new) and prev[:-1] == new[:-1] and 1 <= new[-1] - prev[-1] <= 2
    if family == "article":
        return 1 <= new[0] - prev[0] <= 2
    return new[0] == prev[0] + 1


def is_first(family: str, value: tuple[int, ...], inline: bool) -> bool:
    if family == "dec":
        return value[-1] in (0, 1) if len(value) > 1 else value[0] == 1
    if family == "article":
        return value[0] == 1
    if family == "plower":
        return value[0] in (1, 24)  # (a) ...; (x) (y) (z)
    return value[0] == 1


def _toc_entry(text: str, pos: int) -> bool:
    """A table-of-contents line: a title, a dot leader, a page number."""
    le = text.find("\n", pos, pos + 160)
    return text.find(".....", pos, pos + 160 if le < 0 else le) >= 0


def candidates(text: str) -> list[Cand]:
    found: dict[int, Cand] = {}
    leaders = "....." in text  # most texts have no table of contents: skip the check for one
    first = LINE.match(text)
    for m in ([first] if first else []) + list(_LINE_NL.finditer(text)):
        start, mend = m.span(2)
        marker = m.group(2)
        kinds, written = _kinds(marker)
        if not kinds:
            continue
        fam = kinds[0][0]
        ls = m.start(1)
        # what precedes the line: blank line, sentence end, or running text
        j = ls - 2
        while j >= 0 and text[j] in " \t\r\"”'’":
            j -= 1
        block = j < 0 or text[j] in ".:;!?\n"
        if fam in ("dec", "article") or fam[0] in "dr":
            after = text[mend : mend + 2].lstrip(" \t")
            if not after or after[0] == "\n":
                pass  # heading on the next line
            elif not (after[0].isupper() or after[0] in "\"“'(["):
                continue
            if (
                fam == "dec"
                and not marker.endswith(".")
                and "." not in marker
                and not marker.upper().startswith("SECTION")
            ):
                # a bare "1" needs a wide gap and a capital: "1    PURPOSE"
                if not _BARE_GAP.match(text, mend):
                    continue
            if fam[0] in "dr" and fam != "dec" and not block:
                continue
        if leaders and _toc_entry(text, mend):
            continue
        inline = fam.startswith("p") and not block
        found[start] = Cand(start, mend, marker, kinds, inline, start - ls, written, block)
    for m in _MID.finditer(text):
        start, mend = m.span(1)
        if start in found:
            continue
        g = start - 2
        while g > 0 and text[g - 1] in " \t":
            g -= 1
        if g == 0 or text[g - 1] == "\n" or (start - g < 3 and text[g - 1] not in '.:;)"”'):
            continue
        marker = m.group(1)
        kinds, written = _kinds(marker)
        if not kinds:
            continue
        fam = kinds[0][0]
        if fam[0] in "dr" and fam != "dec" and (start - g < 3 or text[g - 1] not in '.:;)"”'):
            continue  # "a." and "1)" after a wide gap that follows a sentence end
        if fam in ("dec", "article") or fam[0] in "dr":
            after = text[mend : mend + 4].lstrip(" \t")
            if after and not (after[0].isupper() or after[0] in "\"“'(["):
                continue
        if leaders and _toc_entry(text, mend):
            continue
        found[start] = Cand(start, mend, marker, kinds, fam.startswith("p"), -1, written)
    for m in _INLINE.finditer(text):
        start = m.start()
        if start in found or start == 0 or text[start - 1] not in " \t\n":
            continue
        j = start - 1
        while j > 0 and text[j - 1] in " \t\n":
            j -= 1
        # after a comma, colon or semicolon a bracketed marker is an enumeration; else look closer
        if j > 0 and text[j - 1] not in ",:;" and _is_reference(text, start):
            continue
        if _REF_AFTER.match(text, m.end()):
            continue
        kinds, written = _kinds(m.group(0))
        if kinds:
            found[start] = Cand(start, m.end(), m.group(0), kinds, True, -1, written)
    return [found[k] for k in sorted(found)]
