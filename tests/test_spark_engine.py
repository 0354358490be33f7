"""The Spark engine for real, in local mode: WARC and RSS built from the seed texts, end to end.

One run through the real CLI (``khabar spark ... --db``) serves every test, to
keep the JVM's start-up and per-job costs paid once.
"""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (scripts/system-deps.sh installs one)", allow_module_level=True)

from typer.testing import CliRunner  # noqa: E402

from formats import seed_texts, write_feed, write_warc  # noqa: E402
from khabar.cli import app  # noqa: E402
from khabar.ingest import read_paths  # noqa: E402
from khabar.pipeline import consolidate, ingest  # noqa: E402
from khabar.scale import load_parquet  # noqa: E402
from khabar.scale.blocking import candidate_edges, connected_components  # noqa: E402
from khabar.scale.session import spark_session  # noqa: E402
from khabar.store.sqlite import Store  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", app="khabar-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A WARC of all seed articles, an RSS feed repeating three of them, and a broken zip."""
    root = tmp_path_factory.mktemp("corpus")
    texts = seed_texts()
    write_warc(root / "crawl.warc.gz", texts, gzip=True, extras=True)
    write_feed(root / "feed.rss", texts[:3])
    (root / "broken.zip").write_bytes(b"PK\x03\x04 nope")
    return root


@pytest.fixture(scope="module")
def spark_run(spark, corpus, tmp_path_factory):
    """``(summary printed by the CLI, tables directory, SQLite file they were loaded into)``."""
    work = tmp_path_factory.mktemp("spark-out")
    out, db = work / "tables", work / "k.db"
    result = runner.invoke(app, ["spark", str(corpus), "--out", str(out), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1]), out, db


def _docs(corpus):
    return [d for d in read_paths([corpus]) if hasattr(d, "doc_id")]


def test_every_document_is_accounted_for(spark_run, corpus):
    summary, _, _ = spark_run
    counts = summary["counts"]
    assert counts["articles"] == len({d.doc_id for d in _docs(corpus)}) == 8
    assert counts["failures"] == 1  # the broken zip, named
    assert counts["events"] >= 1 and counts["stories"] >= 1 and counts["facts"] > 0


def test_spark_events_equal_the_embedded_engines(spark, spark_run, corpus, tmp_path):
    _, out, _ = spark_run
    with Store(tmp_path / "embedded.db") as store:
        ingest([corpus], store, workers=1)
        consolidate(store)
        embedded = {frozenset(e.article_ids) for e in store.events()}
    rows = spark.read.parquet(str(out / "events")).select("data").collect()
    assert {frozenset(json.loads(r.data)["article_ids"]) for r in rows} == embedded


def test_every_article_row_names_its_event_and_story(spark, spark_run):
    _, out, _ = spark_run
    rows = spark.read.parquet(str(out / "articles")).select("id", "event_id", "story_id").collect()
    events = {r.id for r in spark.read.parquet(str(out / "events")).select("id").collect()}
    assert rows and all(r.event_id in events and r.story_id for r in rows)


def test_tables_are_loaded_into_sqlite(spark_run):
    summary, _, db = spark_run
    assert summary["loaded"]["articles"] == summary["counts"]["articles"]
    with Store(db) as store:
        assert len(store.events()) == summary["counts"]["events"]
        digests = store.digests()
        # every story is digested (each in a task of its own), from all of its events' articles
        assert len(digests) == summary["counts"]["stories"]
        assert all(d.headline and set(d.article_ids) == {a for e in d.events for a in e.event.article_ids}
                   for d in digests)
    listed = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == summary["counts"]["stories"]


def test_loading_something_else_is_a_clear_error(tmp_path):
    with Store(tmp_path / "x.db") as store, pytest.raises(FileNotFoundError):
        load_parquet(tmp_path, store)
    assert runner.invoke(app, ["load-parquet", str(tmp_path), "--db", str(tmp_path / "x.db")]).exit_code == 2


def test_connected_components_follow_chains_and_keep_islands(spark):
    ids = spark.createDataFrame([(x,) for x in "abcdefg"], "id string")
    edges = spark.createDataFrame([("d", "c"), ("c", "b"), ("b", "a"), ("f", "e")], "src string, dst string")
    labels = {r.id: r.block for r in connected_components(ids, edges).collect()}
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "e": "e", "f": "e", "g": "g"}


def _edges(spark, rows, window=4):
    frame = spark.createDataFrame(rows, "id string, day int, keywords array<string>")
    return {(r.src, r.dst) for r in candidate_edges(frame, window).collect()}


def test_two_shared_keywords_make_a_candidate_one_does_not(spark):
    a = [f"w{i}" for i in range(12)]
    assert _edges(spark, [("a", 1, a), ("b", 1, list(reversed(a[:2])) + ["x", "y"])]) == {("a", "b")}
    assert _edges(spark, [("a", 1, a), ("b", 1, a[:1] + ["x", "y"])]) == set()


def test_star_runs_break_where_days_are_too_far_apart(spark):
    kw = ["قمة", "اسطنبول"]
    rows = [("a", 10, kw), ("b", 11, kw), ("c", 13, kw), ("d", 30, kw), ("e", 31, kw), ("u", None, kw)]
    assert _edges(spark, rows) == {("u", "a"), ("u", "b"), ("u", "c"), ("d", "e")}


def test_buckets_of_a_common_word_pair_are_dropped(spark):
    kw = ["عام", "دول"]
    rows = [(f"a{i:03d}", 1, kw) for i in range(5)]
    assert len(_edges(spark, rows)) == 4
    frame = spark.createDataFrame(rows, "id string, day int, keywords array<string>")
    assert candidate_edges(frame, 4, max_bucket=4).count() == 0
