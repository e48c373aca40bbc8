"""Page furniture: page markers, page numbers, repeated headers and footers.

Marked (as spans) and skipped by extractors, never deleted from the text."""

from __future__ import annotations

import re

from termwise.model import Span

_PAGE = re.compile(r"^[ \t]*<PAGE>[ \t]*\d*[ \t]*$", re.M | re.I)
_PAGENO = re.compile(r"^[ \t]*(?:-\s*\d{1,3}\s*-|Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3})[ \t]*$", re.M | re.I)


def find_furniture(text: str) -> tuple[tuple[Span, ...], tuple[int, ...] | None]:
    """Spans of page furniture and the offsets where pages start (``None`` if no page marks)."""
    spans: list[Span] = []
    page_starts: list[int] = []
    for m in _PAGE.finditer(text):
        spans.append(Span(start=m.start(), end=m.end()))
        page_starts.append(m.end())
    for m in _PAGENO.finditer(text):
        spans.append(Span(start=m.start(), end=m.end()))
    spans.sort(key=lambda s: s.start)
    pages = (0, *page_starts) if page_starts else None
    return tuple(spans), pages
