"""Month and weekday names of every calendar Arabic news uses, and Hijri conversion.

Month names come in four systems: Egyptian/Gulf (يناير, فبراير ...), Levantine/Iraqi
(كانون الثاني, شباط ...), Maghrebi (جانفي, فيفري ..., and Moroccan يوليوز, غشت ...)
and Hijri (محرم ... ذو الحجة). Keys are ``match``-normalized, as the date finder
searches normalized text.
"""

from __future__ import annotations

import datetime as dt

from khabar.arabic.normalize import normalize

_GREGORIAN_NAMES = {
    1: "يناير كانون_الثاني جانفي",
    2: "فبراير شباط فيفري",
    3: "مارس آذار اذار",
    4: "أبريل إبريل ابريل نيسان أفريل افريل",
    5: "مايو أيار ايار ماي",
    6: "يونيو يونيه حزيران جوان",
    7: "يوليو يوليه تموز جويلية جويليه يوليوز",
    8: "أغسطس اغسطس آب أوت اوت غشت",
    9: "سبتمبر أيلول ايلول شتنبر",
    10: "أكتوبر اكتوبر تشرين_الأول تشرين_الاول",
    11: "نوفمبر تشرين_الثاني نونبر",
    12: "ديسمبر كانون_الأول كانون_الاول دجنبر",
}
_HIJRI_NAMES = {
    1: "محرم المحرم",
    2: "صفر",
    3: "ربيع_الأول ربيع_الاول",
    4: "ربيع_الآخر ربيع_الثاني ربيع_الاخر",
    5: "جمادى_الأولى جمادى_الاولى جمادى_الأول",
    6: "جمادى_الآخرة جمادى_الثانية جمادى_الاخرة",
    7: "رجب",
    8: "شعبان",
    9: "رمضان",
    10: "شوال",
    11: "ذو_القعدة ذي_القعدة",
    12: "ذو_الحجة ذي_الحجة",
}
# Month words that are also common words (آب "father", ماي, صفر "zero", مارس "practised"):
# accepted only next to a day number or a year.
AMBIGUOUS = frozenset(normalize(w) for w in ("آب", "ماي", "صفر", "مارس", "رجب", "رمضان", "شعبان", "محرم"))

WEEKDAYS = {normalize(w): i for w, i in (
    ("الإثنين", 0), ("الاثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2), ("الخميس", 3),
    ("الجمعة", 4), ("السبت", 5), ("الأحد", 6),
)}


def _table(names: dict[int, str]) -> dict[str, int]:
    return {normalize(n.replace("_", " ")): m for m, spellings in names.items() for n in spellings.split()}


GREGORIAN_MONTHS = _table(_GREGORIAN_NAMES)
HIJRI_MONTHS = _table(_HIJRI_NAMES)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular (arithmetic) Islamic calendar; may differ by a day from sighting-based calendars."""
    jdn = day + -(-59 * (month - 1) // 2) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)
