"""The evaluator on hand-built predictions whose scores are known."""

import pytest

from cchc_ner.schema import Document, make_entity
from cchc_ner.scoring import errors, partial_scores, strict_scores

TEXT = "Năm 2022, huyện Cam Lộ đạt 86,12%, xếp thứ 3/10. Ông Lê Văn Hùng phát biểu."


def doc(*mentions):
    ents = []
    for mention, label in mentions:
        start = TEXT.index(mention)
        ents.append(make_entity(TEXT, start, start + len(mention), label))
    return Document(TEXT, ents, "d")


GOLD = doc(("Năm 2022", "DATE"), ("huyện Cam Lộ", "DISTRICT"), ("86,12%", "METRIC"),
           ("thứ 3/10", "METRIC"), ("Lê Văn Hùng", "OFFICIAL"))
PRED = doc(("Năm 2022", "DATE"),            # correct
           ("Cam Lộ", "DISTRICT"),          # wrong boundary
           ("86,12%", "DATE"),              # wrong type
           ("Ông Lê Văn Hùng", "OFFICIAL"),  # wrong boundary
           ("phát biểu", "METRIC"))          # spurious; "thứ 3/10" missed


def test_strict_counts_only_exact_spans():
    scores = strict_scores([GOLD], [PRED])
    assert scores["micro"]["precision"] == pytest.approx(1 / 5)
    assert scores["micro"]["recall"] == pytest.approx(1 / 5)
    assert scores["per_type"]["DATE"]["precision"] == pytest.approx(1 / 2)
    assert scores["per_type"]["DATE"]["recall"] == pytest.approx(1.0)
    assert scores["per_type"]["METRIC"]["recall"] == 0.0
    assert scores["per_type"]["METRIC"]["support"] == 2


def test_identical_and_empty_predictions():
    assert strict_scores([GOLD], [GOLD])["micro"]["f1"] == pytest.approx(1.0)
    empty = Document(TEXT, [], "d")
    assert strict_scores([GOLD], [empty])["micro"]["recall"] == 0.0


def test_adjacent_spans_are_kept_apart():
    text = "ngày 9/3/2023"
    gold = Document(text, [make_entity(text, 0, 13, "DATE")], "x")
    split = Document(text, [make_entity(text, 0, 4, "DATE"), make_entity(text, 5, 13, "DATE")],
                     "x")
    assert strict_scores([gold], [split])["micro"]["f1"] == 0.0


def test_partial_scores_credit_overlaps():
    scores = partial_scores([GOLD], [PRED])
    assert scores["partial"]["micro"]["f1"] > scores["strict"]["micro"]["f1"]
    assert scores["ent_type"]["micro"]["correct"] == 3  # date + two overlapping same-type
    assert scores["exact"]["micro"]["correct"] == 2     # same boundaries, any type


def test_error_list_names_every_kind():
    kinds = sorted((e["kind"], (e["gold"] or e["pred"])["text"]) for e in errors([GOLD], [PRED]))
    assert kinds == [("missed", "thứ 3/10"), ("spurious", "phát biểu"),
                     ("wrong_boundary", "Lê Văn Hùng"), ("wrong_boundary", "huyện Cam Lộ"),
                     ("wrong_type", "86,12%")]
    ctx = next(e for e in errors([GOLD], [PRED]) if e["kind"] == "missed")["context"]
    assert "[thứ 3/10]" in ctx


def test_mismatched_documents_fail():
    other = Document("khác", [], "d")
    with pytest.raises(ValueError, match="differ"):
        strict_scores([GOLD], [other])
    with pytest.raises(ValueError, match="gold documents"):
        strict_scores([GOLD], [])
