"""Identifiers: SEC file numbers, CUSIPs, ISINs, employer identification numbers, CIKs,
ABA routing numbers and SWIFT codes.

``find_identifiers(doc)`` returns kind ``"identifier"`` values; the span is the identifier
itself (not its label), the value its canonical text (upper case, CUSIP without spaces),
and ``extra["scheme"]`` one of ``sec_file_number``, ``cusip``, ``isin``, ``ein``, ``cik``,
``aba_routing``, ``swift``. Check digits are validated where the scheme has one:
an unlabelled CUSIP, ISIN or routing number must pass; a labelled one that fails is kept
with ``extra["check_digit_valid"] = False``.

Labels found: "Commission File Number 333-76589", "File No. 0-12345", "Registration No.
333-12345", "CUSIP No. 91913410", "I.R.S. Employer Identification No. 94-1234567",
"CIK 0000123456". SEC file numbers of the distinctive shapes (``333-NNNNN``, ``0-NNNNN``,
``00N-NNNNN``) and EINs next to their label (the cover-page layout puts the number above
"(I.R.S. Employer Identification No.)") are found unlabelled too.
"""

from __future__ import annotations

import re
from typing import Any

from termwise.extract.numwords import lowered
from termwise.model import Document, Value

_S = r"[ \t]*(?:\r?\n[ \t]*)?"
_NO = r"(?:[ \t]*(?:no\.?|nos\.?|number|#))?[ \t]*[:.]?" + _S + r"(?:[:#]" + _S + r")?"
_ID = re.compile(
    r"(?<![a-z0-9])(?:"
    r"(?P<sec_kw>(?:commission|sec|s\.e\.c\.)[ \t]+file|file|registration(?:[ \t]+statement)?|reg\.)" + _NO
    + r"(?:s-\d+[ \t]*)?(?P<sec>\d{1,3}-\d{4,6}(?:-\d{1,3})?)(?![\w-])"
    r"|cusip" + _NO + r"(?P<cusip>[0-9a-z]{3}[ \t]?[0-9a-z]{3}[ \t-]?[0-9a-z]{2}(?:[ \t-]?[0-9])?)(?![\w-])"
    r"|(?:cik|central[ \t]+index[ \t]+key)" + _NO + r"(?P<cik>\d{1,10})(?![\w-])"
    r"|(?:aba|routing|aba[ \t]+routing|routing[ \t]+transit)" + _NO + r"(?P<aba>\d{9})(?![\w-])"
    r"|(?:swift|bic|swift[ \t]+code|swift/bic)(?:[ \t]+code)?[ \t]*(?:no\.?|#)?[ \t]*[:.]?" + _S
    + r"(?P<swift>[a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?)(?![\w-])"
    r"|(?P<sec_bare>333-\d{5,6}|0-\d{4,5}|00[0-2]-\d{5})(?![\w-]|\.\d)"
    r"|(?P<ein>\d{2}-\d{7})(?![\w-])"
    r"|(?P<isin>[a-z]{2}[0-9a-z]{9}\d)(?![\w-])"
    r"|(?P<cusip_bare>\d{3}[0-9a-z]{5}\d)(?![\w-])"
    r")"
)
_EIN_LABEL = re.compile(
    r"employer[ \t\n]+identification|\be\.?i\.?n\b|\bf\.?e\.?i\.?n\b|tax(?:payer)?[ \t\n]+(?:id|identification)"
    r"|\birs\b|i\.r\.s\."
)
_EIN_BEFORE = 60
_EIN_AFTER = 120
_ISIN_COUNTRIES = frozenset(
    "us ca gb de fr ch nl lu ie jp hk sg au kr tw cn il bm ky vg je gg se no dk fi it es be at xs an bs pa mx br".split()
)


def _cusip_check(s: str) -> int | None:
    total = 0
    for i, c in enumerate(s[:8]):
        if c.isdigit():
            v = int(c)
        elif "A" <= c <= "Z":
            v = ord(c) - 55
        else:
            v = {"*": 36, "@": 37, "#": 38}.get(c)
            if v is None:
                return None
        if i % 2:
            v *= 2
        total += v // 10 + v % 10
    return (10 - total % 10) % 10


def _luhn_digits_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        v = int(c)
        if i % 2:
            v *= 2
        total += v // 10 + v % 10
    return total % 10 == 0


def _isin_ok(s: str) -> bool:
    return _luhn_digits_ok("".join(str(int(c, 36)) for c in s))


def _aba_ok(s: str) -> bool:
    d = [int(c) for c in s]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def find_identifiers(doc: Document) -> list[Value]:
    text, clean = doc.text, doc.clean
    low = lowered(clean)
    out: list[Value] = []
    for m in _ID.finditer(low):
        g = m.group
        extra: dict[str, Any]
        if g("sec"):
            name, extra = "sec", {"scheme": "sec_file_number"}
        elif g("sec_bare"):
            name, extra = "sec_bare", {"scheme": "sec_file_number"}
        elif g("cusip") is not None:
            name = "cusip"
            raw = "".join(text[m.start(name) : m.end(name)].split()).replace("-", "").upper()
            if not any(c.isdigit() for c in raw[:6]):
                continue  # "CUSIP number" followed by a word
            extra = {"scheme": "cusip"}
            if len(raw) == 9:
                extra["check_digit_valid"] = _cusip_check(raw) == int(raw[8])
        elif g("cik"):
            name, extra = "cik", {"scheme": "cik"}
        elif g("aba"):
            name = "aba"
            extra = {"scheme": "aba_routing", "check_digit_valid": _aba_ok(g("aba"))}
        elif g("swift"):
            name = "swift"
            if not text[m.start(name) : m.end(name)].isupper():
                continue  # "SWIFT transfer": a word, not a code
            extra = {"scheme": "swift"}
        elif g("ein"):
            name = "ein"
            s = m.start()
            if not _EIN_LABEL.search(low, max(0, s - _EIN_BEFORE), min(len(low), m.end() + _EIN_AFTER)):
                continue
            extra = {"scheme": "ein"}
        elif g("isin"):
            name = "isin"
            raw = text[m.start(name) : m.end(name)]
            if (not raw.isupper() or raw[:2].lower() not in _ISIN_COUNTRIES
                    or sum(c.isdigit() for c in raw) < 6 or not _isin_ok(raw)):
                continue
            extra = {"scheme": "isin"}
        else:
            name = "cusip_bare"
            raw = text[m.start(name) : m.end(name)]
            if not raw.isupper() or raw.isdigit() or _cusip_check(raw) != int(raw[8]):
                continue  # an all-digit number passes one time in ten: needs its label
            extra = {"scheme": "cusip"}
        s, e = m.span(name)
        span_text = text[s:e]
        value = "".join(span_text.split()).upper()
        if extra["scheme"] == "cusip":
            value = value.replace("-", "")
        out.append(Value(kind="identifier", text=span_text, start=s, end=e, value=value, extra=extra))
    return out
