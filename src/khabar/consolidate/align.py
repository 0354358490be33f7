"""Sentence alignment across articles: which sentences state the same thing.

Two sentences align when the cosine of their TF-IDF term vectors reaches
:data:`ALIGN` (read off the seed story: true pairs mostly lie above 0.27, unrelated
ones below). Two refinements for news: a sentence that continues its
predecessor's quote ("وأضافت ...") is compared with that predecessor's terms
pooled in, since its speaker and topic are there; and the lead sentences of
different reports of one event (same day, or no date known), which all report the
event itself in varied words, align from the lower :data:`LEAD_ALIGN`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from khabar.consolidate.textgraph import cosine_matrix

ALIGN = 0.27
LEAD_ALIGN = 0.1


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


def alignment(bags: Sequence[Sequence[str]], article_ids: Sequence[str], continuation: Sequence[bool],
              lead: Sequence[bool], days: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(cosine matrix, boolean matrix of sentence pairs that state the same thing; diagonal False).

    ``days`` (per sentence, its article's date; "" when unknown) keeps leads of
    reports of different days, i.e. of different events of a story, apart.
    """
    sim = cosine_matrix(pooled_bags(bags, article_ids, continuation))
    same = sim >= ALIGN
    leads = np.array(lead, dtype=bool)
    ids = np.array(article_ids)
    day = np.array(days if days is not None else [""] * len(bags))
    same_day = (day[:, None] == day[None, :]) | (day[:, None] == "") | (day[None, :] == "")
    same |= np.outer(leads, leads) & (ids[:, None] != ids[None, :]) & same_day & (sim >= LEAD_ALIGN)
    np.fill_diagonal(same, False)
    return sim, same
