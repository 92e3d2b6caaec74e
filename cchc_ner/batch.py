"""Batch extraction over many input documents, bad ones reported, never fatal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .corpus.doccano import doc_to_doccano
from .inputs import InputRecord
from .pipeline import Extractor
from .schema import Document

OUTPUT_FORMATS = ("jsonl", "doccano", "label-studio")


def extract_records(extractor: Extractor, records: Iterable[InputRecord],
                    batch_size: int = 16) -> Iterator[tuple[InputRecord, Document | None]]:
    """`(record, document)` in input order; the document is None for a record
    that has an error."""
    records = iter(records)
    while chunk := list(islice(records, batch_size)):
        good = [r for r in chunk if r.text is not None]
        docs = iter(extractor.pipe([r.text for r in good], batch_size=batch_size,
                                   ids=[r.id for r in good]))
        for record in chunk:
            yield record, (next(docs) if record.text is not None else None)


def result_line(record: InputRecord, doc: Document | None, format: str = "jsonl") -> dict[str, Any]:
    """The output record of one input: our `{"id", "entities"}` (or `{"id", "error"}`),
    or a Doccano line for pre-annotation."""
    if doc is None:
        return {"id": record.id, "error": record.error, "entities": []}
    if format == "doccano":
        return doc_to_doccano(doc)
    return {"id": doc.id, "entities": [e.to_dict() for e in doc.entities]}
