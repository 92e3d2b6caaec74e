"""Speed of the text layer and of PhoBERT encoding, on real news text.

    python benchmarks/text_speed.py [--texts ../shared/unlabeled/vietnews-admin.jsonl]
        [--n 300] [--phobert ../shared/phobert-base]

Prints words/s of `text.segment` for both tokenizations (underthesea words,
syllables) and subwords/s of encoding the segmented words with the real PhoBERT
tokenizer: the raw slow tokenizer on whole sentences vs our cached word-by-word
encoder (`align.WordPieceEncoder`), checking that both give the same ids.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from cchc_ner.align import WordPieceEncoder
from cchc_ner.text import segment

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=SHARED / "unlabeled/vietnews-admin.jsonl")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--phobert", type=Path, default=SHARED / "phobert-base")
    args = parser.parse_args()

    with args.texts.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.n), fh)]
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    segment("khởi động")  # load the segmenter once
    sentences = {}
    for mode in ("words", "syllables"):
        started = time.perf_counter()
        sentences[mode] = [s for t in texts for s in segment(t, mode)]
        seconds = time.perf_counter() - started
        words = sum(map(len, sentences[mode]))
        print(f"segment({mode}): {words:,} tokens in {seconds:.2f} s = {words / seconds:,.0f}/s, "
              f"{len(texts) / seconds:.1f} texts/s")

    from transformers import PhobertTokenizer

    tokenizer = PhobertTokenizer(vocab_file=str(args.phobert / "vocab.txt"),
                                 merges_file=str(args.phobert / "bpe.codes"))
    forms = [[w.form for w in s] for s in sentences["words"]]
    started = time.perf_counter()
    whole = [tokenizer.encode(" ".join(f), add_special_tokens=False) for f in forms]
    slow = time.perf_counter() - started
    encoder = WordPieceEncoder(tokenizer)
    started = time.perf_counter()
    ours = [[i for w in f for i in encoder.word_ids(w)] for f in forms]
    cached = time.perf_counter() - started
    subwords = sum(map(len, whole))
    mismatches = sum(a != b for a, b in zip(whole, ours))
    print(f"PhoBERT slow tokenizer, whole sentences: {subwords / slow:,.0f} subwords/s")
    print(f"WordPieceEncoder, word by word (cached): {subwords / cached:,.0f} subwords/s "
          f"({slow / cached:.1f}x); {mismatches} of {len(forms)} sentences differ")


if __name__ == "__main__":
    main()
