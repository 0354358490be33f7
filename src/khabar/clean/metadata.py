"""Metadata lines of a crawled article: publication date, byline and credited source.

The month table is our own: Arabic news uses three month-name systems (Egyptian
"أبريل", Levantine "نيسان", and transliterated English) plus English, and dateparser
is too slow to run on every line of a large batch.
"""

from __future__ import annotations

import re

from khabar.arabic import normalize

_MONTHS = {
    1: "يناير كانون الثاني january jan", 2: "فبراير شباط february feb", 3: "مارس آذار اذار march mar",
    4: "أبريل ابريل إبريل نيسان april apr", 5: "مايو أيار ايار may", 6: "يونيو يونيه حزيران june jun",
    7: "يوليو يوليه تموز july jul", 8: "أغسطس اغسطس آب اب august aug",
    9: "سبتمبر أيلول ايلول september sep sept", 10: "أكتوبر اكتوبر تشرين الأول october oct",
    11: "نوفمبر تشرين الثاني november nov", 12: "ديسمبر كانون الأول december dec",
}
_TWO_WORD = {"كانون الثاني": 1, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12}
MONTHS: dict[str, int] = {}
for _n, _names in _MONTHS.items():
    for _w in _names.split():
        if _w not in {"كانون", "تشرين", "الثاني", "الأول"}:
            MONTHS[normalize(_w).lower()] = _n
MONTHS.update({normalize(k): v for k, v in _TWO_WORD.items()})

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH_ALT})\s*[,،]?\s*(\d{{4}})(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}})\s*[,،]?\s*(\d{{4}})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_NUM = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")

_BYLINE = re.compile(r"(?:^|\|)\s*(?:(?:by|بقلم)(?=\s|[:：\-–—])\s*[:：\-–—]?|(?:كتب|كتبت|كتبه|إعداد|اعداد|تحرير|المحرر)\s*[:：\-–—])"
                     r"\s*(.+)$", re.IGNORECASE)
_CREDIT = re.compile(r"^\W*(?:المصدر|مصدر الخبر|المصدر الأصلي|source)\s*(?:[:：]|\s[-–—|])\s*#?\s*(.+?)\s*$",
                     re.IGNORECASE)


def _iso(year: int, month: int, day: int) -> str:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def find_date(text: str) -> str:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD`` ("أبريل 10, 2025" -> 2025-04-10), or ""."""
    key = normalize(text, "match").lower()
    for m in _MONTH_DAY_YEAR.finditer(key):
        if value := _iso(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))):
            return value
    for m in _DAY_MONTH_YEAR.finditer(key):
        if value := _iso(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))):
            return value
    for m in _ISO.finditer(key):
        if value := _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            return value
    for m in _DMY_NUM.finditer(key):
        if value := _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            return value
    return ""


def find_byline(text: str) -> str:
    """The author named by "by X", "بقلم X", "كتب: X" in a short line, or ""."""
    m = _BYLINE.search(text)
    if not m:
        return ""
    author = m.group(1).split("|")[0].strip(" :-–—")
    return author if 0 < len(author.split()) <= 6 else ""


def find_credit(text: str) -> str:
    """The credited original source of "المصدر: الأسبوع" / "📡 المصدر : #الشرق", or ""."""
    m = _CREDIT.match(text.strip())
    if not m:
        return ""
    credit = m.group(1).strip(" #.")
    return credit if 0 < len(credit.split()) <= 6 else ""
