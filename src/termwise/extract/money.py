"""Money: "$250,000", "US$2 billion", "USD 10,000", "10,000 Euros", "£100", "Rs. 5,000",
"two hundred fifty thousand dollars ($250,000)" and "$3,500,000.00 (three million five
hundred thousand and 00/100 US dollars)" (each one value).

Anchors are currency signs, ISO codes and currency words; the amount is read after a
sign or code, or before a code or word, and a parenthesized twin in words or digits is
taken into the same value. The value is :class:`~termwise.model.Money`; where words
and digits are both given the digits win.
"""

from __future__ import annotations

import re
from decimal import Decimal

from termwise.extract._numeric import (
    DIGITS,
    WORDS,
    WS,
    dedupe,
    digit_runs,
    integral,
    lead_starts,
    literal_re,
    lower_text,
    make,
    word_hits,
)
from termwise.extract.numwords import parse_number_words
from termwise.model import Document, Money, Value

_CODES = {
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "cad": "CAD",
    "aud": "AUD",
    "chf": "CHF",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "hkd": "HKD",
    "sgd": "SGD",
    "nzd": "NZD",
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "krw": "KRW",
    "brl": "BRL",
    "mxn": "MXN",
    "zar": "ZAR",
    "ils": "ILS",
    "twd": "TWD",
    "rs": "INR",
    "rs.": "INR",
}
_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
# prefixes of "$": "US$", "C$", "HK$" ...
_DOLLAR_PREFIX = {
    "us": "USD",
    "u.s.": "USD",
    "u. s.": "USD",
    "c": "CAD",
    "ca": "CAD",
    "cdn": "CAD",
    "can": "CAD",
    "a": "AUD",
    "au": "AUD",
    "hk": "HKD",
    "s": "SGD",
    "nt": "TWD",
    "r": "BRL",
    "nz": "NZD",
    "mx": "MXN",
}
# adjectives of "dollars"
_DOLLAR_ADJ = {
    "u.s.": "USD",
    "u. s.": "USD",
    "us": "USD",
    "united states": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "new zealand": "NZD",
    "taiwan": "TWD",
}
_WORD_CURRENCY = {
    "dollar": "USD",
    "euro": "EUR",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "rupee": "INR",
    "renminbi": "CNY",
    "yuan": "CNY",
    "swiss franc": "CHF",
}
_SCALE = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mm": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
}

