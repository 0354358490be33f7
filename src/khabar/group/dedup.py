"""Near-duplicate detection: MinHash LSH over shingles of normalized stems.

Syndicated and copied articles (same agency wire, light edits, another headline)
share most of their word 3-shingles. Each new article is looked up in a
datasketch ``MinHashLSH`` index of the articles seen before, so the cost per
article does not grow with the collection; the earliest similar article is its
original.
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from khabar.model import Duplicate

SHINGLE = 3
NUM_PERM = 64
THRESHOLD = 0.7  # estimated Jaccard above which an article is a copy
MIN_SHINGLES = 8  # shorter texts (tweets, captions) are too small to call copies


def shingles(terms: Sequence[str], size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-shingles of normalized stems, as bytes for hashing."""
    # built by map over zipped slices: no Python-level step per shingle (millions of them per corpus)
    words = map(" ".join, zip(*(terms[i:] for i in range(size)), strict=False))
    return set(map(operator.methodcaller("encode", "utf-8"), words))


class Deduplicator:
    """Online near-duplicate finder: :meth:`add` returns the original an article copies."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._perms = MinHash(num_perm=num_perm).permutations  # drawn once, not per article
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def signature(self, terms: Sequence[str]) -> MinHash | None:
        """The MinHash of the article's shingles, or None when it is too short to judge."""
        sh = shingles(terms)
        if len(sh) < MIN_SHINGLES:
            return None
        # crc32: a C hash, stable across processes (Python's hash() is salted per run); hashed here
        # with map, so MinHash's own per-item hashing step only passes the integers through
        mh = MinHash(num_perm=self.num_perm, hashfunc=operator.index, permutations=self._perms,
                     scheme="affine32")
        mh.update_batch(list(map(zlib.crc32, sh)))
        return mh

    def add(self, article_id: str, terms: Sequence[str]) -> Duplicate | None:
        """Index the article; if it copies an earlier one, say which and how closely."""
        if article_id in self._order:
            return None
        mh = self.signature(terms)
        if mh is None:
            return None
        best: Duplicate | None = None
        for other in self._lsh.query(mh):
            j = float(mh.jaccard(self._hashes[other]))
            if j < self.threshold:
                continue
            if best is None or (j, -self._order[other]) > (best.jaccard, -self._order[best.original_id]):
                best = Duplicate(article_id, other, round(j, 3))
        self._order[article_id] = len(self._order)
        self._hashes[article_id] = mh
        self._lsh.insert(article_id, mh)
        return best


def jaccard(terms_a: Sequence[str], terms_b: Sequence[str]) -> float:
    """Exact Jaccard of two articles' shingle sets (for tests and pair scoring)."""
    a, b = shingles(terms_a), shingles(terms_b)
    return len(a & b) / len(a | b) if a or b else 0.0


__all__ = ["Deduplicator", "jaccard", "shingles"]
