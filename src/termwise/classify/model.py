"""The clause model at run time: numpy only.

Two stages, linear per category, then one quadratic layer that all categories share:

1. **Unit scores.** Each candidate unit (:mod:`termwise.classify.units`) gets a TF-IDF vector
   over a fixed vocabulary and one margin per CUAD category from one-vs-rest linear SVMs
   (weights stored as int8 with a per-category scale).
2. **Calibration.** For each category, the best :data:`TOP_K` units of a contract by margin,
   copies of a better one set aside (:mod:`termwise.classify.duplicates`), are re-scored by a small
   logistic regression over the unit's margin, the contract's best margins (does this contract
   have the category at all?), its rank, its neighbours' margins, its kind, whether it uses the
   category's keywords (:mod:`termwise.classify.keywords`), whether it overlaps or sits near a
   better candidate, whether it names a party (and how many no better candidate named) and, for a
   date, whether the agreement-date extractor ranks it first (:func:`stage2_features`). The result
   estimates how likely the unit is to find a gold clause that no better candidate found, against
   being wrong (a unit that only repeats a clause already found was left out of the fit: the metric
   neither gains nor loses by it), so scores compare across categories. The best
   :data:`MAX_CANDIDATES` by that score are listed.
3. **A shared quadratic layer.** That logit and the features feed one logistic regression over them
   and their pairwise products, shared by all categories (:class:`Calibrator`): the per-category
   regressions are linear, and some features matter only together (a high rank counts for less in a
   contract whose best margin is low).

The artifact is ``_data/clauses.npz``, written by ``scripts/train_clauses.py``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from termwise.classify.duplicates import copy_groups, select
from termwise.classify.features import Vectorizer, linear_scores
from termwise.classify.keywords import KeywordIndex, KeywordRules
from termwise.classify.units import Unit, candidate_units
from termwise.errors import ArtifactError
from termwise.evaluate.cuad import MAX_CANDIDATES  # the metric's limit is what stage 2 lists

FORMAT = 10  # the artifact layout; bumped whenever units, features or stage 2 change meaning
# Stage 2 scores TOP_K candidates per category and lists the best MAX_CANDIDATES of them (the 20 CUAD's
# metric takes). Scoring more than it lists lets stage 2 lift a clause that stage 1 ranked low: 5-fold CV
# (AUPR / P@80%R / per-category mean) over the same cached stage-1 scores, with 20 scored of a pool of 40:
# 0.7531 / 0.4790 / 0.5902; 30 of 40: 0.7560 / 0.4745 / 0.5914; 40 of 60: 0.7582 / 0.4994 / 0.5919; 60 of
# 80: 0.7581 / 0.4967 / 0.5925. The shipped 40 of 60, in `scripts/train_clauses.py --cv`: 0.7584 / 0.4986 /
# 0.5921.
TOP_K = 40
POOL = 60  # the best units by margin that stage 2 picks its TOP_K from, copies set aside
# CUAD matches a Parties candidate by containing a party's name, so copies cost nothing there; and the
# names sit in the preamble and the signature block, which stage 2 always considers (the best
# FORCED_BLOCKS of them)
MENTION_CATEGORIES = frozenset({"Parties"})
FORCED_BLOCKS = 2
BLOCK = 20_000  # units vectorized at a time (CUAD's longest contract has about 2,500)
KINDS = ("s", "t", "d", "n", "b")
_KIND_ID = {k: i for i, k in enumerate(KINDS)}
N_BASE = 26
DATA = Path(__file__).parent / "_data" / "clauses.npz"


class UnitScores(NamedTuple):
    """What stage 1 says of each unit: its margin per category and which keyword groups it uses."""

    margins: np.ndarray  # float32: the unit model's margin
    keyword_bits: np.ndarray  # uint64 (n_units, width): the keyword groups the unit's words belong to


class Hints(NamedTuple):
    """What other extractors found that stage 2 weighs, as spans of the text."""

    dates: Sequence[tuple[int, int]] = ()  # the agreement-date extractor's candidates, best first
    mentions: Sequence[tuple[int, int]] = ()  # each place a party's name or alias occurs


NO_HINTS = Hints()


@dataclass(frozen=True, slots=True, kw_only=True)
class Calibrator:
    """Stage 2's scorer. Per category, a linear logit over a candidate's :func:`stage2_features`
    (``coef``, ``bias``); then one layer shared by all categories: the features and that logit,
    standardized (``mean``, ``scale``), give the final logit through ``intercept + x @ linear + x @
    quad @ x``, a logistic regression over them and their pairwise products (``quad`` is upper
    triangular: one weight per product)."""

    coef: np.ndarray  # (C, N_BASE)
    bias: np.ndarray  # (C,)
    mean: np.ndarray  # (N_BASE + 1,)
    scale: np.ndarray  # (N_BASE + 1,)
    linear: np.ndarray  # (N_BASE + 1,)
    quad: np.ndarray  # (N_BASE + 1, N_BASE + 1)
    intercept: float

    def probabilities(self, f: np.ndarray) -> np.ndarray:
        """``(C, k)`` probabilities from features ``(C, k, N_BASE)``."""
        f = f.astype(np.float64)
        logits = np.einsum("ckw,cw->ck", f, self.coef.astype(np.float64)) + self.bias[:, None]
        x = (np.concatenate([f, logits[..., None]], axis=-1) - self.mean) / self.scale
        return sigmoid(self.intercept + x @ self.linear + ((x @ self.quad) * x).sum(axis=-1))

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "coef": self.coef.astype(np.float32),
            "bias": self.bias.astype(np.float32),
            "mean": self.mean.astype(np.float64),
            "scale": self.scale.astype(np.float64),
            "linear": self.linear.astype(np.float64),
            "quad": self.quad.astype(np.float64),
            "intercept": np.array([self.intercept], dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> Calibrator:
        return cls(
            coef=a["coef"],
            bias=a["bias"],
            mean=a["mean"],
            scale=a["scale"],
            linear=a["linear"],
            quad=a["quad"],
            intercept=float(a["intercept"][0]),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ClauseModel:
    categories: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray  # (V,)
    weights: np.ndarray  # (V, C) float32 or int8
    scale: np.ndarray  # (C,) multiplier for int8 weights
    bias: np.ndarray  # (C,)
    stage2: Calibrator
    keywords: dict[str, tuple[str, ...]]  # category -> keyword rule (stage 2 was fit on these)
    vectorizer: Vectorizer = field(init=False, repr=False, compare=False)
    keyword_index: KeywordIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "vectorizer", Vectorizer(self.vocab, self.idf))
        rules = KeywordRules(self.keywords, self.categories)
        object.__setattr__(self, "keyword_index", KeywordIndex(rules, self.vocab))

    def score_units(self, units: list[Unit]) -> UnitScores:
        """Each unit's margins and keyword groups; the units are vectorized :data:`BLOCK` at a time, so
        a very long document does not hold all its vectors at once."""
        index = self.keyword_index
        z = np.empty((len(units), len(self.categories)), dtype=np.float32)
        kw = np.empty((len(units), index.word_bits.shape[1]), dtype=np.uint64)
        for a in range(0, len(units), BLOCK):
            part = units[a : a + BLOCK]
            vec = self.vectorizer.vectorize(part)
            z[a : a + len(part)] = linear_scores(vec, len(part), self.weights)
            kw[a : a + len(part)] = index.unit_bits(vec.word_ids, vec.word_rows, len(part))
        return UnitScores(z * self.scale[None, :] + self.bias[None, :], kw)

    def save(self, path: Path, meta: dict[str, object] | None = None) -> None:
        """Write the artifact; ``meta`` (what it was trained on, its CV figures) is stored beside the format."""
        tokens = sorted(self.vocab, key=self.vocab.__getitem__)
        info = {"format": FORMAT, "keywords": self.keywords, **(meta or {})}
        arrays: dict[str, Any] = {  # Any: numpy's stubs type a keyword like its allow_pickle flag
            "meta": np.frombuffer(json.dumps(info, sort_keys=True).encode(), dtype=np.uint8),
            "categories": np.frombuffer("\n".join(self.categories).encode(), dtype=np.uint8),
            "vocab": np.frombuffer("\n".join(tokens).encode(), dtype=np.uint8),
            "idf": self.idf.astype(np.float32),
            "weights": self.weights,
            "scale": self.scale.astype(np.float32),
            "bias": self.bias.astype(np.float32),
        }
        arrays.update({"s2_" + k: v for k, v in self.stage2.arrays().items()})
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = DATA) -> ClauseModel:
        meta = read_meta(path)
        if meta.get("format") != FORMAT:
            raise ArtifactError(
                f"clause model of format {meta.get('format')}, this termwise reads format {FORMAT}; "
                "rebuild it with `make train`",
                path=str(path),
            )
        with np.load(path) as z:
            cats = tuple(bytes(z["categories"]).decode().split("\n"))
            tokens = bytes(z["vocab"]).decode().split("\n")
            return cls(
                categories=cats,
                vocab=dict(zip(tokens, range(len(tokens)), strict=True)),
                idf=z["idf"].astype(np.float64),
                weights=z["weights"],
                scale=z["scale"],
                bias=z["bias"],
                stage2=Calibrator.from_arrays({k[3:]: z[k] for k in z.files if k.startswith("s2_")}),
                keywords=_keywords(meta.get("keywords")),
            )


def _keywords(stored: object) -> dict[str, tuple[str, ...]]:
    """The keyword rules as the artifact's metadata holds them (JSON: category -> list of clauses)."""
    if not isinstance(stored, dict):
        return {}
    return {str(c): tuple(str(x) for x in r) for c, r in stored.items()}


