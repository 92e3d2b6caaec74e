"""Word features for the CRF tagger: shape, affixes, syllables, number and date
patterns, word lists (`lexicon`) and gazetteer matches, in a +-2 word window.

Gazetteer names (districts, provinces) are matched over the syllable stream, so
a name the segmenter split (`Mỏ_Cày Nam`) still matches; the names are stored
with each trained model, which stays self-contained.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .gazetteer import fold

_PATTERNS = {
    "num": re.compile(r"^\d+(?:[.,]\d+)*$"),
    "pct": re.compile(r"^\d+(?:[.,]\d+)?%$"),
    "frac": re.compile(r"^\d+(?:[.,]\d+)?/\d+(?:[.,]\d+)?$"),
    "daymonth": re.compile(r"^\d{1,2}[/.-]\d{1,2}$"),
    "fulldate": re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$"),
    "monthyear": re.compile(r"^\d{1,2}/\d{4}$"),
    "year": re.compile(r"^(?:19|20)\d\d$"),
    "yearrange": re.compile(r"^(?:19|20)\d\d-(?:19|20)\d\d$"),
    "time": re.compile(r"^\d{1,2}(?::\d\d|h\d{0,2})$"),
    "roman": re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?:/\d{4})?$"),
    "docnum": re.compile(r"^\d+/[A-ZĐa-zđ0-9/-]*[A-ZĐ]"),
}


@lru_cache(maxsize=100_000)
def _shape(form: str) -> str:
    """`Thạch_Hà` -> `Xx_Xx`, `81,40%` -> `dd,dd%`: classes, runs cut to two."""
    chars = ("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
             for c in form)
    return re.sub(r"(.)\1+", r"\1\1", "".join(chars))


@dataclass
class Gazetteer:
    """Multi-syllable names to match: `kind -> set of folded names`."""

    names: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Gazetteer:
        from .gazetteer import districts, provinces

        return cls({
            "district": {fold(d.name) for d in districts()},
            "province": {fold(p) for p in provinces()} | {"hồ chí minh", "tp hcm", "tp.hcm"},
        })

    def to_dict(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in self.names.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Iterable[str]]) -> Gazetteer:
        return cls({k: set(v) for k, v in data.items()})

    def _starts(self) -> dict[str, dict[str, list[int]]]:
        """Per kind: first syllable -> the syllable counts of names starting with it."""
        if not hasattr(self, "_start_index"):
            index: dict[str, dict[str, set[int]]] = {}
            for kind, names in self.names.items():
                for name in names:
                    syllables = name.split()
                    index.setdefault(kind, {}).setdefault(syllables[0], set()).add(len(syllables))
            self._start_index = {k: {s: sorted(n, reverse=True) for s, n in v.items()}
                                 for k, v in index.items()}
        return self._start_index

    def match(self, words: Sequence[str]) -> list[dict[str, str]]:
        """Per word: `{kind: "B"|"I"}` for the longest names found in the syllables."""
        syllables, owner = [], []
        for i, form in enumerate(words):
            for syl in form.split("_"):
                syllables.append(fold(syl))
                owner.append(i)
        marks: list[dict[str, str]] = [{} for _ in words]
        for kind, starts in self._starts().items():
            names = self.names[kind]
            i = 0
            while i < len(syllables):
                for n in starts.get(syllables[i], ()):
                    if i + n <= len(syllables) and " ".join(syllables[i : i + n]) in names:
                        first = owner[i]
                        for w in sorted(set(owner[i : i + n])):
                            marks[w].setdefault(kind, "B" if w == first else "I")
                        i += n - 1
                        break
                i += 1
        return marks


def _lexicon_flags(low: str) -> list[str]:
    flags = []
    for name, words in (("unit", lexicon.UNIT_WORDS), ("lowunit", lexicon.LOWER_UNIT_WORDS),
                        ("title", lexicon.TITLES), ("honor", lexicon.HONORIFICS),
                        ("date", lexicon.DATE_WORDS), ("munit", lexicon.METRIC_UNITS),
                        ("qual", lexicon.QUALIFIERS), ("numword", lexicon.NUMBER_WORDS)):
        if low in words:
            flags.append(name)
    return flags


@lru_cache(maxsize=200_000)
def _word_features(form: str) -> dict[str, float | str]:
    """Features of one word alone (cached: treat the result as read-only)."""
    text = form.replace("_", " ")
    low = fold(text)
    syllables = low.split()
    feats: dict[str, float | str] = {
        "low": low,
        "shape": _shape(form),
        "first": syllables[0] if syllables else "",
        "last": syllables[-1] if syllables else "",
        "nsyl": str(min(len(syllables), 4)),
        "suf3": low[-3:],
        "pre3": low[:3],
    }
    if text[:1].isupper():
        feats["title"] = 1.0
    if all(s[:1].isupper() for s in text.split()):
        feats["allcap1"] = 1.0
    if text.isupper():
        feats["upper"] = 1.0
    if any(ch.isdigit() for ch in text):
        feats["digit"] = 1.0
    for name, pattern in _PATTERNS.items():
        if pattern.match(text):
            feats[f"pat_{name}"] = 1.0
    for flag in _lexicon_flags(low):
        feats[f"lex_{flag}"] = 1.0
    if syllables and syllables[0] in lexicon.SURNAMES and text[:1].isupper():
        feats["surname"] = 1.0
    return feats


_NEAR_KEYS = ("low", "shape", "title", "allcap1", "digit", "surname")
_FAR_KEYS = ("low", "shape")
_WINDOW = (-2, -1, 1, 2)


@lru_cache(maxsize=400_000)
def _context_features(form: str, offset: int) -> dict[str, float | str]:
    """The features a word lends to the word `offset` positions away (cached)."""
    feats = _word_features(form)
    keys = _NEAR_KEYS if abs(offset) == 1 else _FAR_KEYS
    return {f"{offset}:{k}": v for k, v in feats.items()
            if k in keys or k.startswith("lex_") or (abs(offset) == 1 and k.startswith("pat_"))}


def sentence_features(words: Sequence[str], gazetteer: Gazetteer) -> list[dict[str, float | str]]:
    """CRF features of each word of a sentence (word forms, `_`-joined)."""
    marks = gazetteer.match(words)
    lows = [_word_features(w)["low"] for w in words]
    out = []
    for i, form in enumerate(words):
        item: dict[str, float | str] = dict(_word_features(form))
        for kind, pos in marks[i].items():
            item[f"gaz_{kind}"] = pos
        for offset in _WINDOW:
            j = i + offset
            if not 0 <= j < len(words):
                item[f"{offset}:edge"] = 1.0
                continue
            item.update(_context_features(words[j], offset))
            for kind, pos in marks[j].items():
                item[f"{offset}:gaz_{kind}"] = pos
        if i > 0:
            item["-1:low|low"] = f"{lows[i - 1]}|{lows[i]}"
        if i + 1 < len(words):
            item["low|+1:low"] = f"{lows[i]}|{lows[i + 1]}"
        out.append(item)
    return out
