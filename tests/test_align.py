import pytest

from cchc_ner.align import IGNORE, WordPieceEncoder, window_labels


@pytest.fixture(scope="module")
def encoder(phobert_tokenizer):
    return WordPieceEncoder(phobert_tokenizer, max_length=256)


TRICKY = ["PAR-INDEX", "81,40%", "9/3", "86.45", "Thạch_Hà", "Ủy_ban", "☃", "x\u200by", "Quý",
          "1.250,5m2", "QĐ-UBND", "ISO", "9001:2015", "Covid-19", "đ/c", "«", "H'Drai"]


def test_word_by_word_equals_whole_sentence(phobert_tokenizer, encoder):
    sentence = " ".join(TRICKY)
    whole = phobert_tokenizer.encode(sentence, add_special_tokens=False)
    by_word = [i for w in TRICKY for i in encoder.word_ids(w)]
    assert by_word == whole


def test_first_subword_carries_the_word(phobert_tokenizer, encoder):
    (window,) = encoder.windows(0, TRICKY)
    assert window.input_ids[0] == phobert_tokenizer.cls_token_id
    assert window.input_ids[-1] == phobert_tokenizer.sep_token_id
    firsts = [k for k, i in enumerate(window.word_index) if i is not None]
    assert [window.word_index[k] for k in firsts] == list(range(len(TRICKY)))
    for k, word in zip(firsts, TRICKY):
        assert window.input_ids[k] == encoder.word_ids(word)[0]
    labels = window_labels(window, list(range(len(TRICKY))))
    assert [x for x in labels if x != IGNORE] == list(range(len(TRICKY)))


@pytest.mark.parametrize("n_words, max_length, stride", [(2000, 256, None), (700, 64, 16),
                                                         (300, 40, 0), (5, 256, None)])
def test_windows_own_every_word_once(phobert_tokenizer, n_words, max_length, stride):
    encoder = WordPieceEncoder(phobert_tokenizer, max_length=max_length)
    forms = [["cải_cách", "hành_chính", "PAR-INDEX", "81,40%", "huyện"][i % 5]
             for i in range(n_words)]
    windows = encoder.windows(3, forms, stride)
    owned = sorted(i for w in windows for i in w.word_index if i is not None)
    assert owned == list(range(n_words))
    assert all(len(w.input_ids) <= max_length and w.sentence == 3 for w in windows)
    if n_words > 100:
        assert len(windows) > 1


def test_bad_stride_fails_up_front(encoder):
    with pytest.raises(ValueError, match="stride"):
        encoder.windows(0, ["a"], stride=300)
