"""Near-duplicate detection: MinHash LSH over shingles of normalized stems.

Syndicated and copied articles (same agency wire, light edits, another headline)
share most of their word 3-shingles. Each new article is looked up in a
datasketch ``MinHashLSH`` index of the articles seen before, so the cost per
article does not grow with the collection; the earliest similar article is its
original.
"""

from __future__ import annotations

import copy
import operator
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from khabar.group.shingle_crc import TrigramCrc
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
        self._trigrams = TrigramCrc()
        self._blank = MinHash(num_perm=num_perm, permutations=self._perms, scheme="affine32")
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def signature(self, terms: Sequence[str]) -> MinHash | None:
        """The MinHash of the article's shingles, or None when it is too short to judge."""
        return self.signatures([terms])[0]

    def signatures(self, docs: Sequence[Sequence[str]]) -> list[MinHash | None]:
        """:meth:`signature` of many articles at once: their shingles' CRC-32 (a C hash, stable across
        processes, unlike Python's salted hash()) and MinHash values come from a few numpy operations
        over the whole batch. The values are datasketch's own (affine32 scheme; a test checks it)."""
        crc, doc = self._trigrams(docs)
        out: list[MinHash | None] = [None] * len(docs)
        if not len(crc):
            return out
        key = np.sort((doc.astype(np.uint64) << np.uint64(32)) | crc)  # by document, then CRC
        key = key[np.r_[True, key[1:] != key[:-1]]]  # distinct shingles
        doc = (key >> np.uint64(32)).astype(np.intp)
        crc = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        distinct = np.bincount(doc, minlength=len(docs))
        starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
        a, b = self._perms
        lows = np.minimum.reduceat(_fmix32(crc)[:, None] * a + b, starts, axis=0)
        for k, low in zip(doc[starts].tolist(), lows, strict=True):
            # two shingles of one article with one CRC (rare) count apart, as the distinct shingles they are
            if distinct[k] >= MIN_SHINGLES or len(shingles(docs[k])) >= MIN_SHINGLES:
                out[k] = mh = copy.copy(self._blank)  # a copy, not the constructor's checks (a third of the cost)
                mh.hashvalues = low
        return out

    def to_bytes(self, signature: MinHash | None) -> bytes:
        """A signature as bytes, to send to another process (b"" for none)."""
        return b"" if signature is None else signature.hashvalues.tobytes()

    def from_bytes(self, data: bytes) -> MinHash | None:
        """The signature :meth:`to_bytes` wrote."""
        if not data:
            return None
        mh = copy.copy(self._blank)
        mh.hashvalues = np.frombuffer(data, dtype=np.uint32)
        return mh

    def add(self, article_id: str, terms: Sequence[str], signature: MinHash | None | bool = False) -> Duplicate | None:
        """Index the article; if it copies an earlier one, say which and how closely. ``signature``, when
        given, is the article's from :meth:`signatures` (None: too short to judge)."""
        if article_id in self._order:
            return None
        mh = self.signature(terms) if signature is False else signature
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


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each input hash."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def jaccard(terms_a: Sequence[str], terms_b: Sequence[str]) -> float:
    """Exact Jaccard of two articles' shingle sets (for tests and pair scoring)."""
    a, b = shingles(terms_a), shingles(terms_b)
    return len(a & b) / len(a | b) if a or b else 0.0


__all__ = ["Deduplicator", "jaccard", "shingles"]
