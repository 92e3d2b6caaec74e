"""Doccano sequence-labelling JSONL: `{"text", "label": [[start, end, "LABEL"], ...]}`.

Doccano exports an integer `id` and any extra columns; we keep our id in `id`
and the document's meta in `meta`, and read other columns back into meta.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..schema import Document, SchemaError, make_entity


def doccano_to_docs(data: str) -> Iterator[Document]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record.get("text")
        if not isinstance(text, str):
            raise SchemaError(f"doccano line {n}: no 'text'")
        spans = record.get("label", record.get("entities", [])) or []
        entities = [make_entity(text, int(s), int(e), lab) for s, e, lab in spans]
        meta = dict(record.get("meta") or {})
        meta.update({k: v for k, v in record.items()
                     if k not in ("id", "text", "label", "entities", "meta")})
        doc_id = record.get("id", n)
        yield Document(text, entities, str(doc_id), meta)


def doc_to_doccano(doc: Document) -> dict:
    """One Doccano record."""
    record = {"id": doc.id, "text": doc.text,
              "label": [[e.start, e.end, e.label] for e in doc.entities]}
    if doc.meta:
        record["meta"] = doc.meta
    return record


def docs_to_doccano(docs: Iterable[Document]) -> str:
    return "".join(json.dumps(doc_to_doccano(d), ensure_ascii=False) + "\n" for d in docs)
