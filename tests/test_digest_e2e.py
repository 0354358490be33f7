"""The whole path on the example story, through the real CLI and a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app
from khabar.ingest import read_paths

runner = CliRunner()
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"


@pytest.fixture(scope="module")
def digest_run(tmp_path_factory) -> tuple[dict, Path]:
    out = tmp_path_factory.mktemp("out")
    db = out / "khabar.db"
    proc = subprocess.run(
        [sys.executable, "-m", "khabar.cli", "digest", str(EXAMPLES_DIR), "--db", str(db), "--out", str(out),
         "--format", "json", "--quiet"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), out


def _seed_ids(examples: Path) -> dict[str, str]:
    return {Path(d.source).name[:3]: d.doc_id for d in read_paths([examples])}


def test_two_events_in_one_story(digest_run, examples):
    report, _ = digest_run
    ids = _seed_ids(examples)
    assert len(report["stories"]) == 1
    events = report["stories"][0]["events"]
    groups = sorted((sorted(e["event"]["article_ids"]) for e in events), key=len)
    assert groups == [[ids["004"]], sorted(ids[k] for k in ("000", "001", "002", "003"))]


def test_bodies_lose_the_appended_articles(digest_run, examples):
    report, _ = digest_run
    ids = _seed_ids(examples)
    bodies = {k: report["articles"][v]["body"] for k, v in ids.items()}
    assert "مفاعل خنداب" not in bodies["000"] and "تامي بروس" in bodies["000"]
    assert "رضا بهلوي" not in bodies["004"] and "سيرغي لافروف" in bodies["004"]
    assert "RELATED POSTS" not in bodies["001"] and "يعطينا بعض الأمل" in bodies["001"]
    assert "تبليغ" not in bodies["003"]
    assert report["articles"][ids["000"]]["removed"], "cuts must be kept for audit"


def test_name_spellings_merged(digest_run):
    report, _ = digest_run
    entities = report["stories"][0]["entities"]
    spellings = [{s for s, _ in e["spellings"]} for e in entities]
    darchiev = [s for s in spellings if any("دار" in x and "ييف" in x or "دارشيف" in x for x in s)]
    assert len(darchiev) == 1, spellings
    assert any("دارتشييف" in x for x in darchiev[0]) and any("دارشيف" in x for x in darchiev[0])


def test_every_summary_sentence_cites_story_articles(digest_run):
    report, _ = digest_run
    story = report["stories"][0]
    assert story["summary"]
    for sentence in story["summary"] + [s for e in story["events"] for s in e["summary"]]:
        cited = {c["article_id"] for c in sentence["citations"]}
        assert cited and cited <= set(story["article_ids"])


def test_outputs_written(digest_run):
    _, out = digest_run
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["stories"]
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert (out / "khabar.db").stat().st_size > 0


def test_ingest_twice_adds_nothing_and_commands_read_the_db(examples, db_path):
    first = runner.invoke(app, ["ingest", str(examples), "--db", str(db_path), "--format", "json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["processed"] == 5
    again = runner.invoke(app, ["ingest", str(examples), "--db", str(db_path), "--format", "json"])
    assert json.loads(again.stdout) == {"processed": 0, "duplicates": 5, "skipped": []}

    listed = runner.invoke(app, ["stories", "--db", str(db_path), "--format", "json"])
    rows = json.loads(listed.stdout)
    assert len(rows) == 1 and rows[0]["articles"] == 5 and rows[0]["events"] == 2

    shown = runner.invoke(app, ["show", rows[0]["id"][:6], "--db", str(db_path), "--format", "json"])
    assert json.loads(shown.stdout)["stories"][0]["story"]["id"] == rows[0]["id"]

    article_id = _seed_ids(examples)["003"]
    cut = runner.invoke(app, ["show", article_id, "--db", str(db_path), "--removed"])
    assert cut.exit_code == 0 and "تبليغ" in cut.stdout

    missing = runner.invoke(app, ["show", "zzzz", "--db", str(db_path)])
    assert missing.exit_code == 2


def test_bad_documents_are_reported_and_the_batch_goes_on(tmp_path, db_path, examples):
    (tmp_path / "good.txt").write_text((examples / "003_7b4578ec5f0292d2.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db_path), "--format", "json", "--strict"])
    data = json.loads(result.stdout)
    assert data["processed"] == 1
    assert sorted(Path(s["source"]).name for s in data["skipped"]) == ["empty.html", "image.txt"]
    assert result.exit_code == 1
