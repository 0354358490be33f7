"""`khabar serve` keeps answering while `khabar ingest` writes to the same database (SQLite WAL)."""

from __future__ import annotations

import json
import sqlite3
import time

import httpx
from tests.live_server import khabar, serve
from tests.test_crash_resume import check_consistent, make_corpus

from khabar.store.sqlite import Store

COPIES = 12


def _build_db(examples, db) -> None:
    proc = khabar("digest", str(examples), "--db", str(db), "--quiet", "--format", "json")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()


def _article_count(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _stories_cover_every_article_once(db) -> bool:
    con = sqlite3.connect(db)
    try:
        in_stories = [a for (data,) in con.execute("SELECT digest FROM stories WHERE digest IS NOT NULL")
                      for a in json.loads(data).get("article_ids", [])]
        stored = [a for (a,) in con.execute("SELECT id FROM articles")]
    finally:
        con.close()
    return sorted(in_stories) == sorted(stored)


def test_server_reads_while_ingest_writes(tmp_path, examples):
    db = tmp_path / "k.db"
    _build_db(examples, db)
    before = _article_count(db)
    total = before + make_corpus(tmp_path / "new", copies=COPIES) - len(list(examples.glob("*.txt")))

    with serve(db) as (base, server), httpx.Client(base_url=base, timeout=30) as client:
        story_id = client.get("/api/stories").json()["stories"][0]["id"]
        urls = ["/", "/api/stories", f"/api/stories/{story_id}", f"/story/{story_id}", "/api/search?q=ترامب"]
        writer = khabar("ingest", str(tmp_path / "new"), "--db", str(db), "--quiet", "--format", "json")
        statuses: list[tuple[str, int]] = []
        polls_while_writing = 0
        deadline = time.monotonic() + 400
        while writer.poll() is None and time.monotonic() < deadline:
            for url in urls:
                statuses.append((url, client.get(url).status_code))
            polls_while_writing += 1
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err.decode()
        for url in urls:  # and once more when the writer is done
            statuses.append((url, client.get(url).status_code))

        assert polls_while_writing >= 3, "the ingest finished before the server was read from"
        assert [s for s in statuses if s[1] != 200] == []
        assert _article_count(db) == total
        listing = client.get("/api/stories").json()
        assert sum(row["n_articles"] for row in listing["stories"]) == total
        newest = sqlite3.connect(db).execute("SELECT id FROM articles ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        assert client.get(f"/api/articles/{newest}").status_code == 200
        assert server.poll() is None
    assert _stories_cover_every_article_once(db)


def test_two_writers_at_once_lose_nothing_and_duplicate_nothing(tmp_path, examples):
    total = make_corpus(tmp_path / "a", copies=6)
    make_corpus(tmp_path / "b", copies=6)  # the same documents: each writer races the other for every one
    db = tmp_path / "k.db"
    writers = [khabar("ingest", str(tmp_path / name), "--db", str(db), "--quiet", "--format", "json")
               for name in ("a", "b")]
    for writer in writers:
        _, err = writer.communicate(timeout=400)
        assert writer.returncode == 0, err.decode()
    assert check_consistent(db) == total
    assert _stories_cover_every_article_once(db)
    with serve(db) as (base, _), httpx.Client(base_url=base, timeout=30) as client:
        listing = client.get("/api/stories").json()
    assert sum(row["n_articles"] for row in listing["stories"]) == total


def _open_store(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        with Store(path):
            results.put("ok")
    except sqlite3.OperationalError as exc:
        results.put(str(exc))


def test_processes_creating_one_database_at_once_all_open_it(tmp_path):
    """SQLite answers a second switch to WAL "database is locked" at once (no busy timeout):
    before the retry, about one open in twelve failed here."""
    import multiprocessing

    outcomes = []
    for round_ in range(12):
        barrier, results = multiprocessing.Barrier(4), multiprocessing.Queue()
        procs = [multiprocessing.Process(target=_open_store, args=(str(tmp_path / f"{round_}.db"), barrier, results))
                 for _ in range(4)]
        for proc in procs:
            proc.start()
        outcomes += [results.get(timeout=60) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
    assert outcomes == ["ok"] * 48
