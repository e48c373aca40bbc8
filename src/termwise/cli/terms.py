"""``termwise model``, ``events``, ``evaluate`` and ``timeline``."""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from termwise.cli.common import dump_json, fail
from termwise.errors import TermwiseError, UsageError

_fact = click.option(
    "--fact",
    "facts",
    multiple=True,
    metavar="NAME=VALUE",
    help="A fact: a date (2005-04-18), an amount ($250,000), a number, or true/false. Repeatable.",
)
_event = click.option(
    "--event",
    "events",
    multiple=True,
    metavar="NAME@DATE",
    help="An event that happened, e.g. resignation_for_good_reason@2006-10-02. Repeatable.",
)


def parse_fact(s: str) -> tuple[str, Any]:
    if "=" not in s:
        raise UsageError(f"--fact {s!r}: expected NAME=VALUE, e.g. start_date=2005-04-18")
    name, raw = (x.strip() for x in s.split("=", 1))
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise UsageError(f"--fact {s!r}: a fact name is lower_case_with_underscores")
    low = raw.lower()
    if low in ("true", "yes"):
        return name, True
    if low in ("false", "no"):
        return name, False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return name, dt.date.fromisoformat(raw)
        except ValueError as e:
            raise UsageError(f"--fact {s!r}: {raw} is not a calendar date") from e
    num = raw.replace("$", "").replace(",", "").replace("USD", "").strip()
    try:
        return name, Decimal(num)
    except InvalidOperation:
        raise UsageError(f"--fact {s!r}: value must be a date YYYY-MM-DD, an amount, a number, or true/false") from None


def parse_event(s: str) -> tuple[str, dt.date]:
    m = re.fullmatch(r"\s*([a-z][a-z0-9_]*)\s*@\s*(\d{4}-\d{2}-\d{2})\s*", s)
    if not m:
        raise UsageError(f"--event {s!r}: expected NAME@YYYY-MM-DD, e.g. change_of_control@2006-03-01")
    try:
        return m.group(1), dt.date.fromisoformat(m.group(2))
    except ValueError as e:
        raise UsageError(f"--event {s!r}: {m.group(2)} is not a calendar date") from e


