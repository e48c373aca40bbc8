"""Warnings about the extracted values: wording termwise read but that contradicts itself.

Today: an amount written both in words and in digits where the two disagree
("two hundred fifty thousand dollars ($205,000)", "six (9) months"). The value keeps
one reading; the warning, with its span, says the other exists, so nothing is dropped
silently.
"""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.extract.numwords import parse_number_words
from termwise.model import Money, Value, Warning

# words, then a parenthesized figure: "fifty percent (50%)", "one hundred dollars ($100)"
_TWIN = re.compile(r"^(?P<words>[^()\d$]+)\(\s*(?:US\s*)?\$?\s*(?P<digits>\d[\d,]*(?:\.\d+)?)\s*%?\s*\)")
_KINDS = frozenset(("money", "percent", "duration", "number", "shares", "date"))  # date: relative ones
_UNIT_WORDS = re.compile(
    r"\b(?:dollars?|percent|per cent|days?|weeks?|months?|years?|shares?|business|calendar|us|u\.s\.)\b.*$",
    re.I | re.S,
)


def _amount(v: Value) -> Decimal | None:
    x = v.value
    if isinstance(x, Money):
        return x.amount
    if isinstance(x, Decimal):
        return x
    return None


def _trailing_number(words: str) -> Decimal | None:
    """The number the longest trailing run of ``words`` spells: "within thirty" -> 30."""
    tokens = words.split()
    for i in range(len(tokens)):
        n = parse_number_words(" ".join(tokens[i:]))
        if n is not None:
            return n
    return None


def find_warnings(values: list[Value]) -> list[Warning]:
    """A warning for each value whose words and digits disagree."""
    out: list[Warning] = []
    for v in values:
        if v.kind not in _KINDS or "(" not in v.text:
            continue
        m = _TWIN.match(v.text)
        if m is None:
            continue
        words = _UNIT_WORDS.sub("", m.group("words")).strip(" ,\t\n-")
        if not words:
            continue
        said = _trailing_number(words)
        if said is None:
            continue
        figure = Decimal(m.group("digits").replace(",", ""))
        if said != figure:
            kept = _amount(v)
            which = f"; the value keeps {kept.normalize():f}" if kept is not None else ""
            out.append(
                Warning(
                    message=f"{v.kind} written as {said:f} in words but {figure:f} in figures: "
                    f"{' '.join(v.text.split())!r}{which}",
                    start=v.start,
                    end=v.end,
                )
            )
    return out
