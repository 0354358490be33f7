"""Date expressions resolved by find_dates and by dateparser, against a hand-made gold list.

Usage: python benchmarks/bench_arabic_dates.py [benchmarks/data/date_expressions.tsv]
The gold list holds every date expression of the five seed articles (with each
article's publication date as reference) plus Levantine, Maghrebi and Hijri forms.
dateparser gets the same reference (RELATIVE_BASE) and Arabic; its result counts as
right when its date starts with the expected value.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

from khabar.arabic import find_dates

GOLD = Path(__file__).resolve().parent / "data" / "date_expressions.tsv"


def ours(expression: str, ref: dt.date) -> str:
    hits = find_dates(expression, ref)
    return hits[0].value if hits else ""


def theirs(expression: str, ref: dt.date) -> str:
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day), "PREFER_DATES_FROM": "past"}
    found = dateparser.parse(expression, languages=["ar"], settings=settings)
    return found.date().isoformat() if found else ""


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    right = {"find_dates": 0, "dateparser": 0}
    for row in rows:
        ref = dt.date.fromisoformat(row["reference"])
        a, b = ours(row["expression"], ref), theirs(row["expression"], ref)
        right["find_dates"] += a == row["expected"]
        right["dateparser"] += bool(b) and b.startswith(row["expected"])
        print(f"{row['expression']:28s} expected {row['expected']:10s} find_dates {a or '-':10s} "
              f"dateparser {b or '-'}")
    for name, n in right.items():
        print(f"{name}: {n}/{len(rows)} right")


if __name__ == "__main__":
    main()
