"""Train the stance model on ANS train, pick its settings on ANS dev, write it, print the scores.

Usage: python scripts/build_stance.py [--data ../shared/data/ans_stance/stance] [--no-embeddings]
                                     [--cs 3 10] [--shares 0.05 0.1]
Writes src/khabar/resources/stance/{model.json,weights.npz}. Each setting is trained on
train only; the one with the best dev macro-F1 is written.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")

from khabar.analyze.stance import StanceModel, embed_pairs, embeddings_available  # noqa: E402
from khabar.evaluate.stance import read_pairs, render, score  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "resources" / "stance"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data/ans_stance/stance")
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cs", type=float, nargs="+", default=[3.0, 10.0], help="inverse regularization")
    parser.add_argument("--shares", type=float, nargs="+", default=[0.05, 0.1],
                        help="weight of the standardized embeddings against the lexical features")
    args = parser.parse_args()

    train_pairs, train_y = read_pairs(args.data / "train.csv")
    dev_pairs, dev_y = read_pairs(args.data / "dev.csv")
    use_emb = not args.no_embeddings and embeddings_available()
    cache = {"train": embed_pairs(train_pairs), "dev": embed_pairs(dev_pairs)} if use_emb else {}

    best = None
    for share in args.shares if use_emb else [0.0]:
        for c in args.cs:
            model = StanceModel(use_embeddings=use_emb, c=c, dense_share=share)
            model.fit(train_pairs, train_y, dense=cache.get("train"))
            result = score(dev_y, model.predict(dev_pairs, dense=cache.get("dev")))
            print(f"embeddings={use_emb!s:<5} share={share:<5} C={c:<5} dev macro-F1 {result['macro_f1']:.4f} "
                  f"accuracy {result['accuracy']:.4f}", flush=True)
            if best is None or result["macro_f1"] > best[0]["macro_f1"]:
                best = (result, model)
    result, model = best
    result.update(file=str(args.data / "dev.csv"), embeddings=model.use_embeddings)
    print(f"\nchosen: embeddings={model.use_embeddings} share={model.dense_share} C={model.c} (trained on train only)")
    print(render(result))
    model.save(args.out)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
