"""Numbered sections and nested enumerations.

Markers found: ``ARTICLE IV`` / ``Article 3``, ``Section 5.2``, ``1.`` ``5.1`` ``5.1.2``,
``(a)`` ``(i)`` ``(A)`` ``(1)``, ``A.`` ``i.`` at a line start, and inline enumerations in
running text (``... (a) ..., (b) ... and (c) ...``, ``(x) ... (y) ... (z)``).

Two steps: find candidate markers (block starts: a line start, or a run of spaces after a
sentence end in texts whose paragraphs were flattened onto one line; inline: a bracketed
marker between spaces), then build the tree with a stack. A candidate is kept only when it
continues an open list (``(b)`` after ``(a)``, ``5.2`` after ``5.1``) or starts a new one
(``(a)``, ``(i)``, ``1.``, ``5.1`` under ``5``), which is what keeps ``$3,500,000.00``, dates,
``Sections 13(d)(3)`` and ``Rule 13d-3`` out. ``(i)`` is a letter after ``(h)``, a roman
numeral otherwise.

A section runs from its marker through the start of its next sibling or of an ancestor's
sibling (trailing whitespace trimmed). Also closing sections: a paragraph set flush left of
a hanging-indented section body, an unnumbered all-capitals heading, ``IN WITNESS WHEREOF``
and letter closings. The last item of an inline enumeration ends with its sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from termwise.model import Document, Section
from termwise.segment._markers import LINE, Cand, candidates, is_first, is_successor
from termwise.segment.sentences import ABBREVIATIONS

# A sentence end or a blank line. Written to open with one class, not with an alternation: then the engine
# skips to the next of these characters instead of trying a match at every place.
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)]*(?=\s+[\"“(]?[A-Z])|(?<=\n)[ \t]*\n)")
_BLANK = re.compile(r"\n[ \t]*\n")
_PARA = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*([ \t]*)(\S[^\n]*)(?:\n([ \t]*)\S)?")
_STOP = re.compile(
    r"\n[ \t]*(IN[ \t]+WITNESS[ \t]+WHEREOF|In[ \t]+Witness[ \t]+Whereof|(?:Very[ \t]+truly[ \t]+yours|Sincerely"
    r"|Yours[ \t]+(?:truly|sincerely|faithfully)|Best[ \t]+regards|Kind[ \t]+regards|Regards)\b"
    r"|(?:EXHIBIT|SCHEDULE|APPENDIX|ANNEX|ATTACHMENT)\b(?:[ \t]+[A-Z0-9.-]{1,6})?[ \t]*(?=\n|$))"
)
_CAPS_LINE = re.compile(r"\n[ \t]*([A-Z][A-Z0-9 ,.&'’/()-]{3,80})[ \t]*(?=\n|$)")
_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "by",
    "with",
    "than",
    "as",
    "at",
    "from",
    "upon",
    "under",
    "into",
    "its",
    "not",
    "vs",
    "per",
    "other",
    "be",
    "no",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’&/-]*")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Offset just past the first sentence end in ``text[start:limit]``, else ``limit``."""
    for m in _SENT_END.finditer(text, start, limit):
        if m.group(0)[0] == ".":
            i = m.start()
            j = i
            while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:i].lower()
            if word in ABBREVIATIONS or len(word) == 1:
                continue
            return m.end()
        if m.group(0)[0] == "\n":
            return m.start()
        return m.end()
    return limit


def _title_like(s: str) -> bool:
    words = s.split()
    if not words or len(words) > 20 or not words[0][:1].isupper():
        return False
    content = lower = 0
    for w in words:
        w = w.lstrip("\"“'(")
        if not w or not w[0].isalpha() or w.lower() in _STOPWORDS:
            continue
        content += 1
        if w[0].islower():
            lower += 1
            if lower > 5:
                return False
    return content > 0 and lower <= content * 0.25


