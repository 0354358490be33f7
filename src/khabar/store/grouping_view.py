"""The part of an article that grouping reads, stored compactly next to the full JSON.

Regrouping after every ingest replays all stored articles through the event
clusterer, which reads only the stems, the entity keys, the full dates, the
where/when facts, the title, the dates and the lead of each article. Rebuilding
whole Article/Analysis objects from their JSON for that cost ~2 ms and ~50 KiB
per article (SaudiNewsNet); this view is a few hundred bytes and decodes about
ten times faster, and the objects it yields give :func:`khabar.group.group`
exactly the same inputs (bodies are left out: digests read the full articles).
"""

from __future__ import annotations

import json
import sys

from khabar.model import Analysis, Article, DateMention, Fact, Mention, Sentence

GROUPING_SLOTS = ("when", "where")  # the facts khabar.group.crossref reads
LEAD_SENTENCES = 2  # what khabar.group.features.embedding_text reads
LEAD_CHARS = 300  # its fallback when an article has no sentences


def encode(article: Article, analysis: Analysis) -> str:
    """The grouping view of one analyzed article, as compact JSON."""
    lead = analysis.sentences[:LEAD_SENTENCES]
    return json.dumps({
        "s": article.source, "t": article.title, "p": article.published_at, "e": analysis.event_date,
        "a": analysis.article_id,
        "w": list(analysis.terms),
        "m": [m.key for m in analysis.mentions if m.key],
        "d": [d.value for d in analysis.dates if len(d.value) == 10],
        "f": [[f.slot, f.key, f.sentence, int(f.background)] for f in analysis.facts if f.slot in GROUPING_SLOTS],
        "l": [[s.index, s.start, s.end, s.text] for s in lead],
        "b": "" if lead else article.body[:LEAD_CHARS],
    }, ensure_ascii=False, separators=(",", ":"))


def decode(article_id: str, data: str) -> tuple[Article, Analysis]:
    """Article and Analysis carrying only what grouping reads (stems interned: they repeat a lot)."""
    d = json.loads(data)
    article = Article(id=article_id, source=d["s"], title=d["t"], body=d["b"], published_at=d["p"])
    analysis = Analysis(
        article_id=d["a"],
        sentences=tuple(Sentence(i, s, e, t) for i, s, e, t in d["l"]),
        mentions=tuple(Mention(0, 0, "", "", key, 0) for key in d["m"]),
        dates=tuple(DateMention(0, 0, "", value, 0) for value in d["d"]),
        facts=tuple(Fact(slot, "", key, 0, 0, sentence, background=bool(bg)) for slot, key, sentence, bg in d["f"]),
        event_date=d["e"],
        terms=tuple(map(sys.intern, d["w"])),
    )
    return article, analysis
