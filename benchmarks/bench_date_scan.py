"""CPU of the date scan (``khabar.arabic.dates._scan``) over every SaudiNewsNet title and body.

    PYTHONPATH=src python benchmarks/bench_date_scan.py [--repeat 3] [--dump out.tsv]

Reads all the SaudiNewsNet zips (research use only: read here, never shipped) with
khabar.ingest.read_paths and khabar.clean.clean, as bench_analyze.py does, then times
``_scan`` over every non-empty title and body with ``time.process_time``, cache cleared
before each of ``--repeat`` passes. ``--dump`` writes every match (text number, kind, span,
groups, date span) and every ``find_dates`` hit (reference 2015-07-21), to compare the code
before and after a change: run it with the old code's ``src`` on PYTHONPATH for "before".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from bench_analyze import ZIP
from khabar.arabic import dates
from khabar.clean import clean
from khabar.ingest.readers import read_paths
from khabar.model import RawDoc


def corpus_texts() -> list[str]:
    """Every non-empty title and body of the SaudiNewsNet zips, cleaned, in file order."""
    texts = []
    for item in read_paths(sorted(ZIP.parent.glob("*.zip"))):
        if isinstance(item, RawDoc):
            article = clean(item)
            texts += [t for t in (article.title, article.body) if t]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    texts = corpus_texts()
    times = []
    for _ in range(args.repeat):
        dates._scan.cache_clear()
        began = time.process_time()
        for text in texts:
            dates._scan(text)
        times.append(round(time.process_time() - began, 2))
    if args.dump:
        reference = dt.date(2015, 7, 21)
        with args.dump.open("w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                for kind, m, s, e in dates._scan(text)[1]:
                    out.write(f"{i}\t{kind}\t{m.span()}\t{sorted(m.groupdict().items())}\t{s}\t{e}\n")
                for hit in dates.find_dates(text, reference):
                    out.write(f"{i}\tHIT\t{hit}\n")
    print(json.dumps({"texts": len(texts), "chars": sum(map(len, texts)), "cpu_s": times, "min_cpu_s": min(times)}))


if __name__ == "__main__":
    main()
