"""The Spark engine: readers -> per-article stages -> blocking -> events per block -> Parquet.

Same stage functions as the embedded engine (:mod:`khabar.pipeline`), arranged
for many machines: the per-article stages run per partition, candidate links
come from MinHash banding and connected components (:mod:`khabar.scale.blocking`),
each block is grouped by the embedded functions in one task, and each story is
digested in a task of its own (:mod:`khabar.scale.blocks`). Each step is
materialized once so its time is measured and nothing is computed twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from khabar.scale.articles import process_documents, raw_documents
from khabar.scale.blocking import candidate_edges, connected_components
from khabar.scale.blocks import digest_story_task, group_block
from khabar.scale.session import spark_session
from khabar.scale.tables import SCHEMAS


@dataclass
class SparkRun:
    """Where the tables went, how many rows each has, seconds per step, and the block sizes."""

    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    largest_blocks: list[int] = field(default_factory=list)


def run(paths: Iterable[str | Path], out_dir: str | Path, *, master: str = "local[*]", window: int | None = None,
        words: int = 120, spark=None) -> SparkRun:
    """Process every document under ``paths`` on Spark and write the tables under ``out_dir``."""
    spark = spark or spark_session(master)  # first: it says clearly what is missing (PySpark, Java)
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from khabar.group.events import DEFAULT

    result = SparkRun(Path(out_dir))
    clock = _Clock(result.timings)
    window = DEFAULT.window if window is None else window

    processed, failures = process_documents(spark, raw_documents(spark, paths))
    # ~15 KB of JSON per article, read by every later step: on local disk (and so in the OS page cache),
    # not in the executor's heap, which a 10x corpus of SaudiNewsNet (306,760 rows) overflowed at 4 GiB
    processed = processed.persist(StorageLevel.DISK_ONLY)
    result.counts["processed"] = processed.count()
    clock.lap("read+clean+analyze")

    edges = candidate_edges(processed, window).persist(StorageLevel.MEMORY_AND_DISK)
    result.counts["candidate_edges"] = edges.count()
    clock.lap("blocking")
    blocks = connected_components(processed.select("id"), edges).persist(StorageLevel.MEMORY_AND_DISK)
    sizes = blocks.groupBy("block").count().orderBy(F.desc("count")).limit(5).collect()
    result.largest_blocks = [r["count"] for r in sizes]
    clock.lap("components")

    grouped = (processed.join(blocks, "id").select("block", "article", "analysis").rdd
               .map(lambda r: (r.block, (r.article, r.analysis)))
               .groupByKey()
               .flatMap(lambda kv: group_block(kv[1]))
               .persist(StorageLevel.MEMORY_AND_DISK))
    group_tags = grouped.map(lambda r: r[0]).countByValue()
    clock.lap("group")

    # each story's articles travel to one task with its plan: stories digest in parallel
    story_of = spark.createDataFrame(grouped.filter(lambda r: r[0] == "member" and r[1][2]).map(lambda r: (r[1][0], r[1][2])),
                                     "id string, story_id string")
    story_rows = (processed.join(story_of, "id").select("story_id", "article", "analysis").rdd
                  .map(lambda r: (r.story_id, (r.article, r.analysis))))
    plans = grouped.filter(lambda r: r[0] == "plan").map(lambda r: (r[1][0], (r[1][1], r[1][2])))
    digested = (plans.cogroup(story_rows, numPartitions=4 * spark.sparkContext.defaultParallelism)
                .flatMap(lambda kv: (record for plan in kv[1][0] for record in digest_story_task(plan, kv[1][1], words)))
                .persist(StorageLevel.DISK_ONLY))  # digests: as big as the articles
    tags = {**group_tags, **digested.map(lambda r: r[0]).countByValue()}
    clock.lap("digest")
    records = grouped.union(digested)

    def table(tag: str, schema: str):
        return spark.createDataFrame(records.filter(lambda r, t=tag: r[0] == t).map(lambda r: r[1]), schema)

    members = table("member", "id string, event_id string, story_id string")
    articles = processed.join(members, "id", "left").select(*[c.split()[0] for c in SCHEMAS["articles"].split(", ")])
    failures = failures.union(table("failure", SCHEMAS["failures"])).persist(StorageLevel.MEMORY_AND_DISK)
    outputs = {
        "articles": articles,
        "events": table("event", SCHEMAS["events"]),
        "stories": table("story", SCHEMAS["stories"]),
        "entities": table("entity", SCHEMAS["entities"]),
        "facts": table("fact", SCHEMAS["facts"]),
        "failures": failures,
    }
    for name, frame in outputs.items():
        frame.write.mode("overwrite").parquet(str(result.out / name))
    result.counts.update(articles=result.counts["processed"], failures=failures.count(),
                         **{name: tags.get(tag, 0) for name, tag in
                            (("events", "event"), ("stories", "story"), ("entities", "entity"), ("facts", "fact"))})
    clock.lap("write")
    for frame in (processed, edges, blocks, failures):
        frame.unpersist()
    grouped.unpersist()
    digested.unpersist()
    return result


class _Clock:
    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.timings[step] = round(now - self.last, 3)
        self.last = now
