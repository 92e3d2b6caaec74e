"""Our annotation format: JSONL, one `{"id", "text", "entities", "meta"}` per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..schema import Document, SchemaError


def jsonl_to_records(data: str, source: str = "<jsonl>") -> Iterator[dict[str, Any]]:
    """Parsed lines, unchecked (the validator wants them raw)."""
    for n, line in enumerate(data.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{source}:{n}: not JSON: {exc}") from exc


def jsonl_to_docs(data: str) -> Iterator[Document]:
    for record in jsonl_to_records(data):
        yield Document.from_dict(record)


def docs_to_jsonl(docs: Iterable[Document]) -> str:
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs)
