"""Telephone and fax numbers: "Tel: 512-527-2900", "Fax (242) 323-7918", "+44 20 7946 0958".

``find_phones(doc)`` returns kind ``"phone"`` values. The value is normalized to E.164
where the country is known: North American numbers (area code and exchange starting 2-9)
as ``"+1"`` and ten digits, numbers written with ``+`` as ``"+"`` and their digits (a
trunk ``(0)`` dropped). A number only a label vouches for ("Tel: 020 7946 0958") keeps
its digits as written, without ``+``. ``extra`` has ``"label"`` (``"phone"``, ``"fax"``,
``"mobile"``) when one precedes the number, and ``"extension"``.

Numbers separated only by spaces ("512 527 2900") count only after such a label; SEC file
numbers (333-76589), dates, ZIP codes, social security and tax numbers do not have the
3-3-4 shape and are not matched.
"""

from __future__ import annotations

import re

from termwise.extract._scan import hot_spots, lower
from termwise.model import Document, Value

_SEP = r"[ \t.\-]"
_PHONE = re.compile(
    r"(?<![\w$.,/+\-])(?:"
    # +44 20 7946 0958, +1 (512) 527-2900, +852 2526-1234
    r"(?P<intl>\+[ \t]?\d{1,3}(?:" + _SEP + r"?\(0\))?(?:" + _SEP + r"{0,2}(?:\(\d{1,5}\)|\d{1,5})){1,5})"
    # (650) 555-1212, 1 (650) 555-1212
    r"|(?:1" + _SEP + r"?)?\((?P<a1>[2-9]\d\d)\)[ \t]?[.\-]?[ \t]?(?P<e1>[2-9]\d\d)" + _SEP + r"?(?P<s1>\d{4})"
    # 512-527-2900, 800.555.1212, 1-800-555-1212
    r"|(?:1[.\-])?(?P<a2>[2-9]\d\d)(?P<sep>[.\-])(?P<e2>[2-9]\d\d)(?P=sep)(?P<s2>\d{4})"
    # 512 527 2900: only after a label
    r"|(?P<a3>[2-9]\d\d)[ \t](?P<e3>[2-9]\d\d)[ \t](?P<s3>\d{4})"
    r")(?![\w\-]|[.,]\d)"
    r"(?:[ \t]*,?[ \t]*(?:ext\.?|extension|x)[ \t]*(?P<ext>\d{1,6})(?!\d))?"
)
_LABEL = re.compile(
    r"(?<![a-z])(?P<label>tel(?:ephone)?|phone|ph|fax|facsimile|telecopier|telecopy|telefax|mobile|cell|t|f|m|p)"
    r"\.?(?:[ \t]*(?:no\.?|number|#|nos\.?))?[ \t]*[:.]?[ \t]*(?:\((?:\w+)\)[ \t]*[:.]?[ \t]*)?$"
)
# Digits a label vouches for: "Tel: 020 7946 0958", "Telephone No.: 852 2526 8888".
_LABELED = re.compile(
    r"(?<![a-z])(?P<label>tel(?:ephone)?|phone|fax|facsimile|telecopier|telecopy|telefax|mobile)"
    r"(?:[ \t]*(?:no\.?|number|#))?[ \t]*[:.]?[ \t]*(?P<num>\(?\d[\d \t().\-]{5,22}\d)(?![\w\-]|[.,]\d)"
)
_LABELS = {
    "tel": "phone",
    "telephone": "phone",
    "phone": "phone",
    "ph": "phone",
    "t": "phone",
    "p": "phone",
    "fax": "fax",
    "facsimile": "fax",
    "telecopier": "fax",
    "telecopy": "fax",
    "telefax": "fax",
    "f": "fax",
    "mobile": "mobile",
    "cell": "mobile",
    "m": "mobile",
}
_DIGITS = re.compile(r"\d")


def _label(low: str, start: int) -> str | None:
    m = _LABEL.search(low, max(0, start - 45), start)
    return _LABELS[m.group("label")] if m else None


def _starts(text: str, s: int) -> list[int]:
    """Where a number whose digits begin at ``s`` may begin: "(", "+", "1 (" in front."""
    p = text[s - 1] if s else ""
    if p == "(":
        return [s - 3, s - 1] if s >= 3 and text[s - 3] == "1" else [s - 1]
    if p == "+":
        return [s - 1]
    if p == " " and s >= 2 and text[s - 2] == "+":
        return [s - 2]
    return [s]


def find_phones(doc: Document) -> list[Value]:
    text, clean = doc.text, doc.clean
    low = lower(clean)
    out: list[Value] = []
    covered = -1
    for s0, _r, _e in hot_spots(clean).phones:
        if s0 < covered:
            continue
        m = None
        for start in _starts(clean, s0):
            m = _PHONE.match(clean, start)
            if m:
                break
        if m is None:
            v = _labelled(text, clean, low, s0)
            if v is not None:
                out.append(v)
                covered = v.end
            continue
        g = m.group
        label = _label(low, m.start())
        if g("intl"):
            digits = "".join(_DIGITS.findall(g("intl").replace("(0)", "")))
            if not 8 <= len(digits) <= 15:
                continue
            value = "+" + digits
        else:
            area, exch, sub = (
                g("a1") or g("a2") or g("a3"),
                g("e1") or g("e2") or g("e3"),
                g("s1") or g("s2") or g("s3"),
            )
            if g("a3") and label is None:
                continue
            value = "+1" + area + exch + sub
        extra: dict[str, str] = {}
        if label:
            extra["label"] = label
        if g("ext"):
            extra["extension"] = g("ext")
        s, e = m.span()
        out.append(Value(kind="phone", text=text[s:e], start=s, end=e, value=value, extra=extra or None))
        covered = e
    return out


_LABEL_WORDS = ("tel", "phone", "fax", "facsimile", "telecopier", "mobile")


def _labelled(text: str, clean: str, low: str, s: int) -> Value | None:
    """Digits that only a label before them makes a phone number: "Tel: 020 7946 0958"."""
    before = low[max(0, s - 22) : s]
    if not any(w in before for w in _LABEL_WORDS):
        return None
    start = s - 1 if s and clean[s - 1] == "(" else s
    m = _LABELED.search(low, max(0, s - 22), start + 40)
    if not m or m.start("num") != start:
        return None
    num = m.group("num")
    digits = "".join(_DIGITS.findall(num))
    if not 7 <= len(digits) <= 15 or num.count("(") != num.count(")"):
        return None
    b, e = m.span("num")
    return Value(kind="phone", text=text[b:e], start=b, end=e, value=digits, extra={"label": _LABELS[m.group("label")]})
