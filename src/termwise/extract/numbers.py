"""Plain quantities: "100 prototype samples" -> 100, "200 watts", "one hundred (100)
units" -> 100 and "twenty four (24)" -> 24 (words with their digits are one value).

Not numbers here: references ("Section 5.3", "Sections 13(d)(3) and 14(d)(2)",
"Rule 13d-3", "Exhibit 10.1"), list markers ("1.", "(2)"), years (1900-2099 written
without a comma), times, phone numbers, dates ("6/29/01", "June 29"), ZIP codes and
street numbers (followed by a capital or a line end). A bare digit run counts only
when a lower-case word follows it ("100 prototype samples", "5 of the directors");
numbers written only in words ("three directors") are left out: too many are "one of",
"any one", and scanning for them costs more than they are worth.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from termwise.extract._numeric import WORDS, WS, dedupe, digit_runs, integral, lead_starts, lower_text, make
from termwise.extract.numwords import parse_number_words
from termwise.model import Document, Value

# words before a number that make it a reference or a label, not a quantity
_LABELS = frozenset(
    """section sections § §§ article articles clause clauses paragraph paragraphs subparagraph subparagraphs
    subsection subsections exhibit exhibits schedule schedules annex annexes appendix appendices rule rules
    item items part parts chapter chapters title titles form forms regulation regulations no. nos. no number
    numbers # page pages step phase stage version level tier claim claims note notes line lines suite floor
    unit box route highway iso lot table figure tranche year years day days week weeks month months quarter
    quarters amendment attachment addendum standard code act statement sec. art. para. ex. p. pp. ss. s. r.
    reg. fig. instruction instructions category categories class series""".split()
)
# the word after a number that another extractor turns into a longer value ("30 days")
_COVERED = frozenset(
    "day days week weeks month months year years hour hours percent shares share dollars dollar euros business "
    "calendar".split()
)
# a month name before the number: "October 1 of each year" is a date, not a quantity
_MONTHS = frozenset(
    """january february march april may june july august september october november december jan jan. feb
    feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.""".split()
)
_LIST_GLUE = frozenset(("and", "or", "and/or", "through", "to", "-", "–", "&", "of"))
# capitalized words that may stand before a quantity (at a sentence start)
_CAPITALIZED_OK = frozenset(
    "approximately about up only over under exactly least minimum maximum total additional each every all no "
    "with within than of at for to by from in on and or the a an any not more less nearly some".split()
)
_TWIN_AFTER_RE = re.compile(WS + r"*\(" + WS + r"*(?P<w>" + WORDS + r")" + WS + r"*\)")
_WORDS_ONLY_RE = re.compile(r"(?P<w>" + WORDS + r")" + WS + r"*\Z")
_CLOSE_RE = re.compile(r"[ \t]*\)")
# the word after a number that makes it a reference list or a label ("5 and 6", "2 hereof")
_STOP_NEXT = frozenset(
    "and or through to x hereof herein hereto hereunder above below thereof nor shall will is are was et".split()
)


def find_numbers(doc: Document) -> list[Value]:
    """Every plain quantity in ``doc`` (value ``Decimal``)."""
    text = doc.clean
    low = lower_text(text)
    found: list[Value | None] = []
    # cheap rejection of the common case first ("5.3 Term", "2001,", "95134\n"): a
    # candidate has a parenthesis right before or after it or a lower-case word after it
    # ("30 days", "(30) days", "25 percent" are left to the durations, percents ... extractors,
    # whose longer values would win anyway)
    runs = [r for r in digit_runs(text) if (r[4] or r[3][:1].islower()) and r[3].lower() not in _COVERED]
    for s, e, ws, nw, _ in runs:
        paren_before = s > 0 and text[s - 1] == "("
        paren_after = not paren_before and "(" in text[e : e + 2] and text[e : e + 1] in " ("
        if e - s == 4 and text[s : s + 2] in ("19", "20"):
            continue  # a year
        if paren_before:
            # "(24)": a list marker, unless number words come right before: "twenty four (24)"
            close = _CLOSE_RE.match(text, e)
            if close:
                found.append(_words_twin_before(doc, low, s, close.end()))
            continue
        if paren_after:
            tw = _TWIN_AFTER_RE.match(low, e)
            if tw and parse_number_words(tw.group("w")) is not None and not _is_reference(low, s):
                found.append(_number(doc, s, tw.end(), text[s:e], True))
                continue
        if not nw or not nw[0].islower() or nw in _STOP_NEXT:
            continue
        gap = text[e:ws]  # (with no word after, ws is -1: the slice would run to the end of the text)
        if ")" in gap or ("\n" not in gap and len(gap) > 2):
            continue  # "5) the", "30      the" (a table)
        line_head = text[max(0, s - 40) : s].rpartition("\n")[2]
        if "." in text[s:e] and not line_head.strip():
            continue  # "1.37 cGMP ..." at the start of a line: a heading number
        prev = line_head.rsplit(None, 1)[-1] if line_head.strip() else ""
        if prev[:1].isupper() and prev.lower() not in _CAPITALIZED_OK:
            continue  # "Flix Lite 3 for Mac", "APCN 2 in": a name or label
        if not prev and nw == "of" and text[ws + 2 : ws + 4].strip()[:1].isdigit():
            continue  # "4 of 6" on a line of its own: a page number
        if prev[:1].isdigit() and prev.endswith("."):
            continue  # "17. 2. 2 the": numbering
        if not _is_reference(low, s):
            found.append(_number(doc, s, e, text[s:e], False))
    return dedupe(v for v in found if v is not None)


def _number(doc: Document, s: int, e: int, digits: str, words: bool) -> Value | None:
    raw = digits.replace(",", "")
    try:
        d = Decimal(int(raw)) if raw.isdigit() else integral(Decimal(raw))
    except (InvalidOperation, ValueError):
        return None  # "5.3.1"
    return make(doc, "number", s, e, d, {"words": True} if words else None)


def _words_twin_before(doc: Document, low: str, s: int, end: int) -> Value | None:
    """ "twenty four (24)": the words before the parenthesis that holds the digits at ``s``."""
    paren = low.rfind("(", max(0, s - 3), s)
    for st in lead_starts(low, paren):
        wb = _WORDS_ONLY_RE.match(low, st, paren)
        if wb and parse_number_words(wb.group("w")) is not None:
            v = _number(doc, st, end, low[s:end].strip(" \t)"), True)
            return v
    return None


def _is_reference(low: str, s: int) -> bool:
    """Whether the number at ``s`` is a section / rule / exhibit ... reference or label
    ("Section 5", "Sections 13(d)(3) and 14", "Exhibit 10.1"), judged by the words before it."""
    toks = low[max(0, s - 48) : s].split()[-6:]
    if toks and toks[-1] in _MONTHS:
        return True
    for tok in reversed(toks):
        t = tok.rstrip(",;")
        if t in _LABELS:
            return True
        if t in _LIST_GLUE or t[:1].isdigit() or t[:1] == "(":
            continue
        return False
    return False
