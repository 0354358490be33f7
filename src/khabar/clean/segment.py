"""Cut raw text into lines with their offsets, the unit every cleaning rule judges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from khabar.arabic import normalize

_LINE = re.compile(r"[^\n\r\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")  # control characters break lines
HEAD_CHARS = 120  # line starts the prefix rules read: long lines are not normalized whole


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw text: original text, offsets, word count.

    ``head`` is the ``match`` key of the line's start (eager, cheap); ``norm`` the
    key of the whole line, computed only when a rule needs it (speed on big batches).
    """

    index: int
    text: str
    start: int
    end: int
    words: int
    head: str

    @cached_property
    def norm(self) -> str:
        if len(self.text) <= HEAD_CHARS:
            return self.head
        return normalize(self.text, "match").lower()


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw``, stripped, with offsets into ``raw``."""
    lines: list[Line] = []
    for m in _LINE.finditer(raw):
        text = m.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = m.start() + (len(text) - len(text.lstrip()))
        lines.append(_line(len(lines), stripped, start))
    return lines


def _line(index: int, text: str, start: int) -> Line:
    return Line(index, text, start, start + len(text), len(text.split()), normalize(text[:HEAD_CHARS], "match").lower())


def split_line(line: Line, at: int) -> tuple[Line, Line]:
    """``line`` cut in two at character ``at`` (both parts stripped, offsets kept)."""
    left = line.text[:at].rstrip()
    right = line.text[at:]
    pad = len(right) - len(right.lstrip())
    return _line(line.index, left, line.start), _line(line.index, right.strip(), line.start + at + pad)


def renumber(line: Line, index: int) -> Line:
    """``line`` with a new index (after lines were cut)."""
    return _line(index, line.text, line.start)


def gap_is_paragraph(raw: str, before: Line, after: Line) -> bool:
    """Whether a blank line separates two lines in the raw text (a paragraph break)."""
    gap = raw[before.end:after.start]
    return gap.count("\n") > 1 or ("\n" not in gap and gap.count("\r") > 1)
