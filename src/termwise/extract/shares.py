"""Share counts: "595,889 shares of the Company's Common Stock" (class "Common Stock"),
"250,000 stock options" (class "stock options"), "10,000 restricted stock units",
"50,000 warrants", "one million (1,000,000) shares", and the shares behind an option
or warrant ("options to purchase 100,000 shares of common stock": extra
``{"instrument": "option"}``).

Anchors are the words share(s), option(s), unit(s), warrant(s) and RSU(s); the count
is read just before the anchor (with any class words in between: "500,000 Class A
Common Shares"), the class just after "shares of".
"""

from __future__ import annotations

import re

from termwise.extract._numeric import COUNT, WS, count_value, dedupe, digit_runs, lead_starts, lower_text, make
from termwise.model import Document, Shares, Value

_ADJ = (
    r"(?:(?:class|series)[ \t]+[a-z0-9](?:-?[0-9])?|common|preferred|ordinary|restricted|voting|non-?voting"
    r"|convertible|redeemable|treasury|additional|new|outstanding|fully[ \t]+paid|underlying|such|unvested|vested"
    r"|incentive|non-?qualified|non-?statutory|performance|stock|share|deferred|phantom)"
)
_TAIL_RE = re.compile(r"(?P<num>" + COUNT + r")(?P<cls>(?:" + WS + r"+" + _ADJ + r")*)" + WS + r"+\Z")
_CLASS_CORE = (
    r"(?:(?:class|series)" + WS + r"+[a-z0-9](?:-?[0-9])?" + WS + r"+)?"
    r"(?:(?:convertible|redeemable|participating|voting|non-?voting|junior|senior|cumulative|exchangeable|serial"
    r"|perpetual|limited)" + WS + r"+)*"
    r"(?:common|preferred|ordinary|capital|restricted)" + WS + r"+(?:stock|shares)"
)
# "shares of the Company's Common Stock", "shares of Theravance Series E Preferred Stock",
# "shares of common stock", "shares of Stock"
_CLASS_AFTER_RE = re.compile(
    WS + r"+of" + WS + r"+(?:(?:the|its|our|such|their|his|her)" + WS + r"+)?"
    r"(?:(?:(?!(?:and|or|held|by|in|to|for|at|with|which|that|per|issued|issuable)\b)[a-z][\w.&'’,-]*"
    + WS
    + r"+){0,4}?"
    r"(?P<cls>" + _CLASS_CORE + r")|(?P<cls2>common" + WS + r"+stock|stock))(?![a-z])"
)
_INSTRUMENT_BEFORE_RE = re.compile(
    r"(?P<i>option|warrant|right)s?" + WS + r"+(?:to" + WS + r"+(?:purchase|acquire|buy|subscribe[ \t]+for)"
    r"|exercisable[ \t]+for|for)(?:"
    + WS
    + r"+(?:up[ \t]+to|an[ \t]+aggregate[ \t]+of|a[ \t]+total[ \t]+of))?"
    + WS
    + r"+\Z"
)
_EXTRA = frozenset("abcdefghijklmnopqrstuvwxyz") | {
    "class",
    "series",
    "fully",
    "common",
    "preferred",
    "ordinary",
    "restricted",
    "voting",
    "nonvoting",
    "non-voting",
    "convertible",
    "redeemable",
    "treasury",
    "additional",
    "new",
    "outstanding",
    "paid",
    "underlying",
    "such",
    "unvested",
    "vested",
    "incentive",
    "qualified",
    "nonqualified",
    "statutory",
    "performance",
    "stock",
    "share",
    "deferred",
    "phantom",
}
_LEAD_AFTER = _EXTRA | {"shares", "share", "options", "option", "units", "warrants", "warrant", "rsus", "rsu"}
_ANCHOR_AFTER_RE = re.compile(r"(?:" + _ADJ + WS + r"+)*(?P<a>(?P<stem>share|option|unit|warrant|rsu)s?)(?![a-z])")


def find_shares(doc: Document) -> list[Value]:
    """Every share count in ``doc`` (value :class:`Shares`)."""
    low = lower_text(doc.clean)
    text = doc.clean
    found: list[Value] = []
    seen: set[int] = set()
    for _s, _e, ws, nw, _ in digit_runs(text):
        if not nw or nw.lower() not in _LEAD_AFTER:
            continue
        am = _ANCHOR_AFTER_RE.match(low, ws)
        if am is None or am.start("a") in seen:
            continue
        a, b = am.span("a")
        seen.add(a)
        anchor = am.group("stem")
        t = None
        for start in lead_starts(low, a, _EXTRA):
            t = _TAIL_RE.match(low, start, a)
            if t is not None:
                break
        if t is None:
            continue
        n = count_value(t.groupdict())
        if n is None or n != n.to_integral_value() or n < 1:
            continue
        cls_words = " ".join(t.group("cls").split())
        if cls_words and 1900 <= n < 2100 and t.group("d") and "," not in t.group("d"):
            continue  # "the 2018 Deferred Share Award": a year
        if anchor == "unit" and not cls_words.endswith("stock") and not cls_words.endswith("share"):
            continue
        end = b
        share_class: str | None
        if anchor == "share":
            share_class = " ".join(text[t.start("cls") : b].split()) if cls_words else None
            after = _CLASS_AFTER_RE.match(low, end)
            if after and not cls_words:
                g = "cls" if after.group("cls") else "cls2"
                share_class = " ".join(text[after.start(g) : after.end(g)].split())
                end = after.end()
        else:
            share_class = " ".join(text[t.end("num") : b].split())
        extra = None
        ib = _INSTRUMENT_BEFORE_RE.search(low, max(0, t.start() - 60), t.start())
        if ib and anchor == "share":
            extra = {"instrument": ib.group("i")}
        found.append(make(doc, "shares", t.start(), end, Shares(count=int(n), share_class=share_class), extra))
    return dedupe(found)
