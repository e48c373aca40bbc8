"""Shared helpers for the benchmarks: where the CUAD texts are, how to report."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMWISE_SHARED", ROOT.parent / "shared"))
CUAD_TRAIN = SHARED / "data" / "cuad" / "train"


def cuad_texts(limit: int | None = None) -> list[Path]:
    files = sorted(CUAD_TRAIN.glob("*.txt"))
    if not files:
        raise SystemExit(f"no CUAD texts under {CUAD_TRAIN}; set TERMWISE_SHARED")
    return files[:limit] if limit else files
