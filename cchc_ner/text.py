"""Vietnamese text layer: normalization with a map back to raw offsets,
sentence splitting and word segmentation into `Word` spans.

Segmenter: underthesea's `word_tokenize` (CRF), chosen by measurement (see
`../shared/spec/field-notes.md`; `benchmarks/text_speed.py` measures ours): it keeps
`81,40`, `8/10`, `9/3`, `PAR-INDEX` and dates whole, joins names
(`Nguyễn Văn Khoa`) and runs at ~870 sentences/s with its own token
normalization turned off (on, it rewrites `uỷ` to `ủy` and breaks offsets).
pyvi is 3x faster but splits `8 / 10` and `PAR - INDEX` and pulls in
scikit-learn; VnCoreNLP's RDRSegmenter (PhoBERT's own) needs a JDK.

Training and inference both call `segment()`, so they segment identically.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Characters replaced by a space before segmentation (one for one, offsets kept):
# control/format/unassigned/private/surrogate code points, symbols such as emoji,
# every Unicode space (NBSP, zero-width ...), and the page-furniture bar "|".
_BLANK_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "So", "Zs", "Zl", "Zp"}
# Old-style tone placement on a final oa/oe/uy ("hoà", "Uỷ") moved to the
# first vowel ("hòa", "Ủy"), the form most frequent in news; never after q ("quý").
_TONED_AEY = "".join(
    unicodedata.normalize("NFC", base + tone) for base in "aAeEyY" for tone in _TONES
)
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([" + _TONED_AEY + r"])(?![^\W\d_])")
# A sentence ends at ., !, ?, … followed by space and an upper-case letter, digit
# or quote, unless the word before the dot is an abbreviation or an initial.
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(\[]?[^\W_a-zđ])")
_ABBREVIATIONS = {
    "tp", "h", "q", "tx", "p", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "nxb", "tt",
    "đ/c", "đc", "ubnd", "st", "no", "nt", "v.v", "tr", "ck", "th",
}


@dataclass(frozen=True)
class Word:
    """One segmented word: raw character offsets and the model's form (`Thạch_Hà`)."""

    start: int
    end: int
    form: str


@dataclass(frozen=True)
class NormalizedText:
    """`text` is the normalized string; `starts[i]`/`ends[i]` give the raw span
    behind normalized character `i`."""

    text: str
    starts: list[int]
    ends: list[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of normalized characters `[start, end)`."""
        return self.starts[start], self.ends[end - 1]


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=4096)
def _normal_char(ch: str) -> str:
    """One NFC character's normalized form: line breaks -> "\\n", blanks -> " "."""
    if ch in _LINE_BREAKS:
        return "\n"
    if ch == "|" or ch.isspace() or unicodedata.category(ch) in _BLANK_CATEGORIES:
        return " "
    return ch


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1), unicodedata.normalize("NFD", match.group(2))
    tone = second[-1]
    return (unicodedata.normalize("NFC", first + tone)
            + unicodedata.normalize("NFC", second[:-1]))


def normalize(raw: str) -> NormalizedText:
    """NFC, line breaks as "\\n", blanks for other spaces/symbols/controls, modern
    tone placement. Every raw character is covered by exactly one normalized
    character's span."""
    if not _COMBINING.search(raw):  # fast path: one character for one
        text = "".join(map(_normal_char, raw))
        starts = list(range(len(raw)))
        ends = list(range(1, len(raw) + 1))
    else:
        chars: list[str] = []
        starts, ends = [], []
        i, n = 0, len(raw)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(raw[j]):
                j += 1
            composed = unicodedata.normalize("NFC", raw[i:j])
            for ch in composed if len(composed) > 1 else [composed]:
                chars.append(_normal_char(ch) if len(ch) == 1 else ch)
                starts.append(i)
                ends.append(j)
            i = j
        text = "".join(chars)
    return NormalizedText(_OLD_TONE.sub(_move_tone, text), starts, ends)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a (normalized) page: split at line breaks and at sentence
    punctuation; blank stretches are dropped, no other character is."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for boundary in _SENT_END.finditer(line.group()):
            before = line.group()[: boundary.start()].rstrip("\"”’)")
            last = before.rsplit(None, 1)[-1].rstrip(".!?…").lower() if before.strip() else ""
            if before.endswith(".") and (last in _ABBREVIATIONS or len(last) == 1):
                continue
            spans.append((start, line.start() + boundary.start()))
            start = line.start() + boundary.end()
        spans.append((start, line.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@lru_cache(maxsize=1)
def _tokenizer():
    from underthesea import word_tokenize

    return word_tokenize


def segment_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans (normalized offsets) of `text[start:end]`, by underthesea.

    Each returned word's syllables are matched forward through the text, so a
    word's span covers exactly its characters; anything the segmenter drops or
    changes falls back to whitespace tokens.
    """
    words = _tokenizer()(text[start:end], use_token_normalize=False)
    spans: list[tuple[int, int]] = []
    pos = start
    for word in words:
        syllables = []
        for syllable in word.split():
            found = text.find(syllable, pos, end)
            if found < 0 or text[pos:found].strip():
                return _whitespace_words(text, start, end)
            pos = found + len(syllable)
            syllables.append((found, pos))
        spans.extend(_split_case_changes(text, syllables))
    if text[pos:end].strip():
        return _whitespace_words(text, start, end)
    return spans


def _case_class(ch: str) -> str:
    return "U" if ch.isupper() else "l" if ch.isalpha() else "d"


def _split_case_changes(text: str, syllables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a segmented word where capitalization changes between syllables
    (`Thạch Hà xếp` -> `Thạch Hà`, `xếp`): the segmenter's usual error at name
    edges. A capital first syllable before lower-case ones (`Huyện uỷ`) stays whole."""
    if not syllables:
        return []
    classes = [_case_class(text[s]) for s, _ in syllables]
    out, first = [], 0
    for k in range(1, len(syllables)):
        if classes[k] != classes[k - 1] and not (k == 1 and classes[:2] == ["U", "l"]):
            out.append((syllables[first][0], syllables[k - 1][1]))
            first = k
    out.append((syllables[first][0], syllables[-1][1]))
    return out


def _whitespace_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text[:end]) if m.start() >= start]


_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|\w+|\S")

TOKENIZATIONS = ("words", "syllables")
"""`words`: underthesea word segmentation (PhoBERT's input convention);
`syllables`: space-separated syllables with punctuation split off and numbers
such as `81,40`, `9/3`, `08:47` kept whole (fast, no segmenter errors)."""


def syllable_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans (normalized offsets) of `text[start:end]` for `syllables`."""
    return [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]


def segment(raw: str, tokenization: str = "words") -> list[list[Word]]:
    """Sentences of `Word`s for a raw page, offsets into `raw`."""
    if tokenization not in TOKENIZATIONS:
        raise ValueError(f"unknown tokenization {tokenization!r}; expected one of "
                         f"{', '.join(TOKENIZATIONS)}")
    split = segment_sentence if tokenization == "words" else syllable_tokens
    norm = normalize(raw)
    sentences = []
    for s_start, s_end in split_sentences(norm.text):
        words = []
        for w_start, w_end in split(norm.text, s_start, s_end):
            form = "_".join(norm.text[w_start:w_end].split())
            r_start, r_end = norm.raw_span(w_start, w_end)
            words.append(Word(r_start, r_end, form))
        if words:
            sentences.append(words)
    return sentences


def word_offsets(raw: str, tokenization: str = "words") -> list[tuple[int, int]]:
    """Raw offsets of every word of a page (for corpus checks)."""
    return [(w.start, w.end) for sent in segment(raw, tokenization) for w in sent]
