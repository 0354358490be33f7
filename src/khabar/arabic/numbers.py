"""Numbers in Arabic news text, in digits or in words, with the unit they count.

Our own code: number-word libraries for Arabic are not kept up and none handles
the news forms we need ("ست ساعات", "95 منقذا", "ثاني لقاء", "يومين", "1.5 مليار
دولار", "30 في المئة"). Numbers inside a date expression ("27 فبراير", "2022")
are dates, not counts, and are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, chain

from khabar.arabic.dates import find_dates
from khabar.arabic.normalize import match_map, normalize, original_span
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
_STARTERS = frozenset(_ONE_OF_ELEVEN) | frozenset(_DUALS) | frozenset(_UNITS) | frozenset(_ORDINALS)
_PERCENT = re.compile(r"\s*(?:%|٪|(?:في|بال)\s*(?:المئة|المائة|المئه|المائه))")
_TOKEN = r"(?<![A-Za-z@_\d])\d+(?:[.,٫٬]\d+)*(?![A-Za-z@_\d])|[^\W\d_]+|[%٪]"
_GAP_TOKEN = re.compile(rf"([\s\S]*?)({_TOKEN})")  # the same tokens as finditer(_TOKEN), each after its gap
_NOT_UNIT = STOPWORDS | {normalize(w) for w in "و أو او نحو حوالي قرابة من في إلى ، ما".split()}


def find_numbers(text: str) -> list[NumberHit]:
    """Cardinals (digits or words, with scale words), percentages, duals and ordinals."""
    if not text:
        return []
    norm, origin = match_map(text)  # the key the date scan reads too
    tokens = _tokens_outside_dates(text, norm, origin)
    hits: list[NumberHit] = []
    i = 0
    for at in [k for k, (_, _, w) in enumerate(tokens) if w in _START_WORDS or w[0].isdigit()]:
        if at < i:  # inside the number found last
            continue
        found = _number_at(tokens, at, norm)
        if found is None:
            i = at + 1
            continue
        j, value, unit, ordinal, span_start, span_end = found
        start, end = original_span(text, origin, span_start, span_end)
        hits.append(NumberHit(start, end, text[start:end], value, unit, ordinal))
        i = j
    return hits


# The words a number can start at (besides digits): most words of a text are ruled out by one set lookup.
_START_WORDS = _STARTERS | {clitic + w for clitic in "وب" for w in _UNITS}


def _tokens_outside_dates(text: str, norm: str, origin: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the number-finder's tokens of ``norm``, without those that start inside a date
    expression ("27 فبراير", "2022"). Built by C-level maps over the matches, and dates cut out as index
    ranges (``origin`` never decreases, so a date's tokens are a run): no Python code per token, and
    no match object either (``findall`` with the text before each token as a group: offsets by
    summing lengths)."""
    pieces = list(chain.from_iterable(_GAP_TOKEN.findall(norm)))  # gap, token, gap, token ...
    offsets = list(accumulate(map(len, pieces)))
    tokens = list(zip(offsets[0::2], offsets[1::2], pieces[1::2], strict=True))
    covered = _merged((bisect_left(origin, d.start), bisect_left(origin, d.end)) for d in find_dates(text))
    if not covered:
        return tokens
    starts = [t[0] for t in tokens]
    kept: list[tuple[int, int, str]] = []
    last = 0
    for lo, hi in covered:  # key spans of dates: drop the tokens that start in them
        a, b = bisect_left(starts, lo), bisect_left(starts, hi)
        kept += tokens[last:a]
        last = max(last, b)
    return kept + tokens[last:]


def _merged(spans) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of half-open spans (empty ones dropped)."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(x for x in spans if x[0] < x[1]):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


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
