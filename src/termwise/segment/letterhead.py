"""The top of a letter: sender block, date line, recipient block, reference line, salutation.

A document is a letter when a salutation (``Dear Jay:``, ``Ladies and Gentlemen:``) stands
on its own line near the top, before any numbered paragraph. The lines above it are read in
order: whatever precedes the date line is the sender (a company in capitals, or a name and
address, often set to the right); the lines between the date and the salutation are the
recipient, then a ``Re:`` line. Without a date line, the last group of lines before the
``Re:`` / salutation is the recipient and anything above it the sender.
"""

from __future__ import annotations

import functools
import re

from termwise.model import Block, Document

_HEAD_CHARS = 6000
_SALUTATION = re.compile(
    r"(?:Dear[ \t]+[^\n]{1,80}?|Ladies[ \t]+and[ \t]+Gentlemen|Gentlemen|Gentlepersons|Ladies|Sirs"
    r"|Dear[ \t]+Sirs?(?:[ \t]+and[ \t]+Madam)?|To[ \t]+Whom[ \t]+It[ \t]+May[ \t]+Concern"
    r"|Hello[ \t]+[^\n]{1,40}?|Hi[ \t]+[^\n]{1,40}?)"
    r"[ \t]*[:,;]?",
    re.I,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_LINE = re.compile(
    rf"(?:(?:Date|Dated|DATE)[ \t]*:?[ \t]*)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+)?"
    rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?[ \t]+\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH.upper()}[ \t]+\d{{1,2}},?[ \t]+\d{{4}})",
    re.I,
)
_REF = re.compile(r"(?:Re|RE|Subject|SUBJECT|Ref|REF)[ \t]*[:.][ \t]*\S|(?:Re|RE)[ \t]+[A-Z$\"“]")
_SKIP = re.compile(
    r"(?:EXHIBIT|Exhibit)[ \t]+[\dA-Z][\w.()-]*|(?:VIA|Via|BY|By)[ \t]+(?:FACSIMILE|Facsimile|FAX|Fax|E-?MAIL|"
    r"E-?mail|EMAIL|Email|HAND|Hand|COURIER|Courier|FEDERAL|Federal|OVERNIGHT|Overnight|CERTIFIED|Certified|"
    r"REGISTERED|Registered|U\.S\.|FIRST|First|MAIL|Mail)\b[^\n]*"
    r"|(?:PERSONAL[ \t]+AND[ \t]+)?(?:PRIVATE[ \t]+AND[ \t]+)?"
    r"CONFIDENTIAL|(?:Personal[ \t]+and[ \t]+)?Confidential|PERSONAL|Personal|\[[^\]\n]*[Ll]etterhead[^\]\n]*\]"
)
_TITLE = re.compile(r"[A-Z ,&-]*\b(?:AGREEMENT|CONTRACT|LETTER|VERSION|COPY)\b[A-Z ,&-]*|\[[^\]\n]*\]")
_NUMBERED = re.compile(r"(?:\d{1,2}\.|\(\w{1,3}\)|ARTICLE|Article|SECTION|Section)[ \t]")


def _lines(text: str, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line in ``text[:end]``, trimmed of surrounding spaces."""
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl < 0 else nl
        s, e = pos, le
        while s < e and text[s] in " \t\r\f\v":
            s += 1
        while e > s and text[e - 1] in " \t\r\f\v":
            e -= 1
        if e > s:
            out.append((s, e))
        pos = le + 1
    return out


def find_letterhead(doc: Document) -> list[Block]:
    """See ``_find_letterhead``; memoized per document because parties and people ask for it too."""
    return list(_find_letterhead_cached(doc))


@functools.lru_cache(maxsize=8)
def _find_letterhead_cached(doc: Document) -> tuple[Block, ...]:
    return tuple(_find_letterhead(doc))


def _find_letterhead(doc: Document) -> list[Block]:
    """Letterhead blocks of ``doc`` in text order; ``[]`` when ``doc`` is not a letter."""
    text = doc.clean
    head_end = min(len(text), _HEAD_CHARS)
    lines = _lines(text, head_end)
    sal = None
    for i, (s, e) in enumerate(lines[:60]):
        seg = text[s:e]
        if _NUMBERED.match(seg):
            break
        m = _SALUTATION.fullmatch(seg)
        if m and (seg.endswith((":", ",")) or seg.lower().startswith("dear")):
            sal = i
            break
    if sal is None or sal == 0:
        return []
    blocks: list[Block] = []

    def add(kind: str, s: int, e: int) -> None:
        blocks.append(Block(kind=kind, text=doc.text[s:e], start=s, end=e))

    top = lines[:sal]
    # the reference line(s): "Re: ..." and its continuation up to the salutation
    ref_i = None
    for i in range(len(top) - 1, max(-1, len(top) - 5), -1):
        if _REF.match(text, top[i][0]):
            ref_i = i
            break
    body_top = top if ref_i is None else top[:ref_i]
    date_i = None
    for i, (s, e) in enumerate(body_top):
        if _DATE_LINE.fullmatch(text, s, e):
            date_i = i
            break
    groups = _groups(text, body_top)
    if date_i is not None:
        sender = [ln for ln in body_top[:date_i] if not _SKIP.fullmatch(text, ln[0], ln[1])]
        recipient = [ln for ln in body_top[date_i + 1 :] if not _SKIP.fullmatch(text, ln[0], ln[1])]
    else:
        if not groups:
            sender, recipient = [], []
        else:
            recipient = [ln for ln in groups[-1] if not _SKIP.fullmatch(text, ln[0], ln[1])]
            sender = [ln for g in groups[:-1] for ln in g if not _SKIP.fullmatch(text, ln[0], ln[1])]
    sender = [ln for ln in sender if ln[1] - ln[0] <= 90 and not _TITLE.fullmatch(text, ln[0], ln[1])]
    if sender:
        add("sender", sender[0][0], sender[-1][1])
    if date_i is not None:
        s, e = body_top[date_i]
        add("date", s, e)
    if recipient:
        # recipient = the address group(s) right after the date; a long sentence is not an address
        recipient = [ln for ln in recipient if ln[1] - ln[0] <= 90]
        if recipient:
            add("recipient", recipient[0][0], recipient[-1][1])
    if ref_i is not None:
        add("reference", top[ref_i][0], top[-1][1])
    s, e = lines[sal]
    add("salutation", s, e)
    blocks.sort(key=lambda b: b.start)
    return blocks


def _groups(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Lines grouped into runs separated by blank lines."""
    groups: list[list[tuple[int, int]]] = []
    prev_end = -1
    for s, e in lines:
        if groups and text.count("\n", prev_end, s) <= 1:
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
        prev_end = e
    return groups
