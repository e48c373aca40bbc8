"""Keyword rules for CUAD's categories: what a lawyer would look for first, as a prior for stage 2.

A rule names the words a clause of its category almost always uses: "insur*" for Insurance,
"solicit* + customer*|client*" for No-Solicit Of Customers. The unit model (stage 1) already
weighs every word, but a rare category has few training examples, so its weights are noisy;
one "does the sentence use the category's words" feature, weighed by the calibrator over all
of a category's candidates, is learnt reliably from the same few examples (5-fold CV on CUAD's
training split: AUPR 0.689 -> 0.695, precision at 80% recall 0.357 -> 0.394, per-category mean
AUPR 0.555 -> 0.573; the rare categories gain most, e.g. Non-Disparagement 0.32 -> 0.38).

The rules were revised once after reading the gold sentences of CUAD's training split that they
missed, for the categories whose rule found the fewest: fees and rates as well as prices (Price
Restrictions found 43% -> 79% of its gold sentences), a group's members as well as affiliates,
"nontransferable" on its own, diverting or inducing customers, an option to purchase, a sole remedy
and excluded consequential damages (5-fold CV: AUPR 0.7583 -> 0.7598, per-category mean 0.5970 ->
0.6014; Affiliate License-Licensee 0.50 -> 0.56, Price Restrictions 0.10 -> 0.15). The sentences read
include every CV test fold's, so that gain is a little flattering; a third round of the same kind
(expiry, termination for convenience, IP assignment, post-termination) gained nothing and was dropped.

Grammar, over a unit's words (runs of a-z, lower-cased, as :mod:`termwise.classify.units` cuts
them; "non-transferable" is the two words "non" and "transferable"):

* a **rule** is one or more clauses; it matches when any clause does;
* a **clause** is groups joined by ``" + "``; it matches when every group does;
* a **group** is alternatives joined by ``"|"``; ``word`` matches that word, ``stem*`` any word
  that starts with ``stem``.

Rules are stored in the trained artifact (stage 2's weights are fit on them), and a model
reads its own; this table is what training writes.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

RULES: dict[str, tuple[str, ...]] = {
    "Document Name": ("agreement|contract|amendment|licen*|lease|plan",),
    "Parties": ("inc|llc|ltd|corporation|company|limited|between|among",),
    "Agreement Date": ("dated|day + of", "as + of", "entered + into"),
    "Effective Date": ("effective",),
    "Expiration Date": ("expir*|until", "term + initial|continue*|remain*"),
    "Renewal Term": ("renew*|successive|extend*|extension*",),
    "Notice Period To Terminate Renewal": ("notice + renew*|nonrenewal|expir*|extend*",),
    "Governing Law": ("governed|governing|construed|laws + laws|law",),
    "Most Favored Nation": ("favored|favoured|favorable|favourable", "best|lowest + price*|terms"),
    "Non-Compete": ("compet*", "not + engage|develop|manufacture|distribute|sell|market + directly|indirectly"),
    "Exclusivity": ("exclusiv*", "sole|solely|only + supplier*|distributor*|provider*|source*|purchase*|from"),
    "No-Solicit Of Customers": ("solicit*|divert*|interfere*|induce*|entice* + customer*|client*|merchant*",),
    "Competitive Restriction Exception": (
        "notwithstanding|except|nothing|restrict*|preclude*|prevent*|waive*|exception*|outside|unless|however"
        " + compet*|exclusiv*|solicit*|restrict*",
    ),
    "No-Solicit Of Employees": ("solicit*|hire|hiring|employ* + employ*|personnel|staff|hire",),
    "Non-Disparagement": (
        "disparag*|disrepute|derogatory|defam*",
        "reputation|goodwill|negative + statement*|tarnish*|harm*|damage*",
    ),
    "Termination For Convenience": ("terminat* + convenience|reason|cause|any|discretion",),
    "Rofr/Rofo/Rofn": (
        "first + refusal|offer|negotiat*|right|option",
        "match*",
        "option|options + purchase|acquire|buy",
        "negotiat* + exclusive|exclusively",
    ),
    "Change Of Control": ("control|merger|merge|acquisition|acquire*|acquir*|consolidat*|substantially",),
    "Anti-Assignment": ("assign*|transfer*",),
    "Revenue/Profit Sharing": ("royalt*|percent|revenue*|profit*|sales|share",),
    "Price Restrictions": (
        "price*|pricing|fee|fees|rate|rates|charge|charges"
        " + increase*|exceed*|change*|adjust*|raise*|reduc*|decreas*|fixed|firm|lower*|less",
    ),
    "Minimum Commitment": (
        "minimum|quota|quotas",
        "least|less + purchase*|order*|quantit*|units|volume|per|annual|year",
    ),
    "Volume Restriction": ("volume*|quantit*|maximum|exceed*|cap|capacity", "up + to + per|each|month|year|annum|day"),
    "Ip Ownership Assignment": (
        "assign*|vest*|own*|title + intellectual|invention*|work|works|rights|copyright*|patent*",
    ),
    "Joint Ip Ownership": ("joint*|co",),
    "License Grant": ("licen*|grant*",),
    "Non-Transferable License": (
        "nontransferable|nonassignable|nonsublicensable",
        "non + transferable|assignable|sublicensable",
        "transfer*|assign* + licen*",
    ),
    "Affiliate License-Licensor": ("affiliat*|group|controlled + licen*|grant*",),
    "Affiliate License-Licensee": ("affiliat*|subsidiar*|group|members + licen*|grant*|sublicen*",),
    "Unlimited/All-You-Can-Eat-License": ("unlimited|enterprise|number + licen*|use|copies|users",),
    "Irrevocable Or Perpetual License": ("irrevocabl*|perpetu*",),
    "Source Code Escrow": ("escrow*", "source + code"),
    "Post-Termination Services": ("terminat*|expir* + after|following|upon|post|surviv*|transition*|wind|sell",),
    "Audit Rights": ("audit*|inspect*|examin*", "books + records"),
    "Uncapped Liability": ("liab*|limitation*|limit* + not|except|exclud*|exclusion*|gross|willful|wilful|indemnif*",),
    "Cap On Liability": (
        "liab*|damages + exceed*|limit*|aggregate|event|maximum",
        "remedy|remedies + sole|exclusive",
        "consequential|incidental|punitive + damages|loss|losses",
    ),
    "Liquidated Damages": ("liquidated|penalt*", "termination|break + fee|fees"),
    "Warranty Duration": ("warrant*|defect*|repair* + days|months|years|year|period",),
    "Insurance": ("insur*",),
    "Covenant Not To Sue": (
        "sue|challenge*|contest*|claim*|action*|oppose|dispute*|attack*|proceeding* + not|never|waive*",
    ),
    "Third Party Beneficiary": ("beneficiar*", "third + confer*|benefit*|rights|enforce*"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    words: frozenset[str]
    stems: tuple[str, ...]


def _group(text: str) -> Group:
    alts = [a.strip() for a in text.split("|")]
    if not all(a.rstrip("*").isalpha() and a.rstrip("*").islower() for a in alts):
        raise ValueError(f"keyword group {text!r}: alternatives are lower-case words, a stem ends in '*'")
    return Group(
        words=frozenset(a for a in alts if not a.endswith("*")), stems=tuple(a[:-1] for a in alts if a.endswith("*"))
    )


class KeywordRules:
    """Parsed :data:`RULES` (or a model's stored copy), matched against units through their word ids."""

    def __init__(self, rules: Mapping[str, Sequence[str]], categories: Sequence[str]) -> None:
        self.rules = {c: tuple(rules.get(c, ())) for c in categories}
        self.groups: list[Group] = []
        # per category, its clauses, each as the group indices that must all match
        self.clauses: list[list[list[int]]] = []
        for c in categories:
            cl = []
            for clause in self.rules[c]:
                ids = []
                for g in clause.split(" + "):
                    grp = _group(g)
                    if grp not in self.groups:
                        self.groups.append(grp)
                    ids.append(self.groups.index(grp))
                cl.append(ids)
            self.clauses.append(cl)
        self.width = max(1, -(-len(self.groups) // 64))  # uint64 words of group bits

    def vocab_bits(self, vocab: Mapping[str, int]) -> np.ndarray:
        """``(len(vocab), width)`` uint64: which groups each vocabulary word belongs to."""
        bits = np.zeros((max(vocab.values(), default=-1) + 1, self.width), dtype=np.uint64)
        words = sorted(t for t in vocab if t.isalpha() and t.islower() and t.isascii())
        for gi, g in enumerate(self.groups):
            col, bit = divmod(gi, 64)
            ids = [vocab[w] for w in g.words if w in vocab]
            for stem in g.stems:  # the words that start with a stem are a run of the sorted words
                a = bisect.bisect_left(words, stem)
                b = bisect.bisect_left(words, stem + "{")  # "{" sorts after "z"
                ids.extend(vocab[w] for w in words[a:b])
            bits[np.asarray(ids, dtype=np.int64), col] |= np.uint64(1 << bit)
        return bits

    def hits_at(self, unit_bits: np.ndarray, top: np.ndarray) -> np.ndarray:
        """``(C, k)`` bool: whether unit ``top[c, j]`` matches category ``c``'s rule, from the units'
        group bits ``(n, width)``."""
        need, owner = self._needs
        b = unit_bits[top[owner]]  # (clauses, k, width): each clause against its category's units
        ok = ((b & need[:, None, :]) == need[:, None, :]).all(axis=2)
        out = np.zeros(top.shape, dtype=bool)
        np.logical_or.at(out, owner, ok)
        return out

    def hits(self, unit_bits: np.ndarray) -> np.ndarray:
        """``(n, C)`` bool: whether each unit matches each category's rule."""
        n = len(unit_bits)
        return self.hits_at(unit_bits, np.broadcast_to(np.arange(n), (len(self.clauses), n))).T

    @functools.cached_property
    def _needs(self) -> tuple[np.ndarray, np.ndarray]:
        """Each clause's group bits ``(clauses, width)`` and the category it belongs to ``(clauses,)``."""
        flat = [(c, ids) for c, clauses in enumerate(self.clauses) for ids in clauses]
        need = np.zeros((len(flat), self.width), dtype=np.uint64)
        for k, (_, ids) in enumerate(flat):
            for gi in ids:
                need[k, gi // 64] |= np.uint64(1 << (gi % 64))
        return need, np.asarray([c for c, _ in flat], dtype=np.int64)


class KeywordIndex:
    """Keyword rules over one vocabulary: finds each unit's groups through its words' vocabulary ids."""

    def __init__(self, rules: KeywordRules, vocab: Mapping[str, int]) -> None:
        self.rules = rules
        self.word_bits = rules.vocab_bits(vocab)
        # id -1 (a word outside the vocabulary) reads the last entry: no group
        self._in_group = np.r_[self.word_bits.any(axis=1), False]

    def unit_bits(self, word_ids: np.ndarray, word_rows: np.ndarray, n_units: int) -> np.ndarray:
        """``(n_units, width)``: the OR of the group bits of each unit's words. ``word_ids`` are the
        vocabulary ids of all units' words in order (-1 outside the vocabulary), ``word_rows`` their units."""
        out = np.zeros((n_units, self.word_bits.shape[1]), dtype=np.uint64)
        sel = np.flatnonzero(self._in_group[word_ids])  # most words belong to no group
        if not len(sel):
            return out
        rows = word_rows[sel]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] = np.bitwise_or.reduceat(self.word_bits[word_ids[sel]], starts, axis=0)
        return out
