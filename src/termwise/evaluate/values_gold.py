"""Score extracted values against hand-annotated gold.

Gold files are TSV, one value a line, in text order: ``kind<TAB>text<TAB>value``.
``kind`` may list alternatives (``date|duration``) for wording where either reading is
right; a leading ``?`` marks an optional value (not a miss if absent, not a false
positive if found). ``value`` is the normalized JSON value, or ``*`` for any value.
A prediction matches a gold line when the kinds agree, the values agree, and one text
contains the other. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termwise.model import Value
from termwise.serialize import normalized

ANY = object()


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldValue:
    kinds: tuple[str, ...]
    text: str
    value: Any
    optional: bool = False


@dataclass(slots=True, kw_only=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.false_positives += other.false_positives


def read_gold(path: Path) -> list[GoldValue]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, raw = line.split("\t")
        optional = kind.startswith("?")
        value = ANY if raw.strip() == "*" else json.loads(raw)
        rows.append(GoldValue(kinds=tuple(kind.lstrip("?").split("|")), text=text, value=value, optional=optional))
    return rows


def _value_matches(gold: Any, got: Any) -> bool:
    if gold is ANY:
        return True
    if isinstance(gold, dict) and isinstance(got, dict):
        return all(got.get(k) == v for k, v in gold.items())
    if isinstance(gold, (int, float)) and isinstance(got, (int, float)):
        return abs(gold - got) < 1e-9
    return bool(gold == got)


def _texts_match(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a


def score(predicted: list[Value], gold: list[GoldValue], *, name: str = "") -> Score:
    s = Score()
    used = [False] * len(predicted)
    for g in gold:
        hit = None
        for i, v in enumerate(predicted):
            if (
                not used[i]
                and v.kind in g.kinds
                and _texts_match(g.text, v.text)
                and _value_matches(g.value, normalized(v))
            ):
                hit = i
                break
        if hit is None:
            if not g.optional:
                s.fn += 1
                s.misses.append(f"{name}: missed {'|'.join(g.kinds)} {g.text!r}")
        else:
            used[hit] = True
            if not g.optional:
                s.tp += 1
    for i, v in enumerate(predicted):
        if not used[i]:
            s.fp += 1
            s.false_positives.append(f"{name}: extra {v.kind} {v.text!r} = {normalized(v)!r}")
    return s
