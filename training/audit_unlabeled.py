"""A label-free check of the default model on real news: run it over unlabeled
articles and count how many predicted entities read as valid typed values.

    python training/audit_unlabeled.py [--texts ../shared/unlabeled/baomoi-admin.jsonl]
        [--n 500] [--show 0]

A DISTRICT that resolves to no gazetteer unit, a DATE or METRIC whose value cannot be
read, are likely false positives (or boundary errors); the rates are a lower bound on
errors, not a precision. `--show N` prints N unresolved examples per label with context.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import cchc_ner

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path,
                        default=ROOT.parent / "shared/unlabeled/baomoi-admin.jsonl")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    with args.texts.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.n), fh)]
    counts: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for doc in cchc_ner.load().pipe(texts):
        for ent in doc.entities:
            counts[ent.label] += 1
            value = ent.normalized or {}
            ok = {"DISTRICT": value.get("match") is not None,
                  "DATE": value.get("value") is not None,
                  "METRIC": value.get("value") is not None,
                  "OFFICIAL": bool(value.get("titles"))}[ent.label]
            if not ok:
                unread[ent.label] += 1
                if shown[ent.label] < args.show:
                    shown[ent.label] += 1
                    context = doc.text[max(0, ent.start - 40):ent.end + 40].replace("\n", " ")
                    print(f"{ent.label}: {ent.text!r} in …{context}…")
    print(f"{len(texts)} articles, {sum(counts.values())} entities")
    for label in cchc_ner.LABELS:
        n = counts[label]
        rate = unread[label] / n if n else 0.0
        what = "without a title on the page" if label == "OFFICIAL" else "unreadable"
        print(f"{label:9} {n:6d} predicted, {unread[label]:5d} {what} ({rate:.1%})")


if __name__ == "__main__":
    main()
