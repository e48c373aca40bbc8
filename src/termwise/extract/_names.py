"""Shared patterns for entity names and alias parentheticals (used by parties and defined terms)."""

from __future__ import annotations

import re

# Capitalized words that end a name even though they are capitalized.
_STOP = (
    "By",
    "BY",
    "Name",
    "NAME",
    "Title",
    "TITLE",
    "Date",
    "DATE",
    "Dated",
    "DATED",
    "Address",
    "ADDRESS",
    "WHEREAS",
    "Whereas",
    "WITNESSETH",
    "RECITALS",
    "Recitals",
    "PREAMBLE",
    "Preamble",
    "This",
    "THIS",
    "Effective",
    "EFFECTIVE",
    "Attn",
    "Attention",
    "ATTN",
    "Re",
    "RE",
    "Dear",
    "Fax",
    "FAX",
    "Tel",
    "TEL",
    "Telephone",
    "Email",
    "E-mail",
    "Phone",
    "Its",
    "ITS",
    "AND",
    "And",
    "BETWEEN",
    "Between",
    "AMONG",
    "Among",
    "Agreement",
    "AGREEMENT",
    "SIGNATURE",
    "NOW",
    "IN",
    "WITNESS",
    "Sincerely",
    "Very",
    "Accepted",
    "ACCEPTED",
    "Agreed",
    "AGREED",
    "Each",
    "Both",
    "Party",
    "PARTY",
    "Parties",
    "PARTIES",
    "Registered",
    "Having",
    "With",
    "WITH",
    "Whose",
    "Exhibit",
    "EXHIBIT",
    "Schedule",
    "SCHEDULE",
    "Section",
    "SECTION",
    "Article",
    "ARTICLE",
    "Page",
    "PAGE",
    "Contract",
    "CONTRACT",
    "Company's",
    "Hereinafter",
    "HEREINAFTER",
    "Pursuant",
    "Subject",
    "Upon",
)
_STOP_RE = "|".join(_STOP)
WORD = rf"(?:(?!(?:{_STOP_RE})(?![\w'’.\-/&@]))[A-Z0-9][\w'’.\-/&@]*|&)"
CONNECTOR = (
    r"(?:of|and|the|de|du|des|la|le|der|den|van|von|für|for|y|e|da|di|del|do|dos|on|at|in|&|d/b/a|dba|a\.k\.a\.?)"
)
SUFFIX = (
    r"(?i:Inc|Incorporated|Ltd|Limited|L\.?L\.?C|LCC|L\.P|LP|LLP|L\.L\.P|N\.A|S\.A|AG|GmbH|Corp|Corporation|Co|Company"
    r"|PLC|B\.V|N\.V|S\.p\.A|S\.A\.S|SAS|SRL|S\.R\.L|Pte|Pty|K\.K|AB|A/S|Oy|S\.L|S\.L\.U|Ltda|G\.I\.E|S/A|S\.?à\s*r\.?l"
    r"|S\.A\.R\.L|S\.A\.B\.\s+de\s+C\.V|SE|ULC|L\.?P\.?A|LTD|Jr|Sr|II|III|IV|M\.D|Ph\.D|Esq)(?![\w])\.?"
)
_WS = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # whitespace inside a name: at most one line break
NAME = re.compile(
    rf"{WORD}(?:{_WS}(?:(?:{CONNECTOR}{_WS})+(?=[A-Z&]){WORD}|{WORD})|[ \t]*,{_WS}?{SUFFIX}"
    rf"|{_WS}\([A-Z][\w .&]{{0,30}}\)(?={_WS}{WORD}))*"
)
# A name as it opens a preamble may start in lower case ("drkoop.com, inc.", "i3 Integrative ...", "e.l.f. Beauty"),
# or be redacted ("[ * * * ]").
_LOOSE_FIRST = (
    r"(?:(?!(?:the|a|an|each|its|their|our|his|her|and|or|of|by|with|to|in|on|at)\b)[a-z][\w.\-]*"
    r"(?=[ \t]+[A-Z0-9]|,[ \t]*(?i:inc|ltd|llc)\b)|\[[^\]\n]{0,20}\])"
)
NAME_LOOSE = re.compile(rf"(?:{_LOOSE_FIRST}|{WORD})" + NAME.pattern[len(WORD) :])
_WORD_START = re.compile(r"(?<![\w'’.\-/&@])[A-Z0-9&]")


# A name ends with a word (the whole run of word characters before its end, opening with one of these) or with
# a suffix (the whole run, or what follows the space in "S.à r.l" and "S.A.B. de C.V").
_NAME_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&")
_SUFFIX_RUN = re.compile(rf"(?:{SUFFIX}|(?i:r\.?l|C\.V)\.?)")
_RUN_CHARS = frozenset("_'’.-/&@")  # with the letters and digits, what [\w'’.\-/&@] accepts


def name_ending(window: str) -> re.Match[str] | None:
    """The longest name that ends where ``window`` ends (trailing spaces and commas aside)."""
    end = len(window.rstrip(" \t\n,"))
    # names are rarely longer than 120 characters: start looking there, not at the window's start
    start = max(0, end - 120)
    # most windows end in a lower-case word, which no name ends with: find the last run of word characters
    # first, and try the name pattern at every word only where the run can end a name
    i = end
    while i > start and (window[i - 1].isalnum() or window[i - 1] in _RUN_CHARS):
        i -= 1
    if i == end:
        return None
    if (i > start or start == 0) and window[i] not in _NAME_END and _SUFFIX_RUN.fullmatch(window, i, end) is None:
        return None
    for w in _WORD_START.finditer(window, start, end):
        m = NAME.match(window, w.start(), end)
        if m is not None and m.end() == end:
            return m
    return None


