"""A weighted edit distance between two Arabic spellings of a foreign name word.

Arabic news writes a foreign name by ear, so two spellings of one name differ in cheap,
known ways: a long vowel written or not (ترامب / ترمب), a final vowel (نافار / نافارا),
a consonant whose Latin source letter has several renderings (ch as ش / ك / تش, g as
ج / غ / ق, j as ج / خ (and ي or ج word-initially, as v / w as ف / و), b / v as ب / ف and Spanish j as خ / غ in long names, t as ت / ط, s as س / ص, z as ز / س / ذ / ث).
Two different names differ by an unrelated consonant, or by one vowel *replacing* another
(بوتين / بوتان). Plain Levenshtein costs all of these alike, and libraries of weighted
distances know no Arabic transliteration, so the costs live here; they were set by hand
from the alternations above and checked on the dev split of
``benchmarks/data/name_pairs.tsv`` (``benchmarks/bench_arabic_names.py --sweep``).
:func:`name_edits` names the edits of the cheapest alignment, which the learned scorer
(:mod:`khabar.arabic.name_scorer`) counts.
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
# Letters one Latin letter is rendered as in long names only, with the shortest length: b / v / p / f
# (Spanish b / v, German pf: ريجيكامب / ريجيكامف, حوتوبيلي / حوتوفلي) and Spanish j as خ or غ (تيخادا /
# تيغادا). In short names either makes another name (ويبر / ويفر: Weber, Weaver; خوري / غوري).
_LONG_ALTERNATIONS = {pair: shortest for both, shortest in (("بف", 7), ("خغ", 6)) for pair in (both, both[::-1])}
_LONG_LETTERS = frozenset("".join(_LONG_ALTERNATIONS))  # a cheap test first: this runs per table cell
_NEAR = 0.35  # a consonant for one of its known renderings
_VOWEL_INDEL = 0.25  # an inner long vowel written or not
_FINAL = 0.4  # a final -e written or dropped, -e as ي or ه, -a as ا, ه or ة
_VOWEL_SWAP = 0.8  # one inner long vowel for another: a cue of two names
_OTHER = 1.0  # any other letter inserted, dropped or changed


def skeleton_letters(word: str) -> str:
    """The word with one-sound clusters as one letter and doubled letters single."""
    word = _CLUSTERS.sub(lambda m: _CLUSTER_LETTER[m.group()], word)
    return _DOUBLED.sub(r"\1", word)


# The cost of each class of edit (see :func:`name_edits`).
COSTS = {"same": 0.0, "near": _NEAR, "initial_alternation": _NEAR, "vowel_indel": _VOWEL_INDEL,
         "final": _FINAL, "vowel_swap": _VOWEL_SWAP, "ending_swap": _OTHER, "edge_vowel_swap": _OTHER,
         "edge_indel": _OTHER, "indel": _OTHER, "other": _OTHER}


@lru_cache(maxsize=100_000)
def name_distance(a: str, b: str) -> float:
    """Weighted edit distance of two match-normalized name words (0 for equal spellings).

    The cheaper of the two readings: one-sound clusters as one letter (دارتشييف / دارشيف)
    or as written (كورتس / كورتيس, where تس is two sounds).
    """
    return min(_distance(x, y) for x, y in {_readings(a, b, clusters) for clusters in (True, False)})


def _readings(a: str, b: str, clusters: bool) -> tuple[str, str]:
    if clusters:
        return skeleton_letters(a), skeleton_letters(b)
    return _DOUBLED.sub(r"\1", a), _DOUBLED.sub(r"\1", b)


@lru_cache(maxsize=100_000)
def _distance(a: str, b: str) -> float:
    drop_a = [COSTS[_indel(a, i)] for i in range(len(a))]
    drop_b = [COSTS[_indel(b, j)] for j in range(len(b))]
    previous = [0.0]
    for cost in drop_b:
        previous.append(previous[-1] + cost)
    for i, x in enumerate(a):
        current = [previous[0] + drop_a[i]]
        for j, y in enumerate(b):
            change = 0.0 if x == y else COSTS[_substitution(a, i, b, j)]
            current.append(min(previous[j + 1] + drop_a[i], current[j] + drop_b[j], previous[j] + change))
        previous = current
    return previous[-1]


@lru_cache(maxsize=100_000)  # the scorer's features and the context rules ask for the same pairs
def name_edits(a: str, b: str) -> tuple[tuple[str, str, str], ...]:
    """The edits of the cheapest alignment of two name words: (class, letter of a, letter of b).

    Classes are the keys of :data:`COSTS` ("same" pairs included, "" for the missing side of
    an insertion or deletion); their costs add up to :func:`name_distance`. The learned
    same-name scorer (:mod:`khabar.arabic.name_scorer`) counts them.
    """
    a, b = min((_readings(a, b, clusters) for clusters in (True, False)), key=lambda ab: _distance(*ab))
    table = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for j in range(len(b)):
        table[0][j + 1] = table[0][j] + COSTS[_indel(b, j)]
    for i in range(len(a)):
        table[i + 1][0] = table[i][0] + COSTS[_indel(a, i)]
        for j in range(len(b)):
            table[i + 1][j + 1] = min(table[i][j + 1] + COSTS[_indel(a, i)],
                                      table[i + 1][j] + COSTS[_indel(b, j)],
                                      table[i][j] + COSTS[_substitution(a, i, b, j)])
    edits = []
    i, j = len(a), len(b)
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + COSTS[_substitution(a, i - 1, b, j - 1)]:
            edits.append((_substitution(a, i - 1, b, j - 1), a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and table[i][j] == table[i - 1][j] + COSTS[_indel(a, i - 1)]:
            edits.append((_indel(a, i - 1), a[i - 1], ""))
            i -= 1
        else:
            edits.append((_indel(b, j - 1), "", b[j - 1]))
            j -= 1
    return tuple(edits[::-1])


def _indel(word: str, i: int) -> str:
    ch = word[i]
    if i == len(word) - 1 and ch in _LIGHT_FINALS:
        return "final"
    if ch in VOWELS and 0 < i < len(word) - 1:
        return "vowel_indel"
    return "edge_indel" if i in (0, len(word) - 1) else "indel"


def _substitution(a: str, i: int, b: str, j: int) -> str:
    x, y = a[i], b[j]
    if x == y:
        return "same"
    if i == len(a) - 1 and j == len(b) - 1:
        if _alternate(x, y, _FINAL_ALTERNATIONS):
            return "final"
        if x in _ENDINGS and y in _ENDINGS:  # -a / -o / -i endings: Ivanov / Ivanova, Carl / Carlo
            return "ending_swap"
    if i == j == 0 and _alternate(x, y, _INITIAL_ALTERNATIONS):
        return "initial_alternation"
    if x in VOWELS and y in VOWELS:
        return "vowel_swap" if i and j else "edge_vowel_swap"
    if _alternate(x, y, _ALTERNATIONS) or (
            x in _LONG_LETTERS and y in _LONG_LETTERS and 0 < _LONG_ALTERNATIONS.get(x + y, 0) <= min(len(a), len(b))):
        return "near"
    return "other"


@lru_cache(maxsize=4096)
def _alternate(x: str, y: str, groups: tuple[str, ...]) -> bool:
    return any(x in group and y in group for group in groups)
