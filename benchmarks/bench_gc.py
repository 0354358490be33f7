"""CPU of analyzing and digesting with Python's default garbage-collector thresholds and with
the ones the pipeline's workers use (``khabar.pipeline.few_collections``).

    PYTHONPATH=src python benchmarks/bench_gc.py analyze [--articles 3000] [--repeat 2]
    PYTHONPATH=src python benchmarks/bench_gc.py digest DB [--repeat 2]

Each measurement runs in a fresh process (caches and heap start the same), the two settings
alternate, and the CPU seconds (``time.process_time``) of each run are printed: the machine
may be shared, so compare runs made side by side. ``analyze`` reads the first articles of
the SaudiNewsNet zips in order (research use only: read here, never shipped) and analyzes
them in batches of 8 as a worker does; ``digest`` digests every story of a database made by
``bench_pipeline.py --db`` (see bench_digest.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stage", choices=("analyze", "digest"))
    parser.add_argument("db", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--one", choices=("default", "tuned"), help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.one:
        print(json.dumps({"gc": args.one, "cpu_s": round(_run(args), 2)}))
        return
    for _ in range(args.repeat):
        for mode in ("default", "tuned"):
            child = [sys.executable, __file__, *sys.argv[1:], "--one", mode]
            print(subprocess.run(child, check=True, capture_output=True, text=True).stdout.strip(), flush=True)


def _run(args: argparse.Namespace) -> float:
    from khabar.pipeline import few_collections

    if args.stage == "analyze":
        sys.path.insert(0, str(HERE))
        from bench_analyze import first_articles
        from khabar.analyze import analyze_many

        articles = first_articles(args.articles)
        if args.one == "tuned":
            few_collections()
        start = time.process_time()
        for i in range(0, len(articles), 8):
            analyze_many(articles[i:i + 8])
        return time.process_time() - start
    from khabar.consolidate import batch
    from khabar.store.sqlite import Store

    with Store(args.db, readonly=True) as store:
        events = {e.id: e for e in store.events()}
        tasks = batch.tasks([batch.story_inputs(s, events) for s in store.stories()])
        if args.one == "tuned":
            few_collections()
        start = time.process_time()
        for task in tasks:
            batch.digest_rows(store, task, 120)
        return time.process_time() - start


if __name__ == "__main__":
    main()
