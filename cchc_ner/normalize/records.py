"""A page's facts as table rows: one row per METRIC, with the district, the date
and the indicator it is about.

The district is the nearest DISTRICT before the metric in its sentence, else the
page's most mentioned resolved district; the date is the last DATE before it in
its sentence, else the first after it there, else the last before it on the page
(dates a figure is compared with, `so với năm 2022`, are passed over); the indicator is the phrase
that names what is measured (`Chỉ số PAR INDEX`, `tỷ lệ hồ sơ trực tuyến`),
read back from the metric to a keyword such as `Chỉ số` or `tỷ lệ`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..schema import Document
from ..text import normalize as normalize_text
from ..text import split_sentences

_INDICATOR = re.compile(
    r"(?:chỉ số|tỷ lệ|tỉ lệ|mức độ hài lòng|điểm số|tổng điểm|kết quả|số hồ sơ|số lượng|"
    r"par[\s-]?index|sipas|ddci|pci)\b", re.IGNORECASE)
_INDICATOR_END = re.compile(
    r"\s+(?:của|đạt|là|xếp|tăng|giảm|chiếm|với|được|đứng|ở mức|có|trong|tại|năm|so)\b.*$",
    re.IGNORECASE | re.S)

COLUMNS = ("district", "district_code", "province", "date", "date_text", "indicator",
           "metric_text", "value", "unit", "kind", "denominator", "qualifier", "start", "end")


def _indicator(sentence: str) -> str | None:
    starts = [m.start() for m in _INDICATOR.finditer(sentence)]
    if not starts:
        return None
    phrase = _INDICATOR_END.sub("", sentence[starts[-1]:])
    phrase = phrase.strip(" ,;:-–")
    return phrase or None


def _baseline(text: str, date) -> bool:
    """A date a figure is compared with (`so với năm 2022`), not the figure's own."""
    return bool(re.search(r"(so với|so cùng kỳ|so)\s*$", text[max(0, date.start - 12):date.start]))


def records(doc: Document) -> list[dict[str, Any]]:
    """Rows (dicts with `COLUMNS`) for the document's METRIC entities, in order."""
    norm = normalize_text(doc.text)
    sentences = [norm.raw_span(s, e) for s, e in split_sentences(norm.text)]
    resolved = [e for e in doc.entities if e.label == "DISTRICT"
                and e.normalized and e.normalized.get("code")]
    main = Counter(e.normalized["code"] for e in resolved).most_common(1)
    main_district = next((e for e in resolved if main and e.normalized["code"] == main[0][0]),
                         None)
    rows = []
    for ent in doc.entities:
        if ent.label != "METRIC":
            continue
        s_start, s_end = next(((s, e) for s, e in sentences if s <= ent.start < e),
                              (ent.start, ent.end))
        in_sentence = [e for e in doc.entities if s_start <= e.start < s_end]
        district = next((e for e in reversed(in_sentence)
                         if e.label == "DISTRICT" and e.start < ent.start), main_district)
        dates = [e for e in in_sentence if e.label == "DATE"]
        before = [e for e in dates if e.end <= ent.start and not _baseline(doc.text, e)]
        date = (before[-1] if before else dates[0] if dates else
                next((e for e in reversed(doc.entities) if e.label == "DATE"
                      and e.end <= ent.start and not _baseline(doc.text, e)), None))
        value = ent.normalized or {}
        district_value = (district.normalized or {}) if district else {}
        rows.append({
            "district": district_value.get("name") or (district.text if district else None),
            "district_code": district_value.get("code"),
            "province": district_value.get("province"),
            "date": (date.normalized or {}).get("value") if date else None,
            "date_text": date.text if date else None,
            "indicator": _indicator(doc.text[s_start:ent.start]),
            "metric_text": ent.text, "value": value.get("value"), "unit": value.get("unit"),
            "kind": value.get("kind"), "denominator": value.get("denominator"),
            "qualifier": value.get("qualifier"), "start": ent.start, "end": ent.end,
        })
    return rows
