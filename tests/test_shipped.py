"""What ships in the repository and the package: the corpus and the default model."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cchc_ner
from cchc_ner.api import DEFAULT_MODEL
from cchc_ner.cli import app

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations"
runner = CliRunner()


def test_corpus_validates():
    result = runner.invoke(app, ["corpus", "validate", str(ANNOTATIONS)])
    assert result.exit_code == 0, result.output[-2000:]
    assert "0 errors" in result.stdout


def test_corpus_meets_its_size_targets():
    result = runner.invoke(app, ["corpus", "stats", str(ANNOTATIONS), "--json"])
    stats = json.loads(result.stdout)
    assert stats["documents"] >= 400 and stats["mentions"] >= 10_000
    assert min(stats["mentions_per_type"].values()) >= 1500
    assert stats["district_units"] >= 300 and stats["distinct_officials"] >= 400
    assert stats["provinces_in_meta"] == 63
    dev_ids = {json.loads(x)["id"] for x in (ANNOTATIONS / "dev.jsonl").open(encoding="utf-8")}
    assert {"seed-gia-loc-2023", "seed-thach-ha-2023"} <= dev_ids


def test_agreement_sample():
    result = runner.invoke(app, ["corpus", "agreement", "--json",
                                 str(ANNOTATIONS / "agreement/first-pass.jsonl"),
                                 str(ANNOTATIONS / "agreement/second-pass-blind.jsonl")])
    report = json.loads(result.stdout)
    assert report["documents"] >= 40
    assert report["strict"]["micro"]["f1"] > 0.9


@pytest.mark.skipif(not DEFAULT_MODEL.is_dir(), reason="no bundled model in this checkout")
def test_bundled_model_finds_the_obvious():
    doc = cchc_ner.load()("Năm 2022, Chỉ số CCHC của huyện Cam Lộ đạt 86,12%, xếp thứ 3/10. "
                          "Ông Nguyễn Văn Hùng, Chủ tịch UBND huyện, phát biểu ngày 9/3.")
    found = {(e.label, e.text) for e in doc.entities}
    assert {("DATE", "Năm 2022"), ("DISTRICT", "huyện Cam Lộ"), ("METRIC", "86,12%"),
            ("METRIC", "thứ 3/10"), ("OFFICIAL", "Nguyễn Văn Hùng"),
            ("DATE", "ngày 9/3")} <= found
    district = next(e for e in doc.entities if e.label == "DISTRICT")
    assert district.normalized["code"] == "468"
