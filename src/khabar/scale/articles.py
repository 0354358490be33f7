"""Per-article stages on Spark: read files on the executors, clean and analyze per partition.

Files (or Parquet rows) are spread over tasks and read with the same readers as
the embedded engine; documents with the same content id are kept once; each
partition then runs :func:`khabar.pipeline.process_safe` on its documents, under
the same per-document size and time limits as the embedded engine. Model
objects travel as JSON strings (``to_dict``), the same form SQLite stores.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.errors import BadDocument
from khabar.model import RawDoc, to_dict

PROCESSED_SCHEMA = ("id string, source string, outlet string, title string, published_at string, "
                    "day int, keywords array<string>, article string, analysis string")
FAILURE_SCHEMA = "source string, reason string"
DOCS_PER_PARTITION = 2_000
KEYWORDS = 20  # top stems per article for blocking: the clusterer retrieves by 12; 20 keeps every
# same-event pair in one block on SaudiNewsNet (see docs/bench/scale.md), 12 lost 7% of them


def input_files(paths: Iterable[str | Path]) -> tuple[list[str], list[str], list[BadDocument]]:
    """``(files for the readers, Parquet inputs, missing paths)`` under ``paths``."""
    from khabar.ingest.readers import is_supported

    files: list[str] = []
    parquet: list[str] = []
    missing: list[BadDocument] = []
    for path in map(Path, paths):
        if path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
            parquet.append(str(path))
        elif path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and is_supported(p))
        elif path.is_file():
            files.append(str(path))
        else:
            missing.append(BadDocument(str(path), "no such file or directory"))
    return files, parquet, missing


def raw_documents(spark, paths: Iterable[str | Path]):
    """An RDD of RawDoc | BadDocument: input files spread over tasks, Parquet read by Spark itself."""
    sc = spark.sparkContext
    files, parquet, missing = input_files(paths)
    rdds = [sc.parallelize(missing, 1)] if missing else []
    if files:
        slices = min(len(files), 4 * sc.defaultParallelism)  # many small files share a task
        rdds.append(sc.parallelize(files, max(1, slices)).flatMap(_read_one))
    if parquet:
        rdds.append(spark.read.parquet(*parquet).rdd.mapPartitionsWithIndex(_rows_to_docs))
    return sc.union(rdds) if rdds else sc.emptyRDD()


def process_documents(spark, docs):
    """``(processed DataFrame, failures DataFrame)`` from an RDD of RawDoc | BadDocument."""
    from pyspark import StorageLevel

    bad = docs.filter(lambda d: isinstance(d, BadDocument)).map(lambda d: (d.source, d.reason))
    # the shuffle that drops repeated ids also spreads documents over every core (one input file
    # is one partition), in partitions of at most DOCS_PER_PARTITION: an analyzed article is ~15 KB
    # of JSON, and partitions of 25,000 overflowed a 2 GiB executor while being cached. Counting
    # reads the inputs once more (all 18 SaudiNewsNet zips: about a second)
    partitions = max(2 * spark.sparkContext.defaultParallelism, docs.getNumPartitions(),
                     math.ceil(docs.count() / DOCS_PER_PARTITION))
    unique = (docs.filter(lambda d: isinstance(d, RawDoc))
              .map(lambda d: (d.doc_id, d))
              .reduceByKey(lambda a, b: a if a.source <= b.source else b, numPartitions=partitions)
              .values())
    # read twice (articles, failures): kept on local disk, where the OS caches it, not in the executor's heap
    # (306,760 analyzed articles held in memory overflowed a 4 GiB heap)
    outcomes = unique.mapPartitions(_process_partition).persist(StorageLevel.DISK_ONLY)
    ok = outcomes.filter(lambda o: o[0] == "ok").map(lambda o: o[1])
    failed = outcomes.filter(lambda o: o[0] == "bad").map(lambda o: o[1]).union(bad)
    return (spark.createDataFrame(ok, PROCESSED_SCHEMA),
            spark.createDataFrame(failed, FAILURE_SCHEMA))


def _read_one(path: str) -> Iterator[RawDoc | BadDocument]:
    from khabar.ingest.readers import read_file

    yield from read_file(Path(path))


def _rows_to_docs(partition: int, rows) -> Iterator[RawDoc | BadDocument]:
    from khabar.ingest.readers import record_to_doc

    for i, row in enumerate(rows):
        try:
            yield record_to_doc(row.asDict(), f"parquet:{partition}#{i}")
        except BadDocument as err:
            yield err


def _process_partition(docs: Iterator[RawDoc]) -> Iterator[tuple]:
    from khabar.group.features import day_of
    from khabar.limits import DEFAULT_LIMITS, check_size
    from khabar.pipeline import few_collections, process_safe

    few_collections()
    timings: dict[str, float] = {}
    for doc in docs:
        checked = check_size(doc, DEFAULT_LIMITS.max_bytes)
        outcome = checked if isinstance(checked, BadDocument) else process_safe(checked, timings,
                                                                                DEFAULT_LIMITS.max_seconds)
        if isinstance(outcome, BadDocument):
            yield "bad", (outcome.source, outcome.reason)
            continue
        article, analysis = outcome
        day = day_of(article.published_at)
        if day is None:
            day = day_of(analysis.event_date)
        yield "ok", (article.id, article.source, article.outlet, article.title, article.published_at, day,
                     keywords(analysis.terms), _json(article), _json(analysis))


def keywords(terms: Iterable[str], k: int = KEYWORDS) -> list[str]:
    """The ``k`` stems with the highest TF-IDF weight, IDF from the shipped background frequencies."""
    from khabar.group.space import OnlineTfidf, background_df

    vec = OnlineTfidf(background_df()).vector(Counter(terms))
    return sorted(vec, key=lambda t: (-vec[t], t))[:k]


def _json(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))
