"""Numbers in Arabic news text, in digits or in words, with the unit they count.

Our own code: number-word libraries for Arabic are not kept up and none handles
the news forms we need ("ست ساعات", "95 منقذا", "ثاني لقاء", "يومين", "1.5 مليار
دولار", "30 في المئة"). Numbers inside a date expression ("27 فبراير", "2022")
are dates, not counts, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic.dates import find_dates
from khabar.arabic.normalize import normalize, normalize_map, original_span
from khabar.arabic.stem import STOPWORDS


@dataclass(frozen=True)
class NumberHit:
    """A number with its span (covering the counted word too), value and unit."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # the counted word, match-normalized ("ساعات", "منقذ", "%"), or ""
    ordinal: bool


def _words(spec: str) -> dict[str, float]:
    table = {}
    for item in spec.split(";"):
        value, words = item.split(":")
        for w in words.split():
            table[normalize(w)] = float(value)
    return table


_UNITS = _words(
    "1:واحد واحدة;2:اثنان اثنين اثنتان اثنتين اثنا اثنتا;3:ثلاث ثلاثة;4:أربع أربعة;5:خمس خمسة;"
    "6:ست ستة;7:سبع سبعة;8:ثمان ثماني ثمانية;9:تسع تسعة;10:عشر عشرة;"
    "20:عشرون عشرين;30:ثلاثون ثلاثين;40:أربعون أربعين;50:خمسون خمسين;60:ستون ستين;"
    "70:سبعون سبعين;80:ثمانون ثمانين;90:تسعون تسعين;100:مئة مائة مئه مائه;200:مئتان مئتين مائتان مائتين;"
    "300:ثلاثمئة ثلاثمائة;400:أربعمئة أربعمائة;500:خمسمئة خمسمائة;600:ستمئة ستمائة;700:سبعمئة سبعمائة;"
    "800:ثمانمئة ثمانمائة;900:تسعمئة تسعمائة;2000:ألفان ألفين;2000000:مليونان مليونين;"
    "2:الاثنا الاثني الاثنتا الاثنتي;3:الثلاثة;4:الأربعة;5:الخمسة;6:الستة;7:السبعة;8:الثمانية;9:التسعة;"
    "10:العشرة;20:العشرين;30:الثلاثين;40:الأربعين;50:الخمسين;100:المئة المائة"
)
_SCALES = _words("1000:ألف آلاف الف الاف ألفا;1000000:مليون ملايين;1000000000:مليار مليارات بليون;"
                 "1000000000000:تريليون")
_DUALS = {normalize(w): normalize(unit) for w, unit in (
    ("يومين", "يوم"), ("ساعتين", "ساعة"), ("أسبوعين", "أسبوع"), ("شهرين", "شهر"), ("عامين", "عام"),
    ("سنتين", "سنة"), ("دقيقتين", "دقيقة"), ("مرتين", "مرة"), ("ليلتين", "ليلة"),
)}
_ORDINALS = _words(
    "1:أول الأول الأولى أولى;2:ثاني الثاني الثانية;3:ثالث الثالث الثالثة;4:رابع الرابع الرابعة;"
    "5:خامس الخامس الخامسة;6:سادس السادس السادسة;7:سابع السابع السابعة;8:ثامن الثامن الثامنة;"
    "9:تاسع التاسع التاسعة;10:عاشر العاشر العاشرة;1:حادي الحادي الحادية"
)
_ONE_ONLY_IN_TEENS = {normalize(w) for w in ("حادي", "الحادي", "الحادية")}
_ONE_OF_ELEVEN = {normalize("أحد"), normalize("إحدى")}
_TEN = {normalize("عشر"), normalize("عشرة")}
_PERCENT = re.compile(r"\s*(?:%|٪|(?:في|بال)\s*(?:المئة|المائة|المئه|المائه))")
_TOKEN = re.compile(r"(?<![A-Za-z@_\d])\d+(?:[.,٫٬]\d+)*(?![A-Za-z@_\d])|[^\W\d_]+|[%٪]")
_NOT_UNIT = STOPWORDS | {normalize(w) for w in "و أو او نحو حوالي قرابة من في إلى ، ما".split()}


def find_numbers(text: str) -> list[NumberHit]:
    """Cardinals (digits or words, with scale words), percentages, duals and ordinals."""
    if not text:
        return []
    norm, origin = normalize_map(text, "match")
    in_date = _date_mask(text, origin)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm) if not in_date(m.start())]
    hits: list[NumberHit] = []
    i = 0
    while i < len(tokens):
        found = _number_at(tokens, i, norm)
        if found is None:
            i += 1
            continue
        j, value, unit, ordinal, span_start, span_end = found
        start, end = original_span(text, origin, span_start, span_end)
        hits.append(NumberHit(start, end, text[start:end], value, unit, ordinal))
        i = j
    return hits


