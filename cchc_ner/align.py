"""Word <-> subword alignment for PhoBERT-family tokenizers, and long-input windows.

PhoBERT's tokenizer is slow-only: no `word_ids()`, no offsets. Its BPE works
per whitespace word, so encoding each word alone gives the same ids as encoding
the sentence; we do that (with a cache) and keep the word of every subword.
Sentences longer than the model's window are cut into overlapping windows on
word boundaries; every word is *owned* by the one window where it sits farthest
from an edge, and only that window's prediction (and training label) counts, so
no word is lost or counted twice and no entity is cut by a window edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

IGNORE = -100
"""Label id ignored by the loss: special tokens, non-first subwords, words owned elsewhere."""


@dataclass(frozen=True)
class Window:
    """One model input: `input_ids` with special tokens; `word_index[k]` is the
    sentence word behind subword k (None for specials and non-first subwords of
    a word; also None for words this window does not own)."""

    sentence: int
    input_ids: list[int]
    word_index: list[int | None]


class WordPieceEncoder:
    """Encode words one at a time with a (slow or fast) HF tokenizer, cached."""

    def __init__(self, tokenizer, max_length: int | None = None) -> None:
        self.tokenizer = tokenizer
        limit = getattr(tokenizer, "model_max_length", 256) or 256
        self.max_length = min(max_length or 256, limit if limit < 10**6 else 256)
        if self.max_length < 8:
            raise ValueError(f"max_length must be at least 8 subwords, got {self.max_length}")
        self._cache: dict[str, list[int]] = {}
        self.unk_id = tokenizer.unk_token_id

    def word_ids(self, form: str) -> list[int]:
        """Subword ids of one word (never empty)."""
        ids = self._cache.get(form)
        if ids is None:
            ids = self.tokenizer.encode(form, add_special_tokens=False) or [self.unk_id]
            self._cache[form] = ids
        return ids

    def windows(self, sentence: int, forms: Sequence[str],
                stride: int | None = None) -> list[Window]:
        """Model inputs for one sentence of word forms (see the module docstring)."""
        budget = self.max_length - 2
        stride = budget // 4 if stride is None else stride
        if not 0 <= stride < budget:
            raise ValueError(f"stride must be in [0, {budget}), got {stride}")
        pieces = [self.word_ids(f)[:budget] for f in forms]
        spans = _window_spans([len(p) for p in pieces], budget, stride)
        owner = _owners(spans, [len(p) for p in pieces])
        tok = self.tokenizer
        out = []
        for w, (first, last) in enumerate(spans):
            ids, index = [tok.cls_token_id], [None]
            for i in range(first, last):
                ids.extend(pieces[i])
                index.append(i if owner[i] == w else None)
                index.extend([None] * (len(pieces[i]) - 1))
            ids.append(tok.sep_token_id)
            index.append(None)
            out.append(Window(sentence, ids, index))
        return out


def _window_spans(lengths: list[int], budget: int, stride: int) -> list[tuple[int, int]]:
    """Word ranges `[first, last)` of at most `budget` subwords, consecutive ones
    sharing about `stride` subwords of context."""
    if not lengths:
        return [(0, 0)]
    spans = []
    first = 0
    while True:
        last, used = first, 0
        while last < len(lengths) and used + lengths[last] <= budget:
            used += lengths[last]
            last += 1
        spans.append((first, last))
        if last == len(lengths):
            return spans
        back, shared = last, 0
        while back - 1 > first and shared + lengths[back - 1] <= stride:
            back -= 1
            shared += lengths[back]
        first = back


def _owners(spans: list[tuple[int, int]], lengths: list[int]) -> list[int]:
    """For each word, the window where it is farthest (in subwords) from an edge."""
    owner = [0] * len(lengths)
    best = [-1] * len(lengths)
    for w, (first, last) in enumerate(spans):
        offset, total = 0, sum(lengths[first:last])
        for i in range(first, last):
            margin = min(offset, total - offset - lengths[i])
            if margin > best[i]:
                best[i], owner[i] = margin, w
            offset += lengths[i]
    return owner


def window_labels(window: Window, tag_ids: Sequence[int]) -> list[int]:
    """Training labels for a window: the word's tag id at its first subword."""
    return [IGNORE if i is None else tag_ids[i] for i in window.word_index]
