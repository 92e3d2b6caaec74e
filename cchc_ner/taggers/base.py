"""The tagger interface: word forms in, one IOB2 tag (with a probability) per word out.

Everything around it — segmentation, offsets, spans, normalization, evaluation —
is shared by the pipeline, so any tagger plugs in. A saved tagger is a directory
holding `cchc_ner.json` (`{"tagger": KIND, ...}`) and whatever the kind needs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

MANIFEST = "cchc_ner.json"

Prediction = list[tuple[str, float]]
"""One sentence's output: `(tag, probability)` per word."""


@runtime_checkable
class Tagger(Protocol):
    """What the pipeline needs from a tagger."""

    kind: str
    tokenization: str
    """How the pipeline cuts text for this tagger: "words" or "syllables" (`text.segment`)."""

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[Prediction]:
        """Tag each sentence (a list of word forms such as `Thạch_Hà`)."""
        ...

    def save(self, path: str | Path) -> None:
        """Write the tagger (and its manifest) into directory `path`."""
        ...


def write_manifest(path: str | Path, kind: str, **info: Any) -> None:
    """Record the tagger kind and its training facts in `path/cchc_ner.json`."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    manifest = {"tagger": kind, **info}
    (path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")


def read_manifest(path: str | Path) -> dict[str, Any] | None:
    """The manifest of a saved tagger, or None if the directory has none."""
    file = Path(path) / MANIFEST
    if not file.is_file():
        return None
    return json.loads(file.read_text(encoding="utf-8"))
