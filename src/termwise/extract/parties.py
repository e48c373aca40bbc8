"""Parties: who the agreement is between, with their aliases, roles and kind.

Candidates come from, in order of trust:

1. the preamble: "... by and between X, a Delaware corporation (the "Company"), and
   Y ("Executive")", "among A, B and C", "BETWEEN: (1) X ...; and (2) Y ...";
2. any "Name (the "Alias")" in the opening of the document ("This letter sets forth
   the agreement of Ridgeway Investment Limited (the "Purchaser") and ..."), or
   "Name, hereinafter referred to as the "Alias"" without the parenthesis;
3. labelled lines ("Party A: Beijing Baidu ...", "Party B (Carrier): ...", "Licensor: ...");
4. a letter's letterhead (the sender) and address block (the recipient);
5. signature blocks ("VALENCE TECHNOLOGY, INC." above "By: ..."; "For and on behalf of
   Rostelecom"; one-line blocks "SCULPTOR CAPITAL LP By: /s/ ..."), their run-on party
   lines cut to the entity ("GLOBAL TECHNOLOGIES, LTD TIMOTHY CABRERA" -> the company).

Sources 3-5 live in ``_party_sources``; this module holds the preamble sources, merging and roles.

Then candidates naming the same party are merged (aliases united), and each party
gets a role from its aliases ("Purchaser" -> purchaser) or, for letters, from what the
letter is (an offer of employment: employer and employee; a commitment to lend:
lender and borrower).
"""

from __future__ import annotations

import re
from functools import cache

from termwise.extract._names import (
    ALIAS_PAREN,
    CLAUSE_BREAK,
    GENERIC_ALIASES,
    HEREINAFTER,
    ORG_SUFFIX,
    ORG_WORDS,
    aliases_in,
    collapse,
    name_ending,
)
from termwise.extract._party_sources import (
    ADDRESSY,
    Cand,
    from_behalf_lines,
    from_inline_signatures,
    from_labels,
    from_letter,
    from_signatures,
    name_at,
)
from termwise.extract.governing_law import JURISDICTION
from termwise.model import Document, Party, Span

_HEAD = 8000

ROLE_WORDS = {
    "company": "company",
    "employer": "employer",
    "employee": "employee",
    "executive": "employee",
    "officer": "employee",
    "purchaser": "purchaser",
    "purchasers": "purchaser",
    "buyer": "buyer",
    "seller": "seller",
    "sellers": "seller",
    "vendor": "seller",
    "lender": "lender",
    "lenders": "lender",
    "borrower": "borrower",
    "licensor": "licensor",
    "licensee": "licensee",
    "sublicensee": "licensee",
    "distributor": "distributor",
    "supplier": "supplier",
    "manufacturer": "manufacturer",
    "consultant": "consultant",
    "contractor": "contractor",
    "customer": "customer",
    "client": "customer",
    "agent": "agent",
    "investor": "investor",
    "investors": "investor",
    "franchisor": "franchisor",
    "franchisee": "franchisee",
    "landlord": "landlord",
    "tenant": "tenant",
    "lessor": "lessor",
    "lessee": "lessee",
    "provider": "provider",
    "reseller": "reseller",
    "trustee": "trustee",
    "guarantor": "guarantor",
    "issuer": "company",
    "underwriter": "underwriter",
    "sponsor": "sponsor",
    "developer": "developer",
    "publisher": "publisher",
    "owner": "owner",
    "operator": "operator",
    "manager": "manager",
    "adviser": "adviser",
    "advisor": "adviser",
    "representative": "representative",
    "recipient": "recipient",
    "servicer": "servicer",
    "holder": "holder",
    "shareholder": "shareholder",
    "stockholder": "stockholder",
    "parent": "parent",
    "bank": "bank",
    "partner": "partner",
    "member": "member",
    "talent": "talent",
    "celebrity": "talent",
    "endorser": "talent",
    "marketer": "marketer",
    "collaborator": "collaborator",
    "host": "host",
    "co-host": "host",
    "transporter": "transporter",
    "shipper": "shipper",
    "charterer": "charterer",
    "individual": "individual",
    "subscriber": "subscriber",
    "administrator": "administrator",
    "sub-adviser": "adviser",
    "maker": "borrower",
    "assignor": "assignor",
    "assignee": "assignee",
    "grantor": "grantor",
    "grantee": "grantee",
    "secured party": "lender",
    "agency": "agent",
    "sales agent": "agent",
    "placement agent": "agent",
    "debtor": "borrower",
    "payee": "lender",
    "pledgor": "pledgor",
}

