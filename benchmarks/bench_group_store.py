"""CPU and wall time of the grouping stage over a database's stored articles, and a digest of its output.

What ``khabar consolidate`` spends between loading the grouping views and digesting the
stories: :func:`khabar.group.group` over ``Store.grouping_items()``, from scratch (no stored
grouping) so that every article is placed by similarity. The SHA-1 of the events and stories
found lets two versions be checked for identical results (run both under one PYTHONHASHSEED).

    PYTHONHASHSEED=0 PYTHONPATH=src python benchmarks/bench_group_store.py DB [--limit N] [--dump FILE] [--pipelined]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import time

from khabar.group import group
from khabar.model import to_dict
from khabar.store.sqlite import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--limit", type=int, default=0, help="only the first N stored articles")
    ap.add_argument("--dump", help="write the events and stories as JSON lines here")
    ap.add_argument("--pipelined", action="store_true", help="the stream half in a second process")
    args = ap.parse_args()
    with Store(args.db, readonly=True) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        items = list(store.grouping_items())
    if args.limit:
        items = items[:args.limit]
    t1, c1 = time.perf_counter(), time.process_time()
    g = group(items, pipelined=True) if args.pipelined else group(items)
    t2, c2 = time.perf_counter(), time.process_time()
    lines = [json.dumps(to_dict(x), ensure_ascii=False, sort_keys=True) for x in (*g.events, *g.stories)]
    digest = hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print(f"articles {len(items)}; load {t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU")
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"group {t2 - t1:.1f} s wall, {c2 - c1:.1f} s CPU here + {child.ru_utime:.1f} s user "
          f"{child.ru_stime:.1f} s system in the stream process = {len(items) / (t2 - t1):.0f} articles/s wall")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB here, "
          f"{child.ru_maxrss / 1024:.0f} MiB in the stream process")
    print(f"events {len(g.events)}, stories {len(g.stories)}, "
          f"duplicates {sum(len(e.duplicates) for e in g.events)}; output sha1 {digest}")


if __name__ == "__main__":
    main()
