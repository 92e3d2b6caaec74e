import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_ner.text import normalize, segment, split_sentences


def test_normalize_keeps_a_map_to_raw_offsets():
    raw = "Uỷ ban\u00a0hoà\r\nQuý thuỷ 😀 Ủy"
    norm = normalize(raw)
    assert norm.text == "Ủy ban hòa\n\nQuý thủy   Ủy"
    assert len(norm.starts) == len(norm.text)
    assert norm.raw_span(0, 6) == (0, 6)
    assert raw[slice(*norm.raw_span(7, 10))] == "hoà"


def test_normalize_composes_decomposed_diacritics():
    raw = "Thu\u0309y"  # "Thủy" typed with a combining hook
    norm = normalize(raw)
    assert norm.text == "Thủy"
    assert norm.raw_span(0, len(norm.text)) == (0, len(raw))


@pytest.mark.parametrize("text", [
    "UBND huyện Thạch Hà\u00a0đạt 81,40%,\u00a0xếp thứ 8/10 .",
    "Dòng 1\r\nDòng  2\r\n\r\n  Uỷ ban nhân dân   huyện Cam Lộ 😀😀 ngày 9/3",
    "Lượt xem: 1.234 | Đang online: 12\t\tPAR-INDEX 2022",
])
def test_words_map_to_raw_text(text):
    words = [w for sent in segment(text) for w in sent]
    assert words, "no words"
    for a, b in zip(words, words[1:]):
        assert a.end <= b.start
    for w in words:
        piece = text[w.start:w.end]
        assert piece == piece.strip() and piece
        assert w.form == "_".join(normalize(piece).text.split())


def test_tricky_tokens_stay_whole():
    text = "Chỉ số PAR-INDEX đạt 81,40%, xếp thứ 8/10, ngày 9/3 tăng 86.45%."
    forms = [w.form for s in segment(text) for w in s]
    for token in ("PAR-INDEX", "81,40", "8/10", "9/3", "86.45"):
        assert token in forms


def test_sentences_split_but_not_at_abbreviations():
    text = "UBND TP. Tam Kỳ họp. Năm 2023 H. Định Quán đạt 90%! Ông Lê Văn A. Nguyễn phát biểu"
    sents = [text[s:e] for s, e in split_sentences(text)]
    assert sents == ["UBND TP. Tam Kỳ họp.", "Năm 2023 H. Định Quán đạt 90%!",
                     "Ông Lê Văn A. Nguyễn phát biểu"]


def test_capitalization_change_splits_a_segmented_word():
    text = "Trong năm 2022, công tác CCHC của huyện Thạch Hà xếp thứ 2."
    words = [text[w.start:w.end] for s in segment(text) for w in s]
    assert "Thạch Hà" in words


ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ" \
           "ùủũúụừửữứựỳỷỹýỵAĂĐÊÔƠƯHTUỶ0123456789 ,.;:%/-()\n\u00a0\r\t😀|"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_no_character_is_lost(text):
    """Every character that is not blank after normalization lies inside exactly one word."""
    norm = normalize(text)
    covered = [0] * len(text)
    for sent in segment(text):
        for w in sent:
            for i in range(w.start, w.end):
                covered[i] += 1
    for i, ch in enumerate(norm.text):
        raw_start, raw_end = norm.raw_span(i, i + 1)
        expected = 0 if ch.isspace() else 1
        assert all(covered[j] >= expected for j in range(raw_start, raw_end)), (text, i)
    assert max(covered, default=0) <= 1
