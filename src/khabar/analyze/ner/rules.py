"""Rules that fill the CRF's gaps for people it never saw in training.

News names people the 2014 training data never met (دارتشييف، ويتكوف). Two rules
add PER spans where the CRF said O, never overriding its entities:

- title trigger: a person title (السفير، الرئيس، المتحدثة ...), optionally followed
  by adjectives of the article (الأمريكي، السابق), then one to four name-like words;
- name run: two to four consecutive name-like words, at least one of them a known
  person-name word of the gazetteer, attested at least twice (فلاديمير بوتين، سوناتا كولتر).

A non-person span holding a full name (واشنطن ألكسندر دارتشييف) is split, and a
person span the CRF cut short (دونالد | ترمب) is extended over name-like words.

The word tests (known_name, name_like ...) depend only on the word and the fixed
vocabulary and gazetteer, so they are cached per word: the rules run on every token.

Then :func:`propagate` labels later lone uses of a family name already found in the
document in a full name (دارتشييف after ألكسندر دارتشييف).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import compress, repeat

from khabar.analyze.ner.conll import spans
from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.vocab import Vocabulary
from khabar.arabic import STOPWORDS

_MAX_NAME = 4
_MAX_MODIFIERS = 3
_NOT_NAME_START = ("ال", "بال", "لل", "وال", "فال", "كال", "ي", "وي", "وت", "سي", "ست", "سن", "لي", "لت")
_NOT_NAME_END = ("ين", "ون", "ات", "ة", "ه", "ها", "هم", "وا", "تم", "نا")


def _is_arabic_word(word: str) -> bool:
    return len(word) >= 2 and all("\u0621" <= c <= "\u064a" for c in word)


@lru_cache(maxsize=100_000)
def _nationality(word: str) -> bool:
    """روس، روسي، أميركي: an adjective or people named after a listed place (روسيا، أميركا)."""
    phrases = load().phrases
    stems = (word, word[:-1]) if word.endswith("ي") else (word,)
    return any(len(s + end) >= 5 and s + end in phrases for s in stems for end in ("ا", "يا"))


@lru_cache(maxsize=100_000)
def known_name(word: str, vocab: Vocabulary) -> bool:
    """A person-name word of the gazetteer that is not also a common word, a place or a nationality."""
    gaz = load()
    return (word in gaz.person_words and not vocab.is_common(word) and word not in STOPWORDS
            and word not in gaz.triggers and _is_arabic_word(word) and not _nationality(word)
            and not gaz.is_single_place(word))


@lru_cache(maxsize=100_000)
def well_attested_name(word: str, vocab: Vocabulary) -> bool:
    """A known name word whose Latin spelling the name lists attest more than once (not an alignment slip)."""
    return known_name(word, vocab) and bool(load().latin.get(word))


@lru_cache(maxsize=100_000)
def name_like(word: str, vocab: Vocabulary) -> bool:
    """A known name word, or a word the training news never used that does not look like a common form.

    Unseen words that start like a verb or carry the article, or end like a plural, a
    feminine noun or an attached pronoun, are left out.
    """
    if known_name(word, vocab):
        return True
    unseen = vocab.count(word) == 0 and word not in load().triggers and word not in STOPWORDS
    return (unseen and _is_arabic_word(word) and len(word) >= 3 and not word.startswith(_NOT_NAME_START)
            and not word.endswith(_NOT_NAME_END) and not _nationality(word))


def _mark(tags: list[str], start: int, end: int, kind: str) -> None:
    tags[start] = "B-" + kind
    for k in range(start + 1, end):
        tags[k] = "I-" + kind


def _name_run(words: Sequence[str], tags: Sequence[str], start: int, vocab: Vocabulary) -> int:
    end = start
    while end < len(words) and end - start < _MAX_NAME and tags[end] == "O" and name_like(words[end], vocab):
        end += 1
    return end


def apply(words: list[str], tags: list[str], vocab: Vocabulary) -> list[str]:
    """Add PER spans by the title-trigger and name-run rules (see the module doc)."""
    gaz = load()
    tags = list(tags)
    titles = _person_titles()
    for i in compress(range(len(words)), map(titles.__contains__, words)):  # most sentences have none
        if tags[i] != "O":
            continue
        j = i + 1
        while (j < len(words) and j - i <= _MAX_MODIFIERS and words[j].startswith("ال")
               and vocab.is_common(words[j]) and tags[j] == "O" and gaz.triggers.get(words[j]) != "PER"):
            j += 1
        end = _name_run(words, tags, j, vocab)
        if end > j:
            _mark(tags, j, end, "PER")
    after = 0  # a run starts only at a name-like O word after the last run (picked in one C-level pass)
    for i in compress(range(len(words)), map(name_like, words, repeat(vocab))):
        if i < after or tags[i] != "O":
            continue
        end = _name_run(words, tags, i, vocab)
        if end - i >= 2 and any(well_attested_name(w, vocab) for w in words[i:end]):
            _mark(tags, i, end, "PER")
        after = max(end, i + 1)
    _split_names_out(words, tags, vocab)
    _extend_names(words, tags, vocab)
    return tags


@cache
def _person_titles() -> frozenset[str]:
    """The gazetteer's person triggers (titles: السفير، الرئيس ...), as a set to test a sentence at once."""
    return frozenset(word for word, kind in load().triggers.items() if kind == "PER")