_NEXT_CURRENCY = frozenset(
    (
        "euro",
        "euros",
        "rupee",
        "rupees",
        "franc",
        "francs",
        "sterling",
        "yen",
        "renminbi",
        "yuan",
        "pounds",
        "swiss",
        "million",
        "billion",
        "thousand",
        "trillion",
    )
)
_CURRENCY_AFTER_RE = re.compile(
    r"(?:(?:million|billion|thousand|trillion)[ \t\n]+)?(?:(?:swiss|pounds)[ \t\n]+)?"
    r"(?P<cw>euro|rupee|franc|sterling|yen|renminbi|yuan)s?(?![a-z])"
)
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_EU_AMOUNT = r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,}"
_SCALE_WORDS = r"(?:[ \t]*(?P<scale>thousand|million|billion|trillion)|(?P<sfx>mm|mln|bn|m|b|k))(?![a-z])"
_AFTER_SIGN_RE = re.compile(
    r"[ \t]?(?:(?P<eu>" + _EU_AMOUNT + r")|(?P<amt>" + _AMOUNT + r"))(?![\d])(?:" + _SCALE_WORDS + r")?"
)
_DOLLAR_PREFIX_RE = re.compile(
    r"(?<![a-z])(?P<p>" + "|".join(sorted((re.escape(p) for p in _DOLLAR_PREFIX), key=len, reverse=True)) + r")[ \t]?\Z"
)
_CUR_WORDS = (
    r"(?:(?:u\.[ \t]?s\.|us|united[ \t]+states|canadian|australian)" + WS + r"+)?"
    r"(?:dollars?|euros?|pounds[ \t]+sterling|yen|rupees?|renminbi|yuan)"
)
# after an amount: "(three million ... and 00/100 US dollars)" or "($250,000)" or "(US$250,000)"
_TWIN_WORDS_RE = re.compile(WS + r"*\(" + WS + r"*(?:" + WORDS + r")(?:" + WS + r"+" + _CUR_WORDS + r")?" + WS + r"*\)")
_TWIN_DIGITS = (
    r"\("
    + WS
    + r"*(?:(?:u\.[ \t]?s\.|us)[ \t]?)?[$€£¥]?[ \t]?(?P<td>"
    + _AMOUNT
    + r")(?:[ \t]*(?P<tscale>million|billion))?"
    + r"(?:[ \t]*(?:usd|eur|gbp|u\.s\.[ \t]dollars|dollars|euros))?"  # "($25,000 USD)"
    + WS
    + r"*\)"
)
_TWIN_DIGITS_RE = re.compile(WS + r"*" + _TWIN_DIGITS)
# before a currency word: "two hundred fifty thousand", "1.5 million", "10,000", words + "($250,000)"
_WORD_TAIL_RE = re.compile(
    r"(?:(?P<w>" + WORDS + r")|(?P<d>" + DIGITS + r")(?:[ \t]+(?P<dscale>thousand|million|billion|trillion))?)"
    r"(?:"
    + WS
    + r"*"
    + _TWIN_DIGITS
    + r")?"
    + WS
    + r"+(?P<adj>(?:u\.[ \t]?s\.|us|united[ \t]+states|american|canadian|australian|hong[ \t]+kong|singapore"
    r"|new[ \t]+zealand|taiwan|swiss|pounds)" + WS + r"+)?\Z"
)
# before "($": "two hundred fifty thousand ($250,000)" -- the words of a twin written first
_WORDS_ONLY_RE = re.compile(r"(?P<w>" + WORDS + r")" + WS + r"*\Z")
_CLOSE_RE = re.compile(WS + r"*\)(?:" + WS + r"*(?:(?:u\.[ \t]?s\.|us)" + WS + r"+)?dollars(?![a-z]))?")
_CODE_TAIL_RE = re.compile(r"(?P<d>" + DIGITS + r")(?:[ \t]+(?P<dscale>thousand|million|billion))?[ \t]+\Z")
_MONEY_EXTRA = frozenset(
    (
        "u.s.",
        "us",
        "united",
        "states",
        "american",
        "canadian",
        "australian",
        "hong",
        "kong",
        "singapore",
        "new",
        "zealand",
        "taiwan",
        "swiss",
        "pounds",
        "million",
        "billion",
        "trillion",
    )
)


def find_money(doc: Document) -> list[Value]:
    """Every amount of money in ``doc`` (value :class:`Money`, ISO 4217 currency)."""
    low = lower_text(doc.clean)
    found: list[Value | None] = []
    for sign in _SIGNS:
        if sign in low:
            for m in literal_re(sign).finditer(low):
                found.append(_after_sign(doc, low, m.start(), m.end(), sign))
    for a, b, word in word_hits(low, ("dollar",)):
        found.append(_before_word(doc, low, a, b, word))
    for s, e, ws, nw, _ in digit_runs(doc.clean):
        # "USD 10,000" / "Rs. 5,000": an ISO code one space before the digits
        if s >= 4 and low[s - 1] == " ":
            code = low[s - 4 : s - 1]
            if code in _CODES and (s == 4 or not low[s - 5].isalpha()):
                found.append(_after_code(doc, low, s - 4, code.rstrip(".")))
                continue
        if not nw:
            continue
        key = nw.lower()
        if key in _CODES and nw.isupper() and low[e:ws] == " ":  # "10,000 EUR"
            found.append(_before_code(doc, low, s, ws + 3, key))
        elif key in _NEXT_CURRENCY:  # "10,000 euros", "5 million yen", "100 Swiss francs"
            cw = _CURRENCY_AFTER_RE.match(low, ws)
            if cw:
                found.append(_before_word(doc, low, cw.start("cw"), cw.end(), cw.group("cw")))
    return dedupe(v for v in found if v is not None)


