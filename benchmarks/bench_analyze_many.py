"""CPU of ``analyze_many`` in batches of 8 (as the pipeline's workers run it), warm, min of N passes.

    PYTHONPATH=src python benchmarks/bench_analyze_many.py [--zip PATH] [--articles 300] [--repeat 3]

Small on purpose, so that the code before and after a change can be run side by side at
the same moment (same machine load) and compared:

    PYTHONPATH=/tmp/before/src python benchmarks/bench_analyze_many.py &
    PYTHONPATH=src python benchmarks/bench_analyze_many.py & wait

Reads the first ``--articles`` SaudiNewsNet articles of one zip (research use only: read
here, never shipped), analyzes them once to warm the per-word caches, then times
``--repeat`` passes with ``time.process_time``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench_analyze import BATCH, ZIP, load_articles
from khabar.analyze import analyze_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zip", type=Path, default=ZIP)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load_articles(args.zip, args.articles)
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    for batch in batches:
        analyze_many(batch)
    times = []
    for _ in range(args.repeat):
        began = time.process_time()
        for batch in batches:
            analyze_many(batch)
        times.append(time.process_time() - began)
    print(json.dumps({"articles": len(articles), "cpu_s": [round(t, 2) for t in times], "min_cpu_s": round(min(times), 2)}))


if __name__ == "__main__":
    main()
