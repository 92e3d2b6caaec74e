"""Corpus checks: every problem reported with document id and offset, none fatal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..schema import LABELS

_BAD_START = set(",.;:!?()[]{}\"'“”‘’«»-–—/|•")
_BAD_END = set(",;:!?([{\"'“”‘’«»-–—/|•")
_ABBREVIATION_END = re.compile(r"(?:^|\s|\b)(?:TP|Tp|H|Q|TX|Tx|P)\.$")


@dataclass(frozen=True)
class Problem:
    """One finding: `level` is "error" (the corpus is wrong) or "warning" (look at it)."""

    level: str
    doc_id: str | None
    offset: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.doc_id}" + (f"@{self.offset}" if self.offset is not None else "")
        return f"{self.level}: {where}: {self.message}"


def _edge_problem(span: str) -> str | None:
    if span != span.strip():
        return "starts or ends with whitespace"
    if span[0] in _BAD_START:
        return f"starts with punctuation {span[0]!r}"
    if span[-1] in _BAD_END:
        return f"ends with punctuation {span[-1]!r}"
    if span[-1] == ")" and "(" not in span:
        return "ends with an unmatched ')'"
    if span[-1] == "." and not _ABBREVIATION_END.search(span):
        return "ends with a full stop"
    return None


def validate_records(
    records: Iterable[dict[str, Any]],
    word_bounds: Callable[[str], list[tuple[int, int]]] | None = None,
) -> list[Problem]:
    """Check annotation-format records against the guide's span rules.

    `word_bounds`, when given, maps a text to its segmented words' offsets; span
    edges that fall inside a word are reported as warnings (the tagger cannot
    reproduce them).
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for n, rec in enumerate(records):
        doc_id = rec.get("id")
        if doc_id is None:
            problems.append(Problem("error", f"#{n}", None, "missing 'id'"))
        elif str(doc_id) in seen:
            problems.append(Problem("error", doc_id, None, "duplicate id"))
        else:
            seen.add(str(doc_id))
        text = rec.get("text")
        if not isinstance(text, str) or not text:
            problems.append(Problem("error", doc_id, None, "missing or empty 'text'"))
            continue
        spans = []
        for ent in rec.get("entities") or []:
            start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
            if label not in LABELS:
                problems.append(Problem("error", doc_id, start, f"unknown label {label!r}"))
            in_range = isinstance(start, int) and isinstance(end, int) and 0 <= start < end
            if not in_range or end > len(text):
                problems.append(Problem("error", doc_id, start, f"bad offsets [{start}, {end})"))
                continue
            if "text" in ent and ent["text"] != text[start:end]:
                problems.append(Problem(
                    "error", doc_id, start,
                    f"stored text {ent['text']!r} != text[{start}:{end}] {text[start:end]!r}"))
            issue = _edge_problem(text[start:end])
            if issue:
                problems.append(
                    Problem("error", doc_id, start, f"{label} {text[start:end]!r} {issue}"))
            spans.append((start, end, label))
        spans.sort()
        for (s1, e1, l1), (s2, e2, l2) in zip(spans, spans[1:]):
            if s2 < e1:
                problems.append(Problem(
                    "error", doc_id, s2,
                    f"{l2} {text[s2:e2]!r} overlaps {l1} {text[s1:e1]!r}"))
        if word_bounds is not None and spans:
            problems.extend(_inside_word(doc_id, text, spans, word_bounds(text)))
    return problems


def _inside_word(doc_id, text, spans, bounds) -> list[Problem]:
    inside: set[int] = set()
    for ws, we in bounds:
        inside.update(range(ws + 1, we))
    out = []
    for start, end, label in spans:
        for edge in (start, end):
            if edge in inside:
                out.append(Problem(
                    "warning", doc_id, edge,
                    f"{label} {text[start:end]!r}: edge falls inside a segmented word"))
                break
    return out
