"""Spark engine (local mode) on SaudiNewsNet and on an N-times replicated copy; agreement with embedded.

    # a corpus as Parquet: the first LIMIT articles, COPIES times (new ids, dates shifted 60 days per copy)
    PYTHONPATH=src python benchmarks/bench_spark.py corpus --limit 1000 --copies 10 --out /tmp/c10.parquet
    # the embedded engine's events on the 1x corpus, for the comparison
    PYTHONPATH=src python benchmarks/bench_pipeline.py /tmp/c1.parquet --events-out /tmp/embedded.json
    # the Spark run: times per step, counts, largest blocks, and pairwise F1 against the embedded events
    PYTHONPATH=src python benchmarks/bench_spark.py run /tmp/c1.parquet --compare /tmp/embedded.json

SaudiNewsNet is research-only data: the corpus files are written outside the
repository and never committed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from khabar.evaluate.metrics import pairwise
from khabar.ingest import read_paths
from khabar.model import RawDoc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SAUDI = SHARED / "data/saudinewsnet/zips"
SHIFT_DAYS = 60  # per copy: beyond every grouping window, so copies form their own events


def build_corpus(paths: list[Path], limit: int, copies: int, out: Path) -> int:
    """Write the first ``limit`` articles, ``copies`` times, as one Parquet file; returns rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = []
    for item in read_paths(paths):
        if isinstance(item, RawDoc):
            docs.append(item)
            if limit and len(docs) >= limit:
                break
    rows = {k: [] for k in ("text", "html", "url", "outlet", "title", "published_at")}
    for copy in range(copies):
        for d in docs:
            suffix = f"\n\n(نسخة {copy})" if copy else ""
            rows["text"].append(d.text + suffix if d.text else "")
            rows["html"].append(d.html.replace("</body>", f"<p>{suffix}</p></body>") if d.html and copy else d.html)
            rows["url"].append(f"{d.url}#copy{copy}" if copy else d.url)
            rows["outlet"].append(d.outlet)
            rows["title"].append(d.title)
            rows["published_at"].append(_shift(d.published_at, copy * SHIFT_DAYS))
    pq.write_table(pa.table(rows), out)
    return len(rows["text"])


def _shift(iso: str, days: int) -> str:
    if not days or not iso:
        return iso
    try:
        return (dt.datetime.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return iso


def run_spark(paths: list[Path], master: str, compare: Path | None) -> dict:
    from khabar.scale import run
    from khabar.scale.session import spark_session

    spark = spark_session(master, app="khabar-bench")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = run(paths, Path(tmp) / "out", spark=spark)
        wall = time.perf_counter() - start
        events = spark.read.parquet(str(Path(tmp) / "out" / "articles")).select("id", "event_id").collect()
    spark.stop()
    out = {"inputs": [str(p) for p in paths], "master": master, "counts": result.counts,
           "seconds": {"total": round(wall, 1), **result.timings},
           "articles_per_second": round(result.counts["articles"] / wall, 1),
           "largest_blocks": result.largest_blocks}
    if compare:
        out["agreement"] = agreement({r.id: r.event_id for r in events},
                                     json.loads(compare.read_text(encoding="utf-8")))
    return out


def agreement(spark_events: dict[str, str], embedded: dict[str, str]) -> dict:
    """Pairwise precision/recall/F1 of Spark's events against the embedded engine's, on shared articles."""
    shared = sorted(set(spark_events) & set(embedded))
    p, r, f = pairwise([embedded[a] for a in shared], [spark_events[a] for a in shared])
    return {"articles_compared": len(shared), "only_spark": len(set(spark_events) - set(embedded)),
            "only_embedded": len(set(embedded) - set(spark_events)),
            "pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4), "pairwise_f1": round(f, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    corpus = sub.add_parser("corpus")
    corpus.add_argument("paths", nargs="*", type=Path, default=[SAUDI])
    corpus.add_argument("--limit", type=int, default=0)
    corpus.add_argument("--copies", type=int, default=1)
    corpus.add_argument("--out", type=Path, required=True)
    spark = sub.add_parser("run")
    spark.add_argument("paths", nargs="+", type=Path)
    spark.add_argument("--master", default="local[*]")
    spark.add_argument("--compare", type=Path)
    args = parser.parse_args()
    if args.cmd == "corpus":
        result = {"rows": build_corpus(args.paths, args.limit, args.copies, args.out), "out": str(args.out)}
    else:
        result = run_spark(args.paths, args.master, args.compare)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
