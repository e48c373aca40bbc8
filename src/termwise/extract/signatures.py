"""Signature blocks: who signed, in what capacity, for whom, and when.

Layouts handled: ``/s/ Carl Berg`` over a rule and a typed name; ``By: /S/ JAY L. KING`` with
``Name:`` / ``Title:`` (or ``Its:``) lines under a company name in capitals; ``/S/ JAY KING``
over ``By: Jay King``; side-by-side columns (a signature left, a date right; two parties'
blocks next to each other), also when a text extraction flattened both columns onto one line
(``By: /s/ A By: /s/ B Name: A Name: B Title: X Title: Y``); blank ``By: ____`` lines.

Two steps: find field tokens (``By:``, ``/s/``, ``Name:``, ``Title:``, ``Date:``), then group
them: each run of signing tokens (``By:`` / ``/s/``) opens one signature per token, and the
fields that follow are dealt to them in order (the i-th ``Name:`` to the i-th signature).
The party is the company line (or ``PURCHASER: ...`` cell) above the block; a person who
signs without ``By:`` signs for themself.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from termwise.extract.dates import find_dates
from termwise.model import Document, Signature, Value

_TOKEN = re.compile(
    r"(?P<by>\b(?:By|BY)[ \t]*:)"
    r"|(?P<s>/[sS]/)"
    r"|(?P<name>\b(?:(?:Print(?:ed)?|Typed|PRINT(?:ED)?)[ \t]+)?(?:Name|NAME)"
    r"(?:[ \t]*\((?:[Pp]lease[ \t]+)?[Pp]rint\))?[ \t]*:)"
    r"|(?P<title>\b(?:Title|TITLE|Its|ITS|Position|POSITION)[ \t]*:)"
    r"|(?P<date>\b(?:Dated?|DATED?)[ \t]*:)"
)
_LABEL_WORDS = ("by", "name", "title", "its", "position", "date", "dated", "print)")
_LABEL_END = re.compile("(?:" + _TOKEN.pattern + r")\Z")
_COLON = re.compile(":")
_SLASH_S = re.compile(r"/[sS]/")
_RULE = re.compile(r"[_\-=]{3,}")
_GAP = re.compile(r"[ \t]{3,}|\t")
_CLOSING = re.compile(
    r"(?:Very[ \t]+truly[ \t]+yours|Sincerely(?:[ \t]+yours)?|Yours[ \t]+(?:truly|sincerely|faithfully)|"
    r"(?:Best|Kind|Warm)[ \t]+regards|Regards|Respectfully(?:[ \t]+submitted)?|Cordially)[ \t]*,?",
)
_ACCEPT = re.compile(
    r"(?:ACCEPTED|Accepted|AGREED|Agreed|ACKNOWLEDGED|Acknowledged|APPROVED|Approved|CONFIRMED|Confirmed)\b"
    r"[A-Za-z ,&]*(?:TO|to|BY|by)?[ \t]*:?"
)
_WITNESS = re.compile(r"IN[ \t]+WITNESS[ \t]+WHEREOF|In[ \t]+Witness[ \t]+Whereof|IN[ \t]+WITNESS[ \t]+whereof")
_SUFFIX = re.compile(
    r"\b(?:Inc|INC|Incorporated|INCORPORATED|Corp|CORP|Corporation|CORPORATION|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|"
    r"L\.P|LP|LLP|PLC|plc|AG|GmbH|GMBH|S\.A|N\.V|B\.V|Company|COMPANY|Co|CO|Trust|TRUST|Bank|BANK|Partners|PARTNERS|"
    r"Fund|FUND|Holdings|HOLDINGS|University|UNIVERSITY)\b\.?"
)
_ROLE_WORDS = {
    "company",
    "purchaser",
    "purchasers",
    "seller",
    "sellers",
    "buyer",
    "licensor",
    "licensee",
    "distributor",
    "employee",
    "executive",
    "employer",
    "lender",
    "borrower",
    "investor",
    "investors",
    "consultant",
    "client",
    "customer",
    "supplier",
    "vendor",
    "manufacturer",
    "provider",
    "recipient",
    "party",
    "parties",
    "guarantor",
    "agent",
    "trustee",
    "holder",
    "holders",
    "contractor",
    "franchisee",
    "franchisor",
    "sponsor",
    "subscriber",
    "witness",
    "the company",
    "by",
    "signature",
    "signed",
}
_NAME_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?[A-Z][a-zA-Z'’-]+(?:[ \t]+(?:[A-Z]\.(?:[ \t]*[A-Z]\.)*|[A-Z][a-zA-Z'’-]+|"
    r"van|von|de|del|der|la|le|da|di|du|bin|al))*[ \t]+[A-Z][a-zA-Z'’-]+(?:,?[ \t]+(?:Jr|Sr|II|III|IV|M\.D|Ph\.D)\.?)?"
)
_TITLE_WORDS = re.compile(
    r"\b(?:President|Officer|Director|Manager|Secretary|Treasurer|Chairman|Chair|CEO|CFO|COO|CTO|Partner|Member|"
    r"Counsel|Vice|VP|Principal|Founder|Owner|Trustee|Controller|Head|Executive|General)\b"
)
_DATE_CELL = re.compile(
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?[ \t]+\d{4}"
)


@dataclass(slots=True)
class _Tok:
    kind: str  # by | s | name | title | date | uname | utitle | udate
    start: int  # label start
    vstart: int
    vend: int
    line: int


@dataclass(slots=True)
class _Sig:
    anchor: _Tok
    fields: dict[str, _Tok] = field(default_factory=dict)
    by: bool = False
    party: tuple[int, int] | None = None
    group: int = 0


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, (len(text) if le < 0 else le)


def _value_end(text: str, vs: int, limit: int) -> int:
    """End of a field value starting at ``vs``: a line end, a wide gap, a rule, or ``limit``."""
    limit = min(limit, vs + 160)  # a name, title or date is short
    le = text.find("\n", vs, limit)
    e = limit if le < 0 else le
    g = _GAP.search(text, vs, e)
    if g:
        e = g.start()
    r = _RULE.search(text, vs, e)
    if r:
        e = r.start()
    while e > vs and text[e - 1] in " \t,;":
        e -= 1
    return e


def _skip_ws(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in " \t":
        pos += 1
    return pos


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    # colons and "/s/" are rare: find them with a literal scan, then read the label before the colon
    raw = []
    for c in _COLON.finditer(text, lo, hi):
        p = c.start()
        if not text[max(lo, p - 12) : p].rstrip(" \t").lower().endswith(_LABEL_WORDS):
            continue
        m = _LABEL_END.search(text, max(lo, p - 40), c.end())
        if m:
            raw.append((m.lastgroup or "", m.start(), m.end()))
    raw.extend(("s", m.start(), m.end()) for m in _SLASH_S.finditer(text, lo, hi))
    raw.sort(key=lambda r: r[1])
    line_no = 0
    last = lo

    def line_of(pos: int) -> int:
        nonlocal line_no, last
        line_no += text.count("\n", last, pos)
        last = pos
        return line_no

    toks: list[_Tok] = []
    i = 0
    while i < len(raw):
        kind, s, e = raw[i]
        nxt = raw[i + 1][1] if i + 1 < len(raw) else hi
        vs = _skip_ws(text, e, nxt)
        if kind == "by" and i + 1 < len(raw) and raw[i + 1][0] == "s" and raw[i + 1][1] == vs:
            # "By: /s/ Name": one signing token whose value is the signed name
            s2, e2 = raw[i + 1][1], raw[i + 1][2]
            nxt = raw[i + 2][1] if i + 2 < len(raw) else hi
            vs = _skip_ws(text, e2, nxt)
            ve = _value_end(text, vs, nxt)
            toks.append(_Tok("by", s, vs, ve, line_of(s)))
            toks[-1].kind = "bys"
            i += 2
            del s2
            continue
        ve = _value_end(text, vs, nxt)
        toks.append(_Tok(kind, s, vs, ve, line_of(s)))
        i += 1
    return toks


_CELL_SPLIT = re.compile(r"[ \t]{3,}|(?<=:)[ \t]+")
_CELL = re.compile(r"\S+(?:[ \t]{1,2}\S+)*")
_CAPS_TAIL = re.compile(r"(?:[A-Z0-9][A-Z0-9&.,'/-]*[ \t]+)*[A-Z0-9][A-Z0-9&.,'/-]*:?$")
_SPLIT_PARTIES = re.compile(
    r"\b(?:Inc|INC|Corp|CORP|LLC|Ltd|LTD|Limited|LIMITED|L\.P|LP|PLC|Co|CO|AG|GmbH|S\.A|N\.V|B\.V)\b\.?(?=[ \t]+\S)"
)


def _split_parties(s: str) -> list[str]:
    """ "ACME CORP. BETA LLC" -> ["ACME CORP.", "BETA LLC"]."""
    out = []
    pos = 0
    for m in _SPLIT_PARTIES.finditer(s):
        out.append(s[pos : m.end()].strip(" ,"))
        pos = m.end()
    out.append(s[pos:].strip(" ,"))
    return [p for p in out if p]


_POSTNOMINAL = re.compile(r"(?:,?[ \t]+(?:[A-Z]{2,5}|Esq\.?|Ph\.?D\.?|M\.?D\.?|J\.?D\.?))+$")
_ABBR_TITLES = {"CEO", "CFO", "COO", "CTO", "CIO", "VP", "SVP", "EVP", "GM", "HR", "IT"}


def _clean_title(title: str, name: str | None) -> str | None:
    """Trim what a flattened layout glued to a title: a page number, a company name in capitals."""
    t = title
    if name and t.startswith(name):
        t = t[len(name) :].lstrip(" ,")
    b = t.find("[")
    if b > 0:
        t = t[:b].rstrip(" ,")
    words = t.split()
    if len(words) > 1 and words[-1].isdigit() and len(words[-1]) <= 3:
        words.pop()  # a page number
    # a run of two or more words in capitals after the title: a company name
    k = len(words)
    while k > 0 and words[k - 1].isupper() and words[k - 1].strip(".,&'-") not in _ABBR_TITLES:
        k -= 1
    if 0 < k <= len(words) - 2:
        words = words[:k]
    return " ".join(words).rstrip(" ,") or None


def _is_name(s: str) -> bool:
    m = _NAME_RE.fullmatch(s.strip())
    return m is not None and not _SUFFIX.search(s) and len(s) <= 60


def _proper(s: str) -> bool:
    return any(c.islower() for c in s)


def _prose(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and sum(ch.islower() for ch in letters) > len(letters) / 2


def _partyish(cell: str) -> bool:
    c = cell.strip().rstrip(":").strip()
    if len(c) < 3 or len(c) > 90 or c.lower() in _ROLE_WORDS:
        return False
    if _ACCEPT.fullmatch(c) or _CLOSING.fullmatch(c) or _WITNESS.match(c) or c.startswith(("[", "(", "/")):
        return False
    if "SIGNATURE" in c.upper() or "EXECUTION" in c.upper() or c.upper().startswith(("EXHIBIT", "SCHEDULE", "ANNEX")):
        return False
    letters = [ch for ch in c if ch.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    return upper > 0.8 or bool(_SUFFIX.search(c))


def find_signatures(doc: Document) -> list[Signature]:
    """See ``_find_signatures``; memoized per document because parties and people ask for it too."""
    return list(_find_signatures_cached(doc))


@functools.lru_cache(maxsize=8)
def _find_signatures_cached(doc: Document) -> tuple[Signature, ...]:
    return tuple(_find_signatures(doc))


def _find_signatures(doc: Document) -> list[Signature]:
    """Signature blocks of ``doc`` in text order."""
    text = doc.clean.replace("\r", " ") if "\r" in doc.clean else doc.clean  # CRLF: same offsets
    n = len(text)
    lines: list[int] = []
    toks = _tokens(text, 0, n)
    if not toks:
        return []
    sigs = _group(text, toks, lines)
    out: list[Signature] = []
    for sg in sigs:
        out.append(_build(doc, text, sg, lines))
    # side by side on one line: "ACME CORP. BETA LLC By: /s/ A By: /s/ B" -> one party each
    i = 0
    while i < len(sigs):
        j = i
        while j + 1 < len(sigs) and sigs[j + 1].group == sigs[i].group:
            j += 1
        k = j - i + 1
        first = out[i].party
        if k > 1 and first and all(out[x].party in (None, first) for x in range(i + 1, j + 1)):
            pieces = _split_parties(first)
            if len(pieces) == k:
                for x in range(k):
                    out[i + x] = replace(out[i + x], party=pieces[x])
        i = j + 1
    out.sort(key=lambda s: s.start)
    return out


_NEWLINE = re.compile("\n")


def _newlines(text: str) -> list[int]:
    return [m.start() for m in _NEWLINE.finditer(text)]


def _group(text: str, toks: list[_Tok], lines: list[int]) -> list[_Sig]:
    sigs: list[_Sig] = []
    group: list[_Sig] = []
    counts: dict[str, int] = {}
    last_line = -10
    for t in toks:
        kind = t.kind
        if kind in ("bys", "by", "s"):
            cur = group[-1] if group else None
            # "/S/ JAY KING" then "By: Jay King" under the rule: the same signature
            if (
                kind == "by"
                and cur is not None
                and cur.anchor.kind == "s"
                and not cur.by
                and len(group) == 1
                and t.line - cur.anchor.line <= 3
                and not counts
            ):
                cur.fields["byname"] = t
                cur.by = True
                last_line = t.line
                continue
            if (
                kind == "s"
                and cur is not None
                and cur.anchor.kind == "by"
                and "sig" not in cur.fields
                and (t.line - cur.anchor.line <= 2 and not counts)
            ):
                cur.fields["sig"] = t
                continue
            if group and (counts or t.line != group[-1].anchor.line):
                sigs.extend(group)
                group = []
                counts = {}
            group.append(_Sig(anchor=t, by=kind in ("by", "bys"), group=len(sigs)))
            last_line = t.line
            continue
        if not group or t.line - last_line > 8:
            continue
        i = counts.get(kind, 0)
        counts[kind] = i + 1
        # dealt in order: the i-th Name: to the i-th signature of the group
        target = group[i] if i < len(group) else None
        if target is not None and kind not in target.fields:
            target.fields[kind] = t
            last_line = t.line
    sigs.extend(group)
    return [s for s in sigs if _plausible(text, s)]


_BLANK_FORM = re.compile(r"[_\-. ]+")  # a blank to sign on: "____", "...."


def _plausible(text: str, s: _Sig) -> bool:
    a = s.anchor
    val = text[a.vstart : a.vend].strip()
    if a.kind == "s":
        return bool(val) or bool(s.fields)
    if a.kind == "by":
        # "By: Name: Title:" blank forms count; "by: mail" does not
        if s.fields or not val:
            return True
        return _is_name(val) or bool(_BLANK_FORM.fullmatch(val))
    return True


def _clean_val(text: str, t: _Tok | None) -> tuple[str, int, int] | None:
    if t is None:
        return None
    v = text[t.vstart : t.vend]
    s, e = t.vstart, t.vend
    while s < e and text[s] in " \t_-":
        s += 1
    while e > s and text[e - 1] in " \t_-,":
        e -= 1
    if e <= s:
        return None
    del v
    b = text.find("[", s, e)
    if b > s:
        e = b
        while e > s and text[e - 1] in " \t,":
            e -= 1
    if t.kind in ("s", "bys", "by", "sig", "byname") and not _is_name(text[s:e]):
        m = _NAME_RE.match(text, s, e)
        if m and m.end() - s >= 5:
            e = m.end()
    return text[s:e], s, e


def _build(doc: Document, text: str, sg: _Sig, lines: list[int]) -> Signature:
    a = sg.anchor
    start = a.start
    end = max([a.vend] + [t.vend for t in sg.fields.values()])
    signed = _clean_val(text, a)
    names: list[str] = []
    lab = _clean_val(text, sg.fields.get("name"))
    if lab and _proper(lab[0]):
        names.append(lab[0])
    byname = _clean_val(text, sg.fields.get("byname"))
    if byname and _is_name(byname[0]):
        names.append(byname[0])
    # a typed name under the rule, in the same column: "/s/ Carl Berg / ----- / Carl Berg"
    typed, typed_end, title_below = _below(text, a, lines)
    if typed:
        names.append(typed)
        end = max(end, typed_end)
    sig = _clean_val(text, sg.fields.get("sig"))
    for cand in (signed, sig, lab):
        if cand and _is_name(cand[0]):
            names.append(cand[0])
    if lab:
        names.append(lab[0])
    proper = [x for x in names if _proper(x)]
    name: str | None = (proper or names)[0] if (proper or names) else None
    if name is not None:
        name = _POSTNOMINAL.sub("", " ".join(name.split()))
        half = name.split()
        if len(half) % 2 == 0 and half[: len(half) // 2] == half[len(half) // 2 :]:
            name = " ".join(half[: len(half) // 2])  # "Jody Stewart Jody Stewart"
    tv = _clean_val(text, sg.fields.get("title"))
    title = _clean_title(" ".join(tv[0].split()), name) if tv else title_below
    party = _party(text, sg, lines)
    if party is None and not sg.by and name is not None:
        # a letter's closing signature on a company's letterhead is signed for the company
        party = _letter_sender(doc) if _after_closing(text, a.start) else None
        party = party or name
    date = _date(doc, text, sg, lines)
    if date is not None:
        end = max(end, date.end)
    return Signature(name=name, start=start, end=end, title=title, party=party, date=date)


def _after_closing(text: str, pos: int) -> bool:
    """Whether the signature at ``pos`` sits under a letter closing ("Sincerely,")."""
    p = text.rfind("\n", 0, pos)
    for _ in range(6):
        if p <= 0:
            return False
        ls = text.rfind("\n", 0, p) + 1
        line = text[ls:p].strip()
        p = ls - 1
        if not line:
            continue
        return _CLOSING.fullmatch(line) is not None
    return False


def _letter_sender(doc: Document) -> str | None:
    """The sender block's first line when it names a company."""
    from termwise.segment.letterhead import find_letterhead

    for b in find_letterhead(doc):
        if b.kind == "sender":
            first = b.text.split("\n", 1)[0].strip()
            return first if _partyish(first) else None
    return None


