"""How much a block of text is about the same thing as the article it hangs on.

Cosine similarity of damped stem counts (khabar.arabic.stem, stopwords out). Used
to tell an appended unrelated article or a menu line from the article's own text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from khabar.arabic import STOPWORDS, stem

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return stem(word)


def terms(texts: Iterable[str]) -> Counter[str]:
    """Stem counts of the content words of ``texts`` (``match``-normalized input)."""
    counts: Counter[str] = Counter()
    for text in texts:
        for w in _WORD.findall(text):
            if w not in STOPWORDS:
                s = _stem(w)
                if len(s) >= 3:
                    counts[s] += 1
    return counts


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Cosine of log-damped term weights, 0 when either side is empty."""
    if not a or not b:
        return 0.0
    wa = {t: 1.0 + math.log(c) for t, c in a.items()}
    wb = {t: 1.0 + math.log(c) for t, c in b.items()}
    dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    return dot / (na * nb)


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """Share of the distinct terms of ``part`` that occur in ``whole`` (0 when ``part`` is empty)."""
    if not part:
        return 0.0
    return sum(1 for t in part if t in whole) / len(part)
