"""The shipped tagger: CRF labels, then gazetteer/trigger rules and document consistency.

The CRF model and the vocabulary load once per process (``load_model``); tagging
works on match-normalized words, whatever produced them (our clitic segmenter on raw
text, or the tokens of a CoNLL file).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import pycrfsuite

from khabar.analyze.ner import rules
from khabar.analyze.ner.features import sentence_features
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import normalize

_RES = resources.files("khabar") / "resources" / "ner"


@cache
def load_model() -> pycrfsuite.Tagger:
    """The CRF tagger, opened once per process from the package resources."""
    tagger = pycrfsuite.Tagger()
    with resources.as_file(_RES / "model.crfsuite") as path:
        tagger.open(str(path))
    return tagger


def crf_tags(words: Sequence[str]) -> list[str]:
    """The CRF's BIO labels for one sentence of normalized words."""
    if not words:
        return []
    return load_model().tag(sentence_features(words))


def tag_document(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO labels for every sentence of a document of normalized words (CRF + rules)."""
    vocab = load_vocabulary()
    tagged = [rules.apply(list(words), crf_tags(words), vocab) for words in sentences]
    return rules.propagate(sentences, tagged, vocab)


def tag_words(tokens: Sequence[str]) -> list[str]:
    """BIO labels for one sentence given as tokens (normalized here)."""
    words = [normalize(t) or t for t in tokens]
    return tag_document([words])[0]
