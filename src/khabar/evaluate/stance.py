"""Score the statement-pair stance model on a CSV of ``s1,s2,stance`` rows."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from khabar.analyze.stance import LABELS, StanceModel


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Pairs and gold labels; a row with a missing column or unknown label is a clear error."""
    pairs: list[tuple[str, str]] = []
    labels: list[str] = []
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"s1", "s2", "stance"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            label = (row["stance"] or "").strip().lower()
            if label not in LABELS:
                raise ValueError(f"{path}:{line}: stance {row['stance']!r} is not one of {', '.join(LABELS)}")
            pairs.append((row["s1"] or "", row["s2"] or ""))
            labels.append(label)
    return pairs, labels


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, per-class precision / recall / F1 and macro F1 over :data:`LABELS`."""
    per_class = {}
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "n": len(gold),
        "accuracy": correct / len(gold) if gold else 0.0,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(LABELS),
        "per_class": per_class,
    }


def evaluate(path: Path, model: StanceModel | None = None) -> dict:
    """Predict every pair of the CSV with the shipped (or given) model and score it."""
    pairs, gold = read_pairs(path)
    model = model or StanceModel.load()
    result = score(gold, model.predict(pairs))
    result["file"] = str(path)
    result["embeddings"] = model.use_embeddings
    return result


def render(result: dict) -> str:
    """A plain-text table of an :func:`evaluate` result."""
    lines = [
        f"stance on {result.get('file', '?')}: {result['n']} pairs"
        f" (embeddings: {'yes' if result.get('embeddings') else 'no'})",
        f"accuracy {result['accuracy']:.3f}   macro-F1 {result['macro_f1']:.3f}",
        f"{'class':<10}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}",
    ]
    for label, c in result["per_class"].items():
        lines.append(f"{label:<10}{c['precision']:>10.3f}{c['recall']:>8.3f}{c['f1']:>7.3f}{c['support']:>6}")
    return "\n".join(lines)
