"""Embedded engine end to end on a corpus (default: all SaudiNewsNet zips): speed, memory, stages.

    PYTHONPATH=src python benchmarks/bench_pipeline.py [PATHS...] [--files N] [--workers N]
        [--db FILE] [--events-out events.json] [--read-only]

Ingests into a SQLite file (fresh unless ``--db`` names one already filled: then the
run measures an incremental ingest), with clean + analyze in a process pool and
batched writes, then consolidates (group, then digest the changed stories in the
same pool), and prints one JSON object: articles per second end to end, seconds
per stage, CPU seconds of this process per phase and of the workers in all (the
machine is shared: wall time alone misleads), and peak resident memory of this
process and of its largest worker. ``--events-out`` saves article -> event for
comparing engines (benchmarks/bench_spark.py). ``--read-only`` only streams the
readers (documents, bad records, distinct ids, seconds, peak memory).
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
from khabar.pipeline import default_workers, few_collections, ingest, refresh_stories, worker_pool
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
    few_collections()  # as the khabar command does
    if args.read_only:
        json.dump(read_only(paths), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    with (tempfile.TemporaryDirectory() as tmp, Store(args.db or Path(tmp) / "bench.db") as store,
          worker_pool(args.workers) as pool):
        start = time.perf_counter()
        cpu_start = _cpu(resource.RUSAGE_SELF)
        report = ingest(paths, store, workers=args.workers, pool=pool if args.workers > 1 else None)
        ingested = time.perf_counter()
        cpu_ingested = _cpu(resource.RUSAGE_SELF)
        timings: dict[str, float] = {}
        stories = refresh_stories(store, timings=timings, workers=args.workers, pool=pool if args.workers > 1 else None)
        done = time.perf_counter()
        cpu_done = _cpu(resource.RUSAGE_SELF)
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
        "stories": len(stories),
        "seconds": {"total": round(wall, 1), "ingest_wall": round(ingested - start, 1),
                    "consolidate_wall": round(done - ingested, 1),
                    "ingest_stages_cpu": {k: round(v, 1) for k, v in report.timings.items()},
                    "consolidate_stages": {k: round(v, 1) for k, v in timings.items()},
                    "cpu": {"main_ingest": round(cpu_ingested - cpu_start, 1),
                            "main_consolidate": round(cpu_done - cpu_ingested, 1),
                            "workers_all": round(_cpu(resource.RUSAGE_CHILDREN), 1)}},
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


def _cpu(who: int) -> float:
    """CPU seconds of this process, or of its exited workers (the pool has shut down when this is read)."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _mib(who: int) -> int:
    return resource.getrusage(who).ru_maxrss // 1024


if __name__ == "__main__":
    main()
