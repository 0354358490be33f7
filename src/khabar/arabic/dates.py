"""Date expressions in Arabic news text, resolved against the publication date.

Written for Arabic rather than delegated to dateparser: dateparser finds no date in
"10 نيسان 2025", "يوم الخميس", "27 فبراير الماضي" or "18 فبراير (شباط)", all of
which are everyday news Arabic. We search the ``match``-normalized text with
compiled patterns and map every span back to the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from khabar.arabic.calendar import (
    AMBIGUOUS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    WEEKDAYS,
    hijri_to_gregorian,
)
from khabar.arabic.normalize import match_map, original_span


@dataclass(frozen=True)
class DateHit:
    """A date expression: span into the original text, ISO value, how precise, how sure.

    ``value`` is "" when the expression needs a reference date that was not given.
    """

    start: int
    end: int
    text: str
    value: str
    granularity: str  # day | month | year | weekday | relative
    confidence: float


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = _alt(GREGORIAN_MONTHS)
_HMONTH = _alt(HIJRI_MONTHS)
_BARE_MONTH = _alt(m for m in GREGORIAN_MONTHS if m not in AMBIGUOUS)
_WEEKDAY = _alt(WEEKDAYS)
_PAST = "الماضي|الماضيين|المنصرم|الفائت|السابق"
_NEXT = "المقبل|القادم"
_THIS = "الجاري|الحالي"
_REL = f"{_PAST}|{_NEXT}|{_THIS}"
_PAST_WORDS, _NEXT_WORDS = frozenset(_PAST.split("|")), frozenset(_NEXT.split("|"))
_YEAR_WORD = r"(?:[ول]?(?:عام|العام|سنة|لسنة)\s+)?"
_ALSO = rf"(?:\s*[(/]\s*(?:{_MONTH})\s*\)?|\s+(?:{_MONTH})\b)?"  # "فبراير (شباط)", "شباط/فبراير", "ابريل نيسان"
_WD_PREFIX = rf"(?:(?:[وف]?(?:يوم|اليوم)\s+)?\(?(?:{_WEEKDAY})\)?\s*[،,]?\s+)?"

_WD_INITIALS = "".join(sorted({w[0] for w in WEEKDAYS}))
_MONTH_INITIALS = "".join(sorted({w[0] for w in GREGORIAN_MONTHS}))


def _starting(initials: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, told the characters any match starts with: a lookahead of them in front lets the
    regex engine skip to those characters instead of trying every position of the text (the
    patterns start with word boundaries and optional words, which hide their first letters from it;
    date scanning was a tenth of analyzing an article). Same matches."""
    return re.compile(f"(?=[{initials}]){pattern}")


_UNITS = "الاسبوع|الشهر|العام|السنه|السنة"
_REL_FEMININE = "الماضيه|الماضية|المقبله|المقبلة|القادمه|القادمة"
_YEAR_NOUNS = "عام|العام|سنة|سنه"
_DAYS_AGO_UNITS = "ايام|يوما|يومين|اسبوع|اسبوعين"
_RELDAY_WORDS = "امس|وامس|فامس|الامس|والامس|فالامس|البارحه|البارحة|غد|غدا"


def _words(words: str | Iterable[str], clitics: str = "") -> frozenset[str]:
    """The first word of each of ``words`` (names or a "|"-alternation of plain words), bare and
    behind each of ``clitics``: the words a gate of :data:`_PATTERNS` looks for."""
    if isinstance(words, str):
        words = words.split("|")
    firsts = {w.split()[0] for w in words}
    return frozenset(c + w for w in firsts for c in ("", *clitics))


