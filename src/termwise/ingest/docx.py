"""Word (.docx) to text with python-docx, reading the body XML in order.

* paragraphs and tables in body order (content controls opened); paragraphs separated by a
  blank line; a table row is one line, its non-empty cells separated by tabs;
* list numbering rendered as Word shows it, from ``numbering.xml``: ``decimal``,
  ``decimalZero``, ``lowerLetter``/``upperLetter``, ``lowerRoman``/``upperRoman``, bullets,
  level text such as ``"(%1)"`` and ``"%1.%2"``, start values and overrides, legal numbering,
  numbering given by a paragraph style; followed by the level's tab / space;
* tracked deletions, moved-away text, hidden runs and field codes are left out; tabs and
  line breaks kept;
* headers and footers are dropped (they are page furniture);
* explicit page breaks set ``Document.page_starts``;
* ``Document.origins``: ``(offset, "docx:paragraph 12")`` / ``"docx:table 2 row 3"``.

An encrypted .docx (an OLE container holding ``EncryptedPackage``) is EncryptedFile; a file
python-docx cannot open is CorruptFile.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from termwise.errors import CorruptFile, EmptyDocument, EncryptedFile, UnsupportedFormat
from termwise.ingest import sha256_of
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("sdt"), _q("sdtContent")
T, TAB, BR, CR, NBH, PPR, VAL = _q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen"), _q("pPr"), _q("val")
TYPE = _q("type")
MOVE_FROM, RPR, VANISH = _q("moveFrom"), _q("rPr"), _q("vanish")
_RUN_TEXT = (T, TAB, BR, CR, NBH)


def read_docx(data: bytes, *, path: str) -> Document:
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFile("is a password-protected Word file; remove the password and try again", path=path)
        raise UnsupportedFormat("is a legacy Word .doc (OLE) file, not .docx; save it as .docx or PDF", path=path)
    if not data.startswith(b"PK"):
        raise CorruptFile("is not a Word .docx file (not a ZIP package)", path=path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ValueError) as e:
        raise CorruptFile(f"is not a readable Word .docx file ({type(e).__name__}: {e})", path=path) from None
    numbering = _Numbering.load(d)
    styles = _style_numbering(d)
    out = _Writer()
    body = d.element.body
    _blocks(body, out, numbering, styles)
    text = "".join(out.parts)
    if not text.strip():
        raise EmptyDocument("has no text (empty Word document)", path=path)
    starts = tuple(out.page_starts)
    if starts:
        starts = (0, *[s for s in starts if 0 < s < len(text)])
    furniture, pages = find_furniture(text, starts if len(starts) > 1 else None)
    return Document(
        text=text,
        source=Source(path=path, format="docx", sha256=sha256_of(data), pages=len(pages) if pages else None),
        furniture=furniture,
        page_starts=pages,
        origins=tuple(out.origins),
    )


@dataclass
class _Writer:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    origins: list[tuple[int, str]] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    page_pending: bool = False
    paragraphs: int = 0
    tables: int = 0

    def block(self, s: str, origin: str, sep: str = "\n\n") -> None:
        if not s.strip():
            return
        if self.length:
            self.parts.append(sep)
            self.length += len(sep)
        if self.page_pending:
            self.page_starts.append(self.length)
            self.page_pending = False
        self.origins.append((self.length, origin))
        self.parts.append(s)
        self.length += len(s)


def _blocks(parent: Any, out: _Writer, numbering: _Numbering, styles: dict[str, tuple[str | None, str | None]]) -> None:
    for el in parent.iterchildren():
        if el.tag == P:
            out.paragraphs += 1
            text, page_before, page_after = _paragraph(el, numbering, styles)
            if page_before:
                out.page_pending = True
            out.block(text, f"docx:paragraph {out.paragraphs}")
            if page_after:
                out.page_pending = True
        elif el.tag == TBL:
            out.tables += 1
            _table(el, out, numbering, styles)
        elif el.tag == SDT:
            content = el.find(SDT_CONTENT)
            if content is not None:
                _blocks(content, out, numbering, styles)


def _table(tbl: Any, out: _Writer, numbering: _Numbering, styles: dict[str, tuple[str | None, str | None]]) -> None:
    first = True
    for r, tr in enumerate(tbl.iterchildren(TR), 1):
        cells = []
        for tc in tr.iterchildren(TC):
            parts = []
            for p in tc.iter(P):
                t = _paragraph(p, numbering, styles)[0]
                if t.strip():
                    parts.append(" ".join(t.split()))
            if parts:
                cells.append(" ".join(parts))
        if cells:
            out.block("\t".join(cells), f"docx:table {out.tables} row {r}", sep="\n\n" if first else "\n")
            first = False


def _paragraph(
    p: Any, numbering: _Numbering, styles: dict[str, tuple[str | None, str | None]]
) -> tuple[str, bool, bool]:
    """(text with its list number, page break before, page break after)."""
    chunks: list[str] = []
    page_after = False
    for el in p.iter(*_RUN_TEXT):
        tag = el.tag
        if tag == T:
            if not _hidden_run(el.getparent()):
                chunks.append(el.text or "")
        elif tag == TAB:
            if el.getparent() is not None and el.getparent().tag == _q("tabs"):
                continue  # a tab stop definition, not a tab character
            chunks.append("\t")
        elif tag == BR:
            if el.get(TYPE) == "page":
                page_after = True
            else:
                chunks.append("\n")
        elif tag == CR:
            chunks.append("\n")
        elif tag == NBH:
            chunks.append("-")
    text = "".join(chunks)
    ppr = p.find(PPR)
    page_before = ppr is not None and ppr.find(_q("pageBreakBefore")) is not None
    label = numbering.label(ppr, styles)
    if label and text.strip():
        text = label + text.lstrip(" ")
    return text, page_before, page_after


def _hidden_run(run: Any) -> bool:
    """Hidden text (``w:vanish``) or the old place of moved text (``w:moveFrom``)."""
    if run is None:
        return False
    parent = run.getparent()
    if parent is not None and parent.tag == MOVE_FROM:
        return True
    rpr = run.find(RPR)
    return rpr is not None and rpr.find(VANISH) is not None and rpr.find(VANISH).get(VAL) not in ("0", "false")


def _style_numbering(d: Any) -> dict[str, tuple[str | None, str | None]]:
    """Paragraph style id -> (numId, ilvl) given by the style or a style it is based on."""
    styles_el = d.styles.element
    raw: dict[str, tuple[str | None, str | None, str | None]] = {}
    for st in styles_el.iterchildren(_q("style")):
        sid = st.get(_q("styleId"))
        if not sid:
            continue
        num_id = ilvl = None
        ppr = st.find(PPR)
        if ppr is not None:
            numpr = ppr.find(_q("numPr"))
            if numpr is not None:
                n = numpr.find(_q("numId"))
                lv = numpr.find(_q("ilvl"))
                num_id = n.get(VAL) if n is not None else None
                ilvl = lv.get(VAL) if lv is not None else None
        based = st.find(_q("basedOn"))
        raw[sid] = (num_id, ilvl, based.get(VAL) if based is not None else None)
    out: dict[str, tuple[str | None, str | None]] = {}
    for sid in raw:
        seen = set()
        cur: str | None = sid
        while cur and cur in raw and cur not in seen:
            seen.add(cur)
            num_id, ilvl, based = raw[cur]
            if num_id is not None:
                out[sid] = (num_id, ilvl)
                break
            cur = based
    return out


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suff: str = "tab"
    legal: bool = False


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractId, overrides)
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)  # pStyle in a level -> (abstractId, ilvl)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, d: Any) -> _Numbering:
        n = cls()
        try:
            part = d.part.numbering_part
        except (KeyError, NotImplementedError):
            return n  # no numbering.xml: no lists
        root = part.element
        style_links: dict[str, str] = {}  # list style name -> abstractNum defining its levels
        uses_style: dict[str, str] = {}  # abstractNum -> the list style whose levels it takes
        for an in root.iterchildren(_q("abstractNum")):
            aid = an.get(_q("abstractNumId"))
            for tag, table in (("styleLink", style_links), ("numStyleLink", uses_style)):
                e = an.find(_q(tag))
                if e is not None and e.get(VAL):
                    if tag == "styleLink":
                        table[e.get(VAL)] = aid
                    else:
                        table[aid] = e.get(VAL)
            levels: dict[int, _Level] = {}
            for lvl in an.iterchildren(_q("lvl")):
                il = int(lvl.get(_q("ilvl")) or 0)
                lv = _Level()
                for name, attr in (("start", "start"), ("numFmt", "fmt"), ("lvlText", "text"), ("suff", "suff")):
                    e = lvl.find(_q(name))
                    if e is not None and e.get(VAL) is not None:
                        v = e.get(VAL)
                        setattr(lv, attr, int(v) if attr == "start" else v)
                lv.legal = lvl.find(_q("isLgl")) is not None
                ps = lvl.find(_q("pStyle"))
                if ps is not None and ps.get(VAL):
                    n.style_levels[ps.get(VAL)] = (aid, il)
                levels[il] = lv
            n.abstract[aid] = levels
        for aid, style in uses_style.items():  # a list defined by a list style (numStyleLink)
            target = style_links.get(style)
            if not n.abstract.get(aid) and target in n.abstract:
                n.abstract[aid] = n.abstract[target]
        for num in root.iterchildren(_q("num")):
            nid = num.get(_q("numId"))
            a = num.find(_q("abstractNumId"))
            if a is None:
                continue
            overrides: dict[int, int] = {}
            for ov in num.iterchildren(_q("lvlOverride")):
                so = ov.find(_q("startOverride"))
                if so is not None and so.get(VAL) is not None:
                    overrides[int(ov.get(_q("ilvl")) or 0)] = int(so.get(VAL))
            n.nums[nid] = (a.get(VAL), overrides)
        return n

    def label(self, ppr: Any, styles: dict[str, tuple[str | None, str | None]]) -> str:
        if not self.nums or ppr is None:
            return ""
        num_id = ilvl_s = None
        style_id = None
        if ppr is not None:
            ps = ppr.find(_q("pStyle"))
            style_id = ps.get(VAL) if ps is not None else None
            numpr = ppr.find(_q("numPr"))
            if numpr is not None:
                n = numpr.find(_q("numId"))
                lv = numpr.find(_q("ilvl"))
                num_id = n.get(VAL) if n is not None else None
                ilvl_s = lv.get(VAL) if lv is not None else None
        if num_id is None and style_id is not None and style_id in styles:
            num_id, style_ilvl = styles[style_id]
            ilvl_s = ilvl_s or style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        aid, overrides = self.nums[num_id]
        levels = self.abstract.get(aid)
        if not levels:
            return ""
        if ilvl_s is None and style_id is not None and self.style_levels.get(style_id, ("", 0))[0] == aid:
            ilvl = self.style_levels[style_id][1]
        else:
            ilvl = int(ilvl_s or 0)
        if ilvl not in levels:
            return ""
        key = f"num:{num_id}" if overrides else f"abs:{aid}"
        counts = self.counters.setdefault(key, [None] * 9)
        if ilvl >= len(counts):
            counts.extend([None] * (ilvl + 1 - len(counts)))
        cur = counts[ilvl]
        counts[ilvl] = overrides.get(ilvl, levels[ilvl].start) if cur is None else cur + 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = None
        lv = levels[ilvl]
        if lv.fmt == "none":
            return ""
        if lv.fmt == "bullet":
            mark = "".join("•" if 0xF000 <= ord(c) <= 0xF0FF else c for c in lv.text) or "•"
            return mark + _suffix(lv)
        out = lv.text
        for k in range(8, -1, -1):  # %9 before %1
            token = f"%{k + 1}"
            if token in out:
                other = levels.get(k, _Level())
                value = counts[k] if k < len(counts) and counts[k] is not None else overrides.get(k, other.start)
                fmt = "decimal" if (lv.legal and k != ilvl) else (lv.fmt if k == ilvl else other.fmt)
                out = out.replace(token, _format(value or 0, fmt))
        return out + _suffix(lv)


def _suffix(lv: _Level) -> str:
    return {"tab": "\t", "space": " ", "nothing": ""}.get(lv.suff, "\t")


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def roman_number(n: int) -> str:
    out = []
    for v, s in _ROMAN:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def letter_number(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa..."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letter_number(n)
    if fmt == "upperLetter":
        return letter_number(n).upper()
    if fmt == "lowerRoman":
        return roman_number(n)
    if fmt == "upperRoman":
        return roman_number(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)
