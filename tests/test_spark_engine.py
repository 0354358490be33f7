"""The Spark engine for real, in local mode: WARC and RSS built from the seed texts, end to end."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (scripts/system-deps.sh installs one)", allow_module_level=True)

from formats import seed_texts, write_feed, write_warc  # noqa: E402

from khabar.ingest import read_paths  # noqa: E402
from khabar.pipeline import consolidate, ingest  # noqa: E402
from khabar.scale import load_parquet, run  # noqa: E402
from khabar.scale.blocking import connected_components  # noqa: E402
from khabar.scale.session import spark_session  # noqa: E402
from khabar.store.sqlite import Store  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", app="khabar-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A WARC of all seed articles and an RSS feed repeating three of them, plus a broken file."""
    root = tmp_path_factory.mktemp("corpus")
    texts = seed_texts()
    write_warc(root / "crawl.warc.gz", texts, gzip=True, extras=True)
    write_feed(root / "feed.rss", texts[:3])
    (root / "broken.zip").write_bytes(b"PK\x03\x04 nope")
    return root


@pytest.fixture(scope="module")
def spark_run(spark, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark-out")
    return run([corpus], out, spark=spark), out


def _events(table) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in table}


def test_every_document_is_accounted_for(spark_run, corpus):
    result, _ = spark_run
    docs = [d for d in read_paths([corpus]) if hasattr(d, "doc_id")]
    assert result.counts["articles"] == len({d.doc_id for d in docs})
    assert result.counts["failures"] >= 1  # the broken zip, named
    assert result.counts["events"] >= 2 and result.counts["stories"] >= 1


def test_spark_events_equal_the_embedded_engines(spark, spark_run, corpus, tmp_path):
    _, out = spark_run
    with Store(tmp_path / "embedded.db") as store:
        ingest([corpus], store, workers=1)
        consolidate(store)
        embedded = _events(e.article_ids for e in store.events())
    rows = spark.read.parquet(str(out / "events")).select("data").collect()
    import json

    assert _events(json.loads(r.data)["article_ids"] for r in rows) == embedded


def test_the_earlier_round_is_its_own_event(spark, spark_run, corpus):
    _, out = spark_run
    sources = {r.id: r.source for r in spark.read.parquet(str(out / "articles")).collect()}
    by_event: dict[str, set[str]] = {}
    for r in spark.read.parquet(str(out / "articles")).collect():
        by_event.setdefault(r.event_id, set()).add(r.id)
    assert all(r is not None for r in by_event)
    warc = {aid: src.rsplit("/", 1)[1] for aid, src in sources.items() if src.endswith(tuple("01234"))}
    earlier = next(aid for aid, url in warc.items() if url == "4")
    later = next(aid for aid, url in warc.items() if url == "0")
    assert not any(earlier in ids and later in ids for ids in by_event.values())


def test_tables_load_into_sqlite(spark_run, tmp_path):
    result, out = spark_run
    with Store(tmp_path / "loaded.db") as store:
        counts = load_parquet(out, store)
        assert counts["articles"] == store.count_articles() == result.counts["articles"]
        assert len(store.events()) == result.counts["events"]
        digests = store.digests()
        assert digests and all(d.article_ids for d in digests)
        assert {a for d in digests for a in d.article_ids} <= set(store.find_articles(""))


def test_connected_components_follow_chains_and_keep_islands(spark):
    ids = spark.createDataFrame([(x,) for x in "abcdefg"], "id string")
    edges = spark.createDataFrame([("d", "c"), ("c", "b"), ("b", "a"), ("f", "e")], "src string, dst string")
    labels = {r.id: r.block for r in connected_components(ids, edges).collect()}
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "e": "e", "f": "e", "g": "g"}


def test_load_rejects_a_directory_that_is_not_an_output(tmp_path):
    with Store(tmp_path / "x.db") as store, pytest.raises(FileNotFoundError):
        load_parquet(tmp_path, store)
