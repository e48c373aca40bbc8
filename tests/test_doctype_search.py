"""The document-type cue search finds what a plain scan finds: ``doctype._search`` looks for a literal
every match holds and runs a pattern only around it, and must agree with trying each match of
``finditer`` in turn (a match that does not start a word does not count)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import doctype

PATTERNS = [p for ps in doctype._COMPILED.values() for p in ps]
# words of the patterns and near misses, glued with and without spaces so that matches start inside words
WORDS = (
    "a x _ 1 the you web master service services agreement agreements credit loan revolving term facility "
    "stock share purchase first second amendment no. 3 commitment funding licence license licensor licensee "
    "trademark borrower lender landlord lessor tenant lessee offer position pleased to confirm join merger "
    "plan of and sale shares common securities tranche tranches supplier franchisee co-branding development"
).split()


def plain(p: re.Pattern[str], s: str) -> bool:
    return any(m.start() == 0 or not (s[m.start() - 1].isalnum() or s[m.start() - 1] == "_") for m in p.finditer(s))


def test_most_patterns_have_an_anchor() -> None:
    anchored = [p for p in PATTERNS if doctype._ANCHORS[p] is not None]
    assert len(anchored) >= len(PATTERNS) - 5
    for p in anchored:
        literal, *_ = doctype._ANCHORS[p]  # type: ignore[misc]
        assert literal in p.pattern


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        ("(?:credit|loan) agreement\\b", (" agreement", 4, 6, 16)),
        ("borrower\\b.{0,200}\\blender\\b", ("borrower", 0, 0, 214)),
        ("(?:master )?services? agreement\\b", (" agreement", 7, 15, 25)),
        ("co-?branding agreement", ("branding agreement", 2, 3, 21)),
        ("(?:ab){2,3}cdef", ("cdef", 4, 6, 10)),
        ("amendment no\\.?\\s*\\d+\\b", None),  # no bound
        ("(?=x)abcd", None),  # a lookahead is not read
        ("(?:merger agreement|acquisition agreement)\\b", (" agreement", 6, 11, 21)),  # shared by the alternatives
        ("(?:abcde|fghij)", None),  # nothing shared
        ("abc|defg", None),
    ],
    ids=["alternation", "counted-repeat", "optional", "optional-dash", "group-repeat", "unbounded", "lookahead",
         "grouped", "grouped-apart", "top-or"],
)  # fmt: skip
def test_anchor(pattern: str, anchor: tuple[str, int, int, int] | None) -> None:
    assert doctype._anchor(pattern) == anchor


@pytest.mark.parametrize(
    ("pattern", "widths"),
    [("a?b{2,3}", (2, 4)), ("(?:ab|c){0,2}x", (1, 5)), ("[^]x]y", (2, 2)), ("(?:you )?(?:a |the )?", (0, 8)),
     (r"\bx\b.{0,5}", (1, 6)), ("a*", None), ("a{2,}", None)],
    ids=["optional-counted", "group-counted", "class", "optionals", "boundaries", "star", "open-repeat"],
)  # fmt: skip
def test_widths(pattern: str, widths: tuple[int, int] | None) -> None:
    assert doctype._widths(pattern) == widths


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", " ", "  ", "\n", "-", "x"])), max_size=16))
def test_search_agrees_with_a_plain_scan(parts: list[tuple[str, str]]) -> None:
    s = "".join(w + sep for w, sep in parts)
    for p in PATTERNS:
        assert doctype._search(p, s) == plain(p, s), p.pattern
