"""What a single line looks like: chrome, marker, hashtags, separator, headline or prose.

Each predicate reads one :class:`~khabar.clean.segment.Line` and nothing else, so
the rules in :mod:`khabar.clean.text` can combine them with position and topic.
"""

from __future__ import annotations

import re

from khabar.arabic import normalize
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
_CHROME_ALT = r"طباعة|تبليغ|[اأ]رسل|حذف|شارك|تعليق|واتساب|فيسبوك|فيس بوك|تويتر"
_STRONG_CHROME_RAW = re.compile(_CHROME_ALT)
_CHROME_PAIR = re.compile(rf"(?<!\w)(?:{_CHROME_ALT})\s+(?:{_CHROME_ALT})(?!\w)")
_HARAKAT = re.compile(r"[\u064b-\u0652]")
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff "
_LAST_LETTER = re.compile(r"([^\W\d_])[^\w]*$")
_PUNCTUATION = re.compile(r"[.،,؛!?؟]")
_TOKEN = re.compile(r"\S+")
_PHOTO_CREDIT = re.compile(r"\s*(?:تصوير|عدسة|صورة|photo|image)\b", re.IGNORECASE)
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
    """Two button labels side by side ("طباعة شارك"): a widget row, even glued to other text."""
    return bool(_CHROME_PAIR.search(line.text))


def has_punctuation(line: Line) -> bool:
    """The line holds sentence or clause punctuation: running text, not a row of links or labels."""
    return bool(_PUNCTUATION.search(line.text))


def widget_prefix(line: Line) -> int:
    """Length of a row of widget labels glued before the line's text ("شارك ... اكتب رأيك يقوم..."), or 0."""
    end = chrome = 0
    for m in _TOKEN.finditer(line.text):
        word = normalize(m.group(), "match").lower()
        if word in CHROME_WORDS:
            chrome += 1
            end = m.end()
        elif word not in CHROME_FILLERS:
            break
    rest = line.text[end:].split()
    return end if chrome >= 2 and len(rest) >= 3 else 0


def tag_prefix(line: Line) -> str:
    """The tag-list label the line starts with ("كلمات دلالية: ..."), or "".

    Without a colon the line must not read as a sentence ("مواضيع كثيرة قدمها ...،").
    """
    for p in TAG_PREFIXES:
        if line.head.startswith(p) and (len(line.head) == len(p) or not line.head[len(p)].isalpha()):
            if line.head[len(p):].lstrip().startswith((":", "：")) or not has_punctuation(line):
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


def is_title_like(line: Line) -> bool:
    """A headline, or a short question or exclamation ("متى نحتضن تعليمنا؟"): column titles end so."""
    return is_headline(line) or (
        line.words <= 12 and line.text.rstrip(_INVISIBLE).endswith(("?", "؟", "!", "..", "!!", "؟!")))


def is_prose(line: Line) -> bool:
    """A paragraph of running text: long, or a sentence of some length."""
    return line.words >= 16 or (line.words >= 6 and ends_sentence(line))


def caption_credit(line: Line) -> str:
    """The photo credit ending a short caption line ("(رويترز)"), or "".

    A line that opens with a connective ("وتدور ...") is a body paragraph credited
    to an agency, not a caption.
    """
    if line.words > 20 or continues(line):
        return ""
    m = _CAPTION_TAIL.search(line.norm)
    if m and (m.group(1).strip().lower() in CAPTION_CREDITS or _PHOTO_CREDIT.match(m.group(1))):
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


def rhymes(lines: list[Line], share: float = 0.75, common_endings: bool = False) -> bool:
    """``share`` of the lines, or of every other line, end in the same letter: verses (qafiya).

    By default endings frequent in any Arabic text (taa marbuta, haa, alef) do not
    count, as headlines may end alike on them; ``common_endings=True`` with a lower
    share is the lenient test used where a false "verse" only keeps clutter.
    """
    ends = [m.group(1) if (m := _LAST_LETTER.search(ln.norm)) else "" for ln in lines]
    for group in (ends, ends[0::2], ends[1::2]):
        letters = [e for e in group if e and (common_endings or e not in "ةها")]
        if len(group) >= 2 and letters and max(letters.count(e) for e in set(letters)) >= share * len(group):
            return True
    return False


def is_literary(line: Line) -> bool:
    """Voweled (three or more harakat) or ending in a comma: verse or prose, not a headline."""
    return len(_HARAKAT.findall(line.text)) >= 3 or line.text.rstrip(_INVISIBLE + " ").endswith(("،", "؛", ","))
