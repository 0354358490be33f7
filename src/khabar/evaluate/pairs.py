"""``khabar eval pairs FILE.jsonl``: does the engine's article similarity track human scores?

One pair per line: ``text1``, ``text2``, ``score`` (higher = more similar), optional
``title1``/``title2``. The engine's similarity is the score the event clusterer
gives one article against an event made of the other, with document frequencies
learnt from all the texts of the file (as the stream clusterer would have them).
"""

from __future__ import annotations

from pathlib import Path

from khabar.analyze import analyze
from khabar.evaluate.jsonl import read_items
from khabar.evaluate.metrics import correlations
from khabar.model import Article


def load(path: Path) -> tuple[list[tuple[Article, Article, float]], list[str]]:
    """The pairs of a JSONL file, and a message per bad line (skipped)."""
    def pair(n: int, row: dict) -> tuple[Article, Article, float]:
        a = Article(id=f"{n}a", source=f"{path}:{n}", title=str(row.get("title1") or ""), body=str(row["text1"]))
        b = Article(id=f"{n}b", source=f"{path}:{n}", title=str(row.get("title2") or ""), body=str(row["text2"]))
        return a, b, float(row["score"])

    return read_items(path, pair, "a pair with text1, text2 and score")


def evaluate(path: Path) -> dict:
    """Pearson and Spearman correlation of engine similarity with the gold scores."""
    from khabar.group import EventClusterer
    from khabar.group.features import profile

    pairs, skipped = load(Path(path))
    clusterer = EventClusterer()
    analyzed = []
    for a, b, score in pairs:
        pa, pb = (a, analyze(a)), (b, analyze(b))
        for art, an in (pa, pb):
            prof = profile(art, an)
            clusterer.terms_space.observe(prof.terms)
            clusterer.chars_space.observe(prof.chars)
        analyzed.append((pa, pb, score))
    engine = [clusterer.similarity(pa, pb) for pa, pb, _ in analyzed]
    gold = [score for _, _, score in analyzed]
    return {"file": str(path), "pairs": len(pairs), "skipped": skipped, **correlations(engine, gold)}


def render(result: dict) -> str:
    """A one-line plain-text report of :func:`evaluate`'s result."""
    return "\n".join([f"{result['file']}: {result['pairs']} pairs, Pearson {result['pearson']:.3f}, "
                      f"Spearman {result['spearman']:.3f}"] + [f"skipped {line}" for line in result.get("skipped", [])])
