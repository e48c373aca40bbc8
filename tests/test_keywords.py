"""The keyword rules of CUAD's categories (termwise.classify.keywords): what they match, and that
matching through vocabulary ids (inference) agrees with matching the words themselves."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from termwise.classify.features import Vectorizer
from termwise.classify.keywords import RULES, KeywordIndex, KeywordRules
from termwise.classify.units import Unit, candidate_units

CATS = list(RULES)


def _plain_hits(rules: KeywordRules, words: list[str]) -> set[str]:
    """The rules read word by word, as the module docstring states them."""

    def group(g: str) -> bool:
        return any(w == a or (a.endswith("*") and w.startswith(a[:-1])) for a in g.split("|") for w in words)

    return {c for c, rule in rules.rules.items() if any(all(group(g) for g in cl.split(" + ")) for cl in rule)}


def _hits(rules: KeywordRules, units: list[Unit]) -> list[set[str]]:
    vocab = {w: i for i, w in enumerate(sorted({w for u in units for w in u.words}))}
    vec = Vectorizer(vocab, np.ones(len(vocab)))
    v = vec.vectorize(units)
    hits = rules.hits(KeywordIndex(rules, vocab).unit_bits(v.word_ids, v.word_rows, len(units)))
    return [{c for c, on in zip(rules.rules, row, strict=True) if on} for row in hits]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Licensee shall maintain commercial general liability insurance of $1,000,000.", "Insurance"),
        ("The license granted hereunder is non-transferable.", "Non-Transferable License"),
        ("Neither party shall solicit any customer of the other party.", "No-Solicit Of Customers"),
        ("Distributor shall not disparage the Company or its products.", "Non-Disparagement"),
        ("Company may audit the books and records of Licensee once a year.", "Audit Rights"),
        ("This Agreement shall be governed by the laws of the State of Delaware.", "Governing Law"),
        ("Customer shall have a right of first refusal on any sale of the Assets.", "Rofr/Rofo/Rofn"),
        ("The materials shall be held in escrow with the Escrow Agent.", "Source Code Escrow"),
        ("Supplier shall not increase the prices of the Products during the Term.", "Price Restrictions"),
        ("Supplier may not raise its rates by more than five percent in any year.", "Price Restrictions"),
        ("Licensor grants Licensee a nonexclusive, nontransferable license.", "Non-Transferable License"),
        ("Distributor shall not divert any customer of the Company to a competitor.", "No-Solicit Of Customers"),
        ("Equifax grants to each member of the Certegy Group a license.", "Affiliate License-Licensee"),
        ("Repair or replacement is Buyer's sole and exclusive remedy.", "Cap On Liability"),
        ("Licensee shall not oppose the registration of the Marks.", "Covenant Not To Sue"),
    ],
    ids=lambda x: x[:30],
)
def test_a_sentence_uses_its_categorys_words(sentence: str, category: str) -> None:
    rules = KeywordRules(RULES, CATS)
    units = [u for u in candidate_units(sentence) if u.kind == "s"]
    assert category in _hits(rules, units)[0]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Neither party shall solicit any employee of the other party.", "No-Solicit Of Customers"),
        ("The Supplier shall deliver the Products to the Customer.", "Insurance"),
        ("The parties shall act in good faith.", "Audit Rights"),
        ("The price of each Product is set out in Exhibit A.", "Price Restrictions"),  # a price, not a restriction
        ("The fees for the Services are set out in Exhibit B.", "Price Restrictions"),
        ("Licensor grants Licensee an exclusive license.", "Non-Transferable License"),
    ],
    ids=lambda x: x[:30],
)
def test_a_sentence_without_the_words_is_not_matched(sentence: str, category: str) -> None:
    rules = KeywordRules(RULES, CATS)
    units = [u for u in candidate_units(sentence) if u.kind == "s"]
    assert category not in _hits(rules, units)[0]


_WORD = st.sampled_from(
    sorted({re.sub(r"\*$", "x", a) for r in RULES.values() for cl in r for g in cl.split(" + ") for a in g.split("|")})
    + ["the", "shall", "party", "licen", "notice", "co", "own", "xyz"]
)


@given(st.lists(st.lists(_WORD, min_size=0, max_size=12), min_size=1, max_size=8))
def test_matching_through_vocabulary_ids_agrees_with_matching_words(sentences: list[list[str]]) -> None:
    rules = KeywordRules(RULES, CATS)
    units = [Unit(i, i + 1, "s", (), tuple(w)) for i, w in enumerate(sentences)]
    assert _hits(rules, units) == [_plain_hits(rules, list(u.words)) for u in units]


def test_more_than_64_groups_use_a_second_word_of_bits() -> None:
    rules = {f"c{i}": (chr(97 + i // 26) + chr(97 + i % 26),) for i in range(70)}  # "aa", "ab", ... "cr"
    kr = KeywordRules(rules, list(rules))
    assert kr.width == 2
    units = [Unit(0, 1, "s", (), ("cr",)), Unit(1, 2, "s", (), ("aa", "zz"))]
    assert _hits(kr, units) == [{"c69"}, {"c0"}]


def test_a_malformed_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="lower-case words"):
        KeywordRules({"X": ("Insurance",)}, ["X"])
