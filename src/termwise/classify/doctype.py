"""What kind of agreement a document is: offer letter, employment agreement, stock purchase,
credit / loan, financing commitment, license, supply, distribution, services, ...

Weighted cues: the document's own title (the top lines and "This ... Agreement" in the opening
text) counts most, then the opening text, then the whole text. ``classify_document`` returns
the labels that have any cue, best first, each with a score in (0, 1).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Iterator

from termwise.classify._regex_reading import class_end, heads, readable, top_alternatives
from termwise.model import Document, Label

_I = re.IGNORECASE
TITLE_ZONE = 700
OPENING_ZONE = 4000

# label -> patterns (searched case-insensitively)
TYPES: dict[str, tuple[str, ...]] = {
    "employment offer letter": (
        r"\boffer (?:you )?(?:a |the )?(?:position|employment)\b",
        r"\boffer letter\b",
        r"\bpleased to (?:offer|confirm)\b.{0,80}\b(?:position|employment|join)",
    ),
    "employment agreement": (
        r"\bemployment agreement\b",
        r"\bexecutive (?:employment )?agreement\b",
        r"\bseverance agreement\b",
        r"\bretention agreement\b",
    ),
    "consulting agreement": (r"\bconsulting agreement\b", r"\bconsultant agreement\b", r"\bconsulting services\b"),
    "stock purchase agreement": (
        r"\b(?:stock|share|securities|common stock|preferred stock) purchase agreement\b",
        r"\bsubscription agreement\b",
        r"\bpurchase (?:of|and sale of) (?:the )?(?:shares|common stock|securities)\b",
        r"\bstock purchase\b",
    ),
    "merger or acquisition agreement": (
        r"\b(?:agreement and plan of merger|merger agreement|asset purchase agreement|acquisition agreement)\b",
    ),
    "credit or loan agreement": (
        r"\b(?:credit|loan|revolving credit|term loan|facility) agreement\b",
        r"\bpromissory note\b",
        r"\bborrower\b.{0,200}\blender\b",
        r"\bsecurity agreement\b",
    ),
    "financing commitment": (
        r"\bcommitment letter\b",
        r"\bcommit(?:s|ment)? to (?:provide|fund|invest|purchase)\b",
        r"\b(?:financing|funding|equity) commitment\b",
        r"\btranches?\b",
    ),
    "license agreement": (
        r"\blicen[cs]e agreement\b",
        r"\b(?:trademark|patent|software|technology|content) licen[cs]e\b",
        r"\blicensor\b.{0,300}\blicensee\b",
    ),
    "supply agreement": (
        r"\bsupply agreement\b",
        r"\b(?:manufacturing|purchase|contract manufacturing) agreement\b",
        r"\bsupplier\b",
    ),
    "distribution agreement": (
        r"\bdistribut(?:ion|or|orship) agreement\b",
        r"\breseller agreement\b",
        r"\bdistributor\b",
        r"\bdealer agreement\b",
    ),
    "services agreement": (
        r"\b(?:master )?services? agreement\b",
        r"\b(?:outsourcing|hosting|maintenance|support|management) agreement\b",
        r"\bservice provider\b",
    ),
    "franchise agreement": (r"\bfranchise agreement\b", r"\bfranchisee\b"),
    "collaboration agreement": (
        r"\b(?:collaboration|strategic alliance|joint venture|co-?branding|joint development|development) agreement\b",
    ),
    "marketing or agency agreement": (
        r"\b(?:marketing|promotion|agency|sponsorship|endorsement|affiliate|advertising) agreement\b",
    ),
    "lease": (r"\blease agreement\b", r"\b(?:landlord|lessor)\b.{0,300}\b(?:tenant|lessee)\b"),
    "amendment": (r"\bamendment no\.?\s*\d+\b", r"\b(?:first|second|third|fourth) amendment\b"),
}
# Patterns are lower-case and searched in a lower-cased copy: much faster than IGNORECASE,
# which defeats the regex engine's literal prefilter.
# A leading \b also defeats it, so patterns are compiled without it and the word boundary
# before a match is checked by hand in ``_search``.
_COMPILED = {k: tuple(re.compile(p.removeprefix(r"\b")) for p in ps) for k, ps in TYPES.items()}

_LITERAL_CHAR = re.compile(r"[a-z0-9 \-]")
_REPEAT = re.compile(r"\{(\d+)(,?)(\d*)\}")


def _widths(pattern: str) -> tuple[int, int] | None:
    """The fewest and the most characters a match of ``pattern`` spans, or None where it has no bound or
    uses something not read here (only characters, escapes, ``.``, classes, groups, ``|``, ``?`` and
    ``{m,n}`` are)."""
    pos = 0

    def alternatives() -> tuple[int, int] | None:
        nonlocal pos
        spans: list[tuple[int, int]] = []
        lo = hi = 0
        last = (0, 0)  # the atom a quantifier applies to
        while pos < len(pattern) and pattern[pos] != ")":
            c = pattern[pos]
            if c == "|":
                spans.append((lo, hi))
                lo = hi = 0
                pos += 1
                continue
            if c == "?":
                lo -= last[0]
                last = (0, last[1])
                pos += 1
                continue
            if c == "{":
                rep = _REPEAT.match(pattern, pos)
                if rep is None or (rep.group(2) and not rep.group(3)):
                    return None
                least, most = int(rep.group(1)), int(rep.group(3) or rep.group(1))
                lo += last[0] * (least - 1)
                hi += last[1] * (most - 1)
                last = (last[0] * least, last[1] * most)
                pos = rep.end()
                continue
            if c in "*+" or pattern.startswith("(?", pos) and not pattern.startswith("(?:", pos):
                return None  # a repeat without bound; a lookaround, a flag or a name
            if c == "(":
                pos += 3 if pattern.startswith("(?:", pos) else 1
                inner = alternatives()
                if inner is None or pos >= len(pattern):
                    return None
                pos += 1
                last = inner
            elif c == "[":
                pos = class_end(pattern, pos)
                last = (1, 1)
            elif c == "\\":
                last = (0, 0) if pattern[pos + 1 : pos + 2] in ("b", "B") else (1, 1)
                pos += 2
            else:
                last = (0, 0) if c in "^$" else (1, 1)
                pos += 1
            lo += last[0]
            hi += last[1]
        spans.append((lo, hi))
        return min(a for a, _ in spans), max(b for _, b in spans)

    got = alternatives()
    return got if pos == len(pattern) else None


def _anchor(pattern: str) -> tuple[str, int, int, int] | None:
    """A literal every match of ``pattern`` holds, the fewest and the most characters before it in a match,
    and the most characters a match spans; None where ``pattern`` is not simple enough to tell (see
    :func:`_widths`). The literal is the longest run of plain characters outside any group or class and
    not made optional by a quantifier."""
    runs: list[tuple[int, str]] = []  # where in the pattern, the run
    run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            runs.append((i - len(run), run))
            run = ""
            i += 2
            continue
        if c == "|" and depth == 0:
            return None  # then no literal is needed by every match
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        quantified = i + 1 < len(pattern) and pattern[i + 1] in "?{*+"
        if depth == 0 and c not in ")]" and _LITERAL_CHAR.fullmatch(c) and not quantified:
            run += c
        else:
            runs.append((i - len(run), run))
            run = ""
        i += 1
    runs.append((i - len(run), run))
    at, literal = max(runs, key=lambda r: len(r[1]))
    before, whole = _widths(pattern[:at]), _widths(pattern)
    if whole is not None and len(literal) < 4 and pattern.startswith("(?:"):
        return _group_anchor(pattern, whole[1])
    if len(literal) < 4 or before is None or whole is None:
        return None
    return literal, before[0], before[1], whole[1]


def _group_anchor(pattern: str, width: int) -> tuple[str, int, int, int] | None:
    """The anchor of a pattern that is one group of alternatives and then only ``\\b``s: the longest
    literal the anchors of all the alternatives share."""
    depth = k = 0
    while k < len(pattern):
        depth += (pattern[k] == "(") - (pattern[k] == ")")
        if depth == 0:
            break
        k += 1
    if "\\" in pattern[:k] or "[" in pattern[:k] or _widths(pattern[k + 1 :]) != (0, 0):
        return None
    inner = pattern[3:k]
    alternatives = [_anchor(a) for a in inner.split("|")] if "(" not in inner else [None]
    anchors = [a for a in alternatives if a is not None]
    if len(anchors) < len(alternatives):
        return None
    shortest = min((a[0] for a in anchors), key=len)
    for size in range(len(shortest), 3, -1):
        for i in range(len(shortest) - size + 1):
            literal = shortest[i : i + size]
            if all(literal in a[0] for a in anchors):
                at = [a[0].index(literal) for a in anchors]
                first = min(a[1] + j for a, j in zip(anchors, at, strict=True))
                last = max(a[2] + j for a, j in zip(anchors, at, strict=True))
                return literal, first, last, width
    return None


_ANCHORS = {p: _anchor(p.pattern) for ps in _COMPILED.values() for p in ps}

# Most cue patterns hold "agreement", the commonest word of the texts: rather than each of them visiting all its
# occurrences, one scan per document keeps those that are part of a pattern's opening words (see ``_heads``).
_KEY = "agreement"  # no occurrence of it overlaps another, so one ``finditer`` sees them all


def _heads(pattern: str) -> list[str] | None:
    """The strings one of which every match of ``pattern`` begins with (see :func:`heads`, read up to 64
    characters), or None where the pattern is not read there or some match may begin otherwise."""
    if not readable(re.compile(pattern)):
        return None
    opens = set().union(*(heads(a, 64) for a in top_alternatives(pattern)))
    return None if "" in opens else sorted(opens)


def _keyed(pattern: str) -> tuple[list[tuple[str, int]], int, int, int] | None:
    """For a pattern every match of which holds ``_KEY`` within its heads: each head and where ``_KEY`` is in it,
    the fewest and the most characters before that ``_KEY`` in a match, and the most characters a match spans."""
    heads = _heads(pattern)
    width = _widths(pattern)
    if heads is None or width is None or not all(_KEY in h for h in heads):
        return None
    at = [h.index(_KEY) for h in heads]
    return list(zip(heads, at, strict=True)), min(at), max(at), width[1]


_KEYED = {p: k for p in _ANCHORS if (k := _keyed(p.pattern)) is not None}
# one scan for all keyed patterns: a _KEY that some head holds there (looking back and ahead from the _KEY)
_KEY_FINDER = re.compile(
    re.escape(_KEY)
    + "(?:"
    + "|".join(
        sorted(
            {
                f"(?<={re.escape(h[: i + len(_KEY)])})" + (f"(?={re.escape(rest)})" if rest else "")
                for heads, *_ in _KEYED.values()
                for h, i in heads
                for rest in [h[i + len(_KEY) :]]
            }
        )
    )
    + ")"
)


def _key_positions(s: str) -> list[int]:
    """Where, in ``s``, a ``_KEY`` lies in a head of a keyed pattern (see ``_keyed``), in order."""
    return [m.start() for m in _KEY_FINDER.finditer(s)]


def _search(p: re.Pattern[str], s: str, keys: list[int] | None = None) -> bool:
    """``p`` matches in ``s`` at a word start (the ``\b`` left out of the compiled pattern).

    The matches tried are those of ``p.finditer(s)``, each searched from where the one before it ended.
    Where ``p`` has an anchor (see ``_anchor``) they are found by looking for the anchor with ``str.find``
    and running the pattern only in a window around it: a pattern that opens with an alternation makes the
    engine try a match at nearly every place of the text, which is most of the time of the whole module.
    A keyed pattern (see ``_keyed``) runs only around ``keys``: ``_key_positions`` of ``s`` or of a text
    that ``s`` begins (what lies past the end of ``s`` is no match in ``s``)."""
    keyed = _KEYED.get(p)
    anchor = _ANCHORS.get(p)
    if keyed is not None and keys is None:
        keys = _key_positions(s)
    pos = 0
    while True:
        if keyed is not None and keys is not None:
            _, first, last, width = keyed
            # a match holds the _KEY of its head wholly inside ``s``, so later keys are none of its
            j = bisect.bisect_left(keys, pos + first)
            occurrences = itertools.islice(keys, j, bisect.bisect_right(keys, len(s) - len(_KEY), lo=j))
            m = _next_match(p, s, pos, occurrences, first, last, width)
        elif anchor is not None:
            literal, first, last, width = anchor
            m = _next_match(p, s, pos, _occurrences(s, literal, pos + first), first, last, width)
        else:
            m = p.search(s, pos)
        if m is None:
            return False
        i = m.start()
        if i == 0 or not (s[i - 1].isalnum() or s[i - 1] == "_"):
            return True
        pos = m.end()


def _occurrences(s: str, literal: str, start: int) -> Iterator[int]:
    """Where ``literal`` occurs in ``s`` from ``start`` on, overlapping ones included."""
    j = s.find(literal, start)
    while j != -1:
        yield j
        j = s.find(literal, j + 1)


def _next_match(
    p: re.Pattern[str], s: str, pos: int, occurrences: Iterable[int], first: int, last: int, width: int
) -> re.Match[str] | None:
    """``p.search(s, pos)``, where every match of ``p`` from ``pos`` on holds, ``first`` to ``last`` characters
    after its start, a literal found at one of ``occurrences`` (ascending, from ``pos + first`` on; others may
    be among them), and is at most ``width`` long."""
    lo = pos  # no match starts in [pos, lo)
    for j in occurrences:
        # a match holding this occurrence starts in [j - last, j - first]; the engine sees the text up to
        # one character past the longest such match, so a match it finds starting there is a match in ``s``
        m = p.search(s, max(lo, j - last), j - first + width + 1)
        if m is not None and m.start() <= j - first:
            return m
        lo = j - first + 1
    return None


_LETTER = re.compile(r"^\s*Dear\s+[A-Z][^\n:,]{0,60}[:,]", re.MULTILINE)
_EMPLOY = re.compile(r"\b(?:employment|salary|position|start date|report to)\b", _I)


def _cue_weights(text: str) -> dict[str, float]:
    low = text.lower()
    title = low[:TITLE_ZONE]
    opening = low[:OPENING_ZONE]
    keys = _key_positions(low)  # title and opening are where low begins
    raw: dict[str, float] = {}
    for label, pats in _COMPILED.items():
        w = 0.0
        for i, p in enumerate(pats):
            first = 1.0 if i == 0 else 0.6
            if _search(p, title, keys):
                w += 3.0 * first
            elif _search(p, opening, keys):
                w += 1.2 * first
            elif _search(p, low, keys):
                w += 0.3 * first
        if w:
            raw[label] = w
    letter = _LETTER.search(text[:OPENING_ZONE])
    if letter:
        # a letter: offers of employment and commitments come as letters, not as titled agreements
        if "employment offer letter" in raw or len(_EMPLOY.findall(text[:OPENING_ZONE])) >= 2:
            raw["employment offer letter"] = raw.get("employment offer letter", 0.0) + 2.5
        if "financing commitment" in raw:
            raw["financing commitment"] += 1.5
        if "stock purchase agreement" in raw:
            raw["stock purchase agreement"] += 1.0
    return raw


def classify_document(doc: Document) -> list[Label]:
    """Document-type labels with any cue, best first; the score is the share of the evidence
    (softmax over cue weights) times how strong the best cue is."""
    raw = _cue_weights(doc.clean)
    if not raw:
        return []
    mx = max(raw.values())
    z = sum(math.exp(v - mx) for v in raw.values())
    strength = 1.0 - math.exp(-mx / 2.0)
    labels = [Label(label=k, score=round(math.exp(v - mx) / z * strength, 4)) for k, v in raw.items()]
    labels.sort(key=lambda lb: (-lb.score, lb.label))
    return labels
