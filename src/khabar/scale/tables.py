"""The Parquet tables the Spark engine writes, and loading them into a SQLite store.

One directory per table under the output directory. Model objects are kept
whole as JSON (``data``/``article``/``analysis``/``digest`` columns) beside the
columns people query, the same layout SQLite uses, so loading is a copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from khabar.model import Analysis, Article, Event, Story, StoryDigest, from_dict

SCHEMAS = {
    "articles": ("id string, source string, outlet string, title string, published_at string, "
                 "event_id string, story_id string, article string, analysis string"),
    "events": "id string, story_id string, date string, title string, n_articles int, data string",
    "stories": ("id string, date string, n_articles int, n_outlets int, headline string, data string, "
                "digest string"),
    "entities": ("story_id string, id string, type string, name string, key string, roman string, "
                 "n_mentions int, data string"),
    "facts": ("story_id string, event_id string, slot string, subject string, status string, "
              "n_claims int, data string"),
    "failures": "source string, reason string",
}
TABLES = tuple(SCHEMAS)
BATCH = 500


def load_parquet(out_dir: str | Path, store) -> dict[str, int]:
    """Copy a Spark run's tables into ``store`` (a :class:`khabar.store.sqlite.Store`); returns counts."""
    root = Path(out_dir)
    missing = [t for t in ("articles", "events", "stories") if not (root / t).exists()]
    if missing:
        raise FileNotFoundError(f"{root}: not a khabar spark output (missing {', '.join(missing)})")
    counts = {"articles": 0, "events": 0, "stories": 0, "failures": 0}
    batch: list[tuple[Article, Analysis]] = []
    for row in _rows(root / "articles", ["article", "analysis"]):
        batch.append((from_dict(Article, json.loads(row["article"])), from_dict(Analysis, json.loads(row["analysis"]))))
        if len(batch) >= BATCH:
            counts["articles"] += store.add_articles(batch)
            batch.clear()
    if batch:
        counts["articles"] += store.add_articles(batch)
    events = [from_dict(Event, json.loads(r["data"])) for r in _rows(root / "events", ["data"])]
    story_rows = list(_rows(root / "stories", ["data", "digest"]))
    stories = [from_dict(Story, json.loads(r["data"])) for r in story_rows]
    store.save_grouping(events, stories)
    store.save_digests(from_dict(StoryDigest, json.loads(r["digest"])) for r in story_rows if r["digest"])
    counts["events"], counts["stories"] = len(events), len(stories)
    if (root / "failures").exists():
        failures = [(r["source"], r["reason"]) for r in _rows(root / "failures", ["source", "reason"])]
        if failures:
            store.record_failures(failures)
        counts["failures"] = len(failures)
    return counts


def _rows(table: Path, columns: list[str]) -> Iterator[dict]:
    """Rows of a Parquet table directory, a batch at a time (needs pyarrow)."""
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise RuntimeError("loading Parquet needs pyarrow: pip install 'khabar[spark]'") from exc
    for batch in ds.dataset(str(table), format="parquet").to_batches(columns=columns, batch_size=BATCH):
        yield from batch.to_pylist()
