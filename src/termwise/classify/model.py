"""The clause model at run time: numpy only.

Two stages, both linear:

1. **Unit scores.** Each candidate unit (:mod:`termwise.classify.units`) gets a TF-IDF vector
   over a fixed vocabulary and one margin per CUAD category from one-vs-rest linear SVMs
   (weights stored as int8 with a per-category scale).
2. **Calibration.** For each category, the top :data:`TOP_K` units of a contract are re-scored
   by a small logistic regression over the unit's margin, the contract's best margins (does this
   contract have the category at all?), its rank, its neighbours' margins and its kind. The
   result estimates the probability that the unit matches a gold clause, so scores compare
   across categories.

The artifact is ``_data/clauses.npz``, written by ``scripts/train_clauses.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from termwise.classify.features import linear_scores, vectorize
from termwise.classify.units import Unit, candidate_units

TOP_K = 20
KINDS = ("s", "t", "d", "n")
N_BASE = 15
DATA = Path(__file__).parent / "_data" / "clauses.npz"


@dataclass(frozen=True, slots=True, kw_only=True)
class ClauseModel:
    categories: tuple[str, ...]
    vocab: dict[str, int]
    idf: np.ndarray  # (V,)
    weights: np.ndarray  # (V, C) float32 or int8
    scale: np.ndarray  # (C,) multiplier for int8 weights
    bias: np.ndarray  # (C,)
    s2_coef: np.ndarray  # (C, stage2_width(C))
    s2_bias: np.ndarray  # (C,)

    def margins(self, units: list[Unit]) -> np.ndarray:
        vec = vectorize(units, self.vocab, self.idf)
        z = linear_scores(vec, len(units), self.weights)
        return z * self.scale[None, :] + self.bias[None, :]

    def save(self, path: Path) -> None:
        tokens = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path,
            categories=np.frombuffer("\n".join(self.categories).encode(), dtype=np.uint8),
            vocab=np.frombuffer("\n".join(tokens).encode(), dtype=np.uint8),
            idf=self.idf.astype(np.float32),
            weights=self.weights,
            scale=self.scale.astype(np.float32),
            bias=self.bias.astype(np.float32),
            s2_coef=self.s2_coef.astype(np.float32),
            s2_bias=self.s2_bias.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path = DATA) -> ClauseModel:
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
                s2_coef=z["s2_coef"],
                s2_bias=z["s2_bias"],
            )


def quantize(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float (V, C) weights -> int8 weights and per-column scale."""
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.round(w / scale[None, :]).astype(np.int8), scale.astype(np.float32)


STACK = False  # True: stage 2 also sees every category's margins; measured worse in CV


def stage2_width(n_cats: int) -> int:
    return N_BASE + 2 * n_cats if STACK else N_BASE


def stage2_features(
    units: list[Unit], z: np.ndarray, c: int, k: int = TOP_K, zmax_all: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the top ``k`` units by margin for category ``c`` and their stage-2 features:
    the unit's margin, rank, neighbours, kind and length; the contract's best margins for ``c``;
    the unit's margins for every category; and the contract's best margin for every category."""
    col = z[:, c]
    n = len(col)
    n_cats = z.shape[1]
    width = stage2_width(n_cats)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, width), dtype=np.float32)
    if zmax_all is None:
        zmax_all = z.max(axis=0)
    k = min(k, n)
    top = np.argpartition(-col, k - 1)[:k]
    top = top[np.argsort(-col[top], kind="stable")]
    zs = col[top]
    zmax = zs[0]
    z2 = zs[1] if len(zs) > 1 else zs[0] - 1.0
    top3 = float(np.mean(zs[:3]))
    npos = np.log1p(float(np.sum(col > 0)))
    kinds = np.array([units[i].kind for i in top])
    prev_z = np.array([col[i - 1] if i > 0 and units[i - 1].kind == units[i].kind else -1.5 for i in top])
    next_z = np.array([col[i + 1] if i + 1 < n and units[i + 1].kind == units[i].kind else -1.5 for i in top])
    f = np.zeros((len(top), width), dtype=np.float32)
    f[:, 0] = zs
    f[:, 1] = zmax
    f[:, 2] = zs - zmax
    f[:, 3] = z2
    f[:, 4] = np.log1p(np.arange(len(top)))
    f[:, 5] = top3
    f[:, 6] = np.maximum(prev_z, next_z)
    f[:, 7] = np.minimum(prev_z, next_z)
    f[:, 8] = npos
    f[:, 9] = kinds == "s"
    f[:, 10] = kinds == "t"
    f[:, 11] = kinds == "d"
    f[:, 12] = np.log1p(np.array([units[i].end - units[i].start for i in top]))
    f[:, 13] = np.maximum(zs, 0.0) * (zmax > 0)
    f[:, 14] = kinds == "n"
    if width > N_BASE:
        f[:, N_BASE : N_BASE + n_cats] = z[top]
        f[:, N_BASE + n_cats :] = zmax_all[None, :]
    return top, f


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def predict(model: ClauseModel, text: str) -> dict[str, list[tuple[int, int, float]]]:
    """Category -> up to :data:`TOP_K` ``(start, end, score)``, best first."""
    return predict_units(model, candidate_units(text))


def predict_units(model: ClauseModel, units: list[Unit]) -> dict[str, list[tuple[int, int, float]]]:
    """:func:`predict` for units already cut from the text."""
    out: dict[str, list[tuple[int, int, float]]] = {}
    if not units:
        return {c: [] for c in model.categories}
    z = model.margins(units)
    zmax_all = z.max(axis=0)
    for c, name in enumerate(model.categories):
        top, f = stage2_features(units, z, c, zmax_all=zmax_all)
        p = sigmoid(f.astype(np.float64) @ model.s2_coef[c].astype(np.float64) + float(model.s2_bias[c]))
        out[name] = ranked(units, top, p)
    return out


def ranked(units: list[Unit], top: np.ndarray, p: np.ndarray) -> list[tuple[int, int, float]]:
    """``(start, end, score)`` best first, one per span (a name can be both a title line and an entity)."""
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int, float]] = []
    for i in np.argsort(-p, kind="stable").tolist():
        u = units[top[i]]
        if (u.start, u.end) not in seen:
            seen.add((u.start, u.end))
            out.append((u.start, u.end, float(p[i])))
    return out
