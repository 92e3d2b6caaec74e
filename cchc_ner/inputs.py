"""Reading pages to extract from: .txt files, directories of them, .jsonl records.

Reading is lazy and never stops on a bad document: each one becomes an
`InputRecord` with an `error` instead of a text.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputRecord:
    """One document to process: its id and either its text or why it has none."""

    id: str
    text: str | None
    error: str | None = None
    warning: str | None = None


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text: a BOM's encoding, else UTF-8, else Windows-1258 (with a warning).
    Raises `ValueError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), None
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "not UTF-8: decoded as Windows-1258"


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Fail before any work if an input path does not exist."""
    out = [Path(p) for p in paths]
    missing = [str(p) for p in out if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or directory: {', '.join(missing)}")
    return out


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many documents `iter_inputs` will yield (for progress bars)."""
    total = 0
    for path in check_paths(paths):
        if path.is_dir():
            total += sum(1 for _ in path.rglob("*.txt"))
        elif path.suffix == ".jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[InputRecord]:
    """Documents from .txt files (id = path), directories (their .txt files, sorted,
    recursively) and .jsonl files of `{"id", "text"}` (id = the record's id)."""
    for path in check_paths(paths):
        if path.is_dir():
            for file in sorted(path.rglob("*.txt")):
                yield _read_txt(file)
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path)
        else:
            yield _read_txt(path)


def _read_txt(path: Path) -> InputRecord:
    try:
        text, warning = decode(path.read_bytes())
    except (OSError, ValueError) as exc:
        return InputRecord(str(path), None, f"{type(exc).__name__}: {exc}")
    if not text.strip():
        return InputRecord(str(path), None, "empty document")
    return InputRecord(str(path), text, warning=warning)


def _read_jsonl(path: Path) -> Iterator[InputRecord]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            fallback_id = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw)[0])
            except (ValueError, UnicodeDecodeError) as exc:
                yield InputRecord(fallback_id, None, f"line is not JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield InputRecord(fallback_id, None, "line is not a JSON object")
                continue
            doc_id = str(record.get("id", fallback_id))
            text = record.get("text")
            if not isinstance(text, str):
                yield InputRecord(doc_id, None, "record has no string field 'text'")
            elif not text.strip():
                yield InputRecord(doc_id, None, "empty document")
            else:
                yield InputRecord(doc_id, text)
