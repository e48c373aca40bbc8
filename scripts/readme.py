"""Regenerate the README's generated blocks from the live CLI, so docs cannot drift.

    python scripts/readme.py          rewrite README.md in place
    python scripts/readme.py --check  exit 1 if README.md is stale (a test runs this)

Blocks: ``cli-help`` (``--help`` of every command) and ``example`` (a real run on a
bundled example).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

from termwise.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLE = ["extract", "examples/northwind-2024-financing-commitment.txt"]
EVALUATE = [
    "evaluate",
    "examples/lumen-2024-offer-letter.txt",
    "--fact",
    "start_date=2024-02-05",
    "--event",
    "resignation_for_good_reason@2025-03-03",
    "--as-of",
    "2025-04-01",
]


def invoke(args: list[str]) -> str:
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        r = CliRunner().invoke(main, args, terminal_width=100, prog_name="termwise")
    finally:
        os.chdir(cwd)
    if r.exit_code != 0:
        raise SystemExit(f"termwise {' '.join(args)} exited {r.exit_code}: {r.output}")
    return r.output.rstrip() + "\n"


def help_block() -> str:
    import click

    parts = []
    ctx = click.Context(main)
    present = [n for n in sorted(COMMANDS) if main.get_command(ctx, n) is not None]
    for name in ["--help", *present]:
        args = ["--help"] if name == "--help" else [name, "--help"]
        title = "termwise --help" if name == "--help" else f"termwise {name} --help"
        parts.append(f"### `{title}`\n\n```\n{invoke(args)}```\n")
        if name == "eval":
            from termwise.cli.evalcmd import EVAL_COMMANDS, eval_group

            for sub in sorted(s for s in EVAL_COMMANDS if eval_group.get_command(ctx, s) is not None):
                parts.append(f"### `termwise eval {sub} --help`\n\n```\n{invoke(['eval', sub, '--help'])}```\n")
    return "\n".join(parts)


def example_block() -> str:
    out = [
        "A real run on a bundled example (`examples/` holds four agreements we wrote, with fictional parties):\n",
        f"```\n$ termwise {' '.join(EXAMPLE)}\n{invoke(EXAMPLE)}```\n",
    ]
    try:
        out.append(
            "And what it means, given a start date and an event:\n\n"
            f"```\n$ termwise {' '.join(EVALUATE)}\n{invoke(EVALUATE)}```\n"
        )
    except SystemExit:
        pass
    return "\n".join(out)


def render(text: str) -> str:
    for name, body in (("cli-help", help_block()), ("example", example_block())):
        pat = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        text = pat.sub(lambda m, body=body: m.group(1) + body + m.group(2), text)
    return text


def main_() -> None:
    old = README.read_text(encoding="utf-8")
    new = render(old)
    if "--check" in sys.argv:
        if new != old:
            print("README.md is stale: run `python scripts/readme.py`", file=sys.stderr)
            sys.exit(1)
        return
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main_()
