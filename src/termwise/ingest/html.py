"""HTML (EDGAR exhibits, inline XBRL filings, saved web pages) to text with a map back to
elements.

* block elements end lines; paragraphs, headings, lists and tables (and ``div`` s with a
  vertical margin, the paragraphs of tool-made EDGAR HTML) are separated by a blank line;
* a table row is one line, its non-empty cells separated by tabs; blocks inside a cell
  are joined with spaces;
* ``<PAGE>`` elements and ``page-break-before/after`` (or ``break-before: page``) styles
  mark page starts; page numbers and running headers around them become furniture;
* hidden content is dropped: ``<head>``, scripts, styles, ``<ix:header>`` (inline XBRL's
  hidden facts), anything ``display:none`` or ``hidden``;
* entities are decoded by the parser; runs of whitespace (``&nbsp;`` included) collapse to
  one space, except inside ``<pre>``.

``Document.origins`` holds ``(offset, "html:body/div[2]/p[5]")`` for the first text of each
block element, so an offset maps back to its element (1-based index among siblings of the
same tag).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from termwise.errors import CorruptFile, EmptyDocument
from termwise.ingest import sha256_of
from termwise.ingest.text import _BOMS, CP1252_ERRORS, MIXED_ERRORS, _mostly_utf8
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture

_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl hr address figure form fieldset center".split()
)
_LINE = frozenset(
    "div li tr dt dd section article header footer nav aside main caption figcaption tbody thead tfoot"
    " body html option legend details summary".split()
)
_CELL = frozenset(("td", "th"))
_SKIP = frozenset(
    "head script style title template noscript meta link object embed iframe svg math select button ix:header".split()
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BREAK_BEFORE = re.compile(r"(?:page-)?break-before\s*:\s*(?:always|page|left|right)", re.I)
_BREAK_AFTER = re.compile(r"(?:page-)?break-after\s*:\s*(?:always|page|left|right)", re.I)
_MARGIN = re.compile(r"(?:margin|padding)(?:-top|-bottom)?\s*:\s*([0-9.]+)\s*(pt|px|em|rem|in|%)?", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, *, path: str) -> tuple[str, str]:
    """Bytes to str: byte-order mark, then ``<meta charset>`` / XML declaration, then UTF-8,
    then Windows-1252."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    head = data[:4096]
    for pat in (_META_CHARSET, _XML_ENCODING):
        m = pat.search(head)
        if m:
            declared = m.group(1).decode("ascii", errors="replace").lower()
            try:
                enc = codecs.lookup(declared).name
            except LookupError:
                break  # an unknown charset name: guess below
            if enc in {"latin-1", "iso8859-1", "ascii"}:
                enc = "cp1252"  # as browsers do: documents labelled Latin-1 are cp1252
            if enc == "cp1252":
                return data.decode(enc, errors=CP1252_ERRORS), enc
            if enc != "utf-8":
                return data.decode(enc, errors="replace"), enc  # bytes the label denies: U+FFFD, as browsers
            break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(data):
            return data.decode("utf-8", errors=MIXED_ERRORS), "utf-8"
        return data.decode("cp1252", errors=CP1252_ERRORS), "cp1252"


