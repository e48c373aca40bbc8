"""Governing law: which jurisdiction's law governs the agreement.

Candidates are jurisdiction names found right after "laws of" / "law of" (or right
before "law", as in "New York law") in a sentence that says the agreement is
governed, construed, interpreted or enforced by that law. Candidates are ranked by
how strongly their context says "governing law" (a "Governing Law" heading, "governed
by", "without regard to conflicts of law"); "organized under the laws of" (a party's
description) is not a choice of law and is skipped.

``value`` is the jurisdiction's plain name ("New York", "Delaware", "England and
Wales", "Ontario", "China"); the span covers the jurisdiction as written ("State of
New York", "Province of Ontario", "People's Republic of China").
"""

from __future__ import annotations

import re

from termwise.model import Document, Value

US_STATES = (
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "District of Columbia",
    "Puerto Rico",
)
PROVINCES = (
    "Ontario",
    "Quebec",
    "Québec",
    "British Columbia",
    "Alberta",
    "Manitoba",
    "Saskatchewan",
    "Nova Scotia",
    "New Brunswick",
    "Newfoundland",
    "Prince Edward Island",
    "Victoria",
    "New South Wales",
    "Queensland",
    "Western Australia",
    "South Australia",
)
COUNTRIES = (
    "England and Wales",
    "England & Wales",
    "England",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "United Kingdom",
    "Ireland",
    "Republic of Ireland",
    "Germany",
    "Federal Republic of Germany",
    "France",
    "Switzerland",
    "Netherlands",
    "The Netherlands",
    "Belgium",
    "Luxembourg",
    "Italy",
    "Spain",
    "Portugal",
    "Austria",
    "Sweden",
    "Norway",
    "Denmark",
    "Finland",
    "Israel",
    "Japan",
    "China",
    "People's Republic of China",
    "People’s Republic of China",
    "PRC",
    "P.R.C.",
    "Hong Kong",
    "Hong Kong SAR",
    "Taiwan",
    "Republic of China",
    "Singapore",
    "Korea",
    "Republic of Korea",
    "South Korea",
    "India",
    "Australia",
    "New Zealand",
    "Canada",
    "Mexico",
    "Brazil",
    "Argentina",
    "Chile",
    "Bermuda",
    "Cayman Islands",
    "British Virgin Islands",
    "Cyprus",
    "Malta",
    "Greece",
    "Russia",
    "Russian Federation",
    "Kazakhstan",
    "Republic of Kazakhstan",
    "Papua New Guinea",
    "South Africa",
    "Republic of South Africa",
    "Philippines",
    "Malaysia",
    "Thailand",
    "Indonesia",
    "Vietnam",
    "Turkey",
    "Poland",
    "Czech Republic",
    "Hungary",
    "Iceland",
    "Liechtenstein",
    "Monaco",
    "United Arab Emirates",
    "Dubai",
    "Beijing",
    "Shanghai",
    "Macau",
    "United States",
    "United States of America",
    "U.S.A.",
)
# Written name -> the plain jurisdiction name used as ``value``.
CANONICAL = {
    "England & Wales": "England and Wales",
    "Québec": "Quebec",
    "Federal Republic of Germany": "Germany",
    "The Netherlands": "Netherlands",
    "People's Republic of China": "China",
    "People’s Republic of China": "China",
    "PRC": "China",
    "P.R.C.": "China",
    "Republic of Ireland": "Ireland",
    "Hong Kong SAR": "Hong Kong",
    "Republic of Korea": "South Korea",
    "Korea": "South Korea",
    "Russian Federation": "Russia",
    "Republic of Kazakhstan": "Kazakhstan",
    "Republic of South Africa": "South Africa",
    "United States of America": "United States",
    "U.S.A.": "United States",
    "Republic of China": "Taiwan",
}
_ADJECTIVES = {
    "English": "England",
    "Delaware": "Delaware",
    "German": "Germany",
    "French": "France",
    "Swiss": "Switzerland",
    "Dutch": "Netherlands",
    "Israeli": "Israel",
    "Japanese": "Japan",
    "Chinese": "China",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Scottish": "Scotland",
    "Irish": "Ireland",
    "Canadian": "Canada",
    "Singapore": "Singapore",
    "Swedish": "Sweden",
    "Korean": "South Korea",
    "Indian": "India",
    "Australian": "Australia",
}

