"""Named-entity mentions of an article body: spans, coarse type and the name key for merging."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.analyze.ner.conll import spans
from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.rules import well_attested_name
from khabar.analyze.ner.segment import PROCLITICS, segment
from khabar.analyze.ner.tagger import tag_documents_scored
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import name_key, split_sentences
from khabar.model import Mention, Sentence

_DASHES = frozenset("-–—ـ")


def _known(word: str) -> int:
    """How well-known a word is to the segmenter: training count, plus a bonus for a word of the
    person-name list and for a one-word place or organization of the lists (ببريدة = ب + بريدة)."""
    gazetteer = load()
    return load_vocabulary().count(word) + (5 if word in gazetteer.person_words else 0) + (
        5 if gazetteer.is_single_place(word) else 0)


def _keep_whole(word: str, rest: str) -> bool:
    """Keep a well-attested name or a listed place whole (كيري، فيصل، بالتيمور), not clitic + rest.

    Well attested: five or more Wikidata name tokens, since the name list also holds stray
    words (بقطر، وسوف); such a name stays split when the rest is a listed place or a name at
    least as well attested (بقطر = ب + قطر، لحسن = ل + حسن). A place stays whole only when
    its rest is a word the segmenter does not know at all (بالتيمور, not وجدة = و + جدة).
    """
    gazetteer = load()
    if gazetteer.is_single_place(word):
        return _known(rest) == 0
    weight = gazetteer.weight.get(word, 0)
    return weight >= 5 and gazetteer.weight.get(rest, 0) < weight and not gazetteer.is_single_place(rest)


def find_mentions(text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
    """Person, place, organization and other names in ``text``, with offsets into ``text``.

    ``sentences`` give the sentence index of each mention; when empty, the text is split
    here. Clitics glued to a name (ودونالد، لدونالد) stay outside the mention span.
    ``score`` is the lowest CRF marginal over the mention's tokens (0.6 where a rule set the label).
    """
    return find_mentions_many([(text, sentences)])[0]


def find_mentions_many(documents: Sequence[tuple[str, Sequence[Sentence]]]) -> list[tuple[Mention, ...]]:
    """:func:`find_mentions` of several (text, sentences) documents, tagged in one pass (same results)."""
    documents = [(text, sentences or [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_sentences(text))])
                 for text, sentences in documents]
    pieces = [[segment(text, _known, s.start, s.end, _keep_whole) for s in sentences]
              for text, sentences in documents]
    tagged = tag_documents_scored([[[w for _, _, w in p] for p in doc] for doc in pieces])
    return [_mentions(text, sentences, doc_pieces, doc_tags)
            for (text, sentences), doc_pieces, doc_tags in zip(documents, pieces, tagged, strict=True)]


def _mentions(text: str, sentences: Sequence[Sentence], pieces: list[list[tuple[int, int, str]]],
              tagged: list[tuple[list[str], list[float]]]) -> tuple[Mention, ...]:
    mentions = []
    for sentence, sentence_pieces, (tags, confidence) in zip(sentences, pieces, tagged, strict=True):
        for a, b, kind in (run for span in spans(tags) for run in _dash_runs(sentence_pieces, *span)):
            while b > a and _proclitic(sentence_pieces, b - 1):
                b -= 1
            if b == a:
                continue
            start, end = sentence_pieces[a][0], sentence_pieces[b - 1][1]
            surface = text[start:end]
            score = round(min(confidence[a:b]), 3)
            mentions.append(Mention(start, end, surface, kind, name_key(surface), sentence.index, score))
    return tuple(mentions)


def _dash_runs(pieces: list[tuple[int, int, str]], a: int, b: int, kind: str) -> list[tuple[int, int, str]]:
    """A person's span cut at its dashes (كيري - لافروف, محمد شريف -باكستاني, فيصل -رحمه الله);
    other spans are kept as tagged (إف- 16).

    A dash inside a word (جان-كيفن), or glued on one side only and followed by a well-attested
    name (جان -كيفن, فرانك- فالتر), is part of the name. The part before the first cut is the
    name; a later part stays a name of its own only when it starts with a well-attested name
    (:func:`well_attested_name`: لافروف), not with a nationality or a formula (سعودي الجنسية, رحمه الله)."""
    if kind != "PER":
        return [(a, b, kind)]
    vocabulary = load_vocabulary()
    runs, start = [], a
    for i in range(a, b + 1):
        if i < b and not _cuts(pieces, i):
            continue
        if i > start and (start == a or well_attested_name(pieces[start][2], vocabulary)):
            runs.append((start, i, kind))
        start = i + 1
    return runs


def _cuts(pieces: list[tuple[int, int, str]], i: int) -> bool:
    """Whether piece ``i`` is a dash that ends a name (see :func:`_dash_runs`)."""
    if not _DASHES.issuperset(pieces[i][2]):
        return False
    if i + 1 == len(pieces):
        return True
    space_before = i == 0 or pieces[i - 1][1] < pieces[i][0]
    space_after = pieces[i][1] < pieces[i + 1][0]
    if space_before and space_after:
        return True
    return (space_before or space_after) and not well_attested_name(pieces[i + 1][2], load_vocabulary())


def _proclitic(pieces: list[tuple[int, int, str]], i: int) -> bool:
    """Whether piece ``i`` is a one-letter proclitic cut off the next word (the ك of كان after
    "إيواتا"): a name does not end there, whatever the tagger says."""
    return pieces[i][2] in PROCLITICS and i + 1 < len(pieces) and pieces[i][1] == pieces[i + 1][0]
