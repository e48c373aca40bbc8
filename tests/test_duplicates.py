"""Copies among a category's candidates (termwise.classify.duplicates): found by text, and the
selection keeps the best of each and fills with what it skipped."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from termwise.classify.duplicates import copy_groups, select


def test_copies_are_units_with_the_same_text() -> None:
    text = "May 1, 2020 and May 1, 2020 but May 2, 2020; May 1, 2020"
    spans = [(0, 11), (16, 27), (32, 43), (45, 56)]
    starts, ends = np.array([s for s, _ in spans]), np.array([e for _, e in spans])
    groups = copy_groups(text, starts, ends, np.array([[0, 1, 2], [3, 2, 0]]))
    assert groups is not None and groups.shape == (2, 3)
    (a, b, c), (d, e, f) = groups.tolist()
    assert a == b == d == f and c == e and a != c  # units 0, 1 and 3 say "May 1, 2020"; unit 2 does not
    assert copy_groups(text, starts, ends, np.array([[0, 2]])) is None
    # "May 2, 2020" and "but May 2" have the same length and different texts: not copies
    assert copy_groups(text, np.array([32, 28]), np.array([43, 37]), np.array([[0, 1]])) is None


def test_select_is_greedy_and_fills_with_what_it_skipped() -> None:
    pool = np.array([[0, 1, 2, 3], [0, 1, 2, 3], [3, 2, 1, 0]])
    groups = np.array([[7, 7, 8, 9], [7, 7, 8, 9], [9, 8, 7, 7]])  # units 0 and 1 are copies
    assert select(pool, 3, groups).tolist() == [[0, 2, 3], [0, 2, 3], [3, 2, 1]]
    assert select(pool, 3, groups, exempt={1}).tolist() == [[0, 2, 3], [0, 1, 2], [3, 2, 1]]
    assert select(pool[:, :2], 2, groups[:, :2]).tolist() == [[0, 1], [0, 1], [3, 2]]  # the copy fills
    assert select(pool, 4, groups).tolist() == [[0, 2, 3, 1], [0, 2, 3, 1], [3, 2, 1, 0]]
    assert select(pool, 2, None).tolist() == [[0, 1], [0, 1], [3, 2]]


@given(st.lists(st.integers(0, 4), min_size=1, max_size=12), st.integers(1, 12))
def test_select_keeps_one_of_each_text_while_it_can(texts: list[int], k: int) -> None:
    """Unit i has text texts[i]; the pool is the units in order. The first k kept hold as many distinct
    texts as there are, each by its first unit, and every row keeps k units (or all there are)."""
    n = len(texts)
    pool = np.arange(n)[None, :]
    row = select(pool, min(k, n), np.array(texts)[None, :])[0].tolist()
    assert len(row) == min(k, n) and len(set(row)) == len(row)
    firsts = sorted({t: i for i, t in reversed(list(enumerate(texts)))}.values())
    assert row[: min(len(firsts), k)] == firsts[: min(len(firsts), k)]
