"""Online TF-IDF: document frequencies grow as articles arrive, vectors are sparse dicts."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from operator import itemgetter

_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]  # sublinear term frequency of small counts


class OnlineTfidf:
    """A TF-IDF weighting whose IDF is learnt from the stream seen so far.

    A stream clusterer cannot fit a vocabulary first (scikit-learn's vectorizers
    need the whole corpus), so the document frequencies are counted online.
    """

    def __init__(self, prior: tuple[int, dict[str, int]] | None = None) -> None:
        self.n = 0
        self.prior_n, self.prior = prior or (0, {})
        # document frequencies with the prior's counted in: one lookup per feature, not two
        self.df: Counter = Counter(self.prior)

    def observe(self, counts: Mapping[str, int]) -> None:
        """Count one document's features into the document frequencies."""
        self.n += 1
        self.df.update(counts.keys())

    def vector(self, counts: Mapping[str, int], top: int = 0) -> dict[str, float]:
        """Unit-length sublinear TF-IDF vector of ``counts``, cut to its ``top`` features if given."""
        log, df, tf = math.log, self.df, _TF
        base = log(self.n + self.prior_n + 1) + 1.0  # idf inlined: this runs for every feature of every article
        vec = {f: (tf[c] if c < 256 else 1.0 + log(c)) * (base - log(df.get(f, 0) + 1)) for f, c in counts.items()}
        if top and len(vec) > top:
            # heaviest first, ties by feature: sorted by feature, then stably by weight (C-level keys)
            vec = dict(sorted(sorted(vec.items()), key=itemgetter(1), reverse=True)[:top])
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
        dot = sq = 0.0
        for f, x in vec.items():  # one pass: the old weight serves both the norm update and the sum
            old = w.get(f, 0.0)
            dot += old * x
            sq += x * x
            w[f] = old + x
        self.norm2 += 2 * dot + sq

    def cosine(self, vec: dict[str, float]) -> float:
        if self.norm2 <= 0 or not vec:
            return 0.0
        w = self.weights
        # only shared features count: the key intersection runs in C over the smaller side; fsum
        # makes the result independent of the intersection's (per-process) order
        return math.fsum(w[f] * vec[f] for f in w.keys() & vec.keys()) / math.sqrt(self.norm2)


@lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """Document frequencies of stems in licensed Arabic news text (see resources/group_df)."""
    text = resources.files("khabar.resources").joinpath("group_df/df.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    n = int(lines[0].split("\t")[1])
    return n, {t: int(c) for t, c in (ln.split("\t") for ln in lines[1:] if ln)}
