"""Page data: what each page (and its JSON twin under /api/) shows, as plain dicts.

Pure functions over the report shapes (a StoryDigest dict and article dicts with
their ``outlet``), so the web app and the static report build exactly the same
views. Article text is kept as text here; escaping is the templates' job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlparse

STATUSES = ("agreed", "single", "contradicted")

SLOT_LABELS = {
    "when": "الموعد",
    "where": "المكان",
    "who_heads": "رئاسة الوفد",
    "duration": "المدة",
    "number": "رقم",
    "agreement": "ما اتُّفق عليه",
    "quote": "تصريح",
    "topic_excluded": "موضوع مستبعد",
    "topic": "موضوع",
    "date": "التاريخ",
    "city": "المدينة",
    "venue": "مكان الانعقاد",
    "agenda": "جدول الأعمال",
}

QUOTE_CHARS = 320  # longest source sentence shown in a citation reveal
CITES_SHOWN = 12  # citation markers on one sentence or timeline entry


def slot_label(slot: str) -> str:
    """The Arabic name of a fact slot (the slot itself when unknown)."""
    return SLOT_LABELS.get(slot, slot.replace("_", " "))


def safe_url(url: str) -> str:
    """``url`` when it is http(s), else "" (no javascript: or data: links from sources)."""
    try:
        scheme = urlparse(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""


def story_date(digest: Mapping) -> str:
    return max((e["event"].get("date", "") for e in digest.get("events", ())), default="")


def story_row(digest: Mapping) -> dict:
    """One line of the story list."""
    return {
        "id": digest["story"]["id"],
        "headline": digest.get("headline") or digest["story"].get("title", ""),
        "date": story_date(digest),
        "n_events": len(digest.get("events", ())),
        "n_articles": len(digest.get("article_ids", ())),
        "n_outlets": len(digest.get("outlets", ())),
        "outlets": list(digest.get("outlets", ())),
        "lede": next((s["text"] for s in digest.get("summary", ())), ""),
    }


class _Citations:
    """Numbers a story's citations in order of first use and resolves their quotes; a sentence
    cited by hundreds of articles shows at most ``CITES_SHOWN``, one per outlet first."""

    def __init__(self, articles: Mapping[str, Mapping]):
        self.articles = articles
        self.numbers: dict[tuple[str, int, int], int] = {}

    def __call__(self, citations: Sequence[Mapping]) -> list[dict]:
        out = []
        for c in self._shown(citations):
            key = (c["article_id"], c.get("start", 0), c.get("end", 0))
            n = self.numbers.setdefault(key, len(self.numbers) + 1)
            art = self.articles.get(c["article_id"], {})
            body = art.get("body", "")
            start, end = c.get("start", 0), c.get("end", 0)
            quote = body[start:end] if 0 <= start < end <= len(body) else ""
            if len(quote) > QUOTE_CHARS:
                quote = quote[:QUOTE_CHARS].rstrip() + "…"
            out.append({"n": n, "article_id": c["article_id"], "sentence": c.get("sentence", 0),
                        "outlet": art.get("outlet") or c["article_id"][:8], "title": art.get("title", ""),
                        "quote": quote})
        return out


    def _shown(self, citations: Sequence[Mapping]) -> list[Mapping]:
        if len(citations) <= CITES_SHOWN:
            return list(citations)
        seen: set[str] = set()
        first = [i for i, c in enumerate(citations)
                 if not ((o := self.articles.get(c["article_id"], {}).get("outlet", c["article_id"])) in seen
                         or seen.add(o))]
        chosen = set(first[:CITES_SHOWN])
        chosen.update([i for i in range(len(citations)) if i not in chosen][:CITES_SHOWN - len(chosen)])
        return [citations[i] for i in sorted(chosen)]


def _summary(sentences: Sequence[Mapping], cite: _Citations) -> list[dict]:
    result = []
    for s in sentences:
        citations = s.get("citations") or [{"article_id": s["article_id"], "sentence": s.get("sentence", 0),
                                            "start": 0, "end": 0}]
        result.append({"text": s["text"], "cites": cite(citations)})
    return result


def _fact(group: Mapping, event: Mapping, cite: _Citations) -> dict:
    claims = []
    for c in group.get("claims", ()):
        (ref,) = cite([c["citation"]])
        claims.append({"value": c["value"], "key": c.get("key", ""), "outlet": ref["outlet"],
                       "article_id": c["article_id"], "cite": ref})
    subject = group.get("subject", "")
    # Subjects are often match keys (stems, role names); show one only when a source spells it so.
    readable = subject and any(subject in cite.articles.get(c["article_id"], {}).get("body", "") for c in claims)
    return {"slot": group["slot"], "label": slot_label(group["slot"]), "subject": subject,
            "subject_label": subject if readable else "", "status": group["status"],
            "event_id": event["event"]["id"], "event": event.get("headline", ""),
            "event_date": event["event"].get("date", ""), "claims": claims}


def _sources(digest: Mapping, articles: Mapping[str, Mapping], facts: Sequence[dict]) -> list[dict]:
    """Per outlet: its articles, the events it covered and how its facts fared."""
    by_outlet: dict[str, dict] = {}
    event_of = {aid: e for e in digest.get("events", ()) for aid in e["event"].get("article_ids", ())}
    for aid in digest.get("article_ids", ()):
        art = articles.get(aid, {})
        outlet = art.get("outlet") or aid[:8]
        src = by_outlet.setdefault(outlet, {"outlet": outlet, "articles": [], "events": [],
                                            "facts": dict.fromkeys(STATUSES, 0), "slots": []})
        src["articles"].append({"id": aid, "title": art.get("title", ""), "published_at": art.get("published_at", "")})
        if aid in event_of and (head := event_of[aid].get("headline", "")) not in src["events"]:
            src["events"].append(head)
    for f in facts:
        for c in f["claims"]:
            src = by_outlet.get(c["outlet"])
            if src is None:
                continue
            src["facts"][f["status"]] = src["facts"].get(f["status"], 0) + 1
            if f["label"] not in src["slots"]:
                src["slots"].append(f["label"])
    return sorted(by_outlet.values(), key=lambda s: (-len(s["articles"]), s["outlet"]))


def _mention_count(entity: Mapping) -> int:
    """All mentions of a stored entity: digests keep a sample of them with the count
    (``mention_count``; digests from before the cap have none and keep every mention)."""
    return entity.get("mention_count") or len(entity.get("mentions", ()))


def _entity(entity: Mapping) -> dict:
    return {"id": entity.get("id", ""), "type": entity.get("type", ""), "name": entity.get("name", ""),
            "roman": entity.get("roman", ""), "key": entity.get("key", ""),
            "spellings": [list(s) for s in entity.get("spellings", ())],
            "n_mentions": _mention_count(entity),
            "roles": list(dict.fromkeys(r["role"] for r in entity.get("roles", ())))}


def story_view(digest: Mapping, articles: Mapping[str, Mapping]) -> dict:
    """Everything the story page shows, citations numbered and resolved to their sentences."""
    cite = _Citations(articles)
    summary = _summary(digest.get("summary", ()), cite)
    events, facts = [], []
    for e in digest.get("events", ()):
        ev = e["event"]
        event_facts = [_fact(g, e, cite) for g in e.get("facts", ())]
        facts.extend(event_facts)
        events.append({"id": ev["id"], "headline": e.get("headline", ""), "date": ev.get("date", ""),
                       "n_articles": len(ev.get("article_ids", ())),
                       "outlets": sorted({articles.get(a, {}).get("outlet", "") for a in ev.get("article_ids", ())}
                                         - {""}),
                       "summary": _summary(e.get("summary", ()), cite),
                       "n_duplicates": len(ev.get("duplicates", ()))})
    kept = _timeline_kept(digest.get("timeline", ()))
    timeline = [{"date": t.get("date", ""), "text": t.get("text", ""), "event_id": t.get("event_id", ""),
                 "background": bool(t.get("background")), "cites": cite(t.get("citations", ()))}
                for t in kept]
    row = story_row(digest)
    return row | {
        "summary": summary,
        "events": events,
        "timeline": timeline,
        "timeline_more": len(digest.get("timeline", ())) - len(kept),
        "facts": {status: [f for f in facts if f["status"] == status] for status in STATUSES},
        "sources": _sources(digest, articles, facts),
        "entities": [_entity(x) for x in digest.get("entities", ())],
    }


TIMELINE_ENTRIES = 60  # a long story's timeline keeps its events and best-sourced background dates


def _timeline_kept(entries: Sequence[Mapping], limit: int = TIMELINE_ENTRIES) -> list[Mapping]:
    """At most ``limit`` entries, in their order: the events' own entries first, then the
    background dates most sources give."""
    if len(entries) <= limit:
        return list(entries)
    rank = sorted(range(len(entries)), key=lambda i: (bool(entries[i].get("background")),
                                                      -len(entries[i].get("citations", ())), i))
    return [entries[i] for i in sorted(rank[:limit])]


COVERAGE_ROWS = 24  # facts beyond this are left to the lists above the matrix


def coverage(view: Mapping, max_rows: int = COVERAGE_ROWS) -> tuple[list[str], list[dict], int]:
    """The coverage matrix data: outlets (columns), fact rows (contradictions first, then agreements,
    then single-source facts; ``max_rows`` in all) with the value each outlet gave, and how many rows were left out."""
    outlets = [s["outlet"] for s in view["sources"]]
    several_events = len(view["events"]) > 1
    rows = []
    for status in ("contradicted", "agreed", "single"):
        for f in view["facts"][status]:
            cells = {}
            for c in f["claims"]:
                cells.setdefault(c["outlet"], c["value"])
            label = " · ".join(x for x in (f["label"], f["subject_label"],
                                           f["event_date"] if several_events else "") if x)
            rows.append({"label": label, "status": status, "cells": cells})
    shown = rows[:max_rows]
    return outlets, shown, len(rows) - len(shown)


def article_segments(body: str, sentences: Sequence[Mapping]) -> list[list[dict]]:
    """The body as paragraphs of segments, each sentence marked with its index (for #s-N anchors)."""
    pieces: list[tuple[str, int | None]] = []
    pos = 0
    for s in sorted(sentences, key=lambda s: s["start"]):
        start, end = max(s["start"], pos), min(s["end"], len(body))
        if start >= end:
            continue
        if start > pos:
            pieces.append((body[pos:start], None))
        pieces.append((body[start:end], s["index"]))
        pos = end
    if pos < len(body):
        pieces.append((body[pos:], None))
    paragraphs: list[list[dict]] = [[]]
    for text, index in pieces:
        for i, line in enumerate(text.split("\n")):
            if i > 0 and paragraphs[-1]:
                paragraphs.append([])
            if line and (paragraphs[-1] or line.strip()):
                paragraphs[-1].append({"text": line, "sentence": index if i == 0 else None})
    return [p for p in paragraphs if any(seg["text"].strip() for seg in p)]


def article_view(article: Mapping, sentences: Sequence[Mapping] = (), stories: Sequence[Mapping] = ()) -> dict:
    """The article page: clean body by sentence, what was cut and why, metadata, its stories."""
    return {
        "id": article["id"],
        "title": article.get("title", ""),
        "outlet": article.get("outlet", ""),
        "url": safe_url(article.get("url", "")),
        "published_at": article.get("published_at", ""),
        "author": article.get("author", ""),
        "credited_source": article.get("credited_source", ""),
        "source": article.get("source", ""),
        "captions": list(article.get("captions", ())),
        "paragraphs": article_segments(article.get("body", ""), sentences),
        "removed": [{"kind": b.get("kind", ""), "reason": b.get("reason", ""), "text": b.get("text", ""),
                     "score": b.get("score", 1.0)} for b in article.get("removed", ())],
        "stories": list(stories),
    }


def entity_view(occurrences: Sequence[tuple[Mapping, Mapping]], articles: Mapping[str, Mapping]) -> dict | None:
    """One entity across stories from its (story row, entity dict) occurrences: spellings summed,
    each role with the sentence that gives it (``articles`` resolves the citations)."""
    if not occurrences:
        return None
    first = max((e for _, e in occurrences), key=_mention_count)
    spellings: dict[str, int] = {}
    evidence: dict[str, Mapping] = {}
    for _, e in occurrences:
        for s, n in e.get("spellings", ()):
            spellings[s] = spellings.get(s, 0) + n
        for r in e.get("roles", ()):
            evidence.setdefault(r["role"], r.get("evidence") or {})
    cite = _Citations(articles)
    view = _entity(first)
    view["spellings"] = sorted(([s, n] for s, n in spellings.items()), key=lambda x: (-x[1], x[0]))
    view["n_mentions"] = sum(_mention_count(e) for _, e in occurrences)
    view["roles"] = list(evidence)
    view["role_evidence"] = [{"role": role, "cites": cite([ev]) if ev.get("article_id") else []}
                             for role, ev in evidence.items()]
    view["stories"] = [dict(row) for row, _ in occurrences]
    return view


def role_articles(occurrences: Sequence[tuple[Mapping, Mapping]]) -> list[str]:
    """The article ids an entity's roles cite (to load before :func:`entity_view`)."""
    return [r["evidence"]["article_id"] for _, e in occurrences for r in e.get("roles", ())
            if (r.get("evidence") or {}).get("article_id")]