_NL_WS = re.compile(r"\s*\n\s*")
_TWO_NL = re.compile(r"\r?\n[ \t]*\r?\n")
_INDENT = re.compile(r"([ \t]*)(\S)")
_NEXT_NONBLANK = re.compile(r"(?:[ \t]*\n){1,3}[ \t]*(\S)")
_NEXT_LINE_HEADING = re.compile(r"(?:[ \t]*\n){1,3}[ \t]*([^\n]{2,100})(?:\n|$)")
_HEAD_END = re.compile(r"[.:](?=\s)")
_GAP = re.compile(r"[ \t](?<=\S[ \t])[ \t]{2,}")  # a wide gap after text; opens with a class (see _SENT_END)


def _headish(raw: str) -> bool:
    if not raw or raw.endswith((",", ";", " Inc", " Co", " No")):
        return False
    if raw.isupper():
        return sum(map(str.isalpha, raw)) >= 3
    return _title_like(raw)


def _heading(text: str, c: Cand) -> str | None:
    """A short title right after the marker: "Capacity and Duties." or "DEFINITIONS" alone on its line."""
    pos = c.mend
    n = len(text)
    while pos < n and text[pos] in " \t-–—:":
        pos += 1
    if pos >= n:
        return None
    if text[pos] in "\r\n":
        # heading alone on the next non-empty line (ARTICLE IV / DEFINITIONS)
        if c.kinds[0][0] not in ("article", "dec"):
            return None
        m = _NEXT_LINE_HEADING.match(text, text.find("\n", pos))
        if not m:
            return None
        raw = m.group(1).strip().rstrip(".:")
        if LINE.match(raw) or len(raw) > 80 or not _headish(raw):
            return None
        return " ".join(raw.split())
    # quick rejection: a lower-case word among the first three ("The Company shall")
    for w in text[pos : pos + 40].split()[:3]:
        if w[0].islower() and w.lower().rstrip(".,:;") not in _STOPWORDS:
            return None
        if w.endswith((".", ":")):
            break
    # a) up to ". " or ": " (a heading may wrap once)
    m = _HEAD_END.search(text, pos, pos + 130)
    if m:
        raw = text[pos : m.start()].strip()
        one_line = _NL_WS.sub(" ", raw) if "\n" in raw else raw
        if raw.count("\n") <= 1 and not _GAP.search(one_line) and _headish(raw):
            return " ".join(raw.split())
    le = text.find("\n", pos, pos + 200)
    if le < 0:
        # b) a long (flattened) line: a title up to a wide gap
        g = _GAP.search(text, pos, pos + 100)
        if g:
            raw = text[pos : g.start()].strip()
            return " ".join(raw.split()) if len(raw) <= 80 and _headish(raw) else None
        if pos + 200 < n:
            return None
        le = n
    line = text[pos:le]
    g = _GAP.search(line)
    if g:
        raw = line[: g.start()].strip()
        return " ".join(raw.split()) if len(raw) <= 80 and _headish(raw) else None
    # c) the whole line, when a blank line or the end follows
    raw = line.strip()
    nxt = text[le : le + 200]
    if len(raw) <= 80 and _headish(raw) and (not nxt.strip() or _TWO_NL.match(nxt)):
        return " ".join(raw.split())
    return None


