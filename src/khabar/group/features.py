"""What the grouping stage compares: one article's profile built from its Analysis.

Everything here comes from the shared Arabic layer (``Analysis.terms`` are
normalized stems; character n-grams are taken from those stems), so grouping
never normalizes text on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from khabar.model import Analysis, Article

LEAD_TERMS = 24  # title + lead: the part of an article that names the happening
CHAR_N = 4


@dataclass
class Profile:
    """The comparable parts of one article."""

    article_id: str
    terms: Counter  # stem -> count, title and body
    chars: Counter  # character n-grams of the title and lead stems
    entities: frozenset[str]  # merged name keys
    mentions: Counter  # name key -> times the article names it (its main names are named most)
    dates: frozenset[str]  # ISO days the article talks about
    event_day: int | None  # ordinal day of the happening, if known
    day: int | None  # ordinal day of publication, else of the happening
    text: str = ""  # title and lead, what dense embeddings see


def day_of(iso: str) -> int | None:
    """Ordinal day of an ISO date or datetime; None when absent or not a full date."""
    try:
        return dt.date.fromisoformat(iso[:10]).toordinal()
    except (ValueError, TypeError):
        return None


def char_ngrams(terms: list[str] | tuple[str, ...], n: int = CHAR_N) -> Counter:
    """Character n-grams of each stem, padded so short stems still count."""
    if n != CHAR_N:
        return Counter(chain.from_iterable(_grams(t, n) for t in terms))
    return Counter(chain.from_iterable(map(_stem_grams, terms)))


def _grams(term: str, n: int) -> tuple[str, ...]:
    w = f" {term} "
    return (w,) if len(w) <= n else tuple(w[i:i + n] for i in range(len(w) - n + 1))


@lru_cache(maxsize=1 << 16)
def _stem_grams(term: str) -> tuple[str, ...]:
    """A stem's n-grams, cached: stems repeat across articles far more than they vary."""
    return _grams(term, CHAR_N)


def profile(article: Article, analysis: Analysis) -> Profile:
    """The profile the clusterer compares; tolerant of empty analyses."""
    terms = list(analysis.terms)
    lead = terms[:LEAD_TERMS]
    event_day = day_of(analysis.event_date)
    published = day_of(article.published_at)
    return Profile(
        article_id=article.id,
        terms=Counter(terms),
        chars=char_ngrams(lead),
        entities=frozenset(m.key for m in analysis.mentions if m.key),
        mentions=Counter(m.key for m in analysis.mentions if m.key),
        dates=frozenset(d.value for d in analysis.dates if len(d.value) == 10),
        event_day=event_day,
        day=published if published is not None else event_day,
        text=embedding_text(article, analysis),
    )


def embedding_text(article: Article, analysis: Analysis) -> str:
    """Title and first two sentences (the lead names the happening; e5-small reads 512 tokens)."""
    lead = " ".join(s.text for s in analysis.sentences[:2]) or article.body[:300]
    return f"{article.title}\n{lead}".strip()
