"""Tell: an extractive multi-source summary in which every sentence cites its sources.

Sentences of all the articles of an event (or story) are scored for centrality
(LexRank over TF-IDF cosine of folded stems), support (how many other outlets
state the same thing), coverage of the event's key terms and position; then
picked greedily with maximal marginal relevance. Which sentences "state the same
thing" comes from :mod:`khabar.consolidate.align`; the same relation removes
redundancy (a fact said by four outlets is picked once) and makes the citations
(every aligned sentence of every article). Background sentences (earlier
happenings) and fragments are never picked for an event summary.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from khabar.arabic import normalize, split_sentences
from khabar.consolidate.align import alignment
from khabar.consolidate.editing import (
    is_background,
    is_continuation,
    is_heading,
    is_unfit,
    logic_rank,
    penalty,
    trim,
)
from khabar.consolidate.headline import headline
from khabar.consolidate.textgraph import clause_terms, cosine_matrix, lexrank, terms, terms_of_key
from khabar.model import Citation, Sentence, SummarySentence

__all__ = ["headline", "summarize", "summarize_document"]

MMR_LAMBDA = 0.85
OVERSHOOT = 1.1  # a sentence that would bring the length past budget x this is skipped
WEIGHTS = {"central": 0.35, "support": 0.3, "coverage": 0.2, "position": 0.15}
DOCUMENT_WEIGHTS = {"central": 0.2, "support": 0.0, "coverage": 0.1, "position": 0.7}
DOCUMENT_REPEAT = 0.6  # cosine above which two sentences of one document repeat each other
DOCUMENT_RATIO = 1 / 3  # single-document default length: EASC annotators kept about a third of the words
_MIN_CITABLE_WORDS = 4
MAX_SENTENCES = 2000  # per call: beyond, each article's first sentences only (the matrices are n x n)
_MIN_DEPTH = 10
MAX_ARTICLES = MAX_SENTENCES // _MIN_DEPTH  # beyond, an even spread of the articles (else n grows without bound)


class _Unit(NamedTuple):
    """One candidate sentence: where it comes from and its trimmed text."""

    article_id: str
    sentence: Sentence
    text: str
    key: str  # normalize(text): what every cue and term is matched on
    words: int
    offset: int  # characters cut from the sentence start by trimming
    position: float  # 1.0 for an article's first sentence, falling with depth
    background: bool
    unfit: bool


def summarize(
    bodies: Mapping[str, str],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    words: int = 120,
    dates: Mapping[str, str] | None = None,
    key_terms: Sequence[str] = (),
) -> tuple[SummarySentence, ...]:
    """About ``words`` words from the articles ``bodies`` (id -> text), each sentence citing its sources.

    ``sentences`` gives each body's sentences (split here when an id is missing);
    ``dates`` (id -> ISO date) orders the telling in time and marks sentences dated
    to other years as background; ``key_terms`` (entity and agreed-fact keys) raise
    the score of sentences that mention them. Raises ValueError naming the article
    when a sentence span does not fit its body. Very large inputs are read to a
    depth of ``MAX_SENTENCES / number of articles`` sentences per article (at least 10),
    from at most ``MAX_ARTICLES`` articles spread evenly over the given order (a story's
    is time order), so that the n x n matrices stay within MAX_SENTENCES squared.
    """
    if len(bodies) > MAX_ARTICLES:
        ids = list(bodies)
        bodies = {a: bodies[a] for a in (ids[i * len(ids) // MAX_ARTICLES] for i in range(MAX_ARTICLES))}
    dates = {aid: (d or "") for aid, d in (dates or {}).items()}
    sentences = sentences or {}
    depth = max(_MIN_DEPTH, MAX_SENTENCES // max(len(bodies), 1))
    units = [u for aid, body in bodies.items() if body
             for u in _units(aid, body, sentences.get(aid), dates.get(aid, "")[:4], depth)]
    if not units:
        return ()
    clauses = [_clause_terms(u.key) for u in units]
    bags = [sentence[0] if len(sentence) == 1 else [t for c in sentence for t in c] for sentence in clauses]
    ids = [u.article_id for u in units]
    days = _day_groups([dates.get(aid, "") for aid in ids])
    sim, same = alignment(clauses, ids, [is_continuation(u.key) for u in units], _leads(units), days)
    scores = _scores(units, bags, sim, same, [set(terms(t)) for t in key_terms], WEIGHTS)
    eligible = [not (u.unfit or u.background) for u in units]
    chosen = _select(units, scores, sim, same, eligible, budget=words, count=None, groups=days)
    chosen.sort(key=lambda i: (days[i], logic_rank(units[i].key), -units[i].position))
    citable = [not u.background and u.words >= _MIN_CITABLE_WORDS and not is_heading(u.text, u.words)
               for u in units]
    return tuple(_summary_sentence(i, units, sim, same, citable) for i in chosen)


@lru_cache(maxsize=50_000)
def _clause_terms(key: str) -> list[list[str]]:
    """:func:`clause_terms`, remembered (read, never changed, by callers): a story's summary reads the
    sentences its events' summaries just read, and syndicated reports repeat sentences (a quarter of
    the calls on a day of news)."""
    return clause_terms(key)


def summarize_document(text: str, *, sentences: int | None = None, words: int | None = None) -> list[str]:
    """Single-document extract (for evaluation): ``sentences`` sentences, or about ``words`` words.

    With neither, a third of the document's words. Sentences keep document order.
    """
    if not text or not text.strip():
        return []
    spans = split_sentences(text)
    units = [_unit("doc", Sentence(i, s, e, text[s:e]), i, year="", edit=False)
             for i, (s, e) in enumerate(spans)]
    bags = [terms_of_key(u.key) for u in units]
    sim = cosine_matrix(bags)
    near_repeat = sim >= DOCUMENT_REPEAT
    np.fill_diagonal(near_repeat, False)
    keys = [{t} for t in _frequent_terms(bags)]
    scores = _scores(units, bags, sim, near_repeat, keys, DOCUMENT_WEIGHTS)
    eligible = [u.words >= 3 for u in units]
    if not any(eligible):
        eligible = [True] * len(units)
    budget = words if words is not None else max(1, round(len(text.split()) * DOCUMENT_RATIO))
    chosen = _select(units, scores, sim, near_repeat, eligible, budget=budget, count=sentences)
    return [units[i].text for i in sorted(chosen)]


def _units(aid: str, body: str, given: Sequence[Sentence] | None, year: str,
           depth: int | None = None) -> list[_Unit]:
    """The first ``depth`` (default all) non-blank sentences of one article as units; every span
    is checked, but the sentences past ``depth`` are not read (a big story reads ten of each article's)."""
    if given is None:
        given = [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body))]
    for s in given:
        if not (0 <= s.start <= s.end <= len(body)):
            raise ValueError(f"article {aid}: sentence {s.index} span {s.start}-{s.end} "
                             f"is outside its body ({len(body)} characters)")
    out: list[_Unit] = []
    for k, s in enumerate(given):
        if depth is not None and len(out) >= depth:
            break
        if not s.text:
            s = Sentence(s.index, s.start, s.end, body[s.start: s.end])
        if s.text.strip():
            out.append(_unit(aid, s, k, year))
    return out


