"""CPU of analyzing a long stream of articles with a given size of the CRF's per-word score cache.

    PYTHONPATH=src python benchmarks/bench_ner_cache.py 50000 --articles 12000 &
    PYTHONPATH=src python benchmarks/bench_ner_cache.py 120000 --articles 12000 & wait

A pipeline worker analyzes ~15,000 articles of the full corpus; the cache
(``khabar.analyze.ner.scorer._CACHE_SIZE`` distinct words, emptied when full) decides how often
a word's weight sums are computed again. Reads the first ``--articles`` SaudiNewsNet articles of
the zips in order (research use only: read here, never shipped), analyzes them in batches of 8
with the workers' collector thresholds, and prints the CPU seconds and peak RSS. Run two sizes
side by side (the machine's speed varies from minute to minute).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", type=int, help="distinct words the CRF score cache keeps")
    parser.add_argument("--articles", type=int, default=12000)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_analyze import first_articles
    from khabar.analyze import analyze_many
    from khabar.analyze.ner import scorer
    from khabar.pipeline import few_collections

    scorer._CACHE_SIZE = args.cache
    articles = first_articles(args.articles)
    few_collections()
    start = time.process_time()
    for i in range(0, len(articles), 8):
        analyze_many(articles[i:i + 8])
    print(json.dumps({"cache": args.cache, "articles": len(articles), "cpu_s": round(time.process_time() - start, 1),
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


if __name__ == "__main__":
    main()
