"""Tokens and sentences with character offsets into the original text.

Offsets always point into the text given (never into a normalized copy), so that
citations can quote the original. Both functions are single compiled-regex scans:
every stage calls them.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, repeat
from typing import NamedTuple

from khabar.arabic.normalize import fold

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c\u200d"
_TOKEN_TEXT = (
    r"https?://[^\s«»\"“”<>]+"  # URLs stay whole
    r"|\d+(?:[.,٫٬]\d+)*"  # numbers with separators: 12,500  3.5  ٣٫٥
    rf"|[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*"  # words, diacritics and tatweel inside
    r"|\.{2,}|…|[^\s]"  # ellipses, then any other single mark
)
_TOKEN = re.compile(rf"(\s*)({_TOKEN_TEXT})")  # group 1 is the white space before the token:
# findall gives every offset without match objects
_TOKEN_ONLY = re.compile(_TOKEN_TEXT)  # the same tokens (none starts with white space), no offsets
# A sentence ends at . ! ? ؟ (closing quotes and brackets go with it) before white space or
# an Arabic letter (crawled text often drops the space: "انتهى.وقال"), and at every line break: headlines and list items have no final punctuation.
_SENT_END = re.compile(r"[.!?؟]+[\"'»”’)\]]*(?=\s|$|[\u0621-\u064a])|\n")
# A period after one of these is not an end: د. (doctor), م. (engineer), أ.د., single
# Latin initials, list numbers at the start of a line.
_ABBREV = re.compile(r"(?:^|[\s(«\"“])(?:[\u0621-\u064a]|[A-Z]|Dr|Mr|Mrs|Ms|St|No|Prof|أ\.د|ص\.ب)\.$|^\s*\d{1,2}\.$")
_YEAR_ERA = re.compile(r"\d{3,4}\s*[مه]ـ?\.$")  # "عام 2015 م." does end a sentence


class Token(NamedTuple):
    """A token: its span in the original text, the text itself and its ``match`` key.

    A named tuple rather than a dataclass: tokenize builds millions of them, and a
    tuple is built in C five times faster than a frozen dataclass.
    """

    start: int
    end: int
    text: str
    norm: str


def tokenize(text: str) -> list[Token]:
    """Words, numbers, URLs and punctuation marks, each with its span and ``match`` key.

    One regex pass, one translate for all tokens, offsets by summing lengths: no
    per-token Python code (this is the hottest path of the engine).
    """
    offsets, words = _scan(text)
    if not words:
        return []
    return list(map(tuple.__new__, repeat(Token), zip(offsets[1::2], offsets[2::2], words, _norms(words), strict=True)))


def token_starts(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[str]]:
    """The start offsets (into ``text``) and the texts of :func:`tokenize`'s tokens of
    ``text[start:end]``, without their keys (the name segmenter normalizes each token its own
    way, and caches it per token; it reads a body sentence by sentence, without slicing it)."""
    offsets, words = _scan(text, start, end)
    return offsets[1::2], words


def _scan(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[str]]:
    """(``start``, then the start and end of every token of ``text[start:end]``, offsets into
    ``text``; the tokens' texts): one regex pass, offsets by summing lengths."""
    pieces = list(chain.from_iterable(_TOKEN.findall(text, start, len(text) if end is None else end)))
    return list(accumulate(map(len, pieces), initial=start)), pieces[1::2]  # pieces: gap, token, gap ...


def token_norms(text: str) -> list[str]:
    """The ``match`` keys of :func:`tokenize`'s tokens, without their spans (the grouping terms
    need only these: no offsets summed, no Token built, for every word of every body)."""
    words = _TOKEN_ONLY.findall(text)
    return _norms(words) if words else []


def _norms(words: list[str]) -> list[str]:
    """The ``match`` key of every token: one translate for all of them."""
    return fold("\n".join(words), "match").split("\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of surrounding white space.

    Ends at final punctuation (with its closing quotes) and at line breaks; not after
    abbreviations (د. م.), and not at a mid-line ellipsis ("إسطنبول... واشنطن").
    """
    spans: list[tuple[int, int]] = []
    if not text:
        return spans
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group()[0] == "." and _not_an_end(text, start, m):
            continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _not_an_end(text: str, start: int, m: re.Match[str]) -> bool:
    dots = m.group().rstrip("\"'»”’)]")
    if len(dots) >= 2:  # ".." and "..." inside a line join clauses of headlines
        return True
    before = text[max(start, m.start() - 12):m.start() + 1]
    return _ABBREV.search(before) is not None and _YEAR_ERA.search(before) is None


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
