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
_OFFSETS = {str(d): k for k, d in enumerate(_WINDOW)}
_CACHE_SIZE = 50_000  # distinct words kept per featurizer (~1 kB each); the cache is emptied when full


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


def _bigram_index(known: frozenset[str]) -> dict[str, frozenset[str]]:
    """Previous word -> the words after it whose bigram attribute ``bg=prev|word`` is in ``known``.

    Every split at a "|" is indexed, so words holding a "|" themselves are looked up exactly.
    """
    index: dict[str, set[str]] = {}
    for feature in known:
        if feature.startswith("bg="):
            pair = feature[3:]
            for cut in (i for i, c in enumerate(pair) if c == "|"):
                index.setdefault(pair[:cut], set()).add(pair[cut + 1:])
    return {head: frozenset(tails) for head, tails in index.items()}


def _window_index(known: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Feature a word shows its neighbours -> the attribute at each window offset, "" where the model lacks it."""
    index: dict[str, list[str]] = {}
    for feature in known:
        offset, colon, base = feature.partition(":")
        if colon and offset in _OFFSETS:
            index.setdefault(base, [""] * len(_WINDOW))[_OFFSETS[offset]] = feature
    return {base: tuple(at) for base, at in index.items()}


class Featurizer:
    """Feature lists for sentences of match-normalized words, with per-word parts cached.

    ``known`` (the attributes of a trained model) drops every other attribute; None
    keeps all of them, as training needs.
    """

    def __init__(self, known: frozenset[str] | None = None) -> None:
        self._known = known
        self._words: dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}
        # what a position outside the sentence shows at each window offset
        self.edge = tuple(self._keep([f"{d}:edge"]) for d in _WINDOW)
        self._bigrams = None if known is None else _bigram_index(known)
        self._near = None if known is None else _window_index(known)

    def clear(self) -> None:
        """Forget the cached words (benchmarks time a cold start with it)."""
        self._words.clear()

    def _keep(self, features: list[str]) -> tuple[str, ...]:
        known = self._known
        return tuple(features) if known is None else tuple(f for f in features if f in known)

    def word_parts(self, word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """(own features, features shown at each offset of the window), both filtered (not cached)."""
        own, near = word_features(word, load())
        if self._near is None:
            shown = tuple(tuple(f"{d}:{f}" for f in near) for d in _WINDOW)
        else:  # only the neighbour attributes the model knows, without building the others
            known_near = [self._near[f] for f in near if f in self._near]
            shown = tuple(tuple(at[k] for at in known_near if at[k]) for k in range(len(_WINDOW)))
        return self._keep(own), shown

    def _remember(self, word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        parts = self.word_parts(word)
        if len(self._words) >= _CACHE_SIZE:
            self._words.clear()
        self._words[word] = parts
        return parts

    def phrase_tags(self, words: Sequence[str]) -> list[str] | None:
        """Per word, its gazetteer-phrase tag ('B-LOC', 'I-ORG', ... or ''); None if the sentence has no phrase."""
        gaz = load()
        if gaz.phrases.keys().isdisjoint(words):
            return None
        tags = _phrase_tags(words, gaz)
        return tags if any(tags) else None

    def phrase_features(self, tag: str) -> tuple[tuple[str, ...], ...]:
        """The attributes of a phrase tag: on its word, on the word after it, on the word before it."""
        return self._keep(["gz=" + tag]), self._keep(["-1:gz=" + tag]), self._keep(["1:gz=" + tag])

    def phrase_parts(self, words: Sequence[str]) -> list[tuple[tuple[str, ...], ...]] | None:
        """Per word, its gazetteer-phrase features (own, as left neighbour, as right neighbour); None if no phrase."""
        tags = self.phrase_tags(words)
        if tags is None:
            return None
        return [self.phrase_features(p) if p else ((),) * 3 for p in tags]

    def __call__(self, words: Sequence[str]) -> list[list[str]]:
        """One feature list per word: own, gazetteer phrase, window -2..+2, bigram with the previous word.

        The window reads a padded list, two edge entries on each side, so that every
        token's list is one expression (the hot loop of tagging).
        """
        cached = self._words.get
        per_word = [cached(w) or self._remember(w) for w in words]
        pad = (self.edge, self.edge)
        near = [*pad, *(w[1] for w in per_word), *pad]
        gz = self.phrase_parts(words)
        bigrams = self._bigrams
        n = len(words)
        out = []
        for i in range(n):
            if gz is None:
                feats = [*per_word[i][0], *near[i][0], *near[i + 1][1], *near[i + 3][2], *near[i + 4][3]]
            else:
                feats = [*per_word[i][0], *gz[i][0], *near[i][0], *near[i + 1][1], *(gz[i - 1][1] if i else ()),
                         *near[i + 3][2], *(gz[i + 1][2] if i + 1 < n else ()), *near[i + 4][3]]
            if i and (bigrams is None or words[i] in bigrams.get(words[i - 1], ())):
                feats.append(f"bg={words[i - 1]}|{words[i]}")
            out.append(feats)
        return out

    def bigram_parts(self, words: Sequence[str]) -> list[tuple[int, str]]:
        """(token index, its bigram attribute) for the tokens whose bigram with the previous word the model knows."""
        bigrams = self._bigrams or {}
        return [(i, f"bg={words[i - 1]}|{words[i]}") for i in range(1, len(words))
                if words[i] in bigrams.get(words[i - 1], ())]


_ALL = Featurizer()


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Every feature of a sentence of match-normalized words (as the CRF trainer wants)."""
    return _ALL(words)
