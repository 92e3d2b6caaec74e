"""METRIC mentions -> numbers with unit, kind, denominator and qualifier.

Vietnamese number formats: `.` groups thousands and `,` marks decimals
(`60.000` = 60000, `81,40` = 81.4). The other style also occurs: a single `.`
followed by one or two digits is a decimal point (`86.45%` = 86.45, `2.5 lần`),
followed by three digits it groups thousands (`1.250 hồ sơ` = 1250). Money is
normalized to VND (`12,5 tỷ đồng` = 12500000000).
"""

from __future__ import annotations

import re
from typing import Any

from ..gazetteer import fold
from ..lexicon import NUMBER_WORDS

_QUALIFIERS = [  # longest first
    ("khoảng trên", ">"), ("chưa đến", "<"), ("chưa tới", "<"), ("không quá", "<="),
    ("ít nhất", ">="), ("tối thiểu", ">="), ("tối đa", "<="), ("xấp xỉ", "~"),
    ("trên", ">"), ("hơn", ">"), ("vượt", ">"), ("dưới", "<"), ("gần", "~"),
    ("khoảng", "~"), ("hàng", "~"), ("vài", "~"), ("mấy", "~"),
]
_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_DURATION = {"ngày", "ngày làm việc", "tháng", "năm", "giờ", "phút", "tuần", "quý"}
_QUANTITY = {"m2", "m", "km", "ha", "m3", "tấn", "kg", "lần", "tuổi", "cm"}
_NUMBER = r"\d+(?:[.,]\d+)*"


def parse_number(token: str) -> float | None:
    """A Vietnamese-formatted number (see the module docstring), or None."""
    if not re.fullmatch(_NUMBER, token):
        return None
    if "," in token:  # comma decimal; dots group thousands
        whole, _, frac = token.rpartition(",")
        if "," in whole:
            return float(token.replace(",", "").replace(".", "")) if all(
                len(g) == 3 for g in token.split(",")[1:]) else None
        return float(whole.replace(".", "") + "." + frac)
    groups = token.split(".")
    if len(groups) == 2 and len(groups[1]) in (1, 2):
        return float(token)
    if all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return None


def parse_number_words(words: list[str]) -> tuple[float | None, int]:
    """Value of leading Vietnamese number words (`hai mươi lăm` = 25) and how many
    words it used."""
    total, current, used = 0.0, 0.0, 0
    for w in words:
        if w == "lăm" and used:
            current += 5
        elif w == "mốt" and used:
            current += 1
        elif w in ("mươi", "mười") and w in NUMBER_WORDS:
            current = (current or 1) * 10 if w == "mươi" else current + 10
        elif w in ("trăm",):
            current = (current or 1) * 100
        elif w in ("nghìn", "ngàn") and used:
            total += (current or 1) * 1000
            current = 0
        elif w in NUMBER_WORDS and w not in ("trăm", "nghìn", "ngàn", "rưỡi"):
            current += NUMBER_WORDS[w]
        else:
            break
        used += 1
    return (total + current, used) if used else (None, 0)


def _kind(unit: str | None, rank: bool, money: bool) -> str:
    if rank:
        return "rank"
    if money:
        return "money"
    if unit in ("%", "phần trăm"):
        return "percent"
    if unit == "điểm":
        return "score"
    if unit in _DURATION:
        return "duration"
    if unit and unit.replace(" ", "") in _QUANTITY:
        return "quantity"
    return "count"


def normalize_metric(mention: str) -> dict[str, Any]:
    """Read one METRIC mention: `{"value", "denominator", "unit", "kind", "qualifier"}`."""
    text = " ".join(mention.split())
    low = fold(text)
    qualifier = None
    for word, sign in _QUALIFIERS:
        if low.startswith(word + " "):
            qualifier, text, low = sign, text[len(word) + 1 :], low[len(word) + 1 :]
            if word in ("hàng", "vài", "mấy"):  # hàng chục, vài trăm: an order of magnitude
                if not re.match(r"(chục|trăm|nghìn|ngàn|triệu|tỷ)\b", low):
                    return {"value": None, "denominator": None, "unit": None, "kind": None,
                            "qualifier": sign}
                text, low = "một " + text, "một " + low
            break
    prefix = re.match(r"(?:thứ|vị trí(?: thứ)?|hạng|xếp hạng|tốp|top)\s*", low)
    rank = prefix is not None
    if prefix:
        text, low = text[prefix.end():], low[prefix.end():]
    m = re.match(rf"({_NUMBER})\s*(?:/\s*({_NUMBER}))?\s*(.*)$", text)
    if m:
        value = parse_number(m.group(1))
        denominator = parse_number(m.group(2)) if m.group(2) else None
        rest = m.group(3)
    elif re.match(r"một (số|vài|ít)\b", low):  # "some", "a few": no number
        value, denominator, rest = None, None, text
    else:
        words = low.split()
        value, used = parse_number_words(words)
        if value is None and rank and words[:1] == ["nhất"]:
            value, used = 1.0, 1
        denominator = None
        rest = " ".join(text.split()[used:])
    if value is None:
        return {"value": None, "denominator": None, "unit": None, "kind": None,
                "qualifier": qualifier}
    if qualifier == "~" and re.match(r"(chục|trăm|nghìn|ngàn)\b", fold(rest)):
        head, _, rest = rest.partition(" ")
        value *= {"chục": 10, "trăm": 100}.get(fold(head), 1000)
    # "1.735 hồ sơ/2.554 hồ sơ": a denominator after the unit
    m = re.match(rf"(.*?)\s*/\s*({_NUMBER})(?:\s+(.*))?$", rest)
    if m and denominator is None and (not m.group(3) or fold(m.group(3)) == fold(m.group(1))):
        denominator, rest = parse_number(m.group(2)), m.group(1)
    rest_low = fold(rest)
    money = False
    scale = next((s for s in _SCALE if re.match(rf"{s}\b", rest_low)), None)
    if scale and re.search(r"\bđồng\b|vnđ|vnd", rest_low) or rest_low in ("tỷ", "tỉ"):
        value *= _SCALE[scale] if scale else 1
        money, unit = True, "VND"
    elif re.fullmatch(r"(đồng|vnđ|vnd)", rest_low):
        money, unit = True, "VND"
    elif rest.startswith("%") or rest_low.startswith("phần trăm"):
        unit = "%"
    else:
        unit = rest.strip() or None
    return {"value": int(value) if float(value).is_integer() else round(value, 6),
            "denominator": (int(denominator) if denominator is not None
                            and float(denominator).is_integer() else denominator),
            "unit": unit, "kind": _kind(unit, rank, money), "qualifier": qualifier}
