"""The names the tagger finds in a random sample of SaudiNewsNet articles, on an earlier commit's code
and on this checkout's: every mention one finds and the other does not, to be read.

Usage: PYTHONPATH=src:benchmarks python benchmarks/compare_mentions.py REV [SEED] [ZIPS] [PER_ZIP]

SEED picks ZIPS day files (default 10) and PER_ZIP articles of each (default 40). NewsFANE scores
a change to the segmenter or the tagger on 2002-era text; this shows it on the news the project
reads (research use only: the articles are read here, never shipped). Seeds 1 and 2 gave the
samples of docs/bench/ner.md (7 Dec 2026).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from worktree import ROOT, checkout, env_for

ZIPS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "zips"


def sample(seed: int, zips: int, per_zip: int) -> list[str]:
    """Article bodies: ``per_zip`` random articles of ``zips`` random day files."""
    rng = random.Random(seed)
    texts = []
    for path in rng.sample(sorted(ZIPS.glob("*.zip")), zips):
        with zipfile.ZipFile(path) as archive:
            items = json.loads(archive.read(archive.namelist()[0]))
        texts += [item.get("content") or "" for item in rng.sample(items, min(per_zip, len(items)))]
    return texts


def mentions(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Per text, its mentions (start, end, type) as this process's code finds them."""
    from khabar.analyze.entities import find_mentions

    return [sorted((m.start, m.end, m.type) for m in find_mentions(text, [])) for text in texts]


def _run(code: Path, args: list[str], out: Path) -> list[list[list]]:
    subprocess.run([sys.executable, __file__, "--mentions", *args, str(out)], env=env_for(code), check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--mentions":
        *args, out = sys.argv[2:]
        found = mentions(sample(*map(int, args)))
        Path(out).write_text(json.dumps(found), encoding="utf-8")
        return
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rev, given = sys.argv[1], sys.argv[2:5]
    args = given + ["1", "10", "40"][len(given):]
    texts = sample(*map(int, args))
    with tempfile.TemporaryDirectory() as tmp, checkout(rev) as old:
        before = _run(old, args, Path(tmp) / "before.json")
        after = _run(ROOT, args, Path(tmp) / "after.json")
    changed = 0
    for text, old_found, new_found in zip(texts, before, after, strict=True):
        was, now = set(map(tuple, old_found)), set(map(tuple, new_found))
        for start, end, kind in sorted(was ^ now):
            changed += 1
            context = text[max(0, start - 25):end + 25].replace("\n", " ")
            print(f"{'-' if (start, end, kind) in was else '+'} {kind} {text[start:end]} | {context}")
    print(f"{changed} mentions changed in {len(texts)} articles ({rev} -> this checkout)")


if __name__ == "__main__":
    main()
