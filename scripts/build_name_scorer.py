"""Train the learned "same name" scorer on Wikidata name pairs; choose its threshold on dev.

Usage: python scripts/build_name_scorer.py [--names ../shared/data/wikidata_names/names_with_source.tsv]
                                          [--precision 0.98] [--dry-run]
Training pairs are mined from the name gazetteer the way ``benchmarks/data/build_name_pairs.py``
mines its Wikidata pairs (CC0 Wikidata person-name tokens, Apache-2.0 Wikipedia-mined tokens):
same = one English name with two Arabic spellings (spelling ratio ≥ 0.6), different = Arabic
spellings one edit apart, or equal once inner vowels are dropped, whose English names differ
(ratio < 0.7) and share no romanization. Every pair with a word (match-normalized) that occurs
anywhere in ``benchmarks/data/name_pairs.tsv`` (dev or test) is left out, so neither split
leaks into training. The labels are noisy (about one "same" in ten is two names: see the audit
in benchmarks/data/README.md). The regularization is chosen by 5-fold cross-validation on
training; the decision threshold is the one of best recall that keeps precision ≥ ``--precision``
on the dev split (all but wikidata-vowels), judged by :func:`khabar.arabic.names.same_name`
(the hand rule, or else the scorer); of equal recalls the highest, the safer for precision.
Writes src/khabar/resources/name_scorer/model.json. The test split is never read here.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import cross_val_score  # noqa: E402

from khabar.arabic import name_scorer, names, normalize  # noqa: E402
from khabar.arabic.name_scorer import NameScorer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAIRS = ROOT / "benchmarks" / "data" / "name_pairs.tsv"
OUT = ROOT / "src" / "khabar" / "resources" / "name_scorer" / "model.json"
MAX_PER_KIND = 12000  # training pairs of each kind (seeded sample when the pool is larger)


def benchmark_words(pairs: Path) -> set[str]:
    """Every word of the benchmark pairs, dev and test, match-normalized."""
    with pairs.open(encoding="utf-8") as f:
        return {normalize(w, "match") for row in csv.DictReader(f, delimiter="\t") for w in (row["a"], row["b"])}


def _skeleton(word: str) -> str:
    w = normalize(word, "key")
    return w[:1] + re.sub(r"[اوي]", "", w[1:-1]) + w[-1:] if len(w) > 2 else w


def mine_pairs(names_tsv: Path, excluded: set[str]) -> list[tuple[int, str, str]]:
    """(1 same | 0 different, a, b) pairs of gazetteer words, none of them in ``excluded``."""
    by_en: dict[str, set[str]] = defaultdict(set)
    by_ar: dict[str, set[str]] = defaultdict(set)
    with names_tsv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["type"] in ("person", "name") and " " not in row["arabic"]:
                if normalize(row["arabic"], "match") not in excluded:
                    by_en[row["english"].lower()].add(row["arabic"])
                    by_ar[row["arabic"]].add(row["english"].lower())
    same = []
    for spellings in by_en.values():
        s = sorted(spellings)
        for i, a in enumerate(s):
            for b in s[i + 1:]:
                ka, kb = normalize(a, "key"), normalize(b, "key")
                if ka != kb and ka.removeprefix("ال") != kb.removeprefix("ال") \
                        and SequenceMatcher(None, ka, kb).ratio() >= 0.6:
                    same.append((1, a, b))
    blocks: dict[str, list[str]] = defaultdict(list)
    for w in sorted(w for w in by_ar if len(normalize(w, "key")) >= 3):
        k = normalize(w, "key")
        blocks["s" + _skeleton(w)].append(w)
        blocks["d" + k].append(w)
        for i in range(len(k)):
            blocks["d" + k[:i] + k[i + 1:]].append(w)
    candidates = {tuple(sorted((a, b))) for group in blocks.values() for i, a in enumerate(group)
                  for b in group[i + 1:] if normalize(a, "key") != normalize(b, "key")}
    different = [(0, a, b) for a, b in sorted(candidates) if not by_ar[a] & by_ar[b]
                 and max(SequenceMatcher(None, x, y).ratio() for x in by_ar[a] for y in by_ar[b]) < 0.7]
    rng = random.Random(20261123)
    return rng.sample(same, min(MAX_PER_KIND, len(same))) + rng.sample(different, min(MAX_PER_KIND, len(different)))


def features(a: str, b: str) -> dict[str, float]:
    wa, wb = names._words(a), names._words(b)
    return names.word_pair_features(wa[0], wb[0]) if len(wa) == len(wb) == 1 else {}


def dev_rows(pairs: Path) -> list[tuple[bool, str, str]]:
    with pairs.open(encoding="utf-8") as f:
        return [(r["label"] == "same", r["a"], r["b"]) for r in csv.DictReader(f, delimiter="\t")
                if r["split"] == "dev" and r["source"] != "wikidata-vowels"]


def precision_recall(rows, judge) -> tuple[float, float]:
    outcomes = [(judge(a, b), gold) for gold, a, b in rows]
    tp = sum(p and g for p, g in outcomes)
    fp = sum(p and not g for p, g in outcomes)
    fn = sum(g and not p for p, g in outcomes)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=Path, default=SHARED / "data" / "wikidata_names" / "names_with_source.tsv")
    parser.add_argument("--precision", type=float, default=0.98)
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args()
    mined = [(y, a, b, features(a, b)) for y, a, b in mine_pairs(args.names, benchmark_words(PAIRS))]
    mined = [m for m in mined if m[3]]
    print(f"training pairs: {sum(y for y, *_ in mined)} same, {sum(1 - y for y, *_ in mined)} different")
    feature_names = sorted(n for n in mined[0][3] if len({f[n] for *_, f in mined}) > 1)  # constants say nothing
    x = np.array([[f[n] for n in feature_names] for *_, f in mined])
    y = np.array([m[0] for m in mined])
    means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - means) / scales
    best_c = max((0.01, 0.1, 1.0, 10.0), key=lambda c: cross_val_score(
        LogisticRegression(C=c, max_iter=2000), z, y, cv=5, scoring="roc_auc").mean())
    fit = LogisticRegression(C=best_c, max_iter=2000).fit(z, y)
    model = NameScorer(dict(zip(feature_names, fit.coef_[0].round(4).tolist(), strict=True)),
                       round(float(fit.intercept_[0]), 4), 0.5,
                       dict(zip(feature_names, means.round(4).tolist(), strict=True)),
                       dict(zip(feature_names, scales.round(4).tolist(), strict=True)))
    rows = dev_rows(PAIRS)
    name_scorer.scorer = lambda: model  # same_name judges with the model being built
    sweep = []
    for threshold in np.arange(0.02, 1.0, 0.01):
        model.threshold = float(threshold)
        names.forget_decisions()
        sweep.append((float(threshold), *precision_recall(rows, names.same_name)))
    for t, p, r in sweep:
        print(f"threshold={t:.3f} dev precision={p:.3f} recall={r:.3f}")
    kept = [s for s in sweep if s[1] >= args.precision] or [max(sweep, key=lambda s: s[1])]
    threshold, p, r = max(kept, key=lambda s: (s[2], s[0]))
    print(f"C={best_c} threshold={threshold:.3f}: dev precision={p:.3f} recall={r:.3f}")
    for name, w in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22s} {w:+.3f}")
    if not args.dry_run:
        OUT.write_text(json.dumps({
            "about": "khabar same-name scorer: logistic regression on standardized features "
                     "(scripts/build_name_scorer.py); data CC0 Wikidata + Apache-2.0 Wikipedia-mined names",
            "C": best_c, "threshold": round(threshold, 3), "intercept": model.intercept,
            "weights": model.weights, "means": model.means, "scales": model.scales,
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
