"""PDF to text with pypdfium2 (PDFium): the text layer of each page, pages joined by
``"\\n\\f\\n"``; ``Document.page_starts`` holds where each page's text begins and
``Document.origins`` ``(offset, "pdf:page N")``. Running headers, footers and page numbers
are found per page edge by :func:`~termwise.segment.furniture.find_furniture`.

Refused, one line each: a password-protected PDF (EncryptedFile), one PDFium cannot parse
(CorruptFile), one whose pages carry no text at all (NoTextLayer: scanned, needs OCR).
"""

from __future__ import annotations

import re

from termwise.errors import CorruptFile, EncryptedFile, NoTextLayer
from termwise.ingest import sha256_of
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture

PAGE_SEP = "\n\f\n"
_FPDF_ERR_PASSWORD = 4
_NEWLINES = re.compile(r"\r\n?")
# PDFium marks hyphenation with U+0002 / U+FFFE; other C0 controls are noise
_HYPHEN = re.compile(r"[\x02\ufffe]")
_CONTROLS = re.compile(r"[\x00\x01\x03-\x08\x0b-\x1f\x7f]")
_TRAILING = re.compile(r"[ \t]+$", re.M)


def read_pdf(data: bytes, *, path: str) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise EncryptedFile("is a password-protected PDF; remove the password and try again", path=path) from None
        raise CorruptFile(f"is not a readable PDF ({_reason(e)})", path=path) from None
    try:
        n = len(pdf)
        if n == 0:
            raise CorruptFile("is a PDF with no pages", path=path)
        pages: list[str] = []
        for i in range(n):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
                raw = textpage.get_text_bounded()
                textpage.close()
                page.close()
            except pdfium.PdfiumError as e:
                raise CorruptFile(f"cannot read the page ({_reason(e)})", path=path, page=i + 1) from None
            pages.append(_clean(raw))
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise NoTextLayer(f"no text layer on any of its {n} pages (scanned?); run OCR first", path=path)
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, p in enumerate(pages):
        if i:
            parts.append(PAGE_SEP)
            pos += len(PAGE_SEP)
        starts.append(pos)
        parts.append(p)
        pos += len(p)
    text = "".join(parts)
    furniture, page_starts = find_furniture(text, tuple(starts))
    return Document(
        text=text,
        source=Source(path=path, format="pdf", sha256=sha256_of(data), pages=n),
        furniture=furniture,
        page_starts=page_starts,
        origins=tuple((s, f"pdf:page {i + 1}") for i, s in enumerate(starts)),
    )


def _clean(raw: str) -> str:
    s = _NEWLINES.sub("\n", raw)
    s = _HYPHEN.sub("-", s)
    s = _CONTROLS.sub("", s)
    return _TRAILING.sub("", s).strip("\n")


def _reason(e: Exception) -> str:
    msg = str(e)
    m = re.search(r"PDFium: ([^)]+)", msg)
    return m.group(1).rstrip(".").lower() if m else msg
