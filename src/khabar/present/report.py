"""The report data: story digests plus the articles they cite, as one JSON-ready dict.

Every renderer (JSON, Markdown, terminal, HTML) starts from this dict, so they
all show the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.consolidate.digest import outlet_of
from khabar.model import Article, StoryDigest, to_dict
from khabar.store.sqlite import Store


def article_dict(article: Article, removed: bool = True) -> dict:
    data = to_dict(article)
    data["outlet"] = outlet_of(article)
    if not removed:
        data.pop("removed")
    return data


def build_report(store: Store, digests: Sequence[StoryDigest]) -> dict:
    """Stories newest first, each with its events, summary, entities, facts and timeline."""
    articles: dict[str, dict] = {}
    for d in digests:
        for aid in d.article_ids:
            if aid not in articles and (art := store.article(aid)) is not None:
                articles[aid] = article_dict(art)
    return {"stories": [to_dict(d) for d in digests], "articles": articles}