def _unit(aid: str, s: Sentence, k: int, year: str, edit: bool = True) -> _Unit:
    text, key, words, offset, background, unfit = _edited(s.text, year, edit)
    return _Unit(aid, s, text, key, words, offset, _position(k), background, unfit)


@lru_cache(maxsize=50_000)
def _edited(sentence: str, year: str, edit: bool) -> tuple[str, str, int, int, bool, bool]:
    """A sentence's trimmed text, key, words, offset, background and unfit flags, remembered: a story's
    summary reads the sentences its events' summaries just read, and syndicated reports repeat them."""
    text = trim(sentence) if edit else sentence.strip()
    key = normalize(text)
    words = len(text.split())
    return (text, key, words, max(sentence.find(text), 0), edit and is_background(key, year),
            is_unfit(text, words))


def _day_groups(dates: Sequence[str], tolerance: int = 1) -> list[str]:
    """Each date's group: days at most ``tolerance`` days apart chain into one happening.

    Reports of one event are dated a day apart (time zones, night editions); only
    larger gaps separate the events of a story. Dates without a day count as unknown ("").
    """
    parsed: dict[str, dt.date] = {}
    for d in set(dates):
        try:
            parsed[d] = dt.date.fromisoformat(d[:10])
        except ValueError:
            continue
    label: dict[dt.date, str] = {}
    previous: dt.date | None = None
    for day in sorted(set(parsed.values())):
        if previous is None or (day - previous).days > tolerance:
            current = day.isoformat()
        label[day] = current
        previous = day
    return [label[parsed[d]] if d in parsed else "" for d in dates]


