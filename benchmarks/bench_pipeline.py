"""Embedded engine end to end on a corpus (default: all SaudiNewsNet zips): speed, memory, stages.

    PYTHONPATH=src python benchmarks/bench_pipeline.py [PATHS...] [--files N] [--workers N]
        [--events-out events.json] [--read-only]

Ingests into a fresh SQLite file (clean + analyze in the process pool, batched
writes), consolidates (group + digest), and prints one JSON object: articles per
second end to end, seconds per stage, and peak resident memory of this process
and of its largest worker. ``--events-out`` saves article -> event for comparing
engines (benchmarks/bench_spark.py). ``--read-only`` only streams the readers
(documents, bad records, distinct ids, seconds, peak memory).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from khabar.ingest import read_paths
from khabar.model import RawDoc
from khabar.pipeline import consolidate, default_workers, ingest
from khabar.store.sqlite import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SAUDI = SHARED / "data/saudinewsnet/zips"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[SAUDI])
    parser.add_argument("--files", type=int, default=0, help="only the first N files of each directory")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--events-out", type=Path)
    parser.add_argument("--read-only", action="store_true")
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary file)")
    args = parser.parse_args()
    paths = _limit(args.paths, args.files)
    if args.read_only:
        json.dump(read_only(paths), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    with tempfile.TemporaryDirectory() as tmp, Store(args.db or Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = ingest(paths, store, workers=args.workers)
        ingested = time.perf_counter()
        timings: dict[str, float] = {}
        digests = consolidate(store, timings=timings)
        done = time.perf_counter()
        events = store.events()
    if args.events_out:
        args.events_out.write_text(json.dumps({a: e.id for e in events for a in e.article_ids}), encoding="utf-8")
    wall = done - start
    result = {
        "inputs": [str(p) for p in paths],
        "workers": args.workers,
        "articles": report.processed,
        "duplicates": report.duplicates,
        "skipped": len(report.skipped),
        "events": len(events),
        "stories": len(digests),
        "seconds": {"total": round(wall, 1), "ingest_wall": round(ingested - start, 1),
                    "consolidate_wall": round(done - ingested, 1),
                    "ingest_stages_cpu": {k: round(v, 1) for k, v in report.timings.items()},
                    "consolidate_stages": {k: round(v, 1) for k, v in timings.items()}},
        "articles_per_second": round(report.processed / wall, 1) if wall else 0.0,
        "ingest_articles_per_second": round(report.processed / (ingested - start), 1),
        "peak_rss_mib": {"main": _mib(resource.RUSAGE_SELF), "largest_worker": _mib(resource.RUSAGE_CHILDREN)},
        "machine": f"{platform.machine()}, {default_workers()} cores, Python {platform.python_version()}",
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


def read_only(paths: list[Path]) -> dict:
    """Stream every document of ``paths`` through the readers and count what came out."""
    start = time.perf_counter()
    docs = bad = 0
    ids: set[str] = set()
    for item in read_paths(paths):
        if isinstance(item, RawDoc):
            docs += 1
            ids.add(item.doc_id)
        else:
            bad += 1
    return {"documents": docs, "bad_records": bad, "distinct_ids": len(ids),
            "seconds": round(time.perf_counter() - start, 2), "peak_rss_mib": _mib(resource.RUSAGE_SELF)}


def _limit(paths: list[Path], files: int) -> list[Path]:
    if not files:
        return paths
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(x for x in p.iterdir() if x.is_file())[:files] if p.is_dir() else [p])
    return out


def _mib(who: int) -> int:
    return resource.getrusage(who).ru_maxrss // 1024


if __name__ == "__main__":
    main()
