"""The three main commands end to end, and the corpus commands, through typer's runner."""

import json

from typer.testing import CliRunner

from cchc_ner.cli import app
from cchc_ner.corpus import write_docs

runner = CliRunner()


def test_extract_txt_dir_and_jsonl_with_bad_inputs(tmp_path, tiny_model, docs):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(docs[0].text, encoding="utf-8")
    (pages / "empty.txt").write_text("   ")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02")
    (pages / "legacy.txt").write_bytes(docs[1].text.encode("utf-16"))
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "r1", "text": docs[2].text}, ensure_ascii=False)
                       + "\nnot json\n" + json.dumps({"id": "r3"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(pages), str(records), "--model",
                                 str(tiny_model[0]), "-o", str(out), "-b", "2"])
    assert result.exit_code == 1  # some inputs were bad
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    by_id = {x["id"]: x for x in lines}
    assert len(lines) == 7
    good = by_id[str(pages / "a.txt")]
    assert {e["text"] for e in good["entities"]} >= {"huyện Cam Lộ", "86,12%"}
    assert all(set(e) == {"label", "start", "end", "text", "score", "normalized"}
               for e in good["entities"])
    assert by_id[str(pages / "legacy.txt")]["entities"]  # UTF-16 with BOM decoded
    assert by_id["r1"]["entities"]
    assert "error" in by_id[str(pages / "empty.txt")]
    assert "error" in by_id[str(pages / "binary.txt")]
    assert "error" in by_id[f"{records}:2"] and "error" in by_id["r3"]


def test_extract_missing_path_fails_before_work(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "nope.txt" in result.output


def test_extract_label_studio_pre_annotations_round_trip(tmp_path, tiny_model, docs):
    page = tmp_path / "p.txt"
    page.write_text(docs[0].text, encoding="utf-8")
    out = tmp_path / "tasks.json"
    result = runner.invoke(app, ["extract", str(page), "-m", str(tiny_model[0]), "-o", str(out),
                                 "--format", "label-studio", "-q"])
    assert result.exit_code == 0, result.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert tasks[0]["predictions"][0]["result"]
    # The export is accepted back as training/evaluation data, format detected.
    result = runner.invoke(app, ["corpus", "stats", str(out), "--json"])
    assert json.loads(result.stdout)["documents"] == 1


def test_train_and_evaluate(tmp_path, tiny_base, docs):
    data = tmp_path / "data.jsonl"
    write_docs(docs, data)
    model = tmp_path / "model"
    result = runner.invoke(app, ["train", "--train", str(data), "--dev", str(data),
                                 "--base-model", str(tiny_base), "--output", str(model),
                                 "--epochs", "2", "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["dev"]["micro"].keys() >= {"precision", "recall", "f1"}
    assert (model / "cchc_ner.json").is_file()
    result = runner.invoke(app, ["train", "--train", str(data), "--dev", str(data),
                                 "--base-model", str(tiny_base), "--output", str(model)])
    assert result.exit_code == 2 and "not empty" in result.output

    result = runner.invoke(app, ["evaluate", str(data), "--model", str(model), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"strict", "partial"}
    assert set(scores["strict"]["micro"]) >= {"precision", "recall", "f1"}
    assert set(scores["strict"]["per_type"]) == {"DATE", "DISTRICT", "METRIC", "OFFICIAL"}
    assert set(scores["partial"]) == {"strict", "exact", "partial", "ent_type"}


def test_corpus_validate_convert_stats(tmp_path, docs):
    data = tmp_path / "train.jsonl"
    write_docs(docs, data)
    result = runner.invoke(app, ["corpus", "validate", str(data)])
    assert result.exit_code == 0 and "0 errors" in result.output
    out = tmp_path / "d.jsonl"
    assert runner.invoke(app, ["corpus", "convert", str(data), str(out), "--to", "doccano"]
                         ).exit_code == 0
    assert "label" in json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    result = runner.invoke(app, ["corpus", "stats", str(tmp_path)])
    assert result.exit_code == 0 and "train" in result.output

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "b", "text": "năm 2022",
                               "entities": [{"start": 0, "end": 9, "label": "DATE"}]}) + "\n")
    result = runner.invoke(app, ["corpus", "validate", str(bad)])
    assert result.exit_code == 1 and "bad offsets" in result.output


def test_extract_csv_rows(tmp_path, crf_model, docs):
    import csv

    page = tmp_path / "p.txt"
    page.write_text(docs[0].text, encoding="utf-8")
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["extract", str(page), "-m", str(crf_model[0]), "-o", str(out),
                                 "--format", "csv", "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["district"], r["date"], r["metric_text"], r["value"]) for r in rows] == [
        ("Cam Lộ", "2022", "86,12%", "86.12"), ("Cam Lộ", "2022", "thứ 3/10", "3")]
    assert rows[0]["indicator"] == "Chỉ số CCHC" and rows[0]["district_code"] == "468"


def test_corpus_split_is_deterministic_and_pins_ids(tmp_path, docs):
    data = tmp_path / "all.jsonl"
    write_docs(docs, data)
    for out in ("a", "b"):
        result = runner.invoke(app, ["corpus", "split", str(data), "-o", str(tmp_path / out),
                                     "--dev", "0.2", "--test", "0.2", "--pin-dev", "t5"])
        assert result.exit_code == 0, result.output
    for name in ("train", "dev", "test"):
        assert (tmp_path / "a" / f"{name}.jsonl").read_text() == (
            tmp_path / "b" / f"{name}.jsonl").read_text()
    dev_ids = [json.loads(x)["id"] for x in (tmp_path / "a/dev.jsonl").read_text().splitlines()]
    assert "t5" in dev_ids
    total = sum(len((tmp_path / "a" / f"{n}.jsonl").read_text().splitlines())
                for n in ("train", "dev", "test"))
    assert total == len(docs)