def _after_sign(doc: Document, low: str, a: int, b: int, sign: str) -> Value | None:
    am = _AFTER_SIGN_RE.match(low, b)
    if am is None:
        return None
    currency = _SIGNS[sign]
    start = a
    if sign == "$" and a and (low[a - 1] != " " or low[a - 2 : a] in ("s ", ". ")):
        p = _DOLLAR_PREFIX_RE.search(low, max(0, a - 6), a)
        if p:
            currency = _DOLLAR_PREFIX[p.group("p")]
            start = p.start()
    amount = _amount(am)
    end = am.end()
    tw = _TWIN_WORDS_RE.match(low, end)
    if tw:
        end = tw.end()
    elif low[max(0, start - 3) : start].rstrip(" \t\n").endswith("("):
        close = _CLOSE_RE.match(low, end)
        paren = low.rindex("(", max(0, start - 3), start)
        for st in lead_starts(low, paren) if close else ():
            wb = _WORDS_ONLY_RE.match(low, st, paren)
            if wb and parse_number_words(wb.group("w")) is not None:
                start, end = wb.start(), close.end()  # type: ignore[union-attr]
                break
    return make(doc, "money", start, end, Money(amount=amount, currency=currency))


def _after_code(doc: Document, low: str, a: int, code: str) -> Value | None:
    """ "USD 10,000", "RMB 5 million", "Rs. 5,000" (``a`` is where the code starts)."""
    b = a + len(code)
    if code == "rs" and low[b : b + 1] == ".":
        b += 1
    am = _AFTER_SIGN_RE.match(low, b)
    if am is None:
        return None
    amount = _amount(am)
    end = am.end()
    tw = _TWIN_WORDS_RE.match(low, end)
    if tw:
        end = tw.end()
    return make(doc, "money", a, end, Money(amount=amount, currency=_CODES[code]))


def _before_code(doc: Document, low: str, s: int, b: int, code: str) -> Value | None:
    """ "10,000 USD" (``s`` is where the digits start, ``b`` where the code ends)."""
    t = _CODE_TAIL_RE.match(low, s, b - len(code))
    if t is None:
        return None
    amount = _scaled(t.group("d"), t.group("dscale"))
    return make(doc, "money", s, b, Money(amount=amount, currency=_CODES[code]))


def _before_word(doc: Document, low: str, a: int, b: int, word: str) -> Value | None:
    if a == 0 or low[a - 1].isalpha():
        return None
    t = None
    for st in lead_starts(low, a, _MONEY_EXTRA):
        t = _WORD_TAIL_RE.match(low, st, a)
        if t is not None:
            break
    if t is None:
        return None
    g = t.groupdict()
    currency = _word_currency(word, g["adj"])
    if currency is None:
        return None
    end = b
    if g["td"]:
        amount = _scaled(g["td"], g["tscale"])
    elif g["d"]:
        amount = _scaled(g["d"], g["dscale"])
    else:
        words = parse_number_words(g["w"])
        if words is None:
            return None
        amount = words
        tw = _TWIN_DIGITS_RE.match(low, end)
        if tw:
            amount = _scaled(tw.group("td"), tw.group("tscale"))
            end = tw.end()
    return make(doc, "money", t.start(), end, Money(amount=integral(amount), currency=currency))


def _word_currency(word: str, adj: str | None) -> str | None:
    """Currency of a currency word and the adjective before it ("Canadian dollars" -> CAD)."""
    base = word.rstrip("s")
    adj_key = " ".join(adj.split()) if adj else None
    if base == "dollar":
        if adj_key is None:
            return "USD"
        return _DOLLAR_ADJ.get(adj_key, "USD") if adj_key not in ("swiss", "pounds") else None
    if base == "franc":
        return "CHF" if adj_key == "swiss" else None
    if adj_key in ("swiss", "pounds") and base != "sterling":
        return None
    return _WORD_CURRENCY.get(base)


def _amount(am: re.Match[str]) -> Decimal:
    if am.group("eu"):
        raw = am.group("eu").replace(".", "").replace(",", ".")
        base = Decimal(raw)
    else:
        base = Decimal(am.group("amt").replace(",", ""))
    scale = am.group("scale") or am.group("sfx")
    if scale:
        base *= _SCALE[scale]
    return integral(base)


def _scaled(digits: str, scale: str | None) -> Decimal:
    d = Decimal(digits.replace(",", ""))
    if scale:
        d *= _SCALE[scale]
    return integral(d)
