"""The CRF tagger and the rules baseline through the shared pipeline."""

import json

import pytest

import cchc_ner
from cchc_ner.pipeline import Extractor
from cchc_ner.taggers.rules import RulesTagger
from cchc_ner.text import segment


def test_crf_learns_its_documents_and_reloads(crf_model, docs):
    path, metrics = crf_model
    assert metrics["micro"]["f1"] == pytest.approx(1.0)
    manifest = json.loads((path / "cchc_ner.json").read_text())
    assert manifest["tagger"] == "crf" and manifest["config"]["tokenization"] == "syllables"
    extractor = cchc_ner.load(path)
    for gold, pred in zip(docs, extractor.pipe([d.text for d in docs])):
        assert [(e.start, e.end, e.label) for e in pred.entities] == [
            (e.start, e.end, e.label) for e in gold.entities]
        assert all(0 < e.score <= 1 for e in pred.entities)


def test_syllable_tokens_keep_numbers_and_split_punctuation():
    text = "TP.Tam Kỳ đạt 81,40%, thứ 8/10 lúc 08:47 ngày 15-4-2023 (Cam Lộ-Đakrông)"
    tokens = [text[w.start:w.end] for s in segment(text, "syllables") for w in s]
    assert tokens == ["TP", ".", "Tam", "Kỳ", "đạt", "81,40", "%", ",", "thứ", "8/10", "lúc",
                      "08:47", "ngày", "15", "-", "4", "-", "2023", "(", "Cam", "Lộ", "-",
                      "Đakrông", ")"]


def test_unknown_tokenization_fails():
    with pytest.raises(ValueError, match="tokenization"):
        segment("abc", "letters")


@pytest.mark.parametrize("text, expected", [
    ("Năm 2022, Chỉ số CCHC của huyện Cam Lộ đạt 86,12%, xếp thứ 3/10.",
     {("DATE", "Năm 2022"), ("DISTRICT", "huyện Cam Lộ"), ("METRIC", "86,12%"),
      ("METRIC", "thứ 3/10")}),
    ("Ông Nguyễn Văn Khoa - Chủ tịch UBND huyện Thạch Hà tiếp nhận hơn 4.000 hồ sơ",
     {("OFFICIAL", "Nguyễn Văn Khoa"), ("DISTRICT", "huyện Thạch Hà"),
      ("METRIC", "hơn 4.000 hồ sơ")}),
    ("UBND tỉnh Hà Tĩnh và xã Cam Thành", set()),
])
def test_rules_baseline(text, expected):
    doc = Extractor(RulesTagger())(text)
    assert {(e.label, e.text) for e in doc.entities} == expected