_PREAMBLE = re.compile(
    r"(?<![\w])(?:(?:by\s+and\s+)?(?:between|among|amongst)(?![\w])\s*:?|parties\s*:?[ \t]*\n(?=\s*\(\s*1\s*\)))", re.I
)
_LEAD = re.compile(
    r"[\s,;:]*(?:(?:and|&|AND|And)\b[\s:]*)?(?:\(\s*(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\s*\)|\d{1,2}\.(?!\d)|[a-z]\))?\s*"
    r"(?:(?:the\s+)?undersigned\s*,?\s*)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
)
_DESCRIPTOR = re.compile(r"(?:,\s*|\s+)(?:an?|the|its|having|with|whose|located|organi[sz]ed|incorporated|of)\s")
_JURISDICTION_ONLY = re.compile(
    r"\s*(?:Wales|Northern\s+Ireland|Scotland|Tobago|Herzegovina|Nevis|Caicos|Futuna|Principe"
    r"|(?:the\s+)?(?:State|Commonwealth|Province|Republic|People)\b)"
)
_COMMA_NAME = re.compile(r"(?<=[)\w.]),[ \t]*(?:\n[ \t]*)?(?=[A-Z])")
_ZIP_END = re.compile(r"\b\d{5}(?:-\d{4})?$|\b[A-Z]\d[A-Z]\s*\d[A-Z0-9][A-Za-z0-9]$")
_ABBREV_END = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|No|St|Ave|Blvd|Mr|Ms|Mrs|Dr|Jr|Sr|Ste|U\.S|N\.A|S\.A|L\.P|LLC)|\b[A-Z])$"
)


def find_parties(doc: Document) -> list[Party]:
    """The parties of ``doc``, in the order the document introduces them."""
    text = doc.clean
    cands: list[Cand] = []
    cands += _from_preamble(text)
    cands += _from_alias_parens(text)
    cands += _from_hereinafter(text)
    cands += from_labels(text)
    letter = from_letter(doc)
    cands += letter
    cands += from_signatures(doc)
    cands += from_behalf_lines(text)
    cands += from_inline_signatures(text)
    parties = _merge(doc, cands)
    return _assign_roles(doc, parties, is_letter=bool(letter))


# ---------------------------------------------------------------------------------------------
# Candidate generators


_AGREEMENT_WORD = re.compile(
    r"(?i:agreement|amendment|contract|letter|lease|licen[cs]e|made|entered|dated|executed|"
    r"effective|plan|note|memorandum|indenture|deed|guarant)"
)


def _from_preamble(text: str) -> list[Cand]:
    head = text[:_HEAD]
    out: list[Cand] = []
    for pm in _PREAMBLE.finditer(head):
        before = head[max(0, pm.start() - 600) : pm.start()]
        if not _AGREEMENT_WORD.search(before) and not pm.group(0).lower().startswith("parties"):
            continue
        found = _parse_party_list(text, pm.end())
        if found:
            out.extend(found)
            if len(found) >= 2:
                break
    return out


_NEXT_PARTY_LEAD = re.compile(r"\s*(?:(?:and|AND|And)\b\s*)?(?:\(\s*\d{1,2}\s*\)|\d{1,2}\.(?!\d))?\s*")
_NEXT_PARTY = re.compile(r"\s*(?:and|AND|And)\b|\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\.(?!\d))")


def _parse_party_list(text: str, pos: int) -> list[Cand]:
    out: list[Cand] = []
    limit = min(len(text), pos + 4000)
    for _ in range(12):
        lead = _LEAD.match(text, pos)
        p = lead.end() if lead else pos
        got = name_at(text, p, loose=True)
        if got is None:
            break
        name, s, e = got
        tail_end, sep = _tail(text, e, limit)
        # "X ("X"), Y L.P., Z Fund L.P. and W (collectively, ...)": a comma before a company name also separates
        comma = _COMMA_NAME.search(text, e, tail_end)
        while comma is not None:
            following = name_at(text, comma.end())
            if following is not None and ORG_SUFFIX.search(following[0]) and not ADDRESSY.search(following[0]):
                tail_end, sep = comma.start(), "and"
                break
            comma = _COMMA_NAME.search(text, comma.end(), tail_end)
        cand = Cand(name=name, start=s, end=e, source=0)
        cand.aliases = _aliases_between(text, e, tail_end)
        out.append(cand)
        pos = tail_end
        if sep == "stop":
            # a list set out in paragraphs: "(1) X ...;\n\n(2) Y ..." or "X ...\n\nAND\n\nY ..."
            nxt = _NEXT_PARTY_LEAD.match(text[pos : pos + 200])
            if not nxt or not _NEXT_PARTY.match(text[pos : pos + 200]):
                break
    return out


