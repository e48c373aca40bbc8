"""CUAD's metric (termwise.evaluate.cuad) on hand-worked cases."""

from __future__ import annotations

import pytest

from termwise.evaluate.cuad import THRESHOLDS, jaccard, matches, score, word_set


@pytest.mark.parametrize(
    ("pred", "gold", "category", "expected"),
    [
        pytest.param(
            "Governed by the laws of New York.",
            "governed by the laws of New York",
            "Governing Law",
            True,
            id="case-and-stop",
        ),
        pytest.param("a/b c d", "a b c d", "X", True, id="slash-is-space"),
        pytest.param("one two three four five", "one two", "X", False, id="jaccard-0.4"),
        pytest.param("one two three four", "one two", "X", True, id="jaccard-0.5"),
        pytest.param(
            "This Agreement is between ACME, INC. and Foo LLC", "ACME, INC.", "Parties", True, id="parties-containment"
        ),
        pytest.param(
            "This Agreement is between ACME, INC. and Foo LLC",
            "ACME, INC.",
            "Document Name",
            False,
            id="no-containment-elsewhere",
        ),
        pytest.param("between Acme, Inc. and Foo", "ACME, INC.", "Parties", False, id="containment-is-case-sensitive"),
        pytest.param("x; y: z, w.", "x y z w", "X", True, id="punctuation-removed"),
    ],
)
def test_match_rule(pred: str, gold: str, category: str, expected: bool) -> None:
    assert matches(pred, gold, category) is expected


def test_word_set_splits_on_single_spaces_like_cuad() -> None:
    # CUAD's get_jaccard splits on " ": a double space yields an empty word
    assert word_set("a  b") == frozenset({"a", "", "b"})
    assert jaccard(word_set("a b"), word_set("a b")) == 1.0


def test_thresholds() -> None:
    assert THRESHOLDS[0] == 0.99 and THRESHOLDS[98] == 0.01
    assert THRESHOLDS[-2:] == (0.001, 0.0)
    assert len(THRESHOLDS) == 101


def _c(text: str, score_: float) -> dict[str, object]:
    return {"text": text, "start": 0, "end": len(text), "score": score_}


def test_pooled_counts_and_curve() -> None:
    gold = {
        "a": {"Law": ["governed by New York law"], "Cap": []},
        "b": {"Law": ["laws of Delaware govern"], "Cap": ["liability capped at fees paid"]},
    }
    preds = {
        "a": {"Law": [_c("governed by New York law", 0.95)], "Cap": [_c("nothing here at all", 0.5)]},
        "b": {
            "Law": [_c("unrelated sentence about notices", 0.9), _c("laws of Delaware govern", 0.3)],
            "Cap": [_c("liability capped at fees paid", 0.7)],
        },
    }
    rep = score(gold, preds)
    law = rep.per_category["Law"]
    # Law: at t=0.94 one TP, 0 FP; at t=0.89 one TP one FP; at t=0.29 both TP, one FP
    i94 = THRESHOLDS.index(0.94) + 1
    i89 = THRESHOLDS.index(0.89) + 1
    i29 = THRESHOLDS.index(0.29) + 1
    assert law.recall[i94] == 0.5
    assert law.recall[i29] == 1.0
    # monotone precision: the 0.5 at t=0.89 is raised to the 2/3 reached at recall 1
    assert law.precision[i89] == pytest.approx(2 / 3)
    assert law.precision[i29] == pytest.approx(2 / 3)
    assert law.gold == 2
    # Cap: the candidate in contract "a" (no gold) is a false positive at every threshold below 0.5
    cap = rep.per_category["Cap"]
    assert cap.recall[-1] == 1.0
    # t=0.69..0.5 keep only the TP (precision 1); from t=0.49 down the FP is kept too (0.5). Monotone
    # precision only borrows from higher recall, and recall is 1.0 throughout, so 0.5 stays 0.5.
    assert cap.precision[THRESHOLDS.index(0.5) + 1] == pytest.approx(1.0)
    assert cap.precision[THRESHOLDS.index(0.49) + 1] == pytest.approx(0.5)
    overall = rep.overall
    assert overall.gold == 3
    assert overall.recall[-1] == 1.0
    assert 0.0 < overall.aupr <= 1.0
    assert rep.summary()["contracts"] == 2


def test_aupr_of_a_perfect_and_an_empty_system() -> None:
    gold = {"a": {"Law": ["x y z"]}, "b": {"Law": []}}
    perfect = {"a": {"Law": [_c("x y z", 0.995)]}, "b": {"Law": []}}
    rep = score(gold, perfect)
    assert rep.overall.aupr == pytest.approx(1.0)
    assert rep.overall.precision_at(0.8) == 1.0
    assert rep.overall.precision_at(0.9) == 1.0
    empty = score(gold, {})
    assert empty.overall.aupr == 0.0
    assert empty.overall.precision_at(0.8) == 0.0


def test_only_twenty_candidates_count() -> None:
    gold = {"a": {"Law": ["the right answer"]}}
    wrong = [_c(f"wrong candidate number {i}", 0.9) for i in range(20)]
    rep = score(gold, {"a": {"Law": [*wrong, _c("the right answer", 0.8)]}})
    assert rep.overall.recall[-1] == 0.0


def test_aupr_is_trapezoid_from_origin_point() -> None:
    # one contract, two gold; one found at 0.5 (no FP), the other never: recall 0.5 at precision 1
    gold = {"a": {"Law": ["alpha beta", "gamma delta"]}}
    rep = score(gold, {"a": {"Law": [_c("alpha beta", 0.5)]}})
    # curve: (0,1) ... (0.5,1) ... stays at 0.5 -> area 0.5
    assert rep.overall.aupr == pytest.approx(0.5)
    assert rep.overall.precision_at(0.8) == 0.0
