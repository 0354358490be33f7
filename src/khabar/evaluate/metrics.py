"""Clustering and correlation scores used by the evaluations.

B-cubed and pairwise scores are written here (scikit-learn has neither in the form
news-clustering papers report); NMI and ARI come from scikit-learn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def bcubed(labels: Sequence, predicted: Sequence) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Amigó et al. 2009), averaged over items."""
    _check(labels, predicted)
    if not labels:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(labels, predicted, strict=True))
    gold = Counter(labels)
    pred = Counter(predicted)
    p = sum(n * n / pred[c] for (_, c), n in joint.items()) / len(labels)
    r = sum(n * n / gold[g] for (g, _), n in joint.items()) / len(labels)
    return p, r, _f1(p, r)


def pairwise(labels: Sequence, predicted: Sequence) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    _check(labels, predicted)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(labels, predicted, strict=True)))
    in_pred, in_gold = pairs(Counter(predicted)), pairs(Counter(labels))
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, _f1(p, r)


def clustering_scores(labels: Sequence, predicted: Sequence) -> dict[str, float]:
    """All the clustering scores Khabar reports, in one dict."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    bp, br, bf = bcubed(labels, predicted)
    pp, pr, pf = pairwise(labels, predicted)
    return {
        "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": bf,
        "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": pf,
        "nmi": float(normalized_mutual_info_score(labels, predicted)),
        "ari": float(adjusted_rand_score(labels, predicted)),
    }


def correlations(xs: Sequence[float], ys: Sequence[float]) -> dict[str, float]:
    """Pearson and Spearman correlation (0.0 when either side is constant)."""
    from scipy.stats import pearsonr, spearmanr

    if len(xs) < 2 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return {"pearson": 0.0, "spearman": 0.0}
    return {"pearson": float(pearsonr(xs, ys)[0]), "spearman": float(spearmanr(xs, ys)[0])}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _check(labels: Sequence, predicted: Sequence) -> None:
    if len(labels) != len(predicted):
        raise ValueError(f"{len(labels)} gold labels but {len(predicted)} predicted labels")
