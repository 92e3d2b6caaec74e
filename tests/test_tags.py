import pytest

from cchc_ner.schema import make_entity
from cchc_ner.tags import spans_to_tags, tags_to_spans
from cchc_ner.text import Word


def words_of(text):
    out, pos = [], 0
    for token in text.split(" "):
        out.append(Word(pos, pos + len(token), token))
        pos += len(token) + 1
    return out


TEXT = "UBND huyện Cam_Lộ đạt 86,12% năm 2022"


@pytest.mark.parametrize("mentions, expected", [
    ([("huyện Cam_Lộ", "DISTRICT")], ["O", "B-DISTRICT", "I-DISTRICT", "O", "O", "O", "O"]),
    ([("86,12%", "METRIC"), ("năm 2022", "DATE")],
     ["O", "O", "O", "O", "B-METRIC", "B-DATE", "I-DATE"]),
    ([], ["O"] * 7),
])
def test_spans_to_tags_and_back(mentions, expected):
    words = words_of(TEXT)
    ents = [make_entity(TEXT, TEXT.index(m), TEXT.index(m) + len(m), lab) for m, lab in mentions]
    tags, misaligned = spans_to_tags(words, ents)
    assert tags == expected and misaligned == 0
    spans = tags_to_spans(words, tags)
    assert [(s, e, lab) for s, e, lab, _ in spans] == [(x.start, x.end, x.label) for x in ents]


def test_span_inside_a_word_is_widened_and_counted():
    words = words_of(TEXT)
    start = TEXT.index("Lộ")
    tags, misaligned = spans_to_tags(words, [make_entity(TEXT, start, start + 2, "DISTRICT")])
    assert misaligned == 1
    assert tags[2] == "B-DISTRICT"


def test_stray_inside_tag_starts_a_span_and_scores_average():
    words = words_of(TEXT)
    tags = ["O", "I-DISTRICT", "I-DISTRICT", "O", "B-METRIC", "I-DATE", "I-DATE"]
    spans = tags_to_spans(words, tags, [1, 0.5, 0.7, 1, 0.9, 0.4, 0.6])
    assert [(TEXT[s:e], lab) for s, e, lab, _ in spans] == [
        ("huyện Cam_Lộ", "DISTRICT"), ("86,12%", "METRIC"), ("năm 2022", "DATE")]
    assert spans[0][3] == pytest.approx(0.6)
    assert spans[2][3] == pytest.approx(0.5)
