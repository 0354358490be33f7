"""Throughput and memory of dedup + event clustering + story linking on all of SaudiNewsNet.

Articles are analyzed first (timed apart: that is the analyze stage's cost), then
``khabar.group.group`` runs over all of them in time order (crawl time).

    PYTHONPATH=src:benchmarks python benchmarks/bench_group_throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import time

from group_snn import articles, sizes
from khabar.analyze import analyze
from khabar.group import group


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    t0 = time.perf_counter()
    items = []
    for a in articles():
        items.append((a, analyze(a)))
        if args.limit and len(items) >= args.limit:
            break
    t1, c1 = time.perf_counter(), time.process_time()
    g = group(items)
    t2, c2 = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    dups = sum(len(e.duplicates) for e in g.events)
    multi = sum(1 for e in g.events if len(e.article_ids) > 1)
    print(f"articles {len(items)}; analyze {t1 - t0:.1f} s ({len(items) / (t1 - t0):.0f}/s)")
    print(f"group (dedup + events + stories) {t2 - t1:.1f} s wall = {len(items) / (t2 - t1):.0f} articles/s; "
          f"{c2 - c1:.1f} s CPU = {len(items) / (c2 - c1):.0f} articles per CPU-second")
    print(f"events {len(g.events)} ({multi} with 2+ articles), duplicates {dups}, "
          f"stories {len(g.stories)} ({sum(1 for s in g.stories if len(s.event_ids) > 1)} with 2+ events)")
    print(sizes(g, {a.id: a.published_at for a, _ in items}))
    print(f"peak RSS of the whole process (articles, analyses and grouping) {peak:.0f} MiB")


if __name__ == "__main__":
    main()
