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

from collections.abc import Iterator
from itertools import combinations

MAX_BUCKET = 400  # buckets larger than this are a common word pair, not an event
MAX_ROUNDS = 40


def band_keys(keywords: list[str]) -> list[str]:
    """One bucket key per pair of distinct keywords (order-free)."""
    return ["\t".join(pair) for pair in combinations(sorted(set(keywords)), 2)]


def star_runs(members: list[tuple[int | None, str]], window: int) -> Iterator[tuple[str, str]]:
    """Edges from each member to the first of its run (see module doc); undated members join any run."""
    ordered = sorted(members, key=lambda m: (m[0] if m[0] is not None else -1, m[1]))
    hub, last = ordered[0][1], ordered[0][0]
    for day, member in ordered[1:]:
        if day is not None and last is not None and day - last > window:
            hub = member
        else:
            yield hub, member
        if day is not None:
            last = day


def candidate_edges(processed, window: int, max_bucket: int = MAX_BUCKET):
    """A DataFrame ``(src, dst)`` of candidate links between articles (see module doc)."""
    from pyspark.sql import functions as F

    buckets = (processed.select("id", "day", "keywords").rdd
               .flatMap(lambda r: ((key, (r.day, r.id)) for key in band_keys(r.keywords)))
               .groupByKey()
               .filter(lambda kv: 1 < len(kv[1]) <= max_bucket)
               .flatMap(lambda kv: star_runs(list(kv[1]), window)))
    edges = processed.sparkSession.createDataFrame(buckets, "src string, dst string")
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
