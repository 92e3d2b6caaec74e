import json

import pytest

from cchc_ner.corpus import (
    CONVERTERS,
    corpus_stats,
    detect_format,
    read_docs,
    validate_records,
    write_docs,
)
from cchc_ner.corpus.markup import markup_to_docs
from cchc_ner.schema import Document, SchemaError
from cchc_ner.text import word_offsets

MARKUP = """#doc d1 {"topic": "par-index", "province": "Quảng Trị"}
[[DATE:Năm 2022]], Chỉ số CCHC của [[DISTRICT:huyện Cam Lộ]] đạt [[METRIC:86,12%]], xếp [[METRIC:thứ 3/10]].
Đồng chí [[OFFICIAL:Lê Văn Hùng]] - Chủ tịch UBND [[DISTRICT:TP. Đông Hà]] phát biểu.

#doc d2
Ông [[OFFICIAL:Trần Minh Đức]] cho biết [[DATE:quý I/2023]] tiếp nhận [[METRIC:1.204 hồ sơ]].
"""


def docs():
    return list(markup_to_docs(MARKUP))


def test_markup_parses_offsets_and_meta():
    d1, d2 = docs()
    assert d1.meta == {"topic": "par-index", "province": "Quảng Trị"}
    assert [e.text for e in d1.entities] == ["Năm 2022", "huyện Cam Lộ", "86,12%", "thứ 3/10",
                                              "Lê Văn Hùng", "TP. Đông Hà"]
    assert d1.text.endswith("phát biểu.\n")  # the blank line before the header is text
    assert d2.text.startswith("Ông Trần Minh Đức")
    for ent in d1.entities + d2.entities:
        assert (d1 if ent in d1.entities else d2).text[ent.start:ent.end] == ent.text


@pytest.mark.parametrize("bad", ["#doc x\n[[PLACE:Cam Lộ]]", "#doc x\n[[DATE:năm 2022]",
                                 "text before\n#doc x\nabc"])
def test_markup_errors_are_reported(bad):
    with pytest.raises(SchemaError):
        list(markup_to_docs(bad))


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "label-studio", "markup"])
def test_lossless_round_trips(tmp_path, fmt):
    original = docs()
    path = tmp_path / f"out.{fmt}"
    write_docs(original, path, fmt)
    back = read_docs(path, fmt)
    assert [d.to_dict() for d in back] == [d.to_dict() for d in original]
    assert detect_format(path) == fmt


def test_conll_round_trip_keeps_words_and_spans(tmp_path):
    path = tmp_path / "x.conll"
    write_docs(docs(), path, "conll")
    first = path.read_text()
    assert "Cam_Lộ\tI-DISTRICT" in first
    back = read_docs(path)
    assert [[e.text.replace(" ", "") for e in d.entities] for d in back] == [
        [e.text.replace(" ", "") for e in d.entities] for d in docs()]
    write_docs(back, tmp_path / "y.conll", "conll")
    assert (tmp_path / "y.conll").read_text() == first


def test_labelstudio_reads_latest_annotation_or_prediction(tmp_path):
    text = "huyện Cam Lộ năm 2022"
    tasks = [
        {"data": {"text": text, "id": "a"},
         "annotations": [{"result": [{"type": "labels", "value": {
             "start": 0, "end": 12, "labels": ["DISTRICT"]}}]}],
         "predictions": [{"result": []}]},
        {"data": {"text": text, "id": "b"},
         "predictions": [{"result": [{"type": "labels", "value": {
             "start": 13, "end": 21, "labels": ["DATE"]}}]}]},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks))
    a, b = read_docs(path)
    assert [(e.text, e.label) for e in a.entities] == [("huyện Cam Lộ", "DISTRICT")]
    assert [(e.text, e.label) for e in b.entities] == [("năm 2022", "DATE")]


def test_every_format_is_registered():
    assert set(CONVERTERS) == {"jsonl", "doccano", "label-studio", "conll", "markup"}


def record(text, *spans, doc_id="x"):
    return {"id": doc_id, "text": text,
            "entities": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]}


@pytest.mark.parametrize("rec, expected", [
    (record("huyện Cam Lộ", (0, 12, "DISTRICT")), None),
    (record("huyện Cam Lộ ", (0, 13, "DISTRICT")), "whitespace"),
    (record("đạt 81,4%.", (4, 10, "METRIC")), "full stop"),
    (record("UBND TP. Hà", (5, 8, "DISTRICT")), None),
    (record("(2021)", (0, 5, "DATE")), "punctuation"),
    (record("năm 2022", (0, 8, "YEAR")), "unknown label"),
    (record("năm 2022", (0, 9, "DATE")), "bad offsets"),
    (record("năm 2022", (0, 8, "DATE"), (4, 8, "DATE")), "overlaps"),
    ({"id": "x", "text": ""}, "empty"),
])
def test_validator_finds_each_problem(rec, expected):
    problems = [p for p in validate_records([rec]) if p.level == "error"]
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p.message for p in problems), problems


def test_validator_reports_duplicate_ids_and_word_edges():
    recs = [record("huyện Thạch Hà xếp thứ 2", (6, 11, "DISTRICT")),
            record("năm 2022", doc_id="x")]
    problems = validate_records(recs, word_offsets)
    assert any(p.message == "duplicate id" for p in problems)
    assert any(p.level == "warning" and "inside a segmented word" in p.message for p in problems)


def test_stats_count_types_and_distinct_units():
    d1, d2 = docs()
    extra = Document("Huyện Cam Lộ và Cam Lộ", [], "d3")
    stats = corpus_stats({"train": [d1], "dev": [d2, extra]})
    assert stats["documents"] == 3
    assert stats["mentions_per_type"] == {"DATE": 2, "DISTRICT": 2, "METRIC": 3, "OFFICIAL": 2}
    assert stats["distinct_districts"] == 2 and stats["distinct_officials"] == 2
    assert stats["splits"]["dev"]["documents"] == 2
