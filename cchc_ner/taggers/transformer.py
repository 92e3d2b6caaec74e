"""A Hugging Face token classifier (PhoBERT family) as a word tagger."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from ..align import Window, WordPieceEncoder
from ..tags import TAGS
from .base import Prediction, write_manifest


class ModelLoadError(OSError):
    """A model that cannot be loaded (missing, offline, or not a CCHC tagger)."""


def load_pretrained(name: str, loader, **kwargs):
    """`loader.from_pretrained(name)` with a clear message when the hub is out of reach."""
    try:
        return loader.from_pretrained(name, **kwargs)
    except OSError as exc:
        where = "" if Path(name).exists() else (
            " It is not a local directory, and the Hugging Face hub could not provide it"
            " (offline, or no such repository). Download it where the hub is reachable"
            " (`hf download NAME --local-dir DIR`) and pass the directory."
        )
        raise ModelLoadError(f"cannot load {name!r}.{where}\n({exc})") from exc


def _quantized(model):
    """int8 dynamic quantization of the Linear layers (CPU inference; about 1.7x the
    fp32 speed of phobert-base here, see benchmarks/throughput.py)."""
    import warnings

    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():  # torch.ao.quantization is deprecated in favour of torchao
        warnings.simplefilter("ignore")
        return quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


class TransformerTagger:
    """Word tagger over `AutoModelForTokenClassification`: each word's tag is read at
    its first subword; long sentences go through overlapping windows (`align`).
    Windows of all the sentences it is given are sorted by length and batched
    (`batch_size` windows), so padding stays small; `quantize=True` runs int8."""

    kind = "transformer"
    tokenization = "words"

    def __init__(self, model, tokenizer, batch_size: int = 32,
                 max_length: int | None = None, stride: int | None = None,
                 quantize: bool = False) -> None:
        id2label = {int(k): v for k, v in model.config.id2label.items()}
        unknown = set(id2label.values()) - set(TAGS)
        if unknown:
            raise ModelLoadError(
                f"the model's labels {sorted(unknown)} are not CCHC IOB2 tags {TAGS}; "
                "is it a fine-tuned cchc-ner model?")
        self.model = _quantized(model.eval()) if quantize else model.eval()
        self.quantized = quantize
        self.tokenizer = tokenizer
        self.id2tag = [id2label[i] for i in range(len(id2label))]
        positions = getattr(model.config, "max_position_embeddings", 514)
        pad_offset = (getattr(model.config, "pad_token_id", None) or 0) + 1
        self.encoder = WordPieceEncoder(tokenizer, min(max_length or 256, positions - pad_offset))
        self.batch_size = batch_size
        self.stride = stride

    @classmethod
    def from_pretrained(cls, name: str, **options) -> TransformerTagger:
        tokenizer = load_pretrained(name, AutoTokenizer)
        model = load_pretrained(name, AutoModelForTokenClassification)
        return cls(model, tokenizer, **options)

    def windows(self, sentences: Sequence[Sequence[str]]) -> list[Window]:
        """Every model input for these sentences."""
        return [w for i, forms in enumerate(sentences)
                for w in self.encoder.windows(i, forms, self.stride)]

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[Prediction]:
        out: list[Prediction] = [[("O", 1.0)] * len(s) for s in sentences]
        windows = sorted(self.windows(sentences), key=lambda w: len(w.input_ids))
        pad = self.tokenizer.pad_token_id
        with torch.inference_mode():
            for b in range(0, len(windows), self.batch_size):
                batch = windows[b : b + self.batch_size]
                width = max(len(w.input_ids) for w in batch)
                ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, w in enumerate(batch):
                    ids[r, : len(w.input_ids)] = torch.tensor(w.input_ids)
                    mask[r, : len(w.input_ids)] = 1
                probs = self.model(input_ids=ids, attention_mask=mask).logits.softmax(-1)
                best, best_ids = probs.max(-1)
                best, best_ids = best.tolist(), best_ids.tolist()
                for r, w in enumerate(batch):
                    words = out[w.sentence]
                    for k, i in enumerate(w.word_index):
                        if i is not None:
                            words[i] = (self.id2tag[best_ids[r][k]], best[r][k])
        return out

    def save(self, path: str | Path, **info) -> None:
        if self.quantized:
            raise ValueError("a quantized tagger is for inference; save the fp32 model")
        self.model.save_pretrained(path)
        self.tokenizer.save_pretrained(path)
        write_manifest(path, self.kind, **info)
