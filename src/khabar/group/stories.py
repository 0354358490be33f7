"""Stories: events linked into threads when they share main entities and topic.

Events arrive in time order; each joins the open story whose topic (TF-IDF
centroid of its events' stems) and main entities are close enough, over a much
longer window than events, with a lower bar than the one that merges articles
into one event. Two rounds of the same talks are two events of one story.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from khabar.group.space import Centroid
from khabar.model import Story


@dataclass(frozen=True)
class EventTopic:
    """What story linking knows of an event."""

    id: str
    day: int | None
    title: str
    terms: dict[str, float]  # unit TF-IDF centroid of the event, top terms
    entities: frozenset[str]


@dataclass(frozen=True)
class StoryWeights:
    """Story linking settings; the threshold was chosen on the dev events of the SaudiNewsNet
    labelled set, scored among all articles of its three days (0.22 let big stories snowball)."""

    threshold: float = 0.30
    entities: float = 0.2
    window: int = 60  # days a story stays open after its last event
    keywords: int = 12
    candidates: int = 16
    max_posting: int = 400


def story_id(first_event_id: str) -> str:
    """A stable story id derived from the story's earliest event."""
    return "st-" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Story:
    id: str
    terms: Centroid = field(default_factory=Centroid)
    entities: Counter = field(default_factory=Counter)
    event_ids: list[str] = field(default_factory=list)
    keywords: set[str] = field(default_factory=set)
    last_day: int | None = None
    title: str = ""


def link_stories(events: Sequence[EventTopic], weights: StoryWeights = StoryWeights(),
                 previous: Mapping[str, Story] | None = None) -> tuple[Story, ...]:
    """Thread events (given earliest first) into stories, each with its events in time order.

    ``previous`` maps event ids to the story they were in at an earlier run: those events
    stay in it (same id and title), so regrouping the same events gives the same stories
    and only new events are linked by similarity (they may join an earlier story).
    """
    w = weights
    previous = previous or {}
    stories: dict[str, _Story] = {}
    index: dict[str, list[str]] = {}
    for ev in events:  # earlier stories first, whole: a new event may be older than their events
        if ev.id in previous:
            old = previous[ev.id]
            stories.setdefault(old.id, _Story(old.id, title=old.title))
            _join(stories[old.id], ev, _keywords(ev, w.keywords), index)
    for ev in events:
        if ev.id in previous:
            continue
        keywords = _keywords(ev, w.keywords)
        hits: Counter = Counter()
        for kw in keywords:
            posting = index.get(kw, ())
            if len(posting) <= w.max_posting:
                for s in posting:
                    hits[s] += ev.terms[kw]
        best, best_score = None, w.threshold
        for sid, _ in hits.most_common(w.candidates):
            st = stories[sid]
            if ev.day is not None and st.last_day is not None and ev.day - st.last_day > w.window:
                continue
            score = st.terms.cosine(ev.terms)
            if ev.entities and st.entities:
                score += w.entities * sum(1 for k in ev.entities if k in st.entities) / len(ev.entities)
            if score >= best_score:
                best, best_score = sid, score
        st = stories.get(best) if best else None
        if st is None:
            st = _Story(story_id(ev.id), title=ev.title)
            stories[st.id] = st
        _join(st, ev, keywords, index)
    order = {ev.id: i for i, ev in enumerate(events)}
    return tuple(Story(s.id, tuple(sorted(s.event_ids, key=order.__getitem__)), s.title) for s in stories.values())


def _keywords(ev: EventTopic, n: int) -> list[str]:
    return sorted(ev.terms, key=lambda f: (-ev.terms[f], f))[:n]


def _join(st: _Story, ev: EventTopic, keywords: list[str], index: dict[str, list[str]]) -> None:
    st.terms.add(ev.terms)
    st.entities.update(ev.entities)
    st.event_ids.append(ev.id)
    if ev.day is not None:
        st.last_day = ev.day if st.last_day is None else max(st.last_day, ev.day)
    for kw in keywords:
        if kw not in st.keywords:
            st.keywords.add(kw)
            index.setdefault(kw, []).append(st.id)
