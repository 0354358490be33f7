"""Build the background document frequencies of grouping stems (resources/group_df/df.tsv).

A stream clusterer starts with no IDF; a small prior from licensed Arabic news text
lets rare names outweigh common news words from the first article on.
Documents: NewsFANE Gold sentences (CC BY-SA 3.0), ANS headlines and paraphrases
(Apache-2.0), EASC articles (CC BY-SA 3.0 / by permission). Only stems seen in at
least ``MIN_DF`` documents are kept, with their counts: no text is stored.

    PYTHONPATH=src python scripts/build_group_df.py
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from khabar.analyze import grouping_terms

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

DATA = SHARED / "data"
OUT = Path(__file__).resolve().parents[1] / "src" / "khabar" / "resources" / "group_df" / "df.tsv"
MIN_DF = 3


def documents():
    sent: list[str] = []
    for line in (DATA / "newsfane" / "NewsFANE_Gold_2014_170K.txt").read_text(encoding="utf-8-sig").splitlines():
        tok = line.split("\t")[0].strip().lstrip("\u200e")
        if not tok:
            if sent:
                yield " ".join(sent)
            sent = []
        else:
            sent.append(tok)
    for part in ("train", "dev"):
        with open(DATA / "ans_stance" / "stance" / f"{part}.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield row["s1"]
                yield row["s2"]
    for path in sorted((DATA / "easc_dev" / "Articles").glob("*/*.txt")):
        yield path.read_bytes().decode("utf-8", errors="replace")


def main() -> None:
    df: Counter = Counter()
    n = 0
    for doc in documents():
        n += 1
        df.update(set(grouping_terms("", doc)))
    kept = sorted((t for t, c in df.items() if c >= MIN_DF), key=lambda t: (-df[t], t))
    OUT.write_text(f"#documents\t{n}\n" + "".join(f"{t}\t{df[t]}\n" for t in kept), encoding="utf-8")
    print(f"{n} documents, {len(df)} stems, {len(kept)} kept -> {OUT}")


if __name__ == "__main__":
    main()
