"""A headline for an event or story: the most central of the articles' titles, cleaned.

Cleaning only deletes: site names after a separator ("... | الشرق الأوسط"),
kicker prefixes ("اليوم..", "عاجل:", "بالفيديو |") and trailing ellipses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from khabar.arabic import split_sentences
from khabar.consolidate.textgraph import small_gram, terms, tfidf_matrix

_KICKER = re.compile(
    r"^\s*(?:اليوم|الآن|عاجل|خاص|حصري|مباشر|شاهد|فيديو|بالفيديو|بالصور|صور|تقرير|خبر عاجل)"
    r"\s*(?:\.{2,}|…|:|\||-|–|—|،)\s*"
)
_SITE_CUE = re.compile(
    r"[A-Za-z]|نيوز|موقع|صحيفة|جريدة|بوابة|اليوم السابع|الجزيرة|العربية|سكاي|الشرق الأوسط|المصري|الأهرام|"
    r"روسيا اليوم|الأسبوع|الوطن|الرأي|أخبار"
)
_HARD_SEP = re.compile(r"\s+(?:\||::|»|›)\s+")
_SOFT_SEP = re.compile(r"\s+[-–—]\s+")
_TRAILING = re.compile(r"\s*(?:\.{2,}|…)\s*$")
_MAX_SITE_WORDS = 4
_BEST_WORDS = 12  # headlines longer than this are lead sentences more than titles


def clean_title(title: str) -> str:
    """``title`` without site name, kicker prefix or trailing ellipsis."""
    text = " ".join(title.split())
    parts = _HARD_SEP.split(text)
    if len(parts) > 1:
        main = max(range(len(parts)), key=lambda i: len(parts[i].split()))
        if all(len(p.split()) <= _MAX_SITE_WORDS for i, p in enumerate(parts) if i != main):
            text = parts[main]
    parts = _SOFT_SEP.split(text)
    if len(parts) > 1 and len(parts[-1].split()) <= _MAX_SITE_WORDS and _SITE_CUE.search(parts[-1]):
        text = text[: text.rfind(parts[-1])].rstrip(" -–—")
    text = _KICKER.sub("", text)
    return _TRAILING.sub("", text).strip()


def headline(titles: Sequence[str], bodies: Sequence[str] = ()) -> str:
    """The cleaned title most similar to the other titles and to the other articles' bodies.

    When ``bodies`` parallels ``titles`` (one per article), a title is not compared with
    its own body, which it always resembles. With no usable title, the lead sentence of
    the most central body, if short enough; "" when there is nothing.
    """
    parallel = len(bodies) == len(titles)
    kept = [(i, c) for i, c in enumerate(clean_title(t) if t else "" for t in titles) if len(c.split()) >= 2]
    texts = [b if b and b.strip() else "" for b in bodies]
    if not kept:
        return _lead_headline([b for b in texts if b])
    if len(kept) == 1:
        return kept[0][1]
    n = len(kept)
    x = tfidf_matrix([terms(c) for _, c in kept] + [_body_terms(b) for b in texts])
    small = small_gram(x)  # a few articles: all pairs at once costs less than scipy's product
    sim = small[:n] if small is not None else (x[:n] @ x.T).toarray()  # titles x (titles and bodies)
    np.fill_diagonal(sim, 0.0)
    to_titles = sim[:n, :n].sum(axis=1) / (n - 1)
    to_bodies = np.zeros(n)
    if texts:
        mask = np.ones((n, len(texts)), dtype=bool)
        if parallel:
            mask[np.arange(n), [i for i, _ in kept]] = False
        counts = mask.sum(axis=1)
        to_bodies = (sim[:n, n:] * mask).sum(axis=1) / np.maximum(counts, 1)
    length_fit = np.array([1.0 if 5 <= len(c.split()) <= _BEST_WORDS else 0.8 for _, c in kept])
    return kept[int(np.argmax((to_titles + to_bodies) * length_fit))][1]


@lru_cache(maxsize=2_000)
def _body_terms(body: str) -> list[str]:
    """The terms of ``body``, remembered: a story's headline reads its events' bodies again."""
    return terms(body)


def _lead_headline(bodies: Sequence[str], max_words: int = 20) -> str:
    if not bodies:
        return ""
    if len(bodies) == 1:
        central = bodies[0]
    else:
        x = tfidf_matrix([terms(b) for b in bodies])
        sim = (x @ x.T).toarray()
        central = bodies[int(np.argmax(sim.sum(axis=1)))]
    spans = split_sentences(central)
    if not spans:
        return ""
    lead = central[spans[0][0]: spans[0][1]]
    return lead if len(lead.split()) <= max_words else ""
