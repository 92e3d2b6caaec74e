"""Read and write annotated documents in any supported format, detected or given."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..schema import Document, SchemaError
from .conll import conll_to_docs, docs_to_conll
from .doccano import doccano_to_docs, docs_to_doccano
from .jsonl import docs_to_jsonl, jsonl_to_docs, jsonl_to_records
from .labelstudio import docs_to_labelstudio, labelstudio_to_docs
from .markup import HEADER, docs_to_markup, markup_to_docs

CONVERTERS: dict[str, tuple[Callable[[str], Iterator[Document]],
                            Callable[[Iterable[Document]], str]]] = {
    "jsonl": (jsonl_to_docs, docs_to_jsonl),
    "doccano": (doccano_to_docs, docs_to_doccano),
    "label-studio": (labelstudio_to_docs, docs_to_labelstudio),
    "conll": (conll_to_docs, docs_to_conll),
    "markup": (markup_to_docs, docs_to_markup),
}
FORMATS: tuple[str, ...] = tuple(CONVERTERS)
_SUFFIXES = (".jsonl", ".json", ".txt", ".conll", ".bio", ".markup")


def detect_format(path: Path) -> str:
    """Guess a file's format from its name and first non-blank line."""
    if path.suffix in (".conll", ".bio"):
        return "conll"
    with path.open(encoding="utf-8-sig") as fh:
        first = next((line for line in fh if line.strip()), "")
    if first.startswith(HEADER):
        return "markup"
    if first.startswith("-DOCSTART-"):
        return "conll"
    if path.suffix == ".json" or first.lstrip().startswith("["):
        return "label-studio"
    if first.lstrip().startswith("{"):
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            return "jsonl"  # the reader reports the bad line
        return "doccano" if "label" in record and "entities" not in record else "jsonl"
    raise SchemaError(f"{path}: cannot tell its format; pass one of {', '.join(FORMATS)}")


def _check_format(format: str) -> None:
    if format not in CONVERTERS:
        raise SchemaError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")


def _files(path: Path) -> list[Path]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in _SUFFIXES)
        if not files:
            raise SchemaError(f"{path}: no annotation files ({', '.join(_SUFFIXES)}) here")
        return files
    return [path]


def read_records(path: str | Path, format: str | None = None) -> Iterator[dict[str, Any]]:
    """Annotation-format dicts from a file or directory. JSONL lines come unchecked
    (for the validator); other formats are parsed into documents first."""
    for file in _files(Path(path)):
        fmt = format or detect_format(file)
        _check_format(fmt)
        data = file.read_text(encoding="utf-8-sig")
        if fmt == "jsonl":
            yield from jsonl_to_records(data, str(file))
        else:
            for doc in CONVERTERS[fmt][0](data):
                yield doc.to_dict()


def read_docs(path: str | Path, format: str | None = None) -> list[Document]:
    """Every document under `path` (a file, or a directory of annotation files)."""
    docs: list[Document] = []
    for file in _files(Path(path)):
        fmt = format or detect_format(file)
        _check_format(fmt)
        try:
            docs.extend(CONVERTERS[fmt][0](file.read_text(encoding="utf-8-sig")))
        except SchemaError as exc:
            raise SchemaError(f"{file}: {exc}") from exc
    return docs


def write_docs(docs: Iterable[Document], path: str | Path, format: str = "jsonl") -> None:
    """Write documents to one file in `format`."""
    _check_format(format)
    Path(path).write_text(CONVERTERS[format][1](docs), encoding="utf-8")


def read_splits(path: str | Path, format: str | None = None) -> dict[str, list[Document]]:
    """Documents by split: each file of a directory is a split named by its stem
    (`train.jsonl` -> "train"); a single file is one split."""
    return {file.stem: read_docs(file, format) for file in _files(Path(path))}
