# ruff: noqa: E501  (the head scan's arithmetic reads better unbroken)
"""Reading regular expressions for the literal strings their matches need or open with.

The rule patterns (:mod:`termwise.classify.rules`) run over every sentence of every document; the engine
finds a literal string fast but is slow where it must try a pattern at every place. What is here reads a
pattern for:

* :func:`needs`: strings one of which every match holds (a sentence holding none is skipped);
* :func:`heads`: strings one of which every match opens with, which :func:`searcher` and
  :class:`HeadScan` use to try a pattern only where one opens.

It reads only the syntax the rule patterns use: characters, escapes, ``.``, classes, groups, lookarounds,
``|`` and quantifiers (:func:`readable` says whether a pattern stays within it).
"""

from __future__ import annotations

import os
import re

import numpy as np

_QUANTIFIER = re.compile(r"\?|\*|\+|\{(\d*)(?:,\d*)?\}")


def needs(pattern: str) -> tuple[str, ...]:
    """Strings at least one of which every match of ``pattern`` holds (``("",)`` where none is found): the
    longest run of plain characters that a match must hold, or the needs of a group that must match, one
    from each of its alternatives (the option whose shortest string is longest). Reads only the syntax
    the rule patterns use: characters, escapes, ``.``, classes, groups, lookarounds, ``|`` and quantifiers."""
    pos = 0

    def sequence() -> tuple[str, ...]:
        nonlocal pos
        options: list[tuple[str, ...]] = []
        run = ""
        while pos < len(pattern) and pattern[pos] not in "|)":
            c = pattern[pos]
            need: tuple[str, ...] = ("",)
            char = ""  # the plain character read, if one was
            if c == "(":
                look = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), pos)
                pos += 3 if pattern.startswith("(?:", pos) else 1
                need = ("",) if look else alternatives()
                if look:
                    alternatives()
                pos += 1  # the ")"
            elif c == "[":
                pos += 1 + (pattern[pos + 1] == "]")
                while pattern[pos] != "]":
                    pos += 2 if pattern[pos] == "\\" else 1
                pos += 1
            elif c == "\\":
                pos += 2
                if pattern[pos - 1] in "bB":
                    continue  # zero width: the run goes on
                char = "" if pattern[pos - 1].isalnum() else pattern[pos - 1]
            else:
                char = "" if c in ".^$" else c
                pos += 1
            q = _QUANTIFIER.match(pattern, pos)
            if q:
                pos = q.end() + pattern.startswith("?", q.end())
                if q.group() in ("?", "*") or q.group(1) in ("", "0"):
                    need, char = ("",), ""
                elif char:  # a repeated character ends the run: what follows need not follow it
                    run, char = run + char, ""
            if char:
                run += char
            else:
                options += [(run,), need]
                run = ""
        options.append((run,))
        return max(options, key=lambda o: (min(map(len, o)), -len(o)))

    def alternatives() -> tuple[str, ...]:
        nonlocal pos
        branches = [sequence()]
        while pos < len(pattern) and pattern[pos] == "|":
            pos += 1
            branches.append(sequence())
        if any("" in b for b in branches):
            return ("",)
        found = list(dict.fromkeys(s for b in branches for s in b))
        return tuple(s for s in found if not any(t != s and t in s for t in found))  # drop what holds another

    out = alternatives()
    assert pos == len(pattern), pattern
    return out


