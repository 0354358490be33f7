"""``khabar eval cluster FILE.jsonl``: how well grouping recovers labelled events.

One item per line: ``text``, ``label``, optional ``title``, ``published_at``, ``id``.
Each item goes through the real pipeline stages (``analyze`` then ``group``), so
the scores are those of what Khabar does, not of a side model.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from khabar.analyze import analyze
from khabar.evaluate.jsonl import read_items
from khabar.evaluate.metrics import clustering_scores
from khabar.model import Article


def load(path: Path) -> tuple[list[tuple[Article, str]], list[str]]:
    """Articles and gold labels of a JSONL file, and a message per bad line (skipped)."""
    def item(n: int, row: dict) -> tuple[Article, str]:
        text, label = str(row["text"]), str(row["label"])
        aid = str(row.get("id") or hashlib.sha1(f"{n}:{text}".encode()).hexdigest()[:16])
        return Article(id=aid, source=f"{path}:{n}", title=str(row.get("title") or ""), body=text,
                       published_at=str(row.get("published_at") or "")), label

    return read_items(path, item, "an item with text and label")


def evaluate(path: Path, *, embeddings: bool = False, threshold: float | None = None) -> dict:
    """Cluster the file's items and score them against the labels.

    Weights are the ones the collection wants (news, or short texts such as tweets:
    :func:`khabar.group.weights_for`); ``threshold`` overrides their threshold.
    """
    import dataclasses

    from khabar.group import group, weights_for

    rows, skipped = load(Path(path))
    items = [(a, analyze(a)) for a, _ in rows]
    weights = weights_for([an for _, an in items])
    if threshold is not None:
        weights = dataclasses.replace(weights, **{"threshold_embeddings" if embeddings else "threshold": threshold})
    grouping = group(items, embeddings=embeddings, weights=weights)
    event_of = {aid: ev.id for ev in grouping.events for aid in ev.article_ids}
    labels = [label for _, label in rows]
    story_of = {eid: st.id for st in grouping.stories for eid in st.event_ids}
    predicted = [event_of[a.id] for a, _ in rows]
    scores = clustering_scores(labels, predicted)
    # labels of broad, long-running "events" (a pandemic, a storm season) match Khabar's stories
    story_scores = clustering_scores(labels, [story_of.get(e, e) for e in predicted])
    return {"file": str(path), "items": len(rows), "labels": len(set(labels)),
            "events": len(grouping.events), "stories": len(grouping.stories),
            "embeddings": embeddings, "skipped": skipped, **scores, **{f"story_{k}": v for k, v in story_scores.items()}}


def render(result: dict) -> str:
    """A short plain-text report of :func:`evaluate`'s result."""
    lines = [f"{result['file']}: {result['items']} items, {result['labels']} gold labels, "
             f"{result['events']} events, {result['stories']} stories"
             + (" (embeddings)" if result.get("embeddings") else "")]
    lines += [f"skipped {line}" for line in result.get("skipped", [])]
    for level, p in (("events", ""), ("stories", "story_")):
        lines.append(f"as {level}:")
        for name in ("bcubed", "pairwise"):
            lines.append(f"  {name:9s} P {result[p + name + '_precision']:.3f}  R {result[p + name + '_recall']:.3f}  "
                         f"F1 {result[p + name + '_f1']:.3f}")
        lines.append(f"  NMI {result[p + 'nmi']:.3f}  ARI {result[p + 'ari']:.3f}")
    return "\n".join(lines)
