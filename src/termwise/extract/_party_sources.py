"""Where party candidates come from besides the preamble: labelled lines ("Party A: ..."), a letter's
letterhead and address block, and signature pages (the signature segmenter's blocks, "For and on behalf of X" lines,
one-line blocks "X LLC By: /s/ ..."). Each source returns ``Cand`` records; ``parties`` merges them.

The signature segmenter's party lines often run on when a page's layout is lost ("Authorized Signatory MEZZANINE
PARTNERS II ...", "EUTECTIX, LLC LIQUIDMETAL TECHNOLOGIES, INC."); ``_split_signature_party`` cuts them to the
entities here rather than in the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termwise.extract._names import NAME, NAME_LOOSE, ORG_SUFFIX, ORG_WORDS, name_ending
from termwise.extract.signatures import find_signatures
from termwise.model import Document
from termwise.segment.letterhead import find_letterhead

_HEAD = 8000

_LABEL = re.compile(
    r"(?:^|(?<=[ \t]{2}))[ \t]*(?P<label>Party\s+[A-Z]|(?:Company|Supplier|Customer|Client|Vendor)\s+Name|Licensor"
    r"|Licensee|Seller|Buyer|Purchaser|Lender|Borrower|Company|Employer|"
    r"Employee|Executive|Consultant|Supplier|Distributor|Customer|Client|Franchisor|Franchisee|Vendor|Contractor)"
    r"(?:[ \t]*\([ \t]*(?P<role>[A-Z][\w \-]{1,30}?)[ \t]*\))?"  # "Party A (Shipper): ZTO Express Co., Ltd."
    r"[ \t]*[:：][ \t]*(?:\n[ \t]*){0,2}(?=(?P<rest>[^\n]{2,120}))",  # a lookahead: the next label may share the line
    re.M,
)
# what every label of _LABEL starts with: a literal for the engine to skip ahead to (see ``_labels``)
_LABEL_WORD = re.compile(
    r"Party|Company|Supplier|Customer|Client|Vendor|Licens|Seller|Buyer|Purchaser|Lender|Borrower|Employ|Executive"
    r"|Consultant|Distributor|Franchis|Contractor"
)
ADDRESSY = re.compile(
    r"\d{3,}|\b(?:Suite|Floor|Box)\s+\d|\d+\s+(?:[A-Z][\w.]*\s+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Drive|Boulevard|Way)\b"
    r"|\b[A-Z]\d[A-Z]\b|\b[A-Z]{2}\s+\d{5}"
)
# "For and on behalf of X", "Signed for and on behalf of X by:", "On behalf of: X" opening a line of a signature block
_BEHALF = re.compile(
    r"[ \t]*(?i:(?:signed[ \t]+)?for[ \t]+and[ \t]+\.?on[ \t]+behalf[ \t]+of|signed[ \t]+on[ \t]+behalf[ \t]+of"
    r"|on[ \t]+behalf[ \t]+of[ \t]*:)[ \t]*:?[ \t]*(?:\n[ \t]*(?:[-_]{3,}[ \t]*(?=\n))?){0,8}"  # lines, a rule
    r"(?:the[ \t]+(?=[A-Z]\w*[ \t]+[A-Z]))?"
)
_BY_LINE = re.compile(r"^[ \t]*(?:By|BY)[ \t]*:", re.M)


@dataclass
class Cand:
    name: str
    start: int
    end: int
    aliases: list[tuple[str, int, int]] = field(default_factory=list)
    source: int = 0  # lower is more trusted
    role: str | None = None


def name_at(text: str, pos: int, endpos: int | None = None, *, loose: bool = False) -> tuple[str, int, int] | None:
    m = (NAME_LOOSE if loose else NAME).match(text, pos, len(text) if endpos is None else endpos)
    if m is None:
        return None
    s, e = m.start(), m.end()
    # a name does not end in a connector or a comma
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    name = text[s:e]
    name, e = split_and(name, s)
    if len(name) < 2 or not (any(c.isalpha() for c in name) or name.startswith("[")):
        return None  # a redacted name "[ * * * ]" still holds a party's place
    return name, s, e


_AND = re.compile(r"\s+(?:and|AND|&)\s+")
_SUFFIX_END = re.compile(
    r"(?i:inc|corp|co|ltd|limited|llc|l\.p|lp|plc|gmbh|ag|s\.a|b\.v|n\.v|corporation|company|incorporated)\.?$"
)


def split_and(name: str, start: int) -> tuple[str, int]:
    """``Acme Corp. and Beta LLC`` -> ``Acme Corp.``: "and" after a company suffix separates two names."""
    for m in _AND.finditer(name):
        left = name[: m.start()]
        if ORG_SUFFIX.search(left[-14:]) and _SUFFIX_END.search(left):
            return left, start + len(left)
    return name, start + len(name)


def _labels(text: str, end: int) -> list[re.Match[str]]:
    """``_LABEL.finditer(text, 0, end)``, found faster: its opening (a line start or two blanks, then blanks)
    makes the engine try a match at every place, so look for a label's first word instead and try the
    pattern only from the first place before it where a match can start."""
    out: list[re.Match[str]] = []
    pos = 0
    w = _LABEL_WORD.search(text, pos, end)
    while w is not None:
        at = w.start()
        q = at  # back over the blanks before the word: a match starts there and runs blanks up to the word
        while q > pos and text[q - 1] in " \t":
            q -= 1
        while q <= at and not (
            q == 0 or text[q - 1] == "\n" or (q >= 2 and text[q - 2] in " \t" and text[q - 1] in " \t")
        ):
            q += 1
        m = _LABEL.match(text, q, end) if q <= at else None
        if m is not None:
            out.append(m)
            pos = m.end()
        w = _LABEL_WORD.search(text, max(pos, at + 1), end)
    return out


def from_labels(text: str) -> list[Cand]:
    out: list[Cand] = []
    for m in _labels(text, min(len(text), _HEAD)):
        got = name_at(text, m.start("rest"))
        if got is None:
            continue
        name, s, e = got
        aliases = [(m.group(g), m.start(g), m.end(g)) for g in ("label", "role") if m.group(g)]
        out.append(Cand(name=name, start=s, end=e, aliases=aliases, source=2))
    return out


_DEAR_LINE = re.compile(r"^[ \t]*(?:Dear|To)\s+[^\n]{1,60}[:,][ \t]*$", re.M)
_LINE_TEXT = re.compile(r"[^\n]+")
_NOT_A_NAME_LINE = re.compile(r"\d{3,}|@|(?i:^(?:re|fax|tel|phone|attn|attention|via|by)\b)")
_HONORIFIC = re.compile(r"[ \t]*(?:(?:Mr|Ms|Mrs|Dr|Miss)\.?[ \t]+)?")


def from_letter(doc: Document) -> list[Cand]:
    """A letter's sender (letterhead) and recipient (address block before "Dear ...")."""
    text = doc.clean
    head = text[:3000]
    dear = _DEAR_LINE.search(head)
    if dear is None:
        return []
    blocks = _letter_blocks(doc, dear.start())
    out: list[Cand] = []
    for kind, start, end in blocks:
        lines = [(m.start(), m.end()) for m in _LINE_TEXT.finditer(text[start:end])]
        names: list[tuple[str, int, int]] = []
        for ls, le in lines:
            line = text[start + ls : start + le]
            stripped = line.strip()
            if not stripped or _NOT_A_NAME_LINE.search(stripped):
                continue
            lead = _HONORIFIC.match(line)
            got = name_at(text, start + ls + (lead.end() if lead else 0), start + le)
            if got is None or got[2] - got[1] < len(line) - (lead.end() if lead else 0) - 2 - (
                len(line) - len(line.rstrip())
            ):
                continue
            names.append(got)
        if not names:
            continue
        orgs = [n for n in names if ORG_SUFFIX.search(n[0]) or ORG_WORDS.search(n[0])]
        # "Jay King / Valence Technology, Inc.": the company, not its officer, is the party
        picked = orgs[:1] if orgs else names[:1]
        for name, s, e in picked:
            out.append(Cand(name=name, start=s, end=e, source=3, role=kind))
    return out


