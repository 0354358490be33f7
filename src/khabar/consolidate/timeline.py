"""The dated happenings of a story, in order, each with its sources.

One entry per event (its date, else the date its own facts give, else a date
other articles give to the same venue as an earlier round: "جولة أولى ... في 27
فبراير الماضي في مقر القنصلية الأمريكية" dates the article that reports the
meeting at the US consul's residence on "اليوم (الخميس)"), plus one entry per
background happening the articles date ("بعد اجتماع جرى في 18 فبراير في
السعودية"). Dates without a year are resolved against the date of the event
whose article mentions them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from khabar.arabic import find_dates
from khabar.model import Citation, Event, Fact, TimelineEntry

MIN_CONFIDENCE = 0.7  # below this a date is a guess ("الأسبوع الماضي"): not put on the timeline
MAX_TEXT = 220
MIN_TEXT = 40  # a clause shorter than this is widened to the one before it
_CLAUSE_BREAK = re.compile(r"[،,؛;!?؟\n]|\.(?!\d)")


def build_timeline(events: Sequence[Event], bodies: Mapping[str, str],
                   facts: Mapping[str, Sequence[Fact]]) -> tuple[TimelineEntry, ...]:
    """Events and dated background happenings, oldest first (undated events last)."""
    dates = {e.id: e.date or _own_date(e, facts) for e in events}
    anchors = _background_venues(events, bodies, facts, dates)
    for e in events:
        if not dates[e.id]:
            dates[e.id] = _date_by_venue(e, facts, anchors)
    event_dates = {d for d in dates.values() if d}
    mentioned: dict[str, list[Citation]] = {}
    for e in events:
        for aid, f, value in _background_dates(e, facts, dates[e.id]):
            value = _event_day(value, event_dates)
            mentioned.setdefault(value, []).append(Citation(aid, f.sentence, f.start, f.end))
    entries = [_event_entry(e, dates[e.id], bodies, facts, mentioned.get(dates[e.id], [])) for e in events]
    entries += _background_entries(events, bodies, facts, dates, event_dates)
    entries.sort(key=lambda t: (t.date == "", t.date, t.background))
    return tuple(entries)


def _own_date(event: Event, facts: Mapping[str, Sequence[Fact]]) -> str:
    """The most reported resolved day among the event's own (foreground) date facts."""
    days = Counter(f.key for aid in event.article_ids for f in facts.get(aid, ())
                   if f.slot == "when" and not f.background and len(f.key) == 10 and f.key[:4].isdigit())
    return days.most_common(1)[0][0] if days else ""


def _resolve(fact: Fact, reference: str) -> tuple[str, float]:
    """The fact's ISO date and confidence, resolving a yearless or relative one against ``reference``."""
    if fact.key[:4].isdigit():
        return fact.key, fact.confidence
    if len(reference) < 10:
        return "", 0.0
    hits = find_dates(fact.value, dt.date.fromisoformat(reference[:10]))
    return (hits[0].value, hits[0].confidence) if hits and hits[0].value else ("", 0.0)


def _background_dates(event: Event, facts: Mapping[str, Sequence[Fact]], reference: str):
    """(article, fact, ISO date) of each dated background happening in the event's articles."""
    for aid in event.article_ids:
        for f in facts.get(aid, ()):
            if f.slot == "when" and f.background:
                value, confidence = _resolve(f, reference)
                if value and confidence >= MIN_CONFIDENCE:
                    yield aid, f, value


def _background_venues(events, bodies, facts, dates) -> dict[str, list[str]]:
    """Venue key -> dates that background sentences give to a happening at that venue."""
    anchors: dict[str, list[str]] = {}
    for e in events:
        for aid, when, value in _background_dates(e, facts, dates[e.id]):
            for f in facts.get(aid, ()):
                if f.slot == "where" and f.background and f.sentence == when.sentence and len(value) == 10:
                    anchors.setdefault(f.key, []).append(value)
    return anchors


def _event_day(value: str, event_dates: set[str]) -> str:
    """A month ("فبراير الماضي") holding exactly one event's day is taken to mean that event."""
    if len(value) == 7:
        days = [d for d in event_dates if d.startswith(value)]
        if len(days) == 1:
            return days[0]
    return value


def _date_by_venue(event: Event, facts: Mapping[str, Sequence[Fact]], anchors: dict[str, list[str]]) -> str:
    """A date for an undated event: the one other articles give to its venue, if its weekday fits."""
    own = [f for aid in event.article_ids for f in facts.get(aid, ()) if not f.background]
    for venue in (f.key for f in own if f.slot == "where"):
        for candidate, _ in Counter(anchors.get(venue, ())).most_common():
            if all(_resolve(f, candidate)[0] in ("", candidate) for f in own if f.slot == "when"):
                return candidate
    return ""


def _event_entry(event: Event, date: str, bodies: Mapping[str, str], facts: Mapping[str, Sequence[Fact]],
                 mentioned: list[Citation]) -> TimelineEntry:
    """The event's own entry; ``mentioned`` cites other articles that date it as background."""
    citations = [Citation(aid, f.sentence, f.start, f.end) for aid in event.article_ids
                 for f in facts.get(aid, ()) if f.slot == "when" and not f.background] + mentioned
    if not citations and event.article_ids:
        citations = [Citation(event.article_ids[0], 0, 0, 0)]
    text = event.title or _sentence_text(bodies.get(event.article_ids[0], "") if event.article_ids else "")
    return TimelineEntry(date, text, event.id, False, tuple(_first_per_article(citations)))


def _background_entries(events, bodies, facts, dates, event_dates) -> list[TimelineEntry]:
    grouped: dict[str, list[tuple[str, Fact, str]]] = {}
    for e in events:
        for aid, f, value in _background_dates(e, facts, dates[e.id]):
            if _event_day(value, event_dates) in event_dates:
                continue  # the happening is an event of the story: its own entry cites it
            grouped.setdefault(value, []).append((aid, f, e.id))
    entries = []
    for value, items in grouped.items():
        aid, first, event_id = items[0]
        citations = [Citation(a, f.sentence, f.start, f.end) for a, f, _ in items]
        text = _sentence_text(bodies.get(aid, ""), first)
        entries.append(TimelineEntry(value, text, event_id, True, tuple(_first_per_article(citations))))
    return entries


def _first_per_article(citations: list[Citation]) -> list[Citation]:
    seen: set[str] = set()
    return [c for c in citations if not (c.article_id in seen or seen.add(c.article_id))]


def _sentence_text(body: str, fact: Fact | None = None) -> str:
    """The clause around ``fact`` (or the article's first line), shortened for display.

    A sentence often dates several happenings ("... بعد اجتماع جرى في 18 فبراير، وكان الأول
    منذ بدء الغزو ... في فبراير 2022"): each entry shows the clause of its own date, widened
    to the clauses before it (within the paragraph) until it says enough to read alone.
    """
    if fact is None:
        line = body.strip().split("\n", 1)[0] if body.strip() else ""
        return line[:MAX_TEXT]
    paragraph = body.rfind("\n", 0, fact.start) + 1
    breaks = [paragraph] + [m.end() for m in _CLAUSE_BREAK.finditer(body, paragraph, fact.start)]
    after = _CLAUSE_BREAK.search(body, fact.end)
    end = after.start() if after else len(body)
    start = breaks.pop()
    while breaks and end - start < MIN_TEXT:
        start = breaks.pop()
    text = body[start:end].strip()
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
