"""DATE mentions -> ISO 8601 values with the days they cover.

`normalize_date(text, reference)` returns `{"value", "start", "end", "granularity",
"year_source", "modifier"}`; `value` is None when the mention cannot be read.
Values: `2023-03-09` (day), `2023-03-09T08:47` (time), `2021-11` (month),
`2023-Q1` (quarter), `2022` (year), `2021/2025` or `2023-01/2023-06` (period).
A mention without a year takes it from the reference date, and relative mentions
(`năm qua`, `tháng trước`) resolve against it; `year_source` says where the year
came from: "explicit" (the mention), or the reference's source — "given" (the
caller's), "page" (a time stamp on the page), "meta" (document metadata), "text"
(the latest year written in the page).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..gazetteer import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_EDGES = {"đầu": "đầu", "giữa": "giữa", "cuối": "cuối"}
_YEAR = r"(?:19|20)\d\d"


@dataclass(frozen=True)
class Reference:
    """The date relative mentions resolve against, and where it came from."""

    day: date
    source: str  # "page", "meta", "text" or "given"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _result(value: str | None, start: date | None = None, end: date | None = None,
            granularity: str | None = None, year_source: str | None = None,
            modifier: str | None = None) -> dict[str, Any]:
    return {"value": value, "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None, "granularity": granularity,
            "year_source": year_source, "modifier": modifier}


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def _day(d: int, m: int, y: int, src: str, modifier: str | None, time: str | None = None):
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    value = day.isoformat() + (f"T{time}" if time else "")
    return _result(value, day, day, "time" if time else "day", src, modifier)


def _month(m: int, y: int, src: str, modifier: str | None):
    if not 1 <= m <= 12:
        return None
    return _result(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, _last_day(y, m)), "month",
                   src, modifier)


def _year_value(y: int, src: str, modifier: str | None):
    return _result(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year", src, modifier)


def _months_span(first: int, last: int, y: int, src: str, modifier: str | None):
    return _result(f"{y:04d}-{first:02d}/{y:04d}-{last:02d}", date(y, first, 1),
                   date(y, last, _last_day(y, last)), "period", src, modifier)


def normalize_date(mention: str, reference: Reference | None) -> dict[str, Any]:
    """Read one DATE mention (see the module docstring)."""
    text = fold(mention)
    edge = next((v for k, v in _EDGES.items() if re.search(rf"(?<!\w){k}(?!\w)", text)), None)
    ref_year = reference.day.year if reference else None
    ref_src = reference.source if reference else None

    def year_or_ref(y: str | None) -> tuple[int | None, str | None]:
        return (_year(y), "explicit") if y else (ref_year, ref_src)

    # Periods of years: giai đoạn 2021 - 2025, nhiệm kỳ 2020-2025, 2021-2025
    m = re.search(rf"({_YEAR})\s*[-–—/]\s*({_YEAR})", text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return _result(f"{a}/{b}", date(a, 1, 1), date(b, 12, 31), "period", "explicit", edge)
    # Time + full date: 08:47 29/11/2021, 29/11/2021 16:40, lúc 9h30 ngày 3/4/2023
    time_match = re.search(r"(?<!\d)(\d{1,2})\s*(?::|h)\s*(\d{2})?(?![\d/])", text)
    m = re.search(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?![\d/])",
                  text)
    if m and not re.search(r"quý", text):
        y, src = year_or_ref(m.group(3))
        if y is None:
            return _result(None)
        time = None
        if time_match and time_match.start() != m.start():
            hh, mm = int(time_match.group(1)), int(time_match.group(2) or 0)
            time = f"{hh:02d}:{mm:02d}" if hh < 24 and mm < 60 else None
        return _day(int(m.group(1)), int(m.group(2)), y, src, edge, time) or _result(None)
    # Quarters: quý I/2023, quý IV năm 2022, quý 2
    m = re.search(rf"quý\s+(iv|iii|ii|i|[1-4])(?:\s*(?:/|năm)\s*({_YEAR}))?", text)
    if m:
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        y, src = year_or_ref(m.group(2))
        if y is None:
            return _result(None)
        first = 3 * (q - 1) + 1
        return _result(f"{y}-Q{q}", date(y, first, 1),
                       date(y, first + 2, _last_day(y, first + 2)), "quarter", src, edge)
    if "quý" in text:  # a quarter we cannot read (quý V): no guess
        return _result(None)
    # Halves and running totals: 6 tháng đầu năm 2023, 9 tháng năm 2023, 6 tháng cuối năm
    m = re.search(rf"(\d{{1,2}}) tháng (đầu |cuối )?năm(?: ({_YEAR}))?", text)
    if m:
        n = int(m.group(1))
        y, src = year_or_ref(m.group(3))
        if y is None or not 1 <= n <= 12:
            return _result(None)
        if m.group(2) == "cuối ":
            return _months_span(13 - n, 12, y, src, None)
        return _months_span(1, n, y, src, None)
    # Month: tháng 11, tháng 11/2021, tháng 11 năm 2022, tháng 3-2023
    m = re.search(rf"tháng\s+(\d{{1,2}})(?:\s*(?:/|-|năm)\s*({_YEAR}))?", text)
    if m:
        y, src = year_or_ref(m.group(2))
        if y is None:
            return _result(None)
        return _month(int(m.group(1)), y, src, edge) or _result(None)
    # Explicit year: năm 2022, 2021, đầu năm 2023, (SN 1990)
    m = re.search(rf"(?<!\d)({_YEAR})(?!\d)", text)
    if m:
        return _year_value(int(m.group(1)), "explicit", edge)
    return _relative(text, reference, edge)


def _relative(text: str, reference: Reference | None, edge: str | None) -> dict[str, Any]:
    """`năm nay`, `năm qua`, `năm trước`, `tháng trước`, `đầu năm`, `cùng kỳ năm trước`."""
    if reference is None:
        return _result(None)
    ref = reference.day
    if re.search(r"tháng (trước|qua)", text):
        y, m = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
        return _month(m, y, reference.source, edge)
    if re.search(r"tháng (này|nay)", text):
        return _month(ref.month, ref.year, reference.source, edge)
    if re.search(r"năm (trước|ngoái)|cùng kỳ", text):
        return _year_value(ref.year - 1, reference.source, edge)
    if re.search(r"năm tới|năm sau", text):
        return _year_value(ref.year + 1, reference.source, edge)
    if re.search(r"năm qua", text):
        # A review of "the past year" published in its first quarter looks back
        # at the previous calendar year; later in the year it means this year.
        return _year_value(ref.year - 1 if ref.month <= 3 else ref.year, reference.source, edge)
    if re.search(r"năm (nay|này)|(đầu|giữa|cuối) năm$", text):
        return _year_value(ref.year, reference.source, edge)
    return _result(None)


_STAMP = re.compile(
    r"(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|thời gian|ngày|published)?\s*:?\s*"
    r"(?:thứ [^\s,]+,?\s*)?(?:(\d{1,2}):(\d{2})\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})",
    re.IGNORECASE)


def find_reference(text: str, meta: dict[str, Any] | None = None) -> Reference | None:
    """The page's own date: a time stamp or dated line in its first or last lines;
    else `meta["date"]` (ISO); else 1 July of the latest explicit year in the text."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:6] + lines[-6:][::-1]:
        if len(line) > 80:
            continue
        m = _STAMP.search(line)
        if m:
            try:
                return Reference(date(int(m.group(5)), int(m.group(4)), int(m.group(3))), "page")
            except ValueError:
                continue
    if meta and isinstance(meta.get("date"), str):
        try:
            return Reference(date.fromisoformat(meta["date"][:10]), "meta")
        except ValueError:
            pass
    years = [int(y) for y in re.findall(rf"(?<![\d/])({_YEAR})(?![\d/])", text)]
    if years:
        return Reference(date(max(years), 7, 1), "text")
    return None
