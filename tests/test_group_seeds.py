"""The five seed articles cut by hand before their clutter (shared by the grouping tests)."""

from __future__ import annotations

from pathlib import Path

from khabar.model import Article

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"

# (file, title line or None, first body line, last body line) -- 1-based, counting non-empty lines
CUTS = {
    "000_7ec4a7996114fafa.txt": (None, 1, 10),
    "001_53fd142aed23886e.txt": (2, 5, 13),
    "002_4c60f5eac8c6b1a4.txt": (1, 2, 17),
    "003_7b4578ec5f0292d2.txt": (1, 6, 20),
    "004_25ce5f5fb73d3d05.txt": (1, 3, 9),
}
PUBLISHED = {"001_53fd142aed23886e.txt": "2025-04-10"}


def seed_articles() -> list[Article]:
    """The seed articles: hand-cut title and body, publication date only where the page gives one."""
    out = []
    for name, (title, first, last) in CUTS.items():
        lines = [ln.strip() for ln in (SEEDS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
        out.append(Article(id=name.split("_")[1].removesuffix(".txt"), source=name,
                           title=lines[title - 1] if title else "", body="\n\n".join(lines[first - 1:last]),
                           published_at=PUBLISHED.get(name, "")))
    return out

# The day each seed reports, as a reader finds it: 001 is dated 10 April 2025 and 000, 002, 003
# report the same round "today, Thursday" (000 and 002 call the 27 February meeting the first
# round); 004 reports the 27 February round (the second meeting after Riyadh on 18 February).
EVENT_DATES = {"7ec4a7996114fafa": "2025-04-10", "53fd142aed23886e": "2025-04-10",
               "4c60f5eac8c6b1a4": "2025-04-10", "7b4578ec5f0292d2": "2025-04-10",
               "25ce5f5fb73d3d05": "2025-02-27"}
