"""Training and cross-validation of the clause model (needs the ``train`` extra: scikit-learn).

Used by ``scripts/train_clauses.py`` and by the CV guard test. Nothing here runs at
inference; :mod:`termwise.classify.model` reads what this writes.

Cross-validation is by contract: each fold's vocabulary, IDF, unit models and stage-2
calibrators are fit on the other folds' contracts only. Stage-2 calibrators are fit on
stage-1 scores that are themselves out-of-fold (an inner split of the training folds), so
no score a calibrator sees came from a model trained on that contract.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from termwise.classify.clauses import clause_hints
from termwise.classify.features import Vectorizer, is_bigram, unit_tokens
from termwise.classify.keywords import RULES, KeywordIndex, KeywordRules
from termwise.classify.model import (
    Calibrator,
    ClauseModel,
    Hints,
    UnitScores,
    quantize,
    ranked,
    sigmoid,
    stage2_features,
)
from termwise.classify.units import Unit, candidate_units
from termwise.evaluate.cuad import matches, word_set
from termwise.model import Document, Source

MIN_DF = 3
MAX_VOCAB = 150_000
# LinearSVC C; with stem features, 5-fold CV per-category mean AUPR 0.5947 at 0.3, 0.5957 at 0.5, 0.5955 at 0.7
C_STAGE1 = 0.5
# calibrators (pooled_then_each): the pooled fit's C, and each category's correction's. Measured in CV on
# the same stage-1 scores (AUPR / P@80%R / per-category mean): per-category fits alone at C=10 (the
# earlier calibrators) 0.7448 / 0.4552 / 0.5761; pooled, then a correction per category at C_EACH 0.3:
# 0.7477 / 0.4677 / 0.5825; at 0.1: 0.7472 / 0.4692 / 0.5817; at 1: 0.7476 / 0.4645 / 0.5817; at 3:
# 0.7467 / 0.4625 / 0.5805; the pooled logit as a penalized feature instead of an offset: 0.7477 / 0.4613 /
# 0.5812
C_POOLED = 10.0
C_EACH = 0.3
C_QUAD = 1.0  # the shared quadratic layer's regularization (0.1: the same within 0.001)
# The shared layer is fit on every hard row and a share of the easy ones (a candidate that finds nothing new
# and whose category's logit is below EASY_LOGIT: about 95% of the rows), weighted up to stand for all of
# them. Keeping a fifth, measured when stage 2 scored 20 candidates a category: CV (AUPR / P@80%R /
# per-category mean) 0.7529 / 0.4788 / 0.5901 against 0.7530 / 0.4795 / 0.5902 on every row; the fit took
# about 8 s instead of 35 s a fold, the CV 262 s instead of 396 s. With 40 candidates, a tenth: the fit
# takes 11.8 s instead of 22.3 s a fold, its probabilities correlate 0.9999 with a fifth's; CV 0.7583 /
# 0.4976 / 0.5921 against 0.7584 / 0.4986 / 0.5921.
EASY_LOGIT = -4.0
EASY_KEEP = 0.1


@dataclass(slots=True)
class Contract:
    id: str
    text: str
    gold: dict[str, list[str]]  # category -> gold texts
    units: list[Unit]
    y: np.ndarray  # (n_units, n_categories) bool: unit matches a gold span of that category
    y_fit: np.ndarray  # (n_units, n_categories) bool: what the unit models learn (see _fit_labels)
    hints: Hints = field(default_factory=Hints)  # what the date and party extractors found
    # (category, unit) -> which gold spans of the category the unit's text matches (CUAD's rule); filled
    # as stage 2 asks, since only a category's best units are ever asked about
    hit_cache: dict[tuple[int, int], np.ndarray] = field(default_factory=dict, repr=False)
    # unit -> its word set under the metric's rule, shared by the categories that ask about the unit
    word_cache: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)


def load_cuad(
    root: Path, categories: Sequence[str] | None = None, limit: int | None = None
) -> tuple[list[Contract], list[str]]:
    recs = [json.loads(line) for line in (root / "annotations.jsonl").read_text(encoding="utf-8").splitlines() if line]
    recs.sort(key=lambda r: r["id"])
    if limit:
        recs = recs[:limit]
    cats = list(categories) if categories is not None else list(recs[0]["labels"])
    out = []
    for r in recs:
        with open(root / r["text_file"], encoding="utf-8", newline="") as f:
            text = f.read()
        units = candidate_units(text)
        gold = {c: [s["text"] for s in r["labels"].get(c, [])] for c in cats}
        spans = {
            c: [(s["start"], s["start"] + len(s["text"]), s["text"]) for s in r["labels"].get(c, [])] for c in cats
        }
        y = _unit_labels(text, units, spans, cats)
        doc = Document(text=text, source=Source(path=r["text_file"], format="text", sha256=""))
        out.append(Contract(r["id"], text, gold, units, y, _fit_labels(units, spans, cats, y), clause_hints(doc)))
    return out, cats


# "cover" (also learn from sentences half inside a gold clause) measured no better in CV: AUPR 0.652 vs 0.654
FIT_LABELS = "match"


def _fit_labels(
    units: list[Unit], spans: dict[str, list[tuple[int, int, str]]], cats: list[str], y: np.ndarray
) -> np.ndarray:
    """Targets of the unit models: a unit that matches a gold span, or (``cover``) one that lies at
    least half inside gold spans of the category (a sentence of a long clause is on topic even when
    it alone does not match the whole clause)."""
    if FIT_LABELS == "match":
        return y
    out = y.copy()
    for c, cat in enumerate(cats):
        if not spans[cat]:
            continue
        for i, u in enumerate(units):
            if u.kind != "s" or out[i, c]:
                continue
            covered = sum(max(0, min(u.end, e) - max(u.start, s)) for s, e, _ in spans[cat])
            if covered * 2 >= u.end - u.start:
                out[i, c] = True
    return out


def _unit_labels(
    text: str, units: list[Unit], spans: dict[str, list[tuple[int, int, str]]], cats: list[str]
) -> np.ndarray:
    y = np.zeros((len(units), len(cats)), dtype=bool)
    starts = np.array([u.start for u in units])
    ends = np.array([u.end for u in units])
    uwords: dict[int, frozenset[str]] = {}

    def words(i: int) -> frozenset[str]:
        if i not in uwords:
            uwords[i] = word_set(text[units[i].start : units[i].end])
        return uwords[i]

    for c, cat in enumerate(cats):
        for s, e, g in spans[cat]:
            gw = word_set(g)
            cand = set(np.flatnonzero((starts < e) & (ends > s)).tolist())
            if len(g) < 200:
                cand |= {
                    i for i, u in enumerate(units) if u.end - u.start < 4 * len(g) + 400 and g in text[u.start : u.end]
                }
            for i in cand:
                if cat == "Parties" and g in text[units[i].start : units[i].end]:
                    y[i, c] = True
                    continue
                w = words(i)
                if len(w & gw) * 2 >= len(w | gw):
                    y[i, c] = True
    return y


def build_vocab(contracts: Sequence[Contract]) -> tuple[dict[str, int], np.ndarray]:
    df: Counter[str] = Counter()
    n = 0
    for ct in contracts:
        for u in ct.units:
            df.update(set(unit_tokens(u)))
        n += len(ct.units)
    # ties broken by the token, not by the order sets happened to yield them (which changes with the
    # string hash seed from run to run, and with it the vocabulary at the cut and the SVMs' results)
    ranked_tokens = sorted((t for t, k in df.items() if k >= MIN_DF), key=lambda t: (-df[t], t))
    kept = ranked_tokens[:MAX_VOCAB]
    # a bigram is found at inference through its two words, so keep it only with both
    words = set(kept)
    kept = [t for t in kept if (pair := is_bigram(t)) is None or (pair[0] in words and pair[1] in words)]
    vocab = {t: i for i, t in enumerate(kept)}
    idf = np.array([math.log((n + 1) / (df[t] + 1)) + 1.0 for t in kept], dtype=np.float64)
    return vocab, idf


def _matrix(contracts: Sequence[Contract], vocab: dict[str, int], idf: np.ndarray):  # noqa: ANN202
    from scipy.sparse import csr_matrix, vstack

    mats = []
    vec = Vectorizer(vocab, idf)
    for ct in contracts:
        r, c, v, *_ = vec.vectorize(ct.units)
        mats.append(csr_matrix((v, (r, c)), shape=(len(ct.units), len(idf)), dtype=np.float32))
    return vstack(mats, format="csr")


def _svm(x: object, y: np.ndarray, c_reg: float) -> tuple[np.ndarray, float]:
    """One category's unit model: a linear SVM's weights and intercept."""
    from sklearn.svm import LinearSVC

    m = LinearSVC(C=c_reg, loss="squared_hinge", dual=True, max_iter=2000, tol=1e-3, random_state=0)
    m.fit(x, y)
    return m.coef_[0].astype(np.float32), float(m.intercept_[0])


def fit_stage1(
    contracts: Sequence[Contract], n_cats: int, c_reg: float = C_STAGE1
) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
    """Vocabulary, IDF, weights (V, C) and biases (C,) of the one-vs-rest unit models."""
    from joblib import Parallel, delayed, parallel_config

    vocab, idf = build_vocab(contracts)
    x = _matrix(contracts, vocab, idf)
    y = np.vstack([ct.y_fit for ct in contracts])
    w = np.zeros((len(idf), n_cats), dtype=np.float32)
    b = np.full(n_cats, -5.0, dtype=np.float32)  # a category with no positive unit
    fit = [c for c in range(n_cats) if y[:, c].any()]
    # the categories are fit side by side, a process per core: liblinear's random numbers are one C library
    # state per process, so threads would make each fit depend on how the others interleave
    with parallel_config(backend="loky", n_jobs=os.cpu_count() or 1):
        fitted = Parallel()(delayed(_svm)(x, y[:, c], c_reg) for c in fit)
    for c, (coef, intercept) in zip(fit, fitted, strict=True):
        w[:, c] = coef
        b[c] = intercept
    return vocab, idf, w, b


@functools.lru_cache(maxsize=4)
def _rules(cats: tuple[str, ...]) -> KeywordRules:
    """The keyword rules training fits stage 2 on, parsed once per category list."""
    return KeywordRules(RULES, cats)


def stage1_scores(
    contracts: Sequence[Contract],
    cats: Sequence[str],
    vocab: dict[str, int],
    idf: np.ndarray,
    w: np.ndarray,
    b: np.ndarray,
) -> list[UnitScores]:
    """What a unit model (vocabulary, IDF, weights, biases) says of each contract's units, as
    :meth:`ClauseModel.score_units` says it, keyword hits matched through the same vocabulary."""
    from scipy.sparse import csr_matrix

    vec = Vectorizer(vocab, idf)
    index = KeywordIndex(_rules(tuple(cats)), vocab)
    out = []
    for ct in contracts:
        r, c, v, wid, wrow = vec.vectorize(ct.units)
        x = csr_matrix((v, (r, c)), shape=(len(ct.units), len(idf)), dtype=np.float32)
        kw = index.unit_bits(wid, wrow, len(ct.units))
        out.append(UnitScores((np.asarray(x @ w) + b[None, :]).astype(np.float32), kw))
    return out


def gold_hits(ct: Contract, c: int, category: str, units: np.ndarray) -> np.ndarray:
    """``(len(units), n_gold)`` bool: which of the contract's gold spans of ``category`` (column ``c``)
    each unit's text matches, by the metric's own rule (:func:`termwise.evaluate.cuad.matches`)."""
    gold = ct.gold[category]
    out = np.zeros((len(units), len(gold)), dtype=bool)
    if not gold:
        return out
    gold_words = [word_set(g) for g in gold]
    for i, u in enumerate(units.tolist()):
        row = ct.hit_cache.get((c, u))
        if row is None:
            text = ct.text[ct.units[u].start : ct.units[u].end]
            words = ct.word_cache.get(u)
            if words is None:
                words = ct.word_cache[u] = word_set(text)
            row = np.array(
                [
                    matches(text, g, category, pred_words=words, gold_words=gw)
                    for g, gw in zip(gold, gold_words, strict=True)
                ],
                dtype=bool,
            )
            ct.hit_cache[(c, u)] = row
        out[i] = row
    return out


def new_finds(hits: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Stage 2's targets for one (contract, category): its candidates' gold ``hits`` ``(k, n_gold)``
    taken in ``order`` (best first). A candidate is positive when it matches a gold span no better
    candidate matched, negative when it matches none (a false positive under the metric), and left out
    (``kept`` false) when every span it matches was already found: the metric neither gains nor loses by
    it, so the score estimates how likely a candidate is to find a new clause rather than to be wrong."""
    k = hits.shape[0]
    y = np.zeros(k, dtype=bool)
    kept = np.ones(k, dtype=bool)
    found = np.zeros(hits.shape[1], dtype=bool)
    hitting = np.asarray(hits.any(axis=1))
    for i in order[hitting[order]].tolist():  # (a candidate that matches nothing is a kept negative)
        h = hits[i]
        y[i] = bool((h & ~found).any())
        kept[i] = y[i]
        found |= h
    return y, kept


