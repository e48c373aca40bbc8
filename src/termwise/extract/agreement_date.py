"""The agreement's own date, chosen among the document's date values.

Candidates are the dates near the top (the letter's date line, a title block
"DATED 26 September 2019", the preamble "dated as of", "made and entered into this
1st day of", "effective as of ... (the "Effective Date")") and, as a fallback, the
dates of the signature blocks ("Date: April 4, 2005", "AGREED as of ..."). Each gets
a score from the words around it and its position; the best comes first.

The date values come from :func:`termwise.extract.dates.find_dates` (via the
pipeline). Only while that module does not exist, a small private parser below
finds the common written forms so this module can be used and tested alone.
"""

from __future__ import annotations

import datetime as dt
import re

from termwise.model import Document, Value

# How far into the document the preamble may reach.
_HEAD = 6000

_DATED = re.compile(
    r"(?:\bdated|\bmade|\bentered(?:\s+into)?|\bexecuted|\bsigned|\bconcluded|\bdate[d]?\s*:|\bday\s+of"
    r"|\bdate\s+of\s+this\s+\w+\s+is|\b(?:agreement|amendment|contract|letter|lease|licen[cs]e)\W*(?:is\s+)?(?:as\s+of|on))"
    r"\W*(?:(?:as\s+of|of|on|this|the|and|entered|into|is|made|executed|\d{1,2}(?:st|nd|rd|th)?|day|of)\W+){0,6}$",
    re.I,
)
# a date that belongs to another agreement named in this one's preamble: "Amendment to the Supply Agreement dated"
_TO_AGREEMENT = re.compile(
    r"\b(?:to|of|under)\s+(?:the|that\s+certain|a|an|said)\s+(?:[\w\-,&\"“”()]+\s+){0,10}?(?:agreement|contract|lease|"
    r"license|licence|plan)\b[^.;]{0,60}$",
    re.I,
)
_EFFECTIVE_BEFORE = re.compile(
    r"(?:\beffective(?:\s+date)?[\"”)]*(?:\s+of\s+this\s+\w+)?(?:\s+(?:is|shall\s+be|will\s+be|means))?"
    r"|\bcommencement\s+date[\"”)]*(?:\s+(?:is|shall\s+be|will\s+be))?|\bcommenc\w*\s+(?:on|as\s+of))"
    r"\W*(?:(?:as\s+of|of|on|this|the|\d{1,2}(?:st|nd|rd|th)?|day)\W+){0,4}$",
    re.I,
)
_EFFECTIVE_AFTER = re.compile(
    r"^[\s,]*\(?\s*(?:the\s+|this\s+|hereinafter\s+|herein\s+)?(?:called\s+|referred\s+to\s+as\s+)?(?:the\s+)?"
    r"[\"“”']+\s*(?:\w+\s+)?(?:effective|execution|commencement|agreement)\s*date",
    re.I,
)
_NEGATIVE_BEFORE = re.compile(
    r"(?:\bact\s+of|\bexpir\w*|\bterminat\w*|\buntil|\bthrough|\bending|\bprior\s+to|\bafter|\bbefore|\bby"
    r"|\bno\s+later\s+than|\bended|\bfiled|\bamended|\bsupersed\w*|\bbetween|\bfrom|\bto|\bthrough|\bthru"
    r"|\bstart|\bend)\W*$",
    re.I,
)
# the date belongs to another agreement: a recital ("WHEREAS, the parties entered into that certain
# Agreement dated ..."), or "the Original Agreement dated ..."
_OTHER_AGREEMENT = re.compile(
    r"\b(?:whereas|parties\s+to|party\s+to|that\s+certain|original|previously|prior|existing|heretofore|"
    r"entered\s+into\s+(?:a|an|that|the)\s+(?:[\w\-,&]+\s+){0,8}?(?:agreement|contract|lease|license|note|letter)|"
    r"pursuant\s+to|under\s+(?:the|that|an?)|amends?|amending|amended|supplement\w*\s+to|referenced|recital)\b",
    re.I,
)
_WITNESS = re.compile(
    r"(?i:in\s+witness\s+whereof[^.]{0,150}(?:as\s+of|on|this)\W*(?:(?:the|this|\d{1,2}(?:st|nd|rd|th)?|day|of)\W+){0,4}$)"
)
# "the Confidentiality Agreement between the parties dated ...": another agreement's date
_NAMED_AGREEMENT_DATED = re.compile(
    r"(?i:\b(?:agreement|contract|letter|note|plan|memorandum|license|licence|lease|order|intent|trust)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w ]{0,40}?)?[\"”'’)]*"
    r"(?:\s*\([^)]{0,60}\))?\s*(?:(?:between|among|by\s+and\s+between|with)\s(?:[^.;]|\.(?!\s)){0,100}?)?,?\s*"
    r"(?:dated|effective|entered\s+into)\s*(?:as\s+of\s*|on\s*)?$)"
)
_DETERMINER = re.compile(r"(?i:\b(this|the|that|a|an|its|such|said|any|each|which|under|to|of|by|in)\b)")


