"""What a single line looks like: chrome, marker, hashtags, separator, headline or prose.

Each predicate reads one :class:`~khabar.clean.segment.Line` and nothing else, so
the rules in :mod:`khabar.clean.text` can combine them with position and topic.
"""

from __future__ import annotations

import re

from khabar.clean.lexicon import (
    CAPTION_CREDITS,
    CAPTION_PREFIXES,
    CHROME_FILLERS,
    CHROME_WORDS,
    CONNECTIVE_PHRASES,
    CONNECTIVES,
    SECTION_MARKERS,
    STRONG_CHROME,
    TAG_PREFIXES,
    WAW_NOUNS,
    WHOLE_LINE_MARKERS,
)
from khabar.clean.segment import Line

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?؟…:؛]['\"»”)\]]*$")
_HAS_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_BULLET = re.compile(r"^[•●▪◦‣∙·\-–—*]")
_CHROME_ALT = r"طباعة|تبليغ|[اأ]رسل|حذف|شارك|تعليق|واتساب|فيسبوك|فيس بوك|تويتر"
_STRONG_CHROME_RAW = re.compile(_CHROME_ALT)
_CHROME_PAIR = re.compile(rf"(?<!\w)(?:{_CHROME_ALT})\s+(?:{_CHROME_ALT})(?!\w)")
_HARAKAT = re.compile(r"[\u064b-\u0652]")
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff "
_LAST_LETTER = re.compile(r"([^\W\d_])[^\w]*$")
_IN_SENTENCE = re.compile(r"[.،,؛](?=\s)")
_CAPTION_TAIL = re.compile(r"\(([^()]{1,40})\)\s*\.?$")


def words(line: Line) -> list[str]:
    """Letter runs of the line's ``match`` key (numbers and marks dropped)."""
    return _WORD.findall(line.norm)


def is_separator(line: Line) -> bool:
    """A line with no letters: emoji rules, dashes, counters, lone symbols."""
    return not _HAS_LETTER.search(line.text)


def is_letter_run(line: Line) -> bool:
    """Lone letters only: font-size buttons ("A A A", "أ أ أ")."""
    tokens = line.text.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


def is_hashtag_run(line: Line) -> bool:
    """Hashtags making up most of the line (three or more, or all of two)."""
    if "#" not in line.text:
        return False
    tokens = line.text.split()
    tags = sum(1 for t in tokens if t.startswith("#"))
    return (tags >= 3 and tags >= 0.6 * len(tokens)) or (tags == 2 and len(tokens) == 2)


def is_chrome(line: Line) -> bool:
    """Every word is a button or widget label ("24 0 تعليق ارسل طباعة", "play icon", "حجم الخط")."""
    if line.words > 16 or not (ws := words(line)) or len(ws) > 12:
        return False
    return any(w in CHROME_WORDS for w in ws) and all(w in CHROME_WORDS or w in CHROME_FILLERS for w in ws)


def chrome_count(line: Line) -> int:
    """How many distinct strong chrome labels (print, report, share...) the line holds."""
    if len(_STRONG_CHROME_RAW.findall(line.text)) < 2:
        return 0
    return len(STRONG_CHROME.intersection(words(line)))


def has_chrome_pair(line: Line) -> bool:
    """Two button labels side by side ("طباعة شارك"): a widget row, even glued to other text.

    Not in a line with running sentences: a widget glued to the article's own
    paragraph is left in the body rather than cutting the paragraph.
    """
    return bool(_CHROME_PAIR.search(line.text)) and not _IN_SENTENCE.search(line.text)


def tag_prefix(line: Line) -> str:
    """The tag-list label the line starts with ("كلمات دلالية"), or ""."""
    for p in TAG_PREFIXES:
        if line.head.startswith(p) and (len(line.head) == len(p) or not line.head[len(p)].isalpha()):
            return p
    return ""


def section_marker(line: Line) -> tuple[str, str]:
    """The "read also" marker opening the line and the text glued after it, or ("", "")."""
    head = line.head.lstrip("•●▪-–—*>» ")
    if line.words <= 3 and (bare := head.strip(" .:：…-–—|»>")) in WHOLE_LINE_MARKERS:
        return bare, ""
    for m in SECTION_MARKERS:
        if head.startswith(m):
            if line.words > 30:
                return "", ""
            norm = line.norm.lstrip("•●▪-–—*>» ")
            rest = norm[len(m):].lstrip(" :：-–—|»>.").strip()
            if not rest or len(rest.split()) <= 25 and not _SENTENCE_END.search(rest.rstrip(".")):
                return m, rest
    return "", ""


def ends_sentence(line: Line) -> bool:
    """The line ends with sentence punctuation (a prose line, not a headline)."""
    return bool(_SENTENCE_END.search(line.text.rstrip(_INVISIBLE)))


def is_headline(line: Line) -> bool:
    """Short and without final punctuation: a title, subheading or link text."""
    return 0 < line.words <= 20 and not ends_sentence(line)


def is_prose(line: Line) -> bool:
    """A paragraph of running text: long, or a sentence of some length."""
    return line.words >= 16 or (line.words >= 6 and ends_sentence(line))


def is_bulleted(line: Line) -> bool:
    """The line is a list item: it opens with a bullet, dash or star."""
    return bool(_BULLET.match(line.text))


def caption_credit(line: Line) -> str:
    """The photo credit ending a short caption line ("(رويترز)"), or "".

    A line that opens with a connective ("وتدور ...") is a body paragraph credited
    to an agency, not a caption.
    """
    if line.words > 20 or continues(line):
        return ""
    m = _CAPTION_TAIL.search(line.norm)
    if m and m.group(1).strip().lower() in CAPTION_CREDITS:
        return m.group(1).strip()
    if any(line.norm.startswith(p) for p in CAPTION_PREFIXES):
        return line.norm.split()[0]
    return ""


def continues(line: Line) -> bool:
    """The line opens with a connective that carries a story on ("وأضاف", "كما", "من جهته")."""
    first = line.head.split(" ", 1)[0] if line.head else ""
    if first in CONNECTIVES or line.head.startswith(CONNECTIVE_PHRASES):
        return True
    return first.startswith("و") and len(first) >= 4 and first not in WAW_NOUNS


def rhymes(lines: list[Line]) -> bool:
    """Most lines, or most of every other line, end in the same letter: verses (qafiya)."""
    ends = [m.group(1) if (m := _LAST_LETTER.search(ln.norm)) else "" for ln in lines]
    for group in (ends, ends[0::2], ends[1::2]):
        letters = [e for e in group if e]
        if len(letters) >= 2 and max(letters.count(e) for e in set(letters)) >= 0.6 * len(group):
            return True
    return False


def is_literary(line: Line) -> bool:
    """Voweled (three or more harakat) or ending in a comma: verse or prose, not a headline."""
    return len(_HARAKAT.findall(line.text)) >= 3 or line.text.rstrip(_INVISIBLE + " ").endswith(("،", "؛", ","))