def fit_stage2(contracts: Sequence[Contract], scores: Sequence[UnitScores], cats: Sequence[str]) -> Calibrator:
    """Stage 2's :class:`Calibrator`, fit to whether a top unit finds a gold clause that no better
    candidate found (:func:`new_finds`). Three fits: per category, a logistic regression to whether a
    candidate matches any gold clause, whose order says which candidate is "better"; then, in that
    order, per category, the calibrator's linear part to the new finds (both :func:`pooled_then_each`);
    then, in the order of that, the layer shared by all categories (:func:`fit_quadratic`, on the rows
    :func:`thin_easy_negatives` keeps)."""
    rules = _rules(tuple(cats))
    feats = [
        stage2_features(ct.units, sc, rules, ct.hints, text=ct.text) for ct, sc in zip(contracts, scores, strict=True)
    ]
    hits = [
        [gold_hits(ct, c, cat, top[c]) for c, cat in enumerate(cats)]
        for ct, (top, _) in zip(contracts, feats, strict=True)
    ]
    blocks = [np.vstack([fc[c] for _, fc in feats]).astype(np.float64) for c in range(len(cats))]
    any_hit = [np.concatenate([h[c].any(axis=1) for h in hits]) for c in range(len(cats))]
    coef, bias = pooled_then_each(blocks, any_hit)
    targets, kept = _new_find_targets(hits, [f @ coef[c] + bias[c] for c, f in enumerate(blocks)])
    coef, bias = pooled_then_each([f[k] for f, k in zip(blocks, kept, strict=True)], targets)
    logits = [f @ coef[c] + bias[c] for c, f in enumerate(blocks)]
    targets, kept = _new_find_targets(hits, logits)
    x = np.vstack([np.hstack([f, lg[:, None]])[k] for f, lg, k in zip(blocks, logits, kept, strict=True)])
    y = np.concatenate(targets)
    rows, weight = thin_easy_negatives(y, x[:, -1])
    mean, scale, linear, quad, intercept = fit_quadratic(x[rows], y[rows], weight)
    return Calibrator(
        coef=coef.astype(np.float32),
        bias=bias.astype(np.float32),
        mean=mean,
        scale=scale,
        linear=linear,
        quad=quad,
        intercept=intercept,
    )


