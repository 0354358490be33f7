"""Align the content words of two statements across Arabic derivation.

A paraphrase rewrites a verb as its noun and drops or adds clitics (يرتفع / ارتفاع,
تأمر / أمر, المخابرات / مخابرات): the light stemmer leaves these as different stems,
so word overlap calls a paraphrase new information. Arabic derivation mostly moves
long vowels, hamza seats and the taa marbuta around a stable run of consonants, so
two stems align when their consonant skeletons contain one another or share most
letter bigrams. No library aligns Arabic derivations this way; the threshold was
chosen by cross-validation on ANS train (``scripts/build_stance.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WEAK_LETTERS = re.compile("[اأإآويىةءئؤ]")
CLOSE_DICE = 0.6  # bigram Dice of two skeletons from which two stems count as one word


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The stem without long vowels, hamza seats and taa marbuta (kept whole if too little is left)."""
    key = _WEAK_LETTERS.sub("", word)
    return key if len(key) >= 2 else word


@lru_cache(maxsize=200_000)  # close() misses ask for the same skeletons' bigrams again and again
def _bigrams(key: str) -> frozenset[str]:
    return frozenset(key[i:i + 2] for i in range(len(key) - 1)) or frozenset((key,))


@lru_cache(maxsize=200_000)
def close(a: str, b: str) -> bool:
    """Do two skeletons spell one word (one inside the other, or most bigrams shared)?"""
    if a in b or b in a:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= CLOSE_DICE


def unaligned(stems: Iterable[str], others: Iterable[str]) -> list[str]:
    """The distinct ``stems`` with no close word among ``others``, in first-seen order.

    A skeleton the other side has too is close to itself: the set lookup settles the shared
    words; the others are compared only with the words that can be close (:class:`_BigramIndex`).
    """
    keys = {s: skeleton(s) for s in stems}
    other_keys = {skeleton(s) for s in others}
    index = _BigramIndex(tuple(other_keys))
    return [s for s, k in keys.items()
            if k not in other_keys and not any(close(k, index.keys[i]) for i in index.candidates(k))]


def swapped(only1: Iterable[str], only2: Iterable[str], pairs: Iterable[tuple[str, str]]) -> int:
    """How many (word dropped, word added) pairs are close to one of ``pairs`` (skeletons)."""
    pairs = tuple(pairs)
    # which pairs each word's left (right) side matches, as bits: a pair of words counts when
    # some pair matches both, i.e. when their masks share a bit (close() once per word and candidate pair)
    firsts, seconds = tuple(p for p, _ in pairs), tuple(q for _, q in pairs)
    left = [_matches(a, firsts) for a in only1]
    right = [_matches(b, seconds) for b in only2]
    return sum(1 for x in left if x for y in right if x & y)


@lru_cache(maxsize=100_000)  # the pairs are mostly the antonym list, the words an event's claims
def _matches(word: str, keys: tuple[str, ...]) -> int:
    key = skeleton(word)
    index = _index_of(keys)
    return sum(1 << k for k in index.candidates(key) if close(key, keys[k]))


class _BigramIndex:
    """Skeletons by letter bigram, to find the few that can be :func:`close` to a word.

    Two skeletons are close when one contains the other or their bigram Dice reaches
    CLOSE_DICE: either way they share a bigram (a skeleton of fewer than two letters is
    its own "bigram", so it shares none with longer ones: it is always a candidate, and a
    word that short is compared with every skeleton).
    """

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.by_bigram: dict[str, list[int]] = {}
        self.short: list[int] = []
        for i, key in enumerate(keys):
            if len(key) < 2:
                self.short.append(i)
            for gram in _bigrams(key):
                self.by_bigram.setdefault(gram, []).append(i)

    def candidates(self, key: str) -> Iterable[int]:
        """Indices of the skeletons that may be close to ``key``, in index order."""
        if len(key) < 2:
            return range(len(self.keys))
        found = set(self.short)
        for gram in _bigrams(key):
            found.update(self.by_bigram.get(gram, ()))
        return sorted(found)


@lru_cache(maxsize=16)
def _index_of(keys: tuple[str, ...]) -> _BigramIndex:
    return _BigramIndex(keys)
