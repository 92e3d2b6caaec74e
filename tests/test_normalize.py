"""Typed values for each label: table-driven, our own examples, failures give null."""

from datetime import date

import pytest

import cchc_ner
from cchc_ner.normalize import (
    Reference,
    find_reference,
    normalize,
    normalize_date,
    normalize_district,
    normalize_metric,
    normalize_officials,
    parse_number,
)

REF = Reference(date(2023, 5, 10), "given")


@pytest.mark.parametrize("mention, value, start, end, granularity, year_source", [
    ("ngày 9/3", "2023-03-09", "2023-03-09", "2023-03-09", "day", "given"),
    ("09/6", "2023-06-09", "2023-06-09", "2023-06-09", "day", "given"),
    ("Sáng ngày 14/4", "2023-04-14", "2023-04-14", "2023-04-14", "day", "given"),
    ("30/3/2021", "2021-03-30", "2021-03-30", "2021-03-30", "day", "explicit"),
    ("ngày 7.02.2023", "2023-02-07", "2023-02-07", "2023-02-07", "day", "explicit"),
    ("15-4-2023", "2023-04-15", "2023-04-15", "2023-04-15", "day", "explicit"),
    ("NGÀY 03/05/2022", "2022-05-03", "2022-05-03", "2022-05-03", "day", "explicit"),
    ("08:47 29/11/2021", "2021-11-29T08:47", "2021-11-29", "2021-11-29", "time", "explicit"),
    ("Thứ Sáu, 22/12/2023 16:40", "2023-12-22T16:40", "2023-12-22", "2023-12-22", "time",
     "explicit"),
    ("tháng 11", "2023-11", "2023-11-01", "2023-11-30", "month", "given"),
    ("tháng 2/2024", "2024-02", "2024-02-01", "2024-02-29", "month", "explicit"),
    ("tháng 11 năm 2022", "2022-11", "2022-11-01", "2022-11-30", "month", "explicit"),
    ("năm 2022", "2022", "2022-01-01", "2022-12-31", "year", "explicit"),
    ("2021", "2021", "2021-01-01", "2021-12-31", "year", "explicit"),
    ("quý I/2023", "2023-Q1", "2023-01-01", "2023-03-31", "quarter", "explicit"),
    ("QUÝ IV NĂM 2022", "2022-Q4", "2022-10-01", "2022-12-31", "quarter", "explicit"),
    ("quý 3", "2023-Q3", "2023-07-01", "2023-09-30", "quarter", "given"),
    ("6 tháng đầu năm 2023", "2023-01/2023-06", "2023-01-01", "2023-06-30", "period",
     "explicit"),
    ("9 tháng năm 2023", "2023-01/2023-09", "2023-01-01", "2023-09-30", "period", "explicit"),
    ("6 tháng cuối năm", "2023-07/2023-12", "2023-07-01", "2023-12-31", "period", "given"),
    ("giai đoạn 2021 - 2025", "2021/2025", "2021-01-01", "2025-12-31", "period", "explicit"),
    ("nhiệm kỳ 2020-2025", "2020/2025", "2020-01-01", "2025-12-31", "period", "explicit"),
    ("năm nay", "2023", "2023-01-01", "2023-12-31", "year", "given"),
    ("năm trước", "2022", "2022-01-01", "2022-12-31", "year", "given"),
    ("cùng kỳ năm trước", "2022", "2022-01-01", "2022-12-31", "year", "given"),
    ("năm qua", "2023", "2023-01-01", "2023-12-31", "year", "given"),
    ("tháng trước", "2023-04", "2023-04-01", "2023-04-30", "month", "given"),
    ("năm tới", "2024", "2024-01-01", "2024-12-31", "year", "given"),
])
def test_dates(mention, value, start, end, granularity, year_source):
    got = normalize_date(mention, REF)
    assert (got["value"], got["start"], got["end"], got["granularity"], got["year_source"]) == (
        value, start, end, granularity, year_source)