def _other_agreement_dated(text: str, at: int) -> bool:
    """Whether the date at ``at`` follows "<another> Agreement ... dated": "the Supply Agreement dated", "a Letter of
    Intent dated"; not "this Agreement dated", nor a title "SPONSORSHIP AGREEMENT, dated as of"."""
    window = text[max(0, at - 250) : at]
    m = _NAMED_AGREEMENT_DATED.search(window)
    if m is None:
        return False
    before = window[max(0, m.start() - 90) : m.start()]
    cut = max(before.rfind("."), before.rfind(";"), before.rfind("\n\n"))
    phrase = before[cut + 1 :]
    dets = _DETERMINER.findall(phrase)
    if not dets:
        return False
    return dets[-1].lower() != "this"


_SIGNATURE_CUES = re.compile(
    r"(?:\bdate\s*:?|\bdated\s*:|\bsigned|\bexecuted|\beffective\s+(?:this|as\s+of)|\bas\s+of|\bday\s+of|\bagreed"
    r"|\baccepted|\bwitness\w*|\bon\s+this|^[ \t]*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,)"
    r"\W*(?:(?:as\s+of|of|on|this|the|\d{1,2}(?:st|nd|rd|th)?|day)\W+){0,4}$",
    re.I,
)


def find_agreement_date(doc: Document, dates: list[Value]) -> list[Value]:
    """The agreement's date candidates, best first."""
    return [v for _, _, v in _scored(doc, dates)]


def _scored(doc: Document, dates: list[Value]) -> list[tuple[float, int, Value]]:
    """(score, offset, value) of every candidate, best first."""
    text = doc.clean
    n = len(text)
    head_end = min(n, _HEAD)
    sig_start = max(int(n * 0.6), n - 8000)
    preamble = _preamble_span(text)
    scored: list[tuple[float, int, Value]] = []
    first_in_preamble = True
    sig_dates = sorted(
        {
            v.value
            for v in dates
            if isinstance(v.value, dt.date)
            and (v.start >= sig_start or _DATE_LABEL.search(text, max(0, v.start - 20), min(n, v.end + 20)))
        }
    )
    head_sig_dates = sorted(
        {
            v.value
            for v in dates
            if isinstance(v.value, dt.date)
            and v.start < head_end
            and _DATE_LABEL.search(text, max(0, v.start - 20), min(n, v.end + 20))
        }
    )
    for v in sorted(dates, key=lambda v: v.start):
        if v.kind != "date":
            continue
        extra = v.extra or {}
        if (
            not isinstance(v.value, dt.date)
            and not (extra.get("incomplete") and extra.get("year"))
            and not extra.get("no_year")
        ):
            continue
        if extra.get("anchor") or extra.get("offset"):
            continue  # a relative date ("30 days after the Closing") is not the agreement's date
        line_start = text.rfind("\n", 0, v.start) + 1
        if text.startswith("Source:", line_start) or text.startswith("Source:", line_start + 1):
            continue  # EDGAR's "Source: COMPANY, 8-K, 2/5/2020" stamp
        in_preamble = preamble is not None and preamble[0] <= v.start < preamble[1]
        in_head = v.start < min(head_end, sig_start) or in_preamble
        in_sig = v.start >= sig_start and not in_head
        if not (in_head or in_sig):
            # in the body: only "Date: ..." by a signature, or "This Agreement ... shall come into force as of ..."
            tail = text[max(0, v.start - 120) : v.start]
            if _THIS_AGREEMENT_DATED.search(tail):
                scored.append((-1.0, v.start, v))
            elif _DATE_LABEL.search(text, max(0, v.start - 20), min(n, v.end + 20)):
                scored.append((-2.0 + _later_bonus(v, sig_dates), v.start, v))
            continue
        if in_sig:
            # a signature block's date; when both sides date their signatures, the later one completes the agreement
            tail = text[max(0, v.start - 80) : v.start]
            if _NEGATIVE_BEFORE.search(tail[-40:]) or _other_agreement_dated(text, v.start):
                continue
            score = -1.5 if _SIGNATURE_CUES.search(tail) else -2.5
            if _WITNESS.search(text[max(0, v.start - 200) : v.start]) or _THIS_AGREEMENT_DATED.search(tail):
                score = 0.5
            score += _later_bonus(v, sig_dates)
        else:
            score = _score(text, v) - v.start / head_end  # earlier is better
            if head_sig_dates and _DATE_LABEL.search(text, max(0, v.start - 20), min(n, v.end + 20)):
                # dated signatures at the top ("Date: 1/19/07 Date: January 22, 2007"): the later completes it
                score += _later_bonus(v, head_sig_dates)
            if in_preamble:
                score += 2.0
                if first_in_preamble:
                    score += 0.5
                    first_in_preamble = False
        scored.append((score, v.start, v))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return scored