ORG_SUFFIX = re.compile(
    r"(?i:\b(?:Inc|Incorporated|Ltd|Limited|L\.?L\.?C|LCC|L\.P|LP|LLP|N\.A|S\.A|AG|GmbH|Corp|Corporation|Co|Company|PLC"
    r"|B\.V|N\.V|S\.p\.A|SAS|SRL|Pte|Pty|K\.K|AB|A/S|Oy|S\.L|Ltda|G\.I\.E|S/A|ULC|SE|S\.?à[ \t]*r\.?l|[COP]?JSC)\b\.?)"
)
ORG_WORDS = re.compile(
    r"(?i:\b(?:bank|trust|fund|university|college|institute|association|partners|partnership|group|holdings?|"
    r"enterprises?|industries|technologies|technology|systems|services|solutions|capital|ventures|international|"
    r"laboratories|labs|pharmaceuticals?|therapeutics|sciences|foundation|agency|authority|council|center|centre|"
    r"society|network|media|software|communications|energy|resources|products|brands|hospital|clinic|school|club|"
    r"management|investments?|securities|financial|insurance|mutual|federal|national|global|america|china|usa|"
    r"corporation|company|worldwide|digital|studios|entertainment|health|healthcare|biotech|bio)\b)"
)

# A parenthetical (or "hereinafter ...") that gives a name: ("Valence"), (the "Company"),
# (hereinafter referred to as "CBC"), ("Buyer" or "PNC"), (collectively, the "Sellers").
ALIAS_PAREN = re.compile(r"\((?P<body>[^()]{0,240}?[\"“”‘’'][^()]{0,240}?)\)")
QUOTED = re.compile(
    r"[\"“”]{1,2}\s*(?P<q>[^\"“”\n]{1,80}?)\s*[\"“”]{1,2}|(?<![\w])[‘'’]{1,2}(?P<s>[A-Z][^'‘’\n]{0,60}?)[’'‘]{1,2}(?![\w])"
)
HEREINAFTER = re.compile(
    r"(?:hereinafter|herein|hereafter)\s*(?:(?:collectively\s*,?\s*|individually\s*,?\s*|also\s+|sometimes\s+|together\s+)?"
    r"(?:referred\s+to|called|designated|known|defined)\s+(?:herein\s+)?(?:as\s+)?|(?:as\s+)?)(?:the\s+)?(?P<alias>[\"“][^\"“”\n]{1,60}[\"”])",
    re.I,
)

GENERIC_ALIASES = {
    "party",
    "parties",
    "agreement",
    "this agreement",
    "effective date",
    "you",
    "your",
    "we",
    "us",
    "our",
    "i",
    "me",
    "each party",
    "party a",
    "party b",
    "party c",
    "affiliate",
    "affiliates",
    "contract",
    "individual party",
}


_DOT_OR_DIGIT = re.compile(r"[.\d]")


def aliases_in(body: str) -> list[tuple[str, int, int]]:
    """Quoted names in a parenthetical body: (alias, start, end) relative to ``body``."""
    out: list[tuple[str, int, int]] = []
    for q in QUOTED.finditer(body):
        g = "q" if q.group("q") is not None else "s"
        a = q.group(g).strip().rstrip(",.;").strip()
        if not a or a.lower() in GENERIC_ALIASES:
            continue
        if not (a[0].isupper() or a[0].isdigit() or _DOT_OR_DIGIT.search(a)):
            continue
        s = q.start(g) + q.group(g).find(a)
        out.append((a, s, s + len(a)))
    return out


_ENTITY_DESCRIPTOR = re.compile(
    r"(?:,\s*|\s+)(?:an?|the|its|having|with|whose|located|organi[sz]ed|incorporated|existing|acting|represented|doing)\s"
)


CLAUSE_BREAK = re.compile(r"[()\"“”;]|\.\s+[A-Z]")  # what a name and its description do not run across
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_PHRASE_WORD_END = re.compile(r"(?i:\b(?:the|of|to|for|in|by|on|with|under)\s+)$")


def entity_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of an entity name that ends at ``end`` or before a description of it (", a Delaware
    corporation", ", having its office at ..."), searching ``text[start:end]``; None if there is none. A single
    word inside a longer phrase ("plans of the Company") is not taken for a name."""
    window = text[start:end]
    cuts = [len(window)] + [d.start() for d in reversed(list(_ENTITY_DESCRIPTOR.finditer(window)))]
    for c in cuts:
        if c < len(window) and CLAUSE_BREAK.search(window, c):
            continue
        m = name_ending(window[:c])
        if m is None or not _TWO_LETTERS.search(m.group(0)):
            continue
        name = m.group(0)
        before = window[max(0, m.start() - 8) : m.start()]
        inside_phrase = _PHRASE_WORD_END.search(before) is not None
        if len(name.split()) >= 2 and (ORG_SUFFIX.search(name) or not inside_phrase):
            return start + m.start(), start + m.end()
    return None


_SPACES = re.compile(r"\s+")


def collapse(s: str) -> str:
    return _SPACES.sub(" ", s).strip()
