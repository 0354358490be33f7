"""The speed-ups of the NER path keep its behaviour: same features, labels, scores and pieces.

The reference feature builder below is the one the shipped model was trained with
(before per-word caching and attribute filtering), kept here verbatim as the oracle.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from khabar.analyze.entities import _known
from khabar.analyze.ner import rules
from khabar.analyze.ner.conll import spans
from khabar.analyze.ner.features import Featurizer, sentence_features, word_features
from khabar.analyze.ner.gazetteer import Gazetteer, load
from khabar.analyze.ner.segment import _segment_token, segment
from khabar.analyze.ner.tagger import load_model, model_features
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import name_key, normalize, split_sentences, stem

_WINDOW = (-2, -1, 1, 2)


def _reference_phrase_tags(words: Sequence[str], gaz: Gazetteer) -> list[str]:
    tags = [""] * len(words)
    i = 0
    while i < len(words):
        n, kind = gaz.longest_phrase(list(words), i)
        if n:
            tags[i] = "B-" + kind
            for j in range(i + 1, i + n):
                tags[j] = "I-" + kind
            i += n
        else:
            i += 1
    return tags


def _reference_features(words: Sequence[str]) -> list[list[str]]:
    gaz = load()
    per_word = [word_features(w, gaz) for w in words]
    phrases = _reference_phrase_tags(words, gaz)
    n = len(words)
    out = []
    for i, (own, _) in enumerate(per_word):
        feats = list(own)
        if phrases[i]:
            feats.append("gz=" + phrases[i])
        for d in _WINDOW:
            j = i + d
            if 0 <= j < n:
                feats.extend(f"{d}:{f}" for f in per_word[j][1])
                if phrases[j] and abs(d) == 1:
                    feats.append(f"{d}:gz={phrases[j]}")
            else:
                feats.append(f"{d}:edge")
        if i > 0:
            feats.append(f"bg={words[i - 1]}|{words[i]}")
        out.append(feats)
    return out


def _seed_sentences(examples: Path) -> list[list[str]]:
    out = []
    for path in sorted(examples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a, b in split_sentences(text):
            words = [w for _, _, w in segment(text[a:b], _known)]
            if words:
                out.append(words)
    return out


EDGE_CASES = [["روسيا"], ["في", "الولايات", "المتحدة", "الامريكية"], ["|", "a|b", "|"], ["2025", "،", "!"],
              ["وزارة", "الخارجية", "الروسية", "في", "موسكو", "السفير", "الكسندر", "دارتشييف"]]


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    return _seed_sentences(EXAMPLES) + EDGE_CASES


def test_training_features_are_those_the_model_was_trained_with(sentences: list[list[str]]) -> None:
    for words in sentences:
        assert sentence_features(words) == _reference_features(words)


def test_model_features_are_the_full_features_the_model_knows_in_the_same_order(sentences: list[list[str]]) -> None:
    known = frozenset(load_model().info().attributes)
    featurize = model_features()
    for words in sentences:
        expected = [[f for f in feats if f in known] for feats in _reference_features(words)]
        assert featurize(words) == expected
        assert featurize(words) == expected  # from the warm cache too


def test_bigram_lookup_handles_words_that_hold_the_separator() -> None:
    featurize = Featurizer(frozenset({"bg=a|b|c", "bg=x||", "b"}))
    assert featurize(["a", "b|c"])[1] == ["b", "bg=a|b|c"]
    assert featurize(["a|b", "c"])[1] == ["b", "bg=a|b|c"]
    assert featurize(["x", "|"])[1] == ["b", "bg=x||"]
    assert featurize(["a", "c"])[1] == ["b"]


def test_filtered_features_give_the_same_labels_and_marginals(sentences: list[list[str]]) -> None:
    tagger = load_model()
    for words in sentences:
        full = tagger.tag(_reference_features(words))
        full_marginals = [tagger.marginal(t, i) for i, t in enumerate(full)]
        fast = tagger.tag(model_features()(words))
        assert fast == full
        assert [tagger.marginal(t, i) for i, t in enumerate(fast)] == pytest.approx(full_marginals, abs=1e-9)


def test_cached_segmentation_pieces_point_at_their_text(examples: Path) -> None:
    text = (examples / "000_7ec4a7996114fafa.txt").read_text(encoding="utf-8")
    text += "\nوَلِدونالد ترامبَ وبالكِتابِ ١٢٣ ﻻ"
    cold_pieces = (_segment_token.cache_clear(), segment(text, _known))[1]
    assert segment(text, _known) == cold_pieces
    for start, end, form in cold_pieces:
        assert normalize(text[start:end]) == form


def _reference_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and (prefix != "I" or label != kind):
            out.append((start, i, kind))
            start = -1
        if prefix in ("B", "I") and start < 0:
            start, kind = i, label
    return out


def test_spans_fast_path_matches_the_conll_rules() -> None:
    rng = random.Random(7)
    labels = ["O", "O", "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG"]
    for _ in range(2000):
        tags = [rng.choice(labels) for _ in range(rng.randint(0, 12))]
        assert spans(tags) == _reference_spans(tags)


def test_cached_word_tests_answer_as_uncached(sentences: list[list[str]]) -> None:
    vocab = load_vocabulary()
    for word in {w for words in sentences for w in words}:
        assert stem(word) == stem.__wrapped__(word)
        assert name_key(word) == name_key.__wrapped__(word)
        for test in (rules.known_name, rules.well_attested_name, rules.name_like):
            assert test(word, vocab) == test.__wrapped__(word, vocab)
