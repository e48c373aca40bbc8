"""Sentence spans for agreement text: hard-wrapped lines, abbreviations (Inc., Co., No.,
U.S.), initials (Jay L. King), enumerations (``(a)``, ``5.1``), headings and quotes.

One regex pass finds boundary candidates (``.``/``!``/``?`` with closing quotes or brackets
before whitespace; a blank line; a line that starts with a section number); a few checks
reject the false ones: an abbreviation or an initial before the dot, a lower-case word or a
digit after it, a dot that ends a section number (``1.``, ``5.1.``, ``IV.``).
"""

from __future__ import annotations

import re

from termwise.model import Span

# Words a dot after which does not end a sentence (shared with the section segmenter).
ABBREVIATIONS = frozenset(
    {
        "inc",
        "co",
        "corp",
        "ltd",
        "llc",
        "l.l.c",
        "l.p",
        "no",
        "nos",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "u.s",
        "u.s.a",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "v",
        "sec",
        "secs",
        "art",
        "para",
        "cf",
        "approx",
        "dept",
        "p",
        "pp",
        "viz",
        "n.a",
        "s.a",
        "b.v",
        "n.v",
        "plc",
        "pty",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ave",
        "blvd",
        "calif",
        "fla",
        "mass",
        "ste",
        "exh",
        "ex",
        "fig",
        "int'l",
        "assoc",
        "bros",
        "est",
        "gov",
        "govt",
        "mt",
        "ft",
        "rev",
        "hon",
        "messrs",
        "prof",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "ph.d",
        "m.d",
        "j.d",
        "esq",
        "attn",
        "tel",
        "fax",
        "ref",
        "cal",
        "del",
        "ill",
        "n.y",
        "wash",
        "tex",
        "ariz",
        "colo",
        "conn",
        "pa",
        "va",
        "md",
        "mich",
        "minn",
        "wis",
        "ore",
        "okla",
        "tenn",
        "ky",
        "ga",
        "nev",
        "n.j",
        "d.c",
        "p.o",
        "c.f.r",
        "u.s.c",
        "seq",
        "al",
        "incl",
        "max",
        "min",
        "nr",
        "sq",
        "yr",
        "yrs",
        "mo",
        "mos",
        "wk",
        "hr",
        "hrs",
        "vol",
        "ch",
        "cl",
    }
)

# End of sentence: . ! ? (with closing quotes/brackets) before whitespace; a blank line; or the
# line break before a line that starts with a section number and a capital ("5.1 The ...").
_BOUNDARY = re.compile(
    r"""[.!?]["'”’)\]]*(?=\s)|\n[ \t\r]*\n|\n(?=[ \t]*(?:\d{1,3}(?:\.\d{1,3})*\.?|ARTICLE|Article|SECTION|Section)"""
    r"""[ \t]+[A-Z0-9])"""
)
# A wide gap before a section number in a flattened paragraph ("Scope   1.1 The ..."); a separate
# scan with a literal prefix, merged with the one above (one alternation would be much slower).
_GAP_BOUNDARY = re.compile(
    r"""   ++(?=(?:\d{1,3}\.\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}\.|ARTICLE|SECTION|Section)[ \t]+[A-Z"“])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)\Z")
_MARKER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXivx]{1,6}|[A-Za-z]|\(?[a-zA-Z0-9]{1,4}\))\Z")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans over ``text[start:end]``, trimmed of surrounding whitespace."""
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    spans: list[Span] = []
    pos = start
    gaps = [(g.start(), g.end()) for g in _GAP_BOUNDARY.finditer(text, start, end)]
    gi = 0
    for m in _BOUNDARY.finditer(text, start, end):
        while gi < len(gaps) and gaps[gi][0] < m.start():
            if gaps[gi][0] >= pos:
                _add(text, pos, gaps[gi][0], spans)
                pos = gaps[gi][1]
            gi += 1
        ch = text[m.start()]
        if ch in ".!?":
            after = m.end()
            while after < end and text[after] in " \t\r\n":
                after += 1
            if after < end and (text[after].islower() or (ch == "." and text[after] in ",;:")):
                continue  # "approx. the", "No. 3" is handled below, "Inc., a"
            if ch == ".":
                w = _WORD_BEFORE.search(text, max(pos, m.start() - 12), m.start())
                if w is not None:
                    word = w.group(1).lower().rstrip(".")
                    if word in ABBREVIATIONS or len(word) == 1 or ("." in word and len(word) <= 6):
                        continue
                if after < end and text[after].isdigit() and w is not None and w.group(1).lower() in ("no", "nos"):
                    continue
                # a section number that opens the sentence: "1.", "5.1.", "IV.", "A."
                if m.start() - pos <= 40:
                    head = text[pos : m.start()].strip()
                    if len(head) <= 8 and _MARKER.fullmatch(head):
                        continue
            _add(text, pos, m.end(), spans)
            pos = m.end()
        else:
            _add(text, pos, m.start(), spans)
            pos = m.end()
    for gs, ge in gaps[gi:]:
        if gs >= pos:
            _add(text, pos, gs, spans)
            pos = ge
    _add(text, pos, end, spans)
    return spans


def _add(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(start=s, end=e))
