"""The rules-and-gazetteer baseline: what a user would otherwise write by hand.

Regular expressions for DATE and METRIC, the district gazetteer after a unit
word (or a capitalized bare name), and honorific/title patterns for OFFICIAL.
It runs on each sentence's words joined by spaces; matches are snapped to
whole words. It needs no training; `save` writes only its manifest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import lexicon
from ..gazetteer import districts
from .base import Prediction, write_manifest

_NUM = r"\d+(?:[.,]\d+)*"
_UNITS = "|".join(sorted((re.escape(u) for u in lexicon.METRIC_UNITS if u not in ("thứ",)),
                         key=len, reverse=True))
_QUAL = "|".join(sorted(lexicon.QUALIFIERS, key=len, reverse=True))
_EDGE = r"(?:(?:[Đđ]ầu|[Gg]iữa|[Cc]uối)\s+)?"
_DATE = re.compile(
    r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+)?(?:[Nn]gày\s+)?\d{1,2}:\d\d\s+\d{1,2}/\d{1,2}/\d{4}"
    r"|(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+)?(?:[Nn]gày\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
    r"|(?:[Gg]iai đoạn|[Nn]hiệm kỳ)\s+\d{4}\s*[-–]\s*\d{4}"
    r"|\d+ tháng (?:đầu |cuối )?năm(?: \d{4})?"
    rf"|{_EDGE}(?:[Qq]uý|[Tt]háng)\s+(?:[IVX]+|\d{{1,2}})(?:[/ ](?:năm )?\d{{4}})?"
    rf"|{_EDGE}[Nn]ăm\s+(?:\d{{4}}|nay|qua|trước)"
    r"|(?:[Đđ]ầu|[Cc]uối) năm"
    r"|\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b"
)
_METRIC = re.compile(
    rf"(?:(?:{_QUAL})\s+)?(?:{_NUM}(?:/{_NUM})?\s*%"
    rf"|[Tt]hứ\s+(?:\d+(?:/\d+)?|nhất|nhì|ba|tư)"
    rf"|{_NUM}(?:/{_NUM})?\s+(?:{_UNITS})\b)"
)
_NAME = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,.;:()\-–]*(?:\s+[A-ZĐ][^\s,.;:()\-–]*){1,3}"
_OFFICIAL = re.compile(
    rf"(?:\b(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|đ/c|Đ/c)\s+)({_NAME})"
    rf"|({_NAME})\s*[-–,]\s*(?:Phó |Chủ tịch|Bí thư|Trưởng|Giám đốc|Chánh|PCT|PBT|UVBTV|TUV)"
)
_UNIT = r"(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|TP\.?|Tp\.|H\.|Q\.|TX\.?)\s*"
_NOT_DISTRICT_BEFORE = re.compile(r"(?:tỉnh|xã|phường|thị trấn|Tỉnh|Xã|Phường|Thị trấn)\s+$")


class RulesTagger:
    """Regex and gazetteer tagger with the `Tagger` interface."""

    kind = "rules"
    tokenization = "syllables"

    def __init__(self) -> None:
        names = sorted({d.name for d in districts()}, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names)
        self._district = re.compile(rf"(?:{_UNIT})?(?<!\w)(?:{alternatives})(?!\w)")

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        found = [(m.start(), m.end(), "DATE") for m in _DATE.finditer(text)]
        found += [(m.start(), m.end(), "METRIC") for m in _METRIC.finditer(text)]
        for m in _OFFICIAL.finditer(text):
            group = 1 if m.group(1) else 2
            found.append((m.start(group), m.end(group), "OFFICIAL"))
        for m in self._district.finditer(text):
            if not _NOT_DISTRICT_BEFORE.search(text[: m.start()]):
                found.append((m.start(), m.end(), "DISTRICT"))
        return found

    def predict(self, sentences: Sequence[Sequence[str]]) -> list[Prediction]:
        out = []
        for words in sentences:
            surfaces = [w.replace("_", " ") for w in words]
            starts, pos = [], 0
            for s in surfaces:
                starts.append(pos)
                pos += len(s) + 1
            tags = ["O"] * len(words)
            # Longest spans first; a word keeps the first label it gets.
            for start, end, label in sorted(self._spans(" ".join(surfaces)),
                                            key=lambda x: x[0] - x[1]):
                covered = [i for i, s in enumerate(starts)
                           if s < end and s + len(surfaces[i]) > start]
                if covered and all(tags[i] == "O" for i in covered):
                    tags[covered[0]] = f"B-{label}"
                    for i in covered[1:]:
                        tags[i] = f"I-{label}"
            out.append([(t, 1.0) for t in tags])
        return out

    def save(self, path: str | Path, **info: Any) -> None:
        write_manifest(path, self.kind, **info)
