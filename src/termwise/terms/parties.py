"""Who the agreement is between, and in which roles; the agreement's own date; its kind.

Uses the extraction's parties when the parties extractor found them, and its own
patterns otherwise (``Name (the "Alias")``, the letter's addressee and signer).
"""

from __future__ import annotations

import datetime as dt
import re

from termwise.model import Document, Extraction
from termwise.terms.model import PartyRef
from termwise.terms.text import find_dates, flatten

_ORG = (
    r"(?P<name>(?:[A-Z][\w&'.\-]*,?\s+){0,6}?(?:[A-Z][\w&'.\-]*\s+)?"
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|LLC|L\.L\.C\.|Ltd\.?|Limited|N\.A\.|Company|Co\.|LP|L\.P\.|plc|PLC|"
    r"Bank|Trust|Partners|Fund|Holdings))"
)
_ALIAS = re.compile(
    _ORG + r"\s*(?:,\s*(?:an?|the)\s+[^()\"“]{0,80}?)?\s*\(\s*(?:the\s+|"
    r"each,?\s+a\s+)?[\"“](?P<alias>[^\"”]{2,40})[\"”]\s*\)"
)
_PERSON_ALIAS = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][\w\-']+){1,2})\s*(?:,\s*an individual\s*)?\(\s*(?:the\s+)?"
    r"[\"“](?P<alias>Executive|Employee|Holder|Participant|Optionee|Grantee|Investor|Lender|Purchaser|Buyer)[\"”]\s*\)"
)
ROLE_OF_ALIAS = {
    "company": None,
    "employer": "employer",
    "executive": "employee",
    "employee": "employee",
    "purchaser": "purchaser",
    "buyer": "purchaser",
    "seller": "seller",
    "borrower": "borrower",
    "maker": "borrower",
    "lender": "lender",
    "holder": "holder",
    "bank": "lender",
    "investor": "investor",
    "participant": "holder",
    "optionee": "holder",
    "grantee": "holder",
    "issuer": "issuer",
}


def document_kind(doc: Document, ex: Extraction | None) -> str:
    head = doc.clean[:4000].lower()
    whole = doc.clean.lower()
    if "commitment" in head and ("financ" in head or "loan" in head or "fund" in head):
        return "financing commitment"
    if re.search(r"promissory note|loan agreement|credit agreement|agrees to lend|promises? to pay", head):
        return "loan agreement"
    if re.search(r"restricted stock unit|option agreement|award agreement|notice of (?:stock option )?grant", head):
        return "equity award"
    if re.search(
        r"offers? (?:you|of employment)|employment agreement|severance|change (?:of|in) control agreement", whole
    ):
        return "employment agreement" if "agreement" in head[:300] else "employment offer letter"
    if re.search(r"purchase\b.{0,200}shares|stock purchase|subscription", whole, re.S):
        return "stock purchase agreement"
    if ex is not None and ex.doc_type is not None:
        return ex.doc_type.label
    return "agreement"


def agreement_date(doc: Document, ex: Extraction | None) -> tuple[dt.date, tuple[int, int]] | None:
    text = doc.clean
    head_end = min(len(text), 1500)
    flat = flatten(text, 0, head_end)
    for m, d in find_dates(flat.s):
        before = flat.s[max(0, m.start() - 60) : m.start()]
        if m.start() < 600 or re.search(r"(?:dated|made|entered into|effective)(?: as of)?(?: the)?\s*$", before):
            return d, flat.span(m.start(), m.end())
    if ex is not None and ex.date is not None and isinstance(ex.date.value, dt.date):
        return ex.date.value, (ex.date.start, ex.date.end)
    return None


_NAME_LINE = re.compile(r"(?m)^[ \t]*([A-Z][\w.\-']+(?:[ \t]+[A-Z][\w.\-']+){1,4})[ \t]*$")


def addressee(doc: Document) -> tuple[str, tuple[int, int]] | None:
    """The person a letter is addressed to: the first line after the date line."""
    text = doc.clean
    m = re.search(r"(?m)^\s*Dear\s+(?:M[rs]s?\.\s+|Dr\.\s+)?([A-Z][\w\-']+)", text)
    if not m:
        return None
    first = m.group(1)
    for lm in _NAME_LINE.finditer(text, 0, m.start()):
        name = lm.group(1)
        if first in name.split() or name.split()[-1] == first:
            return name, (lm.start(1), lm.end(1))
    return None