def _below(text: str, a: _Tok, lines: list[int]) -> tuple[str | None, int, str | None]:
    """A typed name (and title) under the signature line, in the anchor's column."""
    ls, le = _line_bounds(text, a.start)
    col = a.start - ls
    pos = le + 1
    name = None
    name_end = 0
    title = None
    for _ in range(4):
        if pos >= len(text):
            break
        nls, nle = _line_bounds(text, pos)
        line = text[nls:nle]
        pos = nle + 1
        stripped = line.strip()
        if not stripped or _RULE.fullmatch(stripped.replace(" ", "")):
            if name:
                break
            continue
        cell_s = max(0, col - 4)
        m = _CELL.search(line, cell_s)
        if not m or m.start() > col + 8:
            break
        cell = m.group(0)
        if _TOKEN.match(cell):
            break
        if name is None:
            if _is_name(cell):
                name = cell
                name_end = nls + m.end()
                continue
            break
        if _TITLE_WORDS.search(cell) and len(cell) < 80:
            title = " ".join(cell.split())
        break
    return name, name_end, title


def _party(text: str, sg: _Sig, lines: list[int]) -> str | None:
    """The entity signed for: the company line above the block, or a "PURCHASER: X" cell."""
    a = sg.anchor
    ls, _ = _line_bounds(text, a.start)
    col = a.start - ls
    # flattened: the same line before the anchor
    before = text[max(ls, a.start - 300) : a.start]
    cells = [c for c in _CELL_SPLIT.split(before) if c.strip()]
    for c in reversed(cells):
        c = c.strip()
        tail = _CAPS_TAIL.search(c)
        if tail and tail.start() > 0 and _partyish(tail.group(0)):
            c = tail.group(0)  # "Title: President ARCA FUND By:" -> "ARCA FUND"
        if _partyish(c):
            return c.rstrip(":").strip()
        if _TOKEN.search(c) or c.endswith("."):
            break
    pos = ls - 1
    for _ in range(8):
        if pos <= 0:
            break
        pls, ple = _line_bounds(text, pos)
        line = text[pls:ple]
        pos = pls - 1
        if len(line) > 300:
            break  # a flattened paragraph, not a line of a signature block
        s = line.strip()
        if not s:
            continue
        if _CLOSING.fullmatch(s) or _WITNESS.search(s) or (s.endswith(".") and len(s) > 60 and _prose(s)):
            break
        if _TOKEN.search(s) and not _partyish(s):
            break
        line_cells = [(m.start(), m.group(0)) for m in _CELL.finditer(line)]
        best = None
        for x, cell in line_cells:
            if _partyish(cell) and abs(x - col) <= 12:
                best = cell
        if best is None and len(line_cells) == 1 and _partyish(line_cells[0][1]):
            best = line_cells[0][1]
        if best is not None:
            return best.rstrip(":").strip()
    return None


def _date(doc: Document, text: str, sg: _Sig, lines: list[int]) -> Value | None:
    cands: list[tuple[int, int]] = []
    d = sg.fields.get("date")
    if d is not None:
        m = _DATE_CELL.search(text, d.vstart, max(d.vend, d.vstart))
        if m:
            cands.append((m.start(), m.end()))
    # a date beside the signature (right column of the anchor's line or the two below)
    a = sg.anchor
    ls, le = _line_bounds(text, a.start)
    if not cands:
        m = _DATE_CELL.search(text, a.vend, le)
        if m and text[a.vend : m.start()].strip(" \t-_") == "":
            cands.append((m.start(), m.end()))
    for s, e in cands:
        v = _value(doc, s, e)
        if v is not None:
            return v
    return None


def _value(doc: Document, s: int, e: int) -> Value | None:
    """The first complete date in ``doc.text[s:e]``, as the dates extractor reads it."""
    sub = Document(text=doc.text[s:e], source=doc.source)
    for v in find_dates(sub):
        if v.value is not None:
            return replace(v, start=v.start + s, end=v.end + s)
    return None
