"""Online TF-IDF: document frequencies grow as articles arrive, vectors are sparse dicts."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from importlib import resources


class OnlineTfidf:
    """A TF-IDF weighting whose IDF is learnt from the stream seen so far.

    A stream clusterer cannot fit a vocabulary first (scikit-learn's vectorizers
    need the whole corpus), so the document frequencies are counted online.
    """

    def __init__(self, prior: tuple[int, dict[str, int]] | None = None) -> None:
        self.df: Counter = Counter()
        self.n = 0
        self.prior_n, self.prior = prior or (0, {})

    def observe(self, counts: Counter) -> None:
        """Count one document's features into the document frequencies."""
        self.n += 1
        self.df.update(counts.keys())

    def idf(self, feature: str) -> float:
        df = self.df[feature] + self.prior.get(feature, 0)
        return math.log((self.n + self.prior_n + 1) / (df + 1)) + 1.0

    def vector(self, counts: Counter, top: int = 0) -> dict[str, float]:
        """Unit-length sublinear TF-IDF vector of ``counts``, cut to its ``top`` features if given."""
        vec = {f: (1.0 + math.log(c)) * self.idf(f) for f, c in counts.items()}
        if top and len(vec) > top:
            vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
        norm = math.sqrt(sum(w * w for w in vec.values()))
        return {f: w / norm for f, w in vec.items()} if norm else {}


class Centroid:
    """Sum of unit vectors with its squared norm kept up to date, for cosine in O(|v|)."""

    __slots__ = ("weights", "norm2")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm2 = 0.0

    def add(self, vec: dict[str, float]) -> None:
        w = self.weights
        dot = sum(w.get(f, 0.0) * x for f, x in vec.items())
        self.norm2 += 2 * dot + sum(x * x for x in vec.values())
        for f, x in vec.items():
            w[f] = w.get(f, 0.0) + x

    def cosine(self, vec: dict[str, float]) -> float:
        if self.norm2 <= 0 or not vec:
            return 0.0
        w = self.weights
        return sum(w.get(f, 0.0) * x for f, x in vec.items()) / math.sqrt(self.norm2)


@lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """Document frequencies of stems in licensed Arabic news text (see resources/group_df)."""
    text = resources.files("khabar.resources").joinpath("group_df/df.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    n = int(lines[0].split("\t")[1])
    return n, {t: int(c) for t, c in (ln.split("\t") for ln in lines[1:] if ln)}
