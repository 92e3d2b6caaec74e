"""End to end on a tiny PhoBERT-shaped model: train, save, reload, extract."""

import pytest

import cchc_ner

# The same texts with page noise: NBSP, CRLF, old-style "Uỷ", emoji, repeated spaces.
NOISY = ("Năm 2022,\u00a0Chỉ số CCHC của huyện Cam Lộ  đạt 86,12%,\r\nxếp thứ 3/10. 😀\r\n"
         "Đồng chí Lê Văn Hùng - Chủ tịch UBND huyện Thạch\u00a0Hà phát biểu ngày 9/3. Uỷ ban.")


def spans(doc):
    return [(e.start, e.end, e.label) for e in doc.entities]


def test_trained_model_reproduces_its_spans_after_reload(tiny_model, docs):
    path, metrics = tiny_model
    assert metrics["micro"]["f1"] == pytest.approx(1.0)
    extractor = cchc_ner.load(path)
    for gold, pred in zip(docs, extractor.pipe([d.text for d in docs], batch_size=2)):
        assert spans(pred) == spans(gold), gold.id
        assert all(0 < e.score <= 1 for e in pred.entities)


def test_saved_model_records_labels_and_training(tiny_model):
    import json

    path, _ = tiny_model
    manifest = json.loads((path / "cchc_ner.json").read_text())
    assert manifest["tagger"] == "transformer" and manifest["config"]["seed"] == 1
    config = json.loads((path / "config.json").read_text())
    assert config["id2label"]["1"] == "B-DATE"


def test_offsets_hold_on_noisy_text(tiny_model):
    doc = cchc_ner.load(tiny_model[0])(NOISY)
    assert doc.entities
    for ent in doc.entities:
        assert NOISY[ent.start:ent.end] == ent.text
    found = {e.text for e in doc.entities}
    assert {"huyện Cam Lộ", "Lê Văn Hùng", "86,12%", "huyện Thạch\u00a0Hà"} <= found


def test_entity_after_2000_subwords_is_found(tiny_model, phobert_tokenizer):
    filler = "công tác cải cách hành chính được triển khai đồng bộ tại các xã, " * 150
    text = filler + "với Chỉ số CCHC của huyện Gia Lộc đạt 98,5%"
    n_subwords = len(phobert_tokenizer.encode(filler, add_special_tokens=False))
    assert n_subwords > 2000
    doc = cchc_ner.load(tiny_model[0])(text)
    tail = [(e.label, e.text) for e in doc.entities if e.start > len(filler) - 5]
    assert ("DISTRICT", "huyện Gia Lộc") in tail
    assert ("METRIC", "98,5%") in tail


def test_evaluate_scores_the_model(tiny_model, docs):
    result = cchc_ner.evaluate(cchc_ner.load(tiny_model[0]), docs)
    assert result["strict"]["micro"]["f1"] == pytest.approx(1.0)
    assert result["errors"] == []


def test_unknown_hub_id_fails_clearly(monkeypatch):
    import huggingface_hub.constants

    from cchc_ner.taggers.transformer import ModelLoadError

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)  # as HF_HUB_OFFLINE=1

    with pytest.raises(ModelLoadError, match="hub"):
        cchc_ner.load("vinai/phobert-base")


def test_int8_quantized_tagger_runs_and_refuses_to_save(tiny_model, docs, tmp_path):
    fp32 = cchc_ner.load(tiny_model[0])
    int8 = cchc_ner.load(tiny_model[0], quantize=True)
    assert int8.tagger.quantized and not fp32.tagger.quantized
    same = sum(spans(a) == spans(b) for a, b in zip(fp32.pipe([d.text for d in docs]),
                                                     int8.pipe([d.text for d in docs])))
    assert same >= len(docs) - 1
    with pytest.raises(ValueError, match="quantized"):
        int8.tagger.save(tmp_path / "x")


def test_training_is_deterministic_for_a_seed(tmp_path, tiny_base, docs):
    from safetensors.torch import load_file

    from cchc_ner.training import TrainConfig

    weights = []
    for run in ("a", "b"):
        config = TrainConfig(epochs=2, batch_size=4, learning_rate=1e-3, seed=7)
        cchc_ner.train(docs, docs, tmp_path / run, base_model=str(tiny_base), config=config)
        weights.append(load_file(tmp_path / run / "model.safetensors"))
    assert weights[0].keys() == weights[1].keys()
    assert all((weights[0][k] == weights[1][k]).all() for k in weights[0])
