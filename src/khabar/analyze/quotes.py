"""Reported speech: "قال X إن ...", "أكدت X أن ...", "صرح X بأن ...", "أضاف: "..."".

Finds the speech verb, the speaker between the verb and the complementizer (a
person or organization mention when there is one, otherwise the words there,
cut before circumstances like "للصحفيين يوم الثلاثاء"), and the reported content,
which runs to the end of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.analyze.patterns import SPEECH_VERB_STEMS, SPEECH_VERBS, Clause, gated_rx, rx, text_key, trim

_ATTRIBUTION = gated_rx(
    SPEECH_VERB_STEMS,
    rf"(?<!\w)(?P<pre>\w+\s+)?[وف]?(?P<verb>{SPEECH_VERBS})(?!\w)(?:\s+به)?"
    r"(?:\s*:?\s*[\"“«]|(?P<who>(?:\s+[^\s:]+){0,16}?)\s*[،,]?\s*(?:(?<!\w)(?:بان|ان|انه|انها|انهم|انهما|اننا|بانه|بانها)(?!\w)|:))"
)
_CIRCUMSTANCE = rx(
    r"\s(?:في وقت|يوم|اليوم|امس|خلال|لصحافيين|لصحفيين|للصحفيين|للصحافيين|لوسائل|في بيان|في تصريح|"
    r"في مؤتمر|عقب|لوكالة|في واشنطن|في موسكو|على|من جانب)(?!\w)"
)
# A connective that opens the next clause ("..., فيما صرحت X بأن") is not part of the content.
_TRAILING_CONNECTIVE = rx(r"(?<!\w)(?:فيما|بينما|في حين|كما|حيث|ثم)\s*$")
_HEARSAY = rx(r"^(?:ما|لما|وفق|وفقا|بحسب|حسب|كما)\s+$")


@dataclass(frozen=True)
class Quote:
    """One reported statement; spans are normalized offsets into the clause."""

    speaker: str  # original text of the speaker ("" when the verb names none, e.g. "وأضاف أن")
    speaker_key: str
    said_start: int  # the speech verb: [said_start, content_start) is the attribution
    content_start: int
    content_end: int


def find_quotes(clause: Clause) -> list[Quote]:
    """Reported statements of one sentence, in order."""
    found = [m for m in _ATTRIBUTION.finditer(clause.norm)
             if not (m.group("pre") and _HEARSAY.match(m.group("pre")))]
    quotes: list[Quote] = []
    for m, after in zip(found, [*found[1:], None][:len(found)], strict=True):
        stop = after.start("verb") if after else len(clause.norm)
        tail = _TRAILING_CONNECTIVE.search(clause.norm, m.end(), stop)
        start, end = trim(clause, m.end(), tail.start() if tail else stop)
        if end - start < 3:
            continue
        speaker, key = _speaker(clause, *m.span("who")) if m.group("who") else ("", "")
        if speaker is None:
            continue
        quotes.append(Quote(speaker, key, m.start("verb"), start, end))
    return quotes


def _speaker(clause: Clause, start: int, end: int) -> tuple[str | None, str]:
    """The person (or else organization, or else a short phrase) between the verb and the content; None if none."""
    cut = _CIRCUMSTANCE.search(clause.norm, start, end)
    if cut:
        end = cut.start()
    start, end = trim(clause, start, end)
    if end <= start:
        return "", ""
    a, b = clause.span(start, end)
    for kind in ("PER", "ORG"):
        found = [m for m in clause.mentions if m.type == kind and a <= m.start < b + 1]
        if found:
            return found[-1].text, found[-1].key
    text = clause.sentence.text[a - clause.sentence.start: b - clause.sentence.start]
    if len(text.split()) > 6 or "،" in text:
        return None, ""  # a long phrase with no name in it is not a speaker: no attribution here
    return re.sub(r"\s+", " ", text), text_key(text)
