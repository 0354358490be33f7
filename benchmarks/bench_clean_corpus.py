"""SaudiNewsNet access for the cleaning benchmarks: articles by (day, index), never copied.

The corpus is CC BY-NC-SA and must not be shipped or committed: benchmark files
hold only (day, index) references into ``zips/YYYY-MM-DD.zip`` and rebuild text here.
"""

from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DATA = SHARED / "data/saudinewsnet/zips"


@lru_cache(maxsize=32)
def day(path: Path, name: str) -> tuple[dict, ...]:
    """All articles of one day's zip, in file order."""
    with zipfile.ZipFile(path / f"{name}.zip") as zf:
        return tuple(item for member in zf.namelist() for item in json.loads(zf.read(member)))


def days(path: Path = DATA) -> list[str]:
    """Day names (YYYY-MM-DD) of the zips present."""
    return sorted(p.stem for p in path.glob("*.zip"))


def article(ref: list | tuple, path: Path = DATA) -> dict:
    """The article a ``[day, index]`` reference points to."""
    return day(path, ref[0])[ref[1]]


def content_lines(item: dict) -> list[str]:
    """Non-blank, stripped lines of an article's content."""
    return [line.strip() for line in (item.get("content") or "").splitlines() if line.strip()]
