"""OFFICIAL mentions -> the person's full name and every title the page gives them.

Titles are read next to each mention: the position phrase before the name
(`Phó Chủ tịch UBND huyện Lê Văn A`) and the phrases after a dash or comma
(`Lê Văn A - PBT Huyện ủy, Chủ tịch UBND huyện`), kept as written. Short
mentions (`ông Dũng`) are linked to the full name they end with (the nearest
one before them when several do), and titles merge across a person's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..gazetteer import fold
from ..lexicon import HONORIFICS

_TITLE_START = re.compile(
    r"^(?:nguyên |quyền |q\. )?(?:phó |p\.)?(?:chủ tịch|bí thư|giám đốc|trưởng|chánh|ủy viên|"
    r"uỷ viên|thường trực|chủ nhiệm|chuyên viên|cán bộ|công chức|viên chức|kế toán|văn thư|"
    r"thanh tra|tổ trưởng|đại biểu|chi cục trưởng|tổng giám đốc|thủ trưởng|phó|pct|pbt|ct|bt|"
    r"uvbtv|tuv|hủv|huv|đbqh|tv|ubv|uv|cb|cc)\b", re.IGNORECASE)
_STOP = re.compile(
    r"\s+(?:chủ trì|phát biểu|cho biết|nhấn mạnh|yêu cầu|đề nghị|khẳng định|đã|được|trao|"
    r"thông tin|báo cáo|tham dự|kết luận|và|cùng|làm|ký|chia sẻ|giải thích|trả lời)\b.*$",
    re.IGNORECASE | re.S)
_LEFT_STOP = re.compile(r"[,;:.!?()\[\]\n\"“”]")


def _clean(title: str) -> str | None:
    title = _STOP.sub("", " ".join(title.split())).strip(" -–—,;:")
    return title if title and _TITLE_START.match(fold(title)) else None


def _left_title(text: str, start: int) -> str | None:
    window = text[max(0, start - 120) : start]
    cut = max((m.end() for m in _LEFT_STOP.finditer(window)), default=0)
    left = window[cut:]
    left = re.split(r"\s[-–—]\s", left)[-1]
    words = left.split()
    while words and fold(words[0]) in HONORIFICS | {"đồng", "chí"}:
        words.pop(0)
    while words and fold(" ".join(words[-2:])) in HONORIFICS:
        words = words[:-2]
    while words and fold(words[-1]) in HONORIFICS:
        words.pop()
    return _clean(" ".join(words)) if words else None


def _right_titles(text: str, end: int) -> list[str]:
    m = re.match(r"\s*(?:[-–—]|,|\()\s*", text[end : end + 4])
    if not m:
        return []
    tail = re.split(r"[;.\n)]|\s[-–—]\s", text[end + m.end() : end + m.end() + 200])[0]
    titles = []
    for piece in tail.split(","):
        title = _clean(piece)
        if title is None:
            break
        titles.append(title)
        if _STOP.search(" " + " ".join(piece.split())):
            break
    return titles


def normalize_officials(text: str, spans: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    """`{"name", "titles"}` for each OFFICIAL span `(start, end)` of `text`, in order."""
    names = [" ".join(text[s:e].split()) for s, e in spans]
    full_of: list[str] = []
    for i, name in enumerate(names):
        if len(name.split()) >= 3 or (len(name.split()) == 2 and i == 0):
            full_of.append(name)
            continue
        last = fold(name.split()[-1]) if name.split() else ""
        earlier = [n for n in names[:i] if len(n.split()) > len(name.split())
                   and fold(n.split()[-1]) == last]
        later = [n for n in names[i + 1 :] if len(n.split()) > len(name.split())
                 and fold(n.split()[-1]) == last]
        full_of.append(earlier[-1] if earlier else later[0] if later else name)
    titles: dict[str, list[str]] = {}
    for (start, end), person in zip(spans, full_of):
        found = [t for t in [_left_title(text, start)] if t] + _right_titles(text, end)
        bucket = titles.setdefault(fold(person), [])
        for t in found:
            if fold(t) not in {fold(x) for x in bucket}:
                bucket.append(t)
    return [{"name": person, "titles": titles[fold(person)]} for person in full_of]
