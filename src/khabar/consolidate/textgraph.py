"""Sentence term vectors, cosine similarity and LexRank centrality.

Terms are light stems folded to the name skeleton of :func:`khabar.arabic.name_key`,
so the spellings different outlets give one word or name (دارتشييف / دارشيف,
الأمريكي / الأميركي) count as one term. Written here rather than taken from a
library because the term key is Arabic-specific; the linear algebra is numpy/scipy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

from khabar.arabic import STOPWORDS, name_key, normalize, stem

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Stems news outlets use interchangeably for the same thing ("talks").
_SYNONYMS = {"مباحث": "محادث", "مفاوض": "محادث"}


@lru_cache(maxsize=100_000)
def _term(word: str) -> str:
    s = stem(word)
    return name_key(_SYNONYMS.get(s, s))


def terms(text: str) -> list[str]:
    """Content terms of ``text``: stopwords and one-letter words dropped, spellings folded."""
    words = _WORD.findall(normalize(text, "match"))
    return [_term(w) for w in words if len(w) > 1 and w not in STOPWORDS]


def tfidf_matrix(bags: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Rows of L2-normalized TF-IDF weights, one per bag of terms (IDF over the bags)."""
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag))
    n = len(bags)
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        counts = Counter(bag)
        weights = {t: c * (1.0 + math.log((1 + n) / (1 + df[t]))) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for t, w in weights.items():
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))


def cosine_matrix(bags: Sequence[Sequence[str]]) -> np.ndarray:
    """Pairwise cosine similarity of the bags' TF-IDF vectors (dense, n x n)."""
    if not bags:
        return np.zeros((0, 0))
    x = tfidf_matrix(bags)
    return (x @ x.T).toarray()


def lexrank(sim: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004): stationary scores of the similarity graph, max 1."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    sums = w.sum(axis=1, keepdims=True)
    walk = np.divide(w, sums, out=np.full_like(w, 1.0 / n), where=sums > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (walk.T @ p)
        if np.abs(nxt - p).sum() < 1e-8:
            p = nxt
            break
        p = nxt
    return p / p.max()
