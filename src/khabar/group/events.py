"""Online event clustering: each article, in time order, joins an event or opens one.

A single-pass stream clusterer (as in news first-story detection): an article is
compared only with the events that share one of its keywords in an inverted
index, and only with events still active in a time window, so the cost per
article stays flat as the collection grows. The similarity mixes TF-IDF cosine
over normalized stems and over character n-grams (robust to spelling variants and
clitics the light stemmer leaves), the overlap of merged entity name keys, the
proximity of the dates the articles talk about and, optionally, dense embeddings.
An optional second pass (:meth:`EventClusterer.merge_close`) merges events whose
centroids are close, which a single pass cannot undo (short texts want it).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from khabar.group.features import Profile, embedding_text, profile
from khabar.group.space import Centroid, OnlineTfidf
from khabar.group.stories import EventTopic
from khabar.group.stream import ArticleStream, Prepared, Vectors, top_keywords
from khabar.model import Analysis, Article, Duplicate, Event


@dataclass(frozen=True)
class Weights:
    """How the similarity of an article to an event is built, and when it joins."""

    terms: float = 0.4  # terms/chars split chosen on the dev parts of both benchmark sets
    chars: float = 0.6
    entities: float = 0.15  # added: TF-IDF cosine of the article's entity keys with the event's (dev choice)
    embedding: float = 0.5  # share given to the dense cosine when embeddings are on
    # e5 cosines of unrelated Arabic news sit near 0.79 (95% below 0.83), same-event ones near 0.92
    # (SaudiNewsNet labelled set): rescaled so that unrelated is about 0 and same-event about 0.6
    dense_floor: float = 0.80
    dense_span: float = 0.20
    date_bonus: float = 0.0  # both talk about the same happening day (no gain on either dev set: off)
    date_penalty: float = 0.3  # happening days more than ``date_gap`` apart
    date_gap: int = 3
    threshold: float = 0.26  # chosen on the dev events of benchmarks/data/snn_events*.jsonl
    threshold_embeddings: float = 0.38  # the same choice, with embeddings on (dev of 56 events)
    merge: float = 0.0  # second pass: an event joins an earlier one its centroid scores this against (0: off;
    # no gain on the news dev events, so off for news)
    window: int = 4  # days an event stays open after its last article
    # an event is one happening with its immediate follow-ups: it stops taking articles this many days
    # after its first one (0: no limit). Not seen by the 3-day dev set: set to the window, checked on the
    # sizes of the biggest events of the whole corpus (a month of Yemen war reports was one event)
    span: int = 4
    keywords: int = 12  # an article's top features used for candidate retrieval
    candidates: int = 10  # events scored in full per article
    top_terms: int = 40  # an article is compared by its top stems (cost and noise both drop)
    max_posting: int = 600  # keywords shared by more open events are too common to retrieve by


DEFAULT = Weights()
# Short texts (tweets): hashtag-collected happenings run for weeks and a tweet shares few words with
# any other, so a much lower bar, a 30-day window and the second pass that merges events at that
# same bar. Chosen on the dev half of Arabic_7 with the tweets' dates (grid in docs/bench/group.md).
SHORT = Weights(merge=0.04, window=30, threshold=0.04, span=0)
SHORT_TERMS = 40  # a collection whose median item has fewer stems than this is one of short texts
Embedder = Callable[[Sequence[str]], "object"]  # texts -> unit vectors (rows)
__all__ = ["DEFAULT", "SHORT", "EventClusterer", "Weights", "embedding_text", "event_id", "weights_for"]


def weights_for(analyses: Sequence[Analysis]) -> Weights:
    """The weights a collection wants: :data:`SHORT` when its median item is a short text, else news."""
    if not analyses:
        return DEFAULT
    lengths = sorted(len(an.terms) for an in analyses)
    return SHORT if lengths[len(lengths) // 2] < SHORT_TERMS else DEFAULT


def event_id(first_article_id: str) -> str:
    """A stable event id derived from the earliest article of the event."""
    return "ev-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Event:
    id: str
    terms: Centroid = field(default_factory=Centroid)
    chars: Centroid = field(default_factory=Centroid)
    names: Centroid = field(default_factory=Centroid)
    embedding: object = None
    article_ids: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # name key -> mentions over the event's articles
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
        self.stream = ArticleStream(weights.top_terms, weights.keywords, embedder)
        self.events: dict[str, _Event] = {}
        self.event_of: dict[str, str] = {}
        self._index: dict[str, list[str]] = {}

    @property
    def terms_space(self) -> OnlineTfidf:
        return self.stream.terms_space

    @property
    def chars_space(self) -> OnlineTfidf:
        return self.stream.chars_space

    # -- public API -------------------------------------------------------------------------

    def add(self, article: Article, analysis: Analysis, event: str | None = None) -> str:
        """Place one article and return its event id (``event`` forces a known event)."""
        if article.id in self.event_of:
            return self.event_of[article.id]
        return self.place(self.stream.prepare(article, analysis), article.title, event)

    def place(self, prep: Prepared | None, title: str, event: str | None = None) -> str | None:
        """Place an article the stream has prepared (see :mod:`khabar.group.stream`); ``title`` names
        the event it opens. None for an article the stream had seen (it was placed then)."""
        if prep is None:
            return None
        prof, vec, keywords, dup, _ = prep
        if event is None and dup is not None:
            event = self.event_of.get(dup.original_id)
        if event is None:
            event = self._best_event(prof, keywords, vec)
        ev = self.events.get(event) if event else None
        if ev is None:
            ev = _Event(event or event_id(prof.article_id), title=title)
            self.events[ev.id] = ev
        self._join(ev, prof, vec, dup, keywords)
        return ev.id

    def merge_close(self, keep: frozenset[str] = frozenset()) -> None:
        """Second pass over the events in the order they opened: each joins the earlier open event
        its whole centroid scores at least ``weights.merge`` (and the article threshold) against,
        with the same score as one article gets.

        A single pass depends on arrival order: an event opened by an off-topic first article
        stays apart from the one its later articles would have joined. Events in ``keep`` (ids
        already stored) are never folded away, so stored ids survive re-runs.
        """
        w = self.weights
        if not w.merge:
            return
        self._index = {}
        kept: dict[str, _Event] = {}
        for ev in self.events.values():
            target = None if ev.id in keep else self._closest(ev, kept)
            if target is None:
                kept[ev.id] = ev
                for kw in sorted(ev.keywords):  # a set's order changes from process to process
                    self._index.setdefault(kw, []).append(ev.id)
                continue
            target.article_ids += ev.article_ids
            target.duplicates += ev.duplicates
            target.terms.add(ev.terms.weights)
            target.chars.add(ev.chars.weights)
            target.names.add(ev.names.weights)
            if ev.embedding is not None:
                target.embedding = ev.embedding if target.embedding is None else target.embedding + ev.embedding
            for attr in ("entities", "dates", "event_days"):
                getattr(target, attr).update(getattr(ev, attr))
            target.first_day = _extreme(min, target.first_day, ev.first_day)
            target.last_day = _extreme(max, target.last_day, ev.last_day)
            self._index_keywords(target, sorted(ev.keywords))
            for aid in ev.article_ids:
                self.event_of[aid] = target.id
        self.events = kept

    def similarity(self, a: tuple[Article, Analysis], b: tuple[Article, Analysis]) -> float:
        """The score the clusterer would give article ``a`` against an event made of ``b``."""
        probe = EventClusterer(self.weights, self.embedder)
        pa, pb = profile(*a), profile(*b)
        ev = _Event("probe")
        probe._join(ev, pb, self.stream.vectors(pb), None)
        return probe._score(ev, pa, self.stream.vectors(pa))

    def result(self) -> tuple[Event, ...]:
        """The events so far, earliest first, articles in arrival order."""
        out = []
        for ev in self.events.values():
            day = ev.event_days.most_common(1)[0][0] if ev.event_days else ev.first_day
            out.append(Event(ev.id, tuple(ev.article_ids), ev.title, _iso(day), tuple(ev.duplicates)))
        order = {eid: i for i, eid in enumerate(self.events)}
        return tuple(sorted(out, key=lambda e: (e.date or "9999", order[e.id])))

    def topics(self, top: int = 40, names: int = 8) -> list[EventTopic]:
        """Each event's topic (top stems of its centroid) and its most-mentioned names, earliest first."""
        out = []
        for ev in self.events.values():
            terms = _top(ev.terms.weights, top)
            norm = math.sqrt(sum(x * x for x in terms.values())) or 1.0
            ents = tuple(k for k, _ in sorted(ev.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:names])
            out.append(EventTopic(ev.id, ev.first_day, ev.title, {f: x / norm for f, x in terms.items()}, ents))
        order = {e.id: i for i, e in enumerate(out)}
        return sorted(out, key=lambda t: (t.day if t.day is not None else 10**7, order[t.id]))

    # -- internals --------------------------------------------------------------------------

    def _open(self, ev: _Event, day: int | None) -> bool:
        w = self.weights
        if day is None or ev.last_day is None:
            return True
        return day - ev.last_day <= w.window and not (w.span and day - ev.first_day > w.span)

    def _best_event(self, prof: Profile, keywords: list[str], vec: Vectors) -> str | None:
        w = self.weights
        hits: Counter = Counter()
        for kw in keywords:
            posting = self._index.get(kw)
            if not posting:
                continue
            self._drop_closed(posting, prof.day)
            if len(posting) > w.max_posting:
                continue
            for e in posting:
                hits[e] += vec.terms[kw]
        best, best_score = None, self._threshold()
        scored = 0
        for e, _ in hits.most_common():
            ev = self.events[e]
            if not self._open(ev, prof.day):
                continue  # closed events take no candidate's place
            s = self._score(ev, prof, vec)
            if s >= best_score:
                best, best_score = e, s
            scored += 1
            if scored == w.candidates:
                break
        return best

    def _threshold(self) -> float:
        return self.weights.threshold if self.embedder is None else self.weights.threshold_embeddings

    def _drop_closed(self, posting: list[str], day: int | None) -> None:
        """Drop the closed events at the head of a posting (the oldest: postings grow by appending),
        so each is dropped once and long-lived keywords stay cheap to read."""
        head = 0
        while head < len(posting) and not self._open(self.events[posting[head]], day):
            head += 1
        if head:
            del posting[:head]

    def _closest(self, ev: _Event, kept: dict[str, _Event]) -> _Event | None:
        """The earlier event ``ev`` (as a whole) is close enough to join, if any."""
        w = self.weights
        vec = Vectors(_unit(_top(ev.terms.weights, w.top_terms)), _unit(_top(ev.chars.weights, 4 * w.top_terms)),
                       _unit(ev.names.weights), ev.embedding)
        hits: Counter = Counter()
        for kw in sorted(ev.keywords):  # every article's keywords: an event's centroid may be led by words of one part
            posting = self._index.get(kw, ())
            if len(posting) <= w.max_posting:
                for e in posting:
                    hits[e] += 1
        days = ev.event_days.most_common(1)
        prof = Profile(ev.id, Counter(), Counter(), frozenset(ev.entities), Counter(), frozenset(ev.dates),
                       days[0][0] if days else None, ev.first_day)
        best, best_score = None, max(w.merge, self._threshold())  # never easier for an event than for an article
        for e, _ in hits.most_common(w.candidates):
            other = kept[e]
            if not self._open(other, ev.first_day):
                continue
            s = self._score(other, prof, vec)
            if s >= best_score:
                best, best_score = other, s
        return best

    def _index_keywords(self, ev: _Event, keywords: Iterable[str]) -> None:
        for kw in keywords:
            if kw not in ev.keywords:
                ev.keywords.add(kw)
                self._index.setdefault(kw, []).append(ev.id)

    def _score(self, ev: _Event, prof: Profile, vec: Vectors) -> float:
        w = self.weights
        s = w.terms * ev.terms.cosine(vec.terms) + w.chars * ev.chars.cosine(vec.chars)
        if vec.dense is not None and ev.embedding is not None:
            import numpy as np

            dense = float(np.dot(ev.embedding, vec.dense) / (np.linalg.norm(ev.embedding) * np.linalg.norm(vec.dense)
                                                             or 1.0))
            dense = min(1.0, max(0.0, (dense - w.dense_floor) / w.dense_span))
            s = (1 - w.embedding) * s + w.embedding * dense
        s += w.entities * ev.names.cosine(vec.names)
        if prof.event_day is not None and ev.event_days:
            gap = min(abs(prof.event_day - d) for d in ev.event_days)
            if gap > w.date_gap:
                s -= w.date_penalty
            elif gap == 0:
                s += w.date_bonus
        if prof.dates and any(d in ev.dates for d in prof.dates):
            s += w.date_bonus
        return s

    def _join(self, ev: _Event, prof: Profile, vec: Vectors, dup: Duplicate | None,
              keywords: list[str] | None = None) -> None:
        ev.article_ids.append(prof.article_id)
        if dup is not None and dup.original_id in ev.article_ids:
            ev.duplicates.append(dup)
        ev.terms.add(vec.terms)
        ev.chars.add(vec.chars)
        ev.names.add(vec.names)
        if vec.dense is not None:
            ev.embedding = vec.dense.copy() if ev.embedding is None else ev.embedding + vec.dense
        ev.entities.update(dict(sorted(prof.mentions.items())))
        ev.dates.update(prof.dates)
        if prof.event_day is not None:
            ev.event_days[prof.event_day] += 1
        if prof.day is not None:
            ev.first_day = prof.day if ev.first_day is None else min(ev.first_day, prof.day)
            ev.last_day = prof.day if ev.last_day is None else max(ev.last_day, prof.day)
        self._index_keywords(ev, keywords if keywords is not None else top_keywords(vec.terms, self.weights.keywords))
        self.event_of[prof.article_id] = ev.id


def _top(weights: dict[str, float], n: int) -> dict[str, float]:
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {f: x / norm for f, x in vec.items()} if norm else {}


def _extreme(pick, a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else pick(a, b)


def _iso(day: int | None) -> str:
    import datetime as dt

    return dt.date.fromordinal(day).isoformat() if day else ""
