"""The fast scans in ``classify.units`` find what the plain formulations below find, on text glued
from the words they look for. A trained model depends on the units, so they must not change."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import _unit_dates, units

# words the scans look for, near misses, digits (ASCII and not), letters that lower-case oddly
WORDS = (
    "a x The THIS This Acme ACME Co Co. Inc Inc. Corp CORPORATION L.L.C. LLP GmbH S.A. N.V Plc Holdings "
    "Agreement AGREEMENT Amendment Note Notes Lease License SubLicense Exhibit Terms Plan No No. 12 3 "
    "10th 1st 2nd 21st 0 007 June 1999 06/21/99 1.2.3 ab0c X-1 O'Neil AT&T Smith’s & , . / - ( ) "
    "é É İ Σ ΣΑ K ﬁ ١٢ ３ _ __ [__]"
).split()
SEPS = ["", " ", "  ", "\n", "\n\n", " \n \n", "\t", "\u00a0", "\u2003", ", ", ". ", ".\n", ";\n"]
glued = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=40).map(
    lambda parts: "".join(w + sep for w, sep in parts)
)

# --- the plain formulations, as they were written before the scans were sped up -------------------

_PLAIN_NAME = re.compile(
    r"(?:[A-Z0-9][\w&'’,.\-/]*\s+){0,8}?(?:"
    + units._TITLE_WORDS
    + r"|"
    + units._TITLE_WORDS.upper()
    + r")\b(?:\s+No\.?\s*\d+)?"
)
_PLAIN_ENTITY = re.compile(r"(?:[A-Z][\w&'’.\-]*,?\s+){1,6}?" + units._ORG_SUFFIX + r"\.?")
_PLAIN_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")


def plain_span_words(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    low = re.sub("[1-9]", "0", text.lower())
    if len(low) != len(text):
        return [units._words(text[s:e]) for s, e in spans]
    return [re.findall(r"[a-z]+|0+", low[s:e]) for s, e in spans]


def plain_add(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def spans_of(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    return [(s, e) for s, e in zip(bounds, bounds[1:], strict=False) if s < e]


# --- the premises of the proofs in the comments ---------------------------------------------------


def test_no_whitespace_character_can_be_part_of_a_word() -> None:
    """The possessive quantifiers and the token windows rest on this: a name's word characters, its
    first character and a title word's are never what ``\\s`` and ``str.split`` call whitespace."""
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert all(re.fullmatch(r"\s", c) for c in spaces)
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c) and not c.isspace()]
    word = re.compile(r"[\w&'’,.\-/]")
    assert not [c for c in spaces if word.match(c) or c == ","]
    assert "".join(c for c in spaces if len(("x" + c + "y").split()) != 2) == ""


# --- the scans -------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(glued, st.lists(st.integers(0, 600), max_size=10))
def test_span_words_agree_with_a_regex_per_span(text: str, cuts: list[int]) -> None:
    spans = spans_of(text, cuts)
    assert list(units._span_words(text, spans)) == plain_span_words(text, spans)


# long runs of capitalized words, which the names search must reach back over
NAME_WORDS = "Acme ACME X 3 Co. O'Neil AT&T Smith’s 1,000 A/B Master Services SubLicense Agreement AGREEMENT".split()
capitalized = st.lists(
    st.tuples(st.sampled_from(NAME_WORDS), st.sampled_from([" ", " ", " ", "\n", "\u2003", "", ". "])), max_size=40
).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=400, deadline=None)
@given(st.one_of(glued, capitalized))
def test_names_agree_with_a_plain_scan(text: str) -> None:
    assert [m.span() for m in units._names(text)] == [m.span() for m in _PLAIN_NAME.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A B C D E F G H Agreement",  # eight words: the most a name holds
        "A B C D E F G H I Agreement",  # nine: the name starts at the second
        "x A B C D E F G SubLicense Agreement",  # the first title word is inside a word of the name
        "A B C D E F G H\u2003\nLicense No. 4",
    ],
    ids=["eight-words", "nine-words", "title-inside-a-word", "unicode-space"],
)
def test_names_of_many_words(text: str) -> None:
    assert [m.span() for m in units._names(text)] == [m.span() for m in _PLAIN_NAME.finditer(text)]


def test_names_window_reaches_back_past_long_words() -> None:
    """Fewer than ten tokens in the 300 characters before a title word: the search starts further back."""
    text = "Acme " + "X" * 400 + " Master Services Agreement"
    assert [m.span() for m in units._names(text)] == [m.span() for m in _PLAIN_NAME.finditer(text)]
    assert units._names(text)[0].start() == 0


@settings(max_examples=400, deadline=None)
@given(glued, st.integers(0, 600), st.integers(0, 600))
def test_entity_pattern_agrees_with_the_plain_one(text: str, a: int, b: int) -> None:
    got = units._ENTITY_RE.search(text, a, b)
    want = _PLAIN_ENTITY.search(text, a, b)
    assert (got and got.span()) == (want and want.span())


def plain_at_word_start(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The matches of ``\\b`` + ``pattern``: the search, stepping past a match that does not start a word."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        out.append(m.span())
        pos = m.end()
    return out


_PLAIN_YEAR = re.compile(r"(?:1[89]|20)\d\d\b")
# digits (ASCII and not), separators, letters and underscores beside them
digits = st.text(alphabet="0123456789١３/.-_ xa", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.one_of(digits, glued))
def test_numeric_dates_agree_with_a_plain_search(text: str) -> None:
    assert _unit_dates._numeric_dates(text) == plain_at_word_start(_PLAIN_NUMERIC_DATE, text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet="012789١３ x_", max_size=40), glued))
def test_years_agree_with_a_plain_search(text: str) -> None:
    assert _unit_dates._years(text) == plain_at_word_start(_PLAIN_YEAR, text)


@settings(max_examples=300, deadline=None)
@given(glued, st.integers(0, 600), st.integers(0, 600))
def test_trimming_agrees_with_a_loop_over_the_characters(text: str, a: int, b: int) -> None:
    s, e = sorted((min(a, len(text)), min(b, len(text))))
    out: list[tuple[int, int]] = []
    units._add(text, s, e, out)
    want = plain_add(text, s, e)
    assert out == ([] if want is None else [want])
