"""Write what the current code makes of a database's articles and stories, to compare two versions.

    PYTHONHASHSEED=0 PYTHONPATH=src python benchmarks/dump_outputs.py DB OUT [--digests]

Every stored article is analyzed again (``analyze_many`` in batches of 8, as the workers)
and its analysis encoded as the store encodes it; with ``--digests``, every story of the
stored grouping is digested and encoded (``digest_rows``, as the workers). One line per row,
so that the files written by the code before and after a change compare with ``cmp``. The
script also says how many analyses differ from the rows stored in DB.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.analyze import analyze_many
from khabar.consolidate import batch
from khabar.store.sqlite import Store, _json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--digests", action="store_true")
    args = parser.parse_args()
    with Store(args.db, readonly=True) as store, args.out.open("w", encoding="utf-8") as out:
        articles = [article for article, _ in store.items()]
        stored = dict(store.db.execute("SELECT article_id, data FROM analyses"))
        differ = 0
        for i in range(0, len(articles), 8):
            part = articles[i:i + 8]
            for article, analysis in zip(part, analyze_many(part), strict=True):
                row = _json(analysis)
                differ += row != stored[article.id]
                out.write(row + "\n")
        stories = 0
        if args.digests:
            events = {e.id: e for e in store.events()}
            for task in batch.tasks([batch.story_inputs(s, events) for s in store.stories()]):
                for row in batch.digest_rows(store, task, 120):
                    out.write(repr(row) + "\n")
                    stories += 1
    print(json.dumps({"articles": len(articles), "analyses_unlike_stored": differ, "stories": stories}))


if __name__ == "__main__":
    main()
