"""Clitic segmentation of raw Arabic words into the units the tagger was trained on.

NewsFANE (our training data) writes the conjunctions و/ف, the prepositions ب/ل/ك and
the object/possessive pronouns as tokens of their own ("و دونالد", "اتفاق ها").
Raw news glues them on ("ودونالد"), so we split them here, keeping character
offsets into the original text: a name found after "ل" starts after the "ل".
No Arabic segmenter on PyPI is small, offset-preserving and model-free, hence our own:
a split is made only when the remainder is a better-known word than the whole
(counts from the training vocabulary, plus the name and place lists), or when the
remainder starts with the article ال (و/ف/ب/ك + ال is unambiguous). The caller may
keep some words whole whatever the counts say: names are rare in the training text,
so by counts alone كيري splits into ك + يري and فيصل into ف + يصل. A remainder
written with a hamza on its alef (فإن، وإلى، بأن) is an Arabic word, never such a name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import repeat

from khabar.arabic import normalize_map, token_starts

_CONJ = "وف"
_PREP = "بلك"
PROCLITICS = frozenset(_CONJ + _PREP)  # the one-letter proclitics this module cuts off
ENCLITICS = ("هما", "هم", "ها", "كم", "نا", "ه")  # pronoun suffixes cut off, longest first
_HAMZA_ALEFS = "أإآ"

Piece = tuple[int, int, str]  # start, end (offsets into the text), match-normalized form


def _never(word: str, rest: str) -> bool:
    return False


def segment_word(norm: str, known: Callable[[str], int],
                 whole: Callable[[str, str], bool] = _never) -> list[tuple[int, int]]:
    """Split a normalized word into (start, end) pieces of ``norm``: proclitics, stem, suffix.

    ``whole(word, rest)`` True keeps ``word`` from losing its first letter as a proclitic.
    """
    start, end = 0, len(norm)
    pieces: list[tuple[int, int]] = []
    for letters in (_CONJ, _PREP):
        word = norm[start:end]
        if len(word) >= 3 and word[0] in letters and not whole(word, word[1:]) and _better(word, word[1:], known):
            pieces.append((start, start + 1))
            start += 1
    tail: tuple[int, int] | None = None
    word = norm[start:end]
    for suffix in ENCLITICS:
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


def segment(text: str, known: Callable[[str], int], start: int = 0, end: int | None = None,
            whole: Callable[[str, str], bool] = _never) -> list[Piece]:
    """Tokens of ``text[start:end]`` with clitics split off: (start, end, normalized form), offsets into ``text``.

    ``whole`` names the words to keep whole (see :func:`segment_word`), unless the rest after
    the proclitic is written with a hamza on its alef.
    """
    starts, words = token_starts(text, start, end)
    pieces = map(_segment_token, words, repeat(known), repeat(whole))  # cached per token text
    return [(at + a, at + b, form) for at, found in zip(starts, pieces, strict=True) for a, b, form in found]


@lru_cache(maxsize=100_000)
def _segment_token(token: str, known: Callable[[str], int],
                   whole: Callable[[str, str], bool]) -> tuple[tuple[int, int, str], ...]:
    """Pieces of one token, offsets into the token: the same token always splits the same way, so cached."""
    norm, origin = normalize_map(token, "match")
    if not norm:
        return ()
    if len(norm) < 3 or not ("\u0621" <= norm[0] <= "\u064a"):
        return ((0, len(token), norm),)

    def keep(word: str, rest: str) -> bool:
        return token[origin[len(norm) - len(rest)]] not in _HAMZA_ALEFS and whole(word, rest)

    return tuple((origin[a], origin[b] if b < len(origin) else len(token), norm[a:b])
                 for a, b in segment_word(norm, known, keep))
