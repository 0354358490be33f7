"""Consolidation of one story: entities, per-event facts and summaries, timeline, story summary.

This is where the per-stage results meet; it only composes the stage functions,
so each stays replaceable (and the Spark engine calls the same function per story).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import urlparse

from khabar.consolidate.compare import compare_event
from khabar.consolidate.entities import merge_entities
from khabar.consolidate.summary import headline, summarize
from khabar.consolidate.timeline import build_timeline
from khabar.model import Analysis, Article, Event, EventDigest, Story, StoryDigest

Items = Mapping[str, tuple[Article, Analysis]]


_HASH_SUFFIX = re.compile(r"[_-][0-9a-f]{12,}$")


def outlet_of(article: Article) -> str:
    """The name to show for where an article comes from."""
    if article.outlet:
        return article.outlet
    if article.url:
        return urlparse(article.url).netloc.removeprefix("www.")
    if article.credited_source:
        return article.credited_source
    stem = PurePath(article.source.split(":")[0]).stem
    return _HASH_SUFFIX.sub("", stem) or stem


def digest_event(event: Event, items: Items, words: int) -> EventDigest:
    ids = [a for a in event.article_ids if a in items]
    bodies = {a: items[a][0].body for a in ids}
    facts = compare_event(ids, bodies, {a: items[a][1].facts for a in ids},
                          {a: outlet_of(items[a][0]) for a in ids})
    key_terms = [c.key for g in facts if g.status == "agreed" for c in g.claims[:1]]
    summary = summarize(bodies, {a: items[a][1].sentences for a in ids}, words=words,
                        dates={a: event.date for a in ids}, key_terms=key_terms)
    title = headline([items[a][0].title for a in ids], [bodies[a] for a in ids])
    return EventDigest(event=event, headline=title, summary=summary, facts=facts)


def digest_story(story: Story, events: Mapping[str, Event], items: Items, words: int = 120) -> StoryDigest:
    """Everything a reader gets for ``story`` from its events' articles."""
    story_events = [events[e] for e in story.event_ids if e in events]
    ids = [a for e in story_events for a in e.article_ids if a in items]
    event_digests = tuple(digest_event(e, items, words) for e in story_events)
    bodies = {a: items[a][0].body for a in ids}
    sentences = {a: items[a][1].sentences for a in ids}
    entities = merge_entities(bodies, sentences, {a: items[a][1].mentions for a in ids})
    timeline = build_timeline(story_events, bodies, {a: items[a][1].facts for a in ids})
    if len(event_digests) == 1:  # the story is its event: same articles, same summary and headline
        summary, title = event_digests[0].summary, event_digests[0].headline
    else:
        # each article is dated by its event: the grouping settles dates an article leaves open
        dates = {a: e.date for e in story_events for a in e.article_ids if a in items}
        summary = summarize(bodies, sentences, words=words, dates=dates,
                            key_terms=[e.key for e in entities[:10]])
        title = headline([items[a][0].title for a in ids], list(bodies.values()))
    outlets = tuple(sorted({outlet_of(items[a][0]) for a in ids}))
    return StoryDigest(story=story, headline=title, events=event_digests,
                       summary=summary, entities=entities, timeline=timeline, article_ids=tuple(ids),
                       outlets=outlets)
