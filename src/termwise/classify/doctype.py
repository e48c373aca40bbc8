"""What kind of agreement a document is: offer letter, employment agreement, stock purchase,
credit / loan, financing commitment, license, supply, distribution, services, ...

Weighted cues: the document's own title (the top lines and "This ... Agreement" in the opening
text) counts most, then the opening text, then the whole text. ``classify_document`` returns
the labels that have any cue, best first, each with a score in (0, 1).
"""

from __future__ import annotations

import math
import re

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


def _search(p: re.Pattern[str], s: str) -> bool:
    """``p`` matches in ``s`` at a word start (the ``\b`` left out of the compiled pattern)."""
    for m in p.finditer(s):
        i = m.start()
        if i == 0 or not (s[i - 1].isalnum() or s[i - 1] == "_"):
            return True
    return False


_LETTER = re.compile(r"^\s*Dear\s+[A-Z][^\n:,]{0,60}[:,]", re.MULTILINE)
_EMPLOY = re.compile(r"\b(?:employment|salary|position|start date|report to)\b", _I)


def _cue_weights(text: str) -> dict[str, float]:
    low = text.lower()
    title = low[:TITLE_ZONE]
    opening = low[:OPENING_ZONE]
    raw: dict[str, float] = {}
    for label, pats in _COMPILED.items():
        w = 0.0
        for i, p in enumerate(pats):
            first = 1.0 if i == 0 else 0.6
            if _search(p, title):
                w += 3.0 * first
            elif _search(p, opening):
                w += 1.2 * first
            elif _search(p, low):
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
