"""Stories: events linked into threads when they share main entities and topic.

Events arrive in time order; each joins the open story one of whose *core* (first)
or *recent* (latest) events it is close to: topic (TF-IDF cosine of the two events'
top stems) plus the overlap of their main names (the most-mentioned, weighted by
how rare they are among events), over a much longer window than events. Two rounds
of the same talks are two events of one story.

A story is compared through a few of its events, never through a profile that
accumulates every term and name of every event it ever took in: such a profile
matches almost any later event of the same country and the biggest stories
snowball. An event must also stay close to the story's core (the drift cap), so
a chain of small steps cannot carry a story away from what it started as.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from khabar.model import Story


@dataclass(frozen=True)
class EventTopic:
    """What story linking knows of an event."""

    id: str
    day: int | None
    title: str
    terms: dict[str, float]  # unit TF-IDF centroid of the event, top terms
    entities: tuple[str, ...]  # its names, most-mentioned first


@dataclass(frozen=True)
class StoryWeights:
    """Story linking settings, chosen on the dev events of the SaudiNewsNet labelled set scored
    among all articles of its three days, and on the story sizes of the whole corpus
    (docs/bench/group.md)."""

    threshold: float = 0.30
    entities: float = 0.2
    names: int = 4  # an event's main names: its most-mentioned ones
    core: int = 2  # a story's first events, which every later one must stay close to
    recent: int = 4  # its latest events, through which it follows the thread
    drift: float = 0.5  # an event must score this share of the threshold against the core
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
    core: list[EventTopic] = field(default_factory=list)
    recent: list[EventTopic] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    keywords: set[str] = field(default_factory=set)
    last_day: int | None = None
    title: str = ""


class _Linker:
    """Stories built so far, their keywords indexed, and how rare each main name is among the events."""

    def __init__(self, weights: StoryWeights, events: Sequence[EventTopic]) -> None:
        self.w = weights
        self.stories: dict[str, _Story] = {}
        self.index: dict[str, list[str]] = {}  # keyword -> stories one of whose events had it
        df = Counter(k for ev in events for k in ev.entities[:weights.names])
        top = math.log(len(events) + 1)  # the rarity of a name only one event has
        self.rarity = {k: math.log((len(events) + 1) / (c + 1)) / top for k, c in sorted(df.items())}

    def join(self, st: _Story, ev: EventTopic) -> None:
        w = self.w
        st.event_ids.append(ev.id)
        if len(st.core) < w.core:
            st.core.append(ev)
        st.recent = (st.recent + [ev])[-w.recent:]
        if ev.day is not None:
            st.last_day = ev.day if st.last_day is None else max(st.last_day, ev.day)
        for kw in _keywords(ev, w.keywords):
            if kw not in st.keywords:
                st.keywords.add(kw)
                self.index.setdefault(kw, []).append(st.id)

    def best_story(self, ev: EventTopic) -> _Story | None:
        """The story whose core or recent events ``ev`` is closest to, if close enough. Candidates are
        retrieved by every keyword a story's events had (cheap), then scored through its events."""
        w = self.w
        hits: dict[str, float] = {}
        get = hits.get
        for kw in _keywords(ev, w.keywords):
            posting = self.index.get(kw, ())
            if len(posting) <= w.max_posting:
                x = ev.terms[kw]
                for sid in posting:
                    hits[sid] = get(sid, 0) + x
        best, best_score = None, w.threshold
        for sid, _ in _heaviest(hits, w.candidates):
            st = self.stories[sid]
            if ev.day is not None and st.last_day is not None and ev.day - st.last_day > w.window:
                continue
            core = max(self.pair(ev, m) for m in st.core)
            if core < w.drift * w.threshold:
                continue
            core_ids = {m.id for m in st.core}
            score = max([core] + [self.pair(ev, m) for m in st.recent if m.id not in core_ids])
            if score >= best_score:
                best, best_score = st, score
        return best

    def pair(self, a: EventTopic, b: EventTopic) -> float:
        """Topic cosine of two events plus the share of ``a``'s main names ``b`` has, each weighed by its
        rarity among events (a name every event carries, such as the country's, counts for nothing)."""
        ta, tb = a.terms, b.terms
        # the shared keys intersect in C; fsum makes the sum independent of the set's per-process order
        score = math.fsum(ta[f] * tb[f] for f in ta.keys() & tb.keys())
        names = a.entities[:self.w.names]
        if names and b.entities:
            other = b.entities[:self.w.names]
            score += self.w.entities * sum(self.rarity[k] for k in names if k in other) / len(names)
        return score


def link_stories(events: Sequence[EventTopic], weights: StoryWeights = StoryWeights(),
                 previous: Mapping[str, Story] | None = None) -> tuple[Story, ...]:
    """Thread events (given earliest first) into stories, each with its events in time order.

    ``previous`` maps event ids to the story they were in at an earlier run: those events
    stay in it (same id and title), so regrouping the same events gives the same stories
    and only new events are linked by similarity (they may join an earlier story).
    """
    previous = previous or {}
    linker = _Linker(weights, events)
    for ev in events:  # earlier stories first, whole: a new event may be older than their events
        if ev.id in previous:
            old = previous[ev.id]
            linker.join(linker.stories.setdefault(old.id, _Story(old.id, title=old.title)), ev)
    for ev in events:
        if ev.id in previous:
            continue
        st = linker.best_story(ev)
        if st is None:
            st = _Story(story_id(ev.id), title=ev.title)
            linker.stories[st.id] = st
        linker.join(st, ev)
    order = {ev.id: i for i, ev in enumerate(events)}
    return tuple(Story(s.id, tuple(sorted(s.event_ids, key=order.__getitem__)), s.title)
                 for s in linker.stories.values())


def _heaviest(hits: dict[str, float], n: int) -> list[tuple[str, float]]:
    """The ``n`` heaviest items, ties by key: only those at least as heavy as the n-th heaviest value
    (found in C) are sorted, not every story a common keyword retrieved."""
    if len(hits) > n:
        floor = heapq.nlargest(n, hits.values())[-1]
        hits = {k: v for k, v in hits.items() if v >= floor}
    return sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _keywords(ev: EventTopic, n: int) -> list[str]:
    return sorted(ev.terms, key=lambda f: (-ev.terms[f], f))[:n]
