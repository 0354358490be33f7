"""Facts of one article, each with its evidence span: when, where, who heads each side,
how long, what was agreed, what is on and off the agenda, numbers, and who said what.

Slots (``Fact.slot``) and their ``subject``:

- ``when``: the date of a happening (``key`` ISO date, or the folded text when no
  reference date resolves it); ``where``: a venue, ``key`` "venue:<owner country>";
  ``city``: a place mention after "في/ب" in a sentence about the meeting;
- ``who_heads``: ``subject`` the side (country key), ``value`` the person;
- ``duration``: ``key`` like "6h"; ``number``: ``subject`` the unit;
- ``agreement`` / ``agenda`` / ``topic_excluded``: free-text items, ``key`` their stems;
- ``quote``: ``speaker`` who said it, ``value`` what was said.

``background`` marks facts about another happening than the one the article
reports ("وكان الجانبان قد عقدا جولة أولى ... في 27 فبراير الماضي"), so that the
comparison never counts them against this event and the timeline can date them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from khabar.analyze.delegations import find_heads
from khabar.analyze.patterns import (
    Clause,
    content_key,
    countries_in,
    gated_rx,
    is_country,
    prepare,
    rx,
    text_key,
    trim,
)
from khabar.analyze.quotes import Quote, find_quotes
from khabar.arabic import DateHit, NumberHit, find_dates, find_numbers, parse_date
from khabar.model import Fact, Mention, Sentence

_EVENT_WORDS = gated_rx(
    "محادثات|مباحثات|مفاوضات|اجتماع|لقاء|جولة|قمة|وفد|نطلق|بدأت|عقد|زيارة|مؤتمر",
    r"محادثات|مباحثات|مفاوضات|اجتماع|لقاء|جولة|قمة|الوفد|وفد|تنطلق|انطلقت|بدأت|عقد|يعقد|تعقد|زيارة|مؤتمر"
)
_STRONG_BACKGROUND = gated_rx(
    "قد|أولى|الأول|السابق|الماضي|المنصرم",
    r"(?<!\w)[وف]?(?:كان|كانت|كانوا|كانا)(?!\w)(?:\s+\S+){0,5}?\s+قد(?!\w)|الجولة الأولى|جولة أولى|"
    r"(?:اللقاء|الاجتماع|الجولة) (?:الأول|الأولى|السابق|السابقة)(?!\w)|(?:شهر|\d+)\s+\S+\s+(?:الماضي|المنصرم)"
)
_WEAK_BACKGROUND = rx(r"في وقت سابق|(?:الأسبوع|الشهر|العام) (?:الماضي|المنصرم)")
_EARLIER_CLAUSE = rx(r"(?<!\w)(?:بعد|منذ|قبل|عقب)\s+(?:\S+\s+){0,2}?(?=\S*(?:اجتماع|لقاء|محادثات|عودة|بدء|اندلاع|غزو|\d))")
_CLAUSE_END = rx(r"[،,؛;:.]|(?<!\w)(?:فيما|بينما)(?!\w)")
_VENUE = gated_rx(
    "سفارة|قنصل|بعثة",
    r"(?<!\w)(?:[وفب]?(?:قصر|مقر|مبنى|منزل|دار)\s+)?[وفبل]?(?:ال)?(?:سفارة|قنصلية|قنصل|بعثة)"
    r"(?:\s+(?:العامة|العام))?\s+(?P<whose>[^\s،,.]+)"
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_PLACE_PREP = rx(r"(?:^|\s)(?:في|ب|داخل)\s*$")
# A building or site named as a place ("قصر السفارة الروسية") is a venue, not the city.
_FACILITY = rx(r"^[وب]?(?:ال)?(?:قصر|مقر|مبنى|فندق|سفار[ةه]|قنصلي[ةه]|مطار|ميناء|جامع|مسجد|قاع[ةه]|مركز|منتجع)(?!\w)")
_POSTED_TO = rx(r"(?<!\w)(?:ال)?(?:سفير|مبعوث|ممثل|مندوب|مراسل|لدى)(?!\w)(?:\s+\S+){0,3}\s+(?:في|ب)?\s*$")
_DURATION_VERB = rx(r"(?<!\w)(?:استمر|استمرت|دام|دامت|يستمر|تستمر|استغرق|استغرقت|امتد|امتدت)(?!\w)")
_TIME_UNITS = {"ساع": "h", "يوم": "d", "ايام": "d", "اسبوع": "w", "اسابيع": "w", "دقيق": "min", "دقائق": "min",
               "شهر": "mo", "شهور": "mo", "اشهر": "mo", "سنو": "y", "سنة": "y", "سنوات": "y", "عام": "y", "اعوام": "y"}
_AGREEMENT = gated_rx(
    "اتفاق|اتفق|توصل|أنجز|وقع|تقدم",
    r"(?<!\w)(?:اتفاق[اًا]?|اتفقا|اتفق|اتفقت|توصلا|توصل|أنجزا|أنجز|وقعا|وقع|"
    r"(?:تحقيق|حقق|حققا|أحرز|أحرزا)\s+(?:بعض\s+)?(?:ال)?تقدما?|تقدم محدود)(?!\w)"
    r"[،,]?(?:\s+\S+){0,3}?[،,]?\s+(?:بشأن|حول|على|في|مثل|بخصوص)(?!\w)"
)
_AGENDA = gated_rx(
    "ركز|تتناول|تشمل|تهدف|تناقش|تبحث|المطروح|أهمي",
    r"(?<!\w)(?:تركز|ستركز|يركز|تتناول|تشمل|تهدف|تناقش|ستناقش|تبحث|ستبحث|المطروحة|أهمية)(?!\w)"
    r"(?:\s+(?:\S+\s+){0,2}?(?:على|إلى)(?!\w)|(?:\s+\S+){0,2}?\s*:)?"
)
_DENIED = rx(r"(?:غياب|عدم|دون|بدون|لا|لم|لن|سيحاول\w*|يحاول\w*|محاولة)(?:\s+\S+)?\s*$")
_EXCLUDED = gated_rx(
    "جدول|مدرج|ناقش|طرح|بحث",
    r"(?<!\w)(?:ليس|ليست|لن|لا|غير)(?!\w)(?:\s+\S+){0,2}?\s+(?:على جدول|مدرج|مدرجا|مدرجة|تكون على جدول|"
    r"تناقش|يناقش|تطرح|يطرح|تبحث|يبحث)"
)
_NO_TOPIC = gated_rx("جدول", r"(?<!\w)لا\s+(?:توجد|يوجد)\s+(?P<what>.+?)\s+على جدول")
_ITEM_SPLIT = rx(r"\s*[،,؛;]\s*|\s+و(?=ال)|\s+أو\s+")
_CLAUSE_STOP = rx(r"[.؛;]|(?<!\w)(?:رغم|على رغم|فيما|بينما|لافتا|مشيرا|بحسب|وفق|وفقا|وذلك)(?!\w)")


def extract_facts(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                  published_at: str = "") -> tuple[Fact, ...]:
    """Every fact the rules find in ``text`` (offsets into ``text``), in text order."""
    if not text or not sentences:
        return ()
    return _facts(text, *_prepared(text, sentences, mentions, published_at))


def facts_and_event_date(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                         published_at: str = "") -> tuple[tuple[Fact, ...], str]:
    """(:func:`extract_facts`, :func:`event_date`) of one article, sharing the date scan, the
    normalized sentences and the quotes of sentences without mentions (an article's analysis
    needs both; each alone would prepare every sentence again). Same results as the two calls."""
    if not text or not sentences:
        return (), event_date(text, sentences, published_at)
    hits, clauses, quotes_of, event = _prepared(text, sentences, mentions, published_at)
    # event_date() reads sentences without their mentions, and a mention may decide a speaker and
    # so whether a quote is kept: the quotes of sentences with mentions are found again without them
    bare = [replace(c, mentions=()) if c.mentions else c for c in clauses]
    own = event_date(text, sentences, published_at, hits=hits, clauses=bare,
                     quotes_of=[None if c.mentions else q for c, q in zip(clauses, quotes_of, strict=True)])
    return _facts(text, hits, clauses, quotes_of, event), own


def _prepared(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention],
              published_at: str) -> tuple[list[DateHit], list[Clause], list[list[Quote]], str]:
    """Date hits, clauses with their mentions, their quotes, and the event date the facts are read against."""
    hits = find_dates(text, _reference(published_at))
    clauses = _clauses(sentences, mentions)
    quotes_of = [find_quotes(c) for c in clauses]
    event = event_date(text, sentences, published_at, hits=hits, clauses=clauses, quotes_of=quotes_of)
    return hits, clauses, quotes_of, event


def _facts(text: str, hits: list[DateHit], clauses: list[Clause], quotes_of: list[list[Quote]],
           event: str) -> tuple[Fact, ...]:
    numbers = find_numbers(text)
    facts: list[Fact] = []
    last_speaker = ("", "")
    for clause, quotes in zip(clauses, quotes_of, strict=True):
        if quotes and quotes[0].speaker:
            last_speaker = (quotes[-1].speaker, quotes[-1].speaker_key)
        background = _is_background(clause, quotes)
        found = [
            *_dates(clause, hits, quotes, event, background),
            *_venues(clause), *_cities(clause), *_heads(clause), *_numbers(clause, numbers),
            *_agreements(clause), *_agenda(clause), *_excluded(clause),
        ]
        found += _quotes(clause, quotes, last_speaker)
        for fact in found:
            speaker = fact.speaker or _speaker_of(clause, quotes, fact, last_speaker)
            facts.append(_finish(fact, clause, background, speaker))
    return tuple(sorted(facts, key=lambda f: (f.start, f.slot)))


def event_date(text: str, sentences: Sequence[Sentence], published_at: str = "", *,
               hits: list[DateHit] | None = None, clauses: list[Clause] | None = None,
               quotes_of: Sequence[list[Quote] | None] | None = None) -> str:
    """ISO date of the happening the article reports, "" if the text cannot tell.

    The first resolved day-level date in a sentence about a meeting that is not
    background and not the date of a statement (weekdays and "اليوم" resolve against
    the publication date); else the publication date itself, news reporting its day.
    """
    reference = _reference(published_at)
    hits = find_dates(text, reference) if hits is None else hits
    clauses = _clauses(sentences, ()) if clauses is None else clauses
    for i, clause in enumerate(clauses):
        if not _about_meeting(clause.norm):
            continue
        quotes = quotes_of[i] if quotes_of is not None and quotes_of[i] is not None else find_quotes(clause)
        if _is_background(clause, quotes):
            continue
        for hit in _hits_in(clause, hits):
            if _is_said_date(clause, hit, quotes) or _earlier_clause(clause, hit):
                continue
            if hit.value and len(hit.value) == 10:
                return hit.value
    return reference.isoformat() if reference else ""


# -- preparation ------------------------------------------------------------------

def _reference(published_at: str) -> dt.date | None:
    try:
        return parse_date(published_at) if published_at else None
    except ValueError:
        return None


def _clauses(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Clause]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    clauses = []
    for s in sentences:
        own = [m for m in by_sentence.get(s.index, ()) if s.start <= m.start and m.end <= s.end]
        clauses.append(prepare(s, own))
    return clauses


@lru_cache(maxsize=4096)
def _about_meeting(norm: str) -> bool:
    """Does the (normalized) sentence name a meeting, talks, a visit...? Asked up to five times per
    sentence (event date twice, dates, venues, cities), so remembered for the last sentences."""
    return _EVENT_WORDS.search(norm) is not None


def _hits_in(clause: Clause, hits: list[DateHit]) -> Iterator[DateHit]:
    s = clause.sentence
    return (h for h in hits if s.start <= h.start and h.end <= s.end)


def _is_background(clause: Clause, quotes: list[Quote]) -> bool:
    """A sentence about an earlier or other happening; weak cues count outside reported speech."""
    if _STRONG_BACKGROUND.search(clause.norm):
        return True
    return not quotes and bool(_WEAK_BACKGROUND.search(clause.norm))


def _is_said_date(clause: Clause, hit: DateHit, quotes: list[Quote]) -> bool:
    """The date lies in an attribution ("قالت ... للصحفيين يوم الثلاثاء إن"): when it was said."""
    pos = clause.nstart(hit.start)
    return any(q.said_start <= pos < q.content_start for q in quotes)


def _is_dateline(clause: Clause, hit: DateHit) -> bool:
    """A date standing nearly alone ("أبريل 10, 2025 | by ...") dates the page, not a happening."""
    rest = clause.sentence.text[:hit.start - clause.sentence.start] + clause.sentence.text[hit.end - clause.sentence.start:]
    return len(_ARABIC_WORD.findall(rest)) < 2


def _earlier_clause(clause: Clause, hit: DateHit) -> bool:
    """The date sits in a "بعد/منذ/قبل ..." clause: it dates another, earlier happening."""
    pos = clause.nstart(hit.start)
    for m in _EARLIER_CLAUSE.finditer(clause.norm, 0, pos + 1):
        stop = _CLAUSE_END.search(clause.norm, m.end())
        if m.start() <= pos < (stop.start() if stop else len(clause.norm)):
            return True
    return False


# -- one slot each ------------------------------------------------------------------

def _fact(clause: Clause, slot: str, start: int, end: int, key: str, subject: str = "",
          speaker: str = "", confidence: float = 0.8) -> Fact:
    """A fact over the normalized span [start, end) of the clause; value = the original text."""
    a, b = clause.span(start, end)
    value = clause.sentence.text[a - clause.sentence.start: b - clause.sentence.start]
    return Fact(slot, value, key, a, b, clause.sentence.index, subject, speaker, confidence)


def _dates(clause: Clause, hits: list[DateHit], quotes: list[Quote], event: str, background: bool) -> list[Fact]:
    facts = []
    about_meeting = _about_meeting(clause.norm)
    for hit in _hits_in(clause, hits):
        if _is_said_date(clause, hit, quotes) or _is_dateline(clause, hit):
            continue
        earlier = (_earlier_clause(clause, hit) or not about_meeting
                   or bool(event and hit.value and (hit.value[:4] < event[:4]
                                                    or len(hit.value) == 10 and hit.value != event)))
        key = hit.value or text_key(hit.text)
        a, b = clause.nstart(hit.start), clause.nstart(hit.end)
        fact = _fact(clause, "when", a, b, key, confidence=hit.confidence)
        facts.append(_mark(fact, earlier and not background))
    return facts


def _mark(fact: Fact, background: bool) -> Fact:
    return Fact(**{**fact.__dict__, "background": True}) if background else fact


def _venues(clause: Clause) -> list[Fact]:
    if not _about_meeting(clause.norm) and "غادر" not in clause.norm and "وصل" not in clause.norm:
        return []
    facts = []
    for m in _VENUE.finditer(clause.norm):
        owner = countries_in(m.group("whose"))
        if owner:
            facts.append(_fact(clause, "where", m.start(), m.end(), f"venue:{owner[0][2]}", "venue"))
    return facts


def _cities(clause: Clause) -> list[Fact]:
    if not _about_meeting(clause.norm):
        return []
    facts = []
    for m in clause.mentions:
        if m.type != "LOC":
            continue
        a = clause.nstart(m.start)
        name = clause.norm[a:clause.nstart(m.end)]
        if (is_country(name) or _FACILITY.search(name) or not _PLACE_PREP.search(clause.norm[max(0, a - 6):a])
                or _POSTED_TO.search(clause.norm, max(0, a - 40), a)):
            continue
        facts.append(_fact(clause, "city", a, clause.nstart(m.end), m.key or text_key(m.text), "city"))
    return facts


def _heads(clause: Clause) -> list[Fact]:
    facts = []
    for head in find_heads(clause):
        a, b = clause.nstart(head.start), clause.nstart(head.end)
        facts.append(_fact(clause, "who_heads", a, b, head.name_key or text_key(head.name), head.side))
    return facts


def _numbers(clause: Clause, numbers: list[NumberHit]) -> list[Fact]:
    """Counts with their unit; a time span right after "استمرت/دامت" is the duration."""
    facts = []
    s = clause.sentence
    for hit in numbers:
        if not (s.start <= hit.start and hit.end <= s.end) or hit.ordinal or not hit.unit:
            continue
        a, b = clause.nstart(hit.start), clause.nstart(hit.end)
        code = next((c for prefix, c in _TIME_UNITS.items() if hit.unit.startswith(prefix)), "")
        verb = _DURATION_VERB.search(clause.norm, max(0, a - 30), a) if code else None
        if verb:
            facts.append(_fact(clause, "duration", verb.start(), b, f"{hit.value:g}{code}", "duration"))
        else:
            facts.append(_fact(clause, "number", a, b, f"{hit.value:g} {hit.unit}", hit.unit, confidence=0.7))
    return facts


def _items(clause: Clause, start: int) -> Iterator[tuple[int, int]]:
    """The coordinated items of a list starting at ``start`` ("ضمان X، وتحويل Y")."""
    stop = _CLAUSE_STOP.search(clause.norm, start)
    end = stop.start() if stop else len(clause.norm)
    pos = start
    for m in [*_ITEM_SPLIT.finditer(clause.norm, start, end), None]:
        a, b = trim(clause, pos, m.start() if m else end)
        if b - a >= 4:
            yield a, b
        if m:
            pos = m.end()


def _list_facts(clause: Clause, slot: str, pattern) -> list[Fact]:
    facts = []
    for m in pattern.finditer(clause.norm):
        if _DENIED.search(clause.norm, max(0, m.start() - 12), m.start()):
            continue
        for a, b in _items(clause, m.end()):
            key = content_key(clause.norm[a:b])
            if key:
                facts.append(_fact(clause, slot, a, b, key, confidence=0.6))
    return facts


def _agreements(clause: Clause) -> list[Fact]:
    return _list_facts(clause, "agreement", _AGREEMENT)


def _agenda(clause: Clause) -> list[Fact]:
    return _list_facts(clause, "agenda", _AGENDA)


def _excluded(clause: Clause) -> list[Fact]:
    facts = []
    for m in _NO_TOPIC.finditer(clause.norm):
        a, b = m.span("what")
        facts.append(_fact(clause, "topic_excluded", a, b, _topic_key(clause, a, b), confidence=0.7))
    for m in _EXCLUDED.finditer(clause.norm):
        lo = max((x.end() for x in rx(r"[،,:\"“«]|(?<!\w)(?:أن|بأن|إن|كما)(?!\w)").finditer(clause.norm, 0, m.start())),
                 default=0)
        a, b = trim(clause, lo, m.start())
        if b - a >= 3:
            facts.append(_fact(clause, "topic_excluded", a, b, _topic_key(clause, a, b), confidence=0.7))
    return facts


def _topic_key(clause: Clause, a: int, b: int) -> str:
    """Places and names inside the topic make its key ("أوكرانيا"), else its stems."""
    lo, hi = clause.span(a, b)
    names = sorted({m.key for m in clause.mentions if lo <= m.start and m.end <= hi and m.key})
    return " ".join(names) if names else content_key(clause.norm[a:b])


def _quotes(clause: Clause, quotes: list[Quote], last_speaker: tuple[str, str]) -> list[Fact]:
    facts = []
    for q in quotes:
        speaker = q.speaker or last_speaker[0]
        facts.append(_fact(clause, "quote", q.content_start, q.content_end, content_key(
            clause.norm[q.content_start:q.content_end]), q.speaker_key or last_speaker[1], speaker, 0.9))
    return facts


def _speaker_of(clause: Clause, quotes: list[Quote], fact: Fact, last_speaker: tuple[str, str]) -> str:
    """Who is reported as saying the fact, when it lies inside reported speech."""
    pos = clause.nstart(fact.start)
    for q in quotes:
        if q.content_start <= pos < q.content_end:
            return q.speaker or last_speaker[0]
    return ""


def _finish(fact: Fact, clause: Clause, background: bool, speaker: str) -> Fact:
    changes = {}
    if background and not fact.background:
        changes["background"] = True
    if speaker != fact.speaker:
        changes["speaker"] = speaker
    return Fact(**{**fact.__dict__, **changes}) if changes else fact


__all__ = ["extract_facts", "event_date", "facts_and_event_date"]