def find_sections(doc: Document) -> list[Section]:
    """Numbered sections and enumerations of ``doc``, in text order (see module docstring)."""
    text = doc.clean.replace("\r", " ") if "\r" in doc.clean else doc.clean  # CRLF: same offsets
    n = len(text)
    if n == 0:
        return []
    cands = candidates(text)
    events: list[tuple[int, int, object]] = [(c.start, 1, c) for c in cands]
    cand_starts = {c.start for c in cands}
    # paragraphs that open with a capital: (offset of the first line, the line, the match)
    paras = [(m.start(2), line, m) for m in _PARA.finditer(text) if (line := m.group(2))[:1].isupper()]
    caps = list(_CAPS_LINE.finditer(text))
    # running headers and footers: lines that come back page after page end nothing
    firsts = {s: line.strip() for s, line, _ in paras}
    firsts.update((m.start(1), m.group(1).strip()) for m in caps)
    line_counts = Counter(firsts.values())
    for s, _, m in paras:
        if s in cand_starts or line_counts[firsts[s]] > 1:
            continue
        ind = len(m.group(1).expandtabs())
        if m.group(3) is not None:
            ind = min(ind, len(m.group(3).expandtabs()))
        events.append((s, 0, ("para", ind)))
    heading_lines: set[int] = set()
    for m in _STOP.finditer(text):
        events.append((m.start(1), 0, ("stop", 0)))
    for m in caps:
        s = m.start(1)
        line = firsts[s]
        if s in cand_starts or line_counts[line] > 1 or sum(map(str.isalpha, line)) < 4:
            continue
        events.append((s, 0, ("caps", 0)))
    events.sort(key=itemgetter(0, 1))

    stack: list[Cand] = []  # the open sections, outermost first
    opened: list[Cand] = []  # every section, in text order (the order of their markers)
    lists: Counter[int] = Counter()
    list_inline: dict[int, bool] = {}
    next_list = 0
    seen_dec = False
    last_dec: dict[tuple[int, ...], int] = {}

    def close(f: Cand, at: int, truncate: bool = True) -> None:
        end = at
        if f.inline and truncate:
            end = min(end, _sentence_end(text, f.mend, at))
        while end > f.start and text[end - 1].isspace():
            end -= 1
        f.end = max(end, f.mend)

    def pop_to(k: int, at: int) -> None:
        while len(stack) > k:
            close(stack.pop(), at)

    def item_ended(f: Cand, at: int) -> bool:
        return f.inline and _sentence_end(text, f.mend, at) < at

    for pos, _, ev in events:
        if isinstance(ev, tuple):
            kind, ind = ev
            if kind == "para":
                # inline items end at a new paragraph; hanging-indented bodies end at a flush paragraph
                k = len(stack)
                for i, f in enumerate(stack):
                    if f.inline or (f.body_indent is not None and ind < f.body_indent):
                        k = i
                        break
                pop_to(k, pos)
            elif kind == "caps" and pos in heading_lines:
                continue
            else:
                keep = 0
                if kind == "caps":
                    while keep < len(stack) and stack[keep].family == "article":
                        keep += 1
                pop_to(keep, pos)
            continue
        c: Cand = ev  # type: ignore[assignment]
        # 1. continues an open list?
        placed = False
        for i in range(len(stack) - 1, -1, -1):
            f = stack[i]
            for fam, val in c.kinds:
                if fam == f.family and is_successor(fam, f.value, val):
                    if c.inline and not f.inline and fam != "dec" and i < len(stack) - 1:
                        continue
                    pop_to(i + 1, c.start)
                    close(stack.pop(), c.start, truncate=False)
                    if fam == "dec":
                        last_dec[val[:-1]] = val[-1]
                    _open(text, c, fam, val, stack[-1] if stack else None, f.list_key, len(stack), heading_lines)
                    stack.append(c)
                    opened.append(c)
                    lists[f.list_key] += 1
                    placed = True
                    break
            if placed:
                break
        if placed:
            continue
        # 2. starts a new list?
        choice = None
        for fam, val in c.kinds:
            if is_first(fam, val, c.inline):
                choice = (fam, val)
                break
        if choice is None:
            # "5.1" when "5" was never written: child of the article or top level
            fam, val = c.kinds[0]
            if fam == "dec" and len(val) > 1 and 1 <= val[-1] <= 2 and not any(s.family == "dec" for s in stack):
                choice = (fam, val)
            elif fam == "dec" and len(val) == 1 and c.block and c.indent >= 0 and not seen_dec and val[0] <= 30:
                choice = (fam, val)  # an excerpt that starts at paragraph 7
            elif fam == "dec" and 1 <= val[-1] - last_dec.get(val[:-1], 99) <= 2:
                choice = (fam, val)  # "1.26" after a "1.25" that was closed early
            else:
                continue
        fam, val = choice
        seen_dec = seen_dec or fam == "dec"
        if fam == "dec":
            last_dec[val[:-1]] = val[-1]
        if c.inline:
            while stack and item_ended(stack[-1], c.start):
                pop_to(len(stack) - 1, c.start)
        if fam == "article":
            pop_to(0, c.start)
        elif fam == "dec":
            k = len(stack)
            while k > 0:
                f = stack[k - 1]
                if f.family == "article" or (f.family == "dec" and f.value == val[:-1]):
                    break
                k -= 1
            if len(val) == 1 or k == 0 or stack[k - 1].family == "article":
                # a top-level "1." never nests in another list; a "5.1" without its "5" neither
                k2 = 0
                while k2 < len(stack) and stack[k2].family == "article":
                    k2 += 1
                k = max(k, k2) if k and stack[k - 1].family == "dec" else k2
            pop_to(k, c.start)
        else:
            # a line-start marker no more indented than the open one is not its child
            while (
                stack
                and c.indent >= 0
                and stack[-1].indent >= 0
                and c.indent <= stack[-1].indent
                and (stack[-1].family[0] == fam[0] or fam[0] == "d")
            ):
                pop_to(len(stack) - 1, c.start)
        key = next_list
        next_list += 1
        list_inline[key] = c.inline
        lists[key] += 1
        _open(text, c, fam, val, stack[-1] if stack else None, key, len(stack), heading_lines)
        stack.append(c)
        opened.append(c)
    pop_to(0, n)

    # an inline "list" of one item is a stray bracket, not an enumeration
    stray = {key for key, inline in list_inline.items() if inline and lists[key] < 2}
    drop: set[str] = set()
    out: list[Section] = []
    for f in opened:
        if f.list_key in stray or f.parent in drop:
            drop.add(f.id)
            continue
        out.append(
            Section(
                id=f.id,
                start=f.start,
                end=f.end,
                heading=f.heading,
                parent=f.parent,
                level=f.level,
                label=f.label,
            )
        )
    return out


