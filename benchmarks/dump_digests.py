"""Write every story digest of a database as the current code makes it, to compare two versions.

    PYTHONHASHSEED=0 PYTHONPATH=src python benchmarks/dump_digests.py DB OUT

Only the digests (``dump_outputs.py --digests`` analyzes every article again first, which
takes far longer): every story of the stored grouping is digested and encoded as the
workers do (``digest_rows``), one row per line, so that the files written by the code
before and after a change compare with ``cmp``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.consolidate import batch
from khabar.store.sqlite import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=120)
    args = parser.parse_args()
    stories = 0
    with Store(args.db, readonly=True) as store, args.out.open("w", encoding="utf-8") as out:
        events = {e.id: e for e in store.events()}
        for task in batch.tasks([batch.story_inputs(s, events) for s in store.stories()]):
            for row in batch.digest_rows(store, task, args.words):
                out.write(repr(row) + "\n")
                stories += 1
    print(json.dumps({"db": str(args.db), "stories": stories}))


if __name__ == "__main__":
    main()
