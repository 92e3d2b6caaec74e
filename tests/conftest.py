"""Shared fixtures: tiny PhoBERT-shaped models built here from the real tokenizer files."""

from __future__ import annotations

from pathlib import Path

import pytest

import cchc_ner
from cchc_ner.corpus.markup import markup_to_docs
from cchc_ner.training import CrfConfig, TrainConfig

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PHOBERT = SHARED / "phobert-base"


def offsets(text: str, mention: str, label: str, nth: int = 0) -> dict:
    """A span dict for the nth occurrence of `mention` in `text` (offsets built from the text)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return {"start": start, "end": start + len(mention), "label": label}


@pytest.fixture(scope="session")
def phobert_files() -> Path:
    if not (PHOBERT / "vocab.txt").is_file():
        pytest.skip("needs ../shared/phobert-base (the real PhoBERT tokenizer files)")
    return PHOBERT


@pytest.fixture(scope="session")
def phobert_tokenizer(phobert_files):
    from transformers import PhobertTokenizer

    return PhobertTokenizer(vocab_file=str(phobert_files / "vocab.txt"),
                            merges_file=str(phobert_files / "bpe.codes"))


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory, phobert_tokenizer) -> Path:
    """A PhoBERT-shaped base model (2 layers, hidden 32, real vocab) with random weights."""
    import torch
    from transformers import RobertaConfig, RobertaModel

    torch.manual_seed(0)
    config = RobertaConfig(
        vocab_size=len(phobert_tokenizer), hidden_size=32, num_hidden_layers=2,
        num_attention_heads=2, intermediate_size=64, max_position_embeddings=258,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, type_vocab_size=1,
        tokenizer_class="PhobertTokenizer",
    )
    path = tmp_path_factory.mktemp("tiny-phobert")
    RobertaModel(config).save_pretrained(path)
    phobert_tokenizer.save_pretrained(path)
    return path


TRAIN_MARKUP = """#doc t1
[[DATE:Năm 2022]], Chỉ số CCHC của [[DISTRICT:huyện Cam Lộ]] đạt [[METRIC:86,12%]], xếp [[METRIC:thứ 3/10]].
#doc t2
Đồng chí [[OFFICIAL:Lê Văn Hùng]] - Chủ tịch UBND [[DISTRICT:huyện Thạch Hà]] phát biểu [[DATE:ngày 9/3]].
#doc t3
[[DATE:Sáng ngày 14/4]], UBND [[DISTRICT:huyện Gia Lộc]] tiếp nhận [[METRIC:1.204 hồ sơ]], đạt [[METRIC:98,5%]].
#doc t4
Bà [[OFFICIAL:Nguyễn Thị Hoa]], Trưởng phòng Nội vụ [[DISTRICT:huyện Cam Lộ]], cho biết [[DATE:năm 2023]] huyện giải quyết [[METRIC:hơn 4.000 hồ sơ]].
#doc t5
công tác cải cách hành chính được triển khai đồng bộ tại [[DISTRICT:huyện Thạch Hà]] và [[DISTRICT:huyện Gia Lộc]] với [[METRIC:15 xã]].
"""


@pytest.fixture(scope="session")
def docs():
    """A handful of annotated documents (the tiny model learns them by heart)."""
    return list(markup_to_docs(TRAIN_MARKUP))


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, tiny_base, docs):
    out = tmp_path_factory.mktemp("tiny-ner")
    config = TrainConfig(epochs=60, batch_size=5, learning_rate=3e-3, patience=60, seed=1,
                         warmup_fraction=0.0)
    metrics = cchc_ner.train(docs, docs, out, base_model=str(tiny_base), config=config,
                             overwrite=True)
    return out, metrics




@pytest.fixture(scope="session")
def crf_model(tmp_path_factory, docs):
    """A CRF that knows `docs` by heart (fast to train and to run)."""
    out = tmp_path_factory.mktemp("crf")
    metrics = cchc_ner.train(docs, docs, out, tagger="crf", config=CrfConfig(c1=0.0, c2=0.01))
    return out, metrics
