"""A term sheet a person wants to read: parties and roles, date, amounts, shares,
deadlines, defined terms, clauses, signatures. Plain text, one document."""

from __future__ import annotations

from collections import defaultdict

from termwise.model import Document, Extraction, Value
from termwise.serialize import normalized


def _one_line(s: str, width: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _fmt_value(v: Value) -> str:
    n = normalized(v)
    if v.kind == "money":
        return f"{n['currency']} {n['amount']}"
    if v.kind == "shares":
        return f"{n['count']:,}" + (f" {n['class']}" if n.get("class") else "")
    if v.kind == "percent":
        return f"{n}%"
    if v.kind == "time":
        return " ".join(x for x in (n.get("date"), n["time"], n.get("tz")) if x)
    if v.kind == "date" and n is None and v.extra:
        e = v.extra
        return _one_line(f"{e.get('offset', '')} {e.get('direction', '')} {e.get('anchor', '')}", 60)
    return str(n)


KIND_TITLES = (
    ("money", "Amounts"),
    ("shares", "Shares and options"),
    ("percent", "Percentages"),
    ("date", "Dates"),
    ("time", "Times"),
    ("duration", "Durations"),
    ("phone", "Phone and fax"),
    ("identifier", "Identifiers"),
)


def render_term_sheet(doc: Document, ex: Extraction) -> str:
    src = ex.source
    lines: list[str] = []
    title = src.path + (f" [{src.exhibit}]" if src.exhibit else "")
    lines.append(title)
    lines.append("=" * min(len(title), 90))
    if ex.doc_type:
        lines.append(f"Type:          {ex.doc_type.label} ({ex.doc_type.score:.2f})")
    if ex.date:
        lines.append(f'Date:          {_fmt_value(ex.date)}   "{_one_line(ex.date.text)}"')
    if ex.governing_law:
        lines.append(f"Governing law: {ex.governing_law.value}")
    if ex.parties:
        lines.append("")
        lines.append("Parties")
        for p in ex.parties:
            alias = " (" + ", ".join(f'"{a}"' for a in p.aliases) + ")" if p.aliases else ""
            role = f"  — {p.role}" if p.role else ""
            lines.append(f"  {p.name}{alias}{role}")
    if ex.people:
        lines.append("")
        lines.append("People")
        for person in ex.people:
            t = f", {person.title}" if person.title else ""
            lines.append(f"  {person.name}{t}")
    by_kind: dict[str, list[Value]] = defaultdict(list)
    for v in ex.values:
        by_kind[v.kind].append(v)
    for kind, heading in KIND_TITLES:
        vs = by_kind.get(kind)
        if not vs:
            continue
        lines.append("")
        lines.append(heading)
        seen: set[tuple[str, str]] = set()
        for v in vs:
            key = (_fmt_value(v), _one_line(v.text))
            if key in seen:
                continue
            seen.add(key)
            lines.append(f'  {key[0]:<28} "{_one_line(v.text, 60)}"  @{v.start}')
    if ex.defined_terms:
        lines.append("")
        lines.append("Defined terms")
        for term in ex.defined_terms:
            d = ""
            if term.definition:
                d = _one_line(doc.text[term.definition.start : term.definition.end], 70)
            lines.append(f"  {term.term:<24} {len(term.uses):>3} uses  {d}")
    if ex.clauses:
        lines.append("")
        lines.append("Clauses")
        for c in sorted(ex.clauses, key=lambda c: c.start):
            lines.append(f'  {c.label:<32} {c.score:.2f}  "{_one_line(doc.text[c.start : c.end], 50)}"')
    if ex.signatures:
        lines.append("")
        lines.append("Signatures")
        for s in ex.signatures:
            bits = [s.name or "(unnamed)"]
            if s.title:
                bits.append(s.title)
            if s.party and s.party != s.name:
                bits.append(f"for {s.party}")
            if s.date:
                bits.append(f"dated {_fmt_value(s.date)}")
            lines.append("  " + ", ".join(bits))
    if ex.warnings:
        lines.append("")
        lines.append("Warnings")
        for w in ex.warnings:
            at = f" @{w.start}" if w.start is not None else ""
            lines.append(f"  {w.message}{at}")
    return "\n".join(lines)
