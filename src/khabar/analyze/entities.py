"""Named-entity mentions of an article body: spans, coarse type and the name key for merging."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from khabar.analyze.ner.conll import spans
from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.segment import Piece, segment, segment_tokens
from khabar.analyze.ner.tagger import tag_documents_scored
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import Token, name_key, split_sentences, tokenize
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
    return find_mentions_many([(text, sentences)])[0]


def find_mentions_many(documents: Sequence[tuple[str, Sequence[Sentence]]],
                       tokens: Sequence[Sequence[Token]] | None = None) -> list[tuple[Mention, ...]]:
    """:func:`find_mentions` of several (text, sentences) documents, tagged in one pass (same results).

    ``tokens``, when given, are each text's :func:`~khabar.arabic.tokenize` (made once per article
    for every stage that needs them): the sentences' tokens are cut from them.
    """
    documents = [(text, sentences or [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_sentences(text))])
                 for text, sentences in documents]
    if tokens is None:
        tokens = [tokenize(text) for text, _ in documents]
    pieces = [_pieces(text, sentences, doc_tokens) for (text, sentences), doc_tokens in zip(documents, tokens, strict=True)]
    tagged = tag_documents_scored([[[w for _, _, w in p] for p in doc] for doc in pieces])
    return [_mentions(text, sentences, doc_pieces, doc_tags)
            for (text, sentences), doc_pieces, doc_tags in zip(documents, pieces, tagged, strict=True)]


def _pieces(text: str, sentences: Sequence[Sentence], tokens: Sequence[Token]) -> list[list[Piece]]:
    """Each sentence's segmented tokens, offsets into ``text``: the text's tokens that fall in the
    sentence, or the sentence tokenized on its own where a token runs across its edge (a URL
    with a full stop in it), so the pieces are always those of the sentence alone."""
    starts = [t.start for t in tokens]
    out = []
    for s in sentences:
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        if (lo and tokens[lo - 1].end > s.start) or (hi > lo and tokens[hi - 1].end > s.end):
            out.append([(a + s.start, b + s.start, w) for a, b, w in segment(text[s.start:s.end], _known)])
        else:
            out.append(segment_tokens(tokens[lo:hi], _known))
    return out


def _mentions(text: str, sentences: Sequence[Sentence], pieces: list[list[tuple[int, int, str]]],
              tagged: list[tuple[list[str], list[float]]]) -> tuple[Mention, ...]:
    mentions = []
    for sentence, sentence_pieces, (tags, confidence) in zip(sentences, pieces, tagged, strict=True):
        for a, b, kind in spans(tags):
            start, end = sentence_pieces[a][0], sentence_pieces[b - 1][1]
            surface = text[start:end]
            score = round(min(confidence[a:b]), 3)
            mentions.append(Mention(start, end, surface, kind, name_key(surface), sentence.index, score))
    return tuple(mentions)
