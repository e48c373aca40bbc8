"""Train the clause model from CUAD's training split, and cross-validate it by contract.

    pip install -e '.[train]'
    python scripts/train_clauses.py                      # train, write src/termwise/classify/_data/clauses.npz
    python scripts/train_clauses.py --cv --baseline tests/baselines/clauses.json --predictions /tmp/oof.jsonl

``--cv`` runs 5-fold cross-validation by contract (each fold's vocabulary, unit models and
calibrators fit on the other folds only), prints the per-category table, and with
``--baseline`` writes it as the committed baseline that tests/test_clauses.py guards.
``--nested`` also fits each fold's calibrators on inner out-of-fold scores (slower; see
termwise.classify.train).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cuad" / "train"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CUAD-layout folder (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "termwise" / "classify" / "_data" / "clauses.npz")
    ap.add_argument("--cv", action="store_true", help="cross-validate instead of training the shipped model")
    ap.add_argument("--nested", action="store_true", help="with --cv: fit calibrators on inner out-of-fold scores")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--predictions", type=Path, help="with --cv: write the out-of-fold predictions (JSON Lines)")
    ap.add_argument("--baseline", type=Path, help="with --cv: write the scores as a baseline JSON")
    ap.add_argument(
        "--fit-check",
        type=Path,
        help="do not train: score the shipped model on the first 25 contracts (by id) and write the scores here; "
        "a regression check of the inference path (these contracts are in its training data)",
    )
    args = ap.parse_args(argv)
    if args.fit_check:
        return fit_check(args.data, args.fit_check)

    from termwise.classify import train as T
    from termwise.evaluate.cuad import score

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    t0 = time.time()
    contracts, cats = T.load_cuad(args.data)
    log(f"loaded {len(contracts)} contracts, {sum(len(c.units) for c in contracts)} units in {time.time() - t0:.0f}s")
    if not args.cv:
        model = T.train_final(contracts, cats, k=args.folds, log=log)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        model.save(args.out, meta=training_meta(args.data, len(contracts)))
        log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")
        return 0
    preds = T.cross_validate(contracts, cats, k=args.folds, nested=args.nested, log=log)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as f:
            for ct in contracts:
                f.write(json.dumps({"id": ct.id, "predictions": preds[ct.id]}, ensure_ascii=False) + "\n")
    report = score({ct.id: ct.gold for ct in contracts}, preds, cats)
    s = report.summary()
    print(
        f"{args.folds}-fold CV by contract{' (nested)' if args.nested else ''}: AUPR {s['aupr']:.4f}  "
        f"P@80%R {s['p_at_80r']:.4f}  P@90%R {s['p_at_90r']:.4f}  per-category mean AUPR {s['category_mean_aupr']:.4f}"
    )
    print(f"{'category':40s} {'gold':>5s} {'AUPR':>7s} {'P@80%R':>7s} {'P@90%R':>7s}")
    for row in report.table():
        print(
            f"{row['category']!s:40s} {row['gold']!s:>5s} {row['aupr']:7.4f} "
            f"{row['p_at_80r']:7.4f} {row['p_at_90r']:7.4f}"
        )
    if args.baseline:
        args.baseline.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "what": f"{args.folds}-fold cross-validation by contract on CUAD's training split (408 contracts), "
            "CUAD metric (termwise.evaluate.cuad); written by scripts/train_clauses.py --cv --baseline",
            "nested": args.nested,
            "folds": args.folds,
            "overall": {k: round(v, 4) for k, v in s.items()},
            "per_category": report.table(),
        }
        args.baseline.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.baseline}")
    log(f"done in {time.time() - t0:.0f}s")
    return 0


def training_meta(data: Path, contracts: int) -> dict[str, object]:
    """What the shipped model was trained on, stored in the artifact."""
    import hashlib

    ann = (data / "annotations.jsonl").read_bytes()
    return {
        "trained_on": "CUAD training split (annotations.jsonl in the CUAD layout)",
        "contracts": contracts,
        "annotations_sha256": hashlib.sha256(ann).hexdigest(),
    }


FIT_CHECK_CONTRACTS = 25


def fit_check(data: Path, out: Path) -> int:
    from termwise.classify.clauses import cuad_candidates, load_model
    from termwise.evaluate.cuad import score

    recs = sorted(
        (json.loads(line) for line in (data / "annotations.jsonl").read_text(encoding="utf-8").splitlines() if line),
        key=lambda r: r["id"],
    )[:FIT_CHECK_CONTRACTS]
    model = load_model()
    gold, preds = {}, {}
    for r in recs:
        with open(data / r["text_file"], encoding="utf-8", newline="") as f:
            text = f.read()
        gold[r["id"]] = {c: [s["text"] for s in spans] for c, spans in r["labels"].items()}
        preds[r["id"]] = {
            c: [{"text": text[s:e], "score": p} for s, e, p in cs] for c, cs in cuad_candidates(text, model).items()
        }
    s = score(gold, preds, list(recs[0]["labels"])).summary()
    body = {
        "what": f"shipped model scored on the first {len(recs)} CUAD training contracts by id (in its training data): "
        "a regression check of inference, not a measure of accuracy; see clauses.json for cross-validation",
        "contracts": [r["id"] for r in recs],
        "overall": {k: round(v, 4) for k, v in s.items()},
    }
    out.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(body["overall"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
