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
from khabar.analyze.ner.features import Featurizer
from khabar.analyze.ner.scorer import Scorer, model_weights
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


@cache
def model_features() -> Featurizer:
    """Features restricted to the attributes the shipped model knows (same labels, less to convert)."""
    return Featurizer(frozenset(load_model().info().attributes))


@cache
def model_scorer() -> Scorer:
    """The shipped model run in numpy a document at a time (see :mod:`khabar.analyze.ner.scorer`)."""
    with resources.as_file(_RES / "model.crfsuite") as path:
        return Scorer(*model_weights(path, load_model()), model_features())


def crf_tags(words: Sequence[str]) -> list[str]:
    """The CRF's BIO labels for one sentence of normalized words."""
    if not words:
        return []
    return load_model().tag(model_features()(words))


RULE_CONFIDENCE = 0.6  # a label set by a rule rather than the CRF: plausible, never certain


def crf_tags_scored(words: Sequence[str]) -> tuple[list[str], list[float]]:
    """The CRF's labels and, for each name token, the marginal probability of its label."""
    if not words:
        return [], []
    tagger = load_model()
    tags = tagger.tag(model_features()(words))
    return tags, [tagger.marginal(tag, i) if tag != "O" else 1.0 for i, tag in enumerate(tags)]


def tag_documents_scored(documents: Sequence[Sequence[Sequence[str]]]) -> list[list[tuple[list[str], list[float]]]]:
    """:func:`tag_document_scored` of several documents, the CRF decoding them in one pass."""
    vocab = load_vocabulary()
    out = []
    for sentences, crf in zip(documents, model_scorer().tag_documents(documents), strict=True):
        tagged = [rules.apply(list(words), tags, vocab) for words, (tags, _) in zip(sentences, crf, strict=True)]
        tagged = rules.propagate(sentences, tagged, vocab)
        out.append([(final, [p if f == t else RULE_CONFIDENCE for f, t, p in zip(final, tags, probs, strict=True)])
                    for final, (tags, probs) in zip(tagged, crf, strict=True)])
    return out


def tag_document_scored(sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
    """Labels (CRF + rules) and per-token confidence for every sentence of a document."""
    return tag_documents_scored([sentences])[0]


def tag_document(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO labels for every sentence of a document of normalized words (CRF + rules)."""
    return [tags for tags, _ in tag_document_scored(sentences)]


def tag_words(tokens: Sequence[str]) -> list[str]:
    """BIO labels for one sentence given as tokens (normalized here)."""
    words = [normalize(t) or t for t in tokens]
    return tag_document([words])[0]
