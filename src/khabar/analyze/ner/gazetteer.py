"""The shipped name lists (people, places, organizations) and the trigger lexicon, loaded once.

Entries are stored as written and normalized here at the ``match`` level of the
Arabic layer, so that lookups agree with the tagger's token keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.arabic import normalize

_HERE = resources.files("khabar") / "resources" / "gazetteers"


@dataclass(frozen=True)
class Gazetteer:
    person_words: frozenset[str]  # single name words (given and family names)
    latin: dict[str, str]  # name word -> its usual Latin spelling (from Wikidata / Wikipedia)
    weight: dict[str, int]  # name word -> how many Wikidata name tokens it spells (how well attested)
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((words, type), ...)
    triggers: dict[str, str]  # word -> type it announces (PER/LOC/ORG)

    def is_single_place(self, word: str) -> bool:
        """A one-word place or organization of the lists (غزة، روسيا)."""
        return any(len(phrase) == 1 for phrase, _ in self.phrases.get(word, ()))

    def longest_phrase(self, words: list[str], i: int) -> tuple[int, str]:
        """Length and type of the longest listed place/organization starting at ``words[i]`` (0 if none)."""
        best = (0, "")
        for phrase, kind in self.phrases.get(words[i], ()):
            n = len(phrase)
            if n > best[0] and tuple(words[i:i + n]) == phrase:
                best = (n, kind)
        return best


def _lines(name: str) -> list[str]:
    text = (_HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load() -> Gazetteer:
    """The gazetteer shipped in ``khabar/resources/gazetteers`` (cached for the process)."""
    latin, weight = {}, {}
    for line in _lines("person_words.tsv"):
        word, english, count = line.split("\t")
        key = normalize(word)
        latin.setdefault(key, english)
        weight[key] = weight.get(key, 0) + int(count)
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kind in (("places.txt", "LOC"), ("organizations.txt", "ORG")):
        for line in _lines(name):
            words = tuple(normalize(line).split())
            if words:
                grouped.setdefault(words[0], []).append((words, kind))
    triggers = {}
    for line in _lines("triggers.tsv"):
        kind, _, word = line.partition("\t")
        triggers[normalize(word)] = kind
    return Gazetteer(frozenset(latin), latin, weight, {k: tuple(v) for k, v in grouped.items()}, triggers)
