"""CRC-32 of every word 3-shingle of many articles, computed from their terms' CRCs with numpy.

Near-duplicate detection hashes each shingle ``"t1 t2 t3"`` (UTF-8) with
``zlib.crc32``; building those strings (a join, an encode and a set insertion per
shingle, millions per corpus) costs far more than hashing them. CRC-32 is linear,
so the CRC of a concatenation follows from the CRCs of its parts (zlib's
``crc32_combine``): ``crc(A + B) = shift(crc(A), len(B)) ^ crc(B)``, where
``shift(c, n)`` multiplies ``c`` by ``x**(8n)`` modulo the CRC polynomial, a linear
map of ``c``'s bits. So each distinct term is hashed once (terms repeat across
articles) and every shingle's CRC is combined from its terms' in a few numpy
operations over a whole batch of articles, with byte-wise lookup tables for
``shift``. The values are exactly ``zlib.crc32`` of the shingle bytes (a test
checks it), so the near-duplicates found are the same.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

_BITS = ((np.arange(256)[:, None] >> np.arange(8)) & 1).astype(bool)  # byte value -> its 8 bits
LONGEST = 512  # longest shift with a table (bytes); shingles with longer terms are hashed directly
_tables = np.zeros((0, 4, 256), dtype=np.uint32)  # [n, k, v]: shift(v << 8k, n), grown on demand


def _shift_tables(longest: int) -> np.ndarray:
    """The lookup tables of ``shift`` for every byte length up to ``longest``."""
    global _tables
    if longest < len(_tables):
        return _tables
    size = max(longest + 1, 2 * len(_tables), 64)
    grown = np.zeros((size, 4, 256), dtype=np.uint32)
    grown[:len(_tables)] = _tables
    for n in range(len(_tables), size):
        zeros = bytes(n)
        base = zlib.crc32(zeros)
        # shift of each single bit: crc32 continued over n zero bytes, less the CRC of the zeros alone
        basis = np.array([zlib.crc32(zeros, 1 << j) ^ base for j in range(32)], dtype=np.uint32)
        for k in range(4):
            grown[n, k] = np.bitwise_xor.reduce(np.where(_BITS, basis[8 * k:8 * k + 8], np.uint32(0)), axis=1)
    _tables = grown
    return grown


def _shift(crc: np.ndarray, n: np.ndarray) -> np.ndarray:
    """``crc`` (uint32) as if ``n`` more zero-valued bytes had been hashed after it (element-wise)."""
    t = _shift_tables(int(n.max())).reshape(-1)  # flat: one gather per byte of the CRC
    row = n * 1024
    return (t[row + (crc & 0xFF)] ^ t[row + (256 + ((crc >> 8) & 0xFF))] ^ t[row + (512 + ((crc >> 16) & 0xFF))]
            ^ t[row + (768 + (crc >> 24))])


class TrigramCrc:
    """CRC-32 of the word 3-shingles of term sequences, each distinct term hashed once."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._crc = np.zeros(1024, dtype=np.uint32)  # crc32(term)
        self._spaced = np.zeros(1024, dtype=np.uint32)  # crc32(" " + term)
        self._length = np.zeros(1024, dtype=np.int64)  # len(" " + term) in bytes

    def __call__(self, docs: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The CRC-32 of ``" ".join(terms[i:i + 3]).encode("utf-8")`` for every ``i`` of every document
        (one batch of numpy operations for all), and the index of the document of each."""
        ids = self._ids
        flat = [t for terms in docs for t in terms]
        if len(flat) < 3:
            return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.intp)
        missing = set(flat).difference(ids)  # terms not seen before: hashed once, then looked up
        if missing:
            self._learn(sorted(missing))
        i = np.fromiter(map(ids.__getitem__, flat), dtype=np.intp, count=len(flat))
        doc = np.repeat(np.arange(len(docs)), np.fromiter(map(len, docs), dtype=np.intp, count=len(docs)))
        a, b, n = self._crc[i[:-2]], self._spaced[i], self._length[i]
        span = n[1:-1] + n[2:]
        long = np.flatnonzero(span >= LONGEST)
        crc = _shift(a, np.minimum(span, LONGEST - 1)) ^ _shift(b[1:-1], np.minimum(n[2:], LONGEST - 1)) ^ b[2:]
        for p in long.tolist():  # rare (a term of hundreds of bytes): no table that long, hashed as is
            crc[p] = zlib.crc32(" ".join(flat[p:p + 3]).encode("utf-8"))
        inside = doc[:-2] == doc[2:]  # shingles that do not straddle two documents
        return crc[inside], doc[:-2][inside]

    def _learn(self, terms: list[str]) -> None:
        start = len(self._ids)
        end = start + len(terms)
        if end > len(self._crc):
            size = max(end, 2 * len(self._crc))
            self._crc, self._spaced, self._length = (np.resize(x, size) for x in (self._crc, self._spaced, self._length))
        for j, term in enumerate(terms, start):
            raw = term.encode("utf-8")
            self._ids[term] = j
            self._crc[j] = zlib.crc32(raw)
            self._spaced[j] = zlib.crc32(b" " + raw)
            self._length[j] = len(raw) + 1
