"""SaudiNewsNet access for the grouping benchmarks (the data stays in ../shared/data, never shipped).

An article is named by ``ZIPDATE/INDEX`` (its position in that day's JSON array).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from khabar.group import Grouping
from khabar.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ZIPS = SHARED / "data/saudinewsnet/zips"


def day(date: str) -> list[dict]:
    """The articles of one zip, as SaudiNewsNet stores them."""
    with zipfile.ZipFile(ZIPS / f"{date}.zip") as zf:
        return json.loads(zf.read(f"{date}.json"))


def dates() -> list[str]:
    return sorted(p.stem for p in ZIPS.glob("*.zip"))


def article(date: str, index: int, row: dict) -> Article:
    """A Khabar article for one SaudiNewsNet row; published_at is the crawl time."""
    return Article(id=f"{date}/{index}", source=f"saudinewsnet:{date}/{index}", title=row.get("title") or "",
                   body=row.get("content") or "", outlet=row.get("source") or "", url=row.get("url") or "",
                   published_at=(row.get("date_extracted") or "").replace(" ", "T"))


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
