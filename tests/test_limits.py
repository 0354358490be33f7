"""Resource limits: a document too big or too slow is skipped by name, the batch goes on."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from khabar import pipeline
from khabar.cli import app
from khabar.errors import BadDocument
from khabar.ingest import read_paths
from khabar.limits import DocumentTimeout, Limits, check_size, time_limit
from khabar.model import RawDoc
from khabar.store.sqlite import Store

SLOW_MARK = "بطيء-جدا"


def test_time_limit_interrupts_and_names_the_document():
    start = time.monotonic()
    with pytest.raises(DocumentTimeout) as caught, time_limit(0.2, "doc.txt"):
        while True:
            pass
    assert time.monotonic() - start < 5
    assert caught.value.source == "doc.txt" and "limit" in caught.value.reason


def test_time_limit_is_not_swallowed_by_a_broad_except():
    with pytest.raises(DocumentTimeout), time_limit(0.2, "doc.txt"):
        try:
            time.sleep(5)
        except Exception:  # a stage's own catch-all must not hide the timeout
            pass


def test_time_limit_leaves_fast_work_alone_and_disarms():
    with time_limit(1.0, "doc.txt"):
        value = sum(range(1000))
    time.sleep(1.2)  # an armed timer would ring here
    assert value == 499500


def test_check_size_counts_utf8_bytes():
    doc = RawDoc("a", "big.txt", text="س" * 600)  # 1200 bytes in UTF-8, 600 characters
    assert check_size(doc, 2000) is doc
    over = check_size(doc, 1000)
    assert isinstance(over, BadDocument) and over.source == "big.txt" and "too large" in over.reason


def test_limits_refuse_nonsense():
    with pytest.raises(ValueError):
        Limits(max_bytes=0)
    with pytest.raises(ValueError):
        Limits(max_seconds=-1)


def _slow_clean(real):
    def clean(doc):
        if SLOW_MARK in doc.text:
            time.sleep(30)
        return real(doc)
    return clean


@pytest.mark.parametrize("workers", [1, 2])
def test_slow_document_is_skipped_inside_the_workers(tmp_path, examples, monkeypatch, workers):
    monkeypatch.setattr(pipeline, "clean", _slow_clean(pipeline.clean))  # fork carries it to workers
    seeds = sorted(examples.glob("*.txt"))[:2]
    corpus = tmp_path / "in"
    corpus.mkdir()
    for seed in seeds:
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    slow = corpus / "slow.txt"
    slow.write_text(seeds[0].read_text(encoding="utf-8") + f"\n\n{SLOW_MARK} {SLOW_MARK}\n", encoding="utf-8")
    with Store(tmp_path / "k.db") as store:
        start = time.monotonic()
        report = pipeline.ingest([corpus], store, workers=workers, limits=Limits(max_seconds=1.0))
        assert time.monotonic() - start < 25  # the 30 s sleep was cut short
    assert report.processed == len(seeds)
    assert [(s, "limit" in r) for s, r in report.skipped] == [(str(slow), True)]


def test_cli_max_bytes_names_the_document(tmp_path, examples):
    seed = sorted(examples.glob("*.txt"))[0]
    result = CliRunner().invoke(app, ["ingest", str(seed), "--db", str(tmp_path / "k.db"), "--format", "json",
                                      "--no-group", "--max-bytes", "100", "--max-seconds", "10"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["processed"] == 0
    assert [s["source"] for s in summary["skipped"]] == [str(seed)]
    assert "too large" in summary["skipped"][0]["reason"]


def test_a_giant_json_line_is_skipped_and_the_next_lines_read(tmp_path):
    lines = [json.dumps({"text": "سطر أول"}, ensure_ascii=False), json.dumps({"text": "س" * 5000}),
             json.dumps({"text": "سطر ثالث"}, ensure_ascii=False)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path], max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["RawDoc", "BadDocument", "RawDoc"]
    assert items[1].source == f"{path}:2" and "line too large" in items[1].reason
    assert items[2].source == f"{path}:3" and items[2].text == "سطر ثالث"
