"""Does mention-replacement augmentation help the CRF? Train the default's config on
train alone and on train plus augmented copies, score both on dev and the real pages.

    python training/augmentation.py [--copies 1] [--seed 0]

An augmented copy of a document replaces each DISTRICT name with another real
district (the unit word kept), each OFFICIAL full name with another invented name
(its short forms follow), and each METRIC's digits with other digits of the same
shape. Writes training/results/augmentation.json. The test split is not read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from pathlib import Path

import cchc_ner
from cchc_ner.corpus import read_docs
from cchc_ner.gazetteer import districts
from cchc_ner.lexicon import SURNAMES
from cchc_ner.schema import Document, make_entity
from cchc_ner.scoring import strict_scores
from cchc_ner.training import CrfConfig

ROOT = Path(__file__).resolve().parents[1]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân", "Công", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Vân", "Yến"]
UNIT = re.compile(r"^(?:huyện|quận|thị xã|thành phố|TP\.?|Tp\.|H\.|Q\.|TX\.?)\s*", re.I)


def _digits(run: str, rng: random.Random) -> str:
    """Other digits of the same shape (no new leading zero)."""
    first = "0" if run[0] == "0" else str(rng.randint(1, 9))
    return first + "".join(str(rng.randint(0, 9)) for _ in run[1:])


def augment(doc: Document, rng: random.Random) -> Document:
    names = [d.name for d in districts() if not d.name.startswith("Quận ")]
    renamed: dict[str, str] = {}
    parts, entities, pos, shift = [], [], 0, 0
    for ent in doc.entities:
        new = ent.text
        if ent.label == "DISTRICT":
            unit = UNIT.match(ent.text)
            new = (unit.group() if unit else "") + rng.choice(names)
        elif ent.label == "OFFICIAL":
            words = ent.text.split()
            if len(words) >= 2:
                new = renamed.setdefault(ent.text, " ".join(
                    [rng.choice(sorted(SURNAMES)).title(), rng.choice(MIDDLE), rng.choice(GIVEN)]))
            else:
                full = next((v for k, v in renamed.items() if k.split()[-1] == ent.text), None)
                new = full.split()[-1] if full else ent.text
        elif ent.label == "METRIC":
            new = re.sub(r"\d+", lambda m: _digits(m.group(), rng), ent.text)
        parts.append(doc.text[pos:ent.start])
        start = ent.start + shift
        parts.append(new)
        entities.append((start, start + len(new), ent.label))
        shift += len(new) - len(ent.text)
        pos = ent.end
    parts.append(doc.text[pos:])
    text = "".join(parts)
    return Document(text, [make_entity(text, s, e, lab) for s, e, lab in entities],
                    f"{doc.id}-aug", dict(doc.meta))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    train = read_docs(ROOT / "annotations/train.jsonl")
    dev = read_docs(ROOT / "annotations/dev.jsonl")
    seeds = [d for d in dev if d.id.startswith("seed-")]
    chosen = json.loads((ROOT / "training/results/selection.json").read_text())["chosen"]
    rng = random.Random(args.seed)
    augmented = [augment(d, rng) for _ in range(args.copies) for d in train]
    result = {"config": chosen, "copies": args.copies}
    for name, docs in (("train only", train), ("train + augmented", train + augmented)):
        with tempfile.TemporaryDirectory() as out:
            dev_scores = cchc_ner.train(docs, dev, out, tagger="crf", config=CrfConfig(**chosen),
                                        overwrite=True)
            extractor = cchc_ner.load(out)
            seed_scores = strict_scores(seeds, list(extractor.pipe([d.text for d in seeds])))
        result[name] = {"dev": dev_scores["micro"]["f1"], "seeds": seed_scores["micro"]["f1"],
                        "dev_per_type": {k: v["f1"] for k, v in dev_scores["per_type"].items()}}
        print(name, json.dumps(result[name]), flush=True)
    out_file = ROOT / "training/results/augmentation.json"
    out_file.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
