"""ROUGE-N and ROUGE-L (Lin 2004) on normalized Arabic tokens.

Written here because the usual packages tokenize on ASCII and would drop Arabic
words. Tokens are the words and numbers of ``normalize(text, "match")`` (diacritics,
tatweel and alef / yaa variants folded; no stemming, no stopword removal), so a
reference typed without hamza matches the article's spelling. With several
references the F1 is averaged over them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.arabic import normalize

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def rouge_tokens(text: str) -> list[str]:
    """The tokens ROUGE compares: words and numbers of the ``match``-normalized text."""
    return _WORD.findall(normalize(text, "match"))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> Score:
    """Clipped n-gram overlap between two token lists."""
    cand = _ngrams(candidate, n)
    ref = _ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return _score(overlap, sum(cand.values()), sum(ref.values()))


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> Score:
    """Longest common subsequence of the two token lists (summary-level, not union-LCS)."""
    return _score(lcs_length(candidate, reference), len(candidate), len(reference))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Allison & Dix 1986)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, tok in enumerate(a):
        masks[tok] = masks.get(tok, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for tok in b:
        m = masks.get(tok, 0)
        u = v & m
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def rouge_all(candidate: str, references: Sequence[str]) -> dict[str, float]:
    """Mean F1 of ROUGE-1, ROUGE-2 and ROUGE-L of ``candidate`` over ``references``."""
    cand = rouge_tokens(candidate)
    refs = [rouge_tokens(r) for r in references]
    if not refs:
        raise ValueError("no reference summary to score against")
    return {
        "rouge1": sum(rouge_n(cand, r, 1).f1 for r in refs) / len(refs),
        "rouge2": sum(rouge_n(cand, r, 2).f1 for r in refs) / len(refs),
        "rougeL": sum(rouge_l(cand, r).f1 for r in refs) / len(refs),
    }


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i: i + n]) for i in range(len(tokens) - n + 1))


def _score(overlap: int, cand_total: int, ref_total: int) -> Score:
    p = overlap / cand_total if cand_total else 0.0
    r = overlap / ref_total if ref_total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)
