"""Units -> TF-IDF vectors over a fixed vocabulary, as flat numpy arrays.

A unit's features (:func:`unit_tokens`) are its words, the bigrams of adjacent words
(``"a_b"``) and its other tokens (context, position, kind-prefixed words). Training counts
them as strings; :class:`Vectorizer` finds the same features without building the bigram
strings: words are looked up once, and each bigram is found as the pair of its words'
ids in a sorted table. Both give the same vectors.

A vector set is ``(rows, cols, vals)``: row ``rows[k]`` has weight ``vals[k]`` on
feature ``cols[k]``; each row is L2-normalized. Training turns the same arrays into a
scipy matrix; inference multiplies them by the weights with numpy alone (:func:`linear_scores`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat

import numpy as np

from termwise.classify.units import Unit


def unit_tokens(u: Unit) -> list[str]:
    """Every feature token of ``u``: words, bigrams, then its other tokens."""
    w = u.words
    return [*w, *map("_".join, zip(w, w[1:], strict=False)), *u.tokens]


def _is_word(s: str) -> bool:
    """``s`` is a word token: ``[a-z]+`` or ``0+`` (string tests; a regex per token is slower)."""
    return s.isascii() and ((s.isalpha() and s.islower()) or (s != "" and s.strip("0") == ""))


def is_bigram(token: str) -> tuple[str, str] | None:
    """``("a", "b")`` for a bigram token ``"a_b"`` of two words, else None."""
    a, sep, b = token.partition("_")
    if sep and _is_word(a) and _is_word(b):
        return a, b
    return None


class Vectorizer:
    """Sublinear TF-IDF vectors of units over ``vocab``; tokens outside it are dropped.

    The vocabulary must hold the two words of every bigram it holds (training's
    ``build_vocab`` ensures it), so a bigram is found through its words' ids.
    """

    def __init__(self, vocab: Mapping[str, int], idf: np.ndarray) -> None:
        self.vocab = vocab
        self.idf = idf
        self.size = len(idf)
        keys: list[int] = []
        ids: list[int] = []
        for tok, i in vocab.items():
            pair = is_bigram(tok)
            if pair is not None:
                a, b = vocab.get(pair[0]), vocab.get(pair[1])
                if a is not None and b is not None:
                    keys.append(a * self.size + b)
                    ids.append(i)
        order = np.argsort(np.asarray(keys, dtype=np.int64))
        self.bi_keys = np.asarray(keys, dtype=np.int64)[order]
        self.bi_ids = np.asarray(ids, dtype=np.int64)[order]

    def vectorize(self, units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        get = self.vocab.get
        words: list[str] = []
        others: list[str] = []
        for u in units:
            words.extend(u.words)
            others.extend(u.tokens)
        v = self.size
        idx = np.arange(len(units), dtype=np.int64)
        wid = np.fromiter(map(get, words, repeat(-1)), dtype=np.int64, count=len(words))
        wrow = np.repeat(idx, [len(u.words) for u in units])
        oid = np.fromiter(map(get, others, repeat(-1)), dtype=np.int64, count=len(others))
        orow = np.repeat(idx, [len(u.tokens) for u in units])
        parts_r = [orow[oid >= 0], wrow[wid >= 0]]
        parts_c = [oid[oid >= 0], wid[wid >= 0]]
        if len(wid) > 1 and len(self.bi_keys):
            ok = (wrow[1:] == wrow[:-1]) & (wid[1:] >= 0) & (wid[:-1] >= 0)
            key = wid[:-1][ok] * v + wid[1:][ok]
            pos = np.minimum(np.searchsorted(self.bi_keys, key), len(self.bi_keys) - 1)
            hit = self.bi_keys[pos] == key
            parts_r.append(wrow[1:][ok][hit])
            parts_c.append(self.bi_ids[pos[hit]])
        rows_a = np.concatenate(parts_r)
        if not len(rows_a):
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
        key_a, tf = np.unique(rows_a * v + np.concatenate(parts_c), return_counts=True)
        rows = key_a // v
        cols = key_a % v
        vals = (1.0 + np.log(tf)) * self.idf[cols]
        norms = np.bincount(rows, weights=vals * vals, minlength=len(units))
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
