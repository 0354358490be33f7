"""Per-article analysis: sentences, entity mentions, dates, facts and grouping terms.

Each article is analyzed on its own, so this stage parallelizes (process pool, Spark
``mapPartitions``) without any shared state.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.analyze.entities import find_mentions_many
from khabar.analyze.facts import facts_and_event_date
from khabar.arabic import STOPWORDS, split_sentences, stem, token_norms
from khabar.model import Analysis, Article, Mention, Sentence


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` with their spans."""
    return tuple(Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(split_sentences(text)))


_TERMS: dict[str, str] = {}  # a token's match key -> its grouping term ("" for none): one lookup per token
_TERMS_SIZE = 200_000


def grouping_terms(title: str, body: str) -> tuple[str, ...]:
    """Stems of the content words of the title and body, title first (used by grouping)."""
    norms = token_norms(f"{title}\n{body}")
    found = list(map(_TERMS.get, norms))
    if None in found:
        if len(_TERMS) > _TERMS_SIZE:
            _TERMS.clear()
        for i, norm in enumerate(norms):
            if found[i] is None:
                found[i] = _TERMS[norm] = _term(norm)
    return tuple(filter(None, found))


def _term(norm: str) -> str:
    """The grouping term of one token's match key: its stem, or "" for stop words, marks and one letter."""
    if len(norm) < 2 or norm in STOPWORDS or not norm[0].isalpha():
        return ""
    return stem(norm)


def analyze(article: Article) -> Analysis:
    """Everything Khabar finds in one article, every item with its span in the body."""
    return analyze_many([article])[0]


def analyze_many(articles: Sequence[Article]) -> list[Analysis]:
    """:func:`analyze` of each article, their names tagged in one pass (the CRF decoder's
    per-step cost is shared by a few articles: see :mod:`khabar.analyze.ner.scorer`)."""
    sentences = [sentences_of(a.body) for a in articles]
    mentions = find_mentions_many([(a.body, s) for a, s in zip(articles, sentences, strict=True)])
    return [_analysis(a, s, m) for a, s, m in zip(articles, sentences, mentions, strict=True)]


def _analysis(article: Article, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]) -> Analysis:
    facts, event = facts_and_event_date(article.body, sentences, mentions, article.published_at)
    return Analysis(
        article_id=article.id,
        sentences=sentences,
        mentions=mentions,
        facts=facts,
        event_date=event,
        terms=grouping_terms(article.title, article.body),
    )
