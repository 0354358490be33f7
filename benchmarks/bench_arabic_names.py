"""Precision and recall of "same name" by name_key on the name-pair test set.

Usage: python benchmarks/bench_arabic_names.py [PAIRS_TSV] [--split dev|test|all] [--errors] [--sweep]
Two judges: key equality (``name_key(a) == name_key(b)``) and the scored ``same_name``.
Precision and recall are of the "same" class; figures per source and overall, on the
``dev`` split (developed against) unless told otherwise; ``test`` is held out.
``--sweep`` prints the overall figures of ``same_name`` for a range of distance thresholds
(how ``names.SAME_NAME_DISTANCE`` was chosen, on dev) and of learned-scorer thresholds.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from khabar.arabic import name_key, name_scorer, names
from khabar.arabic.names import same_name

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", nargs="?", type=Path, default=PAIRS)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    parser.add_argument("--sweep", action="store_true", help="same_name figures per distance threshold")
    args = parser.parse_args()
    if args.sweep:
        sweep(args.pairs, args.split)
        return
    for title, judge in (("name_key(a) == name_key(b)", lambda a, b: name_key(a) == name_key(b)),
                         ("same_name(a, b)", same_name)):
        print(f"## {title} ({args.split})")
        report(args.pairs, judge, args.split, args.errors)


def sweep(pairs: Path, split: str) -> None:
    """same_name precision and recall (all but wikidata-vowels) per distance threshold of the
    hand rule, then per threshold of the learned scorer (the shipped one: see
    ``scripts/build_name_scorer.py``, which chose it on dev)."""
    with pairs.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["source"] != "wikidata-vowels" and split in ("all", r["split"])]

    def figures() -> str:
        names._same_word.cache_clear()  # decisions are cached per word pair
        c = Counter((same_name(r["a"], r["b"]), r["label"] == "same") for r in rows)
        tp, fp, fn = c[True, True], c[True, False], c[False, True]
        return f"precision={tp / max(1, tp + fp):.3f} recall={tp / max(1, tp + fn):.3f}"

    default = names.SAME_NAME_DISTANCE
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        names.SAME_NAME_DISTANCE = threshold
        print(f"distance threshold={threshold:.1f} {figures()}")
    names.SAME_NAME_DISTANCE = default
    model = name_scorer.scorer()
    shipped = model.threshold
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01):
        model.threshold = threshold
        print(f"scorer threshold={threshold:.2f}{' (no scorer)' if threshold > 1 else ''} {figures()}")
    model.threshold = shipped


def report(pairs: Path, judge, split: str, errors: bool) -> None:
    counts: dict[str, Counter] = {"all": Counter(), "all but wikidata-vowels": Counter()}
    with pairs.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if split != "all" and row["split"] != split:
                continue
            predicted = judge(row["a"], row["b"])
            gold = row["label"] == "same"
            outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}
            o = outcome[predicted, gold]
            groups = ["all", row["source"]] + ([] if row["source"] == "wikidata-vowels" else ["all but wikidata-vowels"])
            for group in groups:
                counts.setdefault(group, Counter())[o] += 1
            if errors and o in ("fp", "fn"):
                print(f"{o}\t{row['source']}\t{row['a']}\t{row['b']}\t{name_key(row['a'])}\t{name_key(row['b'])}\t{row['note']}")
    for group, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        print(f"{group:24s} same={c['tp'] + c['fn']:4d} different={c['tn'] + c['fp']:4d} "
              f"precision={precision:.3f} recall={recall:.3f}")


if __name__ == "__main__":
    main()