def read_meta(path: Path = DATA) -> dict[str, object]:
    """The artifact's metadata: ``format`` and what it was trained on (an empty format if absent)."""
    try:
        with np.load(path) as z:
            return json.loads(bytes(z["meta"]).decode()) if "meta" in z.files else {}
    except (OSError, ValueError) as e:
        raise ArtifactError(f"cannot read the clause model: {e}", path=str(path)) from e


def quantize(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float (V, C) weights -> int8 weights and per-column scale."""
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.round(w / scale[None, :]).astype(np.int8), scale.astype(np.float32)


def stage2_features(
    units: list[Unit],
    scores: UnitScores,
    rules: KeywordRules,
    hints: Hints = NO_HINTS,
    k: int = TOP_K,
    text: str = "",
) -> tuple[np.ndarray, np.ndarray]:
    """For every category (column of the scores), its candidates (:func:`candidates`; copies are
    found in ``text``, the units' text) as a ``(C, k)`` array of unit indices, best margin first, and
    their stage-2 features, ``(C, k, N_BASE)``: the unit's margin, rank, neighbours' margins, kind
    and length, the contract's best margins, whether the unit (and any of the candidates) uses the
    category's keywords, whether it overlaps or lies inside a better candidate and how far (in units)
    it is from the best and the nearest better one, whether it holds a party's name
    (``hints.mentions``; for Parties, also how many names no better candidate holds), and whether it
    is a date the agreement-date extractor ranks first (or second or third; ``hints.dates``, best
    first)."""
    z = scores.margins
    n, n_cats = z.shape
    if n == 0:
        return np.zeros((n_cats, 0), dtype=np.int64), np.zeros((n_cats, 0, N_BASE), dtype=np.float32)
    k = min(k, n)
    zt = np.ascontiguousarray(z.T)  # (C, n)
    kind = np.fromiter(map(_KIND_ID.__getitem__, [u.kind for u in units]), dtype=np.int8, count=n)
    starts = np.fromiter((u.start for u in units), dtype=np.int64, count=n)
    ends = np.fromiter((u.end for u in units), dtype=np.int64, count=n)
    mention_rows = [i for i, c in enumerate(rules.rules) if c in MENTION_CATEGORIES]
    top = candidates(zt, starts, ends, text, kind, mention_rows, k)
    zs = np.take_along_axis(zt, top, 1)
    order = np.argsort(-zs, axis=1, kind="stable")
    top = np.take_along_axis(top, order, 1)
    zs = np.take_along_axis(zs, order, 1)  # (C, k)
    length = np.array([u.end - u.start for u in units], dtype=np.float32)
    same_prev = np.r_[False, kind[1:] == kind[:-1]]  # unit i-1 is of i's kind
    same_next = np.r_[kind[:-1] == kind[1:], False]
    prev_z = np.where(same_prev[top], np.take_along_axis(zt, np.maximum(top - 1, 0), 1), -1.5)
    next_z = np.where(same_next[top], np.take_along_axis(zt, np.minimum(top + 1, n - 1), 1), -1.5)
    zmax = zs[:, :1]
    z2 = zs[:, 1:2] if k > 1 else zmax - 1.0
    kinds = kind[top]
    f = np.zeros((n_cats, k, N_BASE), dtype=np.float32)
    f[..., 0] = zs
    f[..., 1] = zmax
    f[..., 2] = zs - zmax
    f[..., 3] = z2
    f[..., 4] = np.log1p(np.arange(k))[None, :]
    f[..., 5] = zs[:, :3].mean(axis=1, keepdims=True)
    f[..., 6] = np.maximum(prev_z, next_z)
    f[..., 7] = np.minimum(prev_z, next_z)
    f[..., 8] = np.log1p((zt > 0).sum(axis=1, keepdims=True))
    f[..., 9] = kinds == 0
    f[..., 10] = kinds == 1
    f[..., 11] = kinds == 2
    f[..., 12] = np.log1p(length[top])
    f[..., 13] = np.maximum(zs, 0.0) * (zmax > 0)
    f[..., 14] = kinds == 3
    f[..., 15] = kinds == 4
    kw = rules.hits_at(scores.keyword_bits, top)
    f[..., 18] = kw
    f[..., 19] = kw.any(axis=1, keepdims=True)
    f[..., 21:25] = _placement(top, starts[top], ends[top])
    if hints.mentions:
        f[..., 20] = _holds_mention(top, starts, ends, hints.mentions)
        for r in mention_rows:
            f[r, :, 25] = np.log1p(_new_names(text, top[r], starts, ends, hints.mentions))
    if hints.dates:
        is_date = kind == 2

        def on(spans: Sequence[tuple[int, int]]) -> np.ndarray:
            hit = np.zeros(n, dtype=bool)
            for a, b in spans:
                hit |= (starts < b) & (ends > a)
            return hit & is_date

        f[..., 16] = on(hints.dates[:1])[top]
        f[..., 17] = on(hints.dates[1:3])[top]
    return top, f


def candidates(
    zt: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    text: str,
    kind: np.ndarray,
    mention_rows: list[int],
    k: int,
) -> np.ndarray:
    """``(C, k)`` unit indices: per category (row of the margins ``zt``, ``(C, n)``), the best ``k``
    of its best :data:`POOL` units by margin, skipping a copy (the same text) of a better one; the
    units span ``starts`` to ``ends`` of ``text`` (an empty text: no copies are looked for). The
    rows of ``mention_rows`` skip none, but always hold the best :data:`FORCED_BLOCKS` blocks
    (preamble, signature block) by margin."""
    n = zt.shape[1]
    if n > POOL:
        pool = np.argpartition(-zt, POOL - 1, axis=1)[:, :POOL]
    else:
        pool = np.broadcast_to(np.arange(n), zt.shape)
    pool = np.take_along_axis(pool, np.argsort(-np.take_along_axis(zt, pool, 1), axis=1, kind="stable"), 1)
    groups = copy_groups(text, starts, ends, pool) if text else None
    top = select(pool, k, groups, exempt=mention_rows)
    blocks = np.flatnonzero(kind == _KIND_ID["b"])
    for r in mention_rows if len(blocks) else ():
        best = blocks[np.argsort(-zt[r, blocks], kind="stable")[:FORCED_BLOCKS]].tolist()
        have = set(top[r].tolist())
        missing = [b for b in best if b not in have][:k]
        if missing:
            top[r] = np.r_[top[r][: k - len(missing)], missing]
    return top


def _placement(top: np.ndarray, s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """``(C, k, 4)``: whether each candidate (best margin first, spans ``s`` to ``e``) overlaps a
    better one, lies inside one, and how far (in units, log scale) it is from the best one and from
    the nearest better one (a clause's sentences sit together)."""
    k = top.shape[1]
    better = _better(k)  # [r, r']: candidate r' comes before r
    se, ss = s[:, :, None], s[:, None, :]
    ee, es = e[:, :, None], e[:, None, :]
    gap = np.abs(top[:, :, None] - top[:, None, :])
    out = np.empty(top.shape + (4,), dtype=np.float32)
    out[..., 0] = ((se < es) & (ee > ss) & better).any(axis=2)
    out[..., 1] = ((se >= ss) & (ee <= es) & better).any(axis=2)
    out[..., 2] = np.log1p(np.abs(top - top[:, :1]))
    nearest = np.where(better, gap, 1000).min(axis=2)
    out[..., 3] = np.log1p(np.minimum(nearest, 1000))
    out[:, 0, 3] = 0.0
    return out


@functools.lru_cache(maxsize=8)
def _better(k: int) -> np.ndarray:
    return np.tri(k, k, -1, dtype=bool)


def _holds_mention(
    top: np.ndarray, starts: np.ndarray, ends: np.ndarray, mentions: Sequence[tuple[int, int]]
) -> np.ndarray:
    """``(C, k)`` bool: whether unit ``top[c, j]`` holds one of the ``mentions`` (sorted) whole: one
    of the first two mentions that start in the unit ends in it."""
    m = np.asarray(mentions, dtype=np.int64)
    us, ue = starts[top], ends[top]
    first = np.searchsorted(m[:, 0], us, side="left")
    held = np.zeros(top.shape, dtype=bool)
    for j in (first, first + 1):
        at = np.minimum(j, len(m) - 1)
        held |= (j < len(m)) & (m[at, 0] < ue) & (m[at, 1] <= ue)
    return held


def _new_names(
    text: str, row: np.ndarray, starts: np.ndarray, ends: np.ndarray, mentions: Sequence[tuple[int, int]]
) -> np.ndarray:
    """For each candidate of ``row`` (best margin first), how many party names (``mentions``, sorted;
    compared in lower case) it holds whole that no better candidate holds: a candidate that names no
    one new finds no new Parties clause."""
    m_starts = [a for a, _ in mentions]
    seen: set[str] = set()
    out = np.zeros(len(row), dtype=np.float32)
    for j, u in enumerate(row.tolist()):
        us, ue = int(starts[u]), int(ends[u])
        names = set()
        for a, b in itertools.islice(mentions, bisect.bisect_left(m_starts, us), None):
            if a >= ue:
                break
            if b <= ue:
                names.add(text[a:b].lower())
        out[j] = len(names - seen)
        seen |= names
    return out


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def predict(model: ClauseModel, text: str, hints: Hints = NO_HINTS) -> dict[str, list[tuple[int, int, float]]]:
    """Category -> up to :data:`MAX_CANDIDATES` ``(start, end, score)``, best first."""
    return predict_units(model, text, candidate_units(text), hints=hints)


def predict_units(
    model: ClauseModel, text: str, units: list[Unit], min_score: float = 0.0, hints: Hints = NO_HINTS
) -> dict[str, list[tuple[int, int, float]]]:
    """:func:`predict` for units already cut from ``text``, keeping candidates scoring at least ``min_score``."""
    if not units:
        return {c: [] for c in model.categories}
    top, f = stage2_features(units, model.score_units(units), model.keyword_index.rules, hints, text=text)
    p = model.stage2.probabilities(f)
    return dict(zip(model.categories, ranked(text, units, top, p, min_score), strict=True))


def ranked(
    text: str, units: list[Unit], top: np.ndarray, p: np.ndarray, min_score: float = 0.0
) -> list[list[tuple[int, int, float]]]:
    """Per category (row of ``top`` and ``p``), its best :data:`MAX_CANDIDATES` candidates ``(start,
    end, score)`` scoring at least ``min_score``, best first, one per passage text (a name can be both a
    title line and an entity, and a date or a sentence can come twice word for word)."""
    order = np.argsort(-p, axis=1, kind="stable")
    ps = np.take_along_axis(p, order, 1)
    idx = np.take_along_axis(top, order, 1)
    starts = np.fromiter((u.start for u in units), dtype=np.int64, count=len(units))[idx]
    ends = np.fromiter((u.end for u in units), dtype=np.int64, count=len(units))[idx]
    lengths = np.sort(ends - starts, axis=1)
    repeats = (lengths[:, 1:] == lengths[:, :-1]).any(axis=1)  # rows where a text may come twice
    kept = (ps >= min_score).sum(axis=1).tolist()  # scores are sorted: the kept ones are a prefix
    out: list[list[tuple[int, int, float]]] = []
    for row, (s, e, q) in enumerate(zip(starts.tolist(), ends.tolist(), ps.tolist(), strict=True)):
        cands = list(zip(s[: kept[row]], e[: kept[row]], q[: kept[row]], strict=True))
        out.append((_first_of_each_text(text, cands) if repeats[row] else cands)[:MAX_CANDIDATES])
    return out


def _first_of_each_text(text: str, cands: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    kept: dict[int, list[str]] = {}  # length -> the texts kept of that length
    out = []
    for s, e, q in cands:
        same = kept.setdefault(e - s, [])
        if same and text[s:e] in same:
            continue
        same.append(text[s:e])
        out.append((s, e, q))
    return out