# "Date:", "Dated", "Place Date" by a signature; not "(the "Effective Date")"
_DATE_LABEL = re.compile(r"(?<!Effective )(?<!Commencement )(?<!Termination )(?<!Expiration )\bDate[d]?\b(?![\"”'’])")
_THIS_AGREEMENT_DATED = re.compile(
    r"(?i:(?:\bthis\s+(?:\w+\s+){0,3}(?:agreement|amendment|contract)\s+(?:is\s+dated|(?:shall|will)\s+(?:come\s+into"
    r"\s+(?:force|effect)|take\s+effect|become\s+effective|be\s+effective)\s+(?:as\s+of|on|from))"
    # "The commencement date for this contract will be 16th June 2004."
    r"|\b(?:commencement|effective)\s+date\s+(?:of|for)\s+this\s+(?:\w+\s+){0,3}(?:agreement|amendment|contract)"
    r"\s+(?:is|shall\s+be|will\s+be))\W*"
    r"(?:(?:the|this|\d{1,2}(?:st|nd|rd|th)?|day|of)\W+){0,4}$)"
)


def _later_bonus(v: Value, ordered: list[dt.date]) -> float:
    """Up to 0.5 for the latest of several signature dates."""
    if not isinstance(v.value, dt.date) or v.value not in ordered or len(ordered) < 2:
        return 0.0
    return 0.5 * ordered.index(v.value) / (len(ordered) - 1)


_PREAMBLE = re.compile(
    r"\b(?:this|the)\s+(?:[\w\-'’&,#]+\s+){0,8}?(?:agreement|amendment|contract|letter|lease|license|licence|plan"
    r"|note|addendum|memorandum|indenture|guarantee|guaranty|exhibit|schedule|order|statement\s+of\s+work)\b[^.]{0,400}?\b(?:made|entered|dated|executed|effective"
    r"|concluded|by\s+and\s+between|between|among)",
    re.I,
)
_PREAMBLE_END = re.compile(r"\.\s+[A-Z]|\n[ \t]*\n")


def _preamble_span(text: str) -> tuple[int, int] | None:
    """The first sentence that introduces the agreement (``This Agreement ... is made ... between``)."""
    m = _PREAMBLE.search(text[:_HEAD])
    if m is None:
        return None
    end = _PREAMBLE_END.search(text, m.end(), min(len(text), m.end() + 1500))
    return m.start(), end.start() if end else m.end() + 1500


_AS_OF_BEFORE = re.compile(r"(?i:\bas\s+of|\bon)\W*$")
# the rest of a date's line when the date stands on a line of its own
_DATE_LINE = re.compile(
    r"(?i:(?:[\w ,&-]{0,60}\b(?:agreement|amendment|contract|letter|lease)\s*,?\s*(?=dated|as\s+of))?"
    r"(?:dated?|as\s+of|effective(?:\s+date)?|executed\s+(?:on|as\s+of))?(?:\s+as\s+of)?\W*(?:\d{1,3})?)"
)
_ACT_OF_BEFORE = re.compile(r"\bAct\s+of\s*$")


def _score(text: str, v: Value) -> float:
    before = text[max(0, v.start - 250) : v.start]
    after = text[v.end : v.end + 80]
    line_start = text.rfind("\n", 0, v.start) + 1
    line_end = text.find("\n", v.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    score = 0.0
    extra = v.extra or {}
    precision = extra.get("precision", "day")
    if extra.get("incomplete"):
        precision = "month" if extra.get("month") else "year"
    if extra.get("no_year"):
        score -= 2.0
    elif precision == "year":
        score -= 2.5
    elif precision == "month":
        score -= 0.5
    tail = before[-70:]
    cue = True
    if _other_agreement_dated(text, v.start):
        cue = False
        score -= 3
    elif _DATED.search(tail):
        score += 3.5
    elif _EFFECTIVE_BEFORE.search(tail):
        score += 1.5
    else:
        cue = False
        score -= 2 if _NEGATIVE_BEFORE.search(tail) else 1
    if _EFFECTIVE_AFTER.search(after):
        score += 0.5 if cue else 2.0
    # the sentence so far
    cut = max(before.rfind(". "), before.rfind(".\n"), before.rfind("\n\n"), before.rfind(";"))
    sentence = before[cut + 1 :]
    if _OTHER_AGREEMENT.search(sentence) or _TO_AGREEMENT.search(tail):
        score -= 3
    elif _AS_OF_BEFORE.search(tail):
        score += 0.5
    # a date on a line of its own (a letter's date line, "Dated: ...", a title block "DATED 26 September 2019")
    rest = (text[line_start : v.start] + " " + text[v.end : line_end if line_end >= 0 else len(text)]).strip()
    if _DATE_LINE.fullmatch(rest):
        score += 3 if v.start < 2000 else 2
    elif not line.strip():
        pass
    if _ACT_OF_BEFORE.search(before):
        score -= 5
    return score


# ---------------------------------------------------------------------------------------------
