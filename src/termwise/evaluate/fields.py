"""Score the agreement date, governing law and parties against CUAD's normalized answers.

For each contract of a folder in CUAD layout (``*.txt`` and ``annotations.jsonl``)
the pipeline runs without clause classification and three things are compared:

- **agreement date** vs ``answers["Agreement Date"]`` ("6/21/99", "03/[]/2018",
  "[]/[]/2004"): the components the answer gives (month, day, two-digit year) must
  equal the found date's; components left blank in the answer are not compared, and a
  contract whose answer is absent or wholly blank is not scored.
- **governing law** vs ``answers["Governing Law"]`` ("California", "Ontario, Canada",
  "England; Wales"): a match when, after lower-casing and dropping punctuation and
  "State of"-style prefixes, the found jurisdiction equals, contains or is contained
  in one ";"-separated part of the answer (or its first ","-separated component).
- **parties recall**: the answer is split on ";"; aliases in parentheses and quoted
  strings are dropped (a parenthetical inside a name stays: "PPG Paints Trading
  (Shanghai) Co Ltd", "DATEC (PNG) LIMITED" -- dropping it left "PPG Paints Trading
  Co Ltd", a name the contract never uses); pieces that name no one (redactions "[ * * * ]", "(each a
  "Party")" remarks) are skipped. A piece is matched when some found party's name or
  alias, compared case- and punctuation-insensitively, equals, contains or is
  contained in it, or is nearly equal to it (similarity >= 0.9, for typos in the
  answers such as "Phamaceuticals").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from termwise.model import Extraction, Party, Value


@dataclass(frozen=True, slots=True, kw_only=True)
class ContractResult:
    id: str
    date_gold: str | None = None
    date_found: str | None = None
    date_ok: bool | None = None  # None: not scored
    law_gold: str | None = None
    law_found: str | None = None
    law_ok: bool | None = None
    parties_gold: tuple[str, ...] = ()
    parties_matched: tuple[bool, ...] = ()
    parties_found: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    correct: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldsReport:
    results: tuple[ContractResult, ...] = field(default=())

    @property
    def date(self) -> Figure:
        scored = [r.date_ok for r in self.results if r.date_ok is not None]
        return Figure(correct=sum(scored), total=len(scored))

    @property
    def law(self) -> Figure:
        scored = [r.law_ok for r in self.results if r.law_ok is not None]
        return Figure(correct=sum(scored), total=len(scored))

    @property
    def parties(self) -> Figure:
        matched = [m for r in self.results for m in r.parties_matched]
        return Figure(correct=sum(matched), total=len(matched))

    @property
    def errors(self) -> list[ContractResult]:
        return [r for r in self.results if r.error is not None]


# ---------------------------------------------------------------------------------------------
# Normalizing the answers


def parse_answer_date(answer: str) -> tuple[int | None, int | None, int | None] | None:
    """``"6/21/99"`` -> (6, 21, 99); blanks ``[]`` -> None; the year is kept as two digits."""
    parts = answer.strip().split("/")
    if len(parts) != 3:
        return None
    out: list[int | None] = []
    for p in parts:
        p = p.strip()
        out.append(int(p) if p.isdigit() else None)
    month, day, year = out
    if year is not None:
        year %= 100
    if month is None and day is None and year is None:
        return None
    return month, day, year


def date_matches(gold: tuple[int | None, int | None, int | None], found: Value | None) -> bool:
    if found is None:
        return False
    extra = found.extra or {}
    parts: tuple[int | None, int | None, int | None]
    if isinstance(found.value, dt.date):
        d: dt.date = found.value
        precision = extra.get("precision", "day")
        parts = (
            d.month if precision != "year" else None,
            d.day if precision == "day" else None,
            d.year,
        )
    elif extra.get("incomplete") or extra.get("no_year"):
        parts = (extra.get("month"), extra.get("day"), extra.get("year"))
    else:
        return False
    month, day, year = gold
    f_month, f_day, f_year = parts
    if year is not None and (f_year is None or f_year % 100 != year):
        return False
    if month is not None and f_month != month:
        return False
    if day is not None and f_day != day:
        return False
    return True


_PREFIX = re.compile(r"^(?:the )?(?:state|commonwealth|province|republic|kingdom|federal republic) of ")


def _norm(s: str) -> str:
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = re.sub(r"[^\w' ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def _norm_place(s: str) -> str:
    return _PREFIX.sub("", _norm(s))


def law_parts(answer: str) -> list[str]:
    parts: list[str] = []
    for piece in answer.split(";"):
        piece = piece.strip()
        if not piece or piece == "[]":
            continue
        parts.append(_norm_place(piece))
        first = piece.split(",")[0]
        if first != piece:
            parts.append(_norm_place(first))
    return [p for p in parts if p]


def law_matches(answer: str, found: Value | None) -> bool:
    if found is None:
        return False
    names = {_norm_place(str(found.value)), _norm_place(found.text)}
    for part in law_parts(answer):
        for n in names:
            if n and (n == part or _contains(part, n) or _contains(n, part)):
                return True
    return False


def _contains(big: str, small: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(small) + r"(?!\w)", big) is not None


_QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]")
_NOT_A_NAME = re.compile(
    r"^(?:each|both|individually|collectively|together|sometimes|jointly|hereinafter|referred|a party|party|parties|"
    r"and|with|the parties)\b"
)


def party_names(answer: str) -> list[str]:
    """Names in a CUAD ``Parties`` answer, aliases and remarks dropped."""
    names: list[str] = []
    for piece in answer.split(";"):
        s = _strip_parens(piece)
        s = _QUOTED.sub(" ", s)
        s = re.sub(r"\[[^\]]*\]", " ", s)
        s = s.replace("_", " ")
        n = _norm(s)
        if len(n) < 2 or _NOT_A_NAME.match(n):
            continue
        names.append(s.strip(' ,."“”'))
    return names


def _strip_parens(s: str) -> str:
    """Drop parentheticals, except one inside a name: "PPG Paints Trading (Shanghai) Co Ltd" keeps "(Shanghai)" (no
    quotes, starts with a capital, and more of the name follows it)."""
    out: list[str] = []
    depth, opened = 0, 0
    for i, c in enumerate(s):
        if c == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif c == ")":
            if depth == 0:
                continue  # an unbalanced ")" in the answer
            depth -= 1
            if depth == 0:
                group = s[opened : i + 1]
                if re.match(r"\([A-Z]", group) and not re.search(r"[\"“”‘’]", group):
                    rest = _strip_parens(s[i + 1 :]) if "(" in s[i + 1 :] else s[i + 1 :]
                    if re.search(r"\w", _QUOTED.sub(" ", rest)):
                        out.append(group)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _party_strings(parties: Iterable[Party]) -> list[str]:
    out: list[str] = []
    for p in parties:
        out.append(_norm(p.name))
        out.extend(_norm(a) for a in p.aliases)
    return [s for s in out if len(s) >= 2]


_SUFFIX = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l l c|lp|l p|plc|gmbh|ag|sa|s a|"
    r"b v|bv|nv|n v|llp|pte|pty|sas|spa|s p a|ab|as|oy|kk)\b"
)


def party_matches(gold: str, found: list[str]) -> bool:
    g = _norm(gold)
    if not g:
        return False
    # "Ginkgo and BLI" (a remark naming both parties): each must be found
    parts = re.split(r"\s+(?:and|&)\s+", gold)
    if len(parts) == 2 and not _SUFFIX.search(_norm(parts[0]).split()[-1] if _norm(parts[0]) else ""):
        if all(_one_matches(p, found) for p in parts) and not _one_matches(gold, found):
            return True
    return _one_matches(gold, found)


def _one_matches(gold: str, found: list[str]) -> bool:
    g = _norm(gold)
    if not g:
        return False
    g_core = _SUFFIX.sub(" ", g).split()
    for f in found:
        if f == g or _contains(f, g) or (len(f) >= 4 and _contains(g, f)):
            return True
        f_core = _SUFFIX.sub(" ", f).split()
        if g_core and f_core == g_core:
            return True
        if SequenceMatcher(None, f, g).ratio() >= 0.9:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Running


def score_contract(cid: str, answers: dict[str, str], ex: Extraction) -> ContractResult:
    gold_date = answers.get("Agreement Date")
    parsed = parse_answer_date(gold_date) if gold_date else None
    date_ok = date_matches(parsed, ex.date) if parsed is not None else None
    gold_law = answers.get("Governing Law")
    law_ok = law_matches(gold_law, ex.governing_law) if gold_law and law_parts(gold_law) else None
    names = party_names(answers.get("Parties", ""))
    found = _party_strings(ex.parties)
    matched = tuple(party_matches(n, found) for n in names)
    return ContractResult(
        id=cid,
        date_gold=gold_date,
        date_found=ex.date.text if ex.date else None,
        date_ok=date_ok,
        law_gold=gold_law,
        law_found=str(ex.governing_law.value) if ex.governing_law else None,
        law_ok=law_ok,
        parties_gold=tuple(names),
        parties_matched=matched,
        parties_found=tuple(p.name + (f" ({', '.join(p.aliases)})" if p.aliases else "") for p in ex.parties),
    )


def _load(folder: Path) -> list[dict]:
    ann = folder / "annotations.jsonl"
    if not ann.is_file():
        raise FileNotFoundError(f"{folder}: no annotations.jsonl (expected the CUAD layout)")
    with ann.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _run_one(job: tuple[str, str, dict[str, str]]) -> ContractResult:
    from termwise.errors import TermwiseError
    from termwise.ingest import read
    from termwise.pipeline import extract_document

    cid, path, answers = job
    try:
        docs = read(path)
    except TermwiseError as e:
        return ContractResult(id=cid, error=str(e))
    return score_contract(cid, answers, extract_document(docs[0], clauses=False))


def score_folder(
    folder: str | Path, *, limit: int | None = None, processes: int = 1, ids: Iterable[str] | None = None
) -> FieldsReport:
    """Run the pipeline on every contract of ``folder`` and compare with its answers."""
    root = Path(folder)
    recs = _load(root)
    if ids is not None:
        wanted = set(ids)
        recs = [r for r in recs if r["id"] in wanted]
    if limit is not None:
        recs = recs[:limit]
    jobs = [(r["id"], str(root / r.get("text_file", r["id"] + ".txt")), r.get("answers", {})) for r in recs]
    return FieldsReport(results=tuple(_map(jobs, processes)))


def _map(jobs: list[tuple[str, str, dict[str, str]]], processes: int) -> Iterator[ContractResult]:
    if processes <= 1 or len(jobs) < 2:
        yield from map(_run_one, jobs)
        return
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(processes) as pool:
        yield from pool.imap(_run_one, jobs, chunksize=4)