@pytest.mark.parametrize("mention, modifier", [
    ("đầu năm 2023", "đầu"), ("cuối tháng 11", "cuối"), ("giữa năm", "giữa"), ("năm 2023", None),
])
def test_date_edge_words(mention, modifier):
    assert normalize_date(mention, REF)["modifier"] == modifier


def test_last_year_review_published_early_means_the_previous_year():
    january = Reference(date(2024, 1, 18), "page")
    assert normalize_date("năm qua", january)["value"] == "2023"


@pytest.mark.parametrize("mention, reference", [
    ("ngày 31/2/2023", REF), ("ngày 9/3", None), ("năm nay", None), ("tháng 13", REF),
    ("hôm kia", REF), ("quý V/2023", REF),
])
def test_unreadable_dates_give_null(mention, reference):
    assert normalize_date(mention, reference)["value"] is None


@pytest.mark.parametrize("text, meta, expected", [
    ("Trang chủ\nCập nhật: 08:47 29/11/2021\nNăm 2019 ...", None, (date(2021, 11, 29), "page")),
    ("Tin tức\nThứ Hai, 15/4/2024\nBài viết năm 2020", None, (date(2024, 4, 15), "page")),
    ("Bài viết\nnói về năm 2019 và 2022.", {"date": "2023-02-01"}, (date(2023, 2, 1), "meta")),
    ("Bài viết nói về năm 2019 và 2022, không có ngày đăng.", None, (date(2022, 7, 1), "text")),
    ("Không có năm nào.", None, None),
])
def test_reference_date_from_the_page(text, meta, expected):
    ref = find_reference(text, meta)
    assert (ref.day, ref.source) == expected if expected else ref is None


