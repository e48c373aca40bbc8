"""Peak memory of `termwise extract --json` on the largest CUAD contract and on one long
document (CUAD texts run together, --long-mb MB: what grows faster than the text shows
here), the time `termwise --help` takes to answer and the time the clause model takes to load
(the bar is 1 s). Each runs in a fresh process; peak RSS comes from the child's rusage.

Usage: python bench/memory.py [--long-mb 10]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
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


def long_document(mb: float, folder: Path) -> Path:
    """CUAD texts run together, blank lines between, into one file of about ``mb`` MB."""
    parts: list[str] = []
    size = 0
    texts = cuad_texts()
    while size < mb * 1e6:
        parts.append(texts[len(parts) % len(texts)].read_text(encoding="utf-8"))
        size += len(parts[-1].encode("utf-8"))
    path = folder / "long.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--long-mb", type=float, default=10.0, help="size of the long document (0: skip it)")
    args = ap.parse_args()
    largest = max(cuad_texts(), key=lambda p: p.stat().st_size)
    tw = termwise_cmd()
    rss, wall = peak_rss_mb([*tw, "extract", "--json", str(largest)])
    print(f"largest CUAD contract: {largest.name} ({largest.stat().st_size / 1e6:.2f} MB)")
    print(f"  extract --json: peak RSS {rss:.0f} MB, {wall:.2f} s wall")
    if args.long_mb > 0:
        with tempfile.TemporaryDirectory() as tmp:
            long = long_document(args.long_mb, Path(tmp))
            mb = long.stat().st_size / 1e6
            # measured after the smaller run: rusage keeps the largest child's peak
            rss, wall = peak_rss_mb([*tw, "extract", "--json", "--max-mb", str(int(mb) + 1), str(long)])
        print(f"long document, CUAD texts run together ({mb:.1f} MB)")
        print(f"  extract --json: peak RSS {rss:.0f} MB, {wall:.1f} s wall ({mb / wall:.2f} MB/s)")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([*tw, "--help"], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    print(f"  termwise --help: best {min(times):.3f} s, median {sorted(times)[2]:.3f} s of 5")
    code = (
        "import time, termwise.classify.clauses as c\n"
        "t = time.perf_counter(); c.load_model(); print(time.perf_counter() - t)"
    )
    run = [sys.executable, "-c", code]
    loads = [float(subprocess.run(run, check=True, capture_output=True, text=True).stdout) for _ in range(3)]
    print(f"  clause model load (fresh process): best {min(loads):.3f} s, median {sorted(loads)[1]:.3f} s of 3")


if __name__ == "__main__":
    main()
