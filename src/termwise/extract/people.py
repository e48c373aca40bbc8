"""People named in an agreement, with their titles.

Sources, in order of trust: signature blocks (``Name:`` / ``Title:``), the letter's
recipient and sender blocks, a name with a title in apposition (``Stephan Godevais, Chairman
of the Board of Directors, Chief Executive Officer and President of the Company``; ``Mr.
Smith, the Company's Chief Financial Officer``) and ``cc:`` lines. Mentions of one person
are merged (``Jay King`` / ``Jay L. King`` / ``Mr. King``); the span is the first mention of
the fullest form of the name, so ``doc.text[start:end] == name``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termwise.extract.signatures import find_signatures
from termwise.model import Document, Person
from termwise.segment.letterhead import find_letterhead

_TITLE_WORD = (
    r"(?:Senior|Executive|Vice|Chief|President|Chairman|Chairwoman|Chairperson|Chair|Director|Secretary|Treasurer|"
    r"General[ \t]+Counsel|General[ \t]+Partner|General[ \t]+Manager|Managing|Manager|Officer|Founder|Co-Founder|"
    r"Controller|Comptroller|Counsel|Head|Principal|Trustee|CEO|CFO|COO|CTO|CIO|Assistant|Deputy|Lead|Partner)"
)
_NAME = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?[A-Z][a-z][A-Za-z'’-]*"
    r"(?:[ \t]+(?:[A-Z]\.(?:[ \t]?[A-Z]\.)*|[A-Z][a-z][A-Za-z'’-]*"
    r"|van|von|de|der|del|la|le|da|di|du))*[ \t]+[A-Z][a-z][A-Za-z'’-]*(?:,?[ \t]+(?:Jr|Sr|II|III|IV)\.?)?"
    r"|(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+[A-Z][a-z][A-Za-z'’-]*"
)
# ", the Company's Chief Financial Officer": found from the comma (a literal scan), then the
# name is read backwards from it.
_APPOSITIVE = re.compile(
    rf",[ \t\n]+((?:the[ \t\n]+|its[ \t\n]+|our[ \t\n]+|their[ \t\n]+)?"
    rf"(?:[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*)?['’]s[ \t\n]+)?{_TITLE_WORD}\b)"
)
_TITLE_WORD_RE = re.compile(_TITLE_WORD)
_NAME_RE = re.compile(_NAME)
_NAME_BEFORE = re.compile(rf"(?<![\w.])({_NAME})\Z")
_ORG = re.compile(
    r"\b(?:Inc|INC|Incorporated|Corp|CORP|Corporation|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|L\.P|LP|LLP|PLC|plc|AG|"
    r"GmbH|S\.A|N\.V|B\.V|Company|COMPANY|Trust|Bank|Partners|Fund|Holdings|University)\b"
)
_TITLE_TOKEN = re.compile(r"[ \t\n]*(,|&|[A-Za-z][\w'’.-]*)")
_TITLE_GLUE = {"of", "the", "and", "for", "&", "its", "our", "in", "on", "at", "to"}
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\.?[ \t]+")
_CC = re.compile(r"\n[ \t]*(?:cc|Cc|CC|c\.c\.)[ \t]*:[ \t]*([^\n]+)")
_NOT_NAME = {
    "agreement",
    "company",
    "section",
    "article",
    "board",
    "directors",
    "chief",
    "officer",
    "president",
    "executive",
    "inc",
    "corp",
    "llc",
    "ltd",
    "limited",
    "technology",
    "technologies",
    "corporation",
    "group",
    "holdings",
    "bank",
    "trust",
    "fund",
    "partners",
    "university",
    "state",
    "states",
    "united",
    "america",
    "new",
    "york",
    "california",
    "delaware",
    "texas",
    "nevada",
    "street",
    "avenue",
    "road",
    "drive",
    "suite",
    "court",
    "way",
    "dear",
    "re",
    "date",
    "name",
    "title",
    "by",
    "the",
    "this",
    "that",
    "such",
    "each",
    "any",
    "all",
    "good",
    "cause",
    "reason",
    "change",
    "control",
    "exhibit",
    "schedule",
    "notice",
    "notices",
    "attention",
    "party",
    "parties",
    "purchaser",
    "seller",
    "buyer",
    "licensor",
    "licensee",
    "employee",
    "employer",
    "vice",
    "senior",
    "director",
    "secretary",
    "treasurer",
    "chairman",
    "manager",
    "counsel",
    "general",
    "securities",
    "exchange",
    "act",
    "commission",
    "common",
    "stock",
    "plan",
    "plans",
    "benefit",
    "benefits",
    "confidential",
    "information",
    "effective",
    "term",
    "period",
    "services",
    "products",
    "product",
    "operations",
    "business",
    "international",
    "national",
    "global",
    "systems",
    "solutions",
    "pacific",
    "asia",
    "north",
    "south",
    "east",
    "west",
    "city",
    "county",
    "department",
    "office",
    "offices",
    "america's",
    "accepted",
    "agreed",
    "sincerely",
    "yours",
    "truly",
    "very",
    "witness",
    "whereof",
    "company's",
    "capital",
    "management",
    "medical",
    "health",
    "energy",
    "financial",
    "software",
    "network",
    "networks",
    "media",
    "pharmaceuticals",
    "laboratories",
    "first",
    "second",
    "third",
    "federal",
    "internal",
    "revenue",
    "code",
    "law",
    "laws",
    "courts",
}


@dataclass(slots=True)
class _Mention:
    name: str
    start: int
    end: int
    title: str | None
    org: str | None
    rank: int  # lower is more trusted


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _name_ok(name: str) -> bool:
    bare = _HONORIFIC.sub("", name)
    words = _WORD.findall(bare)
    if not words or len(words) > 5:
        return False
    if any(w.lower() in _NOT_NAME for w in words):
        return False
    return sum(1 for w in words if w[0].isupper()) >= 1


def _key(name: str) -> tuple[str, str]:
    bare = _HONORIFIC.sub("", name).replace(".", " ")
    words = [w.lower() for w in bare.split() if len(w) > 1 and w.lower() not in {"jr", "sr", "ii", "iii", "iv"}]
    if not words:
        return ("", "")
    return (words[0] if len(words) > 1 else "", words[-1])


_ABBREVIATION = re.compile(r"[A-Z]\.|Inc\.|Co\.|Corp\.|Ltd\.")  # a dot that does not end a sentence


def _title_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """Span of a title phrase starting at ``pos``: capitalized words, glue words and commas."""
    end = pos
    p = pos
    last_good = pos
    while p < limit:
        m = _TITLE_TOKEN.match(text, p, limit)
        if not m:
            break
        tok = m.group(1)
        if "\n\n" in text[p : m.start(1)]:
            break
        if tok == ",":
            # a comma continues the title only when another title word follows
            nxt = _TITLE_TOKEN.match(text, m.end(), limit)
            if not nxt or not _TITLE_WORD_RE.match(nxt.group(1)):
                break
            p = m.end()
            continue
        word = tok.rstrip(".")
        if tok.endswith(".") and not _ABBREVIATION.fullmatch(tok):
            # a sentence ends here
            if word[:1].isupper() or word.lower() in _TITLE_GLUE:
                last_good = m.start(1) + len(word)
            break
        if word[:1].isupper() or word.lower() in _TITLE_GLUE or tok == "&" or word.endswith(("'s", "’s")):
            p = m.end()
            if word[:1].isupper() or word.endswith(("'s", "’s")):
                last_good = m.end()
            continue
        break
    end = last_good
    return pos, end


_YOU_AS = re.compile(
    r"\b(?:offer(?:ing)?\s+you\s+(?:a|the)\s+position|you\s+(?:shall|will)\s+serve|employ\s+you|hire\s+you)\b"
    r"(?:\s+of\s+(?:the\s+)?|(?:[^.;]|\.(?!\s+[A-Z])){0,160}?\bas\s+(?:its\s+|our\s+|the\s+Company['’]s\s+|the\s+)?)"
    r"(?=[A-Z])"
)


def _offered_title(text: str, pos: int) -> str | None:
    """The position a letter offers its recipient: "offer you a position ... as its President of X"."""
    m = _YOU_AS.search(text, pos, min(len(text), pos + 4000))
    if m is None:
        return None
    ts, te = _title_after(text, m.end(), min(len(text), m.end() + 200))
    title, _org = _split_title(text[ts:te])
    return title if _TITLE_WORD_RE.search(title) else None


_SPACES = re.compile(r"\s+")
_LEAD_DETERMINER = re.compile(r"^(?:the|its|our|their) ")
_POSSESSIVE = re.compile(r"([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)?)['’]s (.+)$")
_TRAILING_GLUE = re.compile(r"(?: (?:and|of|the|for|&))+$")


def _split_title(title: str) -> tuple[str, str | None]:
    t = _SPACES.sub(" ", title).strip(" ,")
    t = _LEAD_DETERMINER.sub("", t)
    org = None
    m = _POSSESSIVE.match(t)
    if m:
        org, t = m.group(1), m.group(2)
    t = _TRAILING_GLUE.sub("", t)
    return t, org


def find_people(doc: Document) -> list[Person]:
    """People named in ``doc``, one entry each, in order of first mention."""
    text = doc.clean.replace("\r", " ") if "\r" in doc.clean else doc.clean  # CRLF: same offsets
    mentions: list[_Mention] = []
    for sig in find_signatures(doc):
        if not sig.name or not _name_ok(sig.name):
            continue
        i = doc.text.find(sig.name, sig.start, max(sig.end, sig.start + 400))
        if i < 0:
            continue
        party = sig.party if sig.party and sig.party != sig.name else None
        mentions.append(_Mention(sig.name, i, i + len(sig.name), sig.title, party, 0))
    blocks = find_letterhead(doc)
    for b in blocks:
        if b.kind not in ("recipient", "sender"):
            continue
        lines = b.text.split("\n")
        first = lines[0].strip()
        if not _NAME_RE.fullmatch(first) or not _name_ok(first):
            continue
        at = b.start + b.text.find(first)
        title: str | None = None
        org: str | None = None
        for ln in lines[1:3]:
            ln = ln.strip()
            if _TITLE_WORD_RE.match(ln) and len(ln) < 80:
                title = ln
            elif ln and org is None and _ORG.search(ln):
                org = ln
                break
        if title is None and b.kind == "recipient":
            title = _offered_title(text, b.end)
        mentions.append(_Mention(first, at, at + len(first), title, org, 1))
    for m in _APPOSITIVE.finditer(text):
        nm = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if nm is None:
            continue
        name = nm.group(1)
        if not _name_ok(name):
            continue
        ts, te = _title_after(text, m.start(1), min(len(text), m.start(1) + 300))
        if te <= ts:
            continue
        atitle, aorg = _split_title(text[ts:te])
        if not _TITLE_WORD_RE.search(atitle):
            continue
        mentions.append(_Mention(name, nm.start(1), nm.end(1), atitle, aorg, 2))
    for m in _CC.finditer(text):
        for nm in _NAME_RE.finditer(m.group(1)):
            if _name_ok(nm.group(0)):
                at = m.start(1) + nm.start()
                mentions.append(_Mention(nm.group(0), at, at + len(nm.group(0)), None, None, 3))
    return _merge(doc, mentions)


def _merge(doc: Document, mentions: list[_Mention]) -> list[Person]:
    people: list[list[_Mention]] = []
    index: dict[tuple[str, str], int] = {}
    by_last: dict[str, list[int]] = {}
    for mn in sorted(mentions, key=lambda x: (x.rank, x.start)):
        k = _key(mn.name)
        if not k[1]:
            continue
        i = index.get(k)
        if i is None and not k[0]:
            # "Mr. King": the one person with that surname
            cands = by_last.get(k[1], [])
            i = cands[0] if len(cands) == 1 else None
        if i is None and k[0]:
            for j in by_last.get(k[1], []):
                fk = _key(people[j][0].name)
                if fk[0] and (fk[0] == k[0] or fk[0][0] == k[0][0] and (len(fk[0]) == 1 or len(k[0]) == 1)):
                    i = j
                    break
        if i is None:
            i = len(people)
            people.append([])
            by_last.setdefault(k[1], []).append(i)
        people[i].append(mn)
        index.setdefault(k, i)
    out: list[Person] = []
    for group in people:
        full = max(
            group, key=lambda x: (len(_HONORIFIC.sub("", x.name).split()), any(c.islower() for c in x.name), -x.rank)
        )
        name = full.name
        first = min((x for x in group if x.name == name), key=lambda x: x.start)
        start = doc.text.find(name, 0, first.start + len(name))  # (no need to look past the first mention)
        if start < 0 or start > first.start:
            start = first.start
        title = next((x.title for x in sorted(group, key=lambda x: (x.rank, x.start)) if x.title), None)
        org = next((x.org for x in sorted(group, key=lambda x: (x.rank, x.start)) if x.org), None)
        out.append(Person(name=name, start=start, end=start + len(name), title=title, organization=org))
    out.sort(key=lambda p: p.start)
    return out
