"""The faster scans of sections and document types find what their plain formulations find.

Document types: a pattern whose every match opens with "agreement" among its first words (``doctype._keyed``)
is run only around the places one scan per document keeps (``doctype._key_positions``), and must agree with
trying each match of ``finditer`` in turn (a match that does not start a word does not count).

Sections: patterns rewritten to open with one character class (the engine then skips to those characters) find
the same matches as they were first written."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import doctype
from termwise.segment import _markers, sections

PATTERNS = [p for ps in doctype._COMPILED.values() for p in ps]
KEYED = [p for p in PATTERNS if p in doctype._KEYED]
# the words of the keyed patterns' heads and near misses, glued with and without spaces
HEAD_WORDS = sorted({w for k in doctype._KEYED.values() for h, _ in k[0] for w in h.split()})
WORDS = [*HEAD_WORDS, "agreements", "sublicense", "x", "_", "1", "the", "this", "agreementagreement", "merger."]
SEPARATORS = ["", " ", "  ", "\n", "-", "x"]


def plain_search(p: re.Pattern[str], s: str) -> bool:
    return any(m.start() == 0 or not (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_") for m in p.finditer(s))


def test_most_patterns_are_keyed() -> None:
    assert len(KEYED) >= 20
    merger = next(p for p in PATTERNS if p.pattern.startswith("(?:agreement and plan of merger"))
    assert merger in KEYED  # "agreement" opens one of its heads


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        ("(?:master )?services? agreement\\b", ["services agreement", "service agreement",
                                                  "master services agreement", "master service agreement"]),
        ("licen[cs]e agreement\\b", ["licence agreement", "license agreement"]),
        ("co-?branding x", ["cobranding x", "co-branding x"]),
        ("borrower\\b.{0,200}\\blender\\b", ["borrower"]),
        ("ab{2}c", ["a"]),  # a counted repeat ends the heads before its atom
        ("(?:ab|c.)d", ["abd", "c"]),  # each alternative read as far as it can be
        ("\\bx", ["x"]),  # a word boundary is no character
        ("ab\\b|cd", ["ab", "cd"]),  # "|" outside any group: the heads of each side
        ("ab[|]c(?:d|e)", None),  # a bar in a class: not read at all
        ("a.c", ["a"]),
        ("(?:x)*y", None),  # a match may open with y or x
    ],
    ids=["optional", "class", "optional-dash", "stops-at-boundary", "counted", "partly-read-group", "boundary",
         "top-or", "bar-in-class", "dot", "repeated-group"],
)  # fmt: skip
def test_heads(pattern: str, heads: list[str] | None) -> None:
    got = doctype._heads(pattern)
    assert (sorted(got) if got is not None else None) == (sorted(heads) if heads is not None else None)


HEADS = sorted({h for k in doctype._KEYED.values() for h, _ in k[0]})
pieces = st.one_of(st.sampled_from(HEADS), st.sampled_from(WORDS))  # whole heads make matches common
texts = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(w + sep for w, sep in parts)
)


@settings(max_examples=400, deadline=None)
@given(texts, texts)
def test_keyed_search_agrees_with_a_plain_scan(s: str, rest: str) -> None:
    # the keys of a longer text that ``s`` begins, as for the title and opening zones
    keys = doctype._key_positions(s + rest)
    for p in KEYED:
        expected = plain_search(p, s)
        assert doctype._search(p, s, keys) == expected, p.pattern
        assert doctype._search(p, s) == expected, p.pattern


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_match_opens_with_a_head(s: str) -> None:
    for p in KEYED:
        heads = tuple(h for h, _ in doctype._KEYED[p][0])
        for m in p.finditer(s):
            assert m.group().startswith(heads), p.pattern


# the sections' patterns as first written, and their rewritten forms
PLAIN_SECTION_PATTERNS = [
    (sections._SENT_END, re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“(]?[A-Z])|\n[ \t]*\n")),
    (sections._GAP, re.compile(r"(?<=\S)[ \t]{3,}")),
]


# pieces of sentence ends, blank lines and gaps, so that their edges (and the window's) are met often
SECTION_PIECES = [*".!?\n \t\"'”’)“(Aa1\u00a0", "   ", "\n \n"]
section_texts = st.lists(st.sampled_from(SECTION_PIECES), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(section_texts, st.data())
def test_section_patterns_agree_with_their_first_form(s: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(s)))
    endpos = data.draw(st.integers(0, len(s)))
    for fast, plain in PLAIN_SECTION_PATTERNS:
        got = [m.span() for m in fast.finditer(s, pos, endpos)]
        assert got == [m.span() for m in plain.finditer(s, pos, endpos)], plain.pattern
        assert [m.span() for m in fast.finditer(s, pos)] == [m.span() for m in plain.finditer(s, pos)], plain.pattern


# the two scans for markers after a run of spaces as first written, which one scan now does
_RMARK = r"(?:\d{1,2}|[A-Za-z]|[IVXivx]{2,5})\)"
_ART = r"(?:ARTICLE|Article)[ \t]+(?:[IVXLC]{1,7}|\d{1,3})\b\.?"
_SEC = r"(?:SECTION|Section)[ \t]+\d{1,3}(?:\.\d{1,3}){0,4}\.?"
PLAIN_MID = [
    re.compile(rf"  (\d{{1,3}}(?:\.\d{{1,3}}){{1,4}}\.?|\d{{1,3}}\.|{_RMARK}|[A-Za-z]\.)(?=[ \t])"),
    re.compile(rf"  ({_ART}|{_SEC})(?=[ \t])"),
]
MID_PIECES = [" ", "  ", "   ", "\t", "\n", ".", ")", "(", "a", "A", "i", "IV", "x", "1", "5.1", "12", "123", "1234"]
# whole markers with a wide gap inside: a scan that steps over the marker it reads misses the one after the gap
MID_PIECES += ["ARTICLE", "Article", "SECTION", "Section", "Articles", "ARTICLE  IV", "Article  2.", "Section   5.1"]
mid_texts = st.lists(st.sampled_from(MID_PIECES), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(mid_texts)
def test_mid_scan_agrees_with_the_two_plain_scans(s: str) -> None:
    expected = sorted((m.start(1), m.end(1)) for p in PLAIN_MID for m in p.finditer(s))
    assert [(m.start(1), m.end(1)) for m in _markers._MID.finditer(s)] == expected
