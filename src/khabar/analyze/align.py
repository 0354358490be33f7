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
    words without comparing them with every other word (most pairs' words are shared ones).
    """
    keys = {s: skeleton(s) for s in stems}
    other_keys = {skeleton(s) for s in others}
    return [s for s, k in keys.items() if k not in other_keys and not any(close(k, o) for o in other_keys)]


def swapped(only1: Iterable[str], only2: Iterable[str], pairs: Iterable[tuple[str, str]]) -> int:
    """How many (word dropped, word added) pairs are close to one of ``pairs`` (skeletons)."""
    pairs = tuple(pairs)
    # which pairs each word's left (right) side matches, as bits: a pair of words counts when
    # some pair matches both, i.e. when their masks share a bit (each close() once per word and pair)
    firsts, seconds = tuple(p for p, _ in pairs), tuple(q for _, q in pairs)
    left = [_matches(a, firsts) for a in only1]
    right = [_matches(b, seconds) for b in only2]
    return sum(1 for x in left if x for y in right if x & y)


@lru_cache(maxsize=100_000)  # the pairs are mostly the antonym list, the words an event's claims
def _matches(word: str, keys: tuple[str, ...]) -> int:
    key = skeleton(word)
    return sum(1 << k for k, other in enumerate(keys) if close(key, other))
