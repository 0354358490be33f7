"""Grouping: near-duplicates, events and stories, online and with stable ids.

:func:`group` is what the pipeline calls; :class:`EventClusterer` underneath it is
the stream clusterer (one article at a time), :func:`link_stories` threads events
into stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from khabar.group.crossref import infer_event_dates
from khabar.group.dedup import Deduplicator
from khabar.group.events import DEFAULT, SHORT, EventClusterer, Weights, embedding_text, event_id, weights_for
from khabar.group.stories import StoryWeights, link_stories, story_id
from khabar.group.stream import prepared
from khabar.model import Analysis, Article, Duplicate, Event, Story


@dataclass(frozen=True)
class Grouping:
    """Events (earliest first) and the stories that thread them."""

    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()


def time_order(items: Sequence[tuple[Article, Analysis]]) -> list[tuple[Article, Analysis]]:
    """Articles in the order a stream would deliver them: by date, ties by id; undated ones last,
    as if they arrived now (the clusterer dates them by the latest day it has seen)."""
    return sorted(items, key=lambda it: (it[0].published_at or it[1].event_date or "9999", it[0].id))


def group(items: Sequence[tuple[Article, Analysis]], previous: Grouping | None = None, *,
          embeddings: bool = False, weights: Weights | None = None,
          story_weights: StoryWeights | None = None, pipelined: bool = False) -> Grouping:
    """Group articles into events and stories.

    ``previous`` is the grouping already stored: its articles that appear again in
    ``items`` stay in their events and new articles extend them, and its events stay
    in their stories, so ids never change; its articles missing from ``items`` are
    kept as they were. ``weights`` default to the ones the collection wants
    (:func:`weights_for`: news, or short texts such as tweets). ``pipelined`` computes what
    each article brings to the stream (vectors, near-duplicates) in a second process while this
    one places the articles (:mod:`khabar.group.stream`): the same result, on two cores.
    """
    items = infer_event_dates(items)
    prior = {aid: ev.id for ev in (previous.events if previous else ()) for aid in ev.article_ids}
    embedder = None
    if embeddings:
        from khabar.group.embed import shared

        embedder = shared()
        embedder.prefetch([embedding_text(a, an) for a, an in items])
    clusterer = EventClusterer(weights or weights_for([an for _, an in items]), embedder=embedder)
    ordered = time_order(items)
    stored = [it for it in ordered if it[0].id in prior]  # seen in an earlier run: replayed first
    replay = stored + [it for it in ordered if it[0].id not in prior]
    for article, analysis in replay:
        if analysis.article_id and analysis.article_id != article.id:
            raise ValueError(f"{article.source or article.id}: analysis is of article {analysis.article_id}")
    for (article, _), prep in zip(replay, prepared(clusterer.stream, replay, pipelined=pipelined), strict=True):
        clusterer.place(prep, article.title, event=prior.get(article.id))
    clusterer.merge_close(keep=frozenset(prior.values()))
    rank = {article.id: i for i, (article, _) in enumerate(ordered)}
    old_duplicates = {d.article_id: d for ev in (previous.events if previous else ()) for d in ev.duplicates}
    events = tuple(_in_time_order(_stored_duplicates(e, prior, old_duplicates), rank)
                   for e in _keep_previous(clusterer.result(), previous))
    story_of = {eid: s for s in (previous.stories if previous else ()) for eid in s.event_ids}
    return Grouping(events, link_stories(clusterer.topics(), story_weights or StoryWeights(), previous=story_of))


def _stored_duplicates(event: Event, prior: dict[str, str], old: dict[str, Duplicate]) -> Event:
    """The event with its stored articles' duplicate records as they were stored: replayed in
    another order, a copy may find another (equally close) original first."""
    fresh = tuple(d for d in event.duplicates if d.article_id not in prior)
    return replace(event, duplicates=fresh + tuple(old[a] for a in event.article_ids if a in prior and a in old))


def _in_time_order(event: Event, rank: dict[str, int]) -> Event:
    """The event with its articles (and duplicates) in stream order, however they arrived: a run
    that adds articles to stored events lists them as a run over all articles at once would."""
    def key(aid: str) -> int:
        return rank.get(aid, -1)  # articles not in this run's input were kept first

    return replace(event, article_ids=tuple(sorted(event.article_ids, key=key)),
                   duplicates=tuple(sorted(event.duplicates, key=lambda d: key(d.article_id))))


def _keep_previous(events: tuple[Event, ...], previous: Grouping | None) -> tuple[Event, ...]:
    """Put back articles of stored events that were not in this run's input."""
    if previous is None:
        return events
    seen = {aid for ev in events for aid in ev.article_ids}
    by_id = {ev.id: ev for ev in events}
    out = list(events)
    for old in previous.events:
        missing = tuple(a for a in old.article_ids if a not in seen)
        if not missing:
            continue
        if old.id in by_id:
            ev = by_id[old.id]
            merged = Event(ev.id, missing + ev.article_ids, ev.title, ev.date or old.date,
                           old.duplicates + ev.duplicates)
            out[out.index(ev)] = merged
        else:
            out.append(old)
    return tuple(out)


__all__ = ["DEFAULT", "SHORT", "Deduplicator", "EventClusterer", "Grouping", "StoryWeights", "Weights", "event_id",
           "group", "link_stories", "story_id", "time_order", "weights_for"]
