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
from dataclasses import dataclass, field

from termwise.errors import CorruptFile, EmptyDocument
from termwise.ingest import sha256_of
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
_WS = re.compile(r"[ \t\n\r\f\v\xa0\u2028\u2029]+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BREAK_BEFORE = re.compile(r"(?:page-)?break-before\s*:\s*(?:always|page|left|right)", re.I)
_BREAK_AFTER = re.compile(r"(?:page-)?break-after\s*:\s*(?:always|page|left|right)", re.I)
_MARGIN = re.compile(r"(?:margin|padding)(?:-top|-bottom)?\s*:\s*([0-9.]+)\s*(pt|px|em|rem|in|%)?", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, *, path: str) -> tuple[str, str]:
    """Bytes to str: byte-order mark, then ``<meta charset>`` / XML declaration, then UTF-8,
    then Windows-1252."""
    from termwise.ingest.text import _BOMS

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
            if enc != "utf-8":
                return data.decode(enc, errors="replace"), enc
            break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from termwise.ingest import text  # registers the cp1252 error handler

        return data.decode("cp1252", errors=text.CP1252_ERRORS), "cp1252"


@dataclass
class _Out:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    brk: int = 0  # newlines owed before the next text
    space: bool = False  # a space owed before the next text
    cell_sep: bool = False  # a tab owed before the next text (a new table cell)
    last: str = "\n"
    page: bool = False  # a page starts at the next text
    origin: str | None = None
    page_starts: list[int] = field(default_factory=list)
    origins: list[tuple[int, str]] = field(default_factory=list)
    row_has_text: list[bool] = field(default_factory=list)

    def put(self, s: str) -> None:
        if self.length:
            if self.brk:
                self._raw("\n" * self.brk)
                self.cell_sep = self.space = False
            elif self.cell_sep:
                self._raw("\t")
                self.space = False
            elif self.space and self.last not in "\n\t ":
                self._raw(" ")
        self.brk = 0
        self.cell_sep = self.space = False
        if self.page:
            if not self.page_starts or self.page_starts[-1] != self.length:
                self.page_starts.append(self.length)
            self.page = False
        if self.origin is not None:
            self.origins.append((self.length, self.origin))
            self.origin = None
        if self.row_has_text:
            self.row_has_text[-1] = True
        self._raw(s)

    def _raw(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        self.last = s[-1]

    def newline(self, n: int) -> None:
        self.brk = max(self.brk, n)


def html_to_text(html: str) -> tuple[str, tuple[int, ...], tuple[tuple[int, str], ...]]:
    """The text of ``html``, the offsets where pages start (the first page at 0 included; empty
    when the HTML marks no page breaks) and the origins map."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return "", (), ()
    out = _Out()
    pre = 0
    in_cell = 0
    # explicit stack: (node, path, phase); EDGAR HTML can nest deeper than Python's recursion limit
    stack: list[tuple[object, str, int]] = [(root, "html:", 0)]
    while stack:
        node, path, phase = stack.pop()
        tag = node.tag  # type: ignore[attr-defined]
        if phase == 1:  # closing an element
            if tag in _CELL:
                in_cell -= 1
            elif tag == "pre":
                pre -= 1
            elif tag == "tr" and out.row_has_text:
                out.row_has_text.pop()
            _close(out, node, tag, in_cell)
            continue
        if tag == "-text":
            s = node.text_content or ""  # type: ignore[attr-defined]
            if not pre:
                if not s:
                    continue
                lead = s[0] in " \t\n\r\f\v\xa0"
                trail = s[-1] in " \t\n\r\f\v\xa0"
                s = _WS.sub(" ", s).strip()
                if lead:
                    out.space = True
                if s:
                    out.put(s)
                if trail:
                    out.space = True
            elif s:
                out.put(s)
            continue
        if tag is None or tag.startswith(("_", "!", "-")):
            continue  # comments, doctype
        if tag in _SKIP:
            continue
        attrs = node.attributes  # type: ignore[attr-defined]
        style = attrs.get("style") or ""
        if "hidden" in attrs or (style and _HIDDEN.search(style)):
            continue
        if tag == "page":
            out.page = True
        if style and _BREAK_BEFORE.search(style):
            out.page = True
        _open(out, tag, style, in_cell, path)
        if tag in _CELL:
            in_cell += 1
            if out.row_has_text and out.row_has_text[-1]:
                out.cell_sep = True
        elif tag == "pre":
            pre += 1
        elif tag == "tr":
            out.row_has_text.append(False)
        elif tag == "br":
            if in_cell:
                out.space = True
            else:
                out.newline(1)
        stack.append((node, path, 1))
        children = list(node.iter(include_text=True))  # type: ignore[attr-defined]
        counts: dict[str, int] = {}
        pushed: list[tuple[object, str, int]] = []
        for c in children:
            ct = c.tag
            if ct and not ct.startswith(("-", "_", "!")):
                counts[ct] = counts.get(ct, 0) + 1
                sep = "" if path.endswith(":") else "/"
                pushed.append((c, f"{path}{sep}{ct}[{counts[ct]}]", 0))
            else:
                pushed.append((c, path, 0))
        stack.extend(reversed(pushed))
    text = "".join(out.parts)
    starts = tuple(out.page_starts)
    if starts and starts[0] != 0:
        starts = (0, *starts)
    origins = tuple((o, p.replace("html:html[1]/", "html:", 1)) for o, p in out.origins)
    return text, (starts if len(starts) > 1 else ()), origins


def _block_gap(tag: str, style: str) -> int:
    if tag in _PARAGRAPH:
        return 2
    if tag == "div" and style:
        for m in _MARGIN.finditer(style):
            if float(m.group(1) or 0) > 0:
                return 2
    return 1 if tag in _LINE else 0


def _open(out: _Out, tag: str, style: str, in_cell: int, path: str) -> None:
    gap = _block_gap(tag, style)
    if gap:
        if in_cell:
            out.space = True
        else:
            out.newline(gap)
            out.origin = path


def _close(out: _Out, node: object, tag: str, in_cell: int) -> None:
    style = node.attributes.get("style") or ""  # type: ignore[attr-defined]
    gap = _block_gap(tag, style)
    if gap:
        if in_cell:
            out.space = True
        else:
            out.newline(gap)
    if style and _BREAK_AFTER.search(style):
        out.page = True


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
