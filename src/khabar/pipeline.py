"""The embedded engine: ingest -> clean -> analyze -> store, then group -> consolidate -> store.

Per-document failures are values: a document that cannot be read, cleaned or
analyzed is reported with its source and the batch goes on. Writes go to SQLite in
batches, each one transaction, so an interrupted run leaves a consistent database
and re-running finishes the job (already stored ids are skipped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from khabar.analyze import analyze
from khabar.clean import clean
from khabar.consolidate.digest import digest_story
from khabar.errors import BadDocument
from khabar.group import Grouping, group
from khabar.ingest import read_paths
from khabar.model import Analysis, Article, RawDoc, StoryDigest
from khabar.store.sqlite import Store

BATCH = 200


@dataclass
class IngestReport:
    """What happened to every document of a run."""

    processed: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.processed + self.duplicates + len(self.skipped)


def process(doc: RawDoc) -> tuple[Article, Analysis]:
    """The per-article stages for one document (pure: no I/O, no shared state)."""
    article = clean(doc)
    if not article.body.strip():
        raise BadDocument(doc.source, "no article text found after cleaning")
    return article, analyze(article)


def ingest(paths: Iterable[str | Path], store: Store, *, progress: Callable[[str], None] | None = None,
           batch_size: int = BATCH) -> IngestReport:
    """Read, clean, analyze and store every document under ``paths``."""
    report = IngestReport()
    batch: list[tuple[Article, Analysis]] = []
    pending: set[str] = set()

    def flush() -> None:
        added = store.add_articles(batch)
        report.processed += added
        report.duplicates += len(batch) - added
        batch.clear()
        pending.clear()

    for item in read_paths(paths):
        if isinstance(item, BadDocument):
            report.skipped.append((item.source, item.reason))
        elif item.doc_id in pending or store.has_article(item.doc_id):
            report.duplicates += 1
        else:
            try:
                batch.append(process(item))
                pending.add(item.doc_id)
            except BadDocument as err:
                report.skipped.append((err.source, err.reason))
            except Exception as err:  # a bug on one document must not lose the batch
                report.skipped.append((item.source, f"{type(err).__name__}: {err}"))
        if progress:
            progress(getattr(item, "source", ""))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if report.skipped:
        store.record_failures(report.skipped)
    return report


def consolidate(store: Store, *, words: int = 120, embeddings: bool = False) -> list[StoryDigest]:
    """Group every stored article into events and stories, and digest each story."""
    items = list(store.items())
    previous = Grouping(events=tuple(store.events()), stories=tuple(store.stories()))
    grouping = group(items, previous, embeddings=embeddings)
    store.save_grouping(grouping.events, grouping.stories)
    by_id = {a.id: (a, n) for a, n in items}
    events = {e.id: e for e in grouping.events}
    digests = [digest_story(s, events, by_id, words=words) for s in grouping.stories]
    store.save_digests(digests)
    return digests
