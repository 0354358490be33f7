"""A weighted edit distance between two Arabic spellings of a foreign name word.

Arabic news writes a foreign name by ear, so two spellings of one name differ in cheap,
known ways: a long vowel written or not (ترامب / ترمب), a final vowel (نافار / نافارا),
a consonant whose Latin source letter has several renderings (ch as ش / ك / تش, g as
ج / غ / ق, j as ج / خ (and ي or ج word-initially, as v / w as ف / و), t as ت / ط, s as س / ص, z as ز / س / ذ / ث).
Two different names differ by an unrelated consonant, or by one vowel *replacing* another
(بوتين / بوتان). Plain Levenshtein costs all of these alike, and libraries of weighted
distances know no Arabic transliteration, so the costs live here; they were set by hand
from the alternations above and checked on the dev split of
``benchmarks/data/name_pairs.tsv`` (``benchmarks/bench_arabic_names.py --sweep``).
"""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("اوي")
_LIGHT_FINALS = frozenset("يه")  # a final -e written or not: ديسايي / ديساييه, بارون / باروني
_ENDINGS = frozenset("اويهة")
_FINAL_ALTERNATIONS = ("يه", "اهة")  # final -e as ي or ه, final -a as ا, ه or ة
# Two letters for one sound: ch (تش, تسش), j (دج), tz (تز, تس), pf (بف at the start).
_CLUSTERS = re.compile(r"تسش|تش|دج|تز|تس|^بف")
_CLUSTER_LETTER = {"تسش": "ش", "تش": "ش", "دج": "ج", "تز": "ز", "تس": "س", "بف": "ف"}
_DOUBLED = re.compile(r"(.)\1+")

# Letters one Latin letter is rendered as, by the source language of the name.
_ALTERNATIONS = (
    "تطث", "دض", "سصث", "زذظثس", "شس", "شكخ", "جغق", "جخ", "خهح", "كق", "فڤ", "بپ", "جچگ",
)
# Only at the start of a word, where و and ي are consonants: v / w as ف / و, j / y as ج / ي.
_INITIAL_ALTERNATIONS = ("فو", "جي")
_NEAR = 0.35  # a consonant for one of its known renderings
_VOWEL_INDEL = 0.25  # an inner long vowel written or not
_FINAL = 0.4  # a final -e written or dropped, -e as ي or ه, -a as ا, ه or ة
_VOWEL_SWAP = 0.8  # one inner long vowel for another: a cue of two names
_OTHER = 1.0  # any other letter inserted, dropped or changed


def skeleton_letters(word: str) -> str:
    """The word with one-sound clusters as one letter and doubled letters single."""
    word = _CLUSTERS.sub(lambda m: _CLUSTER_LETTER[m.group()], word)
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=100_000)
def name_distance(a: str, b: str) -> float:
    """Weighted edit distance of two match-normalized name words (0 for equal spellings)."""
    a, b = skeleton_letters(a), skeleton_letters(b)
    previous = [0.0]
    for j in range(len(b)):
        previous.append(previous[-1] + _indel(b, j))
    for i in range(len(a)):
        current = [previous[0] + _indel(a, i)]
        for j in range(len(b)):
            current.append(min(previous[j + 1] + _indel(a, i),
                               current[j] + _indel(b, j),
                               previous[j] + _substitution(a, i, b, j)))
        previous = current
    return previous[-1]


def _indel(word: str, i: int) -> float:
    ch = word[i]
    if i == len(word) - 1 and ch in _LIGHT_FINALS:
        return _FINAL
    if ch in VOWELS and 0 < i < len(word) - 1:
        return _VOWEL_INDEL
    return _OTHER


def _substitution(a: str, i: int, b: str, j: int) -> float:
    x, y = a[i], b[j]
    if x == y:
        return 0.0
    if i == len(a) - 1 and j == len(b) - 1:
        if _alternate(x, y, _FINAL_ALTERNATIONS):
            return _FINAL
        if x in _ENDINGS and y in _ENDINGS:  # -a / -o / -i endings: Ivanov / Ivanova, Carl / Carlo
            return _OTHER
    if i == j == 0 and _alternate(x, y, _INITIAL_ALTERNATIONS):
        return _NEAR
    if x in VOWELS and y in VOWELS:
        return _VOWEL_SWAP if i and j else _OTHER
    return _NEAR if _alternate(x, y, _ALTERNATIONS) else _OTHER


@lru_cache(maxsize=4096)
def _alternate(x: str, y: str, groups: tuple[str, ...]) -> bool:
    return any(x in group and y in group for group in groups)
