"""Kill-and-resume, many times in a row: SIGKILL `khabar digest` at a random moment, then re-run it.

Each run starts from an empty database, kills the digest at a random point of
a whole run (start-up, reading, the worker pool, the batched writes, grouping,
digests), checks that what the killed run left is a consistent database, then
re-runs the same digest and checks it finishes with every article stored once and
in a story. The helpers are the ones of tests/test_crash_resume.py.

    PYTHONPATH=src python benchmarks/bench_kill_resume.py [--runs 20] [--copies 8] [--seed 0]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_crash_resume import check_consistent, khabar, kill_and_resume, make_corpus  # noqa: E402


def full_run_seconds(corpus: Path, db: Path) -> float:
    """How long one uninterrupted digest takes: the range the kill points are drawn from."""
    start = time.perf_counter()
    proc = khabar("digest", str(corpus), "--db", str(db), "--quiet", "--format", "json")
    _, err = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"the uninterrupted digest failed: {err.decode()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--copies", type=int, default=8, help="copies of each seed (distinct documents)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="khabar-kill-") as tmp:
        tmp_path = Path(tmp)
        total = make_corpus(tmp_path / "corpus", args.copies)
        span = full_run_seconds(tmp_path / "corpus", tmp_path / "reference.db")
        print(f"{total} documents; an uninterrupted digest takes {span:.1f} s; "
              f"{platform.node()} {platform.python_version()}")
        passed = 0
        for run in range(1, args.runs + 1):
            db = tmp_path / f"run{run}.db"
            delay = rng.uniform(0.2, span)
            start = time.perf_counter()
            try:
                kill_and_resume(tmp_path / "corpus", db, total, delay)
                outcome = "ok"
                passed += 1
            except AssertionError as err:
                outcome = f"FAILED: {err}"
            stored = check_consistent(db) if db.exists() else 0
            print(f"run {run:2d}: killed at {delay:5.2f} s, kill + re-run {time.perf_counter() - start:5.1f} s, "
                  f"{stored} articles stored: {outcome}", flush=True)
        print(f"passed {passed}/{args.runs} in a row" if passed == args.runs else f"passed {passed}/{args.runs}")
    sys.exit(0 if passed == args.runs else 1)


if __name__ == "__main__":
    main()
