"""The embedded engine with its process pool: same results as in-process, bounded reading, real formats."""

from __future__ import annotations

import gc
import itertools
from concurrent.futures import ThreadPoolExecutor

import pytest

from formats import seed_texts, write_feed, write_warc
from khabar.errors import BadDocument
from khabar.model import RawDoc
from khabar.pipeline import (
    CHUNK,
    GC_THRESHOLDS,
    IN_FLIGHT,
    _bounded,
    _run_stages,
    consolidate,
    ingest,
    worker_pool,
)
from khabar.store.sqlite import Store


@pytest.fixture
def corpus(tmp_path):
    """All seed articles as a WARC, three as an RSS feed, and a file that is not a feed."""
    texts = seed_texts()
    write_warc(tmp_path / "crawl.warc", texts, extras=True)
    write_feed(tmp_path / "feed.rss", texts[:3])
    (tmp_path / "junk.xml").write_text("<x>ليس خلاصة</x>", encoding="utf-8")
    return tmp_path


def _run(corpus, db, workers):
    with Store(db) as store:
        report = ingest([corpus], store, workers=workers, batch_size=3)
        digests = consolidate(store)
        events = {frozenset(e.article_ids) for e in store.events()}
        return report, digests, events, store.count_articles()


def test_pool_and_in_process_runs_agree(corpus, tmp_path):
    one = _run(corpus, tmp_path / "one.db", 1)
    two = _run(corpus, tmp_path / "two.db", 2)
    assert one[0].processed == two[0].processed == one[3] == 8
    assert sorted(one[0].skipped) == sorted(two[0].skipped) and one[0].skipped[0][0].endswith("junk.xml")
    assert one[2] == two[2]
    assert {"clean", "analyze", "store", "read"} <= set(two[0].timings)


def test_warc_and_rss_go_through_the_whole_pipeline(corpus, tmp_path):
    report, digests, events, _ = _run(corpus, tmp_path / "k.db", 2)
    assert digests and all(d.summary for d in digests)
    feed_ids = {a for d in digests for a in d.article_ids}
    assert len(feed_ids) == report.processed
    assert sum(len(e) for e in events) == report.processed


def test_rerun_adds_nothing(corpus, tmp_path):
    _run(corpus, tmp_path / "k.db", 2)
    with Store(tmp_path / "k.db") as store:
        again = ingest([corpus], store, workers=2)
    assert again.processed == 0 and again.duplicates == 8


def test_reading_stays_ahead_by_a_bounded_number_of_chunks():
    pulled = itertools.count()

    def endless():
        text = seed_texts()[0]
        for i in itertools.count():
            next(pulled)
            yield RawDoc(f"id{i}", f"doc{i}", text=text)

    first = next(_run_stages(endless(), workers=2))
    outcomes, timings = first
    assert len(outcomes) == CHUNK and "analyze" in timings
    assert next(pulled) <= (2 * IN_FLIGHT + 1) * CHUNK + 1


@pytest.mark.parametrize("count", [0, 2, 9])
def test_work_meanwhile_runs_once_the_first_tasks_are_queued_and_before_any_result(count):
    """What the consolidation stores meanwhile (the grouping) is there before the first digest is saved."""
    log: list[str] = []
    submitted = itertools.count()

    def task(x: int) -> int:
        return x * x

    def tasks():
        for x in range(count):
            log.append(f"submit {next(submitted)}")
            yield x

    with ThreadPoolExecutor(2) as pool:
        results = []
        for result in _bounded(pool, task, tasks(), 3, meanwhile=lambda: log.append("meanwhile")):
            log.append("result")
            results.append(result)
    assert results == [x * x for x in range(count)]
    assert log.count("meanwhile") == 1
    assert log.index("meanwhile") == min(count, 3)  # after the first three submissions, before any result
    assert "result" not in log[:log.index("meanwhile")]


def test_a_failing_document_is_reported_not_fatal(tmp_path):
    docs = [RawDoc("a", "a.txt", text=seed_texts()[0]), RawDoc("b", "b.html", html="<html><body></body></html>")]
    outcomes = [o for chunk, _ in _run_stages(iter(docs), workers=2) for o in chunk]
    assert isinstance(outcomes[0], tuple)
    assert isinstance(outcomes[1], BadDocument) and outcomes[1].source == "b.html"


def test_pool_workers_run_the_collector_rarely():
    with worker_pool(1) as pool:
        assert pool.submit(gc.get_threshold).result() == GC_THRESHOLDS
