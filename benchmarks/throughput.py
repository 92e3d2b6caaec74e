"""Throughput of batch extraction against the naive way, on the same model and inputs.

    python benchmarks/throughput.py [--pages 500] [--big-pages 40]
        [--phobert ../shared/phobert-base]

Inputs: the corpus pages (annotations/*.jsonl) repeated to the asked count.
Models:
- the bundled default (CRF): naive = one `extractor(text)` call per page;
  ours = `extractor.pipe(pages, batch_size=16)`;
- a phobert-base-sized token classifier (config from ../shared/phobert-base, random
  weights, the real tokenizer): naive = `transformers.pipeline("token-classification")`
  called on one segmented sentence at a time (the HF way for a slow tokenizer); ours =
  `extractor.pipe`, in fp32 and int8 (`quantize=True`). Also the bare model forward
  over exactly our batches, so the pre/post-processing overhead shows, and where our
  time goes by stage.
Prints pages/s, subwords/s and the ratios, with the machine's core count.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import torch

import cchc_ner
from cchc_ner.corpus import read_docs
from cchc_ner.text import segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pages(n: int) -> list[str]:
    texts = [d.text for split in ("train", "dev", "test")
             for d in read_docs(ROOT / f"annotations/{split}.jsonl")]
    return (texts * (n // len(texts) + 1))[:n]


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def bench_default(texts: list[str]) -> dict:
    extractor = cchc_ner.load()
    extractor(texts[0])
    _, naive = timed(lambda: [extractor(t) for t in texts])
    _, ours = timed(lambda: list(extractor.pipe(texts, batch_size=16)))
    return {"pages": len(texts), "naive_pages_s": len(texts) / naive,
            "ours_pages_s": len(texts) / ours, "ratio": naive / ours}


def phobert_sized(tmp: Path, phobert: Path):
    from transformers import (
        AutoConfig,
        AutoModelForTokenClassification,
        PhobertTokenizer,
    )

    from cchc_ner.tags import TAGS

    config = AutoConfig.from_pretrained(phobert / "config.json")
    config.num_labels = len(TAGS)
    config.id2label = dict(enumerate(TAGS))
    config.label2id = {t: i for i, t in enumerate(TAGS)}
    torch.manual_seed(0)
    model = AutoModelForTokenClassification.from_config(config)
    tokenizer = PhobertTokenizer(vocab_file=str(phobert / "vocab.txt"),
                                 merges_file=str(phobert / "bpe.codes"))
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    return model, tokenizer


def bench_transformer(texts: list[str], phobert: Path, batch_size: int) -> dict:
    from transformers import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        model, tokenizer = phobert_sized(Path(tmp), phobert)
        extractor = cchc_ner.load(tmp, batch_size=batch_size)
        quantized = cchc_ner.load(tmp, batch_size=batch_size, quantize=True)
    tagger = extractor.tagger
    sentences = [[w.form for w in s] for t in texts for s in segment(t, "words")]
    windows = tagger.windows(sentences)
    subwords = sum(len(w.input_ids) for w in windows)

    hf = pipeline("token-classification", model=model, tokenizer=tokenizer, device=-1)
    sentence_texts = [" ".join(s) for s in sentences]
    with torch.inference_mode():
        _, naive = timed(lambda: [hf(s) for s in sentence_texts])

    # Ours, end to end, with the time of each stage.
    stages = {}
    _, stages["segmentation"] = timed(lambda: [segment(t, "words") for t in texts])
    tagger.encoder._cache.clear()
    _, stages["encoding"] = timed(lambda: tagger.windows(sentences))
    _, end_to_end = timed(lambda: list(extractor.pipe(texts, batch_size=16)))
    _, int8 = timed(lambda: list(quantized.pipe(texts, batch_size=16)))

    # The bare model forward over the same padded batches.
    ordered = sorted(windows, key=lambda w: len(w.input_ids))
    def forward_only():
        with torch.inference_mode():
            for b in range(0, len(ordered), batch_size):
                batch = ordered[b:b + batch_size]
                width = max(len(w.input_ids) for w in batch)
                ids = torch.full((len(batch), width), tokenizer.pad_token_id)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, w in enumerate(batch):
                    ids[r, :len(w.input_ids)] = torch.tensor(w.input_ids)
                    mask[r, :len(w.input_ids)] = 1
                model(input_ids=ids, attention_mask=mask)
    _, forward = timed(forward_only)
    stages["model forward"] = forward
    stages["decoding and the rest"] = max(0.0, end_to_end - sum(stages.values()))
    return {"pages": len(texts), "sentences": len(sentences), "subwords": subwords,
            "naive_pages_s": len(texts) / naive, "ours_pages_s": len(texts) / end_to_end,
            "ratio": naive / end_to_end, "ours_subwords_s": subwords / end_to_end,
            "ours_int8_pages_s": len(texts) / int8, "int8_speedup": end_to_end / int8,
            "forward_subwords_s": subwords / forward, "end_to_end_vs_forward": forward / end_to_end,
            "stages_seconds": {k: round(v, 2) for k, v in stages.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--big-pages", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--phobert", type=Path, default=SHARED / "phobert-base")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks/results/throughput.json")
    args = parser.parse_args()
    result = {"cpu_cores": os.cpu_count(), "torch_threads": torch.get_num_threads()}
    result["default"] = bench_default(pages(args.pages))
    print(json.dumps(result, indent=2), flush=True)
    if (args.phobert / "vocab.txt").is_file():
        result["phobert_base_sized"] = bench_transformer(pages(args.big_pages), args.phobert,
                                                         args.batch_size)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