@pytest.mark.parametrize("token, value", [
    ("60.000", 60000), ("81,40", 81.4), ("86.45", 86.45), ("1.250", 1250), ("2.5", 2.5),
    ("1.234.567", 1234567), ("1.250,5", 1250.5), ("12", 12), ("1.2345", None), ("1,2,3", None),
])
def test_vietnamese_numbers(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("mention, value, denominator, unit, kind, qualifier", [
    ("81,40%", 81.4, None, "%", "percent", None),
    ("86.45%", 86.45, None, "%", "percent", None),
    ("95 phần trăm", 95, None, "%", "percent", None),
    ("trên 95%", 95, None, "%", "percent", ">"),
    ("dưới 80%", 80, None, "%", "percent", "<"),
    ("18/20 điểm", 18, 20, "điểm", "score", None),
    ("4,5/7 điểm", 4.5, 7, "điểm", "score", None),
    ("thứ 8/10", 8, 10, None, "rank", None),
    ("vị trí 40/63", 40, 63, None, "rank", None),
    ("thứ nhì", 2, None, None, "rank", None),
    ("tốp 3", 3, None, None, "rank", None),
    ("gần 12 tỷ đồng", 12_000_000_000, None, "VND", "money", "~"),
    ("12,5 tỷ đồng", 12_500_000_000, None, "VND", "money", None),
    ("350 triệu đồng", 350_000_000, None, "VND", "money", None),
    ("hơn 4.000 hồ sơ", 4000, None, "hồ sơ", "count", ">"),
    ("1.735 hồ sơ/2.554 hồ sơ", 1735, 2554, "hồ sơ", "count", None),
    ("112/130 TTHC", 112, 130, "TTHC", "count", None),
    ("15 xã", 15, None, "xã", "count", None),
    ("3 bậc", 3, None, "bậc", "count", None),
    ("5 ngày làm việc", 5, None, "ngày làm việc", "duration", None),
    ("gần 3 năm", 3, None, "năm", "duration", "~"),
    ("không quá 3 ngày", 3, None, "ngày", "duration", "<="),
    ("ít nhất 1 điểm hỗ trợ", 1, None, "điểm hỗ trợ", "count", ">="),
    ("tối thiểu 20 cán bộ", 20, None, "cán bộ", "count", ">="),
    ("hàng chục lượt", 10, None, "lượt", "count", "~"),
    ("hàng trăm hồ sơ", 100, None, "hồ sơ", "count", "~"),
    ("vài trăm hồ sơ", 100, None, "hồ sơ", "count", "~"),
    ("mấy trăm triệu đồng", 100_000_000, None, "VND", "money", "~"),
    ("hai bảng xếp hạng", 2, None, "bảng xếp hạng", "count", None),
    ("mười cuộc kiểm tra", 10, None, "cuộc kiểm tra", "count", None),
    ("hai mươi lăm xã", 25, None, "xã", "count", None),
    ("2,5 lần", 2.5, None, "lần", "quantity", None),
    ("350m2", 350, None, "m2", "quantity", None),
])
def test_metrics(mention, value, denominator, unit, kind, qualifier):
    got = normalize_metric(mention)
    assert (got["value"], got["denominator"], got["unit"], got["kind"], got["qualifier"]) == (
        value, denominator, unit, kind, qualifier)


@pytest.mark.parametrize("mention", ["nhiều hồ sơ", "một số xã", "1.2345 hồ sơ", "vài hồ sơ"])
def test_unreadable_metrics_give_null(mention):
    assert normalize_metric(mention)["value"] is None


@pytest.mark.parametrize("mention, name, type_, province, code, match", [
    ("huyện Hương Khê", "Hương Khê", "huyện", "Hà Tĩnh", "444", "exact"),
    ("Huyện Hương Khê", "Hương Khê", "huyện", "Hà Tĩnh", "444", "exact"),
    ("Huong Khê", "Hương Khê", "huyện", "Hà Tĩnh", "444", "fuzzy"),
    ("huyen Huong Khe", "Hương Khê", "huyện", "Hà Tĩnh", "444", "fuzzy"),
    ("TP. Tam Kỳ", "Tam Kỳ", "thành phố", "Quảng Nam", "502", "exact"),
    ("TP.Tam Kỳ", "Tam Kỳ", "thành phố", "Quảng Nam", "502", "exact"),
    ("H. Định Quán", "Định Quán", "huyện", "Đồng Nai", "736", "exact"),
    ("quận 3", "Quận 3", "quận", "Hồ Chí Minh", "770", "exact"),
    ("thị xã Kỳ Anh", "Kỳ Anh", "thị xã", "Hà Tĩnh", "449", "exact"),
    ("huyện Kỳ Anh", "Kỳ Anh", "huyện", "Hà Tĩnh", "447", "exact"),
    ("Thủ Đức", "Thủ Đức", "thành phố", "Hồ Chí Minh", "769", "exact"),
    ("Cam Lo", "Cam Lộ", "huyện", "Quảng Trị", "468", "fuzzy"),
    ("huyện Thạch Hà", "Thạch Hà", "huyện", "Hà Tĩnh", "445", "exact"),
])
def test_districts(mention, name, type_, province, code, match):
    got = normalize_district(mention)
    assert (got["name"], got["type"], got["province"], got["code"], got["match"]) == (
        name, type_, province, code, match)


def test_post_2025_province():
    assert normalize_district("TP. Tam Kỳ")["province_2025"] == "Đà Nẵng"
    assert normalize_district("huyện Gia Lộc")["province_2025"] == "Hải Phòng"


def test_ambiguous_district_settled_by_the_page():
    assert normalize_district("huyện Châu Thành")["match"] == "ambiguous"
    assert len(normalize_district("huyện Châu Thành")["candidates"]) >= 5
    settled = normalize_district("huyện Châu Thành", {"Long An"})
    assert (settled["province"], settled["code"], settled["match"]) == ("Long An", "808", "exact")
    same_province = normalize_district("Kỳ Anh")  # a huyện and a thị xã of Hà Tĩnh
    assert (same_province["match"], same_province["province"], same_province["code"]) == (
        "ambiguous", "Hà Tĩnh", None)


@pytest.mark.parametrize("mention", ["Xyzabc", "huyện Đông Tây Nam Bắc", "quận 99"])
def test_unknown_districts_give_null(mention):
    got = normalize_district(mention)
    assert got["code"] is None and got["match"] is None


OFFICIALS_TEXT = (
    "Các đồng chí Nguyễn Văn Khoa - PBT Huyện uỷ, Chủ tịch UBND huyện, Trưởng Ban chỉ đạo "
    "CCHC huyện; Nguyễn Bá Hà - UVBTV Huyện uỷ, Phó Chủ tịch UBND huyện chủ trì hội nghị. "
    "Phó Chủ tịch UBND huyện Lê Văn Dũng cho biết. Ông Dũng nhấn mạnh. Bà Trần Thị Trang, "
    "Phó Giám đốc Trung tâm Hành chính công huyện, cho biết. Chị Trang nói. Anh Tuấn phát biểu.")


def test_officials_titles_merge_across_mentions():
    names = ["Nguyễn Văn Khoa", "Nguyễn Bá Hà", "Lê Văn Dũng", "Dũng", "Trần Thị Trang",
             "Trang", "Tuấn"]
    spans, pos = [], 0
    for n in names:
        s = OFFICIALS_TEXT.index(n, pos)
        spans.append((s, s + len(n)))
        pos = s + len(n)
    got = normalize_officials(OFFICIALS_TEXT, spans)
    assert got[0] == {"name": "Nguyễn Văn Khoa", "titles": [
        "PBT Huyện uỷ", "Chủ tịch UBND huyện", "Trưởng Ban chỉ đạo CCHC huyện"]}
    assert got[1]["titles"] == ["UVBTV Huyện uỷ", "Phó Chủ tịch UBND huyện"]
    assert got[3] == {"name": "Lê Văn Dũng", "titles": ["Phó Chủ tịch UBND huyện"]}
    assert got[5] == {"name": "Trần Thị Trang",
                      "titles": ["Phó Giám đốc Trung tâm Hành chính công huyện"]}
    assert got[6] == {"name": "Tuấn", "titles": []}  # no full name, no title: nothing invented


def test_normalize_takes_dicts_or_entities_and_keeps_order():
    text = "Ngày 9/3, huyện Cam Lộ đạt 86,12%."
    spans = [{"start": 0, "end": 8, "label": "DATE"}, {"start": 10, "end": 22, "label": "DISTRICT"},
             {"start": 27, "end": 33, "label": "METRIC"}]
    out = normalize(text, spans, reference_date="2024-05-01")
    assert [e["normalized"]["value"] if "value" in e["normalized"] else e["normalized"]["code"]
            for e in out] == ["2024-03-09", "468", 86.12]
    assert out[0]["start"] == 0 and "normalized" not in spans[0]
    doc = cchc_ner.Document.from_dict({"id": "x", "text": text, "entities": spans})
    entities = normalize(text, doc.entities)
    assert entities[2].normalized["unit"] == "%"


def test_records_table(crf_model):
    text = ("Năm 2022, Chỉ số CCHC của huyện Cam Lộ đạt 86,12%, xếp thứ 3/10. "
            "Huyện tiếp nhận 1.204 hồ sơ.")
    spans = [("Năm 2022", "DATE"), ("huyện Cam Lộ", "DISTRICT"), ("86,12%", "METRIC"),
             ("thứ 3/10", "METRIC"), ("1.204 hồ sơ", "METRIC")]
    doc = cchc_ner.Document.from_dict({"id": "x", "text": text, "entities": [
        {"start": text.index(m), "end": text.index(m) + len(m), "label": lab}
        for m, lab in spans]})
    doc.entities = normalize(text, doc.entities)
    rows = doc.records()
    assert [(r["district"], r["date"], r["indicator"], r["value"], r["unit"]) for r in rows] == [
        ("Cam Lộ", "2022", "Chỉ số CCHC", 86.12, "%"), ("Cam Lộ", "2022", "Chỉ số CCHC", 3, None),
        ("Cam Lộ", "2022", None, 1204, "hồ sơ")]
