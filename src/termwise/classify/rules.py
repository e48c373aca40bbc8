# ruff: noqa: E501  (patterns read better unbroken)
"""Clause categories CUAD lacks, found by weighted keyword patterns over sentences.

Each category has patterns with a weight in (0, 1); a sentence's score is the noisy-OR of
the weights of the patterns it matches (``1 - prod(1 - w)``) and it is reported when the
score reaches :data:`MIN_SCORE`. The patterns were written against the labelled passages in
``tests/clause_passages.jsonl`` (and the tests there hold them to it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

MIN_SCORE = 0.5


def _p(pattern: str, weight: float) -> tuple[re.Pattern[str], float]:
    # patterns run on lower-cased text (much faster than re.IGNORECASE) and "." crosses the line breaks
    # of hard-wrapped text; they use only \b \d \s \w,
    # whose lower-case forms mean the same
    assert not re.search(r"\\[SDWB]", pattern)
    return re.compile(pattern.lower(), re.DOTALL), weight


_MONEY = r"(?:\$\s?[\d,]+|dollars)"

RULES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "Compensation": [
        _p(r"\bbase salary\b", 0.6),
        _p(r"\b(?:annual|monthly)?\s*salary\b.{0,80}" + _MONEY, 0.6),
        _p(_MONEY + r".{0,40}\bper (?:year|annum|month|hour)\b", 0.5),
        _p(r"\b(?:signing|sign-on|annual|performance|target) bonus\b", 0.6),
        _p(r"\b(?:annual )?retainer\b", 0.4),
        _p(r"\bshall be paid a fee\b|\bcompensation for (?:the|his|her|such) services\b", 0.5),
        _p(r"\bpayroll\b", 0.2),
        _p(r"\bless applicable withholdings?\b", 0.3),
    ],
    "Equity Grant": [
        _p(
            r"\b(?:be |is |hereby )?grant(?:ed)?\b.{0,120}\b(?:option|options|restricted stock|restricted stock units|RSUs?|shares|warrants?|equity awards?)\b",
            0.6,
        ),
        _p(r"\boption to purchase [\d,]+ (?:shares|Shares)\b", 0.5),
        _p(r"\b(?:incentive|nonqualified|non-qualified) stock option\b", 0.4),
        _p(r"\b(?:equity|stock) (?:incentive |option )?plan\b", 0.25),
        _p(r"\bexercise price\b", 0.3),
        _p(r"\bequity awards?\b", 0.4),
    ],
    "Vesting": [
        _p(
            r"\bvest(?:s|ed|ing)?\b.{0,100}\b(?:anniversary|installments?|monthly|quarterly|annual(?:ly)?|each month|over (?:a period of )?\w+ (?:years|months))\b",
            0.7,
        ),
        _p(r"\bvesting (?:schedule|commencement date)\b", 0.5),
        _p(r"\bbecome exercisable\b.{0,80}\b(?:monthly|quarterly|installments?|over)\b", 0.6),
        _p(r"\b(?:has|have) not vested\b.{0,80}\bforfeited\b|\bunvested\b.{0,80}\b(?:forfeit|repurchase)", 0.6),
        _p(r"\bshall vest\b", 0.45),
    ],
    "Acceleration": [
        _p(r"\baccelerat(?:e|ed|es|ion)\b.{0,120}\bvest|\bvest(?:ing)?\b.{0,120}\baccelerat", 0.75),
        _p(
            r"\b(?:change (?:of|in) control|corporate transaction|qualifying termination)\b.{0,160}\b(?:immediately|fully) vest|\b(?:immediately|fully) vest\w*\b.{0,120}\b(?:change (?:of|in) control|death|disability)",
            0.7,
        ),
        _p(r"\bbecome fully vested\b", 0.5),
        _p(r"\bunvested\b.{0,120}\b(?:shall|will) (?:immediately )?vest\b", 0.55),
        _p(r"\bdouble-trigger\b|\bsingle-trigger\b", 0.5),
    ],
    "Severance": [
        _p(r"\bseverance\b", 0.6),
        _p(
            r"\b(?:terminated|termination)\b.{0,80}\bwithout (?:good )?cause\b.{0,200}\b(?:pay|payment|receive|entitled)\b",
            0.55,
        ),
        _p(r"\b(?:lump[- ]sum|salary continuation|continuation of (?:your |his |her )?(?:base )?salary)\b", 0.45),
        _p(r"\bCOBRA\b", 0.55),
        _p(r"\brelease of claims\b|\bgeneral release\b", 0.35),
        _p(r"\bresigns? for good reason\b.{0,120}\b(?:entitled|receive|pay)", 0.5),
        _p(r"\bterminated other than for cause\b", 0.4),
    ],
    "Cause / Good Reason Definition": [
        _p(r"[\"“](?:Good )?(?:Cause|Reason)[\"”]\s*(?:shall )?(?:means?|includes?|shall mean)", 0.85),
        _p(
            r"\b(?:good reason|for cause|cause)\b[\"”]?,? (?:which )?(?:means?|shall mean|shall include|includes)\b",
            0.65,
        ),
        _p(r"\b(?:conviction|indictment)\b.{0,60}\b(?:felony|crime)\b", 0.35),
        _p(
            r"\bwillful misconduct\b|\bgross negligence\b|\bmoral turpitude\b|\bembezzlement\b|\bhabitual neglect\b",
            0.3,
        ),
        _p(r"\bmaterial (?:reduction|diminution)\b.{0,80}\b(?:salary|duties|title|responsibilit)", 0.35),
        _p(r"\breduction in (?:your |his |her )?(?:title|responsibilities|duties)\b", 0.35),
    ],
    "Conditions Precedent": [
        _p(r"\bconditions? precedent\b", 0.75),
        _p(r"\bconditions to (?:closing|the obligations?|funding|each)\b", 0.7),
        _p(
            r"\b(?:is|are|shall be) (?:subject to|conditioned (?:up)?on|contingent (?:up)?on)\b.{0,80}\b(?:satisfaction|fulfillment|following conditions|completion|receipt|absence)\b",
            0.7,
        ),
        _p(r"\bcontingent upon\b", 0.45),
        _p(r"\bshall not be obligated to\b.{0,80}\buntil\b", 0.6),
        _p(r"\bas a condition to\b", 0.55),
        _p(r"\bsubject to the satisfaction\b", 0.6),
        # "subject only to the following conditions: (a) ...", not "subject to the terms and conditions"
        _p(r"\bsubject\s+(?:only\s+)?to\s+the\s+(?:(?:following|foregoing|additional)\s+)?conditions\b", 0.7),
        _p(r"\b(?:following|additional)\s+conditions\s*:", 0.6),
    ],
    "Offer Acceptance / Expiry": [
        _p(r"\b(?:to accept|if you accept|acceptance of)\b.{0,40}\b(?:this|the) (?:offer|foregoing|terms)", 0.6),
        _p(
            r"\b(?:offer|commitment|proposal|letter)\b.{0,80}\b(?:expire|lapse|remain open|terminate)s?\b.{0,80}\b(?:unless|if not|until|by|on|within)\b",
            0.7,
        ),
        _p(r"\b(?:sign|signing|execut\w+|countersign\w*)\b.{0,80}\b(?:return(?:ing)?|below|space provided)\b", 0.45),
        _p(r"\bindicate your (?:acceptance|agreement)\b|\bconfirm your (?:acceptance|agreement)\b", 0.7),
        _p(r"\bunless accepted\b|\bif not accepted\b|\bnot been received\b.{0,40}\bby\b", 0.6),
    ],
    "Representations And Warranties": [
        _p(r"\brepresents? and warrants?\b|\brepresentations and warranties\b", 0.8),
        _p(r"\b(?:hereby )?(?:represents?|warrants?)\b(?: to [\w ,]{1,40})? that\b", 0.7),
        _p(r"\bduly organized, validly existing\b", 0.5),
        _p(r"\baccredited investor\b", 0.3),
        _p(r"\bso represents\b", 0.6),
    ],
    "Registration Rights": [
        _p(r"\bregistration rights?\b", 0.75),
        _p(r"\bregistrable securities\b", 0.65),
        _p(r"\bregistration statement\b", 0.6),
        _p(r"\b(?:piggyback|demand|shelf) registration\b|\beffect a registration\b", 0.7),
        _p(r"\bregister\b.{0,60}\bunder the Securities Act\b", 0.55),
        _p(r"\bexpenses of (?:each|any|such) registration\b", 0.7),
    ],
    "Dispute Resolution": [
        _p(r"\barbitrat(?:ion|or|ors|ed)\b", 0.7),
        _p(r"\bmediation\b|\bmediator\b", 0.6),
        _p(
            r"\b(?:exclusive |non-exclusive )?jurisdiction of the\b.{0,80}\bcourts?\b|\bsubmits? to the\b.{0,40}\bjurisdiction\b",
            0.65,
        ),
        _p(r"\bwaives?\b.{0,40}\bjury trial\b|\btrial by jury\b", 0.7),
        _p(
            r"\bresolve any disputes?\b|\bdisputes? (?:arising|shall be (?:settled|resolved))\b|\bcontroversy or claim\b",
            0.55,
        ),
        _p(r"\bdispute\b.{0,80}\b(?:negotiation|resolved|settled)\b", 0.45),
    ],
    "Confidentiality": [
        _p(r"\bconfidential information\b|\bproprietary information\b", 0.65),
        _p(
            r"\b(?:in strict|in) confidence\b|\bkeep (?:\w+ )?confidential\b|\bare confidential\b|\bconfidentiality\b",
            0.65,
        ),
        _p(r"\bnon-?disclosure\b|\bshall not\b.{0,30}\bdisclose\b|\bnot be disclosed\b", 0.55),
        _p(r"\btrade secrets?\b", 0.4),
        _p(r"\breturn or destroy\b", 0.35),
    ],
    "At-Will Employment": [
        _p(r"\bat[- ]will\b", 0.8),
        _p(r"\bterminable at will\b|\bat the will of\b", 0.8),
        _p(r"\b(?:terminate|end)\b.{0,60}\bat any time\b.{0,60}\bwith or without (?:cause|notice)\b", 0.6),
        _p(r"\b(?:for any reason or no reason|any reason, with or without)\b", 0.5),
        _p(
            r"\b(?:specific|definite) (?:period|term)\b.{0,40}\bemployment\b|\bemployment\b.{0,60}\b(?:specific|definite) (?:period|term)\b",
            0.45,
        ),
    ],
}

CATEGORIES: tuple[str, ...] = tuple(RULES)

# Words at least one of which every pattern of the category needs: a document is scanned once per
# category for these, and only sentences holding one are tried against the full patterns.
ANCHORS: dict[str, re.Pattern[str]] = {
    cat: re.compile(p.lower())
    for cat, p in {
        "Compensation": r"salary|bonus|retainer|paid a fee|compensation for|payroll|withholding|per (?:year|annum|month|hour)",
        "Equity Grant": r"grant|option to purchase|stock option|stock plan|equity|exercise price|option plan",
        "Vesting": r"vest|exercisable",
        "Acceleration": r"accelerat|vest|trigger",
        "Severance": r"severance|without (?:good )?cause|lump|salary continuation|continuation of|COBRA|release|good reason|other than for cause",
        "Cause / Good Reason Definition": r"\bcause\b|good reason|felony|crime|misconduct|negligence|turpitude|embezzlement|neglect|reduction|diminution",
        "Conditions Precedent": r"condition|contingent|obligated|satisf|fulfil|completion|receipt|absence",
        "Offer Acceptance / Expiry": r"accept|\boffer|commitment|proposal|letter|return|below|space provided|indicate your|confirm your|not been received",
        "Representations And Warranties": r"represent|warrant|duly organized|accredited investor",
        "Registration Rights": r"regist",
        "Dispute Resolution": r"arbitrat|mediat|jurisdiction|jury|dispute|controversy",
        "Confidentiality": r"confiden|proprietary|disclos|trade secret|destroy",
        "At-Will Employment": r"at[- ]will|at the will|at any time|any reason|definite (?:period|term)|specific (?:period|term)",
    }.items()
}


def score_sentence(text: str) -> dict[str, float]:
    """Category -> noisy-OR score for one sentence (only categories with some pattern hit)."""
    out: dict[str, float] = {}
    low = text.lower()
    for cat, pats in RULES.items():
        miss = 1.0
        for pat, w in pats:
            if pat.search(low):
                miss *= 1.0 - w
        if miss < 1.0:
            out[cat] = 1.0 - miss
    return out


_QUANTIFIER = re.compile(r"\?|\*|\+|\{(\d*)(?:,\d*)?\}")


def _needs(pattern: str) -> tuple[str, ...]:
    """Strings at least one of which every match of ``pattern`` holds (``("",)`` where none is found): the
    longest run of plain characters that a match must hold, or the needs of a group that must match, one
    from each of its alternatives (the option whose shortest string is longest). Reads only the syntax
    :data:`RULES` uses: characters, escapes, ``.``, classes, groups, lookarounds, ``|`` and quantifiers."""
    pos = 0

    def sequence() -> tuple[str, ...]:
        nonlocal pos
        options: list[tuple[str, ...]] = []
        run = ""
        while pos < len(pattern) and pattern[pos] not in "|)":
            c = pattern[pos]
            need: tuple[str, ...] = ("",)
            char = ""  # the plain character read, if one was
            if c == "(":
                look = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), pos)
                pos += 3 if pattern.startswith("(?:", pos) else 1
                need = ("",) if look else alternatives()
                if look:
                    alternatives()
                pos += 1  # the ")"
            elif c == "[":
                pos += 1 + (pattern[pos + 1] == "]")
                while pattern[pos] != "]":
                    pos += 2 if pattern[pos] == "\\" else 1
                pos += 1
            elif c == "\\":
                pos += 2
                if pattern[pos - 1] in "bB":
                    continue  # zero width: the run goes on
                char = "" if pattern[pos - 1].isalnum() else pattern[pos - 1]
            else:
                char = "" if c in ".^$" else c
                pos += 1
            q = _QUANTIFIER.match(pattern, pos)
            if q:
                pos = q.end() + pattern.startswith("?", q.end())
                if q.group() in ("?", "*") or q.group(1) in ("", "0"):
                    need, char = ("",), ""
                elif char:  # a repeated character ends the run: what follows need not follow it
                    run, char = run + char, ""
            if char:
                run += char
            else:
                options += [(run,), need]
                run = ""
        options.append((run,))
        return max(options, key=lambda o: (min(map(len, o)), -len(o)))

    def alternatives() -> tuple[str, ...]:
        nonlocal pos
        branches = [sequence()]
        while pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            branches.append(sequence())
        if any("" in b for b in branches):
            return ("",)
        found = list(dict.fromkeys(s for b in branches for s in b))
        return tuple(s for s in found if not any(t != s and t in s for t in found))  # drop what holds another

    out = alternatives()
    assert pos == len(pattern), pattern
    return out


# Each category's patterns with what their matches need: a pattern is tried on a sentence only when the
# sentence holds one of those strings (``str.find`` is much faster than the pattern's search).
_CHECKS: dict[str, list[tuple[re.Pattern[str], float, tuple[str, ...]]]] = {
    cat: [(pat, w, _needs(pat.pattern)) for pat, w in pats] for cat, pats in RULES.items()
}


def _score(low: str, s: int, e: int, cat: str) -> float:
    """The noisy-OR score of category ``cat`` for ``low[s:e]`` (the patterns search ``low`` between
    ``s`` and ``e``, so that ``\\b`` and lookbehinds see the characters before ``s``)."""
    miss = 1.0
    for pat, w, needs in _SEARCHES[cat]:
        for need in needs:
            if low.find(need, s, e) >= 0:
                if pat.search(low, s, e):
                    miss *= 1.0 - w
                break
    return 1.0 - miss


# Every category's anchor words in one pattern, longest first, so that a document is scanned once; each
# string it matches is then tried against the categories' own anchors (see ``_anchor_categories``).
def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at each ``|`` outside a group)."""
    out = [""]
    depth = 0
    for c in pattern:
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append("")
        else:
            out[-1] += c
    return out


