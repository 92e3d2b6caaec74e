"""The transformer path without pretrained weights: a small RoBERTa (4 layers,
hidden 256) with the real PhoBERT tokenizer, trained from scratch on the corpus
through `cchc_ner.train`, scored on dev and test like every other tagger.

    python training/scratch_transformer.py [--phobert ../shared/phobert-base]
        [--epochs 8] [--output runs/scratch-transformer]

It needs the PhoBERT tokenizer files (not shipped), so its model is a measurement,
not a candidate for bundling. Writes training/results/scratch-transformer.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import cchc_ner
from cchc_ner.corpus import read_docs
from cchc_ner.training import TrainConfig

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phobert", type=Path, default=ROOT.parent / "shared/phobert-base")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--output", type=Path, default=ROOT / "runs/scratch-transformer")
    args = parser.parse_args()

    import torch
    from transformers import PhobertTokenizer, RobertaConfig, RobertaModel

    tokenizer = PhobertTokenizer(vocab_file=str(args.phobert / "vocab.txt"),
                                 merges_file=str(args.phobert / "bpe.codes"))
    config = RobertaConfig(vocab_size=len(tokenizer), hidden_size=256, num_hidden_layers=4,
                           num_attention_heads=4, intermediate_size=1024,
                           max_position_embeddings=258, pad_token_id=1, bos_token_id=0,
                           eos_token_id=2, type_vocab_size=1, tokenizer_class="PhobertTokenizer")
    train, dev, test = (read_docs(ROOT / f"annotations/{split}.jsonl")
                        for split in ("train", "dev", "test"))
    with tempfile.TemporaryDirectory() as base:
        torch.manual_seed(0)
        RobertaModel(config).save_pretrained(base)
        tokenizer.save_pretrained(base)
        started = time.time()
        cchc_ner.train(train, dev, args.output, base_model=base, overwrite=True,
                       config=TrainConfig(epochs=args.epochs, batch_size=16,
                                          learning_rate=5e-4, patience=3, seed=42))
        minutes = (time.time() - started) / 60
    extractor = cchc_ner.load(args.output)
    seeds = [d for d in dev if d.id.startswith("seed-")]
    result = {"model": "RoBERTa 4x256 from scratch, PhoBERT tokenizer",
              "epochs": args.epochs, "train_minutes": round(minutes, 1)}
    for name, docs in (("dev", dev), ("test", test), ("seeds", seeds)):
        scores = cchc_ner.evaluate(extractor, docs)
        result[name] = {"strict": scores["strict"], "partial": scores["partial"]["partial"]}
        print(name, round(scores["strict"]["micro"]["f1"], 4), flush=True)
    out = ROOT / "training/results/scratch-transformer.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