def _one_of(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Regexes a text must match one of. A few regexes led by plain characters are searched faster than
    one led by a class of them: the engine finds a plain character as fast as str.find, a class (or
    \\d) only by testing every character."""
    return tuple(re.compile(p) for p in patterns)


# Gates: a pattern runs only on a text that has a word of each of its word sets (as a whole run of
# Arabic letters, see _scan) and matches one regex of each of its regex tuples. Each is something
# every match of the pattern contains: a month, weekday or unit word the pattern brackets with word
# boundaries, spaces, digits or punctuation, and so a whole run of letters; or a few digits and
# separators. Running a pattern costs a pass over the text that stops at every ا, و or ي; the word
# gates cost one pass for all of them and leave 0-15 % of texts to each pattern. Same matches.
_MONTH_WORDS, _YEAR = _words(GREGORIAN_MONTHS), _one_of(r"19\d\d", r"20\d\d")
_NUMERIC = _one_of(*(rf"{sep}\d{{1,2}}[-/.]\d" for sep in ("-", "/", r"\.")))  # "-07-2" of "2015-07-21"
_Need = frozenset[str] | tuple[re.Pattern[str], ...]

_PATTERNS: list[tuple[str, re.Pattern[str], tuple[_Need, ...]]] = [
    ("iso", _starting(r"\d", r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b"), (_NUMERIC,)),
    ("dmy_num", _starting(r"\d", r"\b(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})\b"), (_NUMERIC,)),
    ("hijri", _starting(rf"{_WD_INITIALS}\d",
        rf"(?:\b(?P<wd>{_WEEKDAY})\s*[،,]?\s+)?\b(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<mn>{_HMONTH})\s*[،,]?\s*(?P<y>1[34]\d\d)(?:\s*ه\b|\s+للهجره\b)?"),
     (_words(HIJRI_MONTHS), _one_of(r"1[34]\d\d"))),
    ("dmy", _starting(rf"وفيا({_WD_INITIALS}\d",
        rf"{_WD_PREFIX}\b(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<mn>{_MONTH})\b{_ALSO}"
        rf"(?:\s*[،,]?\s*(?:من\s+)?{_YEAR_WORD}(?P<y>(?:19|20)\d\d)\b(?:\s*م\b)?|\s+(?P<rel>{_REL})\b)?"),
     (_MONTH_WORDS, _one_of(rf"\d\s+(?:من\s+)?(?:شهر\s+)?(?:{_MONTH})"))),
    ("mdy", _starting(rf"{_MONTH_INITIALS}", rf"\b(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})\s*[،,]\s*(?P<y>(?:19|20)\d\d)\b"),
     (_MONTH_WORDS, _one_of(r"\d\s*[،,]\s*(?:19|20)\d\d"))),
    ("my", _starting(rf"ش{_MONTH_INITIALS}",
        rf"\b(?:شهر\s+)?(?P<mn>{_MONTH})\b{_ALSO}"
        rf"(?:\s*[،,]?\s*(?:من\s+)?{_YEAR_WORD}(?P<y>(?:19|20)\d\d)\b|\s+(?P<rel>{_REL})\b)"), (_MONTH_WORDS,)),
    ("month", _starting(r"فمخحابنشو",
        rf"\b(?:في|منذ|خلال|حتي|مطلع|اواخر|اوائل|منتصف|بدايه|بداية|نهايه|نهاية|شهر|وفي|ومنذ|من|الي|حتي)\s+(?P<span>(?P<mn>{_BARE_MONTH})\b{_ALSO})"),
     (_words(m for m in GREGORIAN_MONTHS if m not in AMBIGUOUS),)),
    ("year", _starting(r"وفلعاس", rf"\b[وف]?[ل]?(?:{_YEAR_NOUNS})\s+(?P<y>(?:19|20)\d\d)\b"),
     (frozenset(c + w for c in ("", "و", "ف") for w in _words(_YEAR_NOUNS, "ل")), _YEAR)),
    ("weekday", _starting(rf"وفيا{_WD_INITIALS}",
        rf"(?:\b[وف]?(?:يوم|اليوم)\s*(?P<paren>\()?\s*)?\b[وف]?(?P<wd>{_WEEKDAY})\b(?(paren)\))"
        rf"(?:\s+(?P<rel>{_PAST}|{_NEXT})\b)?"), (_words(WEEKDAYS, "وف"),)),
    ("days_ago", _starting(r"قمب",
        r"\b(?P<dir>قبل|منذ|بعد)\s+(?:(?P<n>\d{1,2})\s+(?:ايام|يوما)|(?P<two>يومين)|(?P<wk>اسبوع|اسبوعين))\b"),
     (_words("قبل|منذ|بعد"), _words(_DAYS_AGO_UNITS))),
    ("relday", _starting("اوفبغ",
        r"\b(?P<w>اول\s+من\s+امس|اول\s+امس|[وف]?امس\s+الاول|[وف]?امس|البارحه|البارحة|[وف]?الامس|بعد\s+غد|غدا)\b"),
     (_words(_RELDAY_WORDS),)),
    # "اليوم" is today, but not "ذلك اليوم", "اليوم التاسع", "اليوم الوطني"
    ("relday", _starting("وفا",
        r"(?<!ذلك )(?<!ذات )(?<!نفس )\b(?P<w>[وف]?اليوم)\b(?!\s+(?:ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|"
        r"تاسع|عاشر|تالي|سابق|وطني|عالمي|اخير)|نفسه|ذاته))"), (_words("اليوم", "وف"),)),
    ("thisunit", _starting("وفبله", rf"\b[وفبل]?(?:هذا|هذه)\s+(?P<u>{_UNITS})\b"),
     (_words("هذا|هذه", "وفبل"), _words(_UNITS), _one_of(rf"هذ[اه]\s+(?:{_UNITS})"))),
    ("relunit", _starting("وفبلا", rf"\b[وفبل]?(?P<u>{_UNITS})\s+(?P<rel>{_REL}|{_REL_FEMININE})\b"),
     (_words(_UNITS, "وفبل"), _words(f"{_REL}|{_REL_FEMININE}"))),
]
_LETTERS = re.compile("[\u0621-\u064a]+")  # a run of Arabic letters (tatweel too), as the gates see words
_GATE_WORDS = frozenset().union(*(n for _, _, needs in _PATTERNS for n in needs if isinstance(n, frozenset)))
_CLITIC = re.compile(r"[وفل](?=[وفل]?(?:ال|يوم|امس|عام|سنه|سنة))")
_RELDAY = {"اول من امس": -2, "اول امس": -2, "امس الاول": -2, "امس": -1, "الامس": -1, "البارحه": -1, "البارحة": -1,
           "بعد غد": 2, "غدا": 1, "اليوم": 0}
_RELDAY_CONFIDENCE = {"اليوم": 0.6}


def find_dates(text: str, reference: dt.date | None = None) -> list[DateHit]:
    """Every date expression in ``text``, resolved against ``reference`` (the publication date).

    Absolute dates (all month-name systems, numeric, Hijri), weekdays ("الخميس",
    "يوم الخميس"), and relative expressions ("أمس", "الأسبوع الماضي", "الشهر الماضي").
    Spans do not overlap; the longest expression wins.
    """
    if not text:
        return []
    origin, matches = _scan(text)
    candidates = []
    for kind, m, s, e in matches:
        resolved = _resolve(kind, m, reference)
        if resolved is not None:
            candidates.append((s, e, resolved))
    hits: list[DateHit] = []
    last_end = -1
    for s, e, (value, granularity, confidence) in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if s < last_end:
            continue
        start, end = original_span(text, origin, s, e)
        hits.append(DateHit(start, end, text[start:end], value, granularity, confidence))
        last_end = e
    return hits


@lru_cache(maxsize=8)
def _scan(text: str) -> tuple[list[int], tuple[tuple[str, re.Match[str], int, int], ...]]:
    """The ``match``-level offset map and every pattern match (kind, match, start, end) of ``text``.

    Cached for the last few texts: one article's body is searched for dates by the
    facts, the event date and the number finder (with and without a reference date),
    and the scan, unlike the resolution, does not depend on the reference.
    """
    norm, origin = match_map(text)
    words = _GATE_WORDS.intersection(_LETTERS.findall(norm))
    matches = []
    found: dict[tuple[re.Pattern[str], ...], bool] = {}
    for kind, pattern, needs in _PATTERNS:
        if not _may_match(needs, norm, words, found):
            continue
        for m in pattern.finditer(norm):
            s, e = m.span("span") if "span" in m.groupdict() else m.span()
            while _CLITIC.match(norm, s):  # "واليوم", "ولعام 2015": clitics are not part of the date
                s += 1
            matches.append((kind, m, s, e))
    return origin, tuple(matches)


def _may_match(needs: tuple[_Need, ...], norm: str, words: frozenset[str],
               found: dict[tuple[re.Pattern[str], ...], bool]) -> bool:
    """Whether ``norm`` passes every gate in ``needs``: shares a word with a word set (``words``: the
    gate words among its runs of letters), matches one regex of a tuple (remembered in ``found`` for
    the next pattern)."""
    for need in needs:
        if isinstance(need, frozenset):
            if need.isdisjoint(words):
                return False
        else:
            if need not in found:
                found[need] = any(p.search(norm) for p in need)
            if not found[need]:
                return False
    return True


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None) -> tuple[str, str, float] | None:
    g = m.groupdict()
    if kind in ("iso", "dmy_num"):
        return _day(int(g["y"]), int(g["m"]), int(g["d"]), 1.0)
    if kind == "hijri":
        return _hijri(g)
    if kind in ("dmy", "mdy", "my", "month"):
        return _month_date(g, ref)
    if kind == "year":
        return g["y"], "year", 0.9
    if kind == "weekday":
        return _weekday(WEEKDAYS[_key(g["wd"])], g.get("rel"), ref)
    if kind == "days_ago":
        days = int(g["n"]) if g["n"] else 2 if g["two"] else 14 if g["wk"] == "اسبوعين" else 7
        return _shift(ref, days if g["dir"] == "بعد" else -days, 0.7)
    if kind == "relday":
        word = _key(g["w"])
        word = word[1:] if word[:1] in "وف" and word[1:] in _RELDAY else word
        return _shift(ref, _RELDAY[word], _RELDAY_CONFIDENCE.get(word, 0.9))
    return _relative_unit(_key(g["u"]), _key(g.get("rel") or ""), ref)


def _hijri(g: dict[str, str | None]) -> tuple[str, str, float] | None:
    """Tabular conversion; a weekday written next to the date corrects its one-day drift."""
    day = int(g["d"] or 0)
    if not 1 <= day <= 30:
        return None
    date = hijri_to_gregorian(int(g["y"] or 0), HIJRI_MONTHS[_key(g["mn"] or "")], day)
    if g.get("wd"):
        for shift in (0, -1, 1, -2, 2):
            fixed = date + dt.timedelta(days=shift)
            if fixed.weekday() == WEEKDAYS[_key(g["wd"])]:
                return fixed.isoformat(), "day", 0.95
    return date.isoformat(), "day", 0.8


def _key(s: str) -> str:
    return " ".join(s.split())


def _day(y: int, m: int, d: int, confidence: float) -> tuple[str, str, float] | None:
    try:
        return dt.date(y, m, d).isoformat(), "day", confidence
    except ValueError:
        return None


def _month_date(g: dict[str, str | None], ref: dt.date | None) -> tuple[str, str, float] | None:
    month = GREGORIAN_MONTHS[_key(g["mn"] or "")]
    day = int(g["d"]) if g.get("d") else None
    if g.get("y"):
        year = int(g["y"])
        if day is None:
            return f"{year:04d}-{month:02d}", "month", 0.95
        return _day(year, month, day, 1.0)
    granularity = "day" if day else "month"
    if ref is None:
        return "", granularity, 0.5
    rel = _key(g.get("rel") or "")
    year = _nearest_year(month, day or 15, ref, rel)
    confidence = 0.9 if rel else 0.8 if day else 0.7
    if day is None:
        return f"{year:04d}-{month:02d}", "month", confidence
    return _day(year, month, day, confidence)


def _nearest_year(month: int, day: int, ref: dt.date, rel: str) -> int:
    """The year that puts (month, day) closest to ``ref``; news looks back more often than ahead."""
    def cost(year: int) -> float:
        try:
            delta = (dt.date(year, month, day) - ref).days
        except ValueError:
            delta = (dt.date(year, month, 28) - ref).days
        if rel in _PAST_WORDS and delta > 0 or rel in _NEXT_WORDS and delta < 0:
            return float("inf")
        return -delta if delta <= 0 else 3 * delta

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def _weekday(wd: int, rel: str | None, ref: dt.date | None) -> tuple[str, str, float]:
    if ref is None:
        return "", "weekday", 0.5
    back = (ref.weekday() - wd) % 7
    if rel and _key(rel) in _NEXT_WORDS:
        date = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    else:
        date = ref - dt.timedelta(days=back or (7 if rel else 0))
    return date.isoformat(), "weekday", 0.85


def _shift(ref: dt.date | None, days: int, confidence: float) -> tuple[str, str, float]:
    if ref is None:
        return "", "relative", confidence / 2
    return (ref + dt.timedelta(days=days)).isoformat(), "relative", confidence


def _relative_unit(unit: str, rel: str, ref: dt.date | None) -> tuple[str, str, float]:
    step = -1 if rel.startswith(("الماضي", "المنصرم", "الفائت", "السابق")) else 1 if rel.startswith(
        ("المقبل", "القادم")) else 0
    if ref is None:
        return "", "relative", 0.3
    if unit == "الاسبوع":
        return (ref + dt.timedelta(days=7 * step)).isoformat(), "relative", 0.5
    if unit == "الشهر":
        y, m = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        return f"{y:04d}-{m + 1:02d}", "relative", 0.8
    return f"{ref.year + step:04d}", "relative", 0.8


_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")  # 10 Apr 2025, RFC 2822
_EN_MDY = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")  # April 10, 2025


def parse_date(text: str) -> dt.date | None:
    """A publication-date string as a date: ISO ("2015-07-21", "2025-04-10T08:30:00+03:00"),
    Arabic ("أبريل 10, 2025", "10 نيسان 2025", "الخميس 10 أبريل 2025 - 03:45 م") or English
    ("April 10, 2025", "Thu, 10 Apr 2025 08:00:00 GMT").

    Only full dates count (day, month and year written out); anything else is None.
    """
    if not text:
        return None
    m = _ISO_PREFIX.match(text)
    if m:
        return _date_or_none(int(m[1]), int(m[2]), int(m[3]))
    for hit in find_dates(text):
        if hit.granularity == "day" and hit.value:
            return dt.date.fromisoformat(hit.value)
    m = _EN_DMY.search(text)
    if m and m[2].lower() in _EN_MONTHS:
        return _date_or_none(int(m[3]), _EN_MONTHS.index(m[2].lower()) + 1, int(m[1]))
    m = _EN_MDY.search(text)
    if m and m[1].lower() in _EN_MONTHS:
        return _date_or_none(int(m[3]), _EN_MONTHS.index(m[1].lower()) + 1, int(m[2]))
    return None


def _date_or_none(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