def _date_mask(text: str, origin: list[int]):
    spans = [(d.start, d.end) for d in find_dates(text)]

    def inside(pos: int) -> bool:
        p = origin[pos]
        return any(s <= p < e for s, e in spans)

    return inside


def _number_at(tokens, i: int, norm: str):
    """(next index, value, unit, ordinal, start, end) for a number starting at token i, else None."""
    s, e, w = tokens[i]
    if w[0].isdecimal():  # not isdigit: "¹" is a digit but no number token
        value = _digits(w)
        j = i + 1
        if j < len(tokens) and tokens[j][2] in _SCALES:
            value *= _SCALES[tokens[j][2]]
            e = tokens[j][1]
            j += 1
        return _with_unit(tokens, j, value, s, e, norm)
    if w in _ONE_OF_ELEVEN and i + 1 < len(tokens) and tokens[i + 1][2] in _TEN:  # "أحد عشر"
        return _with_unit(tokens, i + 2, 11.0, s, tokens[i + 1][1], norm)
    if w in _DUALS:
        return i + 1, 2.0, _DUALS[w], False, s, e
    bare = w[1:] if w[:1] in "وب" and w[1:] in _UNITS else w
    if bare in _UNITS:
        value, j, e = _word_number(tokens, i)
        if w.startswith("ال") and i > 0 and tokens[i - 1][2].startswith("ال") and _is_unit(tokens[i - 1][2]):
            p = tokens[i - 1]  # definite number after its noun: "الشهور الاثني عشر"
            return j, value, p[2][2:], False, p[0], e
        return _with_unit(tokens, j, value, s, e, norm)
    if w in _ORDINALS:
        return _ordinal(tokens, i)
    return None


def _digits(w: str) -> float:
    w = w.replace("٬", "").replace("٫", ".")
    if "," in w:
        head, _, tail = w.rpartition(",")
        w = w.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    if w.count(".") > 1:
        w = w.replace(".", "")
    return float(w)


def _word_number(tokens, i: int) -> tuple[float, int, int]:
    """Read a run of number words ("ثلاثة آلاف", "خمسة وعشرين", "أحد عشر")."""
    total = current = 0.0
    j, end = i, tokens[i][1]
    while j < len(tokens):
        w = tokens[j][2]
        if j > i and w[:1] == "و" and (w[1:] in _UNITS or w[1:] in _SCALES):
            w = w[1:]
        elif j == i and w[:1] in "وب" and w not in _UNITS:
            w = w[1:]
        if w in _UNITS:
            v = _UNITS[w]
            current = current + v if not (v == 10 and 0 < current < 10) else current + 10
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            break
        end = tokens[j][1]
        j += 1
    return total + current, j, end


def _with_unit(tokens, j: int, value: float, s: int, e: int, norm: str):
    m = _PERCENT.match(norm, e)
    if m:
        return _skip_to(tokens, j, m.end()), value, "%", False, s, m.end()
    if j < len(tokens) and _is_unit(tokens[j][2]) and not norm[e:tokens[j][0]].strip():
        unit = tokens[j][2]
        if value >= 11 and unit.endswith("ا") and len(unit) > 3:
            unit = unit[:-1]  # accusative tamyiz: "95 منقذا" counts منقذ
        return j + 1, value, unit, False, s, tokens[j][1]
    return j, value, "", False, s, e


def _skip_to(tokens, j: int, pos: int) -> int:
    while j < len(tokens) and tokens[j][0] < pos:
        j += 1
    return j


def _is_unit(w: str) -> bool:
    return not w[0].isdigit() and w not in _NOT_UNIT and w not in _UNITS and w not in _SCALES and len(w) > 1


def _ordinal(tokens, i: int):
    s, e, w = tokens[i]
    value = _ORDINALS[w]
    last = i
    if i + 1 < len(tokens) and tokens[i + 1][2] in _TEN:  # "الحادي عشر", "الثانية عشرة"
        value += 10
        last, e = i + 1, tokens[i + 1][1]
    elif w in _ONE_ONLY_IN_TEENS:
        return None
    after = last + 1
    if w.startswith("ال"):  # adjective after its noun: "الجولة الثانية"
        if i > 0 and tokens[i - 1][2].startswith("ال") and _is_unit(tokens[i - 1][2]):
            p = tokens[i - 1]
            return after, value, p[2][2:], True, p[0], e
        return after, value, "", True, s, e
    if after < len(tokens) and _is_unit(tokens[after][2]):  # construct: "ثاني لقاء"
        return after + 1, value, tokens[after][2], True, s, tokens[after][1]
    if i > 0 and _is_unit(tokens[i - 1][2]) and not tokens[i - 1][2].startswith("ال"):  # "جولة أولى"
        return after, value, tokens[i - 1][2], True, tokens[i - 1][0], e
    return after, value, "", True, s, e
