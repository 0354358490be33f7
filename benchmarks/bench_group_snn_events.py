"""Event clustering on the labelled SaudiNewsNet set (benchmarks/data/snn_events.jsonl).

Events are split by sha1(label) parity into dev and test; the similarity threshold is
swept on dev, the best one applied once to test; the package default is scored too.

    PYTHONPATH=src:benchmarks python benchmarks/bench_group_snn_events.py [--embeddings]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from pathlib import Path

from group_snn import article, day
from khabar.analyze import analyze
from khabar.evaluate.metrics import clustering_scores
from khabar.group import DEFAULT, group

LABELS = Path(__file__).parent / "data" / "snn_events.jsonl"
THRESHOLDS = [round(0.10 + 0.02 * i, 3) for i in range(16)]


def load() -> tuple[list, list[str]]:
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embeddings", action="store_true")
    args = ap.parse_args()
    items, labels = load()
    dev = [i for i, lab in enumerate(labels) if int(hashlib.sha1(lab.encode()).hexdigest(), 16) % 2 == 0]
    test = [i for i in range(len(labels)) if i not in set(dev)]

    def part(idx: list[int]) -> tuple[list, list[str]]:
        return [items[i] for i in idx], [labels[i] for i in idx]

    best = None
    for t in THRESHOLDS:
        s = score(*part(dev), dataclasses.replace(DEFAULT, threshold=t), args.embeddings)
        print(f"dev threshold {t:.2f}: B3 F1 {s['bcubed_f1']:.3f} NMI {s['nmi']:.3f} events {s['events']}")
        if best is None or s["bcubed_f1"] > best[1]["bcubed_f1"]:
            best = (t, s)
    print(f"dev {len(dev)} articles / {len(set(part(dev)[1]))} events; "
          f"test {len(test)} articles / {len(set(part(test)[1]))} events; best dev threshold {best[0]}")
    t0 = time.perf_counter()
    print("test, dev threshold: " + line(score(*part(test), dataclasses.replace(DEFAULT, threshold=best[0]),
                                              args.embeddings)))
    print(f"(grouping took {time.perf_counter() - t0:.2f} s)")
    print(f"test, package default threshold {DEFAULT.threshold}: " + line(score(*part(test), DEFAULT, args.embeddings)))
    print(f"all {len(items)}, package default: " + line(score(items, labels, DEFAULT, args.embeddings)))


if __name__ == "__main__":
    main()