_TAIL_TOKEN = re.compile(r"[()]|\n[ \t]*\n|;|(?<![\w])(?:and|AND|And|&)(?=\s)|\.(?=\s)|:(?=\s)")
_NAME_AHEAD = re.compile(
    r"[\s:]*(?:\(\s*\d{1,2}\s*\)\s*|\d{1,2}\.\s+)?(?:the\s+undersigned\s*,?\s*)?(?:[A-Z0-9\[]|[a-z][\w.\-]*[\d.][\w.\-]*)"
)
_STATE_AHEAD = re.compile(r"\s*(?:the\s+)?(?:State|Commonwealth|Province|Republic|People)\b")


def _tail(text: str, pos: int, limit: int) -> tuple[int, str]:
    """Where the description after a party's name ends: at the next "and"/";" (another party follows) or at the end
    of the sentence or paragraph ("stop")."""
    depth = 0
    for m in _TAIL_TOKEN.finditer(text[pos:limit]):
        tok = m.group(0)
        at = pos + m.start()
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif tok in ("and", "AND", "And", "&"):
            rest = text[at + len(tok) : at + len(tok) + 80]
            if _JURISDICTION_ONLY.match(rest):
                continue  # "a company incorporated in England and Wales whose ..."
            if _NAME_AHEAD.match(rest) and not _STATE_AHEAD.match(rest):
                return at, "and"
        elif tok == ";":
            return at + 1, "and"
        elif tok == ".":
            if _ABBREV_END.search(text[max(pos, at - 6) : at]):
                continue
            return at, "stop"
        elif tok == ":":
            return at, "stop"
        else:  # blank line
            return at, "stop"
    return limit, "stop"


_GROUP_REMARK = re.compile(r"(?i:\b(?:collectively|together|each\s+a|individually|jointly)\b)")
_GROUP_REMARK_CUT = re.compile(r"(?i:\b(?:and\s+)?(?:collectively|together|each\s+a|individually|jointly)\b)")
_PARTY_WORD = re.compile(r"(?i:part(?:y|ies))")


