"""A linear-chain CRF (CRFsuite) over rich word features (`features.py`) as a tagger.

Without pretrained encoder weights, a feature CRF is the strongest tagger that
trains on 2 CPU cores (see `../shared/spec/field-notes.md` and model_card.md).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from ..features import Gazetteer, sentence_features
from .base import Prediction, write_manifest

MODEL_FILE = "crf.model"
FEATURES_FILE = "features.json"


class CrfTagger:
    """Word tagger backed by a trained CRFsuite model and its gazetteer."""

    kind = "crf"

    def __init__(self, model_file: str | Path, gazetteer: Gazetteer,
                 tokenization: str = "syllables") -> None:
        self.model_file = Path(model_file)
        self.gazetteer = gazetteer
        self.tokenization = tokenization
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_file))

    @classmethod
    def load(cls, path: str | Path) -> CrfTagger:
        path = Path(path)
        data = json.loads((path / FEATURES_FILE).read_text(encoding="utf-8"))
        return cls(path / MODEL_FILE, Gazetteer.from_dict(data["gazetteer"]),
                   data["tokenization"])

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[Prediction]:
        out = []
        for words in sentences:
            if not words:
                out.append([])
                continue
            tags = self._tagger.tag(sentence_features(words, self.gazetteer))
            out.append([(t, self._tagger.marginal(t, i)) for i, t in enumerate(tags)])
        return out

    def save(self, path: str | Path, **info: Any) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model_file.resolve() != (path / MODEL_FILE).resolve():
            (path / MODEL_FILE).write_bytes(self.model_file.read_bytes())
        features = {"tokenization": self.tokenization, "gazetteer": self.gazetteer.to_dict()}
        (path / FEATURES_FILE).write_text(json.dumps(features, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
        write_manifest(path, self.kind, **info)


def fit_crf(sentences: Sequence[tuple[Sequence[str], Sequence[str]]], model_file: str | Path,
            gazetteer: Gazetteer, tokenization: str, c1: float = 0.1, c2: float = 0.1,
            max_iterations: int = 200) -> CrfTagger:
    """Train a CRF on `(word forms, IOB2 tags)` sentences; the model goes to `model_file`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        if words:
            trainer.append(sentence_features(words, gazetteer), list(tags))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(model_file))
    return CrfTagger(model_file, gazetteer, tokenization)
