"""Page furniture: page markers, page numbers, repeated headers and footers.

Furniture is marked (as spans) and skipped by extractors, never deleted from the text.
What counts:

* EDGAR ``<PAGE>`` lines (a page starts after each), form feeds (likewise), and the
  SGML table tags of old EDGAR text exhibits (``<TABLE>``, ``<CAPTION>``, ``<S>``, ``<C>``);
* page-number lines: ``Page 2``, ``Page 2 of 9``, ``- 3 -``, ``-3-``; a bare number on its
  own line between blank lines only when it is one of an increasing run of such numbers
  a page apart, is indented like a centred page number, or sits next to a page mark (so a
  numbered paragraph ``5.`` or a lone table value is left alone);
* repeated blocks: a paragraph (1 to 4 lines between blank lines) that recurs verbatim,
  at least a page-ish distance apart, like a ``Confidential ... Tel: ... Fax:`` footer or a
  letterhead company line repeated at each page top. One-line blocks must recur 3+ times,
  blocks of 2 to 4 lines 2+ times (only twice: when they look like a footer, with an
  address, a phone, a rule or "Confidential"). The document's first paragraph (its letterhead or title)
  is kept. Blocks that only differ in digits match when they carry a page number ("Page 3",
  "3 of 9"). Not furniture however often they recur: signature lines and copies of a
  signature page (``/s/``, ``By:``, ``____``, closings), lead-ins ending in ``:``, full
  sentences that are no legend, and blocks that cluster instead of recurring page by page;
* where page starts are known, lines recurring at the top or bottom of most pages.

When the text has no page marks but has a repeated footer (or header), pages are inferred
from it. Everything is regular expressions plus counting over short paragraphs: it runs
on every document (about 70 MB/s of CPU time on CUAD's texts).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from termwise.model import Span

# Patterns start with a literal newline (the text is scanned with one prepended): Python's
# regex engine then skips quickly to candidate line starts, where ``^`` with re.M would try
# every position.
_PAGE = re.compile(r"\n[ \t]*+<PAGE>[ \t]*\d*[ \t\r]*(?=\n|\Z)", re.I)
_FF = re.compile(r"\f")
_SGML_TABLE = re.compile(r"\n[ \t]*+</?(?:TABLE|CAPTION|S|C|FN)>[ \t\r]*(?=\n|\Z)", re.I)
# "Page 2", "Page 2 of 9", "- 3 -", "-3-", "Page - 3 -", "2 of 9"
_PAGENO = re.compile(
    r"\n[ \t]*+((?:[Pp][Aa][Gg][Ee][ \t]+(?:-[ \t]*)?\d{1,4}(?:[ \t]*-)?(?:[ \t]+[Oo][Ff][ \t]+\d{1,4})?"
    r"|-[ \t]*\d{1,4}[ \t]*-"
    r"|\d{1,4}[ \t]+[Oo][Ff][ \t]+\d{1,4}))[ \t\r]*(?=\n|\Z)"
)
# a page number in a running head: "Page 3", "Page - 3", "3 of 9"
_PAGE_WORD = re.compile(r"\bpage\s*[-:#]?\s*\d|\b\d+\s+of\s+\d+\b", re.I)
_HAS_PAGE = re.compile(r"<PAGE>", re.I)
_NONBLANK = re.compile(r"\S")
_LETTER = re.compile(r"[A-Za-z]")
# a block made only of signature / form labels ("By:", "Name: ____") is content, not furniture
_FORM_LINE = re.compile(
    r"[ \t]*(?:By|Name|Title|Date|Its|Address|Attn|Attention|Signature|Print(?:ed)? Name|Email|Phone|Fax|Tel)"
    r"[ \t]*:[ \t_./-]*\r?",
    re.I,
)
_DIGITS = re.compile(r"\d+")

MAX_BLOCK_LINES = 4
MAX_BLOCK_CHARS = 400
MIN_GAP = 800  # characters between two occurrences of a repeated block (about a third of a page)
MAX_EDGE_LINE = 200
MIN_PAGE_GAP = 300  # characters between two page numbers of one run


def find_furniture(
    text: str, page_starts: tuple[int, ...] | None = None
) -> tuple[tuple[Span, ...], tuple[int, ...] | None]:
    """Spans of page furniture and the offsets where pages start.

    ``page_starts`` may be given by a reader that knows them (PDF pages, HTML page breaks);
    otherwise they come from ``<PAGE>`` marks and form feeds, or are inferred from a repeated
    footer / header. ``None`` when nothing shows pages.
    """
    spans: list[tuple[int, int]] = []
    starts: set[int] = set(page_starts or ())
    given = bool(page_starts)  # a reader's page starts win over marks found in the text
    src = "\n" + text  # every pattern starts with "\n"; offsets in src are one past text's
    if _HAS_PAGE.search(text):
        for m in _PAGE.finditer(src):
            spans.append(_line_span(src, m.start() + 1, m.end()))
            if not given:
                starts.add(_next_line(text, m.end() - 1))
    if "\f" in text:
        for m in _FF.finditer(text):
            spans.append((m.start(), m.end()))
            if not given:
                starts.add(m.end())
    if "<" in text:
        spans.extend(_line_span(src, m.start() + 1, m.end()) for m in _SGML_TABLE.finditer(src))
    spans.extend((m.start(1) - 1, m.end(1) - 1) for m in _PAGENO.finditer(src))
    short, first_key = _short_paragraphs(text)
    spans.extend(_bare_page_numbers(text, short, sorted(starts)))
    explicit = bool(starts)
    blocks, inferred = _repeated_blocks(text, short, first_key)
    spans.extend(blocks)
    if not explicit and inferred:
        starts.update(inferred)
    if explicit and len(starts) >= 2:
        spans.extend(_page_edges(text, sorted(starts | {0}), spans))
    merged = _merge(spans)
    pages: tuple[int, ...] | None = None
    if starts:
        starts.add(0)
        pages = tuple(sorted(s for s in starts if s < len(text) or s == 0))
    return tuple(Span(start=a, end=b) for a, b in merged), pages


def _next_line(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _line_span(src: str, s: int, e: int) -> tuple[int, int]:
    """(start, end) in text of the stripped line src[s:e] (src is text with "\\n" prepended)."""
    while s < e and src[s] in " \t":
        s += 1
    while e > s and src[e - 1] in " \t\r":
        e -= 1
    return s - 1, e - 1


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\r":
        end -= 1
    return end


def _short_paragraphs(text: str) -> tuple[list[tuple[int, int, str]], str | None]:
    """Paragraphs (runs of non-blank lines) of at most MAX_BLOCK_LINES lines and MAX_BLOCK_CHARS
    characters, after the first one, and the key of the first (the letterhead or title).

    A plain loop over ``split("\\n")``: faster here than any regular expression."""
    short: list[tuple[int, int, str]] = []
    first_key: str | None = None
    pos = 0
    start = -1
    end = 0
    nl = 0
    for ln in (text + "\n").split("\n"):
        if ln and not ln.isspace():
            if start < 0:
                start = pos
                nl = 0
            else:
                nl += 1
            end = pos + len(ln)
        elif start >= 0:
            if first_key is None:
                first_key = _block_key(text[start:end]) if end - start <= MAX_BLOCK_CHARS else ""
            elif end - start <= MAX_BLOCK_CHARS and nl < MAX_BLOCK_LINES:
                short.append((start, end, text[start:end]))
            start = -1
        pos += len(ln) + 1
    return short, first_key


def _bare_page_numbers(text: str, short: list[tuple[int, int, str]], starts: list[int]) -> list[tuple[int, int]]:
    """Bare numbers alone between blank lines that look like page numbers (see module doc)."""
    cands: list[tuple[int, int, int, int]] = []  # (start, end, value, indent)
    for s, e, g in short:
        if e - s <= 80:
            st = g.strip()
            if st.isascii() and st.isdigit() and len(st) <= 4:
                lead = g[: len(g) - len(g.lstrip())]
                a = s + len(lead)
                cands.append((a, a + len(st), int(st), len(lead.expandtabs(8))))
    if not cands:
        return []
    out: list[tuple[int, int]] = []
    for i, (s, e, v, indent) in enumerate(cands):
        ok = indent >= 20
        if not ok and i > 0:
            ps, _, pv, _ = cands[i - 1]
            ok = 0 < v - pv <= 3 and s - ps >= MIN_PAGE_GAP
        if not ok and i + 1 < len(cands):
            ns, _, nv, _ = cands[i + 1]
            ok = 0 < nv - v <= 3 and ns - s >= MIN_PAGE_GAP
        if not ok:
            ok = _near_mark(text, s, e)
        if not ok and starts:
            ok = _at_page_edge(text, s, e, starts)
        if ok:
            out.append((s, e))
    return out


def _at_page_edge(text: str, s: int, e: int, starts: list[int]) -> bool:
    """Only blank space between the number and a page start (it ends or opens a page)."""
    i = bisect.bisect_left(starts, e)
    if i < len(starts) and starts[i] - e < 200 and not text[e : starts[i]].strip():
        return True
    return i > 0 and s - starts[i - 1] < 200 and not text[starts[i - 1] : s].strip()


def _near_mark(text: str, s: int, e: int) -> bool:
    """A page mark (``<PAGE>`` or form feed) within a few lines before or after."""
    before = text[max(0, s - 40) : s]
    after = text[e : e + 40]
    return "<PAGE>" in before.upper() or "<PAGE>" in after.upper() or "\f" in before or "\f" in after


def _key(block: str) -> str:
    return " ".join(block.split())


def _block_key(block: str) -> str:
    """Blocks match verbatim, or with digits aside when they mention a page (a running footer
    with its page number)."""
    if ("age" in block or "AGE" in block) and _PAGE_WORD.search(block):
        return "p:" + _DIGITS.sub("#", _key(block))
    return block.rstrip()


def _is_form_block(block: str) -> bool:
    return all(_FORM_LINE.fullmatch(line) for line in block.split("\n") if line.strip())


def _repeated_blocks(
    text: str, short: list[tuple[int, int, str]], first_key: str | None
) -> tuple[list[tuple[int, int]], list[int]]:
    """Repeated short paragraphs (spans) and, from them, inferred page starts."""
    groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    search = _PAGE_WORD.search
    for item in short:
        g = item[2]
        if ("age" in g or "AGE" in g) and search(g):  # _block_key, inlined: this loop is hot
            groups[_block_key(g)].append(item)
        else:
            groups[g.rstrip()].append(item)
    spans: list[tuple[int, int]] = []
    footers: list[list[tuple[int, int]]] = []
    headers: list[list[tuple[int, int]]] = []
    for dkey, occ in groups.items():
        if len(occ) < 2:
            continue
        lines = text.count("\n", occ[0][0], occ[0][1]) + 1
        need = 3 if lines == 1 else 2
        if len(occ) + (dkey == first_key) < need:  # the letterhead's first copy counts, unmarked
            continue
        block = occ[0][2]
        if len(_LETTER.findall(block)) < 3 or _is_form_block(block):
            continue
        if _SIGNATURE.search(block) or _NUMBERED.match(block):
            continue  # copies of a signature page ("/s/", "By: ____"), a numbered heading or paragraph
        if len(occ) + (dkey == first_key) < 3 and not _FOOTERISH.search(block):
            continue  # twice only: a footer must look like one (address, phone, rule, "Confidential")
        if _is_sentence(block):
            continue  # prose ("This Agreement is executed as of ..."), not a running head
        if lines == 1 and (block.rstrip().endswith((":", ",")) or _before_form(text, occ)):
            continue  # a lead-in ("Datec will:"), a party over "By:" lines: content
        gaps = [b[0] - a[1] for a, b in zip(occ, occ[1:], strict=False)]
        if min(gaps) < MIN_GAP // 4 or (len(gaps) > 1 and sum(g < MIN_GAP for g in gaps) > len(gaps) // 3):
            continue  # clustered (a signature page, a notice list), not once a page; a last page may be short
        located = [(s, _rstrip_end(text, e)) for s, e, _ in occ]
        spans.extend(located)
        # a header repeats the document's first paragraph or starts near the top; else a footer
        (headers if dkey == first_key or located[0][0] < MIN_GAP else footers).append(located)
    starts: list[int] = []
    for copies in footers:
        starts.extend(_next_line(text, e) for _, e in copies if _NONBLANK.search(text, e))
    if not starts:
        for copies in headers:
            starts.extend(_line_start(text, s) for s, _ in copies)
    return spans, starts


_FORM_START = re.compile(r"\s*+(?:(?:By|Name|Title|Its)[ \t]*:|[^\n]*/s/|[^\n]*_{5})", re.I)
_SIGNATURE = re.compile(
    r"/s/|_{5}|\bBy:|^\s*(?:agreed|accepted|acknowledged|in witness|witness|very truly|sincerely|signed)\b",
    re.I | re.M,
)
_NUMBERED = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,4}\)|ARTICLE|SECTION|Section|Article)\s+\S")
_FOOTERISH = re.compile(
    r"confidential|proprietary|page|tel\b|fax|phone|www\.|https?:|@|\u00a9|\(c\)|copyright|source:|rights reserved"
    r"|-{10}|={10}|_{10}|\bsuite\b|\b\d{5}(?:-\d{4})?\b",
    re.I,
)
_LEGEND = re.compile(r"page|confidential|omitted|redacted|source:|copyright|\u00a9|draft|execution", re.I)


def _before_form(text: str, occ: list[tuple[int, int, str]]) -> bool:
    """Some copy of the block is followed by a signature line ("By:", "/s/", "______")."""
    return any(_FORM_START.match(text[e : e + 200]) for _, e, _ in occ)


def _is_sentence(line: str) -> bool:
    """A full sentence ("This Agreement is executed as of ...") that is no legend."""
    return line.rstrip().endswith(".") and len(line.split()) >= 8 and not _LEGEND.search(line)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


_NONBLANK_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _page_edges(text: str, starts: list[int], known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines recurring (digits aside) among the first or last two lines of most pages."""
    marked = {s for s, _ in known}
    bounds = [*starts, len(text)]
    top: dict[str, list[tuple[int, int]]] = defaultdict(list)
    bottom: dict[str, list[tuple[int, int]]] = defaultdict(list)
    npages = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a >= b:
            continue
        npages += 1
        lines = [(m.start(), m.end()) for m in _NONBLANK_LINE.finditer(text[a:b])]
        lines = [(a + s + len(text[a + s : a + e]) - len(text[a + s : a + e].lstrip()), a + e) for s, e in lines]
        lines = [ln for ln in lines if ln[0] not in marked and not text[ln[0] : ln[1]].lstrip().startswith("\f")]
        for s, e in lines[:2]:
            if e - s <= MAX_EDGE_LINE:
                top[_edge_key(text[s:e])].append((s, _rstrip_end(text, e)))
        for s, e in lines[-2:] if len(lines) > 2 else []:
            if e - s <= MAX_EDGE_LINE:
                bottom[_edge_key(text[s:e])].append((s, _rstrip_end(text, e)))
    need = max(2, (npages + 1) // 2)
    out: list[tuple[int, int]] = []
    for table in (top, bottom):
        for k, occ in table.items():
            if len(occ) >= need and (len(_LETTER.findall(k)) >= 3 or "#" in k) and not _FORM_LINE.fullmatch(k):
                out.extend(occ)
    return out


def _edge_key(line: str) -> str:
    """A page-edge line, with its digits aside when it carries a page number."""
    k = _key(line)
    if _PAGE_WORD.search(k) or len(_LETTER.findall(k)) <= 3:
        return _DIGITS.sub("#", k)
    return k


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
