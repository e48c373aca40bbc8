"""Copies among a category's candidates (termwise.classify.duplicates): found by text, and the
greedy selection keeps the best of each and fills with what it skipped."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from termwise.classify.duplicates import copies, select


def test_copies_are_units_with_the_same_text() -> None:
    text = "May 1, 2020 and May 1, 2020 but May 2, 2020; May 1, 2020"
    spans = [(0, 11), (16, 27), (32, 43), (45, 56)]
    starts, ends = np.array([s for s, _ in spans]), np.array([e for _, e in spans])
    assert copies(text, starts, ends, np.array([[0, 1, 2], [3, 2, 0]])) == {0: {1, 3}, 1: {0, 3}, 3: {0, 1}}
    assert copies(text, starts, ends, np.array([[0, 2]])) == {}


def test_select_is_greedy_and_fills_with_what_it_skipped() -> None:
    pool = np.array([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]])
    near = {0: {1}, 1: {0, 2}, 2: {1}}  # 2 copies 1, which is skipped: 2 stays
    assert select(pool, 3, near).tolist() == [[0, 2, 3]] * 3
    assert select(pool, 3, near, exempt={1}).tolist() == [[0, 2, 3], [0, 1, 2], [0, 2, 3]]
    assert select(pool[:, :2], 2, near).tolist() == [[0, 1]] * 3  # nothing else left: the copy fills
    assert select(pool, 2, {}).tolist() == [[0, 1]] * 3


@given(st.lists(st.integers(0, 4), min_size=1, max_size=12), st.integers(1, 12))
def test_select_keeps_one_of_each_text_while_it_can(texts: list[int], k: int) -> None:
    """Unit i has text texts[i]; the pool is the units in order. The first k kept hold as many distinct
    texts as there are, each by its first unit, and every row keeps k units (or all there are)."""
    n = len(texts)
    pool = np.arange(n)[None, :]
    near = {i: {j for j in range(n) if j != i and texts[j] == texts[i]} for i in range(n)}
    near = {i: js for i, js in near.items() if js}
    row = select(pool, min(k, n), near)[0].tolist()
    assert len(row) == min(k, n) and len(set(row)) == len(row)
    firsts = sorted({t: i for i, t in reversed(list(enumerate(texts)))}.values())
    assert row[: min(len(firsts), k)] == firsts[: min(len(firsts), k)]
