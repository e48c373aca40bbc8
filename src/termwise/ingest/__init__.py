"""Read a file into :class:`~termwise.model.Document` objects.

``read(path)`` returns a list: one document for a letter, a PDF or a DOCX; one per
``<DOCUMENT>`` for an EDGAR full-submission file (``exhibit="EX-10.1"`` picks one).
Every failure is an :class:`~termwise.errors.InputError` naming the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from termwise.errors import (
    EmptyDocument,
    EncryptedFile,
    InputError,
    MissingFile,
    NotAFile,
    TooLarge,
    UnsupportedFormat,
)
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
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})", path=name) from None
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


# magic bytes of formats we do not read, and what to call them
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),  # only with a plausible header, checked below
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),  # only with a PE header, checked below
    (b"{\\rtf", "an RTF document"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_OTHER_EXTS = {
    ".doc": "a legacy Word .doc file",
    ".xls": "an Excel .xls workbook",
    ".xlsx": "an Excel .xlsx workbook",
    ".xlsm": "an Excel workbook",
    ".ppt": "a PowerPoint file",
    ".pptx": "a PowerPoint file",
    ".odt": "an OpenDocument text file",
    ".rtf": "an RTF document",
    ".zip": "a ZIP archive",
    ".png": "a PNG image",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".gif": "a GIF image",
    ".tif": "a TIFF image",
    ".tiff": "a TIFF image",
}
_SUPPORTED = "termwise reads .txt, .htm/.html, .pdf, .docx and EDGAR submission .txt files"


def sniff(p: Path, data: bytes) -> str:
    """Decide the format from content first, extension second.

    Returns ``"pdf" | "docx" | "edgar" | "html" | "text"``; raises UnsupportedFormat for a
    format we recognise but do not read (images, archives, legacy Office, spreadsheets) and
    EncryptedFile for a password-protected Office file.
    """
    name = str(p)
    head = data[:4096]
    ext = p.suffix.lower()
    if head.startswith(b"%PDF") or (b"%PDF-" in head[:1024] and ext in PDF_EXTS):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if ext in DOCX_EXTS or b"word/" in data[:65536]:
            return "docx"  # a broken package with a .docx name: the DOCX reader says what is wrong
        what = _OTHER_EXTS.get(ext, "a ZIP archive")
        if b"xl/" in data[:65536]:
            what = "an Excel workbook"
        elif b"ppt/" in data[:65536]:
            what = "a PowerPoint file"
        raise UnsupportedFormat(f"is {what}, not a document; {_SUPPORTED}", path=name)
    if head.startswith(_OLE):
        if _ENCRYPTED_PACKAGE in data:
            raise EncryptedFile("is a password-protected Office file; remove the password and try again", path=name)
        what = _OTHER_EXTS.get(ext, "a legacy Office (.doc/.xls) file")
        raise UnsupportedFormat(f"is {what}; save it as .docx or PDF", path=name)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic == b"BM" and not (len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00"):
                continue
            if magic == b"MZ" and b"PE\x00\x00" not in head:
                continue
            raise UnsupportedFormat(f"is {kind}, not a document; {_SUPPORTED}", path=name)
    if ext in PDF_EXTS:
        return "pdf"  # wrong magic: the PDF reader reports it as corrupt
    if ext in DOCX_EXTS:
        return "docx"  # not a ZIP: the DOCX reader reports it as corrupt
    if ext in _OTHER_EXTS:
        what = _OTHER_EXTS[ext]
        raise UnsupportedFormat(f"is {what}, which termwise does not read; {_SUPPORTED}", path=name)
    low = head.lower()
    if b"<sec-document>" in low or b"<sec-header>" in low or (b"<document>" in low and b"<type>" in low):
        return "edgar"
    if ext in HTML_EXTS or _looks_html(low):
        return "html"
    return "text"


def _looks_html(low: bytes) -> bool:
    stripped = low.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return b"<html" in low or b"<!doctype html" in low or b"xhtml" in low
    return b"<html" in low and b"<body" in low
