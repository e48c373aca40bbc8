"""Defined terms: where each is defined, what defines it, and every other place it is used.

Definitions found:

- a quoted term that opens a definition: ``"Good Cause" shall mean ...``, ``"Affiliate"
  means ...``, ``"Change of control" of the Company shall be deemed to have occurred ...``,
  ``"Term" has the meaning set forth in ...``; the definition span is that sentence;
- a parenthetical that names what precedes it: ``Valence Technology, Inc. (the
  "Company")``, ``(collectively, the "Company Shareholders")``, ``("Company Benefit
  Plans")``, ``(hereinafter referred to as "CBC")``; the definition span is the name or
  phrase before the parenthetical;
- straight and curly quotes alike.

Uses are every other occurrence of a term, case-sensitive and word-bounded, found in one
pass with one combined pattern; they include uses before the definition (a term "as
defined below" is used before it is defined).
"""

from __future__ import annotations

import re
from collections import defaultdict

from termwise.extract._names import collapse, entity_before
from termwise.model import DefinedTerm, Document, Span

_Q_OPEN = '"“'
_Q_CLOSE = '"”'

# "Term" [of the Company] shall mean / means / has the meaning / shall be deemed / refers to / includes
_QUOTE_PAIR = re.compile(r"[\"“](?P<term>[^\"“”\n]{1,80})[\"”]")
_STRAIGHT_QUOTE_PAIR = re.compile(r"\"(?P<term>[^\"“”\n]{1,80})[\"”]")  # the same where no “ can open
_DEF_VERB = re.compile(
    r"(?:shall\s+(?:mean|have\s+the\s+meaning|be\s+deemed|refer\s+to|include|be\s+defined)|means|mean"
    r"|has\s+the\s+meaning|have\s+the\s+meaning|refers\s+to|is\s+defined|includes|as\s+used\s+(?:herein|in\s+this))\b"
)
_MID_STOP = re.compile(r"[.;:\"“”]|\n[ \t]*\n")
# a parenthetical holding a quoted name: ("Valence"), (the "Company"), (collectively, the "Sellers")
_PAREN = re.compile(r"\((?P<body>[^()\"“]{0,200}[\"“][^()]{0,200})\)")
_QUOTED = re.compile(r"[\"“]\s*(?P<term>[^\"“”\n]{1,80}?(?:\n[ \t]*[^\"“”\n]{1,40}?)?)\s*[\"”]")

_HEREINAFTER = re.compile(
    r"here(?:in)?after\s*(?:(?:collectively\s*,?\s*|individually\s*,?\s*)?(?:referred\s+to|called|designated|"
    r"known|defined)\s+(?:herein\s+)?(?:as\s+)?)?(?:the\s+)?[\"“](?P<term>[^\"“”\n]{1,80}?)[\"”]",
    re.I,
)
# where _HEREINAFTER can match in lower-cased text (with re.I, "i" also matches a dotless "ı")
_HEREINAFTER_AT = re.compile("here(?:[iı]n)?after")
_CLAUSE_START = re.compile(r"[.;:]\s|[()\"“”]|,(?!\d)|\n[ \t]*\n")
_LEADING_LINK = re.compile(r"(?:(?:if|and|or|that|which|who|where|whereby|including|as|with|to|of)\s+)+")
_NOT_TERMS = {"party", "parties"}


