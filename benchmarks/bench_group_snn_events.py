"""Event clustering on the labelled SaudiNewsNet set (benchmarks/data/snn_events.jsonl).

Events are split by sha1(label) parity into dev and test, and the events labelled on other
days (benchmarks/data/snn_events_dev.jsonl) are all dev; the similarity threshold is swept on
dev, the best one applied once to test; the package default is scored too.
``--stories`` groups all articles of the three days and sweeps the story-linking threshold,
scoring stories against the hand-made topic threads on the dev events (the test events once,
at the dev choice), with the sizes of the biggest stories (snowballing shows there).
``--grid`` sweeps the entity weight, the same-day bonus and the second-pass merge bar on dev
only (how the news defaults were chosen) and prints no test figure.

    PYTHONPATH=src:benchmarks python benchmarks/bench_group_snn_events.py [--embeddings] [--grid] [--stories]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from pathlib import Path

from bench_group_pairs import TOPICS
from group_grid import grid
from group_snn import article, articles, day, sizes
from khabar.analyze import analyze
from khabar.evaluate.metrics import clustering_scores
from khabar.group import DEFAULT, StoryWeights, group

LABELS = Path(__file__).parent / "data" / "snn_events.jsonl"
DEV_LABELS = Path(__file__).parent / "data" / "snn_events_dev.jsonl"  # 3-4 August 2015, all dev
THRESHOLDS = [round(0.10 + 0.02 * i, 3) for i in range(16)]
GRID = {"entities": (0.1, 0.15, 0.2), "date_bonus": (0.0, 0.05), "merge": (0.0, 0.3, 0.4)}


def load(path: Path = LABELS) -> tuple[list, list[str]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    days: dict[str, list[dict]] = {}
    items, labels = [], []
    for r in rows:
        date, index = r["id"].split("/")
        a = article(date, int(index), days.setdefault(date, day(date))[int(index)])
        items.append((a, analyze(a)))
        labels.append(r["label"])
    return items, labels


def score(items: list, labels: list[str], weights, embeddings: bool) -> dict:
    g = group(items, weights=weights, embeddings=embeddings)
    event_of = {aid: ev.id for ev in g.events for aid in ev.article_ids}
    out = clustering_scores(labels, [event_of[a.id] for a, _ in items])
    return out | {"events": len(g.events), "stories": len(g.stories)}


def line(s: dict) -> str:
    return ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in s.items())


def knob(embeddings: bool) -> str:
    """The threshold the clusterer uses: a separate one when dense embeddings are on."""
    return "threshold_embeddings" if embeddings else "threshold"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embeddings", action="store_true")
    ap.add_argument("--grid", action="store_true", help="dev-only sweep of the news weights")
    ap.add_argument("--stories", action="store_true", help="dev sweep of the story threshold, in context")
    args = ap.parse_args()
    items, labels = load()
    dev = [i for i, lab in enumerate(labels) if int(hashlib.sha1(lab.encode()).hexdigest(), 16) % 2 == 0]
    test = [i for i in range(len(labels)) if i not in set(dev)]
    extra_items, extra_labels = load(DEV_LABELS)
    dev_items = [items[i] for i in dev] + extra_items
    dev_labels = [labels[i] for i in dev] + extra_labels

    def part(idx: list[int]) -> tuple[list, list[str]]:
        return [items[i] for i in idx], [labels[i] for i in idx]

    if args.grid:
        grid(lambda w: score(dev_items, dev_labels, w, False), DEFAULT, GRID, THRESHOLDS)
        return
    if args.stories:
        story_sweep(items, labels, set(dev))
        return
    best = None
    for t in THRESHOLDS:
        w = dataclasses.replace(DEFAULT, **{knob(args.embeddings): t})
        s = score(dev_items, dev_labels, w, args.embeddings)
        parts = (score(*part(dev), w, args.embeddings)["bcubed_f1"],
                 score(extra_items, extra_labels, w, args.embeddings)["bcubed_f1"])
        print(f"dev threshold {t:.2f}: B3 F1 {s['bcubed_f1']:.3f} (July {parts[0]:.3f}, August {parts[1]:.3f}) "
              f"NMI {s['nmi']:.3f} events {s['events']}")
        if best is None or s["bcubed_f1"] > best[1]["bcubed_f1"]:
            best = (t, s)
    print(f"dev {len(dev_items)} articles / {len(set(dev_labels))} events ({len(dev)} / {len(set(part(dev)[1]))} "
          f"of July, the rest of {DEV_LABELS.name}); "
          f"test {len(test)} articles / {len(set(part(test)[1]))} events; best dev threshold {best[0]}")
    t0 = time.perf_counter()
    print("test, dev threshold: " + line(score(*part(test), dataclasses.replace(DEFAULT, **{knob(args.embeddings): best[0]}),
                                              args.embeddings)))
    print(f"(grouping took {time.perf_counter() - t0:.2f} s)")
    print(f"test, package default threshold {getattr(DEFAULT, knob(args.embeddings))}: " + line(score(*part(test), DEFAULT, args.embeddings)))
    print(f"all {len(items)}, package default: " + line(score(items, labels, DEFAULT, args.embeddings)))
    print("stories against the hand-made topic threads: " + line(threads(items, labels, args.embeddings)))
    if not args.embeddings:
        print("in context, package default: " + line(in_context(items, labels)))


def threads(items: list, labels: list[str], embeddings: bool) -> dict:
    """Stories scored against events grouped into topic threads by hand (TOPICS of the pairs set)."""
    topic = {lab: t for t, labs in TOPICS.items() for lab in labs}
    g = group(items, embeddings=embeddings)
    event_of = {aid: ev.id for ev in g.events for aid in ev.article_ids}
    story_of = {eid: st.id for st in g.stories for eid in st.event_ids}
    gold = [topic.get(lab, lab) for lab in labels]
    return clustering_scores(gold, [story_of[event_of[a.id]] for a, _ in items]) | {
        "threads": len(set(gold)), "stories": len(g.stories)}


def story_sweep(items: list, labels: list[str], dev: set[int]) -> None:
    """Story threshold chosen on the dev threads, all articles of the days grouped."""
    topic = {lab: t for t, labs in TOPICS.items() for lab in labs}
    gold = {a.id: topic.get(lab, lab) for (a, _), lab in zip(items, labels, strict=True)}
    halves = {"dev": [a.id for k, (a, _) in enumerate(items) if k in dev],
              "test": [a.id for k, (a, _) in enumerate(items) if k not in dev]}
    everything = [(a, analyze(a)) for a in articles(sorted({a.id.split("/")[0] for a, _ in items}))]
    published = {a.id: a.published_at for a, _ in everything}
    results = {}
    for t in (0.22, 0.25, 0.28, 0.30, 0.32, 0.35, 0.40):
        g = group(everything, story_weights=StoryWeights(threshold=t))
        members = {ev.id: ev.article_ids for ev in g.events}
        story_of = {aid: st.id for st in g.stories for ev in st.event_ids for aid in members[ev]}
        results[t] = {h: clustering_scores([gold[i] for i in ids], [story_of[i] for i in ids])["bcubed_f1"]
                      for h, ids in halves.items()}
        print(f"story threshold {t:.2f}: dev B3 F1 {results[t]['dev']:.3f}, {len(g.stories)} stories, "
              + sizes(g, published), flush=True)
    best = max(results, key=lambda t: results[t]["dev"])
    kept = StoryWeights().threshold
    print(f"best on dev: {best:.2f}; test B3 F1 at it {results[best]['test']:.3f}; "
          f"at the package's {kept:.2f}: dev {results[kept]['dev']:.3f}, test {results[kept]['test']:.3f}")


def in_context(items: list, labels: list[str]) -> dict:
    """Group all articles of the three days; score only the labelled ones (harder: distractors)."""
    labelled = {a.id: lab for (a, _), lab in zip(items, labels, strict=True)}
    days = sorted({a.id.split("/")[0] for a, _ in items})
    everything = [(a, analyze(a)) for a in articles(days)]
    g = group(everything)
    event_of = {aid: ev.id for ev in g.events for aid in ev.article_ids}
    ids = list(labelled)
    out = clustering_scores([labelled[i] for i in ids], [event_of[i] for i in ids])
    return out | {"articles grouped": len(everything), "events": len(g.events)}


if __name__ == "__main__":
    main()
