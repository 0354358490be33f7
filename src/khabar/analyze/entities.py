"""Named-entity mentions of an article body: spans, coarse type and the name key for merging."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.analyze.ner.conll import spans
from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.segment import segment
from khabar.analyze.ner.tagger import tag_document_scored
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import name_key, split_sentences
from khabar.model import Mention, Sentence


def _known(word: str) -> int:
    """How well-known a word is to the segmenter: training count, plus a bonus for name-list words."""
    return load_vocabulary().count(word) + (5 if word in load().person_words else 0)


def find_mentions(text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
    """Person, place, organization and other names in ``text``, with offsets into ``text``.

    ``sentences`` give the sentence index of each mention; when empty, the text is split
    here. Clitics glued to a name (ودونالد، لدونالد) stay outside the mention span.
    ``score`` is the lowest CRF marginal over the mention's tokens (0.6 where a rule set the label).
    """
    if not sentences:
        sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_sentences(text))]
    pieces = [[(a + s.start, b + s.start, w) for a, b, w in segment(text[s.start:s.end], _known)]
              for s in sentences]
    tagged = tag_document_scored([[w for _, _, w in p] for p in pieces])
    mentions = []
    for sentence, sentence_pieces, (tags, confidence) in zip(sentences, pieces, tagged, strict=True):
        for a, b, kind in spans(tags):
            start, end = sentence_pieces[a][0], sentence_pieces[b - 1][1]
            surface = text[start:end]
            score = round(min(confidence[a:b]), 3)
            mentions.append(Mention(start, end, surface, kind, name_key(surface), sentence.index, score))
    return tuple(mentions)