def _frequent_terms(bags: Sequence[Sequence[str]], top: int = 8) -> list[str]:
    """The document's most frequent content terms: its own key terms in single-document mode."""
    counts: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            counts[t] = counts.get(t, 0) + 1
    return [t for t, c in sorted(counts.items(), key=lambda kv: -kv[1])[:top] if c > 1]


def _leads(units: Sequence[_Unit]) -> list[bool]:
    """True for the first sentence of each article that is fit to be shown."""
    seen: set[str] = set()
    out = []
    for u in units:
        first = not u.unfit and u.article_id not in seen
        if first:
            seen.add(u.article_id)
        out.append(first)
    return out


def _scores(units: Sequence[_Unit], bags: Sequence[Sequence[str]], sim: np.ndarray, same: np.ndarray,
            keys: Sequence[set[str]], weights: Mapping[str, float]) -> np.ndarray:
    """Weighted centrality, support, coverage of ``keys`` (term sets) and position, times the penalty."""
    central = lexrank(sim)
    ids = [u.article_id for u in units]  # each article's sentences are contiguous
    first = [i == 0 or ids[i] != ids[i - 1] for i in range(len(ids))]
    starts = np.flatnonzero(first)
    own = np.cumsum(first) - 1
    reached = np.logical_or.reduceat(same, starts, axis=1)  # sentence x article: an aligned sentence there
    reached[np.arange(len(units)), own] = False
    support = reached.sum(axis=1) / max(len(starts) - 1, 1)  # share of the other articles
    keys = [k for k in keys if k]
    coverage = np.array([sum(k <= bag for k in keys) / len(keys) for bag in map(set, bags)]) if keys else 0.0
    position = np.array([u.position for u in units])
    factor = np.array([penalty(u.text, u.key, u.words) for u in units])
    raw = (weights["central"] * central + weights["support"] * support
           + weights["coverage"] * coverage + weights["position"] * position)
    return raw * factor


def _select(units: Sequence[_Unit], scores: np.ndarray, sim: np.ndarray, same: np.ndarray,
            eligible: Sequence[bool], *, budget: int, count: int | None,
            groups: Sequence[str] = ()) -> list[int]:
    """Greedy MMR: best score minus closeness to what is already chosen; never two that state the same.

    With several ``groups`` (the days of a story's events), each group's best sentence
    is taken first, so that every event of the story is told.
    """
    pool = [i for i in range(len(units)) if eligible[i]]
    chosen: list[int] = []
    total = 0
    if len({g for g in groups if g}) > 1:
        best: dict[str, int] = {}
        for i in pool:
            if groups[i] and (groups[i] not in best or scores[i] > scores[best[groups[i]]]):
                best[groups[i]] = i
        for i in sorted(best.values(), key=lambda i: -scores[i]):
            if (count is None and total >= budget) or (count is not None and len(chosen) >= count):
                break
            if not (chosen and same[i, chosen].any()):
                chosen.append(i)
                total += units[i].words
        pool = [i for i in pool if i not in chosen]
    while pool:
        if count is not None and len(chosen) >= count:
            break
        if count is None and total >= budget:
            break
        closeness = sim[np.ix_(pool, chosen)].max(axis=1) if chosen else np.zeros(len(pool))
        mmr = MMR_LAMBDA * scores[pool] - (1 - MMR_LAMBDA) * closeness
        best_at = int(np.argmax(mmr))
        i = pool.pop(best_at)
        if chosen and same[i, chosen].any():
            continue
        n = units[i].words
        if count is None and chosen and total + n > budget * OVERSHOOT:
            continue
        chosen.append(i)
        total += n
    return chosen


def _summary_sentence(i: int, units: Sequence[_Unit], sim: np.ndarray, same: np.ndarray,
                      citable: Sequence[bool]) -> SummarySentence:
    """Sentence ``i`` as told, citing itself (the trimmed span) and every aligned citable sentence, closest first."""
    u = units[i]
    start = u.sentence.start + u.offset
    own = Citation(u.article_id, u.sentence.index, start, start + len(u.text))
    others = [j for j in np.argsort(-sim[i]) if same[i, j] and citable[j]]
    cites = [own] + [Citation(units[j].article_id, units[j].sentence.index, units[j].sentence.start,
                              units[j].sentence.end) for j in others]
    return SummarySentence(u.text, u.article_id, u.sentence.index, tuple(cites))


def _position(k: int) -> float:
    """Prior of an article's k-th sentence (from 0) being worth telling: the lead, then a slow decay."""
    return 1.0 / math.sqrt(1.0 + k)
