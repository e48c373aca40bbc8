"""Plain text in any common encoding. The document text is the file's text unchanged
(a byte-order mark, if any, is not part of it), so offsets index the file's characters.

Encodings, in the order tried: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
UTF-16 without a mark (NUL in every other byte); UTF-8 (also when a few stray cp1252
bytes sit among many UTF-8 sequences: those bytes are read as cp1252); then Windows-1252 (the smart
quotes of Word-made EDGAR exhibits; it reads Latin-1 text the same, and the five bytes it
leaves undefined are read as Latin-1).
Only when many bytes are non-ASCII (more than English text with curly quotes has) is
charset-normalizer asked, on a sample, whether another single- or multi-byte encoding
reads it better (Cyrillic, Shift-JIS ...).
"""

from __future__ import annotations

import codecs
import re

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
SAMPLE = 65536
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _undefined_as_latin1(e: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: read them as Latin-1 does (as
    browsers do), so a Latin-1 file with a stray C1 byte still reads as cp1252 elsewhere."""
    assert isinstance(e, UnicodeDecodeError)
    return "".join(chr(b) for b in e.object[e.start : e.end]), e.end


CP1252_ERRORS = "termwise-cp1252"
codecs.register_error(CP1252_ERRORS, _undefined_as_latin1)


def _invalid_utf8_as_cp1252(e: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8, read one by one as cp1252 (undefined ones as Latin-1)."""
    assert isinstance(e, UnicodeDecodeError)
    return e.object[e.start : e.end].decode("cp1252", errors=CP1252_ERRORS), e.end


MIXED_ERRORS = "termwise-utf8-cp1252"
codecs.register_error(MIXED_ERRORS, _invalid_utf8_as_cp1252)
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the invalid bytes several times over."""
    valid = len(_UTF8_SEQ.findall(data))
    if valid < 3:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return valid >= 4 * invalid


def decode(data: bytes, *, path: str) -> tuple[str, str]:
    """Bytes to text and the encoding used. Raises BinaryFile for bytes that are not text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_controls(data[len(bom) :].decode(enc), path), enc
            except UnicodeDecodeError as e:
                raise BinaryFile(
                    f"starts with a {enc} byte-order mark but is not valid {enc}"
                    f" ({e.reason}, byte {e.start + len(bom)})",
                    path=path,
                ) from None
    sample = data[:SAMPLE]
    if b"\x00" in sample:
        # UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2 or 1
        if odd > 0.4 * half and even < 0.05 * half:
            enc = "utf-16-le"
        elif even > 0.4 * half and odd < 0.05 * half:
            enc = "utf-16-be"
        else:
            raise BinaryFile("is a binary file, not text (it contains NUL bytes)", path=path)
        try:
            return _check_controls(data.decode(enc), path), enc
        except UnicodeDecodeError:
            raise BinaryFile("is a binary file, not text", path=path) from None
    try:
        return _check_controls(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # UTF-8 with a few stray cp1252 bytes (pasted smart quotes): keep the UTF-8, read the strays
        return _check_controls(data.decode("utf-8", errors=MIXED_ERRORS), path), "utf-8"
    high = len(_NON_ASCII.findall(sample))
    if high >= 8 and high > 0.25 * len(sample):  # English with curly quotes stays far below
        guessed = _guess(sample)
        if guessed is not None:
            try:
                return _check_controls(data.decode(guessed), path), guessed
            except (UnicodeDecodeError, LookupError):
                pass  # the guess from the sample does not hold for the whole file: fall back to cp1252
    return _check_controls(data.decode("cp1252", errors=CP1252_ERRORS), path), "cp1252"


def _guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    enc = best.encoding
    return None if enc in {"ascii", "utf_8", "cp1252", "latin_1"} else enc


def _check_controls(text: str, path: str) -> str:
    head = text[:SAMPLE]
    if len(_CONTROL.findall(head)) > max(2, 0.02 * len(head)):
        raise BinaryFile("is a binary file, not text (too many control characters)", path=path)
    return text


def read_text(data: bytes, *, path: str) -> Document:
    text, enc = decode(data, path=path)
    if not text.strip():
        raise EmptyDocument("has no text (only whitespace)", path=path)
    furniture, pages = find_furniture(text)
    return Document(
        text=text,
        source=Source(
            path=path,
            format="text",
            sha256=sha256_of(data),
            pages=len(pages) if pages else None,
            encoding=enc,
        ),
        furniture=furniture,
        page_starts=pages,
    )
