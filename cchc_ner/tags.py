"""The one place that converts character spans <-> word-level IOB2 tags."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from .schema import LABELS, Entity
from .text import Word

OUTSIDE = "O"
TAGS: tuple[str, ...] = (OUTSIDE,) + tuple(f"{p}-{lab}" for lab in LABELS for p in ("B", "I"))
"""Every IOB2 tag, in the fixed order used for model label ids."""


class MisalignedSpanWarning(UserWarning):
    """A gold span's edge falls inside a segmented word (the span is widened to whole words)."""


def spans_to_tags(words: Sequence[Word], entities: Sequence[Entity]) -> tuple[list[str], int]:
    """IOB2 tags for `words` from character-offset entities.

    An entity covers every word it overlaps; when an edge falls inside a word the
    span is widened to that word and counted in the returned number. Entities that
    overlap no word (or a word already taken) are counted too.
    """
    tags = [OUTSIDE] * len(words)
    misaligned = 0
    for ent in entities:
        covered = [i for i, w in enumerate(words) if w.start < ent.end and w.end > ent.start]
        if not covered:
            continue
        first, last = covered[0], covered[-1]
        if words[first].start != ent.start or words[last].end != ent.end:
            misaligned += 1
        if any(tags[i] != OUTSIDE for i in covered):
            continue
        tags[first] = f"B-{ent.label}"
        for i in covered[1:]:
            tags[i] = f"I-{ent.label}"
    return tags, misaligned


def tags_to_spans(
    words: Sequence[Word], tags: Sequence[str], scores: Sequence[float] | None = None
) -> list[tuple[int, int, str, float]]:
    """Character spans `(start, end, label, score)` from IOB2 word tags.

    An `I-X` that does not continue an `X` span starts a new one (the usual
    lenient repair of model output); a span's score is the mean of its words'.
    """
    spans: list[tuple[int, int, str, float]] = []
    label: str | None = None
    begin = 0
    for i, tag in enumerate(list(tags) + [OUTSIDE]):
        prefix, _, tag_label = tag.partition("-")
        if label is not None and (prefix != "I" or tag_label != label):
            span_scores = scores[begin:i] if scores is not None else [1.0]
            spans.append((words[begin].start, words[i - 1].end, label,
                          sum(span_scores) / len(span_scores)))
            label = None
        if prefix in ("B", "I") and label is None:
            label, begin = tag_label, i
    return spans


def warn_misaligned(count: int, total: int) -> None:
    """Say how many gold spans were widened to word boundaries."""
    if count:
        warnings.warn(
            f"{count} of {total} annotated spans do not start or end on a word boundary of "
            "the segmenter; they were widened to whole words",
            MisalignedSpanWarning,
            stacklevel=3,
        )
