"""Copies among a category's candidates: units whose text is the same, word for word.

A contract repeats itself: the date in the preamble and again in the signature block, a defined term
restated, a schedule that copies a section. When one copy is a clause of some category the others
are too, and when it is not, neither are they; listing them all adds no clause and, when they are
wrong, an error each. Stage 2 therefore keeps the best of each set of copies among a category's
candidates (:func:`select`) and fills the freed places with the next units by margin.

(Near-copies, word sets with a Jaccard index of 0.6 or more, measured a little better in
cross-validation, AUPR +0.003, but finding them cost more than a second of CPU over CUAD's 22 MB,
which the whole pipeline's 1 MB/s per core cannot spare.)
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np


def copy_groups(text: str, starts: np.ndarray, ends: np.ndarray, ids: np.ndarray) -> np.ndarray | None:
    """For each unit of ``ids`` (an array of unit indices), an id of its text: units with the same text
    share one (unit ``i`` spans ``starts[i]`` to ``ends[i]``). None when no two units share a text."""
    uniq, inverse = np.unique(ids, return_inverse=True)
    lengths = ends[uniq] - starts[uniq]
    _, by_length, per_length = np.unique(lengths, return_inverse=True, return_counts=True)
    group = np.arange(len(uniq))
    first: dict[str, int] = {}
    # only units of the same length can be copies: the others' text is not looked at
    shared = np.flatnonzero(per_length[by_length] > 1)
    for i, s, e in zip(shared.tolist(), starts[uniq[shared]].tolist(), ends[uniq[shared]].tolist(), strict=True):
        group[i] = first.setdefault(text[s:e], i)
    if len(first) == len(shared):
        return None
    return group[inverse.reshape(ids.shape)]


def select(pool: np.ndarray, k: int, groups: np.ndarray | None, exempt: Collection[int] = ()) -> np.ndarray:
    """For each row of ``pool`` (``(C, P)`` unit indices, best first), its first ``k`` units skipping
    any unit that is a copy (the same ``groups`` id, an array shaped like ``pool``) of one before it;
    if fewer than ``k`` remain, the skipped ones fill the row, best first. Rows in ``exempt`` keep their
    first ``k``. ``groups`` None: no copies."""
    out = pool[:, :k].copy()
    if groups is None:
        return out
    p = pool.shape[1]
    earlier = np.tri(p, p, -1, dtype=bool)  # [i, j]: j comes before i
    copy = ((groups[:, :, None] == groups[:, None, :]) & earlier).any(axis=2)
    # the first of each text in order, then the copies in order: a stable sort on "is a copy"
    order = np.argsort(copy, axis=1, kind="stable")[:, :k]
    chosen = np.take_along_axis(pool, order, 1)
    rows = [c for c in range(len(pool)) if c not in exempt]
    out[rows] = chosen[rows]
    return out
