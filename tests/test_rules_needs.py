"""A rule pattern is tried on a sentence only when the sentence holds one of the strings its matches need
(``_regex_reading.needs``); scores must be those of trying every pattern (the reference below)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import _regex_reading as reading
from termwise.classify import rules

PASSAGES = [
    json.loads(line)["text"] for line in Path(__file__).with_name("clause_passages.jsonl").read_text().splitlines()
]
WORDS = sorted(
    {w for checks in rules._CHECKS.values() for _, _, needs in checks for n in needs for w in n.split()}
    | set("$1,000 dollars per year shares options vested vest courts expires unless by the a of to".split())
)


def reference(low: str, s: int, e: int, cat: str) -> float:
    miss = 1.0
    for pat, w in rules.RULES[cat]:
        if pat.search(low, s, e):
            miss *= 1.0 - w
    return 1.0 - miss


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [(p.pattern, n) for checks in rules._CHECKS.values() for p, _, n in checks],
    ids=lambda x: x[:30] if isinstance(x, str) else None,
)
def test_every_pattern_needs_something_its_matches_hold(pattern: str, needs: tuple[str, ...]) -> None:
    assert needs and all(needs)
    for text in PASSAGES:
        for m in rules.re.finditer(pattern, text.lower(), rules.re.DOTALL):
            assert any(n in m.group() for n in needs), (pattern, m.group())


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bconditions? precedent\b", (" precedent",)),
        (r"a+bc", ("bc",)),
        (r"(?<!\w.)offer|x(?:ab|cd)?y", ("offer", "x")),  # "xaby" holds no "xy"
        (r"(?:\$\s?[\d,]+|dollars).{0,40}\bper (?:year|annum)\b", ("per ",)),
        (r"\b(?:good reason|cause)\b means", (" means",)),
        (r"\b(?:good reason|cause)\b", ("good reason", "cause")),
        (r"a|b?", ("",)),
    ],
)
def test_needs_examples(pattern: str, needs: tuple[str, ...]) -> None:
    assert reading.needs(pattern) == needs


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", ", ", ". ", "\n"])), min_size=1, max_size=60),
    st.integers(0, 200),
    st.integers(0, 400),
)
def test_scores_are_those_of_trying_every_pattern(parts: list[tuple[str, str]], s: int, n: int) -> None:
    low = "".join(w + sep for w, sep in parts).lower()
    s = min(s, len(low))
    e = min(s + n, len(low))
    for cat in rules.CATEGORIES:
        assert rules._score(low, s, e, cat) == reference(low, s, e, cat)