def signer(doc: Document) -> tuple[str, tuple[int, int]] | None:
    """The letter's author: the first ``/s/ Name`` after the closing (Sincerely, ...)."""
    text = doc.clean
    close = re.search(r"(?i)\b(?:sincerely|very truly yours|yours truly|best regards|regards),?", text)
    if not close:
        return None
    m = re.search(r"(?i)/s/\s*([A-Za-z][\w.\-' ]+?)\s*(?:\n|\s{3,}|$)", text[close.end() :])
    if not m:
        return None
    s, e = close.end() + m.start(1), close.end() + m.end(1)
    return text[s:e], (s, e)


def find_parties(doc: Document, ex: Extraction | None, kind: str) -> list[PartyRef]:
    parties: list[PartyRef] = []
    seen: set[str] = set()
    text = doc.clean
    alias_ends: set[int] = set()  # one alias parenthesis names one party, whichever pattern saw it first
    for rx in (_ALIAS, _PERSON_ALIAS):
        for m in rx.finditer(text):
            if m.end() in alias_ends:
                continue
            alias_ends.add(m.end())
            name = " ".join(m.group("name").split()).strip(" ,")
            name = re.sub(r"^(?:(?:This|The|By|And|Between|Of|With|To|From|By and between|And)\s+)+", "", name)
            name = re.sub(r"^(?:[A-Z]{2,}\s+)*[A-Z]{2,},\s+(?=[A-Z][a-z])", "", name)  # "FOR VALUE RECEIVED, "
            alias = m.group("alias").strip()
            if name.lower() in seen or len(name) < 3:
                existing = next((p for p in parties if p.name.lower() == name.lower()), None)
                if existing and alias not in existing.aliases:
                    parties[parties.index(existing)] = PartyRef(
                        name=existing.name,
                        role=existing.role or _role(alias, kind),
                        aliases=(*existing.aliases, alias),
                        evidence=existing.evidence,
                    )
                continue
            seen.add(name.lower())
            parties.append(
                PartyRef(
                    name=name,
                    role=_role(alias, kind),
                    aliases=(alias,),
                    evidence=((max(m.start("name"), text.find(name.split()[0], m.start("name"))), m.end()),),
                )
            )
    to = addressee(doc)
    by = signer(doc)
    if kind in ("employment offer letter", "employment agreement", "equity award") and to and to[0].lower() not in seen:
        if not any(p.role in ("employee", "holder") for p in parties):
            role = "holder" if kind == "equity award" else "employee"
            parties.append(PartyRef(name=to[0], role=role, aliases=("you",), evidence=(to[1],)))
            seen.add(to[0].lower())
    author_org = any(p.role in ("employer", "lender", "issuer") for p in parties)
    if (
        by
        and not author_org
        and by[0].lower() not in seen
        and re.search(r"(?m)^\s*(?:I|I am)\b|\bI (?:shall|will|am)\b", text)
    ):
        # a letter written in the first person by an individual
        if not any(by[0].lower() in (a.lower() for a in p.aliases) for p in parties):
            author_role = "investor" if kind == "financing commitment" else None
            parties.append(PartyRef(name=by[0], role=author_role, aliases=("I",), evidence=(by[1],)))
            seen.add(by[0].lower())
    # parties the extraction pipeline found that the patterns above did not
    if ex is not None:
        for p in ex.parties:
            if (
                p.name.lower() in seen
                or not p.name[:1].isalpha()
                or any(p.name.lower() in (a.lower() for a in q.aliases) for q in parties)
            ):
                continue
            ex_role = p.role or next(
                (ROLE_OF_ALIAS.get(a.lower()) for a in p.aliases if ROLE_OF_ALIAS.get(a.lower())), None
            )
            parties.append(PartyRef(name=p.name, role=ex_role, aliases=tuple(p.aliases), evidence=((p.start, p.end),)))
            seen.add(p.name.lower())
    return parties


def _role(alias: str, kind: str) -> str | None:
    key = alias.lower()
    if key == "company":
        if kind.startswith("employment") or kind == "equity award":
            return "employer"
        if kind == "stock purchase agreement":
            return "issuer"
        return "company"
    if key in ROLE_OF_ALIAS:
        return ROLE_OF_ALIAS[key]
    if kind == "financing commitment":
        return "company"
    return None


def resolve(parties: list[PartyRef], *names: str) -> str | None:
    """The party name for the first of ``names`` (an alias, a role or ``you``/``I``)."""
    for n in names:
        key = n.lower()
        for p in parties:
            if p.name.lower() == key or key in (a.lower() for a in p.aliases) or (p.role or "") == key:
                return p.name
    return None
