"""A digest killed at a random moment leaves a consistent database; re-running finishes the job."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "istanbul-2025"


def make_corpus(target: Path, copies: int) -> int:
    """Distinct documents (each seed, varied by a numbered line) in JSON Lines and text files."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    target.mkdir(parents=True, exist_ok=True)
    with (target / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for j, text in enumerate(seeds):
                fh.write(json.dumps({"text": f"{text}\n\nنسخة رقم {i}-{j}"}, ensure_ascii=False) + "\n")
    for j, text in enumerate(seeds):
        (target / f"seed{j}.txt").write_text(text, encoding="utf-8")
    return copies * len(seeds) + len(seeds)


def khabar(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "khabar.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def check_consistent(db: Path) -> int:
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert con.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == articles
    assert con.execute("SELECT COUNT(*) FROM article_search").fetchone()[0] == articles
    assert con.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == articles
    con.close()
    return articles


def kill_and_resume(corpus: Path, db: Path, total: int, delay: float) -> None:
    proc = khabar("digest", str(corpus), "--db", str(db), "--quiet", "--format", "json")
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if db.exists():
        check_consistent(db)
    again = khabar("digest", str(corpus), "--db", str(db), "--quiet", "--format", "json")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()
    assert check_consistent(db) == total
    report = json.loads(out)
    assert sum(len(s["article_ids"]) for s in report["stories"]) == total


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_then_rerun(tmp_path, seed):
    total = make_corpus(tmp_path / "corpus", copies=40)
    kill_and_resume(tmp_path / "corpus", tmp_path / "k.db", total, random.Random(seed).uniform(0.5, 4.0))
