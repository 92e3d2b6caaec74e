"""Batch extraction: resumable, ordered, never stopped by a bad document."""

import json
import os
import signal
import subprocess
import sys
import time

from typer.testing import CliRunner

from cchc_ner.batch import completed_ids, extract_records
from cchc_ner.cli import app
from cchc_ner.inputs import InputRecord, decode

runner = CliRunner()


def write_inputs(path, docs, n):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i}", "text": docs[i % len(docs)].text},
                                ensure_ascii=False) + "\n")


def test_resume_after_a_cut_line(tmp_path, crf_model, docs):
    inputs, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_inputs(inputs, docs, 12)
    args = ["extract", str(inputs), "-m", str(crf_model[0]), "-o", str(out), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # A run killed mid-write: 5 whole lines and half of the sixth.
    out.write_text("".join(lines[:5]) + lines[5][:17], encoding="utf-8")
    assert completed_ids(out) == {f"doc-{i}" for i in range(5)}
    assert out.read_text(encoding="utf-8") == "".join(lines[:5])
    assert runner.invoke(app, args + ["--resume"]).exit_code == 0
    assert out.read_text(encoding="utf-8") == "".join(lines)


def test_kill_9_then_resume_loses_nothing(tmp_path, crf_model, docs):
    inputs, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_inputs(inputs, docs, 3000)
    cmd = [sys.executable, "-m", "cchc_ner", "extract", str(inputs), "-m", str(crf_model[0]),
           "-o", str(out), "-q", "-b", "4"]
    proc = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(out.read_text(encoding="utf-8").splitlines())
    assert 0 < partial < 3000
    subprocess.run(cmd + ["--resume"], check=True, timeout=300)
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(3000))


def test_a_failing_document_does_not_stop_its_batch(crf_model):
    import cchc_ner

    extractor = cchc_ner.load(crf_model[0])
    real_pipe = extractor.pipe

    def fragile_pipe(texts, **kw):
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise RuntimeError("tagger crashed")
        return real_pipe(texts, **kw)

    extractor.pipe = fragile_pipe
    records = [InputRecord("a", "năm 2022 huyện Cam Lộ"), InputRecord("b", "BOOM"),
               InputRecord("c", None, "empty document"), InputRecord("d", "đạt 86,12%")]
    results = list(extract_records(extractor, records, batch_size=8))
    assert [r.id for r, _ in results] == ["a", "b", "c", "d"]
    assert results[0][1] is not None and results[3][1] is not None
    assert results[1][1] is None and "tagger crashed" in results[1][0].error
    assert results[2][0].error == "empty document"


def test_decode_falls_back_with_a_warning():
    text = "Chỉ số CCHC đạt 86,12%"
    assert decode(text.encode("utf-8")) == (text, None)
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, None)
    assert decode(text.encode("utf-16")) == (text, None)
    legacy, warning = decode(text.encode("cp1258", errors="replace"))
    assert warning and "Windows-1258" in warning and legacy.startswith("Ch")


def test_thousand_pages_five_percent_bad_killed_and_resumed(tmp_path, crf_model, docs):
    pages = tmp_path / "pages"
    pages.mkdir()
    bad = {}
    for i in range(1000):
        path = pages / f"p{i:04d}.txt"
        if i % 20 == 7:  # 5% bad files of four kinds
            kind = ("empty", "binary", "blank", "nul")[(i // 20) % 4]
            path.write_bytes({"empty": b"", "binary": bytes(range(256)) * 4, "blank": b" \n\t ",
                              "nul": b"abc\x00def"}[kind])
            bad[str(path)] = kind
        elif i % 20 == 11:  # readable with care: UTF-16 and Windows-1258 pages
            text = docs[i % len(docs)].text
            path.write_bytes(text.encode("utf-16") if i % 40 == 11 else
                             text.encode("cp1258", errors="replace"))
        else:
            path.write_text(docs[i % len(docs)].text, encoding="utf-8")
    (pages / "zz-huge.txt").write_text(docs[0].text * 5000, encoding="utf-8")  # ~0.4 MB, last
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "cchc_ner", "extract", str(pages), "-m", str(crf_model[0]),
           "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 30_000):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = out.read_text(encoding="utf-8").count("\n")
    assert 0 < partial < 1001  # killed mid-run
    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 1  # some documents failed, and the run said so
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    ids = [x["id"] for x in lines]
    assert len(ids) == len(set(ids)) == 1001
    errors = {x["id"] for x in lines if "error" in x}
    assert errors == set(bad)
    assert all(x["entities"] for x in lines if x["id"] not in errors)
