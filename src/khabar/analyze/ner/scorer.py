"""The shipped CRF model run in numpy, a document at a time, from per-word score vectors.

python-crfsuite tags one sentence per call and turns every attribute string of every
token (about 16 per token) into the model's ids on each call; that conversion, and
building the string lists it needs, were about 60% of NER time. The state score of a
token is a sum of attribute weights, one number per label, and a word's own
attributes and those it shows its neighbours do not depend on the sentence: their
weight sums are cached per word (a (5, labels) array), so a token's state scores are
five vector additions (plus gazetteer phrases and known bigrams, which do depend on
the sentence). Viterbi and the marginals (forward-backward) then run over all the
sentences of a document at once. Same model and decoding rule as CRFsuite's
first-order tagger (no start or end transitions, ties to the lower label id); the
weights are summed in another order, so scores can differ from CRFsuite's in the
last bits, which can move a marginal across a rounding boundary (the tests compare).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from khabar.analyze.ner.features import Featurizer

_CACHE_SIZE = 120_000  # distinct words kept (5 x 9 floats each); forgotten all at once when full
# (50,000 forgot a day of news every ~1,500 articles: 120,000 takes 6 % less CPU over 12,000 articles
# for 24 MiB more: benchmarks/bench_ner_cache.py)
_STATE, _TRANSITION = 0, 1  # feature types in a CRFsuite model file
_FEATURE = struct.Struct("<iiid")  # type, source (attribute or label id), target label id, weight
_CHUNK_HEADER = 12  # "FEAT", chunk size, feature count


def model_weights(path: str | Path, tagger: pycrfsuite.Tagger) -> tuple[list[str], dict[str, np.ndarray], np.ndarray]:
    """(labels by id, attribute -> weight per label, transition weights [from, to]) of a CRFsuite model file.

    Read from the file's feature table (little-endian records after the header's
    ``off_features``) rather than from ``Tagger.info()``, whose text dump rounds
    weights to six decimals; names come from ``info()``.
    """
    info = tagger.info()
    labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
    attributes = {int(i): name for name, i in info.attributes.items()}
    data = Path(path).read_bytes()
    offset = int(info.header["off_features"], 16)
    if data[offset:offset + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature table at {offset:#x}")
    count = struct.unpack_from("<I", data, offset + 8)[0]
    weights: dict[str, np.ndarray] = {}
    transitions = np.zeros((len(labels), len(labels)))
    for kind, source, target, weight in _FEATURE.iter_unpack(
            data[offset + _CHUNK_HEADER:offset + _CHUNK_HEADER + count * _FEATURE.size]):
        if kind == _STATE:
            weights.setdefault(attributes[source], np.zeros(len(labels)))[target] += weight
        elif kind == _TRANSITION:
            transitions[source, target] += weight
    return labels, weights, transitions


class Scorer:
    """Labels and marginals of a CRF model for documents of sentences of match-normalized words."""

    def __init__(self, labels: list[str], weights: dict[str, np.ndarray], transitions: np.ndarray,
                 featurizer: Featurizer) -> None:
        self.labels = labels
        self._label_names = np.array(labels, dtype=object)
        self._weights = weights
        self._trans = transitions
        self._exp_trans = np.exp(transitions)
        self._exp_trans_t = self._exp_trans.T.copy()
        self._other = labels.index("O")
        self._zero = np.zeros(len(labels))
        self._featurizer = featurizer
        edge = np.stack([self._sum(f) for f in featurizer.edge])
        self._table = np.zeros((1024, 5, len(labels)))  # row 0: what the outside of a sentence shows
        self._table[0, 1:] = edge
        self._rows: dict[str, int] = {}
        self._phrases: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def _sum(self, attributes: Sequence[str]) -> np.ndarray:
        total = self._zero.copy()
        for a in attributes:
            weights = self._weights.get(a)
            if weights is not None:
                total += weights
        return total

    def _add_word(self, word: str) -> int:
        """The table row of a new word. Columns: 0 its own attribute weights; 1-4 what it adds to
        the tokens 2 and 1 after it and 1 and 2 before it (it is their offset -2, -1, +1, +2)."""
        row = len(self._rows) + 1
        if row >= len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        own, shown = self._featurizer.word_parts(word)
        self._table[row, 0] = self._sum(own)
        for k, attributes in enumerate(shown):
            self._table[row, k + 1] = self._sum(attributes)
        self._rows[word] = row
        return row

    def clear(self) -> None:
        """Forget the cached words (benchmarks time a cold start with it)."""
        self._rows.clear()

    def state_scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens of all sentences, labels): the weight sum of every attribute CRFsuite would see on each token."""
        if len(self._rows) + sum(map(len, sentences)) >= _CACHE_SIZE:  # never within a document: rows are in use
            self._rows.clear()
        get = self._rows.get
        padded = [0, 0]  # every sentence between two pairs of outside rows
        for words in sentences:
            padded += [r if (r := get(w)) is not None else self._add_word(w) for w in words]
            padded += [0, 0]
        rows = np.array(padded)
        lengths = [len(w) for w in sentences]
        at = np.arange(sum(lengths)) + np.repeat(2 + 2 * np.arange(len(sentences)), lengths)  # tokens in ``rows``
        table = self._table
        scores = (table[rows[at], 0] + table[rows[at - 2], 1] + table[rows[at - 1], 2]
                  + table[rows[at + 1], 3] + table[rows[at + 2], 4])
        first = 0
        for words in sentences:
            self._add_sentence_parts(words, scores, first)
            first += len(words)
        return scores

    def _add_sentence_parts(self, words: Sequence[str], scores: np.ndarray, first: int) -> None:
        """Add the attributes that depend on the sentence: gazetteer phrases and known bigrams."""
        tags = self._featurizer.phrase_tags(words)
        if tags is not None:
            last = len(words) - 1
            for i, tag in enumerate(tags):
                if tag:
                    own, left, right = self._phrase(tag)
                    scores[first + i] += own
                    if i < last:
                        scores[first + i + 1] += left
                    if i:
                        scores[first + i - 1] += right
        for i, feature in self._featurizer.bigram_parts(words):
            scores[first + i] += self._weights[feature]

    def _phrase(self, tag: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Weights a phrase tag adds to its word, to the word after it and to the word before it."""
        cached = self._phrases.get(tag)
        if cached is None:
            own, left, right = self._featurizer.phrase_features(tag)
            cached = self._phrases[tag] = (self._sum(own), self._sum(left), self._sum(right))
        return cached

    def tag_documents(self, documents: Sequence[Sequence[Sequence[str]]]) -> list[list[tuple[list[str], list[float]]]]:
        """:meth:`tag_sentences` of several documents in one pass (the per-step cost of decoding is shared)."""
        tagged = iter(self.tag_sentences([words for sentences in documents for words in sentences]))
        return [[next(tagged) for _ in sentences] for sentences in documents]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """For each sentence, its labels and the marginal probability of each name token's label (1.0 on O)."""
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        order = sorted((i for i, words in enumerate(sentences) if words), key=lambda i: -len(sentences[i]))
        if not order:
            return out
        lengths = np.array([len(sentences[i]) for i in order])  # longest first: running ones are a prefix
        flat = self.state_scores([sentences[i] for i in order])
        scores = np.zeros((len(order), lengths[0], len(self.labels)))
        sentence = np.repeat(np.arange(len(order)), lengths)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        scores[sentence, np.arange(len(flat)) - starts[sentence]] = flat
        paths = self._viterbi(scores, lengths)
        named = [row for row in range(len(order)) if (paths[row, :lengths[row]] != self._other).any()]
        marginals = self._marginals(scores[named], lengths[named]) if named else None
        where = {row: k for k, row in enumerate(named)}
        for row, i in enumerate(order):
            path = paths[row, :lengths[row]]
            if row in where:
                chosen = marginals[where[row], np.arange(len(path)), path]
                probs = np.where(path == self._other, 1.0, chosen).tolist()
            else:
                probs = [1.0] * len(path)
            out[i] = (self._label_names[path].tolist(), probs)
        return out

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best label ids per token of sentences sorted longest first (as CRFsuite: the lower id wins a tie)."""
        count, longest, _ = scores.shape
        running = np.searchsorted(-lengths, -np.arange(longest + 1), side="left")  # sentences longer than t
        best = scores[:, 0].copy()
        back = np.zeros((longest, count, len(self.labels)), dtype=np.intp)
        for t in range(1, longest):
            k = running[t]
            candidates = best[:k, :, None] + self._trans  # [sentence, from, to]
            back[t, :k] = candidates.argmax(1)
            best[:k] = candidates.max(1) + scores[:k, t]
        paths = np.zeros((count, longest), dtype=np.intp)
        current = best.argmax(1)
        for t in range(longest - 1, -1, -1):
            k = running[t + 1]  # these go on past t: follow their back pointers
            if k:
                current[:k] = back[t + 1, np.arange(k), current[:k]]
            paths[:, t] = current
        return paths

    def _marginals(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """p(label | sentence) per token of sentences sorted longest first (forward-backward, rescaled per step)."""
        count, longest, _ = scores.shape
        running = np.searchsorted(-lengths, -np.arange(longest + 1), side="left")
        emit = np.exp(scores)
        alpha = emit.copy()
        alpha[:, 0] /= alpha[:, 0].sum(1, keepdims=True)
        for t in range(1, longest):
            k = running[t]
            a = (alpha[:k, t - 1] @ self._exp_trans) * emit[:k, t]
            alpha[:k, t] = a / a.sum(1, keepdims=True)
        beta = np.ones_like(emit)
        for t in range(longest - 2, -1, -1):
            k = running[t + 1]
            b = (emit[:k, t + 1] * beta[:k, t + 1]) @ self._exp_trans_t
            beta[:k, t] = b / b.sum(1, keepdims=True)
        joint = alpha * beta
        return joint / joint.sum(2, keepdims=True)