_DATE_LINE = re.compile(r"^[ \t]*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})[ \t]*$", re.M)
_RE_LINE = re.compile(r"^[ \t]*Re\s*:", re.M)


def _letter_blocks(doc: Document, dear_at: int) -> list[tuple[str, int, int]]:
    blocks = [(b.kind, b.start, b.end) for b in find_letterhead(doc) if b.kind in ("sender", "recipient")]
    if blocks:
        return blocks
    text = doc.clean
    head = text[:dear_at]
    date = _DATE_LINE.search(head)
    if date is None:
        return [("recipient", 0, dear_at)]
    out = [("sender", 0, date.start()), ("recipient", date.end(), dear_at)]
    re_line = _RE_LINE.search(text[date.end() : dear_at])
    if re_line:
        out[1] = ("recipient", date.end(), date.end() + re_line.start())
    return out


_SIGNATURE_FURNITURE = re.compile(r"(?i:in witness|by\s*:|name\s*:|title\s*:|date\s*:|^[-_=*/]+)")


def from_signatures(doc: Document) -> list[Cand]:
    text = doc.clean
    out: list[Cand] = []
    for sig in find_signatures(doc):
        # an officer signing for a company is not a party; an individual party signs as themself
        if sig.party and (sig.party != sig.name or ORG_SUFFIX.search(sig.party) or ORG_WORDS.search(sig.party)):
            i = text.find(sig.party, sig.start, sig.end) if sig.end > sig.start else -1
            if i < 0:
                i = text.rfind(sig.party)
            if i >= 0:
                got = _clean_signature_party(text, i, i + len(sig.party))
                if got is not None:
                    for name, s, e in _split_signature_party(text, got[1], got[2]):
                        out.append(Cand(name=name, start=s, end=e, source=4))
    if out:
        return out
    start = max(0, int(len(text) * 0.5))
    for by in _BY_LINE.finditer(text, start):
        # the entity is on one of the few non-blank lines above "By:"
        seen = 0
        pos = by.start()
        while seen < 4 and pos > start:
            ls = text.rfind("\n", start, pos - 1) + 1
            raw = text[ls : pos - 1] if pos - 1 > ls else ""
            pos = ls
            line = raw.strip(" \t:")
            if not line:
                continue
            seen += 1
            if _SIGNATURE_FURNITURE.search(line):
                continue
            lead = len(raw) - len(raw.lstrip())
            got = name_at(text, ls + lead, ls + len(raw))
            if got is None:
                continue
            name, s, e = got
            if e - s < len(line.rstrip(":, ")) - 2:
                continue
            if not (ORG_SUFFIX.search(name) or ORG_WORDS.search(name) or name.isupper()):
                continue
            out.append(Cand(name=name, start=s, end=e, source=4))
            break
    return out


