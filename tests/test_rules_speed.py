"""The shortcuts that make ``find_rule_clauses`` fast must find just what the plain way finds: the anchor scan
(tried only where a head opens) what ``_ALL_ANCHORS.finditer`` finds, each pattern's searcher what the pattern
finds, and the whole what scoring every sentence with ``score_sentence`` gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import _regex_reading as reading
from termwise.classify import rules

ANCHOR_WORDS = sorted(
    {h.strip() for h in rules._ANCHOR_SCAN.heads} | {w for h in rules._ANCHOR_SCAN.heads for w in h.split()}
)
WORDS = (
    ANCHOR_WORDS
    + (
        "a x at the will per year annum without good cause causes because offer offers coffer letter lump-sum vest "
        "invest vesting salary continuation other than for option to purchase plan not been received at-will "
        "represents warrants that shall grant granted stock options registration rights arbitration jury trial"
    ).split()
)
# anchors of several words, some holding another at a later place (a match that finditer passes over)
PHRASES = [
    "without cause",
    "without good cause",
    "other than for cause",
    "salary continuation",
    "continuation of",
    "good reason",
    "at the will",
    "at any time",
    "any reason",
    "per annum",
    "option to purchase",
    "stock option",
    "exercise price",
    "not been received",
    "space provided",
    "confirm your",
    "duly organized",
    "trade secret",
    "definite term",
    "compensation for",
]
SEPARATORS = [" ", "", "-", ". ", "\n", ", ", '"', "“", "é", "ſ", "?"]


def text_from(parts: list[tuple[str, str]]) -> str:
    return "".join(w + sep for w, sep in parts)


parts = st.lists(st.tuples(st.sampled_from(WORDS + PHRASES * 3), st.sampled_from(SEPARATORS)), max_size=40)
# "İ" lower-cases to two characters: ``find_rule_clauses`` then keeps it as it is, and a sentence scored
# alone reads "i" and a combining dot; the scan alone is held to finditer on it
scan_parts = st.lists(
    st.tuples(st.sampled_from(WORDS + PHRASES * 3), st.sampled_from([*SEPARATORS, "\u0130"])), max_size=40
)


def test_every_anchor_alternative_has_heads_of_four_characters_or_more() -> None:
    assert rules._ANCHOR_SCAN.heads and all(len(h) >= 4 for h in rules._ANCHOR_SCAN.heads)


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        (r"\bcause\b", {"cause"}),
        (r"at[- ]will", {"at-will", "at will"}),
        (r"a (?:good )?cause", {"a good c", "a cause"}),
        (r"per (?:year|annum)", {"per year", "per annu"}),
        (r"c(?<!\w.)ause\b", {"cause"}),
        (r"\b(?:annual|monthly)?\s*salary", {"", "annual", "monthly"}),
        (r"vest(?:s|ed)?x", {"vestx", "vestsx", "vestedx"}),
        (r"ab?c", {"ac", "abc"}),  # an optional character: with it and without
        (r"services? agreement", {"services", "service "}),
        (r"co-?branding", {"cobrandi", "co-brand"}),
        (r"x[-_]?y", {"xy", "x-y", "x_y"}),
        (r"ab??c", {"a"}),  # a lazy or possessive "?" is left unread
        (r"ab?+c", {"a"}),
        (r"a.b", {"a"}),
        (r"[a-c]x", {""}),
        (r"(?:ab)*c", {""}),
    ],
)
def test_heads(pattern: str, heads: set[str]) -> None:
    assert set().union(*(reading.heads(a, 8) for a in reading.top_alternatives(pattern))) == heads


def test_a_pattern_the_head_reader_may_misread_is_searched_as_it_is() -> None:
    for pattern in (r"a\(b|c", r"a[(|]b", r"(?i)abc", r"[\"“]x"):
        pat = re.compile(pattern)
        assert reading.searcher(pat) is pat


@settings(max_examples=400, deadline=None)
@given(scan_parts)
def test_the_anchor_scan_finds_what_finditer_finds(parts: list[tuple[str, str]]) -> None:
    low = text_from(parts).lower()
    for cut in range(min(len(low), 9)):  # short ones too
        got = [(m.span(), m.group()) for m in rules._ANCHOR_SCAN.matches(low[cut:])]
        assert got == [(m.span(), m.group()) for m in rules._ALL_ANCHORS.finditer(low[cut:])]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(WORDS + PHRASES + ["$1,000", "dollars", "means", "reason", "“"]),
            st.sampled_from(SEPARATORS),
        ),
        max_size=30,
    ),
    st.integers(0, 30),
    st.integers(0, 60),
)
def test_each_searcher_finds_something_where_its_pattern_does(parts: list[tuple[str, str]], s: int, e: int) -> None:
    low = text_from(parts).lower()
    for checks, searches in zip(rules._CHECKS.values(), rules._SEARCHES.values(), strict=True):
        for (pat, _, _), (fast, _, _) in zip(checks, searches, strict=True):
            assert bool(fast.search(low, s, s + e)) == bool(pat.search(low, s, s + e)), pat.pattern


@settings(max_examples=300, deadline=None)
@given(parts, st.lists(st.integers(0, 400), max_size=8))
def test_find_rule_clauses_gives_what_scoring_every_sentence_gives(
    parts: list[tuple[str, str]], cuts: list[int]
) -> None:
    text = text_from(parts)
    # sentences start after a space, where ``\\b`` reads the same in the sentence alone and in the text
    bounds = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text) and text[c - 1] == " ")})
    spans = [(s, e) for s, e in zip(bounds, bounds[1:], strict=False)]
    slow = sorted(
        ((c, s, e, v) for s, e in spans for c, v in rules.score_sentence(text[s:e]).items() if v >= rules.MIN_SCORE),
        key=lambda x: (x[1], x[0]),
    )
    assert rules.find_rule_clauses(text, spans) == slow
