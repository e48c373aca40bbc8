"""Read a file into :class:`~termwise.model.Document` objects.

``read(path)`` returns a list: one document for a letter, a PDF or a DOCX; one per
``<DOCUMENT>`` for an EDGAR full-submission file (``exhibit="EX-10.1"`` picks one).
Every failure is an :class:`~termwise.errors.InputError` naming the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from termwise.errors import EmptyDocument, MissingFile, NotAFile, TooLarge, UnsupportedFormat
from termwise.model import Document

DEFAULT_MAX_MB = 25.0

TEXT_EXTS = {".txt", ".text", ".md", ""}
HTML_EXTS = {".htm", ".html", ".xhtml"}
PDF_EXTS = {".pdf"}
DOCX_EXTS = {".docx"}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: str | os.PathLike[str], *, exhibit: str | None = None, max_mb: float = DEFAULT_MAX_MB) -> list[Document]:
    """Read one file into one or more documents (see module docstring)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise MissingFile("no such file", path=name)
    if not p.is_file():
        raise NotAFile("is a directory, not a file" if p.is_dir() else "is not a regular file", path=name)
    size = p.stat().st_size
    if size == 0:
        raise EmptyDocument("file is empty (0 bytes)", path=name)
    if size > max_mb * 1024 * 1024:
        raise TooLarge(
            f"file is {size / 1024 / 1024:.1f} MB, over the {max_mb:g} MB limit; raise it with --max-mb",
            path=name,
        )
    data = p.read_bytes()
    kind = sniff(p, data)
    if kind == "pdf":
        from termwise.ingest import pdf

        docs = [pdf.read_pdf(data, path=name)]
    elif kind == "docx":
        from termwise.ingest import docx

        docs = [docx.read_docx(data, path=name)]
    elif kind == "edgar":
        from termwise.ingest import edgar

        docs = edgar.read_submission(data, path=name, exhibit=exhibit)
    elif kind == "html":
        from termwise.ingest import html

        docs = [html.read_html(data, path=name)]
    else:
        from termwise.ingest import text

        docs = [text.read_text(data, path=name)]
    return docs


def sniff(p: Path, data: bytes) -> str:
    """Decide the format from content first, extension second."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if p.suffix.lower() in DOCX_EXTS or b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            return "docx"
        raise UnsupportedFormat("is a ZIP archive but not a Word (.docx) document", path=str(p))
    ext = p.suffix.lower()
    if ext in PDF_EXTS:
        return "pdf"  # wrong magic: the PDF reader reports it as corrupt
    if ext in DOCX_EXTS:
        return "docx"
    if ext == ".doc":
        raise UnsupportedFormat("legacy Word .doc is not supported; save it as .docx or PDF", path=str(p))
    low = head.lower()
    if b"<sec-document>" in low or b"<sec-header>" in low or (b"<document>" in low and b"<type>" in low):
        return "edgar"
    if ext in HTML_EXTS or low.lstrip().startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low:
        return "html"
    if ext in TEXT_EXTS or ext in {".asc", ".csv", ".rtf"} or True:
        return "text"
    return "text"
