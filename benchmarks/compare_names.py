"""The name benchmark on this checkout and on an earlier commit, side by side.

Usage: PYTHONPATH=src:benchmarks python benchmarks/compare_names.py REV [bench_arabic_names.py arguments]
e.g.   ... compare_names.py 19ec405 benchmarks/data/story_name_pairs.tsv --split test2

Checks REV out in a temporary git worktree and runs this checkout's ``bench_arabic_names.py``
twice, on REV's code (``src``) and on this checkout's, with the data files of this checkout (so a
split labelled after REV can judge REV's code, and data formats newer than REV are read), then
prints each figure line of the two runs next to each other: how a change moved precision and
recall, without setting up the worktree by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from worktree import ROOT, checkout, env_for


def run(code: Path, args: list[str]) -> dict[tuple[str, str], str]:
    """(judge heading, group) -> "precision=... recall=..." of one run, in the run's order."""
    args = [str((ROOT / a).resolve()) if (ROOT / a).is_file() else a for a in args]
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_arabic_names.py"), *args],
                         env=env_for(code), capture_output=True, text=True, check=True).stdout
    figures, heading = {}, ""
    for line in out.splitlines():
        if line.startswith("##"):
            heading = line.split(" (")[0]
        elif " precision=" in line:
            group, _, rest = line.partition(" same=")
            figures[heading, group.strip()] = "same=" + rest
    return figures


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rev, args = sys.argv[1], sys.argv[2:]
    with checkout(rev) as old:
        before = run(old, args)
    shown = ""
    for (heading, group), figures in run(ROOT, args).items():
        if heading != shown:
            print(heading)
            shown = heading
        print(f"  {group:24s} {rev}: {before.get((heading, group), '-'):48s} now: {figures}")


if __name__ == "__main__":
    main()