def find_defined_terms(doc: Document) -> list[DefinedTerm]:
    """Every defined term of ``doc`` in order of definition, with its definition span and uses."""
    text = doc.clean
    found: dict[str, tuple[int, int, Span]] = {}

    def add(term: str, start: int, end: int, definition: Span) -> None:
        found.setdefault(term, (start, end, definition))  # the first definition found stands

    # without curly opening quotes the engine can skip ahead to the straight quote, a literal
    for m in (_QUOTE_PAIR if "“" in text else _STRAIGHT_QUOTE_PAIR).finditer(text):
        # shall be deemed to have resigned for "Good Reason" if ...
        if (
            _COND_AFTER.match(text, m.end())
            and _COND_BEFORE.search(text, max(0, m.start() - 20), m.start())
            and m.group("term")[:1].isupper()
        ):
            term, s, e = _clean_term(text, m.start("term"), m.end("term"))
            if term:
                back = _MID_STOP.search(text[max(0, m.start() - 400) : m.start()][::-1])
                sent_start = m.start() - back.start() if back else max(0, m.start() - 400)
                while text[sent_start].isspace():
                    sent_start += 1
                add(term, s, e, Span(start=sent_start, end=_sentence_end(text, m.end())))
            continue
        # "Term" [of the Company] shall mean / means / has the meaning / shall be deemed ...
        verb = _DEF_VERB.search(text, m.end(), min(len(text), m.end() + 170))
        if verb is None or _MID_STOP.search(text, m.end(), verb.start()):
            continue
        term, s, e = _clean_term(text, m.start("term"), m.end("term"))
        if not term or term in found or not _opens_definition(text, m.start()):
            continue
        add(term, s, e, Span(start=m.start(), end=_sentence_end(text, m.start())))
    for m in _PAREN.finditer(text):
        body_start = m.start("body")
        body = m.group("body")
        if _is_remark(body):
            continue
        named: Span | None = None  # what the parenthetical names, looked for once and only for a new term
        for q in _QUOTED.finditer(body):
            term, s, e = _clean_term(text, body_start + q.start("term"), body_start + q.end("term"))
            if not term or term in found or not (term[0].isupper() or term[0].isdigit()):
                continue
            if named is None:
                named = _phrase_before(text, m.start())
            add(term, s, e, named)
    low = text.lower()
    after = 0
    # the engine cannot skip ahead to a case-insensitive pattern, so find its literal start first
    for c in _HEREINAFTER_AT.finditer(low):
        h = _HEREINAFTER.match(low, c.start()) if c.start() >= after else None
        if h is None:
            continue
        after = h.end()
        term, s, e = _clean_term(text, h.start("term"), h.end("term"))
        if term and term not in found and (term[0].isupper() or term[0].isdigit()):
            add(term, s, e, _phrase_before(text, h.start()))
    ordered = sorted(found.items(), key=lambda kv: kv[1][0])
    uses = _uses(text, ordered)
    return [
        DefinedTerm(term=term, start=s, end=e, definition=definition, uses=tuple(uses.get(term, ())))
        for term, (s, e, definition) in ordered
    ]


def _clean_term(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",."):
        end -= 1
    term = collapse(text[start:end])
    if not term or len(term) > 80 or term.lower() in _NOT_TERMS or not any(c.isalpha() for c in term):
        return None, start, end
    if len(term.split()) > 8:
        return None, start, end
    return term, start, end


# what may come before a quoted term that opens a definition, up to the quote; one pattern per alternative, as
# each can skip ahead to where it may start, which one pattern of all of them cannot
_OPENS = tuple(
    re.compile(f"(?:{alternative})$")
    for alternative in (
        r"(?:^|\n)[ \t]*(?:\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,3}(?:\.\d{1,3})*)[.)]?\s+)*"
        r"(?:(?:the\s+)?(?:term|words?|phrase)\s+|(?:A|An|The)\s+)?",
        r"(?:[.;:]|\(\s*[a-zA-Z0-9ivx]{1,4}\s*\))\s+(?:(?:the\s+)?(?:term|words?|phrase)\s+)?(?:As\s+used[^,]{0,40},\s*)?"
        r"(?:the\s+|A\s+|An\s+|The\s+)?",
        r"(?i:\b(?:term|terms|phrase|word|words)\s+)",
        r"(?i:as\s+used\s+(?:herein|in\s+this\s+\w+)\s*,\s*(?:the\s+term\s+)?)",
        r"(?i:\bfor\s+(?:the\s+)?purposes?\s+of\s+[^,]{1,60},\s*(?:the\s+term\s+)?)",
    )
)
_COND_BEFORE = re.compile(r"\b(?:for|as|constitutes?|deemed)\s+$")
_COND_AFTER = re.compile(r"\s*(?:if|when|where|in\s+the\s+event)\b")


def _opens_definition(text: str, q: int) -> bool:
    """The quoted term starts its sentence, line, or enumerated item (not a quote in mid-sentence)."""
    start = max(0, q - 80)
    return any(opens.search(text, start, q) is not None for opens in _OPENS)


_END = re.compile(
    r"\.(?=[\"”')\]]*\s+[\"“(A-Z0-9]|[\"”')\]]*\s*$)|\n[ \t]*\n[ \t]*(?:\(?[a-z0-9ivx]{1,4}[.)]|[A-Z\"“])"
)
_ABBREV = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|No|Nos|Sec|Secs|Mr|Ms|Mrs|Dr|St|U\.S|e\.g|i\.e|etc|v|vs|N\.A|S\.A|L\.P)|\b[A-Z])$"
)


def _sentence_end(text: str, start: int) -> int:
    """End of the sentence (or enumerated definition) that starts at ``start``."""
    limit = min(len(text), start + 4000)
    for m in _END.finditer(text, start, limit):
        if m.group(0) == "." and _ABBREV.search(text, max(start, m.start() - 6), m.start()):
            continue
        end = m.start() + 1 if m.group(0) == "." else m.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        return end
    return limit


_REMARK = re.compile(r"(?i:\bsee\b|\bi\.e\.|\be\.g\.)")


