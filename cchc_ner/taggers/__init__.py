"""Pluggable word taggers and `load_tagger`, which reads what a saved model is."""

from __future__ import annotations

from pathlib import Path

from .base import MANIFEST, Prediction, Tagger, read_manifest, write_manifest


def load_tagger(model: str | Path, **options) -> Tagger:
    """Load a saved tagger of any kind: a directory with a `cchc_ner.json`
    manifest, or a Hugging Face model directory or hub id (a transformer)."""
    manifest = read_manifest(model) if Path(model).is_dir() else None
    kind = manifest["tagger"] if manifest else "transformer"
    if kind == "transformer":
        from .transformer import TransformerTagger

        return TransformerTagger.from_pretrained(str(model), **options)
    if options:
        raise ValueError(f"{model}: options {sorted(options)} apply to transformer models only")
    if kind == "crf":
        from .crf import CrfTagger

        return CrfTagger.load(model)
    if kind == "rules":
        from .rules import RulesTagger

        return RulesTagger()
    raise ValueError(f"{model}: unknown tagger kind {kind!r} in {MANIFEST}")


__all__ = ["MANIFEST", "Prediction", "Tagger", "load_tagger", "read_manifest", "write_manifest"]
