"""``_names.name_ending`` tries the name pattern only where the window's last run of word characters can end a
name (a word opening with a capital, a digit or "&", or a suffix); it must find what trying every word finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.extract import _names

PARTS = [
    "Acme", "ACME", "Holdings", "of", "the", "and", "&", "AT&T", "Inc.", "inc", ", Inc.", ",", " ", "  ", "\n", "\t",
    "S.à r.l", "S.àr.l.", "S.A.B. de C.V.", "c.v", "r.l.", "LLC", "l.l.c", "a", "corporation", "(Delaware)", "Name",
    "By", "3M", "e.l.f.", "O'Brien", "x-ray", "_", "Müller", "ß", "Co", "co.", "'", "’s", '"', ")", "1", "A/S",
]  # fmt: skip


def plain(window: str) -> re.Match[str] | None:
    end = len(window.rstrip(" \t\n,"))
    for w in _names._WORD_START.finditer(window, max(0, end - 120), end):
        m = _names.NAME.match(window, w.start(), end)
        if m is not None and m.end() == end:
            return m
    return None


def span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=30))
def test_name_ending_finds_what_trying_every_word_finds(parts: list[str]) -> None:
    window = "".join(parts)
    assert span(_names.name_ending(window)) == span(plain(window))


@pytest.mark.parametrize(
    ("window", "name"),
    [
        ("shares of Acme Holdings, Inc.", "Acme Holdings, Inc."),
        ("sold by Foo, s.à r.l", "Foo, s.à r.l"),  # lower case: ends with a suffix
        ("sold by Acme, inc.", "Acme, inc."),
        ("the products of the company", None),
        ("x" * 130 + " Acme Corp", "Acme Corp"),
    ],
)
def test_name_ending_examples(window: str, name: str | None) -> None:
    m = _names.name_ending(window)
    assert (m and m.group()) == name
