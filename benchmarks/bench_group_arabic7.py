"""Event clustering on the Arabic_7 tweets: threshold chosen on a dev split, scored on the test split.

Split: a tweet is in ``dev`` when sha1(tweet_id) is even, else in ``test`` (about half each,
every event in both). Tweets get the short-text weights (``khabar.group.SHORT``, what
``group()`` picks for them); the threshold is swept on dev only and the best dev threshold
applied once to test. Run with and without the tweets' dates (``--dates``). ``--grid`` also
sweeps the entity weight, the second-pass merge bar and the window, on dev only (how SHORT
was chosen), and prints no test figure.

    PYTHONPATH=src python benchmarks/bench_group_arabic7.py [--dates] [--embeddings] [--grid]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from pathlib import Path

from group_grid import grid
from khabar.analyze import analyze
from khabar.evaluate.metrics import clustering_scores
from khabar.group import SHORT, group
from khabar.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DATA = SHARED / "data/arabic7_tweets/arabic7_tweets.jsonl"
THRESHOLDS = [round(0.02 + 0.02 * i, 3) for i in range(12)]
GRID = {"entities": (0.15, 0.2, 0.3), "merge": (0.04, 0.1, 0.15, 0.2), "window": (14, 30)}


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    dev, test = [], []
    for r in rows:
        (dev if int(hashlib.sha1(r["tweet_id"].encode()).hexdigest(), 16) % 2 == 0 else test).append(r)
    return dev, test


def items(rows: list[dict], dates: bool) -> list:
    out = []
    for r in rows:
        when = r["created_at"].replace("/", "-").replace(" ", "T") if dates else ""
        a = Article(id=r["tweet_id"], source=f"arabic7:{r['tweet_id']}", title="", body=r["text"], published_at=when)
        out.append((a, analyze(a)))
    return out


def score(its: list, labels: list, weights, embeddings: bool) -> dict:
    """Scores of the events and, prefixed ``story_``, of the stories (Arabic_7 labels are broad)."""
    g = group(its, weights=weights, embeddings=embeddings)
    event_of = {aid: ev.id for ev in g.events for aid in ev.article_ids}
    story_of = {eid: st.id for st in g.stories for eid in st.event_ids}
    predicted = [event_of[a.id] for a, _ in its]
    stories = clustering_scores(labels, [story_of[e] for e in predicted])
    return (clustering_scores(labels, predicted) | {"events": len(g.events), "stories": len(g.stories)}
            | {f"story_{k}": v for k, v in stories.items() if k in ("bcubed_f1", "nmi")})


def knob(embeddings: bool) -> str:
    """The threshold the clusterer uses: a separate one when dense embeddings are on."""
    return "threshold_embeddings" if embeddings else "threshold"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dates", action="store_true", help="give the clusterer the tweets' dates")
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--grid", action="store_true", help="dev-only sweep of the short-text weights")
    args = ap.parse_args()
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    dev, test = split(rows)
    dev_items, test_items = items(dev, args.dates), items(test, args.dates)
    dev_labels, test_labels = [r["event_id"] for r in dev], [r["event_id"] for r in test]
    if args.grid:
        grid(lambda w: score(dev_items, dev_labels, w, False), SHORT, GRID, THRESHOLDS)
        return
    best = None
    for t in THRESHOLDS:
        w = dataclasses.replace(SHORT, **{knob(args.embeddings): t})
        s = score(dev_items, dev_labels, w, args.embeddings)
        print(f"dev  threshold {t:.3f}: B3 F1 {s['bcubed_f1']:.3f} NMI {s['nmi']:.3f} events {s['events']}; "
              f"stories B3 F1 {s['story_bcubed_f1']:.3f} NMI {s['story_nmi']:.3f} ({s['stories']})")
        if best is None or s["bcubed_f1"] > best[1]["bcubed_f1"]:
            best = (t, s)
    t0 = time.perf_counter()
    s = score(test_items, test_labels, dataclasses.replace(SHORT, **{knob(args.embeddings): best[0]}), args.embeddings)
    secs = time.perf_counter() - t0
    print(f"dev {len(dev)} tweets, test {len(test)} tweets; best dev threshold {best[0]}")
    print("test: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in s.items()))
    print(f"grouping time on test: {secs:.2f} s ({len(test) / secs:.0f} items/s)")


if __name__ == "__main__":
    main()
