"""Corpus I/O: the JSONL annotation format, converters to other tools' formats,
validation and statistics."""

from .io import (
    CONVERTERS,
    FORMATS,
    detect_format,
    read_docs,
    read_records,
    read_splits,
    write_docs,
)
from .split import split_docs
from .stats import corpus_stats, format_stats
from .validate import Problem, validate_records

__all__ = [
    "CONVERTERS", "FORMATS", "Problem", "corpus_stats", "detect_format", "format_stats",
    "read_docs", "read_records", "read_splits", "split_docs", "validate_records", "write_docs",
]
