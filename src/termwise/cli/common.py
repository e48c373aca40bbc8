"""Helpers shared by CLI commands: reading inputs with one-line errors, output streams."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click

from termwise.errors import TermwiseError
from termwise.model import Document


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, no traceback, non-zero exit."""
    click.echo(f"termwise: {message}", err=True)
    sys.exit(code)


def read_documents(path: str, *, exhibit: str | None, max_mb: float) -> list[Document]:
    from termwise.ingest import read

    return read(path, exhibit=exhibit, max_mb=max_mb)


def iter_documents(paths: list[str], *, exhibit: str | None, max_mb: float, errors: list[str]) -> Iterator[Document]:
    """Documents of every path; a bad file is reported (one line) and skipped."""
    for p in paths:
        try:
            docs = read_documents(p, exhibit=exhibit, max_mb=max_mb)
        except TermwiseError as e:
            errors.append(str(e))
            click.echo(f"termwise: {e}", err=True)
            continue
        yield from docs


def dump_json(obj: Any, *, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
