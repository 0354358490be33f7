"""The shipped stance model on ANS dev: accuracy, per-class and macro F1, and pairs per second.

Usage: python benchmarks/bench_stance.py [--csv ../shared/data/ans_stance/stance/dev.csv]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar.analyze.stance import StanceModel
from khabar.evaluate.stance import read_pairs, render, score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=SHARED / "data/ans_stance/stance/dev.csv")
    args = parser.parse_args()
    pairs, gold = read_pairs(args.csv)
    model = StanceModel.load()
    start, cpu = time.perf_counter(), time.process_time()
    predicted = model.predict(pairs)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    result = score(gold, predicted)
    result.update(file=str(args.csv), embeddings=model.use_embeddings)
    print(render(result))
    print(f"speed: {len(pairs)} pairs, wall {wall:.2f} s = {len(pairs) / wall:.0f} pairs/s, "
          f"CPU {cpu:.2f} s (all threads) = {len(pairs) / cpu:.0f} pairs/s")


if __name__ == "__main__":
    main()
