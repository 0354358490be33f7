"""SaudiNewsNet access for the grouping benchmarks (the data stays in ../shared/data, never shipped).

An article is named by ``ZIPDATE/INDEX`` (its position in that day's JSON array).
"""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from khabar.analyze import sentences_of
from khabar.analyze.entities import find_mentions_many
from khabar.group import Grouping
from khabar.model import Article, Mention, Sentence

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ZIPS = SHARED / "data/saudinewsnet/zips"


def day(date: str) -> list[dict]:
    """The articles of one zip, as SaudiNewsNet stores them."""
    with zipfile.ZipFile(ZIPS / f"{date}.zip") as zf:
        return json.loads(zf.read(f"{date}.json"))


_SOURCE = re.compile(r"zips/(\d{4}-\d\d-\d\d)\.zip:[^#]*#(\d+)$")


def story_pointers(db: Path, sizes: tuple[int, int]) -> list[list[str]]:
    """Each story of a pipeline database (``bench_pipeline.py --db``) of so many articles, as
    ``DATE/INDEX`` of SaudiNewsNet."""
    con = sqlite3.connect(db)
    where = {i: "/".join(_SOURCE.search(src).groups()) for i, src in con.execute("select id, source from articles")}
    events = {i: json.loads(d)["article_ids"] for i, d in con.execute("select id, data from events")}
    stories = []
    for (data,) in con.execute("select data from stories where n_articles between ? and ? order by id", sizes):
        stories.append(sorted(where[a] for e in json.loads(data)["event_ids"] for a in events[e]))
    return stories


def dates() -> list[str]:
    return sorted(p.stem for p in ZIPS.glob("*.zip"))


def article(date: str, index: int, row: dict) -> Article:
    """A Khabar article for one SaudiNewsNet row; published_at is the crawl time."""
    return Article(id=f"{date}/{index}", source=f"saudinewsnet:{date}/{index}", title=row.get("title") or "",
                   body=row.get("content") or "", outlet=row.get("source") or "", url=row.get("url") or "",
                   published_at=(row.get("date_extracted") or "").replace(" ", "T"))


def story_analyses(pointers: list[str]) -> dict[str, tuple[str, tuple[Sentence, ...], tuple[Mention, ...]]]:
    """``DATE/INDEX`` of a story's articles -> (content, sentences, mentions), tagged as the pipeline
    tags a body (sentences first, then the names of all articles in one pass)."""
    days: dict[str, list[dict]] = {}
    texts = {}
    for where in pointers:
        date, index = where.split("/")
        if date not in days:
            days[date] = day(date)
        texts[where] = days[date][int(index)].get("content") or ""
    sentences = {where: sentences_of(text) for where, text in texts.items()}
    mentions = find_mentions_many([(texts[where], sentences[where]) for where in pointers])
    return {where: (texts[where], sentences[where], m) for where, m in zip(pointers, mentions, strict=True)}


def articles(days: list[str] | None = None) -> Iterator[Article]:
    for d in days or dates():
        for i, row in enumerate(day(d)):
            yield article(d, i, row)


def sizes(g: Grouping, published: dict[str, str], top: int = 5) -> str:
    """How big the biggest events and stories are (articles, days from first to last publication):
    where snowballing shows."""
    members = {ev.id: ev.article_ids for ev in g.events}

    def span(ids: list[str]) -> int:
        days = sorted(published[a][:10] for a in ids if published.get(a))
        return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1 if days else 0

    stories = sorted(([a for e in st.event_ids for a in members[e]] for st in g.stories), key=len, reverse=True)
    events = sorted((list(ev.article_ids) for ev in g.events), key=len, reverse=True)
    return (f"biggest events (articles/days) {[f'{len(ids)}/{span(ids)}' for ids in events[:top]]}, "
            f"{sum(len(ids) >= 100 for ids in events)} events of 100+ articles; "
            f"biggest stories {[f'{len(ids)}/{span(ids)}' for ids in stories[:top]]}, "
            f"{sum(len(st.event_ids) > 1 for st in g.stories)} stories of 2+ events")
