"""SaudiNewsNet access for the grouping benchmarks (the data stays in ../shared/data, never shipped).

An article is named by ``ZIPDATE/INDEX`` (its position in that day's JSON array).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

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
