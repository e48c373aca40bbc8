"""CLI behaviour of `termwise text` and `termwise extract`: data on stdout, messages on
stderr, JSON Lines for several files, a readable term sheet by default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termwise.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "examples").glob("*.txt"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("termwise")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120)


def test_text_prints_the_file_unchanged() -> None:
    p = BUNDLED[0]
    r = CliRunner().invoke(main, ["text", str(p)])
    assert r.exit_code == 0
    assert r.output == p.read_text(encoding="utf-8")


def test_extract_json_lines_for_several_files() -> None:
    r = run("extract", "--json", *map(str, BUNDLED))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(BUNDLED)
    paths = [json.loads(line)["source"]["path"] for line in lines]
    assert paths == [str(p) for p in BUNDLED]
    assert r.stderr == ""  # no progress bar when stderr is not a terminal


def test_extract_pretty_single_file_is_one_object() -> None:
    r = CliRunner().invoke(main, ["extract", "--json", "--pretty", str(BUNDLED[0])])
    assert r.exit_code == 0
    assert json.loads(r.output)["schema"] == "termwise.extract/1"


def test_term_sheet_is_readable_text() -> None:
    offer = ROOT / "examples" / "lumen-2024-offer-letter.txt"
    r = CliRunner().invoke(main, ["extract", str(offer)])
    assert r.exit_code == 0
    assert r.output.startswith(str(offer))
    assert "210000" in r.output or "210,000" in r.output


def test_help_lists_every_command() -> None:
    r = CliRunner().invoke(main, ["--help"])
    assert r.exit_code == 0
    for cmd in ("text", "extract", "eval", "model", "events", "evaluate", "timeline"):
        assert f"  {cmd} " in r.output


@pytest.mark.parametrize("cmd", ["text", "extract"])
def test_missing_file_is_one_line_no_traceback(cmd: str, tmp_path: Path) -> None:
    r = run(cmd, str(tmp_path / "nope.txt"))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2
    assert "nope.txt" in r.stderr
