"""Build the term model of one document: run every builder over its sentences.

``build_model(doc)`` is pure: the same document gives the same model. Builders
find candidates with sentence-level patterns; anything they see but cannot read
becomes a warning with its span, never silently dropped.
"""

from __future__ import annotations

from dataclasses import replace

from termwise.model import Document, Extraction
from termwise.terms.compensation import Ctx, build_grants, build_salary, build_stated_dates
from termwise.terms.events import acceptance_block, find_events
from termwise.terms.finance import build_deadlines, build_loans, build_purchase, build_tranches
from termwise.terms.model import FactDef, TermModel
from termwise.terms.obligations import build_obligations
from termwise.terms.parties import agreement_date, document_kind, find_parties, resolve
from termwise.terms.severance import build_severance
from termwise.terms.text import sentences


def build_model(doc: Document, extraction: Extraction | None = None) -> TermModel:
    kind = document_kind(doc, extraction)
    sents = sentences(doc)
    ctx = Ctx(kind)
    parties = find_parties(doc, extraction, kind)
    ad = agreement_date(doc, extraction)
    if ad is not None:
        ctx.state(
            FactDef(
                name="agreement_date",
                kind="date",
                description="date of the agreement (stated)",
                value=ad[0],
                evidence=(ad[1],),
            )
        )
    events = find_events(doc, sents)
    build_salary(sents, ctx)
    build_stated_dates(sents, ctx)

    employer = resolve(parties, "employer", "company")
    employee = resolve(parties, "employee", "holder", "you")
    grants = build_grants(sents, ctx)
    if employee:
        grants = [replace(g, holder=employee) for g in grants]
    payments, benefits = build_severance(sents, ctx, employer, employee)

    investor = resolve(parties, "investor", "lender", "I")
    company = resolve(parties, "company", "borrower", "issuer")
    payments += build_tranches(sents, ctx, investor, company)
    signed = acceptance_block(doc)
    deadlines = build_deadlines(sents, ctx, signed)
    expiring = next((d.id for d in deadlines if d.consequence == "expire"), None)
    if expiring:
        payments = [replace(p, lapses_with=expiring) if p.kind == "tranche" else p for p in payments]

    purchases, derived = build_purchase(
        sents,
        ctx,
        resolve(parties, "purchaser", "buyer"),
        resolve(parties, "issuer", "company", "seller"),
        ad[0] if ad else None,
    )
    payments += purchases
    loans = build_loans(
        sents, ctx, resolve(parties, "lender", "holder", "investor"), resolve(parties, "borrower", "company")
    )

    return TermModel(
        source=doc.source.path,
        sha256=doc.source.sha256,
        kind=kind,
        parties=tuple(parties),
        facts=tuple(sorted(ctx.facts.values(), key=_fact_order)),
        events=tuple(events),
        conditions=tuple(ctx.conditions),
        payments=tuple(payments),
        grants=tuple(grants),
        benefits=tuple(benefits),
        deadlines=tuple(deadlines),
        loans=tuple(loans),
        obligations=tuple(build_obligations(sents, parties)),
        derived=tuple(derived),
        warnings=tuple(ctx.warnings),
    )


_CANON = ("start_date", "grant_date", "vesting_commencement_date", "closing_date", "agreement_date", "base_salary")


def _fact_order(f: FactDef) -> tuple[int, str]:
    return (_CANON.index(f.name) if f.name in _CANON else len(_CANON), f.name)
