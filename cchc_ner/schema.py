"""The data model: entity labels, `Entity` spans and `Document`s.

Offsets are character offsets into the raw text, end-exclusive, checked at
construction (as in spaCy's `Span`). An entity's `text` is always
`document.text[start:end]`, never decoded from sub-words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS: tuple[str, ...] = ("DATE", "DISTRICT", "METRIC", "OFFICIAL")
"""The four entity types of the annotation guide, sorted."""


class SchemaError(ValueError):
    """An entity or document that breaks the data model (bad offsets, unknown label)."""


@dataclass(frozen=True)
class Entity:
    """One labelled span of a document's raw text."""

    label: str
    start: int
    end: int
    text: str
    score: float = 1.0
    normalized: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(float(self.score), 4),
        }
        if self.normalized is not None:
            out["normalized"] = self.normalized
        return out


def make_entity(
    text: str,
    start: int,
    end: int,
    label: str,
    score: float = 1.0,
    normalized: dict[str, Any] | None = None,
) -> Entity:
    """Build an `Entity` over `text[start:end]`, raising `SchemaError` on bad input."""
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    if not (isinstance(start, int) and isinstance(end, int)):
        raise SchemaError(f"offsets must be integers, got start={start!r} end={end!r}")
    if not 0 <= start < end <= len(text):
        raise SchemaError(
            f"span [{start}, {end}) is empty or outside a text of {len(text)} characters"
        )
    return Entity(label, start, end, text[start:end], float(score), normalized)


@dataclass
class Document:
    """A raw text with its entities, sorted by offset."""

    text: str
    entities: list[Entity] = field(default_factory=list)
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: (e.start, e.end))
        for ent in self.entities:
            if self.text[ent.start : ent.end] != ent.text:
                raise SchemaError(
                    f"document {self.id!r}: entity text {ent.text!r} differs from "
                    f"text[{ent.start}:{ent.end}] = {self.text[ent.start:ent.end]!r}"
                )

    def records(self) -> list[dict[str, Any]]:
        """The page's facts as table rows, one per METRIC (see `normalize.records`)."""
        from .normalize.records import records

        return records(self)

    def to_dict(self) -> dict[str, Any]:
        """The annotation-format record: `{"id", "text", "entities", "meta"}`."""
        return {
            "id": self.id,
            "text": self.text,
            "entities": [
                {"start": e.start, "end": e.end, "label": e.label} for e in self.entities
            ],
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Document:
        """Read an annotation-format record; spans are checked against the text."""
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise SchemaError("a document record needs a string field 'text'")
        text = record["text"]
        doc_id = record.get("id")
        entities = []
        for i, span in enumerate(record.get("entities") or []):
            try:
                entities.append(make_entity(text, span["start"], span["end"], span["label"]))
            except (KeyError, TypeError) as exc:
                raise SchemaError(
                    f"document {doc_id!r}: entity #{i} needs 'start', 'end' and 'label'"
                ) from exc
            except SchemaError as exc:
                raise SchemaError(f"document {doc_id!r}: entity #{i}: {exc}") from exc
        return cls(text, entities, None if doc_id is None else str(doc_id),
                   dict(record.get("meta") or {}))
