"""A learned score of "same name" for two spellings of a foreign name word.

The weighted edit distance (:mod:`khabar.arabic.name_distance`) prices each kind of
edit by hand; one threshold on its sum cannot tell a vowel swap in a long name
(لورانس / لورينس, one name) from one in a short one (بوتين / بوتان, two). A logistic
regression over the *counts* of each edit class of the cheapest alignment, the word
lengths, where the edits fall and the rule cues of :mod:`khabar.arabic.names` learns
those trade-offs from Wikidata (CC0) and Wikipedia-mined (Apache-2.0) name pairs.
The model is a few dozen coefficients in JSON (no pickle), built by
``scripts/build_name_scorer.py``; the threshold was chosen on the dev split of
``benchmarks/data/name_pairs.tsv``. Figures: docs/bench/arabic.md.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from khabar.arabic.name_distance import COSTS, VOWELS, name_distance, name_edits

MODEL = Path(__file__).resolve().parents[1] / "resources" / "name_scorer" / "model.json"
EDIT_CLASSES = tuple(c for c in COSTS if c != "same")


def edit_features(a: str, b: str) -> dict[str, float]:
    """Counts of each edit class of the cheapest alignment, where they fall, and the lengths."""
    edits = name_edits(a, b)
    features = dict.fromkeys(EDIT_CLASSES, 0.0)
    changed = [k for k, (kind, _, _) in enumerate(edits) if kind != "same"]
    for kind, _, _ in edits:
        if kind != "same":
            features[kind] += 1
    shorter, longer = sorted((len(a), len(b)))
    consonants = sum(1 for kind, x, y in edits if kind == "same" and x not in VOWELS)
    features.update({
        "distance": name_distance(a, b),
        "distance_per_letter": name_distance(a, b) / max(1, longer),
        "short_word": float(shorter <= 3),
        "inverse_length": 1.0 / max(1, shorter),
        "length_gap": float(longer - shorter),
        "first_edit": float(bool(changed) and changed[0] == 0),
        "last_edit": float(bool(changed) and changed[-1] == len(edits) - 1),
        "edits": float(len(changed)),
        "shared_consonants": float(consonants),
        "no_edit": float(not changed),
        "longer_length": float(longer),
        "initial_alef": float(edits[0][0] == "edge_indel" and "ا" in edits[0][1:]) if edits else 0.0,
        "final_dental": float(edits[-1][0] == "edge_indel" and bool(set(edits[-1][1:]) & set("تد"))) if edits else 0.0,
        "final_vowel": float(edits[-1][0] == "edge_indel" and bool(set(edits[-1][1:]) & set("او"))) if edits else 0.0,
    })
    return features


class NameScorer:
    """Logistic regression weights over named features, and the "same name" threshold."""

    def __init__(self, weights: Mapping[str, float], intercept: float, threshold: float,
                 means: Mapping[str, float], scales: Mapping[str, float]) -> None:
        self.weights, self.intercept, self.threshold = dict(weights), intercept, threshold
        self.means, self.scales = dict(means), dict(scales)

    @classmethod
    def load(cls, path: Path = MODEL) -> NameScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["threshold"], data["means"], data["scales"])

    def probability(self, features: Mapping[str, float]) -> float:
        """The probability that the two words are one name (unknown feature names are an error)."""
        z = self.intercept + sum(w * (features[name] - self.means[name]) / self.scales[name]
                                 for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def scorer() -> NameScorer:
    """The shipped model, loaded once."""
    return NameScorer.load()
