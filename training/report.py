"""Score models on the corpus splits and time them: the numbers of model_card.md.

    python training/report.py [--model DIR ...] [--splits dev test]

Scores the rules baseline, the bundled default model and any `--model` directory
on each split and on the two real seed pages (strict seqeval and nervaluate
partial scores, micro and per type), and times the whole pipeline on the seed
pages (pages/s on this machine). Writes training/results/report.json and prints
the tables as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import cchc_ner
from cchc_ner import LABELS
from cchc_ner.corpus import read_docs
from cchc_ner.pipeline import Extractor
from cchc_ner.taggers.rules import RulesTagger

ROOT = Path(__file__).resolve().parents[1]


def pages_per_second(extractor: Extractor, pages: list[str], repeat: int = 25) -> float:
    extractor(pages[0])  # warm-up: loads the segmenter and fills caches
    batch = pages * repeat
    started = time.perf_counter()
    for _ in extractor.pipe(batch, batch_size=16):
        pass
    return len(batch) / (time.perf_counter() - started)


def table(report: dict, split: str, scheme: str) -> str:
    head = "| model | micro P | micro R | micro F1 | " + " | ".join(LABELS) + " |"
    lines = [head, "|" + "---|" * (4 + len(LABELS))]
    for name, scores in report["models"].items():
        block = scores[split][scheme]
        micro = block["micro"]
        per = [f"{block['per_type'].get(lab, {}).get('f1', 0):.3f}" for lab in LABELS]
        lines.append(f"| {name} | {micro['precision']:.3f} | {micro['recall']:.3f} | "
                     f"{micro['f1']:.3f} | " + " | ".join(per) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", default=[], type=Path)
    parser.add_argument("--splits", nargs="+", default=["dev", "test"])
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    parser.add_argument("--output", type=Path, default=ROOT / "training/results/report.json")
    args = parser.parse_args()

    splits = {s: read_docs(args.annotations / f"{s}.jsonl") for s in args.splits}
    dev = read_docs(args.annotations / "dev.jsonl")
    splits["seeds"] = [d for d in dev if d.id.startswith("seed-")]
    seed_pages = [d.text for d in splits["seeds"]]
    models = {"rules baseline": Extractor(RulesTagger()), "default (bundled)": cchc_ner.load()}
    models.update({str(p): cchc_ner.load(p) for p in args.model})
    report = {"cpu_cores": os.cpu_count(), "models": {}}
    for name, extractor in models.items():
        row = {}
        for split, docs in splits.items():
            result = cchc_ner.evaluate(extractor, docs)
            row[split] = {"strict": result["strict"],
                          "partial": result["partial"]["partial"],
                          "exact": result["partial"]["exact"],
                          "errors": len(result["errors"])}
        row["pages_per_second"] = round(pages_per_second(extractor, seed_pages), 1)
        report["models"][name] = row
        print(f"{name}: " + ", ".join(f"{s} {row[s]['strict']['micro']['f1']:.3f}"
                                      for s in splits) + f"; {row['pages_per_second']} pages/s",
              flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    for split in splits:
        for scheme in ("strict", "partial"):
            print(f"\n### {split}: {scheme}\n\n{table(report, split, scheme)}")


if __name__ == "__main__":
    main()
