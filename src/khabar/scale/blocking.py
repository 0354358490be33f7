"""Blocking for Spark: shared keyword pairs, windowed star runs, connected components.

The stream clusterer compares an article only with events sharing its top
keywords within a time window. Spark reproduces that locality in bulk with a
banding join whose bands are the pairs of an article's top keywords (the
``rows=2`` case of LSH banding, taken exhaustively instead of sampled by
MinHash, which missed too many same-event pairs): two articles are candidates
when they share two top keywords. Inside a bucket, articles sorted by day are
cut into runs wherever two consecutive days are more than ``window`` apart, and
each run is linked as a star to its first member (n edges for a bucket of n,
not all pairs, and a short path for the components to converge over); buckets
too common to mean anything are dropped. Connected components of those edges
are the blocks the events are then found in, each block by the embedded
grouping itself.
"""

from __future__ import annotations

MAX_BUCKET = 400  # buckets larger than this are a common word pair, not an event
MAX_ROUNDS = 40
# one bucket key per pair of distinct keywords, order-free: "a<TAB>b" with a < b (``kw`` sorted, distinct)
PAIR_KEYS = "flatten(transform(kw, (x, i) -> transform(slice(kw, i + 2, size(kw)), y -> concat(x, '\\t', y))))"


def candidate_edges(processed, window: int, max_bucket: int = MAX_BUCKET):
    """A DataFrame ``(src, dst)`` of candidate links between articles (see module doc).

    All in Spark SQL (no Python rows): the pair keys are exploded, each bucket is
    ordered by day (undated members first, joining the first run), a run starts
    where a day is more than ``window`` after the one before, and every member is
    linked to the first of its run.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    pairs = (processed.select("id", "day", F.array_sort(F.array_distinct("keywords")).alias("kw"))
             .select("id", "day", F.explode(F.expr(PAIR_KEYS)).alias("key")))
    sized = (pairs.withColumn("n", F.count("*").over(Window.partitionBy("key")))
             .where((F.col("n") > 1) & (F.col("n") <= max_bucket)))
    order = Window.partitionBy("key").orderBy(F.coalesce("day", F.lit(-1)), "id")
    previous = F.lag("day").over(order)
    cut = (F.col("day").isNotNull() & previous.isNotNull() & (F.col("day") - previous > window)).cast("int")
    runs = sized.withColumn("run", F.sum(cut).over(order.rowsBetween(Window.unboundedPreceding, Window.currentRow)))
    hub = F.first("id").over(Window.partitionBy("key", "run").orderBy(F.coalesce("day", F.lit(-1)), "id"))
    edges = runs.select(hub.alias("src"), F.col("id").alias("dst"))
    return edges.where(F.col("src") != F.col("dst")).distinct()


def connected_components(ids, edges, max_rounds: int = MAX_ROUNDS):
    """A DataFrame ``(id, block)``: every id labelled with the smallest id of its component.

    Label propagation (each node takes the smallest label among itself and its
    neighbours) until no label changes; lineage is cut every round so long
    chains do not grow the plan.
    """
    from pyspark.sql import functions as F

    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).cache()
    labels = ids.select("id", F.col("id").alias("block")).localCheckpoint()
    for _ in range(max_rounds):
        proposed = (both.join(labels, both.src == labels.id)
                    .select(F.col("dst").alias("id"), F.col("block").alias("offer")))
        updated = (labels.join(proposed.groupBy("id").agg(F.min("offer").alias("offer")), "id", "left")
                   .select("id", F.least("block", F.coalesce("offer", "block")).alias("block"),
                           (F.col("offer") < F.col("block")).alias("changed"))
                   .localCheckpoint())
        labels = updated.select("id", "block")
        if not updated.where("changed").limit(1).count():
            both.unpersist()
            return labels
    raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")
