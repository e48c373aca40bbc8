"""Numbers written in words: cardinals, simple fractions, ordinals.

Public API (other extractors import these):

- :func:`parse_number_words` — ``"one hundred twenty five thousand"`` → ``Decimal(125000)``
- :func:`parse_ordinal` — ``"twenty-first"`` / ``"21st"`` → ``21``
- :data:`NUMBER_WORDS_RE` — a compiled regex that finds runs of number words in
  **lower-cased** text (use :func:`lowered` to get a same-length lower-cased copy)
- :data:`NUMBER_RE` — digits or words, optionally followed by a parenthesized twin
  (``"twenty four (24)"``, ``"100 (one hundred)"``), again for lower-cased text
- :func:`parse_number` — the value of a ``NUMBER_RE`` match text

Matching runs on lower-cased text (``str.lower()`` once per document, then plain
patterns) because ``re.IGNORECASE`` over alternations of words is several times
slower. This module imports only the standard library.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
FRACTIONS = {
    "half": Decimal(1) / 2,
    "halves": Decimal(1) / 2,
    "third": Decimal(1) / 3,
    "thirds": Decimal(1) / 3,
    "quarter": Decimal(1) / 4,
    "quarters": Decimal(1) / 4,
    "fourth": Decimal(1) / 4,
    "fourths": Decimal(1) / 4,
    "fifth": Decimal(1) / 5,
    "fifths": Decimal(1) / 5,
    "tenth": Decimal(1) / 10,
    "tenths": Decimal(1) / 10,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}

_CARDINAL = {**UNITS, **TEENS, **TENS, "hundred": 100, **SCALES}
#: Every word that can appear in a cardinal number ("one" ... "trillion").
CARDINAL_WORDS = frozenset(_CARDINAL)


def _alt(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[call-overload]


_W = _alt(_CARDINAL)
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in ("hundred", *SCALES)) + ")"
_SEP = r"(?:[ \t]*-[ \t]*|" + _AFTER_SCALE + r"(?:,?[ \t\n]+and[ \t\n]+|,[ \t\n]*)|[ \t\n]+)"
# "and 00/100", "and no/100ths", "and 50/100 cents"
_CENTS = r"(?:[ \t\n]+and[ \t\n]+(?:\d{1,2}|no|xx)/100(?:ths)?)"
# "one-half", "one and one-half", "three-quarters"
_FRAC = r"(?:[ \t]*-[ \t]*|[ \t]+)(?:" + _alt(FRACTIONS) + r")\b"
_SIMPLE_FRAC_UNITS = _alt(list(UNITS) + list(TEENS))

#: A run of cardinal number words (lower-cased text), with an optional fraction tail.
NUMBER_WORDS_RE = re.compile(
    r"(?<![a-z0-9-])(?:"
    r"(?:" + _W + r")(?:" + _SEP + r"(?:" + _W + r"))*\b"
    r"(?:" + _CENTS + r"|[ \t\n]+and[ \t\n]+(?:a|" + _SIMPLE_FRAC_UNITS + r")" + _FRAC + r"|" + _FRAC + r")?"
    r"|(?:an?[ \t]+)?(?:half|one[ \t]+half)(?![a-z-])"
    r")(?![a-z])"
)

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_PAREN_DIGITS = r"\([ \t]*" + _DIGITS + r"[ \t]*\)"
_WORDS = NUMBER_WORDS_RE.pattern
#: A quantity: ``words (digits)``, ``digits (words)``, bare digits or bare words.
NUMBER_RE = re.compile(
    r"(?:" + _WORDS + r")(?:[ \t\n]*" + _PAREN_DIGITS + r")?"
    r"|(?<![\w.,/-])" + _DIGITS + r"(?![\w/]|[.,]\d)(?:[ \t\n]*\((?:" + _WORDS + r")\))?"
)

_TOKEN_RE = re.compile(r"(?:\d+|no|xx)/100(?:ths)?|[a-z]+")
_DIGIT_RE = re.compile(_DIGITS)
_ORDINAL_DIGITS_RE = re.compile(r"\s*(\d+)\s*(?:st|nd|rd|th)\s*\.?\s*")


def parse_number_words(text: str) -> Decimal | None:
    """Value of a number written in words, or ``None`` if ``text`` is not one.

    Case, hyphens, commas and ``and`` between words are ignored::

        "two hundred fifty thousand"                      -> 250000
        "Twenty-Five"                                     -> 25
        "one hundred and five"                            -> 105
        "three million five hundred thousand and 00/100"  -> 3500000
        "one-half" -> 0.5     "two and one-half" -> 2.5   "fifteen hundred" -> 1500

    Malformed sequences ("five five", "thousand million") return ``None``.
    """
    tokens = _TOKEN_RE.findall(text.lower())
    if not tokens:
        return None
    if tokens[0] in ("a", "an") and len(tokens) > 1:
        tokens = ["one", *tokens[1:]]
    if tokens[-1] in FRACTIONS:
        return _parse_fraction(tokens)
    return _parse_cardinal(tokens)


def _parse_fraction(tokens: list[str]) -> Decimal | None:
    """``[.., "and", "one", "half"]``: a whole part, then numerator and denominator."""
    if len(tokens) == 1:
        return FRACTIONS[tokens[0]] if tokens[0] == "half" else None
    numer = UNITS.get(tokens[-2], TEENS.get(tokens[-2]))
    if not numer:
        return None
    whole_tokens = tokens[:-2]
    if whole_tokens and whole_tokens[-1] == "and":
        whole_tokens = whole_tokens[:-1]
    elif whole_tokens:
        return None
    whole = _parse_cardinal(whole_tokens) if whole_tokens else Decimal(0)
    if whole is None:
        return None
    return whole + numer * FRACTIONS[tokens[-1]]


def _parse_cardinal(tokens: list[str]) -> Decimal | None:
    total = 0  # completed scale groups
    group = 0  # current group below the next scale word
    last = ""  # kind of the previous token: unit, teen, tens, hundred, scale, and
    last_scale = 10**15
    seen = False
    frac: Decimal = Decimal(0)
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if "/" in t:  # "and 00/100": cents
            if last not in ("and",) or not seen or i != n - 1:
                return None
            num = t.split("/")[0]
            frac = Decimal(0) if num in ("no", "xx") else Decimal(int(num)) / 100
            last = "cents"
            i += 1
            continue
        if t == "and":
            if last not in ("hundred", "scale") and not (i == n - 2 and "/" in tokens[-1]):
                return None
            last = "and"
            i += 1
            continue
        if t in UNITS or t in TEENS:
            if last in ("unit", "teen"):
                return None
            if last == "tens" and t in TEENS:
                return None
            if t == "zero" and (seen or i != n - 1):
                return None
            group += UNITS.get(t, TEENS.get(t, 0))
            last = "unit" if t in UNITS else "teen"
        elif t in TENS:
            if last in ("unit", "teen", "tens"):
                return None
            if group % 100:
                return None
            group += TENS[t]
            last = "tens"
        elif t == "hundred":
            if last not in ("unit", "teen", "tens"):
                return None
            if group >= 100:
                return None
            group = (group or 1) * 100
            last = "hundred"
        elif t in SCALES:
            scale = SCALES[t]
            if scale >= last_scale:
                return None
            if last not in ("unit", "teen", "tens", "hundred"):
                return None
            total += (group or 1) * scale
            group = 0
            last_scale = scale
            last = "scale"
        else:
            return None
        seen = True
        i += 1
    if not seen or last == "and":
        return None
    return Decimal(total + group) + frac


def parse_ordinal(text: str) -> int | None:
    """Value of an ordinal, in words or digits, or ``None``.

    ``"fifth"`` -> 5, ``"Twenty-First"`` -> 21, ``"one hundredth"`` -> 100,
    ``"1st"`` / ``"22nd"`` / ``"3rd"`` / ``"4th"`` -> 1 / 22 / 3 / 4.
    The suffix must fit the number (``"1th"`` is ``None``).
    """
    m = _ORDINAL_DIGITS_RE.fullmatch(text)
    if m:
        num = int(m.group(1))
        suffix = text.strip().rstrip(".").strip()[-2:].lower()
        want = "th" if 10 <= num % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(num % 10, "th")
        return num if suffix == want else None
    tokens = _TOKEN_RE.findall(text.lower())
    if not tokens or tokens[-1] not in ORDINALS:
        return None
    last = ORDINALS[tokens[-1]]
    if len(tokens) == 1:
        return last
    head = parse_number_words(" ".join(tokens[:-1]))
    if head is None or head != head.to_integral_value():
        return None
    h = int(head)
    if last < 10 and h % 10 == 0 and h % 100 != 10:  # "twenty-first", "one hundred first"
        return h + last
    if last < 100 and h >= 100 and h % 100 == 0:  # "one hundred twelfth", "two hundred twentieth"
        return h + last
    if last >= 100 and h < last:  # "two hundredth" (rare)
        return h * last
    return None


def parse_digits(text: str) -> Decimal | None:
    """``"1,000,000"`` -> 1000000, ``"6.5"`` -> 6.5; ``None`` when not a plain number."""
    m = _DIGIT_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return Decimal(m.group(0).replace(",", ""))
    except InvalidOperation:
        return None


def parse_number(text: str) -> Decimal | None:
    """Value of a :data:`NUMBER_RE` match: ``"twenty four (24)"`` -> 24, ``"100"`` -> 100.

    When words and a parenthesized twin are both present the digits win (they are
    what the drafter checked); the ``words`` value is still parsed to confirm it is
    a number at all.
    """
    head, paren, rest = text.partition("(")
    head = head.strip()
    inner = rest.rsplit(")", 1)[0].strip() if paren else ""
    if head[:1].isdigit():
        v = parse_digits(head)
        return v
    v = parse_number_words(head)
    if v is None:
        return None
    if inner:
        d = parse_digits(inner)
        if d is not None:
            return d
    return v


def lowered(text: str) -> str:
    """``text.lower()`` when that keeps the length (almost always), else an ASCII-only lowering."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
