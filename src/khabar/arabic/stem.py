"""A light stemmer for matching and indexing."""

from __future__ import annotations

from khabar.arabic.normalize import normalize

STOPWORDS = frozenset(normalize(w) for w in (
    "في من على إلى الى عن مع أن إن أو ثم قد لا لم لن ما هذا هذه ذلك تلك التي الذي الذين بين بعد قبل "
    "كان كانت يكون عند كما حتى إذا لكن بل وقد وكان وفي ومن هو هي هم كل أي أيضا فيما منذ خلال حول"
).split())

_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "ية", "ه", "ة", "ي")


def stem(word: str) -> str:
    """Strip one article prefix and one common suffix, keeping at least three letters."""
    w = normalize(word)
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    return w
