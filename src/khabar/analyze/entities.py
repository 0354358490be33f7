"""First entity finder: names after trigger words (replaced by the trained tagger)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from khabar.arabic import name_key
from khabar.model import Mention, Sentence

_TRIGGER = re.compile(r"(?:الرئيس|السفير|وزير الخارجية|المتحدثة باسم الخارجية|المتحدث باسم الرئاسة)\s+"
                      r"(?:\S+\s+)?(?P<name>\S+\s+\S+)")


def find_mentions(text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
    """Person names that follow a title or role word."""
    out = []
    for s in sentences:
        for m in _TRIGGER.finditer(s.text):
            start = s.start + m.start("name")
            out.append(Mention(start, s.start + m.end("name"), m.group("name"), "PER",
                               name_key(m.group("name")), s.index))
    return tuple(out)