def _one_pattern(alternatives: list[str]) -> str:
    """Any of ``alternatives``, longest first, grouped under their first letter (a leading ``\\b`` becomes
    ``(?<!\\w.)`` after it) so that at each place the engine tries only the alternatives opening with the
    letter there."""
    groups: dict[str, list[str]] = {}
    for alt in sorted(set(alternatives), key=len, reverse=True):
        boundary = alt.startswith(r"\b")
        first, rest = (alt[2], r"(?<!\w.)" + alt[3:]) if boundary else (alt[0], alt[1:])
        assert first.isalpha() and first.islower(), alt
        groups.setdefault(first, []).append(rest)
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


_ALL_ANCHORS = re.compile(_one_pattern([w for a in ANCHORS.values() for w in _alternatives(a.pattern)]))


# Where the patterns open: every match of one opens with one of a few strings (its heads), which lets the
# engine skip ahead, and :data:`_ALL_ANCHORS` be tried at far fewer places.
def _group_end(pattern: str) -> int:
    """The index just after the group that opens ``pattern``."""
    depth = i = 0
    while True:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2) + 1
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i


def _readable(pat: re.Pattern[str]) -> bool:
    """Whether :func:`_alternatives`, :func:`_group_end` and :func:`_heads` read ``pat`` right: no flag that
    changes what its characters mean, no escaped or bracketed parenthesis, bar or bracket."""
    return not pat.flags & (re.VERBOSE | re.IGNORECASE) and not re.search(r"\\[()|\[\]]|\[[^\]]*[()|[]", pat.pattern)