def html_to_text(html: str) -> tuple[str, tuple[int, ...], tuple[tuple[int, str], ...]]:
    """The text of ``html``, the offsets where pages start (the first page at 0 included; empty
    when the HTML marks no page breaks) and the origins map.

    One loop over an explicit stack (EDGAR HTML can nest deeper than Python's recursion
    limit), with the output state in local variables: this is the hot path of HTML reading.
    """
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(html).root
    if root is None:
        return "", (), ()
    parts: list[str] = []
    length = 0
    last = "\n"
    brk = 0  # newlines owed before the next text
    space = False  # a space owed before the next text
    cell_sep = False  # a tab owed before the next text (a new table cell)
    page = False  # a page starts at the next text
    origin: tuple[Any, ...] | None = None  # element path owed to the next text
    page_starts: list[int] = []
    origins: list[tuple[int, tuple[Any, ...]]] = []
    rows: list[bool] = []  # per open table row: has it text yet
    pre = 0
    in_cell = 0
    seen: dict[tuple[str, str], tuple[bool, bool, bool, int]] = {}
    lists: list[list[Any] | None] = []  # open <ol> (its counter and type) / <ul> (None)
    marker = ""  # an <ol> item number owed before the next text
    # entries: (node, path) to open, or (None, (tag, gap, page_after)) to close
    # a path is a linked tuple (parent_path, tag, index among same-tag siblings)
    stack: list[tuple[Any, Any]] = [(root, None)]
    pop, push = stack.pop, stack.append
    while stack:
        node, info = pop()
        if node is None:  # closing an element
            tag, gap, page_after = info
            if tag in _CELL:
                in_cell -= 1
            elif tag == "pre":
                pre -= 1
            elif tag == "tr" and rows:
                rows.pop()
            elif tag in ("ol", "ul") and lists:
                lists.pop()
            if gap:
                if in_cell:
                    space = True
                elif gap > brk:
                    brk = gap
            if page_after:
                page = True
            continue
        tag = node.tag
        if tag == "-text":
            s = node.text_content
            if not s:
                continue
            if not pre:
                if s[0].isspace():
                    space = True
                trail = s[-1].isspace()
                s = " ".join(s.split())
                if not s:
                    continue
            else:
                trail = False
            # emit s, after what is owed
            if length:
                if brk:
                    parts.append("\n" * brk)
                    length += brk
                elif cell_sep:
                    parts.append("\t")
                    length += 1
                elif space and last not in "\n\t ":
                    parts.append(" ")
                    length += 1
            brk = 0
            cell_sep = space = False
            if page:
                if not page_starts or page_starts[-1] != length:
                    page_starts.append(length)
                page = False
            if origin is not None:
                origins.append((length, origin))
                origin = None
            if rows:
                rows[-1] = True
            if marker:  # an <ol> item's number, as a browser shows it
                parts.append(marker)
                length += len(marker)
                marker = ""
            parts.append(s)
            length += len(s)
            last = s[-1]
            space = trail
            continue
        if tag is None or tag[0] in "_!-" or tag in _SKIP:
            continue  # comments, doctype, hidden elements
        attrs = node.attributes
        style = attrs.get("style") or ""
        key = (tag, style)
        props = seen.get(key)
        if props is None:  # styles repeat throughout tool-made HTML: read each once
            props = seen[key] = (
                bool(style) and bool(_HIDDEN.search(style)),
                tag == "page" or (bool(style) and bool(_BREAK_BEFORE.search(style))),
                bool(style) and bool(_BREAK_AFTER.search(style)),
                _block_gap(tag, style),
            )
        hidden, page_before, page_after, gap = props
        if hidden or "hidden" in attrs:
            continue
        if page_before:
            page = True
        if gap:
            if in_cell:
                space = True
            else:
                if gap > brk:
                    brk = gap
                origin = info
        if tag in _CELL:
            in_cell += 1
            if rows and rows[-1]:
                cell_sep = True
        elif tag == "pre":
            pre += 1
        elif tag == "tr":
            rows.append(False)
        elif tag == "br":
            if in_cell:
                space = True
            elif brk < 1:
                brk = 1
        elif tag == "ol":
            lists.append([_int(attrs.get("start"), 1) - 1, attrs.get("type") or "1"])
        elif tag == "ul":
            lists.append(None)
        elif tag == "li" and lists and lists[-1] is not None:
            counter = lists[-1]
            counter[0] = _int(attrs.get("value"), counter[0] + 1)
            marker = _ol_marker(counter[0], str(counter[1])) + " "
        push((None, (tag, gap, page_after)))
        counts: dict[str, int] = {}
        children: list[tuple[Any, Any]] = []
        for c in node.iter(include_text=True):
            ct = c.tag
            if ct == "-text":
                children.append((c, None))
            elif ct:
                k = counts.get(ct, 0) + 1
                counts[ct] = k
                children.append((c, (info, ct, k)))
        children.reverse()
        stack.extend(children)
    text = "".join(parts)
    starts = tuple(page_starts)
    if starts and starts[0] != 0:
        starts = (0, *starts)
    return text, (starts if len(starts) > 1 else ()), tuple((o, _path(p)) for o, p in origins)


def _path(p: tuple[Any, ...] | None) -> str:
    """``"html:body[1]/div[2]/p[5]"`` from a linked path tuple."""
    names: list[str] = []
    while p is not None:
        parent, tag, k = p
        names.append(f"{tag}[{k}]")
        p = parent
    names.reverse()
    if names and names[0] == "html[1]":
        names = names[1:]
    return "html:" + "/".join(names)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _ol_marker(n: int, kind: str) -> str:
    from termwise.ingest.docx import letter_number, roman_number

    if kind == "a":
        return letter_number(n) + "."
    if kind == "A":
        return letter_number(n).upper() + "."
    if kind == "i":
        return roman_number(n) + "."
    if kind == "I":
        return roman_number(n).upper() + "."
    return f"{n}."


def _block_gap(tag: str, style: str) -> int:
    if tag in _PARAGRAPH:
        return 2
    if tag == "div" and style:
        for m in _MARGIN.finditer(style):
            if float(m.group(1) or 0) > 0:
                return 2
    return 1 if tag in _LINE else 0


def read_html(data: bytes, *, path: str) -> Document:
    html, enc = decode_html(data, path=path)
    return html_document(html, path=path, sha256=sha256_of(data), encoding=enc, fmt="html")


def html_document(
    html: str, *, path: str, sha256: str, encoding: str | None, fmt: str, exhibit: str | None = None
) -> Document:
    """A Document from HTML source text (used by the EDGAR reader too)."""
    if "\x00" in html[:4096]:
        raise CorruptFile("is not HTML (it contains NUL bytes)", path=path)
    text, starts, origins = html_to_text(html)
    if not text.strip():
        raise EmptyDocument("has no visible text (empty HTML)", path=path)
    furniture, pages = find_furniture(text, starts or None)
    return Document(
        text=text,
        source=Source(
            path=path,
            format=fmt,
            sha256=sha256,
            pages=len(pages) if pages else None,
            exhibit=exhibit,
            encoding=encoding,
        ),
        furniture=furniture,
        page_starts=pages,
        origins=origins,
    )
