"""CRF features of a token sequence: word form, stem, affixes, shape, gazetteers, triggers, context.

A word's own features, and what it shows its neighbours at each window offset, do
not depend on the sentence: they are built once per distinct word and cached (news
reuses its vocabulary heavily), so a token's feature list is a few tuple copies.
A :class:`Featurizer` given the model's attribute set keeps only the attributes the
model knows: CRFsuite ignores the others when tagging, so the labels and marginals
are the same, and the tagger no longer converts thousands of dead strings per article.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.analyze.ner.gazetteer import Gazetteer, load
from khabar.arabic import stem

_WINDOW = (-2, -1, 1, 2)
_CACHE_SIZE = 200_000  # distinct words kept per featurizer; the cache is emptied when full


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalpha():
        return "p"
    if word.isascii():
        return "L"
    return "a"


def word_features(word: str, gaz: Gazetteer) -> tuple[list[str], list[str]]:
    """(own features, compact features seen by neighbours) of one normalized word."""
    shape = _shape(word)
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    flags = []
    if word in gaz.person_words:
        flags.append("gP")
    if bare in gaz.phrases or word in gaz.phrases:
        flags.append("gX")
    trigger = gaz.triggers.get(word) or gaz.triggers.get("ال" + word)
    if trigger:
        flags.append("t" + trigger)
    own = ["b", "w=" + word, "s=" + stem(word), "sh=" + shape, f"n={min(len(word), 8)}", *flags]
    if shape == "a":
        own += ["p2=" + word[:2], "p3=" + word[:3], "x2=" + word[-2:], "x3=" + word[-3:], "x1=" + word[-1]]
        if word != bare:
            own.append("al")
    return own, ["w=" + word, "sh=" + shape, *flags]


def _phrase_tags(words: Sequence[str], gaz: Gazetteer) -> list[str]:
    """Gazetteer phrase membership per token: 'B-LOC', 'I-ORG', ... or ''."""
    tags = [""] * len(words)
    i = 0
    as_list = list(words)
    phrases = gaz.phrases
    while i < len(words):
        if as_list[i] not in phrases:
            i += 1
            continue
        n, kind = gaz.longest_phrase(as_list, i)
        if n:
            tags[i] = "B-" + kind
            for j in range(i + 1, i + n):
                tags[j] = "I-" + kind
            i += n
        else:
            i += 1
    return tags


class Featurizer:
    """Feature lists for sentences of match-normalized words, with per-word parts cached.

    ``known`` (the attributes of a trained model) drops every other attribute; None
    keeps all of them, as training needs.
    """

    def __init__(self, known: frozenset[str] | None = None) -> None:
        self._known = known
        self._words: dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}
        self._edges = tuple(self._keep([f"{d}:edge"]) for d in _WINDOW)
        # first words of the word bigrams the model knows: no bigram string is built for the others
        self._bigram_heads = None if known is None else {f[3:].partition("|")[0] for f in known
                                                          if f.startswith("bg=")}

    def clear(self) -> None:
        """Forget the cached words (benchmarks time a cold start with it)."""
        self._words.clear()

    def _keep(self, features: list[str]) -> tuple[str, ...]:
        known = self._known
        return tuple(features) if known is None else tuple(f for f in features if f in known)

    def _word(self, word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """(own features, features shown at each offset of the window), both filtered."""
        cached = self._words.get(word)
        if cached is None:
            own, near = word_features(word, load())
            cached = (self._keep(own), tuple(self._keep([f"{d}:{f}" for f in near]) for d in _WINDOW))
            if len(self._words) >= _CACHE_SIZE:
                self._words.clear()
            self._words[word] = cached
        return cached

    def _add(self, feats: list[str], feature: str) -> None:
        if self._known is None or feature in self._known:
            feats.append(feature)

    def __call__(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word: own, gazetteer phrase, window -2..+2, bigram with the previous word."""
        per_word = [self._word(w) for w in words]
        near = [w[1] for w in per_word]
        phrases = _phrase_tags(words, load())
        heads = self._bigram_heads
        edges = self._edges
        n = len(words)
        out = []
        for i in range(n):
            feats = [*per_word[i][0]]
            if phrases[i]:
                self._add(feats, "gz=" + phrases[i])
            feats += near[i - 2][0] if i >= 2 else edges[0]
            if i >= 1:
                feats += near[i - 1][1]
                if phrases[i - 1]:
                    self._add(feats, "-1:gz=" + phrases[i - 1])
            else:
                feats += edges[1]
            if i + 1 < n:
                feats += near[i + 1][2]
                if phrases[i + 1]:
                    self._add(feats, "1:gz=" + phrases[i + 1])
            else:
                feats += edges[2]
            feats += near[i + 2][3] if i + 2 < n else edges[3]
            if i and (heads is None or words[i - 1] in heads):
                self._add(feats, f"bg={words[i - 1]}|{words[i]}")
            out.append(feats)
        return out


_ALL = Featurizer()


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Every feature of a sentence of match-normalized words (as the CRF trainer wants)."""
    return _ALL(words)
