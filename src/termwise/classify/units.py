"""Candidate units for clause detection, and their features as token lists.

Three kinds of candidate, each with its own feature prefix so one linear model per
category can weigh them separately:

* ``s`` — sentences (and over-long sentences cut at line breaks): most clauses.
* ``t`` — title-like lines and "... Agreement" names near the top: the document's name.
* ``d`` — date expressions, featured by the words around them: agreement / effective dates.
* ``n`` — organization names ("Acme, Inc."), once per distinct name: the parties.
* ``b`` — blocks: the preamble (the opening paragraph that names the parties, up to the
  recitals) and the signature block after each "IN WITNESS WHEREOF": the parties again.

Everything here is pure Python + regexes (no numpy); :mod:`termwise.classify.features`
turns the token lists into vectors. The same code runs at training and at inference.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from termwise.classify._unit_dates import find_dates

# --- sentences ---------------------------------------------------------------------------

_ABBREV = frozenset(
    "inc co corp ltd llc l.l.c no nos mr mrs ms dr st jr sr u.s u.s.a e.g i.e etc vs v sec secs art para cf "
    "approx dept p pp viz n.a s.a b.v n.v plc pty a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec "
    "ave blvd ste exh ex fig int'l assoc bros est mt ft rev hon messrs s.p.a a.g gmbh corp".split()
)
# A stop (with closing quotes or brackets) before a space, or a blank line; written to open with one
# character class so the engine skips ahead to the next candidate character.
_BOUNDARY = re.compile(r"""[.!?;\n](?:(?<=[.!?;])["'”’)\]]*(?=\s)|(?<=\n)[ \t]*\n)""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")
_SECNUM = re.compile(r"[\dA-Za-z.()]+")
MAX_UNIT = 1500  # longer "sentences" (tables, lists without stops) are cut at line breaks


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans over ``text``, trimmed of surrounding whitespace.

    A semicolon ends a unit only when a line break follows it (list items), so
    "; and" inside a running sentence does not split it.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        st, end = m.span()
        c = text[st]
        if c == ";":
            nl = text.find("\n", end, end + 3)
            if nl < 0:
                continue
        elif c == ".":
            w = _WORD_BEFORE.search(text, max(pos, st - 12), st)
            if w is not None:
                word = w.group(1).lower().rstrip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    continue
            ls = text.rfind("\n", 0, st) + 1
            head = text[ls:st].strip()
            if head and len(head) <= 8 and _SECNUM.fullmatch(head) and any(ch.isdigit() for ch in head):
                continue
        _add(text, pos, end, spans)
        pos = end
    _add(text, pos, n, spans)
    return spans


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    # str.strip() drops what str.isspace() calls whitespace, faster than a loop over the characters
    seg = text[s:e]
    body = seg.strip()
    if not body:
        return
    s += len(seg) - len(seg.lstrip())
    e = s + len(body)
    if e - s <= MAX_UNIT:
        out.append((s, e))
        return
    # cut at line breaks into pieces of at most MAX_UNIT characters
    start = s
    while start < e:
        if e - start <= MAX_UNIT:
            cut = e
        else:
            cut = text.rfind("\n", start + 200, start + MAX_UNIT)
            if cut < 0:
                cut = text.rfind(" ", start + 200, start + MAX_UNIT)
            if cut < 0:
                cut = start + MAX_UNIT
        a, b = start, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        start = cut


# --- titles --------------------------------------------------------------------------------

_TITLE_WORD_LIST = (
    "Agreement Contract Amendment Addendum License Licence Lease Plan Letter Memorandum Charter Terms "
    "Arrangement Understanding Deed Note Certificate Schedule Exhibit Indenture Policy Warrant Guaranty"
).split()
_TITLE_WORDS = "(?:" + "|".join(_TITLE_WORD_LIST) + ")"
_NAME_LEAD = 8  # words before the title word, at most
# A name: up to _NAME_LEAD words (each a token and the whitespace after it), as few as will do, and
# a title word. The possessive *+ and \s++ give up nothing a later item could use: a word's
# characters are never whitespace, and what follows the whitespace (a word, a title word) never is.
_NAME_RE = re.compile(
    rf"(?:[A-Z0-9][\w&'’,.\-/]*+\s++){{0,{_NAME_LEAD}}}?(?:"
    + _TITLE_WORDS
    + r"|"
    + _TITLE_WORDS.upper()
    + r")\b(?:\s+No\.?\s*\d+)?"
)
# The title words as one flat alternation of literals: the engine then skips ahead to a character
# that can start one, which it cannot do for the nested groups of _NAME_RE.
_TITLE_AT = re.compile("(?:" + "|".join(_TITLE_WORD_LIST + [w.upper() for w in _TITLE_WORD_LIST]) + r")\b")
TITLE_ZONE = 4000

_TOKEN = re.compile(r"[a-z]+|0+")
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


class Unit(NamedTuple):
    """A candidate: a span of the text, its kind and feature tokens. A named tuple rather than a
    frozen dataclass: a document makes hundreds and CUAD 143k, and a tuple is built in half the time."""

    start: int
    end: int
    kind: str  # "s" | "t" | "d" | "n" | "b"
    tokens: tuple[str, ...]  # feature tokens other than words and bigrams (already prefixed)
    words: tuple[str, ...] = ()  # the unit's own words: features with their bigrams (sentences only)


def _words(s: str) -> list[str]:
    return _TOKEN.findall(s.lower().translate(_DIGITS_TO_ZERO))


# The tokens of a lower-cased text are its runs of a-z and of 0 (every digit folded to 0). Splitting
# one translated copy of the text at spaces finds them fast; the bytes tables below make that copy.
# Only a letter next to a digit ("10th") joins two tokens that splitting would keep together.
_SPACED = bytes(b if 97 <= b <= 122 else 48 if 48 <= b <= 57 else 32 for b in range(256))  # a-z, 0, " "
_SHAPE = bytes(97 if 97 <= b <= 122 else 48 if 48 <= b <= 57 else 32 for b in range(256))  # a, 0, " "
# literals, not one "a0|0a": a pattern that opens with a literal is found fast, a class is not
_LETTER_ZERO = (re.compile(b"a0"), re.compile(b"0a"))


def _span_words(text: str, spans: list[tuple[int, int]]) -> Iterator[list[str]]:
    """``_words(text[s:e])`` for each span in turn, from one pass over ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a letter that lower-cases to two ("İ") shifts the offsets
        yield from (_words(text[s:e]) for s, e in spans)
        return
    # ASCII only, one byte per character: whatever is not ASCII becomes "?", then a space
    raw = low.encode("ascii", "replace")
    spaced = raw.translate(_SPACED).decode("ascii")
    shape = raw.translate(_SHAPE)
    joins = sorted(m.start() for p in _LETTER_ZERO for m in p.finditer(shape))
    n_joins = len(joins)
    findall = _TOKEN.findall
    for s, e in spans:
        k = bisect.bisect_left(joins, s)
        if k < n_joins and joins[k] + 2 <= e:  # a letter and a digit side by side inside the span
            yield findall(spaced, s, e)
        else:
            yield spaced[s:e].split()


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


_S_POS_EDGES = (0.02, 0.05, 0.1, 0.3, 0.6, 0.85, 0.95)
_S_LEN_EDGES = (30, 80, 160, 320, 640)
_S_POS = tuple(f"s:pos{k}" for k in range(len(_S_POS_EDGES) + 1))
_S_LEN = tuple(f"s:len{k}" for k in range(len(_S_LEN_EDGES) + 1))
_S_IDX = tuple(f"s:idx{k}" for k in range(13))


def _sentence_units(text: str, spans: list[tuple[int, int]], dates: list[tuple[int, int]]) -> list[Unit]:
    n = max(len(text), 1)
    date_starts = [d[0] for d in dates]
    n_dates = len(date_starts)
    units: list[Unit] = []
    prev_short: list[str] = []
    heading: list[str] = []
    para_lead: list[str] = []
    bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
    prev_end = 0
    for i, ((s, e), w) in enumerate(zip(spans, _span_words(text, spans), strict=True)):
        body = text[s:e]
        # paragraph: a blank line before this unit starts a new one (a gap with fewer than two
        # line breaks cannot hold one, and most gaps are a single space)
        if i == 0 or (
            text.count("\n", prev_end, s) >= 2 and "\n\n" in text[prev_end:s].replace(" ", "").replace("\t", "")
        ):
            para_lead = ["h:" + x for x in w[:6]]
            toks = prev_short + heading
        else:
            toks = para_lead + prev_short + heading
        prev_end = e
        toks.append(_S_POS[bisect_right(_S_POS_EDGES, s / n)])
        toks.append(_S_IDX[min(i, 12)])
        toks.append(_S_LEN[bisect_right(_S_LEN_EDGES, e - s)])
        caps = body.isupper()  # in capitals: a heading when short (s:caps), a disclaimer when long (s:shout)
        if len(w) < 15 and caps and body[:1].isupper():
            toks.append("s:caps")
        j = bisect_left(date_starts, s)
        if j < n_dates and date_starts[j] < e:
            toks.append("s:hasdate")
        if '"' in body or "“" in body:
            toks.append("s:quote")
        # signs that words drop: a sum of money, a percentage (royalties: Revenue/Profit Sharing 0.51 -> 0.55
        # in CV), a long sentence in capitals (disclaimers and limits of liability)
        if "$" in body:
            toks.append("s:money")
        if "%" in body:
            toks.append("s:pct")
        if len(w) >= 15 and caps:
            toks.append("s:shout")
        units.append(Unit(s, e, "s", tuple(toks), tuple(w)))
        prev_short = ["p:" + x for x in w[:8]] if e - s < 100 else []
        if e - s <= 90 and _is_heading(body, w):
            heading = ["sec:" + x for x in w[:8] if x != "0"]
    return units


_HEADING_LEAD = re.compile(r"(?:ARTICLE|Article|SECTION|Section|\d+(?:\.\d+)*\.?|[IVXL]+\.)\s")


def _is_heading(body: str, w: list[str]) -> bool:
    """A short line that titles what follows ("ARTICLE 12 INSURANCE", "7. Confidentiality")."""
    if not 1 <= len(w) <= 10 or len(body) > 90 or "\n" in body:
        return False
    if body.upper() == body and any(c.isalpha() for c in body):
        return True
    return _HEADING_LEAD.match(body) is not None and body[-1:] not in ",;"


def _date_units(text: str, dates: list[tuple[int, int]]) -> list[Unit]:
    n = max(len(text), 1)
    units: list[Unit] = []
    for k, (s, e) in enumerate(dates):
        span = text[s:e]
        before = _words(text[max(0, s - 120) : s])[-10:]
        after = _words(text[e : e + 80])[:6]
        toks = ["d:b:" + x for x in before] + ["d:a:" + x for x in after]
        toks += ["d:b:" + a + "_" + b for a, b in zip(before, before[1:], strict=False)]
        toks += ["d:bb:" + x for x in before[-3:]]
        toks.append(f"d:pos{_bucket(s, (300, 800, 2000, 5000))}")
        toks.append(f"d:rel{_bucket(s / n, (0.05, 0.3, 0.8))}")
        toks.append(f"d:k{min(k, 6)}")
        if "_" in span or "[" in span:
            toks.append("d:blank")
        if span[:1].isdigit() and "/" in span:
            toks.append("d:numeric")
        toks.append("d:bias")
        units.append(Unit(s, e, "d", tuple(toks)))
    return units


def _title_units(text: str) -> list[Unit]:
    zone = text[:TITLE_ZONE]
    units: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    k = 0
    for lm in re.finditer(r"[^\n]+", zone):
        line = lm.group(0)
        s = lm.start() + len(line) - len(line.lstrip())
        e = lm.start() + len(line.rstrip())
        if e - s < 3 or e - s > 120:
            continue
        body = text[s:e]
        w = _words(body)
        if not w:
            continue
        toks = ["t:" + x for x in w] + ["t:" + a + "_" + b for a, b in zip(w, w[1:], strict=False)]
        toks += ["t:line", f"t:k{min(k, 8)}", f"t:pos{_bucket(s, (200, 600, 1500, 3000))}"]
        toks.append(f"t:len{_bucket(len(w), (2, 3, 5, 8, 12))}")
        if body.upper() == body:
            toks.append("t:caps")
        k += 1
        seen.add((s, e))
        units.append(Unit(s, e, "t", tuple(toks)))
    for m in _names(zone):
        s, e = m.start(), m.end()
        # drop a leading "This"/"The" and trailing punctuation
        lead = re.match(r"(?:This|THIS|The|THE)\s+", text[s:e])
        if lead:
            s += lead.end()
        while e > s and text[e - 1] in ",.":
            e -= 1
        if e - s < 3 or (s, e) in seen:
            continue
        seen.add((s, e))
        w = _words(text[s:e])
        before = _words(text[max(0, s - 40) : s])[-3:]
        toks = ["t:" + x for x in w] + ["t:" + a + "_" + b for a, b in zip(w, w[1:], strict=False)]
        toks += ["t:b:" + x for x in before]
        toks += [
            "t:name",
            f"t:pos{_bucket(s, (200, 600, 1500, 3000))}",
            f"t:len{_bucket(len(w), (2, 3, 5, 8, 12))}",
        ]
        if text[s:e].upper() == text[s:e]:
            toks.append("t:caps")
        units.append(Unit(s, e, "t", tuple(toks)))
    return units


def _names(zone: str) -> list[re.Match[str]]:
    """The matches of :data:`_NAME_RE` in ``zone``, found from their title words: the pattern only
    runs from a few words before each (scanning the whole zone for it is slow).

    Why that finds every match: a title word at ``t`` is a name by itself, so the next name starts
    at ``t`` or before. One that starts before spans its words up to ``t``; each word is a whole
    whitespace-separated token (see :data:`_NAME_RE`), so it starts in one of the
    :data:`_NAME_LEAD` tokens before ``t``'s own token, or in that token.
    """
    out: list[re.Match[str]] = []
    last = 0
    while (t := _TITLE_AT.search(zone, last)) is not None:
        # Search from the end of the token before the last _NAME_LEAD + 1 tokens ahead of t (the
        # start of t's own token counts as one when t is inside it). When a window of 300
        # characters holds fewer tokens, search from where the last name ended.
        a = max(last, t.start() - 300)
        tail = zone[a : t.start()].rsplit(None, _NAME_LEAD + 1)
        a = a + len(tail[0]) if len(tail) == _NAME_LEAD + 2 else last
        m = _NAME_RE.search(zone, a)
        if m is None:  # cannot happen: the title word at t is a match
            break
        out.append(m)
        last = m.end()
    return out


_ORG_SUFFIX = (
    r"(?:Inc|Incorporated|LLC|L\.L\.C|Corp|Corporation|Ltd|Limited|Company|Co|L\.P|LP|LLP"
    r"|AG|GmbH|S\.A|N\.V|B\.V|PLC|Plc|Pty|INC|INCORPORATED|CORP|CORPORATION|LTD|LIMITED|COMPANY|CO)\b"
)
# A name: one to six words (each a token, maybe a comma, and the whitespace after it), as few as will
# do, and a suffix. The first word is written out so that the pattern opens with a class and the
# engine skips ahead to a capital. The possessive *+, ?+ and \s++ give up nothing a later item could
# use: a word's characters are never a comma or whitespace, and a word or a suffix never starts
# with whitespace.
_ENTITY_WORD = r"[A-Z][\w&'’.\-]*+,?+\s++"
_ENTITY_RE = re.compile(_ENTITY_WORD + r"(?:" + _ENTITY_WORD + r"){0,5}?" + _ORG_SUFFIX + r"\.?")


_DEFINED_AFTER = re.compile(r"\s*,?\s*(?:an?\s+[\w ]{0,40}(?:corporation|company|partnership)|\(\s*[\"“])", re.I)


_SUFFIX = re.compile(_ORG_SUFFIX)


def _entities(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_ENTITY_RE`, found from their suffixes: the name pattern only runs in
    the window before each "Inc" / "LLC" / ... (scanning the whole text for it is slow)."""
    out: list[re.Match[str]] = []
    last = 0
    for sfx in _SUFFIX.finditer(text):
        a = sfx.start()
        if a < last or (a and (text[a - 1].isalnum() or text[a - 1] in "._")):  # inside a word
            continue
        m = _ENTITY_RE.search(text, max(last, a - 200), sfx.end() + 1)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _entity_units(text: str) -> list[Unit]:
    """Organization names ("ScanSource, Inc.", "BURGER KING CORPORATION"), once per distinct name."""
    first: dict[str, tuple[int, int]] = {}
    count: Counter[str] = Counter()
    for m in _entities(text):
        s, e = m.start(), m.end()
        lead = re.match(r"(?:This|THIS|The|THE|and|AND|By|BY)\s+", text[s:e])
        if lead:
            s += lead.end()
        key = " ".join(text[s:e].lower().split())
        if len(key) < 4 or "\n\n" in text[s:e]:
            continue
        count[key] += 1
        first.setdefault(key, (s, e))
    n = max(len(text), 1)
    units: list[Unit] = []
    for key, (s, e) in first.items():
        w = _words(text[s:e])
        after = text[e : e + 40]
        toks = ["n:" + x for x in w] + ["n:bias", f"n:cnt{_bucket(count[key], (2, 3, 5, 10))}"]
        toks += [f"n:pos{_bucket(s, (300, 1000, 3000))}", f"n:rel{_bucket(s / n, (0.1, 0.8, 0.95))}"]
        toks.append(f"n:len{_bucket(len(w), (2, 3, 4, 6))}")
        if _DEFINED_AFTER.match(after):
            toks.append("n:defined")
        if text[s:e].upper() == text[s:e]:
            toks.append("n:caps")
        units.append(Unit(s, e, "n", tuple(toks)))
    return units


_LEAD = re.compile(r"\b(?:by and between|by and among|between|among|entered into|made)\b", re.IGNORECASE)
_PREAMBLE_END = re.compile(
    r"^\s*(?:W\s*H\s*E\s*R\s*E\s*A\s*S|Whereas|RECITALS?|Recitals?|BACKGROUND|Background|PREAMBLE"
    r"|NOW,? THEREFORE|Now,? [Tt]herefore|(?:ARTICLE|Article|SECTION|Section)\s+(?:1|I|ONE)\b|1\.\s|1\s+[A-Z])",
    re.MULTILINE,
)
_WITNESS = re.compile(r"IN WITNESS (?:WHEREOF|THEREOF)|In [Ww]itness [Ww]hereof")
BLOCK_MAX = 2500


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _block_units(text: str) -> list[Unit]:
    """The preamble (from the paragraph that says who the agreement is "between" to the recitals)
    and the block after each "IN WITNESS WHEREOF" (who signs), at most :data:`BLOCK_MAX` characters."""
    spans: list[tuple[int, int, str]] = []
    m = _LEAD.search(text, 0, 6000)
    if m is not None:
        s = text.rfind("\n\n", 0, m.start())
        s = 0 if s < 0 else s + 2
        if m.start() - s > 1500:
            s = text.rfind("\n", 0, m.start()) + 1
        stop = _PREAMBLE_END.search(text, m.end(), s + BLOCK_MAX)
        if stop is not None:
            e = stop.start()
        else:
            e = min(len(text), s + BLOCK_MAX)
            k = text.rfind("\n\n", m.end(), e)
            if k > 0:
                e = k
        spans.append((*_trimmed(text, s, e), "pre"))
    for wm in _WITNESS.finditer(text):
        spans.append((*_trimmed(text, wm.start(), min(len(text), wm.start() + BLOCK_MAX)), "sig"))
    units = []
    for s, e, what in spans:
        if e - s < 20:
            continue
        w = _words(text[s:e])
        toks = ["b:" + what, f"b:len{_bucket(e - s, (300, 600, 1200, 2000))}"]
        toks += ["b:" + x for x in sorted(set(w))]
        units.append(Unit(s, e, "b", tuple(toks)))
    return units


def candidate_units(text: str) -> list[Unit]:
    """All candidate units of ``text``: sentences, titles, dates, names, then blocks."""
    spans = sentence_spans(text)
    dates = find_dates(text)
    return (
        _sentence_units(text, spans, dates)
        + _title_units(text)
        + _date_units(text, dates)
        + _entity_units(text)
        + _block_units(text)
    )
