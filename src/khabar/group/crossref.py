"""Event dates one article leaves open and another one settles.

Many pages carry no publication date and report "today, Thursday". When one
article's main happening is another article's dated background ("a meeting held
at the US consul general's residence on 27 February"), the main happening is that
background one: same venue, so it gets that date. This is what keeps an article
about an earlier round of talks out of the later round's event.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from khabar.model import Analysis, Article

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dated_backgrounds(items: Sequence[tuple[Article, Analysis]]) -> dict[str, Counter]:
    """Venue key -> days of background happenings at that venue, over all articles."""
    out: dict[str, Counter] = {}
    for _, analysis in items:
        days = {f.sentence: f.key for f in analysis.facts
                if f.slot == "when" and f.background and _DAY.match(f.key)}
        for f in analysis.facts:
            if f.slot == "where" and f.background and f.sentence in days:
                out.setdefault(f.key, Counter())[days[f.sentence]] += 1
    return out


def main_venues(analysis: Analysis) -> set[str]:
    return {f.key for f in analysis.facts if f.slot == "where" and not f.background}


def infer_event_dates(items: Sequence[tuple[Article, Analysis]]) -> list[tuple[Article, Analysis]]:
    """``items`` with undated articles given the date other articles give their venue's happening."""
    backgrounds = dated_backgrounds(items)
    if not backgrounds:
        return list(items)
    out = []
    for article, analysis in items:
        if not analysis.event_date and not article.published_at:
            days: Counter = Counter()
            for venue in main_venues(analysis):
                days.update(backgrounds.get(venue, Counter()))
            if days:
                analysis = dataclasses.replace(analysis, event_date=days.most_common(1)[0][0])
        out.append((article, analysis))
    return out
