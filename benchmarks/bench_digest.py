"""Digest every story of a Khabar database in this one process: CPU seconds, optionally a profile.

    PYTHONPATH=src python benchmarks/bench_digest.py DB [--profile N] [--sort tottime]

The database comes from ``bench_pipeline.py --db DB`` (its stored grouping is used as it
is). Stories are read and digested in the pipeline's tasks (``khabar.consolidate.batch``),
encoded for the store as the workers encode them, without storing anything (an older
version without ``digest_rows`` is measured the same way), and the CPU time of this process is printed (``time.process_time``:
the machine is shared, wall time misleads). ``--profile N`` prints the N costliest functions
(cProfile) instead, sorted by ``--sort``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

from khabar.consolidate import batch
from khabar.store.sqlite import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--words", type=int, default=120)
    parser.add_argument("--profile", type=int, default=0)
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    with Store(args.db, readonly=True) as store:
        events = {e.id: e for e in store.events()}
        tasks = batch.tasks([batch.story_inputs(s, events) for s in store.stories()])

        def run() -> int:
            return sum(len(_digest_rows(store, task, args.words)) for task in tasks)

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(run)
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.profile)
            return
        start = time.process_time()
        stories = run()
        print(json.dumps({"db": str(args.db), "stories": stories, "tasks": len(tasks),
                          "cpu_s": round(time.process_time() - start, 2)}))


def _digest_rows(store: Store, task: list, words: int) -> list:
    """Digests encoded for the store, as workers make them (an older version: encoded the way it stored them)."""
    if hasattr(batch, "digest_rows"):
        return batch.digest_rows(store, task, words)
    from khabar.store.sqlite import _json, _listing

    return [(_json(d), _listing(d)) for d in batch.digest_stories(store, task, words)]


if __name__ == "__main__":
    main()
