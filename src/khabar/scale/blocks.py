"""Events and stories per block, then one digest per story: the embedded functions, run per task.

Each block (a connected component of candidate links) is independent of the
others, so :func:`khabar.group.group` runs on it unchanged, inside one Spark
task. On a news stream nearly everything falls into one block (consecutive
days share keyword pairs), so digesting stories inside the block's task would
leave every other core idle: the grouping task only plans each story (the
story and its events, as JSON), and :func:`digest_story_task` digests each
story in a task of its own, with its articles shuffled to it. Output records
are tagged tuples, split into tables by :mod:`khabar.scale.tables`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from khabar.model import Analysis, Article, Event, Story, StoryDigest, from_dict, to_dict


def group_block(rows: Iterable[tuple[str, str]]) -> Iterator[tuple[str, tuple]]:
    """Tagged ``member``, ``event`` and ``plan`` records for one block, from its ``(article_json,
    analysis_json)`` rows; a plan is ``(story_id, story_json, [event_json, ...])``."""
    from khabar.group import group

    grouping = group([(from_dict(Article, json.loads(a)), from_dict(Analysis, json.loads(n))) for a, n in rows])
    story_of = {e: s.id for s in grouping.stories for e in s.event_ids}
    events = {e.id: e for e in grouping.events}
    for event in grouping.events:
        sid = story_of.get(event.id, "")
        for aid in event.article_ids:
            yield "member", (aid, event.id, sid)
        yield "event", (event.id, sid, event.date, event.title, len(event.article_ids), _json(event))
    for story in grouping.stories:
        yield "plan", (story.id, _json(story), [_json(events[e]) for e in story.event_ids if e in events])


def digest_story_task(plan: tuple[str, list[str]], rows: Iterable[tuple[str, str]],
                      words: int = 120) -> Iterator[tuple[str, tuple]]:
    """Tagged ``story``, ``entity``, ``fact`` (and on a bug, ``failure``) records of one story, from its
    plan ``(story_json, [event_json, ...])`` and its articles' ``(article_json, analysis_json)`` rows."""
    from khabar.consolidate.digest import digest_story
    from khabar.pipeline import few_collections

    few_collections()
    story = from_dict(Story, json.loads(plan[0]))
    events = {e.id: e for e in (from_dict(Event, json.loads(j)) for j in plan[1])}
    items = {}
    for a, n in rows:
        article = from_dict(Article, json.loads(a))
        items[article.id] = (article, from_dict(Analysis, json.loads(n)))
    try:
        digest = digest_story(story, events, items, words=words)
    except Exception as err:  # one story's bug must not fail the job; it is reported
        yield "failure", (story.id, f"digest failed: {type(err).__name__}: {err}")
        digest = None
    yield from _story_records(story, events, digest)


def _story_records(story, events, digest: StoryDigest | None) -> Iterator[tuple[str, tuple]]:
    dates = [events[e].date for e in story.event_ids if e in events and events[e].date]
    n_articles = sum(len(events[e].article_ids) for e in story.event_ids if e in events)
    outlets = len(digest.outlets) if digest else 0
    yield "story", (story.id, max(dates, default=""), n_articles, outlets, digest.headline if digest else story.title,
                    _json(story), _json(digest) if digest else None)
    if digest is None:
        return
    for entity in digest.entities:
        yield "entity", (story.id, entity.id, entity.type, entity.name, entity.key, entity.roman,
                         entity.n_mentions, _json(entity))
    for event_digest in digest.events:
        for group in event_digest.facts:
            yield "fact", (story.id, event_digest.event.id, group.slot, group.subject, group.status,
                           len(group.claims), _json(group))


def _json(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))
