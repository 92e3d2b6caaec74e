"""int8 dynamic quantization of a trained transformer tagger: dev F1 and speed
against fp32, in one run.

    python benchmarks/quantization.py MODEL_DIR [--annotations annotations]

MODEL_DIR: a transformer model trained by cchc-ner (e.g. runs/scratch-transformer
from training/scratch_transformer.py, or a fine-tuned PhoBERT). The option is worth
using when F1 stays within 0.5 point of fp32.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import cchc_ner
from cchc_ner.corpus import read_docs

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    parser.add_argument("--output", type=Path,
                        default=ROOT / "benchmarks/results/quantization.json")
    args = parser.parse_args()
    dev = read_docs(args.annotations / "dev.jsonl")
    result = {}
    for name, quantize in (("fp32", False), ("int8", True)):
        extractor = cchc_ner.load(args.model, normalize=False, quantize=quantize)
        extractor(dev[0].text)
        started = time.perf_counter()
        scores = cchc_ner.evaluate(extractor, dev)
        seconds = time.perf_counter() - started
        result[name] = {"dev_f1": scores["strict"]["micro"]["f1"],
                        "pages_s": len(dev) / seconds}
        print(name, json.dumps(result[name]), flush=True)
    result["f1_drop_points"] = 100 * (result["fp32"]["dev_f1"] - result["int8"]["dev_f1"])
    result["speedup"] = result["int8"]["pages_s"] / result["fp32"]["pages_s"]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"model": str(args.model), **result}, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
