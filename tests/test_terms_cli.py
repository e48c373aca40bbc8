"""``termwise model / events / evaluate / timeline`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from termwise.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT.parent / "shared" / "schemas" / "termwise.evaluate-1.schema.json").read_text())
OFFER = ROOT / "examples" / "lumen-2024-offer-letter.txt"
FIN = ROOT / "examples" / "northwind-2024-financing-commitment.txt"


def cli(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout


def test_model_writes_yaml_that_evaluates_like_the_document(tmp_path: Path) -> None:
    out = tmp_path / "model.yaml"
    code, _ = cli("model", str(OFFER), "-o", str(out))
    assert code == 0 and out.read_text().count("evidence:") > 5
    args = [
        "--fact",
        "start_date=2024-02-05",
        "--event",
        "resignation_for_good_reason@2024-09-02",
        "--as-of",
        "2024-10-01",
        "--json",
    ]
    c1, from_doc = cli("evaluate", str(OFFER), *args)
    c2, from_yaml = cli("evaluate", str(out), *args)
    assert c1 == c2 == 0
    assert json.loads(from_doc) == json.loads(from_yaml)
    res = json.loads(from_doc)
    jsonschema.validate(res, SCHEMA)
    assert res["payments"][0]["status"] == "owed"


def test_evaluate_reports_unused_and_missing_facts() -> None:
    code, out = cli(
        "evaluate",
        str(OFFER),
        "--fact",
        "closing_date=2024-01-01",
        "--fact",
        "base_salary=$210,000",
        "--as-of",
        "2025-03-01",
        "--json",
    )
    res = json.loads(out)
    assert code == 0
    # the severance here is a fixed sum, so a given salary is reported as unused (not an error)
    assert res["unused_facts"] == ["base_salary", "closing_date"]
    assert res["missing_facts"] == ["start_date"]
    assert res["facts"]["base_salary"] == "210000"


def test_evaluate_text_output_explains() -> None:
    code, out = cli("evaluate", str(FIN), "--event", "ceo_change@2024-05-01", "--as-of", "2024-05-31")
    assert code == 0
    assert "lapsed" in out and "Why" in out and "condition (x) failed" in out


def test_events_lists_canonical_events_with_definitions() -> None:
    code, out = cli("events", str(OFFER), "--json")
    data = json.loads(out)
    names = {e["name"] for e in data["events"]}
    assert {"change_of_control", "termination_without_cause", "resignation_for_good_reason"} <= names
    coc = next(e for e in data["events"] if e["name"] == "change_of_control")
    assert coc["defined_in"] == "5" and coc["evidence"]
    assert any(f["name"] == "start_date" for f in data["facts"])
    code, text = cli("events", str(FIN))
    assert code == 0 and "funding_request" in text and "ceo_change" in text


def test_timeline_orders_dates_and_writes_ics(tmp_path: Path) -> None:
    ics = tmp_path / "t.ics"
    code, out = cli("timeline", str(OFFER), "--fact", "start_date=2024-02-05", "--ics", str(ics), "--json")
    assert code == 0
    items = json.loads(out)["items"]
    dates = [i["date"][:10] for i in items]
    assert dates == sorted(dates)
    vest = [i for i in items if i["kind"] == "vesting"]
    assert len(vest) == 37 and vest[0]["date"] == "2025-02-05" and vest[0]["amount"] == 30000
    assert sum(i["amount"] for i in vest) == 120000
    body = ics.read_bytes()
    assert body.startswith(b"BEGIN:VCALENDAR") and body.count(b"BEGIN:VEVENT") == len(items)


def test_timeline_without_facts_names_them() -> None:
    r = CliRunner().invoke(main, ["timeline", str(OFFER)])
    assert r.exit_code == 0
    assert "start_date" in r.output  # missing facts go to stderr, mixed in by CliRunner


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["evaluate", str(OFFER), "--fact", "start_date", "--as-of", "2024-01-01"], "NAME=VALUE"),
        (["evaluate", str(OFFER), "--fact", "start_date=soon", "--as-of", "2024-01-01"], "start_date=soon"),
        (["evaluate", str(OFFER), "--event", "death", "--as-of", "2024-01-01"], "NAME@YYYY-MM-DD"),
        (["evaluate", str(OFFER), "--event", "death@2024-02-30", "--as-of", "2024-01-01"], "not a calendar date"),
        (["evaluate", str(OFFER), "--as-of", "yesterday"], "--as-of"),
        (["evaluate", "nope.yaml", "--as-of", "2024-01-01"], "nope.yaml"),
        (["model", "nope.txt"], "nope.txt"),
    ],
)
def test_user_mistakes_are_one_line(args: list[str], needle: str) -> None:
    exe = str(Path(sys.executable).parent / "termwise")
    r = subprocess.run([exe, *args], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert needle in r.stderr


def test_broken_model_yaml_is_one_line_with_field_and_line(tmp_path: Path) -> None:
    out = tmp_path / "m.yaml"
    cli("model", str(OFFER), "-o", str(out))
    out.write_text(out.read_text().replace("duration: P18M", "duration: 18 months"))
    exe = str(Path(sys.executable).parent / "termwise")
    r = subprocess.run([exe, "evaluate", str(out), "--as-of", "2024-01-01"], capture_output=True, text=True)
    assert r.returncode != 0 and len(r.stderr.strip().splitlines()) == 1
    assert "line " in r.stderr and "field payments[0].trigger.window.duration" in r.stderr


def test_timeline_mixes_zoned_deadlines_payments_and_obligations(tmp_path: Path) -> None:
    ics = tmp_path / "f.ics"
    code, out = cli("timeline", str(FIN), "--event", "funding_request@2024-05-06", "--ics", str(ics), "--json")
    assert code == 0
    items = json.loads(out)["items"]
    kinds = [i["kind"] for i in items]
    assert "deadline" in kinds and "payment" in kinds
    accept = next(i for i in items if "acceptance" in i["what"])
    assert accept["date"] == "2024-03-15T17:00:00-07:00"
    pay = [i for i in items if i["kind"] == "payment"]
    assert {p["date"] for p in pay} == {"2024-05-20"}
    assert b"DTSTART;TZID=America/Los_Angeles:20240315T170000" in ics.read_bytes()
