"""Train the bundled default model: fit every CRF candidate of a grid on
annotations/train.jsonl, pick the best on dev (whole split and the two real seed
pages, equally weighted), and install it into the package.

    python training/train_default.py [--grid training/configs/crf-grid.json]
        [--install cchc_ner/resources/default-model]

Writes training/results/selection.json (every candidate's dev scores). The test
split is never read here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import cchc_ner
from cchc_ner.corpus import read_docs
from cchc_ner.scoring import strict_scores
from cchc_ner.training import CrfConfig

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=Path, default=ROOT / "training/configs/crf-grid.json")
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    parser.add_argument("--install", type=Path, default=cchc_ner.api.DEFAULT_MODEL)
    parser.add_argument("--results", type=Path, default=ROOT / "training/results/selection.json")
    args = parser.parse_args()

    train = read_docs(args.annotations / "train.jsonl")
    dev = read_docs(args.annotations / "dev.jsonl")
    seeds = [d for d in dev if d.id.startswith("seed-")]
    candidates = json.loads(args.grid.read_text())["candidates"]
    results, best = [], None
    with tempfile.TemporaryDirectory() as scratch:
        for n, params in enumerate(candidates):
            started = time.time()
            out = Path(scratch) / f"candidate-{n}"
            dev_f1 = cchc_ner.train(train, dev, out, tagger="crf", config=CrfConfig(**params))
            fit_seconds = time.time() - started
            extractor = cchc_ner.load(out)
            seed_f1 = strict_scores(seeds, list(extractor.pipe([d.text for d in seeds])))
            score = (dev_f1["micro"]["f1"] + seed_f1["micro"]["f1"]) / 2
            row = {"params": params, "selection_score": score, "fit_seconds": round(fit_seconds),
                   "dev": dev_f1, "seeds": seed_f1}
            results.append(row)
            print(f"{params}: dev {dev_f1['micro']['f1']:.4f} seeds "
                  f"{seed_f1['micro']['f1']:.4f} ({fit_seconds:.0f} s)", flush=True)
            if best is None or score > best[0]:
                best = (score, n)
        winner = Path(scratch) / f"candidate-{best[1]}"
        if args.install.exists():
            shutil.rmtree(args.install)
        shutil.copytree(winner, args.install)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps({"chosen": candidates[best[1]], "candidates": results},
                                       indent=2, ensure_ascii=False) + "\n")
    print(f"installed candidate {best[1]} {candidates[best[1]]} into {args.install}")


if __name__ == "__main__":
    main()
