"""Shared pieces of the fact rules: patterns written in plain Arabic, searched in the
``match``-normalized sentence, with spans mapped back to the original text.

Rules and not a trained extractor, because no Arabic corpus labels these slots
(venue, delegation head, duration, agenda); each rule is a few words of news Arabic.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from khabar.arabic import STOPWORDS, normalize, normalize_map, stem, token_norms
from khabar.model import Mention, Sentence


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic, folded like the text it searches."""
    return re.compile(normalize_map(pattern, "match")[0])


@dataclass(frozen=True)
class Gated:
    """A rule's pattern behind a test for words every match contains (at least one of them).

    The rules start with a word boundary and alternatives of words, so the regex engine tries
    them at every position of a sentence; most sentences contain none of the words, and
    substring tests tell that several times faster. Same matches as the bare pattern, as long
    as ``words`` holds a part of every alternative (tests/test_fact_rule_gates.py checks)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def possible(self, text: str) -> bool:
        """Does ``text`` contain one of the words (so that the pattern may match)?"""
        for word in self.words:
            if word in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.possible(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.possible(text) else iter(())


def gated_rx(words: str, pattern: str) -> Gated:
    """:func:`rx` of ``pattern``, gated by ``words`` ("|"-separated, written and folded as the pattern)."""
    folded = tuple(normalize_map(words, "match")[0].split("|"))
    if not all(folded):
        raise ValueError(f"an empty gate word would let every sentence through: {words!r}")
    return Gated(rx(pattern), folded)


@dataclass(frozen=True)
class Clause:
    """One sentence prepared for the rules: its ``match`` key, offsets back, and its mentions."""

    sentence: Sentence
    norm: str
    origin: tuple[int, ...]
    mentions: tuple[Mention, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text offsets of the normalized span [start, end)."""
        end = max(end, start + 1)
        return self.sentence.start + self.origin[start], self.sentence.start + self.origin[end - 1] + 1

    def nstart(self, offset: int) -> int:
        """Normalized index of the first character at or after the original ``offset`` (so
        ``nstart(end)`` is the normalized end of an original span, whatever marks it ends on)."""
        return bisect_left(self.origin, offset - self.sentence.start)


def prepare(sentence: Sentence, mentions: list[Mention]) -> Clause:
    norm, origin = normalize_map(sentence.text, "match")
    return Clause(sentence, norm, tuple(origin), tuple(mentions))


def trim(clause: Clause, start: int, end: int) -> tuple[int, int]:
    """Shrink a normalized span past spaces and punctuation at both ends."""
    while start < end and not clause.norm[start].isalnum():
        start += 1
    while end > start and not clause.norm[end - 1].isalnum():
        end -= 1
    return start, end


def content_key(text: str) -> str:
    """Sorted light stems of the content words: the agreement key of a free-text value."""
    stems = {stem(norm) for norm in token_norms(text) if norm[:1].isalnum() and norm not in STOPWORDS}
    return " ".join(sorted(s for s in stems if len(s) > 1))


def text_key(text: str) -> str:
    return normalize(text, "key")


# Country cues: adjectives, capitals and names that tell whose delegation or building it is.
COUNTRY_CUES: tuple[tuple[str, str], ...] = (
    ("روسيا", r"الروسي(?:ة|ين)?|روسي(?:ة|ين|ان)?|روس|موسكو|روسيا|الكرملين"),
    ("الولايات المتحدة", r"ال?ا(?:مي?ركي|مريكي)(?:ة|ين|ان|ون)?|واشنطن|الولايات المتحدة|اميركا|امريكا"),
    ("اوكرانيا", r"الاوكراني(?:ة)?|اوكراني(?:ة)?|كييف|اوكرانيا"),
    ("الصين", r"الصيني(?:ة)?|صيني(?:ة)?|بكين|الصين"),
    ("تركيا", r"التركي(?:ة)?|تركي(?:ة)?|انقرة|تركيا"),
    ("السعودية", r"السعودي(?:ة)?|الرياض|السعودية"),
    ("ايران", r"الايراني(?:ة)?|ايراني(?:ة)?|طهران|ايران"),
    ("فرنسا", r"الفرنسي(?:ة)?|فرنسي(?:ة)?|باريس|فرنسا"),
    ("بريطانيا", r"البريطاني(?:ة)?|بريطاني(?:ة)?|لندن|بريطانيا"),
)
_CUES = [(country, rx(rf"(?<!\w)[وبل]?(?:{alts})(?!\w)")) for country, alts in COUNTRY_CUES]


_COUNTRY_NAMES = frozenset(normalize(n, "match") for n in (
    *(country for country, _ in COUNTRY_CUES), "أمريكا", "أميركا", "مصر", "سوريا", "العراق", "لبنان", "الأردن",
    "اليمن", "ليبيا", "تونس", "الجزائر", "المغرب", "السودان", "قطر", "الكويت", "الإمارات", "البحرين", "عمان",
    "فلسطين", "إسرائيل", "ألمانيا", "إيطاليا", "إسبانيا", "اليابان", "الهند", "باكستان", "أفغانستان",
))


def is_country(norm: str) -> bool:
    """Is this (``match``-normalized) place name a country rather than a city?"""
    return norm.strip() in _COUNTRY_NAMES


def countries_in(norm: str) -> list[tuple[int, int, str]]:
    """Country cues in a normalized string, in order: (start, end, country key)."""
    found = [(m.start(), m.end(), country) for country, pattern in _CUES for m in pattern.finditer(norm)]
    return sorted(found)


SPEECH_VERBS = (
    r"قال|قالت|اكد|اكدت|صرح|صرحت|افاد|افادت|اضاف|اضافت|اشار|اشارت|اعلن|اعلنت|ذكر|ذكرت|اوضح|اوضحت|"
    r"شدد|شددت|لاحظ|لاحظت|اعتبر|اعتبرت|نقل|نقلت|كشف|كشفت|اكدا|اعلنا|قالا"
)
SPEECH_VERB_STEMS = "قال|اكد|صرح|افاد|اضاف|اشار|اعلن|ذكر|اوضح|شدد|لاحظ|اعتبر|نقل|كشف"  # one in every speech verb
