"""Digesting many stories: which ones need it, and in tasks a worker process can run alone.

A story's digest depends only on the story, its events and its articles (ids are
content hashes, so a stored article never changes) and on the summary length. The
key of those inputs is stored with the digest, so a regrouping that leaves a story
as it was does not digest it again. Stories are independent, so they are digested
in tasks that each read their own articles from the database: the process that
groups never holds the article bodies, and workers do the JSON decoding in parallel.
"""

from __future__ import annotations

import gc
import hashlib
import json
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from khabar.consolidate.digest import digest_story
from khabar.model import Event, Story, StoryDigest, to_dict
from khabar.store.sqlite import DigestRow, Store, digest_row

TASK_ARTICLES = 64  # articles per task: small stories are batched, a big one is a task of its own

StoryInputs = tuple[Story, tuple[Event, ...]]


def story_inputs(story: Story, events: Mapping[str, Event]) -> StoryInputs:
    """The story with the events it threads (those the grouping knows)."""
    return story, tuple(events[e] for e in story.event_ids if e in events)


def digest_key(inputs: StoryInputs, words: int) -> str:
    """A hash of everything the story's digest is made from, except the (immutable) articles."""
    story, events = inputs
    blob = json.dumps([to_dict(story), [to_dict(e) for e in events], words], ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def tasks(stories: Sequence[StoryInputs], size: int = TASK_ARTICLES) -> list[list[StoryInputs]]:
    """Stories packed into tasks of about ``size`` articles, the biggest tasks first (they finish last)."""
    ordered = sorted(stories, key=lambda s: -_articles(s))
    out: list[list[StoryInputs]] = []
    current: list[StoryInputs] = []
    count = 0
    for inputs in ordered:
        current.append(inputs)
        count += _articles(inputs)
        if count >= size:
            out.append(current)
            current, count = [], 0
    if current:
        out.append(current)
    return out


def digest_stories(store: Store, stories: Sequence[StoryInputs], words: int) -> list[StoryDigest]:
    """The digests of ``stories``, reading their articles from ``store``."""
    with _collector_paused():
        items = store.items_of(a for _, events in stories for e in events for a in e.article_ids)
        return [digest_story(story, {e.id: e for e in events}, items, words=words) for story, events in stories]


def digest_rows(store: Store, stories: Sequence[StoryInputs], words: int) -> list[DigestRow]:
    """:func:`digest_stories`, encoded for the store (where they were made: see :class:`DigestRow`)."""
    with _collector_paused():
        return [digest_row(d) for d in digest_stories(store, stories, words)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a task runs (reference counting still frees
    everything). Digesting allocates millions of objects that form no reference cycles, so the
    collector's passes, which also walk the process's caches, found almost nothing to free (743
    objects in a day's 1,164 stories) and cost about a tenth of the task's CPU."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def digest_task(db_path: str, stories: Sequence[StoryInputs], words: int) -> tuple[list[DigestRow], float]:
    """A worker's task: the digests of ``stories``, encoded for the store, and the CPU seconds they took.

    The worker opens the database read-only for the task (a millisecond, against the
    seconds a task takes), so no connection outlives the file it was opened on.
    """
    start = time.process_time()
    with Store(db_path, readonly=True) as store:
        rows = digest_rows(store, stories, words)
    return rows, time.process_time() - start


def _articles(inputs: StoryInputs) -> int:
    return sum(len(e.article_ids) for e in inputs[1])


__all__ = ["digest_key", "digest_rows", "digest_stories", "digest_task", "story_inputs", "tasks"]
