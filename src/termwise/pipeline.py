"""Run the whole extraction pipeline on one document:

segment (sections, letterhead, signatures) -> extract (values, parties, people,
defined terms, governing law, the agreement's date) -> classify (clauses, doc type).

Each stage is optional while it is being written: a module that does not exist yet
contributes nothing. Anything that exists and fails raises (no swallowed errors).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from termwise.model import Document, Extraction, Value


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        m = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name != module:
            raise
        return None
    return getattr(m, name, None)


def _call(module: str, name: str, *args: Any, **kwargs: Any) -> list[Any]:
    f = _optional(module, name)
    return list(f(*args, **kwargs)) if f is not None else []


def extract_document(doc: Document, *, clauses: bool = True) -> Extraction:
    """Everything ``termwise extract`` reports for ``doc``."""
    from termwise.extract.values import find_values

    values = find_values(doc)
    sections = _call("termwise.segment.sections", "find_sections", doc)
    letterhead = _call("termwise.segment.letterhead", "find_letterhead", doc)
    signatures = _call("termwise.segment.signatures", "find_signatures", doc)
    people = _call("termwise.extract.people", "find_people", doc)
    defined = _call("termwise.extract.defined_terms", "find_defined_terms", doc)
    parties = _call("termwise.extract.parties", "find_parties", doc)
    law = _call("termwise.extract.governing_law", "find_governing_law", doc)
    dates = [v for v in values if v.kind == "date"]
    agreement_date = _call("termwise.extract.agreement_date", "find_agreement_date", doc, dates)
    found_clauses = _call("termwise.classify.clauses", "find_clauses", doc) if clauses else []
    doc_type = _call("termwise.classify.doctype", "classify_document", doc)
    warnings = _call("termwise.extract.warnings", "find_warnings", doc, values)
    date: Value | None = agreement_date[0] if agreement_date else None
    return Extraction(
        source=doc.source,
        date=date,
        doc_type=doc_type[0] if doc_type else None,
        parties=tuple(parties),
        people=tuple(people),
        values=tuple(values),
        defined_terms=tuple(defined),
        sections=tuple(sections),
        clauses=tuple(found_clauses),
        governing_law=law[0] if law else None,
        signatures=tuple(signatures),
        letterhead=tuple(letterhead),
        warnings=tuple(warnings),
    )