_SIGNATURE_LABEL = re.compile(r"\bBy\s*:|/s/|\bName\s*:|\bTitle\s*:|\bIts\s*:")
_DATED_LEAD = re.compile(
    r"[\s,:]*(?:(?:DATED|Dated|Date)\s*:?\s*)?(?:[\w.]+\s+\d{1,2},\s*\d{4}|\d{1,2}/\d{1,2}/\d{2,4})?[\s,:]*"
)
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


def _clean_signature_party(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The entity name in a signature block's party line, without "DATED: April 8, 2020", "By: /s/ ..." or an
    address run on after it."""
    cut = _SIGNATURE_LABEL.search(text[start:end])
    if cut is not None:
        end = start + cut.start()
    behalf = _BEHALF.match(text, start, end)
    if behalf is not None:
        start = behalf.end()
    lead = _DATED_LEAD.match(text[start:end])
    if lead is not None:
        start += lead.end()
    while start < end and text[start] in " \t\n,:":
        start += 1
    while end > start and text[end - 1] in " \t\n,:":
        end -= 1
    name = text[start:end]
    if len(name) < 3 or not _TWO_LETTERS.search(name) or name in ("Source", "SOURCE") or ADDRESSY.search(name):
        return None
    return name, start, end


_COLUMN_GAP = re.compile(r"[ \t]{3}")


def from_behalf_lines(text: str) -> list[Cand]:
    """``For and on behalf of      ABS Telecom plc``: the entity a signature block is signed for. Only where the phrase
    opens a line (or follows a run of spaces, as in text whose line breaks were lost), never in running prose
    ("... on behalf of the Parties and ...")."""
    out: list[Cand] = []
    for at in _behalf_hits(text):
        back = _BEHALF_BACK.search(text, max(0, at - 40), at)
        if back is None:
            continue
        b = _BEHALF.match(text, back.start("p"))
        if b is None:
            continue
        got = name_at(text, b.end())
        if got is None:
            continue
        name, s, e = got
        gap = _COLUMN_GAP.search(name)  # "AZUL LINHAS AÉREAS   AVIONS DE TRANSPORT": two columns
        if gap is not None:
            name = name[: gap.start()].rstrip(" ,")
            e = s + len(name)
        if len(name) < 3 or ADDRESSY.search(name) or not _TWO_LETTERS.search(name):
            continue
        out.append(Cand(name=name, start=s, end=e, source=4))
    return out


def _behalf_hits(text: str) -> list[int]:
    """Where "behalf" starts (any case), by plain substring search: a regex scan of a whole contract costs ten
    times as much."""
    hits: list[int] = []
    for needle in ("ehalf", "EHALF"):
        i = text.find(needle, 1)
        while i >= 0:
            if text[i - 1] in "bB":
                hits.append(i - 1)
            i = text.find(needle, i + 1)
    return sorted(hits)


_BEHALF_BACK = re.compile(
    r"(?:^|(?<=[ \t]{2})|(?<=[.:][ \t]))[ \t]*(?P<p>(?i:(?:signed[ \t]+)?(?:for[ \t]+and[ \t]+\.?)?on))[ \t]+$", re.M
)


# A signatory's title before the entity: "Authorized Signatory MEZZANINE PARTNERS II ...", "Troy J. Rillo, Esq. Chief
# Compliance Officer Yorkville Advisors Global, LP", "Name Title Nationwide Fund Management LLC", "ACKNOWLEDGED AND
# AGREED TO PALMER SQUARE BDC ADVISOR LLC", "Yours Faithfully For and on Behalf of UBS AG"
_TITLE_BEFORE = re.compile(
    r"^.*\b(?:Signatory|SIGNATORY|Officer|OFFICER|President|PRESIDENT|Director|DIRECTOR|Secretary|SECRETARY|Treasurer"
    r"|Chairman|Counsel|Title|TITLE|CEO|CFO|COO|Controller|Affairs|Actuary|Member|MEMBER"
    r"|(?i:behalf[ \t]+of|agreed(?:[ \t]+to)?|accepted(?:[ \t]+by)?))[ \t]*[:,]?[ \t]+"
    r"(?=[A-Z])|^[ \t]*(?:For|FOR|To|TO|SIGNATURES?|Signatures?)[ \t]*:?[ \t]+(?=[A-Z])|^[_\s]+(?=[A-Z])",
    re.S,
)
# What describes the entity after its name: ', a Delaware corporation', ', as Servicer', ' ("Bank of America")',
# ' (formerly known as ...)', ', not in its individual capacity', ' f/k/a Sorrent, Inc.', ' by the authority of'
_DESCRIBED = re.compile(
    r",?[ \t\n]+(?:a|an|A|An|the|its|Its|as|not|solely|acting|on[ \t]+behalf)[ \t\n]|[ \t\n]*\(?[ \t]*[\"“]"
    r"|[ \t\n]*\((?i:formerly|f/k/a)|,?[ \t\n]+(?i:f/k/a|d/b/a|dba|formerly)\b|[ \t\n]+by[ \t\n]"
)
_DESCRIPTION_AHEAD = re.compile(r",?[ \t\n]+(?:a|an|A|An|the|its|Its|as|not|solely|acting|on[ \t]+behalf)[ \t\n]")
_ALIASES_AHEAD = re.compile(r"(?:[\s,]*\(?[ \t]*[\"“][^\"“”\n]*[\"”][ \t]*\)?)*[\s,]*")
_SUFFIX_RUN = re.compile(
    ORG_SUFFIX.pattern
    + r"(?:[ \t]*[,&]?[ \t]*"
    + ORG_SUFFIX.pattern
    + r"|[ \t]+(?:KG|II|III|IV|Partnership|PARTNERSHIP)\b)*"
)
_WEAK_SUFFIX = re.compile(r"(?i:co|company)\.?")
_ROLE_BEFORE = re.compile(
    r"(?i:reseller|developer|agent|distributor|licensor|licensee|consultant|supplier|customer|sponsor|manufacturer"
    r"|(?:managing[ \t]+)?member|general[ \t]+partner)[ \t]*:?[ \t]+(?=[A-Z])"
)
_ENDS_AS_ENTITY = re.compile(r"(?:" + ORG_SUFFIX.pattern + r"|" + ORG_WORDS.pattern + r")[\s,.]*$")


_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_OPEN_QUOTE = re.compile(r"[\"“]")
_OF_AHEAD = re.compile(r"[ \t]+(?:OF|of|Of)[ \t]")
_CAPITAL_AHEAD = re.compile(r"[ \t]+[A-Z]")


def _split_signature_party(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A signature block's party line often runs on into the signatory or a second entity, the page's layout lost:
    "GLOBAL TECHNOLOGIES, LTD TIMOTHY CABRERA", "SAN DIEGO BALLPARK FUNDING LLC SPONSOR", "EUTECTIX, LLC LIQUIDMETAL
    TECHNOLOGIES, INC.". Keep the entity (or entities) and drop the rest; a line with no company suffix is kept."""
    line = text[start:end]
    if not ORG_SUFFIX.search(line):
        return [(line, start, end)]
    title = _TITLE_BEFORE.match(line)
    if title is not None and _THREE_LETTERS.search(_SUFFIX_RUN.sub("", line[title.end() :])):
        start += title.end()
        line = text[start:end]
    # "RESELLER Bravatek Solutions, Inc.", "Developer SEATTLE ..., Inc."; not "Manufacturer Services Ltd"
    role = _ROLE_BEFORE.match(line)
    if role is not None and len(_SUFFIX_RUN.sub("", line[role.end() :]).split()) >= 2:
        start += role.end()
        line = text[start:end]
    for m in _SUFFIX_RUN.finditer(line):
        rest = line[m.end() :]
        ahead = _ALIASES_AHEAD.match(rest)
        skip = ahead.end() if ahead is not None else 0
        after = rest[skip:]
        if not after.strip(" \t\n,."):
            break
        if not _OPEN_QUOTE.search(rest[:skip]) and _DESCRIPTION_AHEAD.match(rest):
            return [_described_cut(text, start, end)]  # "BIRCH FIRST INVESTMENTS INC. A US Virgin Islands corporation"
        if not after[0].isupper() and not after[0].isdigit():
            continue  # "Alliance Bancorp, Inc. of Pennsylvania", "Glu Mobile, Inc. f/k/a Sorrent, Inc."
        if _OF_AHEAD.match(rest) or (
            _WEAK_SUFFIX.fullmatch(m.group(0)) and _CAPITAL_AHEAD.match(rest) and ORG_SUFFIX.search(rest)
        ):
            continue  # "MUTUAL INSURANCE CORPORATION OF AMERICA", "MOELIS & COMPANY HOLDINGS LP"
        first = _described_cut(text, start, start + m.end())
        described = _DESCRIBED.search(after)
        core = after[: described.start()] if described is not None else after
        if _ENDS_AS_ENTITY.search(core) and _THREE_LETTERS.search(_SUFFIX_RUN.sub("", core)):
            return [first, *_split_signature_party(text, start + m.end() + skip, end)]
        return [first]  # the rest is the signatory, a role or an address
    return [_described_cut(text, start, end)]


def _described_cut(text: str, start: int, end: int) -> tuple[str, int, int]:
    line = text[start:end]
    described = _DESCRIBED.search(line)
    if described is not None and ORG_SUFFIX.search(line, 0, described.start()):
        end = start + described.start()
    return text[start:end], start, end


_SENTENCE_END = re.compile(r"(?P<w>[^\s.]+)\.[ \t]+(?=[A-Z])")


_NUMBERS_LEAD = re.compile(r"(?:[\d/.,\-_]+[ \t]+|[A-Z][a-z]+[ \t]+\d{5}[ \t]+)+")


def from_inline_signatures(text: str) -> list[Cand]:
    """Signature blocks whose line breaks were lost: "DATED: April 8, 2020 SCULPTOR CAPITAL LP By: /s/ Thomas Sipp
    Thomas Sipp Chief Financial Officer SCULPTOR MANAGEMENT, INC. By: ...": the company named just before a "By:" on
    the same line. Only names with a company suffix, in the second half of a longer document."""
    out: list[Cand] = []
    half = len(text) // 2 if len(text) > 20000 else 0  # a short filing may be mostly its signatures
    for needle in ("By:", "BY:"):
        at = text.find(needle, half)
        while at >= 0:
            line_start = text.rfind("\n", max(half, at - 200), at) + 1
            window_start = max(line_start, at - 200)
            m = name_ending(text[window_start:at]) if text[window_start:at].strip() else None
            if m is not None and ORG_SUFFIX.search(m.group(0)):
                s, e = window_start + m.start(), window_start + m.end()
                for stop in _SENTENCE_END.finditer(text, s, e):  # "Execution Date. ENERGY XXI USA, INC."
                    word = stop.group("w")
                    if not ORG_SUFFIX.fullmatch(word + ".") and len(word) > 1 and "." not in word:
                        s = stop.end()
                # "April 8, 2020 SCULPTOR CAPITAL LP", "Canton, Ohio 44708 HOF VILLAGE MEDIA GROUP, LLC"
                lead = _NUMBERS_LEAD.match(text[s:e])
                if lead is not None:
                    s += lead.end()
                for name, ns, ne in _split_signature_party(text, s, e):
                    if ORG_SUFFIX.search(name) and len(name) >= 4:
                        out.append(Cand(name=name, start=ns, end=ne, source=4))
            at = text.find(needle, at + 3)
    return out
