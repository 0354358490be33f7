"""Cut raw text into lines with their offsets, the unit every cleaning rule judges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import normalize

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw text: original text, offsets, ``match`` key, word count."""

    index: int
    text: str
    start: int
    end: int
    norm: str
    words: int


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw``, stripped, with offsets into ``raw``."""
    lines: list[Line] = []
    for m in _LINE.finditer(raw):
        text = m.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = m.start() + (len(text) - len(text.lstrip()))
        norm = normalize(stripped, "match").lower()
        lines.append(Line(len(lines), stripped, start, start + len(stripped), norm, len(norm.split())))
    return lines


def gap_is_paragraph(raw: str, before: Line, after: Line) -> bool:
    """Whether a blank line separates two lines in the raw text (a paragraph break)."""
    gap = raw[before.end:after.start]
    return gap.count("\n") > 1 or ("\n" not in gap and gap.count("\r") > 1)
