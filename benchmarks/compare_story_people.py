"""The people the entity merger makes in every story of a pipeline database, on an earlier commit's
code and on this checkout's: the spelling pairs one puts in one person and the other does not.

Usage: PYTHONPATH=src:benchmarks python benchmarks/compare_story_people.py REV PIPELINE.db [MIN MAX]

PIPELINE.db is ``bench_pipeline.py --db`` over SaudiNewsNet; its stories of MIN to MAX articles
(default 2 to 1,000) are re-tagged as the pipeline tags them (:func:`group_snn.story_analyses`)
and merged by both versions of ``merge_entities`` (REV's from a temporary git worktree, each
version in a process of its own). The labelled name sets hold hundreds of pairs; a corpus's
stories hold tens of thousands of names, so a change to the merger is read here, pair by pair,
for the false merges the sets are too small to show. About 8 minutes per version on all of
SaudiNewsNet (2 cores).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from group_snn import story_analyses, story_pointers
from khabar.consolidate.entities import merge_entities
from worktree import ROOT, checkout, env_for


def people(db: str, sizes: tuple[int, int]) -> list[list[list[str]]]:
    """Per story, the spellings of each person the merger makes (this process's code)."""
    out = []
    for pointers in story_pointers(Path(db), sizes):
        analyses = story_analyses(pointers)
        entities = merge_entities(*({w: item[k] for w, item in analyses.items()} for k in range(3)))
        out.append(sorted(sorted(s for s, _ in e.spellings) for e in entities if e.type == "PER"))
    return out


def _run(code: Path, db: str, sizes: tuple[int, int], out: Path) -> list[list[list[str]]]:
    env = {**env_for(code), "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, __file__, "--people", db, *map(str, sizes), str(out)], env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _pairs(story: list[list[str]]) -> set[tuple[str, str]]:
    return {pair for spellings in story for pair in combinations(spellings, 2)}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--people":
        db, low, high, out = sys.argv[2:6]
        Path(out).write_text(json.dumps(people(db, (int(low), int(high))), ensure_ascii=False), encoding="utf-8")
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rev, db = sys.argv[1], str(Path(sys.argv[2]).resolve())
    sizes = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (2, 1000)
    with tempfile.TemporaryDirectory() as tmp, checkout(rev) as old:
        before = _run(old, db, sizes, Path(tmp) / "before.json")
        after = _run(ROOT, db, sizes, Path(tmp) / "after.json")
    joined, split = set(), set()
    for story_before, story_after in zip(before, after, strict=True):
        pairs_before, pairs_after = _pairs(story_before), _pairs(story_after)
        joined |= pairs_after - pairs_before
        split |= pairs_before - pairs_after
    print(f"{len(before)} stories of {sizes[0]} to {sizes[1]} articles: {len(joined)} spelling pairs "
          f"joined, {len(split)} split ({rev} -> this checkout)")
    for sign, pairs in (("+", joined), ("-", split)):
        for a, b in sorted(pairs):
            print(f"  {sign} {a} | {b}")


if __name__ == "__main__":
    main()
