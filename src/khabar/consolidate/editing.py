"""Light, safe editing of extracted sentences, and the cues that make a sentence unfit.

Only deletions at the start of a sentence: connectives that dangle once the
sentence leaves its article ("من جانبها،", "كما", the "و" of "وكان"). No word is
ever added. The cue tests below are written by hand because they are about Arabic
news phrasing (pluperfect "كان ... قد" for background, reporting verbs without a
named speaker); cues are matched on ``match``-normalized text.
"""

from __future__ import annotations

import re

_DANGLING = re.compile(
    r"^\s*(?:"
    r"(?:و|ف)?(?:من\s+(?:جانب|جهت|ناحيت)(?:ها|ه|هم|هما)|بدور(?:ها|ه|هم)|في\s+المقابل|"
    r"من\s+جهة\s+أخرى|من\s+ناحية\s+أخرى|في\s+السياق\s+(?:ذاته|نفسه)|في\s+غضون\s+ذلك|"
    r"إلى\s+ذلك|الى\s+ذلك|علاوة\s+على\s+ذلك|فضلا\s+عن\s+ذلك|فضلاً\s+عن\s+ذلك|وعليه|لذلك|أيضاً|أيضا)\s*[،,:]\s*"
    r"|(?:و)?(?:لكن|ولكن)\s+"
    r"|كما\s+(?:أن|ان)\s+"
    r"|كما\s+"
    r"|(?:حيث|فقد|وبالتالي|بالتالي)\s+"
    r")"
)
_WAW_VERB = re.compile(r"^\s*و(?=(?:كان|كانت|قد|من المقرر)\b)")

_REPORTING_NO_SPEAKER = re.compile(r"^(?:و|ف)?(?:اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اردف|اردفت|ختم|ختمت)\b")
_DEMONSTRATIVE_START = re.compile(r"^(?:و|ف)?(?:هذا|هذه|ذلك|تلك|هو|هي|هم)\b")
_PLUPERFECT = re.compile(r"^(?:و|ف)?كان(?:ت|وا|ا)?\s+(?:\S+\s+){0,4}قد\s")
_EARLIER = re.compile(
    r"في وقت سابق|سبق (?:وان|ان)|العام الماضي|الشهر الماضي|الاسبوع الماضي|"
    r"(?:يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|"
    r"كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين)(?: الثاني| الاول)? الماضي"
)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_CLUTTER = re.compile(r"#|https?://|www\.|@|\|")
_FINAL = (".", "!", "?", "؟", "…", '"', "»", "”", ")")
_HEADING_WORDS = 10
_BULLET = re.compile(r"^\s*[•\-–*●▪◦·]")

_WHO = re.compile(r"(?:^|\s)(?:و)?(?:يتراس|تتراس|تراس|يراس|برئاس[هة])")
_SAID = re.compile(
    r"(?:^|\s)(?:و|ف)?(?:قال|قالت|اكد|اكدت|صرح|صرحت|اعلن|اعلنت|افاد|افادت|اشار|اشارت|ذكر|ذكرت|اضاف|اضافت|"
    r"اوضح|اوضحت|شدد|شددت|لاحظ|لاحظت)\b"
)
_NEXT = re.compile(r"من المقرر|المقبل|القادم|في ختام")


def trim(text: str) -> str:
    """``text`` without a dangling sentence-initial connective (a deletion, never an addition)."""
    out = _DANGLING.sub("", text, count=1)
    out = _WAW_VERB.sub("", out, count=1)
    return out if len(out.split()) >= 3 else text


def is_background(key: str, year: str = "") -> bool:
    """True when the sentence reports an earlier happening (pluperfect, "في وقت سابق", "فبراير الماضي").

    ``key`` is the sentence as ``normalize(text)`` gives it; ``year`` (the article's
    year, when known) also marks sentences dated to another year.
    """
    if _PLUPERFECT.search(key) or (("الماضي" in key or "سبق" in key or "سابق" in key) and _EARLIER.search(key)):
        return True
    return bool(year) and ("19" in key or "20" in key) and any(y != year for y in _YEAR.findall(key))


def is_continuation(key: str) -> bool:
    """True when the sentence (``normalize``d) goes on with the previous one's speaker ("وأضافت")."""
    return bool(_REPORTING_NO_SPEAKER.search(key))


def is_unfit(text: str, words: int) -> bool:
    """True for fragments a summary must not show or cite: headings, short lines, site clutter.

    ``words`` is the number of words of ``text``.
    """
    return (words < 6 or bool(_CLUTTER.search(text)) or text.rstrip().endswith(":")
            or is_heading(text, words))


def is_heading(text: str, words: int) -> bool:
    """A short line without final punctuation: a sub-heading or a title, not a statement."""
    return words <= _HEADING_WORDS and not text.rstrip().endswith(_FINAL)


def penalty(text: str, key: str, words: int) -> float:
    """A factor in (0, 1]: lower for sentences that need their neighbours to be understood.

    ``key`` is ``normalize(text)``, ``words`` its number of words.
    """
    factor = 1.0
    if _REPORTING_NO_SPEAKER.search(key) or _DEMONSTRATIVE_START.search(key):
        factor *= 0.5
    if _BULLET.search(text):
        factor *= 0.6
    if "؟" in text or "?" in text:
        factor *= 0.6
    if words > 70:
        factor *= 0.8
    return factor


def logic_rank(key: str) -> int:
    """Place in the telling of a ``normalize``d sentence: what happened (0), who (1), said (2), next (3)."""
    if _WHO.search(key):
        return 1
    if _NEXT.search(key[:60]) and not _SAID.search(key[:25]):
        return 3
    if _SAID.search(key[:40]):
        return 2
    return 0
