"""Throughput of the plain-text cleaner on every SaudiNewsNet article, in one process (one core).

Usage: python benchmarks/bench_clean_speed.py [--data DIR] [--limit N]
Reading and JSON parsing of the zips is not timed; clean() on each RawDoc is.
Also prints what was removed, by kind and rule: SaudiNewsNet content is already
extracted article text, so this is a proxy for what the rules cut from real bodies.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from collections import Counter
from pathlib import Path

from khabar.clean import clean
from khabar.model import RawDoc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DATA = SHARED / "data/saudinewsnet/zips"


def load(data: Path, limit: int) -> list[RawDoc]:
    """Every article as a RawDoc (content as plain text, title given like a JSONL reader would)."""
    docs: list[RawDoc] = []
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                for i, item in enumerate(json.loads(zf.read(name))):
                    docs.append(RawDoc(doc_id=f"{zpath.stem}:{i}", source=f"{zpath.name}:{i}",
                                       text=item.get("content") or "", title=item.get("title") or ""))
                    if limit and len(docs) >= limit:
                        return docs
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    docs = load(args.data, args.limit)
    chars = sum(len(d.text) for d in docs)
    start = time.process_time()
    wall = time.perf_counter()
    articles = [clean(d) for d in docs]
    cpu = time.process_time() - start
    wall = time.perf_counter() - wall
    blocks = [b for a in articles for b in a.removed]
    print(f"articles: {len(docs):,}  characters: {chars:,}  removed blocks: {len(blocks):,}")
    print(f"CPU time: {cpu:.1f} s  wall: {wall:.1f} s")
    print(f"throughput: {len(docs) / cpu:,.0f} articles/s (CPU), {len(docs) / wall:,.0f} articles/s (wall)")
    by_rule: Counter[str] = Counter()
    removed_chars: Counter[str] = Counter()
    for b in blocks:
        rule = f"{b.kind} {b.reason.split(':')[0]}"
        by_rule[rule] += 1
        removed_chars[rule] += len(b.text)
    print(f"removed characters: {sum(removed_chars.values()):,} ({sum(removed_chars.values()) / chars:.3%} of all)")
    for rule, n in by_rule.most_common():
        print(f"  {rule:32} {n:6,} blocks {removed_chars[rule]:9,} chars")


if __name__ == "__main__":
    main()