def _new_find_targets(
    hits: Sequence[Sequence[np.ndarray]], logits: Sequence[np.ndarray]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per category, :func:`new_finds`'s targets (of the kept rows) and kept rows of ``logits[c]``, the
    rows of each contract's candidates (``hits[contract][c]``) in turn, better meaning a higher logit
    (only their order counts)."""
    targets, kept = [], []
    for c, lg in enumerate(logits):
        y_parts, kept_parts, a = [], [], 0
        for h in hits:
            k = len(h[c])
            y, keep = new_finds(h[c], np.argsort(-lg[a : a + k], kind="stable"))
            y_parts.append(y)
            kept_parts.append(keep)
            a += k
        keep = np.concatenate(kept_parts)
        targets.append(np.concatenate(y_parts)[keep])
        kept.append(keep)
    return targets, kept


def thin_easy_negatives(
    y: np.ndarray, logit: np.ndarray, keep: float = EASY_KEEP, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """The rows to fit on and their weights: every positive and every row whose ``logit`` is at least
    :data:`EASY_LOGIT`, each of weight 1, and a random share ``keep`` of the other (easy negative) rows,
    each of weight ``1 / keep``, so the weights still sum to about the number of rows."""
    easy = ~y & (logit < EASY_LOGIT)
    rows = ~easy | (np.random.default_rng(seed).random(len(y)) < keep)
    return rows, np.where(easy, 1.0 / keep, 1.0)[rows]


def fit_quadratic(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """A logistic regression over the standardized columns of ``x`` and their pairwise products
    (squares included; :data:`C_QUAD`), rows weighted by ``weight`` (default: all 1): ``mean``,
    ``scale``, the linear weights, the upper-triangular weights of the products and the intercept, as
    :class:`~termwise.classify.model.Calibrator` holds them. A column that never varies is left as it
    is (scale 1). With one class only, every weight is 0 and the intercept says that class."""
    from sklearn.linear_model import LogisticRegression

    d = x.shape[1]
    mean = np.average(x, axis=0, weights=weight)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=weight))
    scale[scale < 1e-9] = 1.0
    linear, quad = np.zeros(d), np.zeros((d, d))
    if y.all() or not y.any():
        return mean, scale, linear, quad, 8.0 if y.all() else -8.0
    z = (x - mean) / scale
    iu = np.triu_indices(d)
    m = LogisticRegression(C=C_QUAD, max_iter=500, solver="newton-cholesky")
    m.fit(np.hstack([z, z[:, iu[0]] * z[:, iu[1]]]), y, sample_weight=weight)
    linear = m.coef_[0][:d].copy()
    quad[iu] = m.coef_[0][d:]
    return mean, scale, linear, quad, float(m.intercept_[0])


def pooled_then_each(blocks: Sequence[np.ndarray], ys: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Logistic regressions from features (``blocks[c]``: category ``c``'s rows) to targets ``ys[c]``,
    ``(C, n_features)`` coefficients and ``(C,)`` intercepts, that lend strength across categories (the
    rare ones have a few dozen positives): first one regression over all categories' rows, with an
    intercept per category (:data:`C_POOLED`); then, per category, a correction to it: a regression with
    the pooled logit as a fixed offset, whose weights are drawn towards zero (:data:`C_EACH`), so a
    category keeps the pooled weights unless its own rows call for others. Both are linear in the
    features, so each category's calibrator is one coefficient vector and intercept."""
    from sklearn.linear_model import LogisticRegression

    n_cats = len(blocks)
    n_feat = blocks[0].shape[1]
    coef = np.zeros((n_cats, n_feat))
    bias = np.full(n_cats, -8.0)
    y_all = np.concatenate(ys)
    if y_all.sum() == 0 or y_all.all():
        return coef, bias
    onehot = np.zeros((len(y_all), n_cats))
    onehot[np.arange(len(y_all)), np.repeat(np.arange(n_cats), [len(y) for y in ys])] = _ONEHOT
    pooled = LogisticRegression(C=C_POOLED, max_iter=3000, solver="newton-cholesky")
    pooled.fit(np.hstack([np.vstack(blocks), onehot]), y_all)
    w = pooled.coef_[0][:n_feat]
    b = pooled.coef_[0][n_feat:] * _ONEHOT + pooled.intercept_[0]
    for c, (f, y) in enumerate(zip(blocks, ys, strict=True)):
        coef[c], bias[c] = w, b[c]
        if y.sum() and not y.all():
            dw, db = _logistic_with_offset(f, y, f @ w + b[c], C_EACH)
            coef[c] += dw
            bias[c] += db
    return coef, bias


def _logistic_with_offset(x: np.ndarray, y: np.ndarray, offset: np.ndarray, c_reg: float) -> tuple[np.ndarray, float]:
    """Weights ``w`` and intercept ``b`` minimizing the log loss of ``offset + x @ w + b`` against ``y``
    plus ``|w|^2 / (2 c_reg)`` (scikit-learn's penalty; its regressions take no offset), by Newton's
    method: a category's few dozen features make the Hessian small, and a handful of steps converge."""
    target = y.astype(np.float64)
    xb = np.hstack([x, np.ones((len(x), 1))])
    ridge = np.r_[np.full(x.shape[1], 1.0 / c_reg), 0.0]  # the intercept is not penalized

    def loss(theta: np.ndarray) -> float:
        z = offset + xb @ theta
        return float(np.sum(np.logaddexp(0.0, z) - target * z) + 0.5 * np.sum(ridge * theta * theta))

    theta = np.zeros(xb.shape[1])
    current = loss(theta)
    for _ in range(100):
        p = sigmoid(offset + xb @ theta)
        grad = xb.T @ (p - target) + ridge * theta
        hess = (xb * (p * (1.0 - p))[:, None]).T @ xb + np.diag(ridge + 1e-10)
        step = np.linalg.solve(hess, grad)
        t = 1.0  # a full step that does not lower the loss is halved until one does
        while (new := loss(theta - t * step)) > current and t > 1e-6:
            t /= 2
        if new > current:
            break
        theta = theta - t * step
        done = current - new <= 1e-10 * max(1.0, current)
        current = new
        if done:
            break
    return theta[:-1], float(theta[-1])


_ONEHOT = 10.0  # the pooled fit's per-category intercept columns: large, so their penalty is slight


def folds(n: int, k: int = 5, seed: int = 0) -> list[np.ndarray]:
    perm = np.random.default_rng(seed).permutation(n)
    return [np.sort(perm[i::k]) for i in range(k)]


def oof_scores(
    contracts: Sequence[Contract], cats: Sequence[str], k: int, seed: int, log: Callable[[str], None] = print
) -> list[UnitScores]:
    """Out-of-fold stage-1 scores for every contract."""
    out: list[UnitScores | None] = [None] * len(contracts)
    for i, test in enumerate(folds(len(contracts), k, seed)):
        test_set = set(test.tolist())
        train = [ct for j, ct in enumerate(contracts) if j not in test_set]
        vocab, idf, w, b = fit_stage1(train, len(cats))
        for j, sc in zip(test, stage1_scores([contracts[j] for j in test], cats, vocab, idf, w, b), strict=True):
            out[j] = sc
        log(f"  stage-1 fold {i + 1}/{k}")
    return [sc for sc in out if sc is not None]


def predictions_for(
    ct: Contract, sc: UnitScores, stage2: Calibrator, cats: Sequence[str]
) -> dict[str, list[dict[str, object]]]:
    top, f = stage2_features(ct.units, sc, _rules(tuple(cats)), ct.hints, text=ct.text)
    p = stage2.probabilities(f)
    return {
        name: [{"text": ct.text[a:b], "start": a, "end": b, "score": q} for a, b, q in cands]
        for name, cands in zip(cats, ranked(ct.text, ct.units, top, p), strict=True)
    }


def cross_validate(
    contracts: Sequence[Contract],
    cats: Sequence[str],
    k: int = 5,
    seed: int = 0,
    nested: bool = True,
    log: Callable[[str], None] = print,
) -> dict[str, dict[str, list[dict[str, object]]]]:
    """Out-of-fold predictions (contract id -> category -> candidates) for every contract."""
    n_cats = len(cats)
    outer = folds(len(contracts), k, seed)
    preds: dict[str, dict[str, list[dict[str, object]]]] = {}
    oof_all = None if nested else oof_scores(contracts, cats, k, seed, log)
    for i, test in enumerate(outer):
        test_set = set(test.tolist())
        train_idx = [j for j in range(len(contracts)) if j not in test_set]
        train = [contracts[j] for j in train_idx]
        test_cts = [contracts[j] for j in test]
        if nested:
            inner = oof_scores(train, cats, k - 1, seed + 1 + i, log)
            vocab, idf, w, b = fit_stage1(train, n_cats)
            test_z = stage1_scores(test_cts, cats, vocab, idf, w, b)
        else:
            # the out-of-fold models of the same split are this fold's stage-1 models
            assert oof_all is not None
            inner = [oof_all[j] for j in train_idx]
            test_z = [oof_all[j] for j in test]
        stage2 = fit_stage2(train, inner, cats)
        for ct, z in zip(test_cts, test_z, strict=True):
            preds[ct.id] = predictions_for(ct, z, stage2, cats)
        log(f"outer fold {i + 1}/{k} done")
    return preds


def train_final(
    contracts: Sequence[Contract], cats: Sequence[str], k: int = 5, seed: int = 0, log: Callable[[str], None] = print
) -> ClauseModel:
    n_cats = len(cats)
    oof = oof_scores(contracts, cats, k, seed, log)
    stage2 = fit_stage2(contracts, oof, cats)
    vocab, idf, w, b = fit_stage1(contracts, n_cats)
    wq, scale = quantize(w)
    return ClauseModel(
        categories=tuple(cats),
        vocab=vocab,
        idf=idf,
        weights=wq,
        scale=scale,
        bias=b,
        stage2=stage2,
        keywords={c: RULES.get(c, ()) for c in cats},
    )
