"""Build src/khabar/resources/arabic_names/romanization.tsv from the Wikidata name tokens.

Usage: python scripts/build_arabic_names.py [../shared/data/wikidata_names/names_with_source.tsv]
Keeps the CC0 Wikidata person-name words seen at least 5 times (source wikidata-steveash)
and the CLDR place names (Unicode License); for each Arabic spelling (match-normalized)
its most frequent English rendering (places win over person names), then the
hand-written current-affairs names of news_names.tsv (they win over both).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from khabar.arabic import normalize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SOURCE = SHARED / "data/wikidata_names/names_with_source.tsv"
HAND = Path(__file__).resolve().parents[1] / "src" / "khabar" / "resources" / "arabic_names" / "news_names.tsv"
OUT = Path(__file__).resolve().parents[1] / "src" / "khabar" / "resources" / "arabic_names" / "romanization.tsv"
MIN_COUNT = 5


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    best: dict[str, tuple[str, int]] = {}
    with source.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["source"].startswith("cldr-"):
                count = 10**9
            elif row["source"] == "wikidata-steveash" and row["wikidata_token_count"]:
                count = int(row["wikidata_token_count"])
            else:
                continue
            arabic = normalize(row["arabic"], "match")
            english = row["english"].strip()
            if count >= MIN_COUNT and " " not in arabic and english.isalpha():
                if arabic not in best or best[arabic][1] < count:
                    best[arabic] = (english, count)
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            arabic, english = line.split("\t")
            best[normalize(arabic, "match")] = (english, 10**10)  # hand-written names win
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# arabic (match-normalized)\tenglish; Wikidata (CC0) via steveash/NETransliteration-COLING2018,"
                  " and Unicode CLDR place names (Unicode License), see README.md\n")
        for arabic in sorted(best):
            out.write(f"{arabic}\t{best[arabic][0]}\n")
    print(f"{len(best)} names -> {OUT}")


if __name__ == "__main__":
    main()
