"""Scoring predicted entities against gold ones, on character spans.

- `strict`: seqeval, mode="strict", scheme=IOB2 (never its lenient default). Both
  sides are tagged over the same tokens — the text cut at whitespace and at every
  gold and predicted span edge — so a span counts only if it matches a gold span
  exactly, whatever segmenter or tokenizer produced it.
- `partial`: nervaluate's four schemes (strict, exact, partial, ent_type).
- `errors`: every missed, spurious, wrong-type and wrong-boundary entity, with context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .schema import LABELS, Document, Entity


def _check_pairs(gold: Sequence[Document], pred: Sequence[Document]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted")
    for g, p in zip(gold, pred):
        if g.text != p.text:
            raise ValueError(f"document {g.id!r}: gold and predicted texts differ")


def _boundary_tags(doc: Document, entities: Sequence[Entity], cuts: set[int]) -> list[str]:
    tokens = []
    for piece in re.finditer(r"\S+", doc.text):
        edges = sorted({piece.start(), piece.end()} | {c for c in cuts
                                                       if piece.start() < c < piece.end()})
        tokens.extend(zip(edges, edges[1:]))
    tags = ["O"] * len(tokens)
    starts = {s: i for i, (s, _) in enumerate(tokens)}
    for ent in entities:
        i = starts[ent.start]
        tags[i] = f"B-{ent.label}"
        i += 1
        while i < len(tokens) and tokens[i][1] <= ent.end:
            tags[i] = f"I-{ent.label}"
            i += 1
    return tags


def strict_scores(gold: Sequence[Document], pred: Sequence[Document]) -> dict[str, Any]:
    """Exact-span entity P/R/F1 (seqeval, strict IOB2): micro and per type."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    _check_pairs(gold, pred)
    y_true, y_pred = [], []
    for g, p in zip(gold, pred):
        cuts = {x for e in list(g.entities) + list(p.entities) for x in (e.start, e.end)}
        y_true.append(_boundary_tags(g, g.entities, cuts))
        y_pred.append(_boundary_tags(p, p.entities, cuts))
    report = classification_report(y_true, y_pred, mode="strict", scheme=IOB2,
                                   output_dict=True, zero_division=0)
    def row(r: dict) -> dict[str, float]:
        return {"precision": float(r["precision"]), "recall": float(r["recall"]),
                "f1": float(r["f1-score"]), "support": int(r["support"])}
    empty = {"precision": 0.0, "recall": 0.0, "f1-score": 0.0, "support": 0}
    return {"micro": row(report.get("micro avg", empty)),
            "per_type": {lab: row(report.get(lab, empty)) for lab in LABELS}}


def partial_scores(gold: Sequence[Document], pred: Sequence[Document]) -> dict[str, Any]:
    """nervaluate's strict / exact / partial / ent_type scores, micro and per type."""
    from nervaluate import Evaluator

    _check_pairs(gold, pred)
    # nervaluate treats `end` as inclusive; ours is exclusive.
    def spans(doc: Document) -> list[dict[str, Any]]:
        return [{"label": e.label, "start": e.start, "end": e.end - 1} for e in doc.entities]

    results = Evaluator([spans(d) for d in gold], [spans(d) for d in pred],
                        tags=list(LABELS), loader="dict").evaluate()
    def row(r) -> dict[str, float]:
        return {"precision": r.precision, "recall": r.recall, "f1": r.f1,
                "correct": r.correct, "incorrect": r.incorrect, "partial": r.partial,
                "missed": r.missed, "spurious": r.spurious}
    out: dict[str, Any] = {}
    for scheme in ("strict", "exact", "partial", "ent_type"):
        out[scheme] = {"micro": row(results["overall"][scheme]) if results["overall"] else None,
                       "per_type": {lab: row(results["entities"][lab][scheme])
                                    for lab in LABELS if lab in results["entities"]}}
    return out


def errors(gold: Sequence[Document], pred: Sequence[Document],
           context: int = 40) -> list[dict[str, Any]]:
    """Every disagreement: `missed`, `spurious`, `wrong_type` (same span),
    `wrong_boundary` (overlapping, same type), `wrong_type_boundary`."""
    _check_pairs(gold, pred)
    out = []
    for g, p in zip(gold, pred):
        gold_set = {(e.start, e.end, e.label) for e in g.entities}
        pred_set = {(e.start, e.end, e.label) for e in p.entities}
        matched_pred = set()
        for e in g.entities:
            if (e.start, e.end, e.label) in pred_set:
                continue
            overlaps = [x for x in p.entities if x.start < e.end and x.end > e.start
                        and (x.start, x.end, x.label) not in gold_set]
            if not overlaps:
                out.append(_error(g, "missed", e, None, context))
            for x in overlaps:
                matched_pred.add((x.start, x.end, x.label))
                kind = ("wrong_type" if (x.start, x.end) == (e.start, e.end) else
                        "wrong_boundary" if x.label == e.label else "wrong_type_boundary")
                out.append(_error(g, kind, e, x, context))
        for x in p.entities:
            key = (x.start, x.end, x.label)
            if key not in gold_set and key not in matched_pred:
                out.append(_error(g, "spurious", None, x, context))
    return out


def _error(doc: Document, kind: str, gold: Entity | None, pred: Entity | None,
           context: int) -> dict[str, Any]:
    anchor = gold or pred
    left = doc.text[max(0, anchor.start - context) : anchor.start]
    right = doc.text[anchor.end : anchor.end + context]
    return {
        "id": doc.id,
        "kind": kind,
        "gold": None if gold is None else {"label": gold.label, "start": gold.start,
                                           "end": gold.end, "text": gold.text},
        "pred": None if pred is None else {"label": pred.label, "start": pred.start,
                                           "end": pred.end, "text": pred.text},
        "context": " ".join(f"{left}[{anchor.text}]{right}".split()),
    }


def evaluate_docs(gold: Sequence[Document], pred: Sequence[Document]) -> dict[str, Any]:
    """`{"strict": ..., "partial": ..., "errors": [...]}` for paired documents."""
    return {"strict": strict_scores(gold, pred), "partial": partial_scores(gold, pred),
            "errors": errors(gold, pred)}
