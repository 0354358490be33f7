"""Sentence alignment across articles: which sentences state the same thing.

Two sentences of one event align when the cosine of their TF-IDF term vectors
reaches :data:`ALIGN` (read off the seed story: true pairs mostly lie above 0.27,
unrelated ones below), or when a clause of each (text between commas) reaches
:data:`CLAUSE_ALIGN`: news sentences pack several facts, and one shared fact is
diluted in two long sentences. A sentence that continues its predecessor's quote
("وأضافت ...") is compared with that predecessor's terms pooled in, since its
speaker and topic are there. The lead sentences of different reports of one
event, which all report the event itself in varied words, align from the lower
:data:`LEAD_ALIGN`. Reports of different days (different events of a story) align
only from :data:`OTHER_DAY_ALIGN`: they tell similar happenings in similar words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from khabar.consolidate.textgraph import count_matrix, gram, small_gram, tfidf_rows

ALIGN = 0.27
CLAUSE_ALIGN = 0.45
LEAD_ALIGN = 0.1
OTHER_DAY_ALIGN = 0.5  # reports of different days (events of a story) must say nearly the same words
_MIN_CLAUSE_TERMS = 3


def _sentence_rows(clauses: Sequence[Sequence[Sequence[str]]], article_ids: Sequence[str],
                   continuation: Sequence[bool]) -> sparse.csr_matrix:
    """Sentence x clause 0/1 matrix: a sentence's own clauses, and its predecessor's when it continues it.

    Built as CSR arrays directly (each row one run of clause columns), not from a list of
    (row, column) pairs: the pairs of a big story's two thousand sentences cost more than the rest.
    """
    sizes = np.array([len(sentence) for sentence in clauses], dtype=np.int64)
    first = np.cumsum(sizes) - sizes
    start = first.copy()
    if len(sizes) > 1:
        ids = np.asarray(article_ids)
        joins = np.asarray(continuation[1:], dtype=bool) & (ids[1:] == ids[:-1])
        start[1:] -= np.where(joins, sizes[:-1], 0)
    lengths = first + sizes - start
    indptr = np.zeros(len(sizes) + 1, dtype=np.int32)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.arange(indptr[-1]) - np.repeat(indptr[:-1], lengths) + np.repeat(start, lengths)
    return sparse.csr_matrix((np.ones(len(indices)), indices.astype(np.int32), indptr),
                             shape=(len(sizes), int(sizes.sum())))


def alignment(clauses: Sequence[Sequence[Sequence[str]]], article_ids: Sequence[str],
              continuation: Sequence[bool], lead: Sequence[bool],
              days: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(cosine matrix, boolean matrix of sentence pairs that state the same thing; diagonal False).

    ``clauses`` gives each sentence's terms clause by clause; ``days`` gives per
    sentence its article's date ("" when unknown). One term count matrix, over the
    clauses, serves both the sentence and the clause similarities.
    """
    flat = [c for sentence in clauses for c in sentence]
    counts = count_matrix(flat)
    x = tfidf_rows((_sentence_rows(clauses, article_ids, continuation) @ counts).tocsr())
    sim = gram(x)
    n = len(clauses)
    leads = np.array(lead, dtype=bool)
    ids = _codes(article_ids)  # n x n comparisons of integers, not of strings
    days = days if days is not None else [""] * n
    day, undated = _codes(days), np.array([d == "" for d in days], dtype=bool)
    same_day = (day[:, None] == day[None, :]) | undated[:, None] | undated[None, :]
    same = (sim >= ALIGN) | _clause_aligned(flat, counts, [len(sentence) for sentence in clauses])
    same |= np.outer(leads, leads) & (ids[:, None] != ids[None, :]) & (sim >= LEAD_ALIGN)
    same &= same_day | (sim >= OTHER_DAY_ALIGN)
    np.fill_diagonal(same, False)
    return sim, same


def _codes(values: Sequence[str]) -> np.ndarray:
    """One integer per distinct value (equal values, equal codes)."""
    index: dict[str, int] = {}
    return np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))


def _clause_aligned(flat: Sequence[Sequence[str]], counts: sparse.csr_matrix, sizes: Sequence[int]) -> np.ndarray:
    """Boolean sentence x sentence matrix: a clause of one and a clause of the other reach CLAUSE_ALIGN."""
    owner = np.repeat(np.arange(len(sizes)), sizes)
    x = tfidf_rows(counts)
    long_enough = np.array([len(c) >= _MIN_CLAUSE_TERMS for c in flat])
    small = small_gram(x)  # dense, or None for a big story (its clauses' matrix stays sparse)
    if small is not None:
        row, col = np.nonzero((small >= CLAUSE_ALIGN) & long_enough[:, None] & long_enough[None, :])
    else:
        pairs = (x @ x.T).tocoo()
        keep = (pairs.data >= CLAUSE_ALIGN) & long_enough[pairs.row] & long_enough[pairs.col]
        row, col = pairs.row[keep], pairs.col[keep]
    out = np.zeros((len(sizes), len(sizes)), dtype=bool)
    out[owner[row], owner[col]] = True
    return out
