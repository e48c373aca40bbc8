"""Bad input through the CLI: each is one line on stderr naming the file and the problem,
a non-zero exit, and no traceback; good files given alongside bad ones still come out."""

from __future__ import annotations

import random
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termwise.cli import main

GOOD = (
    "LETTER AGREEMENT\n\n"
    '     This letter agreement is dated June 1, 2024 between Acme, Inc. (the "Company") and\n'
    "John Smith. The Company shall pay John Smith $5,000 within thirty (30) days.\n"
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(r: Result, name: str, *words: str) -> None:
    assert r.exit_code != 0
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    err = r.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert name in err
    for w in words:
        assert w.lower() in err.lower(), err


def _noise(n: int, seed: int = 7) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.randrange(256) for _ in range(n))


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)


# name -> (how to make it, words the message must contain)
BAD: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "empty.txt": (lambda p: p.write_bytes(b""), ("empty",)),
    "blank.txt": (lambda p: p.write_text("  \n\n \t\n"), ("no text",)),
    "picture.png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + _noise(3000)), ("PNG",)),
    "picture.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + _noise(3000)), ("PNG",)),
    "random.bin": (lambda p: p.write_bytes(_noise(5000)), ("binary",)),
    "random.txt": (lambda p: p.write_bytes(_noise(20000, seed=3)), ("binary",)),
    "corrupt.pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n" + _noise(4000)), ("not a readable PDF",)),
    "fake.pdf": (lambda p: p.write_text("this is not a PDF"), ("not a readable PDF",)),
    "corrupt.docx": (lambda p: p.write_bytes(b"PK\x03\x04" + _noise(500)), ("not a readable Word",)),
    "locked.docx": (
        lambda p: p.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
        ),
        ("password",),
    ),
    "sheet.xlsx": (lambda p: _zip(p, {"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}), ("Excel",)),
    "archive.zip": (lambda p: _zip(p, {"a.txt": "hello"}), ("ZIP",)),
    "old.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), (".doc", ".docx")),
    "notes.doc": (lambda p: p.write_text("plain words in a .doc name"), (".doc",)),
    "scan.jpg": (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + _noise(2000)), ("JPEG",)),
}


@pytest.mark.parametrize("cmd", ["text", "extract"])
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_one_line(tmp_path: Path, cmd: str, name: str) -> None:
    make, words = BAD[name]
    p = tmp_path / name
    make(p)
    r = invoke(cmd, str(p))
    assert_one_line_error(r, name, *words)


@pytest.mark.parametrize("cmd", ["text", "extract"])
def test_pdf_problems(tmp_path: Path, make_pdf: Callable[..., Path], cmd: str) -> None:
    locked = make_pdf("locked.pdf", [["secret terms"]], password="pw")
    assert_one_line_error(invoke(cmd, str(locked)), "locked.pdf", "password")
    scan = make_pdf("scan.pdf", [[], [], []])
    assert_one_line_error(invoke(cmd, str(scan)), "scan.pdf", "no text layer on any of its 3 pages", "OCR")


@pytest.mark.parametrize("cmd", ["text", "extract"])
def test_directory_and_missing_path(tmp_path: Path, cmd: str) -> None:
    d = tmp_path / "folder"
    d.mkdir()
    assert_one_line_error(invoke(cmd, str(d)), "folder", "directory")
    assert_one_line_error(invoke(cmd, str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_some_bad_files_among_good(tmp_path: Path) -> None:
    good1, good2 = tmp_path / "one.txt", tmp_path / "two.txt"
    good1.write_text(GOOD)
    good2.write_text(GOOD.replace("John Smith", "Mary Jones"))
    bad = []
    for name in ("empty.txt", "random.bin", "corrupt.pdf"):
        BAD[name][0](tmp_path / name)
        bad.append(str(tmp_path / name))
    files = [str(good1), bad[0], str(good2), bad[1], bad[2], str(tmp_path / "missing.txt")]
    r = invoke("extract", "--json", "--no-clauses", *files)
    assert r.exit_code == 1
    assert "Traceback" not in r.stderr
    out = [line for line in r.stdout.splitlines() if line.strip()]
    assert len(out) == 2 and "one.txt" in out[0] and "two.txt" in out[1]
    err = r.stderr.strip().splitlines()
    assert err[-1] == "termwise: 4 of 6 file(s) failed"
    assert len(err) == 5
    for name in ("empty.txt", "random.bin", "corrupt.pdf", "missing.txt"):
        assert sum(name in line for line in err) == 1


def test_edgar_exhibit_not_found_is_one_line(tmp_path: Path) -> None:
    p = tmp_path / "filing.txt"
    p.write_text(
        "<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>EX-10.1\n<SEQUENCE>2\n<TEXT>\n"
        + GOOD
        + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    assert_one_line_error(invoke("text", "--exhibit", "EX-99", str(p)), "filing.txt", "EX-99", "EX-10.1")
    r = invoke("text", "--exhibit", "ex-10.1", str(p))
    assert r.exit_code == 0 and r.stdout == GOOD


def test_large_file_needs_max_mb_and_then_reads(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    chunk = (GOOD + "\n" + "-" * 60 + "\nConfidential    Acme, Inc.    Page 1\n\n") * 200
    reps = 50 * 1024 * 1024 // len(chunk) + 1
    with p.open("w") as f:
        for _ in range(reps):
            f.write(chunk)
    assert p.stat().st_size > 50 * 1024 * 1024
    r = invoke("text", str(p))
    assert_one_line_error(r, "big.txt", "over the 25 MB limit", "--max-mb")
    t0 = time.perf_counter()
    r = invoke("text", "--max-mb", "60", str(p))
    elapsed = time.perf_counter() - t0
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout) == p.stat().st_size  # ASCII: one character a byte
    assert elapsed < 120, f"50 MB took {elapsed:.1f} s"


def test_real_process_has_no_traceback(tmp_path: Path) -> None:
    p = tmp_path / "noise.txt"
    p.write_bytes(_noise(4000))
    exe = Path(sys.executable).with_name("termwise")
    r = subprocess.run([str(exe), "text", str(p)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.strip() == f"termwise: {p}: is a binary file, not text (it contains NUL bytes)"