def _aliases_between(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for m in ALIAS_PAREN.finditer(text, start, end):
        body = m.group("body")
        if _GROUP_REMARK.search(body) and _PARTY_WORD.search(body):
            # ("Licensee" and together with Licensor, the "Parties"): keep names before the group remark
            cut = _GROUP_REMARK_CUT.search(body)
            body = body[: cut.start()] if cut else ""
        for a, s, e in aliases_in(body):
            out.append((a, m.start("body") + s, m.start("body") + e))
    for m in HEREINAFTER.finditer(text, start, end):
        raw = m.group("alias")
        a = raw.strip('"“”').strip()
        s = m.start("alias") + raw.find(a)
        if a and not any(s == x[1] for x in out) and a.lower() not in {"party", "parties", "agreement"}:
            out.append((a, s, s + len(a)))
    out.sort(key=lambda t: t[1])
    return out


def _from_alias_parens(text: str) -> list[Cand]:
    """``Name (the "Alias")`` or ``Name, a Delaware corporation ("Alias")`` in the opening of the document."""
    out: list[Cand] = []
    head_end = min(len(text), _HEAD)
    for m in ALIAS_PAREN.finditer(text, 0, head_end):
        aliases = [(a, m.start("body") + s, m.start("body") + e) for a, s, e in aliases_in(m.group("body"))]
        if not aliases:
            continue
        window_start = max(0, m.start() - 300)
        window = text[window_start : m.start()]
        # the name after the last boundary ("), and IREYA B.V having an address at ..., represented by ... ("),
        # else the name right before the parenthetical, or before a description ", a Delaware corporation"
        got = _name_after_boundary(text, window_start, m.start())
        if got is not None and not _entity_like(got[0], [a for a, _, _ in aliases]):
            got = None
        if got is None:
            got = _name_ending(window, window_start)
        if got is None:
            # "Name, a Delaware corporation with offices at ... (": cut at the last descriptor start
            cuts = [d.start() for d in _DESCRIPTOR.finditer(window)]
            for c in reversed(cuts):
                if not CLAUSE_BREAK.search(window[c:]):
                    got = _name_ending(window[:c], window_start)
                    if got is not None:
                        break
        if got is None:
            continue
        name, s, e = got
        if not _entity_like(name, [a for a, _, _ in aliases]) or _ZIP_END.search(name) or JURISDICTION.fullmatch(name):
            continue
        out.append(Cand(name=name, start=s, end=e, aliases=aliases, source=1))
    return out


def _from_hereinafter(text: str) -> list[Cand]:
    """``JSC Karakudukmunay, hereinafter referred to as the "Principal"``: a name given without a parenthetical."""
    out: list[Cand] = []
    for m in HEREINAFTER.finditer(text, 0, min(len(text), _HEAD)):
        before = text[max(0, m.start() - 300) : m.start()]
        if not before.rstrip().endswith(",") or before.rfind("(") > before.rfind(")"):
            continue  # inside a parenthetical: the alias-parenthesis source reads it
        raw = m.group("alias")
        alias = raw.strip('"“”').strip()
        if not alias or alias.lower() in GENERIC_ALIASES:
            continue
        a_s = m.start("alias") + raw.find(alias)
        window_start = m.start() - len(before)
        got = _name_ending(before.rstrip().rstrip(","), window_start)
        if got is None:
            continue
        name, s, e = got
        if not _entity_like(name, [alias]) or _ZIP_END.search(name) or JURISDICTION.fullmatch(name):
            continue
        out.append(Cand(name=name, start=s, end=e, aliases=[(alias, a_s, a_s + len(alias))], source=1))
    return out


_BOUNDARY = re.compile(r"\)|;|(?<![\w])(?:and|AND|And|between|among|BETWEEN|AMONG)(?![\w])|\.(?=\s+[A-Z])")


_NAME_GAP_BREAK = re.compile(r"[\"“”]|\n[ \t]*\n|\.\s+[A-Z]")
_DIGIT = re.compile(r"\d")


def _name_after_boundary(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    bounds = [b.end() for b in _BOUNDARY.finditer(text, start, end)]
    for b in reversed(bounds):
        if b < end and text[b - 1] == "." and _ABBREV_END.search(text[max(start, b - 7) : b - 1]):
            continue
        lead = _LEAD.match(text, b, end)
        p = lead.end() if lead else b
        got = name_at(text, p, end, loose=True)
        if got is None or JURISDICTION.fullmatch(got[0]):
            continue
        between = text[got[2] : end]
        if _NAME_GAP_BREAK.search(between) or "\n" in got[0] and _DIGIT.search(got[0]):
            continue
        return got
    return None


_UNDERSIGNED = re.compile(r"^(?:The\s+)?(?:undersigned\s+)?")
_AND_SPLIT = re.compile(r"\s+(?:and|AND)\s+")


def _name_ending(window: str, offset: int) -> tuple[str, int, int] | None:
    m = name_ending(window)
    if m is None:
        return None
    s, e = m.start(), m.end()
    name = window[s:e]
    # drop lead words that are not part of a name ("This letter sets forth the agreement of ...")
    name = _UNDERSIGNED.sub("", name) if name.startswith("The undersigned") else name
    if not name or len(name) < 2:
        return None
    # if "and" joins two names, keep the last ("Ridgeway ... and Valence Technology, Inc.")
    parts = _AND_SPLIT.split(name)
    if len(parts) > 1 and ORG_SUFFIX.search(parts[-2][-14:]):
        last = parts[-1]
        s = s + name.rfind(last)
        name = last
    return name, offset + s, offset + s + len(name)


_WORD_SPLIT = re.compile(r"[\s,]+")


def _entity_like(name: str, aliases: list[str]) -> bool:
    if ORG_SUFFIX.search(name) or ORG_WORDS.search(name):
        return True
    if any(a.lower() in ROLE_WORDS for a in aliases):
        return True
    words = [w for w in _WORD_SPLIT.split(name) if w]
    for a in aliases:
        al = a.lower()
        if any(w.lower().startswith(al[:4]) for w in words if len(al) >= 3):
            return True
        initials = "".join(w[0] for w in words if w[0].isalpha()).lower()
        if len(al) >= 2 and al == initials:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Merging and roles


_KEY_DROP = re.compile(r"\b(?:the|inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|plc|lp|l\.p)\b")
_KEY_PUNCT = re.compile(r"[^a-z0-9]+")


def _key(s: str) -> str:
    s = s.lower().replace("&", " and ")
    s = _KEY_DROP.sub(" ", s)
    return _KEY_PUNCT.sub("", s)


def _merge(doc: Document, cands: list[Cand]) -> list[Party]:
    text = doc.text
    merged: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.source, c.start)):
        k = _key(c.name)
        if not k:
            continue
        alias_keys = {_key(a) for a, _, _ in c.aliases}
        target = None
        for m in merged:
            mk = _key(m.name)
            m_alias = {_key(a) for a, _, _ in m.aliases}
            both_preamble = c.source == 0 and m.source == 0
            if (
                k == mk
                or (c.source >= 3 and m.source >= 3 and c.start < m.end and m.start < c.end)  # the same words
                or (not both_preamble and (k in m_alias or mk in alias_keys))
                or (alias_keys & m_alias - {""} and c.source >= 3)
            ):
                target = m
                break
        if target is None:
            # a later mention of an alias only ("SRP" in a signature) is not a new party
            if c.source >= 2 and any(k in {_key(a) for a, _, _ in m.aliases} for m in merged):
                continue
            merged.append(
                Cand(name=c.name, start=c.start, end=c.end, aliases=list(c.aliases), source=c.source, role=c.role)
            )
            continue
        have = {a for a, _, _ in target.aliases}
        for a in c.aliases:
            if a[0] not in have and _key(a[0]) != _key(target.name):
                target.aliases.append(a)
                have.add(a[0])
        if target.role is None:
            target.role = c.role
    merged.sort(key=lambda c: (c.source > 2, c.start))
    out: list[Party] = []
    for c in merged:
        name = collapse(c.name)
        kind = "organization" if (ORG_SUFFIX.search(name) or ORG_WORDS.search(name)) else _person_or_org(name)
        aliases = tuple(a for a, _, _ in c.aliases)
        spans = tuple(Span(start=s, end=e) for _, s, e in c.aliases)
        assert all(text[s.start : s.end] == a for a, s in zip(aliases, spans, strict=True))
        out.append(
            Party(name=name, start=c.start, end=c.end, aliases=aliases, alias_spans=spans, role=c.role, kind=kind)
        )
    # Party.name is collapsed; the span still covers the name as written
    return out


