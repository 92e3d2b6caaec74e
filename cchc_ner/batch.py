"""Batch extraction over many input documents, bad ones reported, never fatal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from .corpus.doccano import doc_to_doccano
from .inputs import InputRecord
from .pipeline import Extractor
from .schema import Document

OUTPUT_FORMATS = ("jsonl", "doccano", "label-studio", "csv")


def extract_records(extractor: Extractor, records: Iterable[InputRecord],
                    batch_size: int = 16) -> Iterator[tuple[InputRecord, Document | None]]:
    """`(record, document)` in input order. The document is None for a record that
    has an error; a document the pipeline fails on gets an error too, and the rest
    of its batch is still extracted."""
    records = iter(records)
    while chunk := list(islice(records, batch_size)):
        good = [r for r in chunk if r.text is not None]
        try:
            docs = iter(extractor.pipe([r.text for r in good], batch_size=batch_size,
                                       ids=[r.id for r in good]))
            results = [(r, next(docs) if r.text is not None else None) for r in chunk]
        except Exception:  # find the culprit: one document at a time
            results = [_extract_one(extractor, r) for r in chunk]
        yield from results


def _extract_one(extractor: Extractor, record: InputRecord) -> tuple[InputRecord, Document | None]:
    if record.text is None:
        return record, None
    try:
        return record, extractor(record.text, record.id)
    except Exception as exc:
        return replace(record, text=None,
                       error=f"extraction failed: {type(exc).__name__}: {exc}"), None


def completed_ids(output: Path) -> set[str]:
    """Ids already written to a JSONL output, for `--resume`. A last line cut off
    by a killed run is removed from the file (it will be written again)."""
    if not output.exists():
        return set()
    ids: set[str] = set()
    with output.open("r+b") as fh:
        keep = 0
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:
                break
            if not line.endswith(b"\n") or not isinstance(record, dict) or "id" not in record:
                break
            ids.add(str(record["id"]))
            keep += len(line)
        fh.truncate(keep)
    return ids


def result_rows(record: InputRecord, doc: Document | None) -> list[dict[str, Any]]:
    """CSV rows of one input: its facts (`Document.records`), or one row with the error."""
    if doc is None:
        return [{"id": record.id, "error": record.error}]
    return [{"id": doc.id, **row} for row in doc.records()]


def result_line(record: InputRecord, doc: Document | None, format: str = "jsonl") -> dict[str, Any]:
    """The output record of one input: our `{"id", "entities"}` (or `{"id", "error"}`),
    or a Doccano line for pre-annotation."""
    if doc is None:
        return {"id": record.id, "error": record.error, "entities": []}
    if format == "doccano":
        return doc_to_doccano(doc)
    return {"id": doc.id, "entities": [e.to_dict() for e in doc.entities]}
