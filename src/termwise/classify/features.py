"""Units -> TF-IDF vectors over a fixed vocabulary, as flat numpy arrays.

A unit's features (:func:`unit_tokens`) are its words, the bigrams of adjacent words
(``"a_b"``), the stem of each word that its stem does not spell (``"~termin"`` for "terminated":
"terminates" and "terminating" then share a feature, which rare categories need most) and its other
tokens (context, position, kind-prefixed words). Training counts them as strings; :class:`Vectorizer`
finds the same features without building the bigram or stem strings: words are looked up once, each
bigram is found as the pair of its words' ids in a sorted table, and each stem through its word's id.
Both give the same vectors (a word outside the vocabulary brings no stem: see :func:`unit_tokens`).

A vector set (:class:`Vectors`) is flat arrays: row ``rows[k]`` has weight ``vals[k]`` on
feature ``cols[k]``; each row is L2-normalized. It also carries the units' word ids, from which
:mod:`termwise.classify.keywords` finds the keyword rules' words without looking them up again.
Training turns the same arrays into a scipy matrix; inference multiplies them by the weights with
numpy alone (:func:`linear_scores`).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from itertools import repeat
from typing import NamedTuple

import numpy as np
import Stemmer

from termwise.classify.units import Unit

STEM = "~"  # a stem feature's prefix
# A Stemmer is not safe to share between threads. Inference stems only while loading the model (the
# Vectorizer's table of stems, under the model's load lock); training stems in one thread per process.
_STEMMER = Stemmer.Stemmer("english")  # it keeps its own cache of recent words


def stem_tokens(words: Sequence[str]) -> list[str]:
    """The stem feature of each of ``words`` whose stem it does not spell (Snowball's English stemmer)."""
    return [STEM + s for w, s in zip(words, _STEMMER.stemWords(words), strict=True) if s != w]


def unit_tokens(u: Unit, vocab: Container[str] | None = None) -> list[str]:
    """Every feature token of ``u``: words, bigrams, stems, then its other tokens. With ``vocab``, a
    word outside it brings no stem (the :class:`Vectorizer` finds stems through the words' ids)."""
    w = u.words
    stemmed = w if vocab is None else [x for x in w if x in vocab]
    return [*w, *map("_".join, zip(w, w[1:], strict=False)), *stem_tokens(stemmed), *u.tokens]


def _is_word(s: str) -> bool:
    """``s`` is a word token: ``[a-z]+`` or ``0+`` (string tests; a regex per token is slower)."""
    return s.isascii() and ((s.isalpha() and s.islower()) or (s != "" and s.strip("0") == ""))


def is_bigram(token: str) -> tuple[str, str] | None:
    """``("a", "b")`` for a bigram token ``"a_b"`` of two words, else None."""
    a, sep, b = token.partition("_")
    if sep and _is_word(a) and _is_word(b):
        return a, b
    return None


class PairTable:
    """A fixed map from non-negative int64 keys to ids, looked up for a whole array at once: open
    addressing with linear probing in a table at most a quarter full, so that most lookups cost one
    gather where a binary search over the sorted keys costs about seventeen."""

    _MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the key times 2^64 / golden ratio

    def __init__(self, keys: np.ndarray, ids: np.ndarray) -> None:
        self.n = len(keys)
        bits = max(4, int(4 * max(len(keys), 1) - 1).bit_length())
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        # each slot holds a key (-1: empty) and its id; keys are placed in rounds: each round, of the keys
        # whose next slot is free, the first for each slot takes it and the others move one slot on, so
        # every slot between a key's home slot and its place is taken (what a lookup relies on)
        slot_key = np.full(1 << bits, -1, dtype=np.int64)
        slot_id = np.full(1 << bits, -1, dtype=np.int64)
        waiting = np.arange(len(keys))
        slot = self._home(keys)
        while len(waiting):
            free = slot_key[slot[waiting]] < 0
            taken, first = np.unique(slot[waiting[free]], return_index=True)
            winners = waiting[free][first]
            slot_key[taken] = keys[winners]
            slot_id[taken] = ids[winners]
            placed = np.zeros(len(waiting), dtype=bool)
            placed[np.flatnonzero(free)[first]] = True
            waiting = waiting[~placed]
            slot[waiting] = (slot[waiting] + 1) & self._mask
        self._slot_key = slot_key
        self._slot_id = slot_id

    def __len__(self) -> int:
        return self.n

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * self._MULT) >> self._shift).astype(np.int64)

    def get(self, query: np.ndarray) -> np.ndarray:
        """The id of each key of ``query``, or -1 for a key not in the table."""
        out = np.full(len(query), -1, dtype=np.int64)
        todo = np.arange(len(query))
        slot = self._home(query)
        while len(todo):
            at = self._slot_key[slot]
            match = at == query[todo]
            out[todo[match]] = self._slot_id[slot[match]]
            go_on = (at >= 0) & ~match  # an empty slot ends the probe: the key is absent
            todo = todo[go_on]
            slot = (slot[go_on] + 1) & self._mask
        return out


