"""Sentence spans for agreement text: hard-wrapped lines, abbreviations (Inc., Co., No.,
U.S.), enumerations (``(a)``, ``5.1``) and headings. Fast: one regex pass."""

from __future__ import annotations

import re

from termwise.model import Span

_ABBREV = {
    "inc", "co", "corp", "ltd", "llc", "l.l.c", "no", "nos", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
    "u.s", "u.s.a", "e.g", "i.e", "etc", "vs", "v", "sec", "secs", "art", "para", "cf", "approx", "dept",
    "p", "pp", "viz", "n.a", "s.a", "b.v", "n.v", "plc", "pty", "a.m", "p.m", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "calif", "fla", "mass", "ste",
    "exh", "ex", "fig", "int'l", "assoc", "bros", "est", "gov", "govt", "mt", "ft", "rev", "hon", "messrs",
}

# End of sentence: . ! ? (optionally followed by quotes/brackets) then whitespace; or a blank line.
_BOUNDARY = re.compile(r"""(?:[.!?]["'”’)\]]*)(?=\s)|\n[ \t]*\n""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans over ``text[start:end]``, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group(0)[0] == ".":
            w = _WORD_BEFORE.search(text, max(pos, m.start() - 12), m.start())
            if w is not None:
                word = w.group(1).lower().rstrip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    continue
            # "5.1 " or "1. " section numbers: a number right before the dot at line start
            ls = text.rfind("\n", 0, m.start()) + 1
            head = text[ls : m.start()].strip()
            if head and len(head) <= 8 and re.fullmatch(r"[\dA-Za-z.()]+", head) and any(c.isdigit() for c in head):
                continue
        _add(text, pos, m.end(), spans)
        pos = m.end()
    _add(text, pos, end, spans)
    return spans


def _add(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(start=s, end=e))