_NAMES = sorted({*US_STATES, *PROVINCES, *COUNTRIES}, key=len, reverse=True)
_PREFIX = r"(?:(?:the\s+)?(?:State|Commonwealth|Province|Kingdom|Republic|Territory|Federal\s+Republic)\s+of\s+)?"
JURISDICTION = re.compile(
    r"(?<![\w])"
    + _PREFIX
    + r"(?P<name>"
    + "|".join(re.escape(n).replace("\\ ", r"\s+") for n in _NAMES)
    + r")(?![\w])",
    re.I,
)
# "laws of", "law of", "laws in force in", "the laws applicable in"
# matched against the lower-cased text, so the literal "law" prefix makes the scan fast
_LAWS_OF = re.compile(
    r"(?:laws?|legislation)(?:\s*,[^,;.]{1,80},)?\s+(?:(?:in\s+force|prevailing|applicable)\s+in|of|in)\s+(?:the\s+)?"
)
# "... in the State of Nevada and shall be governed by ... the laws thereof"
_LAWS_THEREOF = re.compile(
    r"laws?\s+(?:thereof|of\s+(?:that|such|said)\s+(?:state|commonwealth|province|country|jurisdiction))"
)
# "the laws of the United States and the State of Florida"
_ANDJURISDICTION = re.compile(r"\s+and\s+(?:of\s+)?(?:the\s+)?", re.I)
_LAW_AFTER = re.compile(
    r"(?<![\w])(?P<j>"
    + "|".join(re.escape(n).replace("\\ ", r"\s+") for n in _NAMES)
    + "|"
    + "|".join(_ADJECTIVES)
    + r")\s+(?:substantive\s+|internal\s+)?law$",
)
_LAW_WORD = re.compile(r"law\b")
_GOVERN = re.compile(
    r"govern|constru|interpret|enforc|in\s+accordance\s+with|subject\s+to|applicable\s+law|choice\s+of\s+law"
    r"|application\s+of",
    re.I,
)
_HEADING = re.compile(r"governing\s+law|applicable\s+law|choice\s+of\s+law|law\s+applicable", re.I)
_CORPORATE = re.compile(
    r"(?:organi[sz]ed|incorporated|existing|formed|registered|established|chartered|constituted|operating)"
    r"(?:\s+and\s+existing)?\s+(?:validly\s+)?(?:and\s+)?under\s+(?:and\s+by\s+virtue\s+of\s+)?(?:the\s+)?$",
    re.I,
)
_CONFLICTS = re.compile(r"conflicts?\s+(?:of|between)\s+laws?|choice\s+of\s+law", re.I)


_SPACES = re.compile(r"\s+")


def _canonical(written: str) -> str:
    name = _SPACES.sub(" ", written)
    for n in _NAMES:
        if n.lower() == name.lower():
            return CANONICAL.get(n, n)
    return CANONICAL.get(name, name)


