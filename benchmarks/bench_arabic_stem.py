"""Compare our light stemmer with NLTK's ISRI stemmer and tashaphyne on NewsFANE tokens.

Usage: python benchmarks/bench_arabic_stem.py [NEWSFANE_TXT]
- name kept: share of person and place tokens (Politician, Nation, Population-Center,
  Athlete, Artist, Other_PER, State-or-Province) whose stem keeps every letter of the
  name, only a leading clitic (و ف ب ك ل ال) may go;
- conflation: distinct stems / distinct words over the other (O) tokens, lower merges more;
- speed: tokens per second (CPU time, one core).
NLTK and tashaphyne are comparison-only (test extra); missing ones are skipped.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from khabar.arabic import normalize, stem

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

NEWSFANE = SHARED / "data/newsfane/NewsFANE_Gold_2014_170K.txt"
NAME_CLASSES = {"Politician", "Nation", "Population-Center", "Athlete", "Artist", "Other_PER",
                "State-or-Province"}
_CLITICS = re.compile(r"^(?:[وف]?(?:ال|لل|[بكل])?)")


def load(path: Path) -> tuple[list[str], list[str]]:
    names, others = [], []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if "\t" not in line:
            continue
        token, tag = line.split("\t", 1)
        token = normalize(token)
        if len(token) < 2 or not token.isalpha():
            continue
        tag = tag.strip()
        (names if tag[2:] in NAME_CLASSES else others if tag == "O" else []).append(token)
    return names, others


def stemmers():
    yield "khabar.arabic.stem", stem
    try:
        from nltk.stem.isri import ISRIStemmer
        yield "nltk ISRI", ISRIStemmer().stem
    except ImportError:
        print("nltk not installed: skipped", file=sys.stderr)
    try:
        from tashaphyne.stemming import ArabicLightStemmer
        light = ArabicLightStemmer()

        def tashaphyne(word: str) -> str:
            light.light_stem(word)
            return light.get_stem()
        yield "tashaphyne light", tashaphyne
    except ImportError:
        print("tashaphyne not installed: skipped", file=sys.stderr)


def kept(name: str, stemmed: str) -> bool:
    stemmed = normalize(stemmed)
    if name.startswith("لل") and stemmed.startswith("ال"):  # للعراق -> العراق keeps the name
        stemmed = stemmed[2:]
    clitic = _CLITICS.match(name).end()
    return name.endswith(stemmed) and len(name) - len(stemmed) <= clitic


def main() -> None:
    names, others = load(Path(sys.argv[1]) if len(sys.argv) > 1 else NEWSFANE)
    print(f"{len(names)} name tokens, {len(others)} other tokens ({len(set(others))} distinct)")
    for title, fn in stemmers():
        t0 = time.process_time()
        name_stems = [fn(w) for w in names]
        other_stems = {w: fn(w) for w in set(others)}
        secs = time.process_time() - t0
        share = sum(kept(w, s) for w, s in zip(names, name_stems, strict=True)) / len(names)
        conflation = len(set(other_stems.values())) / len(other_stems)
        speed = (len(names) + len(other_stems)) / secs
        print(f"{title:20s} name kept {share:.3f}  conflation {conflation:.3f}  {speed:,.0f} tokens/s")


if __name__ == "__main__":
    main()