def _heads(pattern: str, size: int, head: str = "") -> set[str]:
    """Strings one of which every match of ``head + pattern`` opens with: ``size`` characters long where
    the opening can be read (plain characters, ``\\b``, lookarounds, classes of plain characters, groups,
    optional ones too), shorter where a match may go on otherwise (``.``, ``\\w``, a quantifier ...)."""
    if len(head) >= size:
        return {head}
    if pattern.startswith(r"\b"):
        return _heads(pattern[2:], size, head)
    if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!")):  # zero width
        return _heads(pattern[_group_end(pattern) :], size, head)
    if pattern.startswith("("):
        end = _group_end(pattern)
        alts, rest = _alternatives(pattern[3 if pattern.startswith("(?:") else 1 : end - 1]), pattern[end:]
        if rest.startswith("?") and not rest.startswith("??"):
            return _heads(rest[1:], size, head).union(*(_heads(a + rest[1:], size, head) for a in alts))
        if rest[:1] in ("*", "+", "{", "?"):
            return {head}
        return set().union(*(_heads(a + rest, size, head) for a in alts))
    if pattern.startswith("[") and "]" in pattern[2:]:
        end = pattern.index("]", 2)
        chars, rest = pattern[1:end], pattern[end + 1 :]
        if chars.startswith("^") or "\\" in chars or re.search(".-.", chars) or rest[:1] in ("*", "+", "{", "?"):
            return {head}
        return set().union(*(_heads(rest, size, head + c) for c in chars))
    if pattern[:1] == "\\" and pattern[1:2] and not pattern[1].isalnum():
        char, rest = pattern[1], pattern[2:]
    elif pattern[:1] and pattern[0] not in ".^$*+?{}[]()|\\":
        char, rest = pattern[0], pattern[1:]
    else:
        return {head}
    if rest[:1] in ("*", "+", "{", "?"):
        return {head}
    return _heads(rest, size, head + char)