def top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at each ``|`` outside a group)."""
    out = [""]
    depth = 0
    for c in pattern:
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append("")
        else:
            out[-1] += c
    return out


def one_pattern(alternatives: list[str]) -> str:
    """Any of ``alternatives``, longest first, grouped under their first letter (a leading ``\\b`` becomes
    ``(?<!\\w.)`` after it) so that at each place the engine tries only the alternatives opening with the
    letter there."""
    groups: dict[str, list[str]] = {}
    for alt in sorted(set(alternatives), key=len, reverse=True):
        boundary = alt.startswith(r"\b")
        first, rest = (alt[2], r"(?<!\w.)" + alt[3:]) if boundary else (alt[0], alt[1:])
        assert first.isalpha() and first.islower(), alt
        groups.setdefault(first, []).append(rest)
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


def class_end(pattern: str, pos: int) -> int:
    """Where the character class that opens at ``pattern[pos]`` ends (just past its ``]``)."""
    j = pos + 1 + (pattern[pos + 1 : pos + 2] == "^")
    j += pattern[j : j + 1] == "]"
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str) -> int:
    """The index just after the group that opens ``pattern``."""
    depth = i = 0
    while True:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = class_end(pattern, i)
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i


def readable(pat: re.Pattern[str]) -> bool:
    """Whether :func:`top_alternatives`, :func:`_group_end` and :func:`heads` read ``pat`` right: no flag that
    changes what its characters mean, no escaped or bracketed parenthesis, bar or bracket."""
    return not pat.flags & (re.VERBOSE | re.IGNORECASE) and not re.search(r"\\[()|\[\]]|\[[^\]]*[()|[]", pat.pattern)


def heads(pattern: str, size: int, head: str = "") -> set[str]:
    """Strings one of which every match of ``head + pattern`` opens with: ``size`` characters long where
    the opening can be read (plain characters, ``\\b``, lookarounds, classes of plain characters, groups,
    optional ones too), shorter where a match may go on otherwise (``.``, ``\\w``, a quantifier ...)."""
    if len(head) >= size:
        return {head}
    if pattern.startswith(r"\b"):
        return heads(pattern[2:], size, head)
    if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!")):  # zero width
        return heads(pattern[_group_end(pattern) :], size, head)
    if pattern.startswith("("):
        end = _group_end(pattern)
        alts, rest = top_alternatives(pattern[3 if pattern.startswith("(?:") else 1 : end - 1]), pattern[end:]
        if _optional(rest):
            return heads(rest[1:], size, head).union(*(heads(a + rest[1:], size, head) for a in alts))
        if rest[:1] in ("*", "+", "{", "?"):
            return {head}
        return set().union(*(heads(a + rest, size, head) for a in alts))
    if pattern.startswith("[") and "]" in pattern[2:]:
        end = pattern.index("]", 2)
        chars, rest = pattern[1:end], pattern[end + 1 :]
        if chars.startswith("^") or "\\" in chars or re.search(".-.", chars) or rest[:1] in ("*", "+", "{"):
            return {head}
        if _optional(rest):  # "[-_]?": with none of the characters or with one
            return heads(rest[1:], size, head).union(*(heads(rest[1:], size, head + c) for c in chars))
        if rest[:1] == "?":
            return {head}
        return set().union(*(heads(rest, size, head + c) for c in chars))
    if pattern[:1] == "\\" and pattern[1:2] and not pattern[1].isalnum():
        char, rest = pattern[1], pattern[2:]
    elif pattern[:1] and pattern[0] not in ".^$*+?{}[]()|\\":
        char, rest = pattern[0], pattern[1:]
    else:
        return {head}
    if _optional(rest):  # "services?": with the character or without it
        return heads(rest[1:], size, head) | heads(rest[1:], size, head + char)
    if rest[:1] in ("*", "+", "{", "?"):
        return {head}
    return heads(rest, size, head + char)


def _optional(rest: str) -> bool:
    """What ``rest`` follows is optional: a greedy ``?`` (``??`` and ``?+`` are left unread)."""
    return rest[:1] == "?" and rest[1:2] not in ("?", "+")


def searcher(pat: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern whose ``search`` finds something in just the windows where ``pat``'s does, faster (only
    whether it does counts: what it finds is a character or a few).

    A pattern opening with ``\\b`` gets no literal prefix from the engine, which then tries it at every
    place. Every match of ``pat`` opens with one of its heads (:func:`heads`); the searcher matches the
    heads' common prefix (or their first character) and looks back to see ``pat`` match from its start, so
    that the engine skips ahead to where a head may open. Lookbehinds and ``\\b`` see before the window's
    start in both, and the lookahead stops at the window's end as ``pat`` does."""
    if not readable(pat):
        return pat
    opens = set().union(*(heads(a, 8) for a in top_alternatives(pat.pattern)))
    if "" in opens:
        return pat
    common = os.path.commonprefix(sorted(opens))
    opening = re.escape(common) if common else "[" + "".join(re.escape(h[0]) for h in sorted(opens)) + "]"
    return re.compile(f"{opening}(?<=(?={pat.pattern})(?s:.{{{max(len(common), 1)}}}))", pat.flags)


class HeadScan:
    """Every match of a pattern in a text, as ``finditer`` finds them, found faster where the engine would
    try the pattern at nearly every place (one whose alternatives open with many letters).

    Every match opens with one of the pattern's heads of 4 to 8 characters (:func:`heads`), so those
    places are found first, all at once with numpy, and the pattern is tried only there: the first four
    characters at each place make one number (each character numbered from 1 by ``code``, 0 for one no
    head has, in ``bits`` bits), which indexes ``starts``: 1 where a head shorter than 8 opens with those
    four characters, 2 where only heads of 8 do, so that the next four must end one of them (``ends``).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert readable(pattern)
        self.pattern = pattern
        self.heads = frozenset(h for a in top_alternatives(pattern.pattern) for h in heads(a, 8))
        assert all(len(h) >= 4 for h in self.heads), sorted(h for h in self.heads if len(h) < 4)
        chars = sorted(set("".join(self.heads)))
        assert all(ord(c) < 256 for c in chars), chars  # the text is read as latin-1
        self.bits = len(chars).bit_length()
        assert 4 * self.bits <= 24, chars  # tables of 16 MB at most
        self.code = np.zeros(256, dtype=np.uint32)
        self.code[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
        self.starts = np.zeros(1 << (4 * self.bits), dtype=np.uint8)
        self.ends = np.zeros(1 << (4 * self.bits), dtype=bool)
        for h in sorted(self.heads, key=len, reverse=True):  # the short ones last: their 1 wins
            self.starts[self.key(h[:4])] = 1 if len(h) < 8 else 2
            if len(h) == 8:
                self.ends[self.key(h[4:])] = True

    def key(self, four: str) -> int:
        """Four characters as one number, as :meth:`matches` makes them."""
        return sum(int(self.code[ord(c)]) << (self.bits * (3 - i)) for i, c in enumerate(four))

    def matches(self, text: str) -> list[re.Match[str]]:
        """``list(pattern.finditer(text))``: the pattern is tried only where a head opens (a place the last
        match covers is passed over as ``finditer`` does; no match is empty)."""
        # latin-1 keeps one byte per character; those it lacks become "?", which stands for no head's
        # character (or where it does, for one more place to try)
        data = text.encode("latin-1", "replace")
        assert len(data) == len(text)
        code, bits = self.code.take(np.frombuffer(data, dtype=np.uint8)), self.bits
        key = code[:-3] << (3 * bits)  # key[p]: the four characters from p
        key |= code[1:-2] << (2 * bits)
        key |= code[2:-1] << bits
        key |= code[3:]
        start = self.starts.take(key)
        at = np.flatnonzero(start)
        long = at[start[at] == 2]
        at = np.union1d(
            at[start[at] == 1], long[self.ends.take(key.take(long + 4, mode="clip")) & (long + 4 < len(key))]
        )
        out = []
        last = 0
        match = self.pattern.match
        for p in at.tolist():
            if p >= last and (m := match(text, p)):
                last = m.end()
                out.append(m)
        return out
