"""EDGAR full-submission text files (``0000950123-24-000123.txt``): SGML with an
``<SEC-HEADER>`` and one ``<DOCUMENT>`` per filed document, each with ``<TYPE>``,
``<SEQUENCE>``, ``<FILENAME>``, ``<DESCRIPTION>`` and ``<TEXT>``.

Each text document becomes its own :class:`~termwise.model.Document` with
``format="edgar"``, ``Source.path`` the submission file's path (the same for all of them)
and ``Source.exhibit`` its ``<TYPE>`` (``"EX-10.1"``). Offsets index that document's
text: the ``<TEXT>`` body for a plain-text document, the extracted text for HTML (read by
:mod:`termwise.ingest.html`, inline XBRL included). Uuencoded binaries (PDF, images, ZIP,
Excel), XBRL instance and other XML data are skipped.

Without ``exhibit`` every document with text is returned (one whose HTML shows no text, a
cover page of images, is left out). ``exhibit`` picks documents, case-insensitively: an
exact ``<TYPE>`` (``EX-10.1``), else a type prefix up to a dot (``EX-10`` picks ``EX-10.1``
and ``EX-10.2``, not ``EX-101.INS``), else a ``<FILENAME>`` or ``<SEQUENCE>`` number. No
match is ExhibitNotFound, listing the types present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termwise.errors import EmptyDocument, ExhibitNotFound
from termwise.ingest import sha256_of
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.S | re.I)
_FIELD = re.compile(r"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\r\n<]*)", re.M | re.I)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)
_UUENCODED = re.compile(r"\A\s*begin [0-7]{3,4} \S")
_WRAPPER = re.compile(r"\A\s*<(PDF|XBRL|XML|JSON|ZIP)>", re.I)
_HTML = re.compile(r"<html|<body|<!doctype html", re.I)


@dataclass(frozen=True, slots=True)
class Part:
    """One ``<DOCUMENT>`` of a submission, before its text is read."""

    type: str
    sequence: str | None
    filename: str | None
    description: str | None
    body: str  # the <TEXT> content
    skipped: str | None  # why it is not read ("uuencoded binary", "XBRL data"), else None


def split_submission(text: str) -> list[Part]:
    parts: list[Part] = []
    for m in _DOCUMENT.finditer(text):
        block = m.group(1)
        t = _TEXT.search(block)
        header = block[: t.start()] if t else block
        fields = {k.upper(): v.strip() for k, v in _FIELD.findall(header)}
        body = t.group(1) if t else ""
        if body.startswith("\r\n"):
            body = body[2:]
        elif body.startswith("\n"):
            body = body[1:]
        skipped = None
        wrapper = _WRAPPER.match(body)
        if _UUENCODED.match(body):
            skipped = "uuencoded binary"
        elif wrapper:
            kind = wrapper.group(1).upper()
            if kind in ("XBRL", "XML") and _HTML.search(body[:16384]):
                pass  # inline XBRL: an HTML document in an <XBRL> wrapper (modern 8-K, 10-K)
            else:
                skipped = "uuencoded PDF" if kind == "PDF" else f"{kind} data"
        elif not body.strip():
            skipped = "empty"
        parts.append(
            Part(
                type=fields.get("TYPE") or "?",
                sequence=fields.get("SEQUENCE") or None,
                filename=fields.get("FILENAME") or None,
                description=fields.get("DESCRIPTION") or None,
                body=body,
                skipped=skipped,
            )
        )
    return parts


def select(parts: list[Part], exhibit: str, *, path: str) -> list[Part]:
    q = exhibit.strip().upper()
    for match in (
        lambda p: p.type.upper() == q,
        lambda p: p.type.upper().startswith(q + "."),
        lambda p: (p.filename or "").upper() == q or (p.sequence or "") == q.lstrip("#"),
    ):
        found = [p for p in parts if match(p)]
        if found:
            readable = [p for p in found if p.skipped is None]
            if not readable:
                why = "; ".join(f"{p.type} is {p.skipped}" for p in found)
                raise ExhibitNotFound(f"--exhibit {exhibit}: {why}, not text; {_present(parts)}", path=path)
            return readable
    raise ExhibitNotFound(f"holds no document of type {exhibit}; {_present(parts)}", path=path)


def _present(parts: list[Part]) -> str:
    types = [p.type for p in parts if p.skipped is None]
    return "its text documents are: " + (", ".join(dict.fromkeys(types)) or "none")


def read_submission(data: bytes, *, path: str, exhibit: str | None = None) -> list[Document]:
    from termwise.ingest.text import decode

    text, enc = decode(data, path=path)
    parts = split_submission(text)
    sha = sha256_of(data)
    if not parts:
        # a lone exhibit with SGML-looking tags but no <DOCUMENT>: read it as plain text
        from termwise.ingest.text import read_text

        return [read_text(data, path=path)]
    if exhibit:
        return [_document(p, path=path, sha256=sha, encoding=enc) for p in select(parts, exhibit, path=path)]
    docs = []
    for p in parts:
        if p.skipped is not None:
            continue
        try:
            docs.append(_document(p, path=path, sha256=sha, encoding=enc))
        except EmptyDocument:
            continue  # a cover page of images only: the submission's other documents still count
    if not docs:
        raise EmptyDocument(f"holds no document with text ({len(parts)} binary, data or empty documents)", path=path)
    return docs


def _document(part: Part, *, path: str, sha256: str, encoding: str) -> Document:
    body = part.body
    is_html = (part.filename or "").lower().endswith((".htm", ".html", ".xhtml")) or bool(_HTML.search(body[:4096]))
    if is_html:
        from termwise.ingest.html import html_document

        try:
            return html_document(body, path=path, sha256=sha256, encoding=encoding, fmt="edgar", exhibit=part.type)
        except EmptyDocument:
            raise EmptyDocument(f"{part.type} has no visible text", path=path) from None
    if not body.strip():
        raise EmptyDocument(f"{part.type} has no text", path=path)
    furniture, pages = find_furniture(body)
    where = " ".join(x for x in (f"seq {part.sequence}" if part.sequence else None, part.filename) if x)
    return Document(
        text=body,
        source=Source(
            path=path,
            format="edgar",
            sha256=sha256,
            pages=len(pages) if pages else None,
            exhibit=part.type,
            encoding=encoding,
        ),
        furniture=furniture,
        page_starts=pages,
        origins=((0, f"edgar:{part.type} {where}".rstrip()),),
    )
