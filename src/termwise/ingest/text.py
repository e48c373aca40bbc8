"""Plain text in any common encoding. The document text is the file's text unchanged
(a byte-order mark, if any, is not part of it), so offsets index the file's characters."""

from __future__ import annotations

import codecs

from termwise.errors import BinaryFile, EmptyDocument
from termwise.ingest import sha256_of
from termwise.model import Document, Source
from termwise.segment.furniture import find_furniture

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, *, path: str) -> tuple[str, str]:
    """Bytes to text and the encoding used. Raises BinaryFile for non-text bytes."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as e:
                raise BinaryFile(f"starts with a {enc} byte-order mark but is not valid {enc} ({e.reason})", path=path) from None
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2 or 1
        if odd > 0.4 * half and even < 0.05 * half:
            enc = "utf-16-le"
        elif even > 0.4 * half and odd < 0.05 * half:
            enc = "utf-16-be"
        else:
            raise BinaryFile("is a binary file, not text (contains NUL bytes)", path=path)
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            raise BinaryFile("is a binary file, not text", path=path) from None
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1"), "cp1252"
        if not _cp1252_ok(data):
            enc = "latin-1"
    controls = sum(1 for c in text[:65536] if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0)
    if controls > 0.02 * min(len(text), 65536):
        raise BinaryFile("is a binary file, not text (too many control characters)", path=path)
    return text, enc


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_text(data: bytes, *, path: str) -> Document:
    text, enc = decode(data, path=path)
    if not text.strip():
        raise EmptyDocument("has no text (only whitespace)", path=path)
    furniture, pages = find_furniture(text)
    return Document(
        text=text,
        source=Source(path=path, format="text", sha256=sha256_of(data), pages=len(pages) if pages else None, encoding=enc),
        furniture=furniture,
        page_starts=pages,
    )