def _open(
    text: str,
    c: Cand,
    fam: str,
    val: tuple[int, ...],
    parent: Cand | None,
    key: int,
    level: int,
    heading_lines: set[int],
) -> None:
    """Open a section at ``c``: its place in the tree, its heading, and the body indent of a line-start section
    (its second line); note a heading that stands on a line of its own in ``heading_lines``."""
    if fam == "article":
        fid = f"Article {c.written}"
    elif fam == "dec":
        fid = c.written.rstrip(".")
    elif fam[0] in "pr":
        fid = (parent.id if parent else "") + f"({c.written})"
    else:
        fid = (parent.id + "." if parent else "") + c.written
    c.family = fam
    c.value = val
    c.id = fid
    c.parent = parent.id if parent else None
    c.level = level
    c.list_key = key
    c.heading = heading = _heading(text, c) if not c.inline else None
    c.body_indent = None
    if c.indent < 0:
        return
    nl = text.find("\n", c.mend)
    if nl < 0:
        return
    m = _INDENT.match(text, nl + 1)
    if m:
        c.body_indent = len(m.group(1).expandtabs()) if m.group(1) or c.indent == 0 else 0
        if c.body_indent <= c.indent:
            c.body_indent = None
        if heading is not None and text[c.mend : nl].strip() == "":
            heading_lines.add(m.start(2))
    else:
        if text[c.mend : nl].strip():
            # a one-line paragraph: a later paragraph no more indented than the marker ends it
            c.body_indent = c.indent + 1
        # the next line is blank: a heading alone on the following line?
        m2 = _NEXT_NONBLANK.match(text, nl)
        if m2 and heading is not None:
            heading_lines.add(m2.start(1))
