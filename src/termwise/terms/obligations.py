"""Builder for non-monetary obligations: "The Company will promptly notify the
Purchaser of ...", "You must execute a Confidentiality Agreement ...".

Payments, vesting and deadlines have their own builders; this one keeps the rest of
what a party must do, with who, for whom and by when where the sentence says so.
"""

from __future__ import annotations

import re

from termwise.terms.model import Obligation, PartyRef, When
from termwise.terms.text import DURATION_RE, Flat, find_dates, first_duration

MAX_OBLIGATIONS = 80

_SKIP_VERBS = {
    "be",
    "have",
    "pay",
    "vest",
    "bear",
    "mature",
    "expire",
    "constitute",
    "survive",
    "remain",
    "continue",
    "receive",
    "report",
    "serve",
    "devote",
    "perform",
    "terminate",
    "also",
    "only",
    "in",
    "at",
    "then",
    "thereafter",
    "include",
    "mean",
    "means",
    "apply",
    "govern",
    "take",
    "become",
    "need",
    "earn",
    "accrue",
}
_MODAL = re.compile(
    r"\b(?P<who>[a-z][\w'.&-]*(?: [a-z][\w'.&-]*){0,3}?) (?:shall|will|must|agrees? to|undertakes? to)"
    r" (?:promptly |immediately |use (?:its|his|her|their) (?:commercially )?reasonable efforts to )?"
    r"(?P<verb>not [a-z]+|[a-z]+)\b"
)


def _who(phrase: str, parties: list[PartyRef]) -> str | None:
    p = phrase.lower().strip()
    p = re.sub(r"^(?:and|or|that|then|each|if|which|further,?) ", "", p)
    p = re.sub(r"^the ", "", p)
    if p in ("you", "i", "we"):
        for party in parties:
            if p in (a.lower() for a in party.aliases):
                return party.name
        return None
    for party in parties:
        if p == party.name.lower() or p in (a.lower() for a in party.aliases) or (party.role or "") == p:
            return party.name
    return None


def build_obligations(sents: list[Flat], parties: list[PartyRef]) -> list[Obligation]:
    out: list[Obligation] = []
    for f in sents:
        if len(out) >= MAX_OBLIGATIONS:
            break
        if re.search(r"\b(?:pay|payment|vest|salary|interest|lend|purchase price)\b|\$\s?\d", f.s):
            continue
        for m in _MODAL.finditer(f.s):
            verb = m.group("verb")
            if verb in _SKIP_VERBS or (verb.startswith("not ") and verb[4:] in _SKIP_VERBS):
                continue
            who = _who(m.group("who").split(" ")[-1] if " " in m.group("who") else m.group("who"), parties) or _who(
                m.group("who"), parties
            )
            if who is None:
                continue
            end = _clause_end(f.s, m.end())
            action = f.raw[m.start("verb") : end].strip(" ,;:")
            beneficiary = None
            bm = re.search(
                r"\b(?:to|for|notify|inform|deliver to|provide to|reimburse) (?:the )?([a-z][\w]*)\b",
                f.s[m.start("verb") : end],
            )
            if bm:
                beneficiary = _who(bm.group(1), parties)
                if beneficiary == who:
                    beneficiary = None
            out.append(
                Obligation(
                    id=f"obligation-{len(out) + 1}",
                    obligor=who,
                    action=action,
                    beneficiary=beneficiary,
                    due=_due(f, m.end(), end),
                    evidence=(f.span(m.start(), end), f.evidence()),
                )
            )
            break
    return out


def _clause_end(s: str, start: int) -> int:
    m = re.search(r"[;.]|, (?:and|but|provided|except) ", s[start:])
    return start + m.start() if m else len(s)


def _due(f: Flat, start: int, end: int) -> When | None:
    seg = f.s[start:end]
    m = re.search(
        rf"(?:within|no later than|not later than|for a period of) (?P<d>{DURATION_RE.pattern}) (?:after|following|of) "
        r"(?P<a>your employment begins|the closing(?: date)?|the effective date|the date (?:hereof|of this \w+))",
        seg,
    )
    if m:
        d = first_duration(m.group("d"))
        a = m.group("a")
        anchor = "start_date" if "employment" in a else "closing_date" if "closing" in a else "agreement_date"
        if d:
            return When(anchor=anchor, offset=d[1], business_days=d[2], text=f.raw[start + m.start() : start + m.end()])
    for dm, day in find_dates(seg):
        if re.search(
            r"(?:by|before|no later than|on or before|prior to)\s*$", seg[max(0, dm.start() - 20) : dm.start()]
        ):
            return When(date=day, text=f.raw[start + dm.start() : start + dm.end()])
    return None
