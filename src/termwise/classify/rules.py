# ruff: noqa: E501  (patterns read better unbroken)
"""Clause categories CUAD lacks, found by weighted keyword patterns over sentences.

Each category has patterns with a weight in (0, 1); a sentence's score is the noisy-OR of
the weights of the patterns it matches (``1 - prod(1 - w)``) and it is reported when the
score reaches :data:`MIN_SCORE`. The patterns were written against the labelled passages in
``tests/clause_passages.jsonl`` (and the tests there hold them to it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from termwise.classify._regex_reading import HeadScan, needs, one_pattern, searcher, top_alternatives

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
        _p(r"\bretainer\b.{0,40}" + _MONEY, 0.6),
        _p(r"\b(?:wage|wages|rate of pay|pay rate)\b.{0,60}" + _MONEY, 0.6),
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
        _p(r"\b(?:receive|be awarded|awarded)\b.{0,40}\b(?:stock )?options?\b.{0,40}\b[\d,]+ shares\b", 0.6),
        _p(r"\b(?:incentive|nonqualified|non-qualified) stock option\b", 0.4),
        _p(r"\b(?:equity|stock) (?:incentive |option )?plan\b", 0.25),
        _p(r"\bexercise price\b", 0.3),
        _p(r"\bequity awards?\b", 0.4),
        _p(r"\b(?:issue|deliver)\b.{0,40}\bwarrants? to purchase\b", 0.6),
        _p(
            r"\beligible to (?:receive|participate in)\b.{0,80}\b(?:equity awards?|stock options?|restricted stock|rsus?|equity (?:incentive )?(?:plan|program))\b",
            0.5,
        ),
    ],
    "Vesting": [
        _p(
            r"\bvest(?:s|ed|ing)?\b.{0,100}\b(?:anniversary|installments?|monthly|quarterly|annual(?:ly)?|each month|over (?:a period of )?\w+ (?:years|months))\b",
            0.7,
        ),
        _p(r"\bvesting (?:schedule|commencement date)\b", 0.5),
        _p(r"\bbecome exercisable\b.{0,80}\b(?:monthly|quarterly|installments?|over|anniversar(?:y|ies))\b", 0.6),
        _p(r"\b(?:has|have) not vested\b.{0,80}\bforfeited\b|\bunvested\b.{0,80}\b(?:forfeit|repurchase)", 0.6),
        _p(r"\bshall vest\b", 0.45),
        _p(
            r"\bvest(?:s|ed)?\b.{0,120}\b(?:performance (?:goals?|criteria|conditions?|targets?|metrics?)|achievement of)\b",
            0.5,
        ),
        _p(r"\bvest(?:s|ed)?,? if at all\b", 0.4),
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
        # severance pay, not a "Severance" (severability) heading or severance taxes: the word alone is weak
        _p(r"\bseverance (?:pay|payments?|benefits?|amounts?|compensation|package|plan|policy|period)\b", 0.6),
        _p(r"\bseverance\b", 0.35),
        _p(
            r"\b(?:terminated|termination)\b.{0,80}\bwithout (?:good )?cause\b.{0,200}\b(?:pay|payment|receive|entitled)\b"
            # "terminates your employment without Cause" (not "terminates this Agreement": a commercial contract)
            r"|\bterminates? (?:your|his|her|(?:the )?(?:executive|employee)'s) employment\b.{0,40}\bwithout (?:good )?cause\b.{0,200}"
            r"\b(?:pay|payment|receive|entitled)\b",
            0.55,
        ),
        _p(r"\b(?:lump[- ]sum|salary continuation|continuation of (?:your |his |her )?(?:base )?salary)\b", 0.45),
        _p(r"\bCOBRA\b", 0.55),
        _p(r"\brelease of claims\b|\bgeneral release\b", 0.35),
        _p(r"\bresigns? for good reason\b.{0,120}\b(?:entitled|receive|pay)", 0.5),
        _p(r"\bterminated\b.{0,40}\bother than for cause\b", 0.4),
    ],
    "Cause / Good Reason Definition": [
        _p(r"[\"“](?:Good )?(?:Cause|Reason)[\"”]\s*(?:shall )?(?:means?|includes?|shall mean)", 0.85),
        _p(
            r"\b(?:good reason|for cause|cause)\b[\"”]?,? (?:which )?(?:means?|shall mean|shall include|includes)\b",
            0.65,
        ),
        # "deemed to have resigned for "Good Reason" if ...", "Good Reason shall exist if ...": the conditions follow
        _p(
            r"\b(?:resign(?:s|ed|ation)?|terminat(?:e|es|ed|ion)(?: (?:of )?(?:your|his|her|the) employment)?) for [\"“]?good reason[\"”]?,? if\b"
            r"|\bgood reason[\"”]? (?:shall |will )?(?:exists?|occurs?|arises?) (?:if|upon|when|in the event)\b",
            0.6,
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
            r"\b(?:is|are|shall be) (?:expressly )?(?:subject to|(?:conditioned|conditional|contingent) (?:up)?on)\b.{0,80}"
            r"\b(?:satisfaction|fulfillment|following conditions|completion|receipt|absence)\b",
            0.7,
        ),
        _p(r"\bcontingent upon\b", 0.45),
        _p(r"\bshall not be obligated to\b.{0,80}\buntil\b", 0.6),
        _p(r"\bas a condition to\b", 0.55),
        _p(r"\bsubject to the satisfaction\b", 0.6),
        # "subject only to the following conditions: (a) ...", not "subject to the terms and conditions"
        _p(r"\bsubject\s+(?:only\s+)?to\s+the\s+(?:(?:following|foregoing|additional)\s+)?conditions\b", 0.7),
        _p(r"\b(?:following|additional)\s+conditions\s*:", 0.6),
        # "the Investor's obligation to purchase ... is conditioned upon", "our commitment is subject to the
        # negotiation of ...", not "obligations ... are subject to the terms of this Agreement"
        _p(
            r"\b(?:obligations?|commitment)\b.{0,100}\b(?:is|are|shall be|will be) (?:expressly )?(?:(?:conditioned|conditional|contingent) (?:up)?on"
            r"|subject to (?:the )?(?:conditions?|negotiation|execution|satisfaction|fulfil\w*|receipt|completion|accuracy|approval|absence|delivery|closing)\b)",
            0.6,
        ),
        # "subject to there being no ...", "subject to the Company having obtained ..."
        _p(
            r"\bsubject to (?:there being\b|.{0,40}\bhaving (?:obtained|received|delivered|executed|satisfied|been)\b)",
            0.6,
        ),
        _p(
            r"\b(?:prior to|before) (?:the )?(?:initial |first )?(?:funding|closing|disbursement|advance)\b.{0,80}"
            r"\bshall have (?:been )?(?:delivered|received|executed|obtained|satisfied)\b",
            0.6,
        ),
        # "no advance shall be made unless ...", "the Closing shall not occur unless ..."
        _p(
            r"\b(?:no (?:advance|loan|disbursement|borrowing|funding)s? (?:shall|will|may) be made"
            r"|(?:closing|funding|disbursement|advance|loan)s?\b.{0,40}\b(?:shall|will) not (?:occur|be made))\b.{0,40}\bunless\b",
            0.6,
        ),
    ],
    "Offer Acceptance / Expiry": [
        _p(r"\b(?:to accept|if you accept|acceptance of)\b.{0,40}\b(?:this|the) (?:offer|foregoing|terms)", 0.6),
        _p(
            r"\b(?:offer|commitment|proposal|letter)\b.{0,80}\b(?:(?:expire|lapse|terminate)s?|remains? open|be withdrawn"
            r"|no (?:further )?force (?:or|and) effect)\b.{0,80}\b(?:unless|if not|until|by|on|within)\b",
            0.7,
        ),
        _p(r"\b(?:sign|signing|execut\w+|countersign\w*)\b.{0,80}\b(?:return(?:ing)?|below|space provided)\b", 0.45),
        _p(r"\b(?:indicate|confirm|acknowledge|evidence) your (?:acceptance|agreement)\b", 0.7),
        _p(
            r"\bunless accepted\b|\bif not accepted\b|\b(?:offer|commitment|letter|proposal)\b.{0,60}\bis not accepted\b"
            r"|\bnot been received\b.{0,40}\bby\b",
            0.6,
        ),
    ],
    "Representations And Warranties": [
        _p(r"\brepresents? and warrants?\b|\brepresentations and warranties\b", 0.8),
        _p(r"\b(?:hereby )?(?:represents?|warrants?)\b(?: to [\w ,]{1,40})? that\b", 0.7),
        _p(r"\bduly organized, validly existing\b", 0.5),
        _p(r"\baccredited investor\b", 0.3),
        _p(r"\bso represents\b", 0.6),
        # the investment representation: "for its own account ... not with a view to the distribution"
        _p(r"\bnot with a view to(?:ward)? the (?:resale or )?distribution\b", 0.6),
        _p(
            r"\b(?:has|have) had (?:access|the opportunity)\b.{0,100}\b(?:information|ask questions)\b|\binformed investment decision\b",
            0.55,
        ),
        _p(r"\bduly authorized by all (?:necessary|requisite) (?:corporate |partnership |company )?action\b", 0.6),
        _p(r"\bno (?:action|litigation|suit|proceeding|claim)s?\b.{0,60}\bpending\b.{0,60}\bthreatened\b", 0.6),
    ],
    "Registration Rights": [
        _p(r"\bregistration rights?\b", 0.75),
        _p(r"\bregistrable securities\b", 0.65),
        _p(r"\bregistration statement\b", 0.6),
        _p(r"\b(?:piggyback|demand|shelf) registration\b|\beffect a registration\b", 0.7),
        _p(r"\bregister\b.{0,60}\bunder the Securities Act\b", 0.55),
        _p(r"\bexpenses of (?:each|any|such) registration\b", 0.7),
        _p(
            r"\b(?:expenses|costs)\b.{0,60}\bregistration of the (?:shares|securities|common stock|warrant shares)\b",
            0.65,
        ),
    ],
    "Dispute Resolution": [
        _p(r"\barbitrat(?:ion|or|ors|ed)\b", 0.7),
        _p(r"\bmediation\b|\bmediator\b", 0.6),
        _p(
            r"\b(?:exclusive |non-exclusive )?jurisdiction of the\b.{0,80}\bcourts?\b|\bsubmits? to the\b.{0,40}\bjurisdiction\b",
            0.65,
        ),
        _p(r"\bwaives?\b.{0,40}\bjury trial\b|\btrial by jury\b", 0.7),
        _p(r"\bcourts?\b.{0,80}\b(?:shall|will) have (?:exclusive |sole )?jurisdiction\b", 0.65),
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
        _p(r"\bguarantee (?:of )?(?:continued )?employment\b", 0.4),
    ],
}

CATEGORIES: tuple[str, ...] = tuple(RULES)

# Words at least one of which every pattern of the category needs: a document is scanned once per
# category for these, and only sentences holding one are tried against the full patterns.
ANCHORS: dict[str, re.Pattern[str]] = {
    cat: re.compile(p.lower())
    for cat, p in {
        "Compensation": r"salary|bonus|retainer|paid a fee|compensation for|payroll|withholding|per (?:year|annum|month|hour)|wage|rate of pay|pay rate",
        "Equity Grant": r"grant|option to purchase|stock option|stock plan|equity|exercise price|option plan",
        "Vesting": r"vest|exercisable",
        "Acceleration": r"accelerat|vest|trigger",
        "Severance": r"severance|without (?:good )?cause|lump|salary continuation|continuation of|COBRA|release|good reason|other than for cause",
        "Cause / Good Reason Definition": r"\bcause\b|good reason|felony|crime|misconduct|negligence|turpitude|embezzlement|neglect|reduction|diminution",
        "Conditions Precedent": r"condition|contingent|obligated|satisf|fulfil|completion|receipt|absence|is subject to|are subject to|be subject to|shall not occur|will not occur|not be made|shall have delivered|shall have received|shall have been|shall have executed|shall have obtained|be made unless",
        "Offer Acceptance / Expiry": r"accept|\boffer|commitment|proposal|letter|return|below|space provided|indicate your|confirm your|acknowledge your|evidence your|not been received",
        "Representations And Warranties": r"represent|warrant|duly organized|accredited investor|with a view to|has had access|have had access|has had the opportunity|have had the opportunity|informed investment|duly authorized|threatened",
        "Registration Rights": r"regist",
        "Dispute Resolution": r"arbitrat|mediat|jurisdiction|jury|dispute|controversy",
        "Confidentiality": r"confiden|proprietary|disclos|trade secret|destroy",
        "At-Will Employment": r"at[- ]will|at the will|at any time|any reason|definite (?:period|term)|specific (?:period|term)|guarantee",
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


# Each category's patterns with what their matches need: a pattern is tried on a sentence only when the
# sentence holds one of those strings (``str.find`` is much faster than the pattern's search).
_CHECKS: dict[str, list[tuple[re.Pattern[str], float, tuple[str, ...]]]] = {
    cat: [(pat, w, needs(pat.pattern)) for pat, w in pats] for cat, pats in RULES.items()
}


def _score(low: str, s: int, e: int, cat: str) -> float:
    """The noisy-OR score of category ``cat`` for ``low[s:e]`` (the patterns search ``low`` between
    ``s`` and ``e``, so that ``\\b`` and lookbehinds see the characters before ``s``)."""
    miss = 1.0
    for pat, w, wanted in _SEARCHES[cat]:
        for need in wanted:
            if low.find(need, s, e) >= 0:
                if pat.search(low, s, e):
                    miss *= 1.0 - w
                break
    return 1.0 - miss


# Every category's anchor words in one pattern, longest first, so that a document is scanned once; each
# string it matches is then tried against the categories' own anchors (see ``_anchor_categories``).
_ALL_ANCHORS = re.compile(one_pattern([w for a in ANCHORS.values() for w in top_alternatives(a.pattern)]))
# the engine would try it at nearly every letter (its alternatives open with 19): it is tried where a head opens
_ANCHOR_SCAN = HeadScan(_ALL_ANCHORS)

# the patterns as searched: opening on a literal the engine skips ahead to (see ``searcher``)
_SEARCHES: dict[str, list[tuple[re.Pattern[str], float, tuple[str, ...]]]] = {
    cat: [(searcher(pat), w, wanted) for pat, w, wanted in checks] for cat, checks in _CHECKS.items()
}


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
    for m in _ANCHOR_SCAN.matches(low):
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