def _searcher(pat: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` finds something in just the windows where ``pat``'s does, faster (only
    whether it does counts: what it finds is a character or a few).

    A pattern opening with ``\\b`` gets no literal prefix from the engine, which then tries it at every
    place. Every match of ``pat`` opens with one of its heads (:func:`_heads`); the searcher matches the
    heads' common prefix (or their first character) and looks back to see ``pat`` match from its start, so
    that the engine skips ahead to where a head may open. Lookbehinds and ``\\b`` see before the window's
    start in both, and the lookahead stops at the window's end as ``pat`` does."""
    if not _readable(pat):
        return pat
    heads = set().union(*(_heads(a, 8) for a in _alternatives(pat.pattern)))
    if "" in heads:
        return pat
    common = os.path.commonprefix(sorted(heads))
    opening = re.escape(common) if common else "[" + "".join(re.escape(h[0]) for h in sorted(heads)) + "]"
    return re.compile(f"{opening}(?<=(?={pat.pattern})(?s:.{{{max(len(common), 1)}}}))", pat.flags)


_SEARCHES: dict[str, list[tuple[re.Pattern[str], float, tuple[str, ...]]]] = {
    cat: [(_searcher(pat), w, needs) for pat, w, needs in checks] for cat, checks in _CHECKS.items()
}

# The engine tries :data:`_ALL_ANCHORS` at nearly every letter of a document (its alternatives open with 19
# letters), which is slow. Every match opens with one of a few dozen heads of 4 to 8 characters, so those
# places are found first, all at once with numpy, and the pattern is tried only there: the first four
# characters at each place make one number (each character numbered from 1 by ``_CODE``, 0 for one no head
# has, in ``_BITS`` bits), which indexes ``_HEAD_STARTS``: 1 where a head shorter than 8 opens with those four
# characters, 2 where only heads of 8 do, so that the next four must end one of them (``_HEAD_ENDS``).
assert _readable(_ALL_ANCHORS)
_ANCHOR_HEADS = frozenset(h for a in _alternatives(_ALL_ANCHORS.pattern) for h in _heads(a, 8))
assert all(len(h) >= 4 for h in _ANCHOR_HEADS), sorted(h for h in _ANCHOR_HEADS if len(h) < 4)
_HEAD_CHARS = sorted(set("".join(_ANCHOR_HEADS)))
assert all(ord(c) < 256 for c in _HEAD_CHARS), _HEAD_CHARS  # the document is read as latin-1
_BITS = len(_HEAD_CHARS).bit_length()
assert 4 * _BITS <= 24, _HEAD_CHARS  # tables of 16 MB at most
_CODE = np.zeros(256, dtype=np.uint32)
_CODE[[ord(c) for c in _HEAD_CHARS]] = np.arange(1, len(_HEAD_CHARS) + 1)


def _key(four: str) -> int:
    """Four characters as one number, as :func:`_anchor_matches` makes them."""
    return sum(int(_CODE[ord(c)]) << (_BITS * (3 - i)) for i, c in enumerate(four))


_HEAD_STARTS = np.zeros(1 << (4 * _BITS), dtype=np.uint8)
_HEAD_ENDS = np.zeros(1 << (4 * _BITS), dtype=bool)
for _h in sorted(_ANCHOR_HEADS, key=len, reverse=True):  # the short ones last: their 1 wins
    _HEAD_STARTS[_key(_h[:4])] = 1 if len(_h) < 8 else 2
    if len(_h) == 8:
        _HEAD_ENDS[_key(_h[4:])] = True


def _anchor_matches(low: str) -> list[re.Match[str]]:
    """``list(_ALL_ANCHORS.finditer(low))``, found faster: the pattern is tried only where a head opens (a
    place the last match covers is passed over as ``finditer`` does; no match is empty)."""
    # latin-1 keeps one byte per character; those it lacks become "?", which stands for no head's character
    # (or where it does, for one more place to try)
    data = low.encode("latin-1", "replace")
    assert len(data) == len(low)
    code = _CODE.take(np.frombuffer(data, dtype=np.uint8))
    key = code[:-3] << (3 * _BITS)  # key[p]: the four characters from p
    key |= code[1:-2] << (2 * _BITS)
    key |= code[2:-1] << _BITS
    key |= code[3:]
    start = _HEAD_STARTS.take(key)
    at = np.flatnonzero(start)
    long = at[start[at] == 2]
    at = np.union1d(at[start[at] == 1], long[_HEAD_ENDS.take(key.take(long + 4, mode="clip")) & (long + 4 < len(key))])
    out = []
    last = 0
    match = _ALL_ANCHORS.match
    for p in at.tolist():
        if p >= last and (m := match(low, p)):
            last = m.end()
            out.append(m)
    return out


@lru_cache(maxsize=4096)
def _anchor_categories(word: str) -> tuple[str, ...]:
    """The categories one of whose anchors matches inside ``word`` (a string :data:`_ALL_ANCHORS` matched)."""
    return tuple(cat for cat, anchor in ANCHORS.items() if anchor.search(word))


def find_rule_clauses(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, int, int, float]]:
    """``(category, start, end, score)`` for each sentence span scoring at least :data:`MIN_SCORE`
    (the same scores as :func:`score_sentence`, found faster through :data:`ANCHORS`)."""
    starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    pos: dict[str, list[int]] = {}
    for m in _anchor_matches(low):
        for cat in _anchor_categories(m.group()):
            pos.setdefault(cat, []).append(m.start())
    out: list[tuple[str, int, int, float]] = []
    for cat, anchor in ANCHORS.items():
        if cat not in pos:
            continue
        idx = np.searchsorted(starts, pos[cat], side="right") - 1
        for i in np.unique(idx[idx >= 0]).tolist():
            s, e = spans[i]
            sc = _score(low, s, e, cat)
            # the anchor's own check, for a match that fell between sentences, costs more than scoring does,
            # and few sentences score enough
            if sc >= MIN_SCORE and anchor.search(low, s, e):
                out.append((cat, s, e, sc))
    out.sort(key=lambda x: (x[1], x[0]))
    return out
