"""CUAD's clause metric, as DESIGN.md defines it (and as CUAD's own ``evaluate.py`` computes it).

For each (contract, category) a system gives up to 20 candidate spans with a confidence.
For each threshold t in 0.99, 0.98, ..., 0.01, 0.001, 0 the candidates with confidence
> t are kept; a gold span is a true positive if some kept candidate matches it, else a
false negative; a kept candidate that matches no gold span is a false positive (so every
candidate for a category the contract lacks is one). Counts are pooled over contracts
(and over categories for the overall figures).

Match: Jaccard >= 0.5 of the word sets after removing ``. , ; :``, lower-casing and turning
``/`` into a space, words split on single spaces exactly as CUAD's ``get_jaccard`` does;
for ``Parties`` a candidate that contains the gold text also matches.

Precision is made monotone (raised to the best precision at any higher recall); AUPR is
the trapezoid area under (recall, precision) starting from (0, 1); precision at 80% / 90%
recall is the (monotone) precision at the first threshold whose recall reaches it, 0 if
none does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MAX_CANDIDATES = 20
THRESHOLDS: tuple[float, ...] = tuple(round(x / 100, 2) for x in range(99, 0, -1)) + (0.001, 0.0)
_STRIP = str.maketrans("", "", ".,;:")


def word_set(s: str) -> frozenset[str]:
    return frozenset(s.translate(_STRIP).lower().replace("/", " ").split(" "))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def matches(
    pred: str,
    gold: str,
    category: str,
    *,
    pred_words: frozenset[str] | None = None,
    gold_words: frozenset[str] | None = None,
) -> bool:
    """Whether candidate text ``pred`` matches gold text ``gold`` under CUAD's rule."""
    if category == "Parties" and gold in pred:
        return True
    pw = word_set(pred) if pred_words is None else pred_words
    gw = word_set(gold) if gold_words is None else gold_words
    return jaccard(pw, gw) >= 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class Curve:
    precision: tuple[float, ...]  # monotone precision, first point (recall 0, precision 1)
    recall: tuple[float, ...]
    gold: int

    @property
    def aupr(self) -> float:
        p = np.asarray(self.precision)
        r = np.asarray(self.recall)
        return float(np.sum((r[1:] - r[:-1]) * (p[1:] + p[:-1]) / 2.0))

    def precision_at(self, recall: float) -> float:
        for p, r in zip(self.precision, self.recall, strict=True):
            if r >= recall - 1e-12:
                return p
        return 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Pair:
    """One (contract, category): each candidate's score and which gold spans it matches."""

    scores: np.ndarray  # (n_candidates,)
    hit: np.ndarray  # (n_candidates, n_gold) bool
    category: str


def _pair(category: str, gold: Sequence[str], candidates: Sequence[Mapping[str, object]]) -> _Pair:
    cands = list(candidates)[:MAX_CANDIDATES]
    gws = [word_set(g) for g in gold]
    hit = np.zeros((len(cands), len(gold)), dtype=bool)
    for i, c in enumerate(cands):
        text = str(c["text"])
        pw = word_set(text)
        for j, g in enumerate(gold):
            hit[i, j] = matches(text, g, category, pred_words=pw, gold_words=gws[j])
    scores = np.asarray([float(c["score"]) for c in cands], dtype=np.float64)  # type: ignore[arg-type]
    return _Pair(scores=scores, hit=hit, category=category)


def _counts(pairs: Iterable[_Pair]) -> tuple[np.ndarray, np.ndarray, int]:
    """TP and FP per threshold (arrays aligned with THRESHOLDS) and the number of gold spans."""
    th = np.asarray(THRESHOLDS)
    tp = np.zeros(len(th), dtype=np.int64)
    fp = np.zeros(len(th), dtype=np.int64)
    gold = 0
    for p in pairs:
        gold += p.hit.shape[1]
        if len(p.scores) == 0:
            continue
        kept = p.scores[None, :] > th[:, None]  # (T, n_cand)
        matched_any: np.ndarray = np.asarray(p.hit.any(axis=1))  # candidate matches some gold
        fp += (kept & ~matched_any[None, :]).sum(axis=1)
        if p.hit.shape[1]:
            # gold j is found at threshold t if any kept candidate hits it
            found = (kept[:, :, None] & p.hit[None, :, :]).any(axis=1)  # (T, n_gold)
            tp += found.sum(axis=1)
    return tp, fp, gold


def curve(pairs: Iterable[_Pair]) -> Curve:
    tp, fp, gold = _counts(pairs)
    prec = [1.0]
    rec = [0.0]
    for t, f in zip(tp.tolist(), fp.tolist(), strict=True):
        rec.append(t / gold if gold else 0.0)
        prec.append(t / (t + f) if t + f else 1.0)
    mono = list(prec)
    for i in range(len(mono) - 2, -1, -1):
        mono[i] = max(mono[i], mono[i + 1])
    return Curve(precision=tuple(mono), recall=tuple(rec), gold=gold)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    overall: Curve
    per_category: dict[str, Curve]
    contracts: int

    def summary(self) -> dict[str, float]:
        cats = [c for c in self.per_category.values() if c.gold]
        return {
            "aupr": self.overall.aupr,
            "p_at_80r": self.overall.precision_at(0.8),
            "p_at_90r": self.overall.precision_at(0.9),
            "category_mean_aupr": float(np.mean([c.aupr for c in cats])) if cats else 0.0,
            "contracts": float(self.contracts),
        }

    def table(self) -> list[dict[str, float | str | int]]:
        return [
            {
                "category": name,
                "gold": c.gold,
                "aupr": round(c.aupr, 4),
                "p_at_80r": round(c.precision_at(0.8), 4),
                "p_at_90r": round(c.precision_at(0.9), 4),
            }
            for name, c in self.per_category.items()
        ]


def score(
    gold: Mapping[str, Mapping[str, Sequence[str]]],
    predictions: Mapping[str, Mapping[str, Sequence[Mapping[str, object]]]],
    categories: Sequence[str] | None = None,
) -> Report:
    """Score ``predictions`` (contract id -> category -> candidates with ``text`` and ``score``,
    at most 20 used, in the order given) against ``gold`` (contract id -> category -> texts).

    Every contract of ``gold`` is scored over ``categories`` (default: every category named in
    ``gold``); a contract or category without predictions counts all its gold spans as missed.
    """
    cats = list(categories) if categories is not None else sorted({c for g in gold.values() for c in g})
    by_cat: dict[str, list[_Pair]] = {c: [] for c in cats}
    for cid, g in gold.items():
        preds = predictions.get(cid, {})
        for c in cats:
            by_cat[c].append(_pair(c, list(g.get(c, ())), list(preds.get(c, ()))))
    per = {c: curve(ps) for c, ps in by_cat.items()}
    overall = curve(p for ps in by_cat.values() for p in ps)
    return Report(overall=overall, per_category=per, contracts=len(gold))