def _person_or_org(name: str) -> str:
    words = name.replace(",", " ").split()
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and not any(c.isdigit() for c in name):
        return "person"
    return "organization"


def _role_of(aliases: tuple[str, ...]) -> str | None:
    for a in aliases:
        r = ROLE_WORDS.get(a.lower().strip())
        if r:
            return r
    return None


_EMPLOYMENT = re.compile(
    r"offer (?:you )?(?:a |the )?(?:position|employment)|your employment|employment agreement|\bsalary\b"
)
_LENDING = re.compile(r"\bloan\b|\bfinancing\b|\bcredit\b|\blend")


def _assign_roles(doc: Document, parties: list[Party], *, is_letter: bool) -> list[Party]:
    from dataclasses import replace

    text = doc.clean[:_HEAD].lower()
    roles = [_role_of(p.aliases) for p in parties]

    # looked for only when a party needs them: each pattern tries a match at nearly every place
    @cache
    def employment() -> bool:
        return bool(_EMPLOYMENT.search(text))

    @cache
    def lending() -> bool:
        return bool(_LENDING.search(text))

    others = set(r for r in roles if r)
    out: list[Party] = []
    for p, r in zip(parties, roles, strict=True):
        if r == "company" and ("employee" in others or (is_letter and employment())):
            r = "employer"
        elif r == "company" and others & {"purchaser", "investor", "subscriber", "holder", "underwriter", "agent"}:
            r = "company"
        if r is None and p.role in ("sender", "recipient"):
            if employment():
                r = "employer" if (p.role == "sender" or p.kind == "organization") else "employee"
            elif lending():
                r = "lender" if p.role == "sender" else "borrower"
        out.append(replace(p, role=r))
    return out
