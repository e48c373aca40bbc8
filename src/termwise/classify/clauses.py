"""Clause detection: which passages of an agreement are which kind of clause.

Two sources, one output:

* CUAD's 41 categories from the trained two-stage linear model (:mod:`termwise.classify.model`,
  artifact ``_data/clauses.npz``, loaded on first use, never at import);
* the categories CUAD lacks (compensation, vesting, severance, ... see
  :mod:`termwise.classify.rules`) from weighted patterns over the same sentence units.

:func:`find_clauses` is the pipeline's entry: clauses above :data:`MIN_SCORE`, by category.
:func:`cuad_candidates` gives the evaluation view: up to 20 scored candidates per CUAD category.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from termwise.classify.model import DATA, ClauseModel, Hints, predict, predict_units
from termwise.classify.rules import find_rule_clauses
from termwise.classify.units import Unit, candidate_units
from termwise.extract.agreement_date import find_agreement_date
from termwise.extract.parties import find_parties
from termwise.extract.values import find_values
from termwise.model import Clause, Document, Party, Source, Value

MIN_SCORE = 0.5  # what ``termwise extract`` reports; the evaluation keeps every candidate
MAX_PER_CATEGORY = {"Parties": 2}
# CUAD labels every mention of a party as Parties; a reader wants the passages that say who the parties
# are: the preamble and the signature block (the parties themselves are listed by the extractor)
BLOCK_ONLY = frozenset({"Parties"})
# a score estimates how likely a candidate is to find a clause no better candidate found, so the signature
# block, which names the parties the preamble named, scores low (0.03 to 0.3); a block that names the
# parties (BLOCK_ONLY) is shown from a far lower score than MIN_SCORE
MIN_PER_CATEGORY = {"Parties": 0.01}
DEFAULT_MAX = 5
MAX_MENTIONS = 20_000  # party-name occurrences stage 2 looks at, at most (the first, in text order)
_lock = threading.Lock()


@lru_cache(maxsize=2)
def load_model(path: Path = DATA) -> ClauseModel:
    """The trained CUAD clause model (cached after the first call)."""
    with _lock:
        return ClauseModel.load(path)


def date_hints(doc: Document) -> list[tuple[int, int]]:
    """The agreement-date extractor's candidates, best first, as spans: what the model's date
    categories lean on."""
    dates = [v for v in find_values(doc) if v.kind == "date"]
    return [(v.start, v.end) for v in find_agreement_date(doc, dates)]


def party_mentions(text: str, parties: Sequence[Party]) -> list[tuple[int, int]]:
    """Each place in ``text`` where a party's name (also in capitals, as signature blocks write it)
    or one of its aliases occurs, in text order (at most :data:`MAX_MENTIONS`)."""
    out: list[tuple[int, int]] = []
    for name in {s for p in parties for s in (p.name, p.name.upper(), *p.aliases) if len(s) >= 2}:
        i = text.find(name)
        while i >= 0:
            out.append((i, i + len(name)))
            i = text.find(name, i + 1)
    out.sort()
    return out[:MAX_MENTIONS]


def clause_hints(
    doc: Document, agreement_dates: Sequence[Value] | None = None, parties: Sequence[Party] | None = None
) -> Hints:
    """What the clause model takes from the other extractors (see :class:`Hints`); pass what the
    caller has found already, the rest is found here."""
    dates = date_hints(doc) if agreement_dates is None else [(v.start, v.end) for v in agreement_dates]
    return Hints(dates, party_mentions(doc.clean, find_parties(doc) if parties is None else parties))


def cuad_candidates(text: str, model: ClauseModel | None = None) -> dict[str, list[tuple[int, int, float]]]:
    """CUAD category -> up to 20 ``(start, end, score)`` candidates, best first."""
    doc = Document(text=text, source=Source(path="", format="text", sha256=""))
    return predict(model or load_model(), text, hints=clause_hints(doc))


_BETWEEN = re.compile(r"\b(?:between|among)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"(?:\d+(?:\.\d+)*\.?|\(\w{1,4}\)|ARTICLE|Article|SECTION|Section)\s")


def _names_parties(text: str, u: Unit) -> bool:
    """A signature block, or a preamble that says whom the agreement is between (not a numbered
    section that happens to say "between")."""
    if "b:sig" in u.tokens:
        return True
    return (
        _NUMBERED.match(text, u.start) is None and _BETWEEN.search(text, u.start, min(u.end, u.start + 600)) is not None
    )


def find_clauses(
    doc: Document, agreement_dates: Sequence[Value] | None = None, parties: Sequence[Party] | None = None
) -> list[Clause]:
    """Clauses of ``doc`` scoring at least :data:`MIN_SCORE` (at most :data:`DEFAULT_MAX` per CUAD
    category, the best), ordered by position then label. ``agreement_dates`` and ``parties``: the
    agreement-date and party extractors' findings when the caller has them already (else they are
    found here)."""
    text = doc.clean
    units = candidate_units(text)
    hints = clause_hints(doc, agreement_dates, parties)
    out: list[Clause] = []
    blocks = {(u.start, u.end) for u in units if u.kind == "b" and _names_parties(text, u)}
    floor = min(MIN_SCORE, *MIN_PER_CATEGORY.values())
    for label, cands in predict_units(load_model(), text, units, min_score=floor, hints=hints).items():
        if label in BLOCK_ONLY:
            cands = [c for c in cands if (c[0], c[1]) in blocks]
        least = MIN_PER_CATEGORY.get(label, MIN_SCORE)
        for s, e, p in cands[: MAX_PER_CATEGORY.get(label, DEFAULT_MAX)]:
            if p >= least:
                out.append(Clause(label=label, score=p, start=s, end=e))
    spans = [(u.start, u.end) for u in units if u.kind == "s"]
    for label, s, e, p in find_rule_clauses(text, spans):
        out.append(Clause(label=label, score=p, start=s, end=e))
    out.sort(key=lambda c: (c.start, c.end, c.label))
    return out
