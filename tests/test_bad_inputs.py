"""The bad-input corpus goes through the real ingest: no crash, every file accounted for."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app
from khabar.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "bad_inputs"
_spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "scripts" / "make_bad_inputs.py")
make_bad_inputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad_inputs)

EXCEPTION_NAMES = ("Error:", "Exception:", "Traceback")


def test_committed_corpus_matches_its_generator():
    for name, data in make_bad_inputs.small_files().items():
        assert (CORPUS / name).read_bytes() == data, name


def test_every_bad_input_is_accounted_for(tmp_path):
    corpus = tmp_path / "bad"
    shutil.copytree(CORPUS, corpus)
    for name, data in make_bad_inputs.large_files().items():
        (corpus / name).write_bytes(data)
    expected = make_bad_inputs.EXPECTED | make_bad_inputs.LARGE
    db = tmp_path / "k.db"

    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    skipped = {Path(s["source"].split(":")[0].split("#")[0]).name: s["reason"] for s in summary["skipped"]}
    for reason in skipped.values():
        assert reason and not any(x in reason for x in EXCEPTION_NAMES), reason
    with Store(db) as store:
        processed = {Path(a.source.split(":")[0].split("#")[0]).name for a, _ in store.items()}

    for name, outcome in expected.items():
        if outcome == "processed":
            assert name in processed, (name, skipped.get(name))
        elif outcome == "skipped":
            assert name in skipped and name not in processed, name
        else:
            assert name in skipped and name in processed, name
    assert set(processed) | set(skipped) == set(expected)
    assert "too large" in skipped["single_line_50mb.txt"]

    strict = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--strict", "--quiet", "--no-group"])
    assert strict.exit_code == 1


def test_bodies_are_clean_text(tmp_path):
    db = tmp_path / "k.db"
    CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--quiet", "--no-group"])
    with Store(db) as store:
        bodies = {Path(a.source.split(":")[0].split("#")[0]).name: a.body for a, _ in store.items()}
    assert "\x00" not in bodies["null_bytes.txt"]
    assert "روسيا" in bodies["windows1256.txt"] and "روسيا" in bodies["utf16le_no_bom.txt"]
    assert "alert(1)" not in "".join(bodies.values())
