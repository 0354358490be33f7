"""Dev-only weight sweeps shared by the grouping benchmarks (how DEFAULT and SHORT were chosen)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence

from khabar.group import Weights


def grid(score: Callable[[Weights], dict], base: Weights, axes: Mapping[str, Sequence],
         thresholds: Sequence[float]) -> None:
    """Print the best dev B-cubed F1 (over ``thresholds``) of each combination of ``axes``, then the
    best of all. ``score`` groups the dev items with the given weights; no test item is read."""
    results = []
    for combo in itertools.product(*axes.values()):
        kw = dict(zip(axes, combo, strict=True))
        f1, t = max((score(dataclasses.replace(base, **kw, threshold=t))["bcubed_f1"], t) for t in thresholds)
        results.append((f1, t, kw))
        print(f"dev B3 F1 {f1:.3f} at threshold {t:.2f}: {kw}", flush=True)
    f1, t, kw = max(results, key=lambda r: r[0])
    print(f"best on dev: {kw}, threshold {t:.2f} (B3 F1 {f1:.3f})")
