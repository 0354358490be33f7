"""Tokens and sentences with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic.normalize import normalize

_TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]*[^\W\d_]*)*|[^\s]", re.UNICODE)
_SENT_END = re.compile(r"[.!?؟…]+[\"'»”)]*(?=\s|$)|\n\s*\n|\n")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation marks, each with its span and ``match`` key."""
    return [Token(m.start(), m.end(), m.group(), normalize(m.group())) for m in _TOKEN.finditer(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
