"""Run the whole extraction pipeline on one document:

segment (sections, letterhead, signatures) -> extract (values, parties, people,
defined terms, governing law, the agreement's date) -> classify (clauses, doc type).
"""

from __future__ import annotations

from termwise.classify.clauses import find_clauses
from termwise.classify.doctype import classify_document
from termwise.extract.agreement_date import find_agreement_date
from termwise.extract.defined_terms import find_defined_terms
from termwise.extract.governing_law import find_governing_law
from termwise.extract.parties import find_parties
from termwise.extract.people import find_people
from termwise.extract.signatures import find_signatures
from termwise.extract.values import find_values
from termwise.extract.warnings import find_warnings
from termwise.model import Document, Extraction
from termwise.segment.letterhead import find_letterhead
from termwise.segment.sections import find_sections


def extract_document(doc: Document, *, clauses: bool = True) -> Extraction:
    """Everything ``termwise extract`` reports for ``doc``; ``clauses=False`` skips clause detection."""
    values = find_values(doc)
    agreement_date = find_agreement_date(doc, [v for v in values if v.kind == "date"])
    law = find_governing_law(doc)
    doc_type = classify_document(doc)
    parties = tuple(find_parties(doc))
    return Extraction(
        source=doc.source,
        date=agreement_date[0] if agreement_date else None,
        doc_type=doc_type[0] if doc_type else None,
        parties=parties,
        people=tuple(find_people(doc)),
        values=tuple(values),
        defined_terms=tuple(find_defined_terms(doc)),
        sections=tuple(find_sections(doc)),
        clauses=tuple(find_clauses(doc, agreement_date, parties)) if clauses else (),
        governing_law=law[0] if law else None,
        signatures=tuple(find_signatures(doc)),
        letterhead=tuple(find_letterhead(doc)),
        warnings=tuple(find_warnings(values)),
    )