def parse_date(s: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError as e:
        raise UsageError(f"{what} {s!r}: expected YYYY-MM-DD") from e


def load(path: str) -> Any:
    """A term model from a model YAML, or built from an agreement."""
    from termwise.terms.yamlio import load_model

    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        if not p.is_file():
            raise UsageError("no such model file", path=path)
        return load_model(p.read_text(encoding="utf-8"), path=path)
    from termwise.ingest import read
    from termwise.terms.build import build_model

    docs = read(path)
    if len(docs) > 1:
        raise UsageError(f"holds {len(docs)} documents; pick one with `termwise text --exhibit` first", path=path)
    from termwise.pipeline import extract_document

    # The builders read the text with their own sentence-level patterns; the extraction
    # (parties, dates, defined terms) fills in names and roles.
    return build_model(docs[0], extract_document(docs[0], clauses=False))


def _document_text(path: str) -> str | None:
    if Path(path).suffix.lower() in (".yaml", ".yml"):
        return None
    from termwise.ingest import read

    return read(path)[0].text


def _scenario(facts: tuple[str, ...], events: tuple[str, ...]) -> tuple[dict[str, Any], list[tuple[str, dt.date]]]:
    return dict(parse_fact(f) for f in facts), [parse_event(e) for e in events]


def _warn_unknown_events(model: Any, evs: list[tuple[str, dt.date]]) -> None:
    from termwise.evaluate.engine import EVENT_ALIASES
    from termwise.terms.model import CANONICAL_EVENTS

    known = {e.name for e in model.events} | set(CANONICAL_EVENTS) | set(EVENT_ALIASES)
    for n, _ in evs:
        if n not in known:
            click.echo(f"termwise: note: event {n!r} is not one this agreement reacts to", err=True)


@click.command("model")
@click.argument("file", type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the YAML here instead of stdout.")
def model_cmd(file: str, output: str | None) -> None:
    """Build FILE's term model: parties, facts, events, obligations, conditions,
    deadlines, grants and schedules, each with evidence spans, as YAML you can edit
    and pass back to `termwise evaluate`."""
    from termwise.terms.yamlio import dump_model

    try:
        m = load(file)
        doc_text = _document_text(file)
    except TermwiseError as e:
        fail(str(e))
        return
    text = dump_model(m, doc_text)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"termwise: wrote {output}", err=True)
    else:
        sys.stdout.write(text)
    for w in m.warnings:
        click.echo(f"termwise: warning: {w.message} [{w.start}, {w.end}]", err=True)


@click.command("events")
@click.argument("file", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def events_cmd(file: str, as_json: bool) -> None:
    """List the events FILE reacts to (with the contract's definitions) and the facts it depends on."""
    from termwise.terms.yamlio import _plain

    try:
        m = load(file)
    except TermwiseError as e:
        fail(str(e))
        return
    evs = [_dates(_plain(e)) for e in m.events]
    facts = [_dates(_plain(f)) for f in m.facts]
    if as_json:
        click.echo(dump_json({"events": evs, "facts": facts}, pretty=True))
        return
    click.echo("Events")
    for ev in m.events:
        d = f" - {ev.defined_term!r} defined in {ev.defined_in}" if ev.defined_term else ""
        first = f" [{ev.evidence[0][0]}, {ev.evidence[0][1]}]" if ev.evidence else ""
        seen = f" - signed on {ev.occurred_on}" if ev.occurred_on else ""
        click.echo(f"  {ev.name:34} {ev.label!r}{d}{seen}{first}")
    click.echo("Facts")
    for f in m.facts:
        v = f" = {f.value}" if f.value is not None else ""
        click.echo(f"  {f.name:34} {f.kind:6} {f.description}{v}")


def _dates(o: Any) -> Any:
    if isinstance(o, dt.date):
        return o.isoformat()
    if isinstance(o, dict):
        return {k: _dates(v) for k, v in o.items()}
    if isinstance(o, list):
        return [_dates(v) for v in o]
    return o


@click.command("evaluate")
@click.argument("file", type=click.Path())
@_fact
@_event
@click.option("--as-of", "as_of", required=True, metavar="YYYY-MM-DD", help="The date to evaluate at.")
@click.option("--json", "as_json", is_flag=True, help="Print the termwise.evaluate/1 JSON.")
def evaluate_cmd(file: str, facts: tuple[str, ...], events: tuple[str, ...], as_of: str, as_json: bool) -> None:
    """What is owed, vested, due and satisfied under FILE (an agreement or a model
    YAML) at --as-of, given --fact and --event. A fact the answer needs and that
    was not given is listed under missing_facts, never guessed."""
    from termwise.evaluate.engine import evaluate

    try:
        f, e = _scenario(facts, events)
        day = parse_date(as_of, "--as-of")
        m = load(file)
    except TermwiseError as err:
        fail(str(err))
        return
    _warn_unknown_events(m, e)
    res = evaluate(m, f, e, day)
    if as_json:
        click.echo(dump_json(res, pretty=True))
        return
    click.echo(render(res))


def render(res: dict[str, Any]) -> str:
    lines = [f"As of {res['as_of']}"]
    for p in res["payments"]:
        lines.append(
            f"  payment  {p['what']}: {p['currency']} {p['amount']} {p['status']}"
            + (f", due {p['due']}" if p["due"] else "")
        )
    for g in res["grants"]:
        nv = g.get("next_vesting")
        nxt = f", next {nv['amount']:,} on {nv['date']}" if nv else ""
        lines.append(f"  grant    {g['what']}: {g['vested']:,} of {g['total']:,} vested{nxt}")
        if g.get("note"):
            lines.append(f"           note: {g['note']}")
    for b in res["benefits"]:
        lines.append(f"  benefit  {b['what']}: {b['status']}" + (f", {b['from']} to {b['until']}" if b["from"] else ""))
    for d in res["deadlines"]:
        lines.append(f"  deadline {d['what'][:70]}: {d['due']} {d['status']}")
    for o in res.get("obligations", []):
        due = f" (by {o['due']})" if o["due"] else ""
        lines.append(f"  must     {o['obligor']}: {o['what'][:80]}{due}")
    for c in res["conditions"]:
        lines.append(f"  condition {c.get('label') or c['id']} {c['status']}: {c['text'][:70]}")
    for d in res.get("derived", []):
        lines.append(f"  derived  {d['name']} = {d['value']} ({d['formula']})")
    if res["missing_facts"]:
        lines.append("  missing facts: " + ", ".join(res["missing_facts"]))
    if res.get("unused_facts"):
        lines.append("  unused facts: " + ", ".join(res["unused_facts"]))
    lines.append("Why")
    lines.extend(f"  - {t}" for t in res["trace"])
    return "\n".join(lines)


@click.command("timeline")
@click.argument("file", type=click.Path())
@_fact
@_event
@click.option("--ics", type=click.Path(dir_okay=False), help="Also write the timeline as iCalendar to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def timeline_cmd(file: str, facts: tuple[str, ...], events: tuple[str, ...], ics: str | None, as_json: bool) -> None:
    """Every dated obligation, vesting date and deadline of FILE, in order."""
    from termwise.evaluate.calendar import to_ics
    from termwise.evaluate.timeline import items_json, timeline

    try:
        f, e = _scenario(facts, events)
        m = load(file)
    except TermwiseError as err:
        fail(str(err))
        return
    _warn_unknown_events(m, e)
    res = timeline(m, f, e)
    if ics:
        Path(ics).write_bytes(to_ics(res["items"], name=f"termwise: {Path(file).name}"))
        click.echo(f"termwise: wrote {ics}", err=True)
    if as_json:
        click.echo(dump_json({"items": items_json(res["items"]), "missing_facts": res["missing_facts"]}, pretty=True))
        return
    for it in res["items"]:
        click.echo(f"{it['date'].isoformat():26} {it['kind']:9} {it['what']}")
    if res["missing_facts"]:
        click.echo("missing facts: " + ", ".join(res["missing_facts"]), err=True)
