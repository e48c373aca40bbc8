"""Token lists -> TF-IDF vectors over a fixed vocabulary, as flat numpy arrays.

A vector set is ``(rows, cols, vals)``: row ``rows[k]`` has weight ``vals[k]`` on
feature ``cols[k]``; rows are in order and each row is L2-normalized. Training turns
the same arrays into a scipy matrix; inference multiplies them by the weights with
numpy alone (:func:`linear_scores`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from termwise.classify.units import Unit


def vectorize(
    units: Sequence[Unit], vocab: Mapping[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sublinear TF-IDF vectors of ``units`` (tokens outside ``vocab`` are dropped)."""
    get = vocab.get
    rows_l: list[int] = []
    cols_l: list[int] = []
    for i, u in enumerate(units):
        ids = [j for j in map(get, u.tokens) if j is not None]
        cols_l.extend(ids)
        rows_l.extend([i] * len(ids))
    if not cols_l:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    v = len(idf)
    key = np.asarray(rows_l, dtype=np.int64) * v + np.asarray(cols_l, dtype=np.int64)
    key, tf = np.unique(key, return_counts=True)
    rows = key // v
    cols = key % v
    vals = (1.0 + np.log(tf)) * idf[cols]
    norms = np.zeros(len(units), dtype=np.float64)
    np.add.at(norms, rows, vals * vals)
    vals = vals / np.sqrt(norms[rows])
    return rows, cols, vals.astype(np.float32)


def linear_scores(
    vec: tuple[np.ndarray, np.ndarray, np.ndarray], n_rows: int, weights: np.ndarray, chunk: int = 40000
) -> np.ndarray:
    """``X @ weights`` for the flat vectors ``vec``: an ``(n_rows, weights.shape[1])`` array."""
    rows, cols, vals = vec
    out = np.zeros((n_rows, weights.shape[1]), dtype=np.float32)
    for a in range(0, len(rows), chunk):
        r = rows[a : a + chunk]
        contrib = weights[cols[a : a + chunk]].astype(np.float32) * vals[a : a + chunk, None]
        # rows are sorted: sum each run of equal row ids
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        out[r[starts]] += np.add.reduceat(contrib, starts, axis=0)
    return out
