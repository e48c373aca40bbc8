"""All value kinds at once: run every value extractor (find candidates), then resolve
overlaps (keep the longest, then the most specific kind).

Each extractor is one pure function ``find_<kind>(doc) -> list[Value]`` in its own
module; the registry below names them. An extractor may return overlapping
candidates; ``resolve`` picks among them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from termwise.model import Document, Value

# (module, function). Order is priority on ties: earlier wins when two candidates
# cover exactly the same characters.
REGISTRY: tuple[tuple[str, str], ...] = (
    ("termwise.extract.times", "find_times"),
    ("termwise.extract.money", "find_money"),
    ("termwise.extract.shares", "find_shares"),
    ("termwise.extract.percents", "find_percents"),
    ("termwise.extract.dates", "find_dates"),
    ("termwise.extract.durations", "find_durations"),
    ("termwise.extract.phones", "find_phones"),
    ("termwise.extract.identifiers", "find_identifiers"),
    ("termwise.extract.numbers", "find_numbers"),
)

PRIORITY = {
    kind: i
    for i, kind in enumerate(
        ("time", "money", "shares", "percent", "date", "duration", "phone", "identifier", "number")
    )
}


def extractors() -> list[Callable[[Document], list[Value]]]:
    return [getattr(importlib.import_module(mod), fn) for mod, fn in REGISTRY]


def find_values(doc: Document) -> list[Value]:
    """Every value in ``doc``, non-overlapping, in text order."""
    candidates: list[Value] = []
    for f in extractors():
        candidates.extend(f(doc))
    return resolve(candidates)


def resolve(candidates: Iterable[Value]) -> list[Value]:
    """Greedy: longest span first, then by kind priority; drop anything overlapping a kept value."""
    ordered = sorted(candidates, key=lambda v: (-(v.end - v.start), PRIORITY.get(v.kind, 99), v.start))
    kept: list[Value] = []
    taken: list[tuple[int, int]] = []
    import bisect

    for v in ordered:
        i = bisect.bisect_left(taken, (v.start, v.end))
        if i > 0 and taken[i - 1][1] > v.start:
            continue
        if i < len(taken) and taken[i][0] < v.end:
            continue
        taken.insert(i, (v.start, v.end))
        kept.append(v)
    kept.sort(key=lambda v: (v.start, v.end))
    return kept
