"""Throughput of the hot paths: normalize + tokenize + split_sentences over SaudiNewsNet.

Usage: python benchmarks/bench_arabic_throughput.py [--limit N] [--extras] [ZIP_DIR]
``--extras`` also times find_dates and find_numbers (slower: run it with --limit).
Words are white-space separated words of ``content`` (how the corpus counts its 8.76M).
Reads the corpus locally and reports; nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import zipfile
from pathlib import Path

from khabar.arabic import find_dates, find_numbers, normalize, split_sentences, tokenize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DEFAULT_DIR = SHARED / "data/saudinewsnet/zips"


def load(zip_dir: Path, limit: int | None) -> list[str]:
    texts: list[str] = []
    for path in sorted(zip_dir.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                texts.extend(a.get("content") or "" for a in json.loads(z.read(name)))
    return texts[:limit] if limit else texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("zip_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--extras", action="store_true")
    args = parser.parse_args()
    texts = load(args.zip_dir, args.limit)
    words = sum(len(t.split()) for t in texts)
    timings = {}
    for name, fn in (("normalize", lambda t: normalize(t, "match")), ("tokenize", tokenize),
                     ("split_sentences", split_sentences)):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        timings[name] = time.process_time() - t0
    total = sum(timings.values())
    if args.extras:
        reference = dt.date(2015, 7, 21)
        for name, fn in (("find_dates", lambda t: find_dates(t, reference)), ("find_numbers", find_numbers)):
            t0 = time.process_time()
            for t in texts:
                fn(t)
            timings[name] = time.process_time() - t0
    print(f"articles={len(texts)} words={words}")
    for name, secs in timings.items():
        print(f"{name:16s} {secs:7.2f} s CPU  {words / secs / 1e6:6.2f} M words/s")
    print(f"{'all three':16s} {total:7.2f} s CPU  {words / total / 1e6:6.2f} M words/s (one core)")


if __name__ == "__main__":
    main()
