"""Sentence term vectors, cosine similarity and LexRank centrality.

Terms are light stems, the longer ones folded to the name skeleton of
:func:`khabar.arabic.name_key`, so the spellings different outlets give one word or
name (دارتشييف / دارشيف, الأمريكي / الأميركي) count as one term. Written here rather
than taken from a library because the term key is Arabic-specific; the linear algebra
is numpy/scipy sparse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from khabar.arabic import STOPWORDS, name_key, normalize, stem

_WORD_OR_BREAK = re.compile(r"[^\W\d_]+|\d+|[،,؛;:]")
_BREAK = "|"  # the "term" of a clause break (comma, semicolon, colon)
_SKIP = ""  # the "term" of a stopword or a one-letter word
# Stems news outlets use interchangeably for the same thing ("talks").
_SYNONYMS = {"مباحث": "محادث", "مفاوض": "محادث"}
# Stems this long are folded to their name skeleton (foreign names and loanwords spelled by
# ear: دارتشييف / دارشيف, الأمريكي / الأميركي); shorter ones stay as they are, where the
# skeleton would merge different words (سفارة / سفير).
_SKELETON_FROM = 5

_TERM_CACHE: dict[str, str] = dict.fromkeys("،,؛;:", _BREAK)  # word -> term: the hot path
_TERM_CACHE_SIZE = 200_000


def _term(word: str) -> str:
    if len(_TERM_CACHE) > _TERM_CACHE_SIZE:
        _TERM_CACHE.clear()
        _TERM_CACHE.update(dict.fromkeys("،,؛;:", _BREAK))
    if len(word) < 2 or word in STOPWORDS:
        term = _SKIP
    else:
        s = stem(word)
        s = _SYNONYMS.get(s, s)
        term = name_key(s) if len(s) >= _SKELETON_FROM else s
    _TERM_CACHE[word] = term
    return term


def terms(text: str) -> list[str]:
    """Content terms of ``text``: stopwords and one-letter words dropped, spellings folded."""
    return terms_of_key(normalize(text, "match"))


def terms_of_key(key: str) -> list[str]:
    """:func:`terms` of text already normalized at the ``match`` level (:func:`clause_terms` run
    together: the terms in text order, without the clause breaks)."""
    return [t for t in _word_terms(key) if t and t != _BREAK]


def clause_terms(key: str, min_terms: int = 3) -> list[list[str]]:
    """Terms of a ``match``-normalized text per clause (split at commas, semicolons, colons).

    A clause with fewer than ``min_terms`` terms joins its neighbour.
    """
    seq = list(filter(None, _word_terms(key)))
    if _BREAK not in seq:
        return [seq]
    need = max(min_terms, 1)
    clauses: list[list[str]] = []
    start = 0
    for end in [i for i, t in enumerate(seq) if t == _BREAK] + [len(seq)]:
        part = seq[start:end]
        if clauses and len(clauses[-1]) < need:
            clauses[-1].extend(part)
        else:
            clauses.append(part)
        start = end + 1
    if len(clauses) > 1 and len(clauses[-1]) < min_terms:
        clauses[-2].extend(clauses.pop())
    return clauses


def _word_terms(key: str) -> list[str]:
    """Each word's (or break's) term, skipped words as "": one ``map`` over the words looks them
    up (the hot path of summaries), and only the words never seen are made (found by ``list.index``,
    not by a loop over every word)."""
    words = _WORD_OR_BREAK.findall(key)
    found = list(map(_TERM_CACHE.get, words))
    if None in found:
        i = found.index(None)
        try:
            while True:
                found[i] = _term(words[i])
                i = found.index(None, i + 1)
        except ValueError:  # no word left unseen
            pass
    return found


def count_matrix(bags: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Term counts, one row per bag (columns: terms in order of first appearance)."""
    vocab: dict[str, int] = {}
    cols = np.fromiter((vocab.setdefault(t, len(vocab)) for bag in bags for t in bag), dtype=np.int64)
    n = len(bags)
    width = max(len(vocab), 1)
    rows = np.repeat(np.arange(n), [len(bag) for bag in bags])
    # the canonical CSR arrays (each row's columns sorted, repeats summed) made at once, not
    # through a COO matrix: the same matrix, without scipy's conversions for each small one
    cells, counts = np.unique(rows * width + cols, return_counts=True)
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(cells // width, minlength=n), out=indptr[1:])
    return sparse.csr_matrix((counts.astype(float), (cells % width).astype(np.int32), indptr), shape=(n, width))


def tfidf_rows(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """L2-normalized TF-IDF rows of a count matrix (IDF over its rows), computed on its arrays in place."""
    x = counts.astype(float, copy=True)
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1])
    x.data *= 1.0 + np.log((1.0 + n) / (1.0 + df))[x.indices]
    lengths = np.diff(x.indptr)
    squares = np.zeros(n)
    nonempty = lengths > 0
    squares[nonempty] = np.add.reduceat(x.data * x.data, x.indptr[:-1][nonempty])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, lengths)
    return x