def find_governing_law(doc: Document) -> list[Value]:
    """Jurisdictions whose law governs ``doc``, best first (one value per jurisdiction)."""
    text = doc.clean
    low = text.lower()
    scored: list[tuple[float, int, Value]] = []
    for m in _LAWS_OF.finditer(low):
        if m.start() and low[m.start() - 1].isalnum():
            continue
        j = JURISDICTION.match(text, m.end())
        if j is None:
            continue
        written = j.group(0)
        if written.islower():
            continue
        score = _context_score(text, m.start(), j.end())
        if score is None:
            continue
        scored.append((score, m.start(), _value(doc, j.start(), j.end(), j.group("name"))))
        a = _ANDJURISDICTION.match(text, j.end())
        j2 = JURISDICTION.match(text, a.end()) if a else None
        if j2 is not None and not j2.group(0).islower():
            score2 = _context_score(text, m.start(), j2.end(), juris_from=j2.start())
            if score2 is not None:
                scored.append((score2, m.start(), _value(doc, j2.start(), j2.end(), j2.group("name"))))
    for m in _LAWS_THEREOF.finditer(low):
        score = _context_score(text, m.start(), m.end())
        if score is None:
            continue
        back = text[max(0, m.start() - 250) : m.start()]
        found = [j for j in JURISDICTION.finditer(back) if not j.group(0).islower()]
        if found:
            j = found[-1]
            off = max(0, m.start() - 250)
            scored.append((score, m.start(), _value(doc, off + j.start(), off + j.end(), j.group("name"))))
    for m in _LAW_WORD.finditer(text):
        if m.start() < 2 or text[m.start() - 1] != " " or not text[m.start() - 2].isalpha():
            continue
        a = _LAW_AFTER.search(text, max(0, m.start() - 60), m.end())
        if a is None:
            continue
        score = _context_score(text, a.start(), a.end())
        if score is None:
            continue
        w = a.group("j")
        name = _ADJECTIVES.get(w) or _canonical(w)
        scored.append(
            (
                score - 0.5,
                a.start(),
                Value(
                    kind="law", text=doc.text[a.start("j") : a.end("j")], start=a.start("j"), end=a.end("j"), value=name
                ),
            )
        )
    scored.sort(key=lambda t: (-t[0], t[1]))
    out: list[Value] = []
    seen: set[str] = set()
    for _, _, v in scored:
        if v.value in seen:
            continue
        seen.add(v.value)
        out.append(v)
    return out


_THE = re.compile(r"the\s+", re.I)


def _value(doc: Document, start: int, end: int, name: str) -> Value:
    lead = _THE.match(doc.text[start:end])
    if lead is not None:
        start += lead.end()
    return Value(kind="law", text=doc.text[start:end], start=start, end=end, value=_canonical(name))


_STOP = re.compile(r"\.\s")
_GOVERN_WORD = re.compile(r"govern", re.I)
_GOVERNS_AFTER = re.compile(
    r"\b(?:shall|will|to)\s+(?:govern|apply|be\s+applied|prevail|control)|\bgoverns?\b|\bappl(?:y|ies)\b", re.I
)
_THIS_AGREEMENT = re.compile(
    r"\b(?:this|the)\s+(?:\w+\s+){0,3}(?:agreement|letter|amendment|contract|guarant|note|lease|plan)", re.I
)
_FEDERAL = re.compile(r"federal|united\s+states", re.I)
_FORUM = re.compile(r"arbitrat|court|venue|jurisdiction\s+of", re.I)


def _context_score(text: str, start: int, end: int, juris_from: int | None = None) -> float | None:
    """How strongly the words around ``text[start:end]`` make it a choice of law; None if they do not."""
    before = text[max(0, start - 300) : start]
    if _CORPORATE.search(before[-80:]):
        return None
    # the sentence so far: from the last full stop (or blank line) before the match
    cut = max(before.rfind(". "), before.rfind(".\n"))
    sentence = before[cut + 1 :] if cut >= 0 else before
    after = text[end : end + 200]
    stop = _STOP.search(after)
    rest = after[: stop.start()] if stop else after
    score = 0.0
    if _GOVERN_WORD.search(sentence):
        score += 3
    elif _GOVERN.search(sentence):
        score += 2
    elif _GOVERNS_AFTER.search(rest):
        score += 3
    else:
        return None
    if _THIS_AGREEMENT.search(sentence):
        score += 1
    if _HEADING.search(text[max(0, start - 400) : start]):
        score += 1.5
    if _CONFLICTS.search(after) or _CONFLICTS.search(sentence):
        score += 1
    if _FEDERAL.search(text[start if juris_from is None else juris_from : end]):
        score -= 1.5
    if _FORUM.search(sentence) and not _GOVERN_WORD.search(sentence):
        score -= 1
    return score
