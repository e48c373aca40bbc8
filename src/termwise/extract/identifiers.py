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

from termwise.extract._scan import hot_spots, lower
from termwise.model import Document, Value

_S = r"[ \t]*(?:\r?\n[ \t]*)?"
# A label right before the number (matched on lower-cased text, ending where the number starts).
_LABEL_BEFORE = re.compile(
    r"(?<![a-z])(?:(?P<sec>(?:commission|sec|s\.e\.c\.)[ \t]+file|file|registration(?:[ \t]+statement)?|reg\.)"
    r"|(?P<cusip>cusip)|(?P<cik>cik|central[ \t]+index[ \t]+key)"
    r"|(?P<aba>aba(?:[ \t]+routing)?|routing(?:[ \t]+transit)?))"
    r"(?:[ \t]*(?:no\.?|nos\.?|number|#|code))?[ \t]*[:.]?" + _S + r"(?:[:#]" + _S + r")?(?:s-\d+[ \t]*)?$"
)
_SHAPE = re.compile(
    r"(?P<sec>\d{1,3}-\d{4,6}(?:-\d{1,3})?)(?![\w-]|\.\d)"
    r"|(?P<ein>\d{2}-\d{7})(?![\w-])"
    r"|(?P<tok>[0-9a-z]{8,12})(?![\w-])"
)
_CUSIP_SPACED = re.compile(r"[0-9a-z]{6}[ \t-]?[0-9a-z]{2}(?:[ \t-]?[0-9])?(?![\w-])")
_SEC_BARE = re.compile(r"333-\d{5,6}$|0-\d{4,5}$|00[0-2]-\d{5}$|811-\d{4,5}$")
_SWIFT = (re.compile("swift"), re.compile("bic"))
_SWIFT_CODE = re.compile(
    r"(?:swift|bic)(?:/bic)?(?:[ \t]+code)?[ \t]*(?:no\.?|#)?[ \t]*[:.]?"
    + _S
    + r"(?P<code>[a-z]{6}[a-z0-9]{2}(?:[a-z0-9]{3})?)(?![\w-])"
)
_EIN_LABEL = re.compile(
    r"employer[ \t\n]+identification|\be\.?i\.?n\b|\bf\.?e\.?i\.?n\b|tax(?:payer)?[ \t\n]+(?:id|identification)"
    r"|\birs\b|i\.r\.s\."
)
_EIN_BEFORE = 60
_EIN_AFTER = 120
_ISIN_COUNTRIES = frozenset(
    "us ca gb de fr ch nl lu ie jp hk sg au kr tw cn il bm ky vg je gg se no dk fi it es be at xs an bs pa mx br"
    "".split()
)


def _cusip_check(s: str) -> int | None:
    total = 0
    for i, c in enumerate(s[:8]):
        if c.isdigit():
            v = int(c)
        elif "A" <= c <= "Z":
            v = ord(c) - 55
        else:
            special = {"*": 36, "@": 37, "#": 38}.get(c)
            if special is None:
                return None
            v = special
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
    low = lower(clean)
    out: list[Value] = []
    covered = -1
    for s, _r, _e in hot_spots(clean).ids:
        if s < covered:
            continue
        ts = s
        while ts > 0 and ts > s - 2 and low[ts - 1].isalpha():
            ts -= 1
        if ts and low[ts - 1].isalnum():
            continue
        v = _identifier_at(text, low, ts)
        if v is not None:
            out.append(v)
            covered = v.end
    for rx in _SWIFT:
        for m in rx.finditer(low):
            if m.start() and low[m.start() - 1].isalpha():
                continue
            sm = _SWIFT_CODE.match(low, m.start())
            if sm and text[sm.start("code") : sm.end("code")].isupper():
                b, e = sm.span("code")
                out.append(
                    Value(kind="identifier", text=text[b:e], start=b, end=e, value=text[b:e], extra={"scheme": "swift"})
                )
    out.sort(key=lambda v: v.start)
    return out


def _identifier_at(text: str, low: str, ts: int) -> Value | None:
    shape = _SHAPE.match(low, ts)
    lab = _LABEL_BEFORE.search(low, max(0, ts - 45), ts)
    label = lab.lastgroup if lab else None
    extra: dict[str, Any]
    if label == "cusip":
        m = _CUSIP_SPACED.match(low, ts)
        if not m:
            return None
        b, e = m.span()
        value = "".join(text[b:e].split()).replace("-", "").upper()
        if not any(c.isdigit() for c in value[:6]):
            return None
        extra = {"scheme": "cusip"}
        if len(value) == 9:
            extra["check_digit_valid"] = _cusip_check(value) == int(value[8])
        return Value(kind="identifier", text=text[b:e], start=b, end=e, value=value, extra=extra)
    if shape is None:
        return None
    name = shape.lastgroup or ""
    b, e = shape.span()
    raw = text[b:e]
    if name == "sec":
        if label != "sec" and not _SEC_BARE.match(raw):
            return None
        extra = {"scheme": "sec_file_number"}
    elif name == "ein":
        if not _EIN_LABEL.search(low, max(0, b - _EIN_BEFORE), min(len(low), e + _EIN_AFTER)):
            return None
        extra = {"scheme": "ein"}
    elif label == "cik" and raw.isdigit() and len(raw) <= 10:
        extra = {"scheme": "cik"}
    elif label == "aba" and raw.isdigit() and len(raw) == 9:
        extra = {"scheme": "aba_routing", "check_digit_valid": _aba_ok(raw)}
    elif len(raw) == 12 and raw[:2].isalpha():
        if (
            not raw.isupper()
            or raw[:2].lower() not in _ISIN_COUNTRIES
            or sum(c.isdigit() for c in raw) < 6
            or not _isin_ok(raw)
        ):
            return None
        extra = {"scheme": "isin"}
    elif len(raw) == 9 and raw[:3].isdigit() and raw[8].isdigit():
        if not raw.isupper() or raw.isdigit() or _cusip_check(raw) != int(raw[8]):
            return None  # an all-digit number passes one time in ten: it needs its label
        extra = {"scheme": "cusip"}
    else:
        return None
    return Value(kind="identifier", text=raw, start=b, end=e, value=raw.upper(), extra=extra)
