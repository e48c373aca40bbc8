"""``find_rule_clauses`` scans a document once for every category's anchor words; it must find what
scanning once per category finds (the reference below), on text glued from the anchors' own words."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from termwise.classify import rules

WORDS = (
    "a x the salary continuation of without good cause cause causes at will at-will any time confidential "
    "information vest vesting unvested accelerated immediately registration represents warrants offer offers "
    "letter returned below condition precedent arbitration jury trial mediation trade secret release severance "
    "bonus per year COBRA reduction felony grant equity exercise price other than for"
).split()


def reference(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int, float]]:
    starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
    low = text.lower()
    out = []
    for cat, anchor in rules.ANCHORS.items():
        pos = [m.start() for m in anchor.finditer(low)]
        if not pos:
            continue
        idx = np.searchsorted(starts, pos, side="right") - 1
        for i in np.unique(idx[idx >= 0]).tolist():
            s, e = spans[i]
            if anchor.search(low, s, e):
                sc = rules._score(low, s, e, cat)
                if sc >= rules.MIN_SCORE:
                    out.append((cat, s, e, sc))
    out.sort(key=lambda x: (x[1], x[0]))
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", "-", ". ", "\n"])), min_size=1, max_size=40),
    st.lists(st.integers(0, 400), max_size=8),
)
def test_one_scan_finds_what_a_scan_per_category_finds(parts: list[tuple[str, str]], cuts: list[int]) -> None:
    text = "".join(w + sep for w, sep in parts)
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    spans = [(s, e) for s, e in zip(bounds, bounds[1:], strict=False) if s < e]
    assert rules.find_rule_clauses(text, spans) == reference(text, spans)