def _is_remark(body: str) -> bool:
    """("Licensor" and "Licensee" each a "Party") and the like still define the quoted names; only a body
    that is a citation or a quoted phrase in running text is skipped."""
    return bool(_REMARK.search(body))


_AMENDED = re.compile(r",?\s*as\s+(?:amended|supplemented|modified)[\w\s,]{0,40}?$")


def _phrase_before(text: str, paren: int) -> Span:
    """What a parenthetical names: the entity name right before it (allowing a description such as ", a
    Delaware corporation"), else the phrase back to the start of the clause."""
    window_start = max(0, paren - 200)
    window = text[window_start:paren]
    amended = (
        _AMENDED.search(window)
        if "amended" in window or "supplemented" in window or "modified" in window
        else None  # the pattern tries every place in the window: look for its words first
    )
    if amended is not None:
        paren = window_start + amended.start()
        window = text[window_start:paren]
    entity = entity_before(text, window_start, paren)
    if entity is not None:
        return Span(start=entity[0], end=entity[1])
    starts = [c.end() for c in _CLAUSE_START.finditer(window)]
    s = window_start + (starts[-1] if starts else 0)
    e = paren
    if e - s > 150:
        s = text.find(" ", e - 150, e) + 1
    while s < e and text[s].isspace():
        s += 1
    link = _LEADING_LINK.match(text, s, e)
    if link is not None and link.end() < e:
        s = link.end()
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return Span(start=s, end=e)


_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9&\-]*")


def _uses(text: str, defined: list[tuple[str, tuple[int, int, Span]]]) -> dict[str, list[Span]]:
    """Every use of every term (``defined``: term, (start, end, definition)) in one pass: one pattern of the
    terms' distinct first words runs in the regex engine, and each hit is extended to the longest term written
    there. A space in a term matches any run of whitespace (terms wrap across lines). Where a term is defined is
    not a use, and neither is a mention inside its own definition ("MediWound" in "MediWound Ltd.")."""
    defining = {(s, e) for _, (s, e, _) in defined}
    # per first word, its terms longest first: (term, has a space, its definition's start and end)
    by_first: dict[str, list[tuple[str, bool, int, int]]] = {}
    for t, (_, _, definition) in sorted(defined, key=lambda kv: len(kv[0]), reverse=True):
        k = _KEY.match(t)
        if k is not None:
            by_first.setdefault(k.group(0), []).append((t, " " in t, definition.start, definition.end))
    out: defaultdict[str, list[Span]] = defaultdict(list)
    if not by_first:
        return out
    skip_to = 0
    starts_with, word_char = text.startswith, _WORD_CHAR.match
    for m in re.compile(_first_words(list(by_first))).finditer(text):
        pos = m.start()
        if pos < skip_to:
            continue
        first_end = m.end()
        wrapped: bool | None = None  # whether a line break or two spaces follow the first word, once asked
        for t, spaced, def_start, def_end in by_first[m.group()]:
            if starts_with(t, pos):
                end = pos + len(t)
            elif spaced:
                # a term broken across lines or spaces
                if wrapped is None:
                    wrapped = text[first_end : first_end + 1] in _LINE_BREAKS or starts_with("  ", first_end)
                wrapped_end = _match_at(text, pos, t) if wrapped else None
                if wrapped_end is None:
                    continue
                end = wrapped_end
            else:
                continue
            if word_char(text, end):
                continue
            if not def_start <= pos < def_end and (pos, end) not in defining:
                out[t].append(Span(start=pos, end=end))
            skip_to = end
            break
    return out


_WORD_CHAR = re.compile(r"\w")  # what str.isalnum() or "_" accepts
_LINE_BREAKS = ("\n", "\t", "\r")


def _first_words(words: list[str]) -> str:
    """A pattern for any of ``words`` (each starts with a letter or digit) written as a whole word. The words are
    grouped by their first character, and each group opens with that character as a literal, so the engine skips
    ahead to the characters that can start one of them; ``(?<!\\w.)`` after it: no word character before the word.
    Only one of the words can match at a place (the whole run of word characters), so their order does not matter."""
    by_char: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_char.setdefault(w[0], []).append(re.escape(w[1:]))
    groups = [re.escape(ch) + r"(?<!\w.)(?:" + "|".join(rests) + ")" for ch, rests in sorted(by_char.items())]
    return "(?:" + "|".join(groups) + r")(?![A-Za-z0-9&\-])"


def _match_at(text: str, pos: int, term: str) -> int | None:
    """End of ``term`` written at ``pos`` (any whitespace where the term has a space), or None."""
    if text.startswith(term, pos):
        return pos + len(term)
    if " " not in term:
        return None
    i = pos
    for part_no, part in enumerate(term.split(" ")):
        if part_no:
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if j == i:
                return None
            i = j
        if not text.startswith(part, i):
            return None
        i += len(part)
    return i
