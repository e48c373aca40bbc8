"""Events an agreement reacts to, by sentence-level patterns, linked to the
contract's own definitions ("Change of Control" as defined in 5.3)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from termwise.model import Document
from termwise.terms.model import EventDef
from termwise.terms.text import Flat, find_dates, flatten

_Q = "[\"“”']?"
_WHO = r"(?:(?:your|the executive's|executive's|the employee's|employee's|his|her|holder's|participant's)\s+)?"
EVENT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("change_of_control", r"change[- ](?:of|in)[- ]control|sale of the company"),
    (
        "termination_without_cause",
        rf"terminat\w*(?:\s+[\w']+){{0,7}}?\s+(?:without|for other than|other than for)\s+{_Q}(?:good |just )?cause"
        rf"|\bwithout {_Q}(?:good |just )?cause{_Q} (?:by the company|or (?:for|with)|or (?:your |his |her )?resign)",
    ),
    ("termination_for_cause", rf"terminat\w*(?:\s+[\w']+){{0,7}}?\s+for\s+{_Q}(?:good |just )?cause\b"),
    (
        "resignation_for_good_reason",
        rf"resign\w*(?:\s+[\w']+){{0,6}}?\s+(?:for|with)\s+{_Q}good reason|(?:for|with) {_Q}good reason{_Q},? resign"
        rf"|by (?:the )?(?:employee|executive|you|participant|holder) for {_Q}good reason"
        rf"|(?:you|executive|employee|participant) terminates? (?:your|his|her|the executive's|the employee's|its) "
        rf"employment (?:with the company )?for {_Q}good reason",
    ),
    ("resignation_without_good_reason", rf"resign\w*(?:\s+[\w']+){{0,6}}?\s+without\s+{_Q}good reason"),
    (
        "death",
        r"(?:upon|due to|by reason of|because of|in the event of|on account of|"
        rf"following) {_WHO}death|death or (?:permanent |total )?disability",
    ),
    (
        "disability",
        r"(?:upon|due to|by reason of|because of|in the event of|"
        rf"on account of|following) {_WHO}(?:permanent |total )?disability"
        rf"|death or (?:permanent |total )?disability|{_Q}disability{_Q} (?:shall )?means?",
    ),
    (
        "ceo_change",
        r"change (?:in|of) (?:the )?(?:chief executive officer|ceo)\b|"
        r"(?:chief executive officer|ceo) (?:ceases|shall cease)",
    ),
    ("material_adverse_change", r"material adverse (?:change|effect)"),
    (
        "funding_request",
        r"(?:should|if|when) [\w.]+ (?:so )?request|(?:after|upon|"
        r"following) (?:the |a |any )?(?:further )?(?:written )?request of"
        r"|(?:borrowing|funding|drawdown|draw) (?:request|notice)|notice of borrowing",
    ),
    (
        "acceptance",
        r"(?:indicate|confirm|signify) (?:your |its )?acceptance|"
        r"accepted (?:it )?by signing|accept (?:this|the) (?:offer|commitment)",
    ),
)
_COMPILED = tuple((name, re.compile(p)) for name, p in EVENT_PATTERNS)

# Which defined terms define which event.
EVENT_TERMS = {
    "change_of_control": ("change of control", "change in control"),
    "termination_for_cause": ("good cause", "cause", "just cause"),
    "termination_without_cause": ("good cause", "cause", "just cause"),
    "resignation_for_good_reason": ("good reason",),
    "resignation_without_good_reason": ("good reason",),
    "disability": ("disability", "permanent disability"),
    "material_adverse_change": ("material adverse change", "material adverse effect"),
}

DEF_RE = re.compile(
    r"[\"“](?P<term>[A-Z][\w\- ]{1,50}?)[,]?[\"”][,]?\)?(?: of the company)?,?\s+(?:shall\s+|will\s+)?"
    r"(?:mean|means|include|includes|shall be deemed|be deemed|has the meaning|refers)",
    re.IGNORECASE,
)
DEEMED_RE = re.compile(r"deemed to (?:have )?[\w ]{0,40}?[\"“](?P<term>[A-Z][\w\- ]{1,50}?)[,]?[\"”]", re.IGNORECASE)
_SECTION_LINE = re.compile(r"(?m)^[ \t]*(?:section\s+)?(\d+(?:\.\d+)*)\.?[ \t]+\S", re.IGNORECASE)


def events_in(flat: Flat) -> list[tuple[str, int, int]]:
    """(event, flat start, flat end) of every event phrase in one sentence."""
    out: list[tuple[str, int, int]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(flat.s):
            if name == "termination_for_cause" and re.search(r"other than|without", m.group(0)):
                continue
            out.append((name, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


def section_of(text: str, offset: int) -> str | None:
    """Number of the numbered paragraph (``5.3``) that holds ``offset``."""
    best = None
    for m in _SECTION_LINE.finditer(text, 0, offset):
        best = m.group(1)
    return best


def definitions(doc: Document) -> dict[str, tuple[str, str | None, tuple[int, int]]]:
    """lower-cased term -> (term as written, section, span of the definition sentence)."""
    from termwise.segment.sentences import split_sentences

    text = doc.clean
    out: dict[str, tuple[str, str | None, tuple[int, int]]] = {}
    sents = split_sentences(text)
    for sp in sents:
        flat = flatten(text, sp.start, sp.end)
        for m in [*DEF_RE.finditer(flat.raw), *DEEMED_RE.finditer(flat.raw)]:
            term = m.group("term").strip()
            key = term.lower()
            if key in out:
                continue
            start = flat.pos[m.start()]
            out[key] = (term, section_of(text, start), (sp.start, sp.end))
    return out


def find_events(doc: Document, sents: Iterable[Flat]) -> list[EventDef]:
    found: dict[str, list[tuple[int, int]]] = {}
    labels: dict[str, str] = {}
    for flat in sents:
        for name, i, j in events_in(flat):
            found.setdefault(name, []).append(flat.span(i, j))
            labels.setdefault(name, flat.raw[i:j])
    defs = definitions(doc)
    out: list[EventDef] = []
    for name, spans in found.items():
        term = sec = span = None
        for key in EVENT_TERMS.get(name, ()):
            if key in defs:
                term, sec, span = defs[key]
                break
        if term is None:
            for key in EVENT_TERMS.get(name, ()):
                hit = _quoted(doc, key)
                if hit:
                    term, sec, span = hit
                    break
        occurred = acceptance_date(doc) if name == "acceptance" else None
        out.append(
            EventDef(
                name=name,
                label=labels[name],
                defined_term=term,
                defined_in=sec,
                definition=span,
                occurred_on=occurred,
                evidence=tuple(sorted(set(spans))[:8]),
            )
        )
    out.sort(key=lambda e: e.evidence[0] if e.evidence else (0, 0))
    return out


def _quoted(doc: Document, key: str) -> tuple[str, str | None, tuple[int, int]] | None:
    """Where the term first appears in quotes (its definition site), for definitions
    written without "means" ("deemed to have resigned for "Good Reason" if ...")."""
    from termwise.segment.sentences import split_sentences

    m = re.search(r"[\"“]" + re.escape(key) + r"[,.]?[\"”]", doc.clean, re.IGNORECASE)
    if not m:
        return None
    text = doc.clean
    sp = next((s for s in split_sentences(text) if s.start <= m.start() < s.end), None)
    span = (sp.start, sp.end) if sp else (m.start(), m.end())
    return text[m.start() + 1 : m.end() - 1].strip(",."), section_of(text, m.start()), span


_ACCEPT_BLOCK = re.compile(r"(?i)(accepted|agreed)(?: and (?:agreed|accepted))?(?: to)?\s*:")


def acceptance_block(doc: Document) -> tuple[int, int] | None:
    """Span of a countersignature (``ACCEPTED AND AGREED: ... /s/ name``), if signed."""
    text = doc.clean
    for m in _ACCEPT_BLOCK.finditer(text):
        tail = text[m.start() : m.start() + 500]
        s = re.search(r"(?i)/s/\s*\S[^\n]*", tail)
        if s:
            return (m.start(), m.start() + s.end())
    return None


def acceptance_date(doc: Document) -> dt.date | None:
    """Date written on the countersignature block, if any."""
    blk = acceptance_block(doc)
    if blk is None:
        return None
    text = doc.clean
    tail = text[blk[0] : blk[0] + 600]
    flat = flatten(tail, 0, len(tail))
    for _m, d in find_dates(flat.s):
        return d
    m2 = re.search(r"/s/[^\n]*?(\d{1,2}/\d{1,2}/\d{2,4})", tail)
    if m2:
        f = flatten(m2.group(1), 0, len(m2.group(1)))
        for _, d in find_dates(f.s):
            return d
    return None
