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

from khabar.consolidate.textgraph import cosine_matrix, tfidf_matrix

ALIGN = 0.27
CLAUSE_ALIGN = 0.45
LEAD_ALIGN = 0.1
OTHER_DAY_ALIGN = 0.5  # reports of different days (events of a story) must say nearly the same words
_MIN_CLAUSE_TERMS = 3


def pooled_bags(bags: Sequence[Sequence[str]], article_ids: Sequence[str],
                continuation: Sequence[bool]) -> list[list[str]]:
    """Each bag, with its predecessor's terms added when it continues the same article's previous sentence."""
    out = []
    for i, bag in enumerate(bags):
        if continuation[i] and i > 0 and article_ids[i - 1] == article_ids[i]:
            out.append(list(bag) + list(bags[i - 1]))
        else:
            out.append(list(bag))
    return out


def clause_aligned(clauses: Sequence[Sequence[Sequence[str]]]) -> np.ndarray:
    """Boolean sentence x sentence matrix: some clause of one and some clause of the other reach CLAUSE_ALIGN."""
    flat = [c for sentence in clauses for c in sentence]
    owner = np.repeat(np.arange(len(clauses)), [len(sentence) for sentence in clauses])
    x = tfidf_matrix(flat)
    pairs = (x @ x.T).tocoo()
    long_enough = np.array([len(c) >= _MIN_CLAUSE_TERMS for c in flat])
    keep = (pairs.data >= CLAUSE_ALIGN) & long_enough[pairs.row] & long_enough[pairs.col]
    out = np.zeros((len(clauses), len(clauses)), dtype=bool)
    out[owner[pairs.row[keep]], owner[pairs.col[keep]]] = True
    return out


def alignment(clauses: Sequence[Sequence[Sequence[str]]], article_ids: Sequence[str],
              continuation: Sequence[bool], lead: Sequence[bool],
              days: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(cosine matrix, boolean matrix of sentence pairs that state the same thing; diagonal False).

    ``clauses`` gives each sentence's terms clause by clause; ``days`` gives per
    sentence its article's date ("" when unknown).
    """
    bags = [sentence[0] if len(sentence) == 1 else [t for c in sentence for t in c] for sentence in clauses]
    sim = cosine_matrix(pooled_bags(bags, article_ids, continuation))
    leads = np.array(lead, dtype=bool)
    ids = np.array(article_ids)
    day = np.array(days if days is not None else [""] * len(bags))
    same_day = (day[:, None] == day[None, :]) | (day[:, None] == "") | (day[None, :] == "")
    same = (sim >= ALIGN) | clause_aligned(clauses)
    same |= np.outer(leads, leads) & (ids[:, None] != ids[None, :]) & (sim >= LEAD_ALIGN)
    same &= same_day | (sim >= OTHER_DAY_ALIGN)
    np.fill_diagonal(same, False)
    return sim, same