def tfidf_matrix(bags: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Rows of L2-normalized TF-IDF weights, one per bag of terms (IDF over the bags)."""
    return tfidf_rows(count_matrix(bags))


def cosine_matrix(bags: Sequence[Sequence[str]]) -> np.ndarray:
    """Pairwise cosine similarity of the bags' TF-IDF vectors (dense, n x n)."""
    if not bags:
        return np.zeros((0, 0))
    return gram(tfidf_matrix(bags))


# Products of a row by row matrix up to which :func:`small_gram` makes it: scipy's product has a fixed
# cost of a few tenths of a millisecond (conversions, checks), numpy's a cost per product.
_SMALL_GRAM = 15_000


def gram(x: sparse.csr_matrix) -> np.ndarray:
    """``(x @ x.T).toarray()``: the same floats, without scipy's fixed cost for a small ``x``."""
    small = small_gram(x)
    return small if small is not None else (x @ x.T).toarray()


def small_gram(x: sparse.csr_matrix) -> np.ndarray | None:
    """``(x @ x.T).toarray()`` of a CSR ``x`` with at most ``_SMALL_GRAM`` products, None for a larger one.

    Every cell gets the same float as scipy's product: scipy adds the products of cell (i, j) one
    by one from 0.0 in the order row i stores its entries, and ``np.bincount`` adds its weights one
    by one in the order given, here each stored entry's products with its column, entry by entry.
    """
    n = x.shape[0]
    counts = np.bincount(x.indices, minlength=x.shape[1])  # entries per column
    per = counts[x.indices]  # products of each entry (as the left factor)
    if per.sum() > _SMALL_GRAM:
        return None
    by_column = np.argsort(x.indices, kind="stable")
    left = np.repeat(np.arange(len(per)), per)
    # the right factors: every entry of the left one's column, in turn
    first = (np.cumsum(counts) - counts)[x.indices] - (np.cumsum(per) - per)
    right = by_column[np.repeat(first, per) + np.arange(len(left))]
    rows = np.repeat(np.arange(n), np.diff(x.indptr))
    cells = np.bincount(rows[left] * n + rows[right], weights=x.data[left] * x.data[right], minlength=n * n)
    return cells.reshape(n, n)


def lexrank(sim: np.ndarray, damping: float = 0.85, iterations: int = 40) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004): stationary scores of the similarity graph, max 1.

    Power iteration with a sparse matrix: dense BLAS/LAPACK calls start threads, which
    cost more than they save at these sizes, above all on a busy machine.
    """
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    sums = w.sum(axis=1, keepdims=True)
    step = _csr(damping * np.divide(w, sums, out=np.full_like(w, 1.0 / n), where=sums > 0).T)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + step @ p
        if np.abs(nxt - p).sum() < 1e-5:
            p = nxt
            break
        p = nxt
    return p / p.max()


def _csr(dense: np.ndarray) -> sparse.csr_matrix:
    """``sparse.csr_matrix(dense)`` built from a mask of the nonzero cells (the same arrays, in half
    the time on a big story's 2,000 x 2,000 matrix, where scipy goes through a COO matrix)."""
    nonzero = dense != 0
    indptr = np.zeros(dense.shape[0] + 1, dtype=np.int32)
    np.cumsum(nonzero.sum(axis=1), out=indptr[1:])
    columns = np.nonzero(nonzero)[1].astype(np.int32)
    return sparse.csr_matrix((dense[nonzero], columns, indptr), shape=dense.shape)