class Vectors(NamedTuple):
    """Units' TF-IDF vectors as flat arrays (row ``rows[k]`` has ``vals[k]`` on feature ``cols[k]``),
    and their words: the vocabulary id of every word of every unit in order (-1 outside it) and its unit."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    word_ids: np.ndarray
    word_rows: np.ndarray


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
        self.bigrams = PairTable(np.asarray(keys, dtype=np.int64), np.asarray(ids, dtype=np.int64))
        # word id -> the id of its stem feature (-1: none, or the stem is the word)
        self.stem_of = np.full(self.size, -1, dtype=np.int64)
        words = [t for t in vocab if _is_word(t)]
        for w, s in zip(words, _STEMMER.stemWords(words), strict=True):
            j = vocab.get(STEM + s) if s != w else None
            if j is not None:
                self.stem_of[vocab[w]] = j

    def vectorize(self, units: Sequence[Unit]) -> Vectors:
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
        known = wid >= 0
        sid = self.stem_of[wid[known]]
        parts_r = [orow[oid >= 0], wrow[known], wrow[known][sid >= 0]]
        parts_c = [oid[oid >= 0], wid[known], sid[sid >= 0]]
        if len(wid) > 1 and len(self.bigrams):
            ok = (wrow[1:] == wrow[:-1]) & (wid[1:] >= 0) & (wid[:-1] >= 0)
            bid = self.bigrams.get(wid[:-1][ok] * v + wid[1:][ok])
            hit = bid >= 0
            parts_r.append(wrow[1:][ok][hit])
            parts_c.append(bid[hit])
        rows_a = np.concatenate(parts_r)
        if not len(rows_a):
            return Vectors(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32), wid, wrow)
        key_a, tf = np.unique(rows_a * v + np.concatenate(parts_c), return_counts=True)
        rows = key_a // v
        cols = key_a % v
        vals = (1.0 + np.log(tf)) * self.idf[cols]
        norms = np.bincount(rows, weights=vals * vals, minlength=len(units))
        vals = vals / np.sqrt(norms[rows])
        return Vectors(rows, cols, vals.astype(np.float32), wid, wrow)


def linear_scores(vec: Vectors, n_rows: int, weights: np.ndarray, chunk: int = 4000) -> np.ndarray:
    """``X @ weights`` for the flat vectors ``vec``: an ``(n_rows, weights.shape[1])`` array."""
    rows, cols, vals = vec.rows, vec.cols, vec.vals
    out = np.zeros((n_rows, weights.shape[1]), dtype=np.float32)
    # chunks of 4000: a chunk's (chunk, C) float32 block (650 KB for 41 categories) stays in the CPU's cache
    # between the gather, the scaling and the sums (CUAD: 1.3 s with chunks of 40000, 1.0 s with 4000)
    for a in range(0, len(rows), chunk):
        r = rows[a : a + chunk]
        contrib = weights[cols[a : a + chunk]].astype(np.float32)
        contrib *= vals[a : a + chunk, None]
        # rows are sorted: sum each run of equal row ids
        starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        out[r[starts]] += np.add.reduceat(contrib, starts, axis=0)
    return out