def _split_names_out(words: Sequence[str], tags: list[str], vocab: Vocabulary) -> None:
    """وزارة الخارجية تامي بروس tagged one ORG: the full name inside becomes its own PER.

    The span keeps its type up to the name; what follows the name is let go (O).
    """
    for start, end, kind in spans(tags):
        if kind != "PER" and end < len(tags) and end - start >= 2 and _give_given_names(words, tags, start, end, vocab):
            continue
        if kind == "PER" or end - start < 3:
            continue
        for k in range(start + 1, end - 1):
            stop = k
            while stop < end and stop - k < _MAX_NAME and name_like(words[stop], vocab):
                stop += 1
            if (known_name(words[k], vocab) and stop - k >= 2
                    and any(well_attested_name(w, vocab) for w in words[k:stop])):
                _mark(tags, k, stop, "PER")
                tags[stop:end] = ["O"] * (end - stop)
                break


def _give_given_names(words: Sequence[str], tags: list[str], start: int, end: int, vocab: Vocabulary) -> bool:
    """Known name words ending a place/org span right before a person's name go to that person.

    "واشنطن ألكسندر | دارتشييف": the person is either already tagged (B-PER) or an
    untagged run of name-like words.
    """
    k = end
    while k > start + 1 and known_name(words[k - 1], vocab):
        k -= 1
    if k == end:
        return False
    if tags[end] == "B-PER":
        _mark(tags, k, end + 1, "PER")  # the person's own I- tags after ``end`` stay as they are
        return True
    stop = _name_run(words, tags, end, vocab)
    if stop > end and any(well_attested_name(w, vocab) for w in words[k:stop]):
        _mark(tags, k, stop, "PER")
        return True
    return False


def _extend_names(words: Sequence[str], tags: list[str], vocab: Vocabulary) -> None:
    """A PER span followed by name-like words the CRF left out (دونالد | ترمب) takes them in."""
    for start, end, kind in spans(tags):
        if kind != "PER":
            continue
        stop = end
        while stop < len(words) and stop - start < _MAX_NAME and tags[stop] == "O" and name_like(words[stop], vocab):
            stop += 1
        while stop > end and not (known_name(words[stop - 1], vocab) or _boundary(words, tags, stop)
                                  and not words[stop - 1].endswith("ا")):
            stop -= 1  # an unseen word joins a name only where the name visibly ends, and not an adverb (موظفا)
        for k in range(end, stop):
            tags[k] = "I-PER"


def _boundary(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """The end of a sentence, a punctuation mark, a function word or another name."""
    return i >= len(words) or not words[i][0].isalpha() or tags[i] != "O" or words[i] in STOPWORDS


def propagate(sentences: Sequence[Sequence[str]], tagged: list[list[str]], vocab: Vocabulary) -> list[list[str]]:
    """Label lone family names (O tokens) already seen ending a multi-word PER span of the document."""
    family = set()
    for words, tags in zip(sentences, tagged, strict=True):
        for start, end, kind in spans(tags):
            if kind == "PER" and end - start >= 2 and name_like(words[end - 1], vocab):
                family.add(words[end - 1])
    if not family:
        return tagged
    out = []
    for words, tags in zip(sentences, tagged, strict=True):
        tags = list(tags)
        for i, word in enumerate(words):
            if tags[i] == "O" and word in family:
                tags[i] = "B-PER"
        out.append(tags)
    return out
