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


def copies(text: str, starts: np.ndarray, ends: np.ndarray, ids: np.ndarray) -> dict[int, set[int]]:
    """Unit -> the other units among ``ids`` with the same text (only units with a copy are keys);
    unit ``i`` spans ``starts[i]`` to ``ends[i]``."""
    groups: dict[str, list[int]] = {}
    uniq = np.unique(ids)
    for i, s, e in zip(uniq.tolist(), starts[uniq].tolist(), ends[uniq].tolist(), strict=True):
        groups.setdefault(text[s:e], []).append(i)
    if len(groups) == len(uniq):
        return {}
    out: dict[int, set[int]] = {}
    for group in groups.values():
        if len(group) > 1:
            for i in group:
                out[i] = set(group) - {i}
    return out


def select(pool: np.ndarray, k: int, near: dict[int, set[int]], exempt: Collection[int] = ()) -> np.ndarray:
    """For each row of ``pool`` (``(C, P)`` unit indices, best first), its first ``k`` units skipping
    any unit that is a copy (``near``: unit -> its copies) of one kept before it; if fewer than ``k``
    remain, the skipped ones fill the row, best first. Rows in ``exempt`` keep their first ``k``."""
    out = pool[:, :k].copy()
    if not near:
        return out
    for c in range(len(pool)):
        row = pool[c].tolist()
        if c in exempt or not any(u in near for u in row[:k]):
            continue  # nothing among the first k has a copy: the greedy pass keeps them all
        kept: list[int] = []
        skipped: list[int] = []
        shadow: set[int] = set()
        for u in row:
            if u in shadow:
                skipped.append(u)
                continue
            kept.append(u)
            shadow |= near.get(u, set())
            if len(kept) == k:
                break
        kept.extend(skipped[: k - len(kept)])
        out[c] = kept
    return out
