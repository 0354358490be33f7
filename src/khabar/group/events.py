"""Online event clustering: each article, in time order, joins an event or opens one.

A single-pass stream clusterer (as in news first-story detection): an article is
compared only with the events that share one of its keywords in an inverted
index, and only with events still active in a time window, so the cost per
article stays flat as the collection grows. The similarity mixes TF-IDF cosine
over normalized stems and over character n-grams (robust to spelling variants and
clitics the light stemmer leaves), the overlap of merged entity name keys, the
proximity of the dates the articles talk about and, optionally, dense embeddings.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from khabar.group.dedup import Deduplicator
from khabar.group.features import Profile, embedding_text, profile
from khabar.group.space import Centroid, OnlineTfidf, background_df
from khabar.group.stories import EventTopic
from khabar.model import Analysis, Article, Duplicate, Event


@dataclass(frozen=True)
class Weights:
    """How the similarity of an article to an event is built, and when it joins."""

    terms: float = 0.6
    chars: float = 0.4
    entities: float = 0.15  # added: share of the article's entity keys the event has
    embedding: float = 0.5  # share given to the dense cosine when embeddings are on
    date_bonus: float = 0.05  # both talk about the same happening day
    date_penalty: float = 0.3  # happening days more than ``date_gap`` apart
    date_gap: int = 3
    threshold: float = 0.22  # chosen on the dev events of benchmarks/data/snn_events.jsonl
    window: int = 4  # days an event stays open after its last article
    keywords: int = 12  # an article's top features used for candidate retrieval
    candidates: int = 10  # events scored in full per article
    top_terms: int = 40  # an article is compared by its top stems (cost and noise both drop)
    max_posting: int = 600  # keywords shared by more open events are too common to retrieve by


DEFAULT = Weights()
Embedder = Callable[[Sequence[str]], "object"]  # texts -> unit vectors (rows)
__all__ = ["DEFAULT", "EventClusterer", "Weights", "embedding_text", "event_id"]


def event_id(first_article_id: str) -> str:
    """A stable event id derived from the earliest article of the event."""
    return "ev-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Event:
    id: str
    terms: Centroid = field(default_factory=Centroid)
    chars: Centroid = field(default_factory=Centroid)
    embedding: object = None
    article_ids: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    event_days: Counter = field(default_factory=Counter)
    keywords: set[str] = field(default_factory=set)
    first_day: int | None = None
    last_day: int | None = None
    title: str = ""


class EventClusterer:
    """Assigns articles, one at a time in time order, to events (see module doc)."""

    def __init__(self, weights: Weights = DEFAULT, embedder: Embedder | None = None) -> None:
        self.weights = weights
        self.embedder = embedder
        self.terms_space = OnlineTfidf(background_df())
        self.chars_space = OnlineTfidf()
        self.dedup = Deduplicator()
        self.events: dict[str, _Event] = {}
        self.event_of: dict[str, str] = {}
        self._index: dict[str, list[str]] = {}
        self._clock: int | None = None  # latest known day in the stream

    # -- public API -------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis, event: str | None = None) -> str:
        """Place one article and return its event id (``event`` forces a known event)."""
        if article.id in self.event_of:
            return self.event_of[article.id]
        prof = profile(article, analysis)
        if prof.day is not None:
            self._clock = prof.day if self._clock is None else max(self._clock, prof.day)
        elif self._clock is not None:
            prof.day = self._clock
        self.terms_space.observe(prof.terms)
        self.chars_space.observe(prof.chars)
        tv, cv = self._vectors(prof)
        emb = self._embed(prof)
        dup = self.dedup.add(article.id, analysis.terms)
        if event is None and dup is not None:
            event = self.event_of.get(dup.original_id)
        if event is None:
            event = self._best_event(prof, tv, cv, emb)
        ev = self.events.get(event) if event else None
        if ev is None:
            ev = _Event(event or event_id(article.id), title=article.title)
            self.events[ev.id] = ev
        self._join(ev, prof, tv, cv, emb, dup)
        return ev.id

    def similarity(self, a: tuple[Article, Analysis], b: tuple[Article, Analysis]) -> float:
        """The score the clusterer would give article ``a`` against an event made of ``b``."""
        probe = EventClusterer(self.weights, self.embedder)
        probe.terms_space, probe.chars_space = self.terms_space, self.chars_space
        pa, pb = profile(*a), profile(*b)
        ev = _Event("probe")
        probe._join(ev, pb, *self._vectors(pb), probe._embed(pb), None)
        return probe._score(ev, pa, *self._vectors(pa), probe._embed(pa))

    def result(self) -> tuple[Event, ...]:
        """The events so far, earliest first, articles in arrival order."""
        out = []
        for ev in self.events.values():
            day = ev.event_days.most_common(1)[0][0] if ev.event_days else ev.first_day
            out.append(Event(ev.id, tuple(ev.article_ids), ev.title, _iso(day), tuple(ev.duplicates)))
        order = {eid: i for i, eid in enumerate(self.events)}
        return tuple(sorted(out, key=lambda e: (e.date or "9999", order[e.id])))

    def topics(self, top: int = 40) -> list[EventTopic]:
        """Each event's topic (top stems of its centroid) and entities, earliest first."""
        out = []
        for ev in self.events.values():
            terms = _top(ev.terms.weights, top)
            norm = math.sqrt(sum(x * x for x in terms.values())) or 1.0
            ents = frozenset(k for k, _ in ev.entities.most_common(8))
            out.append(EventTopic(ev.id, ev.first_day, ev.title, {f: x / norm for f, x in terms.items()}, ents))
        order = {e.id: i for i, e in enumerate(out)}
        return sorted(out, key=lambda t: (t.day if t.day is not None else 10**7, order[t.id]))

    # -- internals --------------------------------------------------------------------------

    def _vectors(self, prof: Profile) -> tuple[dict[str, float], dict[str, float]]:
        return (self.terms_space.vector(prof.terms, self.weights.top_terms),
                self.chars_space.vector(prof.chars))

    def _embed(self, prof: Profile):
        if self.embedder is None:
            return None
        return self.embedder([prof.text])[0]

    def _keywords(self, tv: dict[str, float]) -> list[str]:
        return sorted(tv, key=lambda f: (-tv[f], f))[: self.weights.keywords]

    def _open(self, ev: _Event, day: int | None) -> bool:
        return day is None or ev.last_day is None or day - ev.last_day <= self.weights.window

    def _best_event(self, prof: Profile, tv, cv, emb) -> str | None:
        w = self.weights
        hits: Counter = Counter()
        for kw in self._keywords(tv):
            posting = self._index.get(kw)
            if not posting:
                continue
            if len(posting) > w.max_posting // 4:
                posting[:] = [e for e in posting if self._open(self.events[e], prof.day)]
            if len(posting) > w.max_posting:
                continue
            for e in posting:
                hits[e] += tv[kw]
        best, best_score = None, w.threshold
        for e, _ in hits.most_common(w.candidates):
            ev = self.events[e]
            if not self._open(ev, prof.day):
                continue
            s = self._score(ev, prof, tv, cv, emb)
            if s >= best_score:
                best, best_score = e, s
        return best

    def _score(self, ev: _Event, prof: Profile, tv, cv, emb) -> float:
        w = self.weights
        s = w.terms * ev.terms.cosine(tv) + w.chars * ev.chars.cosine(cv)
        if emb is not None and ev.embedding is not None:
            import numpy as np

            dense = float(np.dot(ev.embedding, emb) / (np.linalg.norm(ev.embedding) or 1.0))
            s = (1 - w.embedding) * s + w.embedding * dense
        if prof.entities and ev.entities:
            s += w.entities * sum(1 for k in prof.entities if k in ev.entities) / len(prof.entities)
        if prof.event_day is not None and ev.event_days:
            gap = min(abs(prof.event_day - d) for d in ev.event_days)
            if gap > w.date_gap:
                s -= w.date_penalty
            elif gap == 0:
                s += w.date_bonus
        if prof.dates and any(d in ev.dates for d in prof.dates):
            s += w.date_bonus
        return s

    def _join(self, ev: _Event, prof: Profile, tv, cv, emb, dup: Duplicate | None) -> None:
        ev.article_ids.append(prof.article_id)
        if dup is not None and dup.original_id in ev.article_ids:
            ev.duplicates.append(dup)
        ev.terms.add(tv)
        ev.chars.add(cv)
        if emb is not None:
            ev.embedding = emb.copy() if ev.embedding is None else ev.embedding + emb
        ev.entities.update(prof.entities)
        ev.dates.update(prof.dates)
        if prof.event_day is not None:
            ev.event_days[prof.event_day] += 1
        if prof.day is not None:
            ev.first_day = prof.day if ev.first_day is None else min(ev.first_day, prof.day)
            ev.last_day = prof.day if ev.last_day is None else max(ev.last_day, prof.day)
        for kw in self._keywords(tv):
            if kw not in ev.keywords:
                ev.keywords.add(kw)
                self._index.setdefault(kw, []).append(ev.id)
        self.event_of[prof.article_id] = ev.id


def _top(weights: dict[str, float], n: int) -> dict[str, float]:
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _iso(day: int | None) -> str:
    import datetime as dt

    return dt.date.fromordinal(day).isoformat() if day else ""
