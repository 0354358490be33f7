"""Clitic segmentation of raw Arabic words into the units the tagger was trained on.

NewsFANE (our training data) writes the conjunctions و/ف, the prepositions ب/ل/ك and
the object/possessive pronouns as tokens of their own ("و دونالد", "اتفاق ها").
Raw news glues them on ("ودونالد"), so we split them here, keeping character
offsets into the original text: a name found after "ل" starts after the "ل".
No Arabic segmenter on PyPI is small, offset-preserving and model-free, hence our own:
a split is made only when the remainder is a better-known word than the whole
(counts from the training vocabulary, plus the name gazetteer), or when the
remainder starts with the article ال (و/ف/ب/ك + ال is unambiguous).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import repeat

from khabar.arabic import normalize_map, token_starts

_CONJ = "وف"
_PREP = "بلك"
_SUFFIXES = ("هما", "هم", "ها", "كم", "نا", "ه")

Piece = tuple[int, int, str]  # start, end (offsets into the text), match-normalized form


def segment_word(norm: str, known: Callable[[str], int]) -> list[tuple[int, int]]:
    """Split a normalized word into (start, end) pieces of ``norm``: proclitics, stem, suffix."""
    start, end = 0, len(norm)
    pieces: list[tuple[int, int]] = []
    for letters in (_CONJ, _PREP):
        word = norm[start:end]
        if len(word) >= 3 and word[0] in letters and _better(word, word[1:], known):
            pieces.append((start, start + 1))
            start += 1
    tail: tuple[int, int] | None = None
    word = norm[start:end]
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and known(stem) > 2 * known(word) + 1:
            tail = (end - len(suffix), end)
            end -= len(suffix)
            break
    pieces.append((start, end))
    if tail:
        pieces.append(tail)
    return pieces


def _better(word: str, rest: str, known: Callable[[str], int]) -> bool:
    if rest.startswith("ال") and len(rest) > 3:
        return True
    return known(rest) > 2 * known(word)


def segment(text: str, known: Callable[[str], int], start: int = 0, end: int | None = None) -> list[Piece]:
    """Tokens of ``text[start:end]`` with clitics split off: (start, end, normalized form), offsets into ``text``."""
    starts, words = token_starts(text, start, end)
    pieces = map(_segment_token, words, repeat(known))  # cached per token text
    return [(at + a, at + b, form) for at, found in zip(starts, pieces, strict=True) for a, b, form in found]


@lru_cache(maxsize=100_000)
def _segment_token(token: str, known: Callable[[str], int]) -> tuple[tuple[int, int, str], ...]:
    """Pieces of one token, offsets into the token: the same token always splits the same way, so cached."""
    norm, origin = normalize_map(token, "match")
    if not norm:
        return ()
    if len(norm) < 3 or not ("\u0621" <= norm[0] <= "\u064a"):
        return ((0, len(token), norm),)
    return tuple((origin[a], origin[b] if b < len(origin) else len(token), norm[a:b])
                 for a, b in segment_word(norm, known))
