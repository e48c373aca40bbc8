"""Throughput of termwise over the CUAD training texts, in MB/s per core.

Runs in one process (one core). Stages:
  values   every value extractor, overlaps resolved (extract.values.find_values)
  extract  the whole extract pipeline without clause detection
  full     the whole extract pipeline with clause detection (what `termwise extract` does)

Usage: python bench/throughput.py [--limit N] [--stages values,extract,full] [--json]
MB here is 10^6 bytes of UTF-8 text.
"""

from __future__ import annotations

import argparse
import json
import time

from _common import cuad_texts

from termwise.ingest import read


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--stages", default="values,extract,full")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from termwise.extract.values import find_values
    from termwise.pipeline import extract_document

    docs = [d for p in cuad_texts(args.limit) for d in read(p)]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    stages = {
        "values": lambda d: find_values(d),
        "extract": lambda d: extract_document(d, clauses=False),
        "full": lambda d: extract_document(d, clauses=True),
    }
    # warm up: lazy model loads and regex compiles are not throughput
    for name in args.stages.split(","):
        stages[name](docs[0])
    results = {}
    for name in args.stages.split(","):
        f = stages[name]
        t0 = time.process_time()
        for d in docs:
            f(d)
        cpu = time.process_time() - t0
        results[name] = {"mb": round(mb, 2), "cpu_s": round(cpu, 2), "mb_per_s_per_core": round(mb / cpu, 2)}
    if args.json:
        print(json.dumps({"documents": len(docs), "stages": results}))
    else:
        print(f"{len(docs)} CUAD documents, {mb:.1f} MB")
        for name, r in results.items():
            print(f"  {name:<8} {r['mb_per_s_per_core']:>7.2f} MB/s per core  ({r['cpu_s']} s CPU)")


if __name__ == "__main__":
    main()
