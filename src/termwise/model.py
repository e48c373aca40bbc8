"""Core types of termwise: frozen, slotted, keyword-only dataclasses.

Every span is a pair of character offsets into ``Document.text`` (the text that
``termwise text FILE`` prints). The invariant every extractor keeps is
``doc.text[start:end] == value.text``.

Normalized values carried by :class:`Value` (``Value.value``) by kind:

=========== ==========================================================
date        ``datetime.date`` or ``None`` for a relative date (see ``extra``)
money       :class:`Money`
percent     ``Decimal`` (25 for 25%)
duration    ``str``, ISO-8601 (``"P6M"``)
shares      :class:`Shares`
number      ``Decimal``
time        :class:`TimeOfDay`
phone       ``str`` (digits, with a leading ``+`` where international)
identifier  ``str``
law         ``str`` (jurisdiction name, e.g. ``"New York"``)
=========== ==========================================================

This module imports nothing of termwise's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

VALUE_KINDS = (
    "date",
    "money",
    "percent",
    "duration",
    "shares",
    "number",
    "time",
    "phone",
    "identifier",
    "law",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217


@dataclass(frozen=True, slots=True, kw_only=True)
class Shares:
    count: int
    share_class: str | None = None  # "common stock", "Series A Preferred", "options", ...


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeOfDay:
    time: dt.time
    tz: str | None = None  # IANA name
    date: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """One extracted value: what kind, the exact text, where, and its normalized form.

    ``extra`` holds kind-specific detail that is not the value itself, e.g. for a
    relative date ``{"offset": "P6M", "direction": "after", "anchor": "the date of
    this letter"}`` or for a number written in words ``{"words": True}``.
    """

    kind: str
    text: str
    start: int
    end: int
    value: Any
    extra: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    name: str
    start: int
    end: int
    aliases: tuple[str, ...] = ()
    alias_spans: tuple[Span, ...] = ()
    role: str | None = None
    kind: str | None = None  # "organization" | "person"


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    name: str
    start: int
    end: int
    title: str | None = None
    organization: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DefinedTerm:
    term: str
    start: int
    end: int
    definition: Span | None = None
    uses: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    id: str  # "5.2", "(a)", "5.2(a)(i)" style full path in ``path``
    start: int
    end: int
    heading: str | None = None
    parent: str | None = None
    level: int = 0
    label: str | None = None  # the marker as written: "5.2", "(a)", "ARTICLE IV"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A letterhead or address block: sender, recipient, date line, reference line."""

    kind: str  # "sender" | "recipient" | "reference" | "salutation"
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    name: str | None
    start: int
    end: int
    title: str | None = None
    party: str | None = None
    date: Value | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    label: str
    score: float
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    label: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Warning:
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    path: str
    format: str  # "text" | "html" | "pdf" | "docx" | "edgar"
    sha256: str
    pages: int | None = None
    exhibit: str | None = None  # EDGAR <TYPE>, e.g. "EX-10.1"
    encoding: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The text every offset indexes, plus where it came from.

    ``clean`` is ``text`` with page furniture (page markers, repeated footers)
    blanked to spaces, same length, so extractors can scan it and keep offsets.
    ``page_starts`` are the offsets where each page begins (PDF, or ``<PAGE>``
    markers), ``None`` when the source has no pages.
    """

    text: str
    source: Source
    furniture: tuple[Span, ...] = ()
    page_starts: tuple[int, ...] | None = None
    clean: str = field(default="", repr=False)
    origins: tuple[tuple[int, str], ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if not self.clean:
            object.__setattr__(self, "clean", blank_spans(self.text, self.furniture))
        if len(self.clean) != len(self.text):
            raise ValueError("Document.clean must have the same length as Document.text")

    def page_of(self, offset: int) -> int | None:
        """1-based page number holding ``offset``, or ``None`` without pages."""
        if not self.page_starts:
            return None
        import bisect

        return bisect.bisect_right(self.page_starts, offset)

    def origin_of(self, offset: int) -> str | None:
        """Where in the source (HTML element, DOCX paragraph/table) ``offset`` came from."""
        if not self.origins:
            return None
        import bisect

        i = bisect.bisect_right([o for o, _ in self.origins], offset) - 1
        return self.origins[i][1] if i >= 0 else None


def blank_spans(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` with each span's characters replaced by spaces (newlines kept)."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos:
            continue
        parts.append(text[pos : s.start])
        parts.append("".join("\n" if c == "\n" else " " for c in text[s.start : s.end]))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction:
    """Everything ``termwise extract`` finds in one document."""

    source: Source
    date: Value | None = None
    doc_type: Label | None = None
    parties: tuple[Party, ...] = ()
    people: tuple[Person, ...] = ()
    values: tuple[Value, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    sections: tuple[Section, ...] = ()
    clauses: tuple[Clause, ...] = ()
    governing_law: Value | None = None
    signatures: tuple[Signature, ...] = ()
    letterhead: tuple[Block, ...] = ()
    warnings: tuple[Warning, ...] = ()
