"""Per-article analysis: sentences, entity mentions, dates, facts and grouping terms.

Each article is analyzed on its own, so this stage parallelizes (process pool, Spark
``mapPartitions``) without any shared state.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.analyze.entities import find_mentions_many
from khabar.analyze.facts import event_date, extract_facts
from khabar.arabic import STOPWORDS, split_sentences, stem, tokenize
from khabar.model import Analysis, Article, Mention, Sentence


def sentences_of(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` with their spans."""
    return tuple(Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(split_sentences(text)))


def grouping_terms(title: str, body: str) -> tuple[str, ...]:
    """Stems of the content words of the title and body, title first (used by grouping)."""
    out = []
    for tok in tokenize(f"{title}\n{body}"):
        norm = tok.norm
        if len(norm) < 2 or norm in STOPWORDS or not norm[0].isalpha():
            continue
        out.append(stem(norm))
    return tuple(out)


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
    return Analysis(
        article_id=article.id,
        sentences=sentences,
        mentions=mentions,
        facts=extract_facts(article.body, sentences, mentions, article.published_at),
        event_date=event_date(article.body, sentences, article.published_at),
        terms=grouping_terms(article.title, article.body),
    )
