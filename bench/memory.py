"""Peak memory of `termwise extract --json` on the largest CUAD contract, and the time
`termwise --help` takes to answer. Each runs in a fresh process; peak RSS comes from
the child's rusage.

Usage: python bench/memory.py
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _common import cuad_texts


def termwise_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("termwise")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("termwise")
    return [found] if found else [sys.executable, "-m", "termwise"]


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd`` in a child; its peak RSS in MB and wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024, wall


def main() -> None:
    largest = max(cuad_texts(), key=lambda p: p.stat().st_size)
    tw = termwise_cmd()
    rss, wall = peak_rss_mb([*tw, "extract", "--json", str(largest)])
    print(f"largest CUAD contract: {largest.name} ({largest.stat().st_size / 1e6:.2f} MB)")
    print(f"  extract --json: peak RSS {rss:.0f} MB, {wall:.2f} s wall")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([*tw, "--help"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    print(f"  termwise --help: best {min(times):.3f} s, median {sorted(times)[2]:.3f} s of 5")


if __name__ == "__main__":
    main()
