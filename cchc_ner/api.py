"""The library's entry points: `load`, `train`, `evaluate`. Quiet by default."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .pipeline import Extractor
from .schema import Document

DEFAULT_MODEL = Path(__file__).parent / "resources" / "default-model"
"""Where the bundled default model lives inside the package."""


def load(model: str | Path | None = None, normalize: bool = True,
         **options: Any) -> Extractor:
    """An extractor for `model`: None for the bundled default, else a model
    directory or a Hugging Face hub id. `normalize=False` skips typed values;
    `options` go to the tagger (e.g. `batch_size` for a transformer)."""
    from .taggers import load_tagger

    if model is None:
        if not DEFAULT_MODEL.is_dir():
            raise FileNotFoundError(
                "this installation has no bundled default model; pass a model directory "
                "or hub id to cchc_ner.load(...) (see README: training a model)")
        model = DEFAULT_MODEL
    return Extractor(load_tagger(model, **options), normalize=normalize)


def train(
    train_docs: Sequence[Document],
    dev_docs: Sequence[Document],
    output_dir: str | Path,
    tagger: str = "transformer",
    base_model: str = "vinai/phobert-base",
    config: Any = None,
    progress: bool = False,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Train a tagger on annotated documents, score it on `dev_docs`, save it to
    `output_dir`; returns its dev metrics.

    `tagger="transformer"` fine-tunes `base_model` (hub id or directory) with a
    `TrainConfig`; `tagger="crf"` fits a feature CRF with a `CrfConfig`.
    """
    from .training import train_crf, train_transformer

    if tagger == "transformer":
        return train_transformer(train_docs, dev_docs, base_model, output_dir, config,
                                 progress=progress, overwrite=overwrite)
    if tagger == "crf":
        return train_crf(train_docs, dev_docs, output_dir, config, overwrite=overwrite)
    raise ValueError(f"unknown tagger {tagger!r}; expected 'transformer' or 'crf'")


def evaluate(extractor: Extractor, docs: Sequence[Document],
             batch_size: int = 16) -> dict[str, Any]:
    """Run `extractor` on the gold documents' texts and score it (see `scoring.py`)."""
    from .scoring import evaluate_docs

    spans_only = Extractor(extractor.tagger, normalize=False)  # typed values are not scored
    predicted = list(spans_only.pipe([d.text for d in docs], batch_size=batch_size,
                                     ids=[d.id for d in docs]))
    return evaluate_docs(docs, predicted)
