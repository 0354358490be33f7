"""Search results grouped by story, with snippets in the articles' original spelling.

Matching happens on normalized text (the FTS5 index of :class:`Store`), but people
read the original: :func:`snippet` finds the hit in the normalized body and maps it
back through :func:`khabar.arabic.normalize_map` to show and mark the original words.
"""

from __future__ import annotations

from khabar.arabic import normalize, normalize_map
from khabar.present.web import queries
from khabar.store.sqlite import Store

SNIPPET_BEFORE = 70
SNIPPET_AFTER = 130
MAX_RESULTS = 100


def _first_hit(text: str, terms: list[str]) -> tuple[int, int] | None:
    """Start and end in ``text`` of the first hit of any term, paragraph by paragraph (most hits come early,
    and mapping offsets back costs a Python loop per character)."""
    offset = 0
    for line in text.split("\n"):
        key, origin = normalize_map(line, "key")
        hits = sorted((i, len(t)) for t in terms if t and (i := key.find(t)) >= 0)
        if hits:
            i, n = hits[0]
            end = origin[i + n - 1] + 1
            while end < len(line) and not normalize_map(line[end], "key")[0]:  # keep the word's trailing diacritics
                end += 1
            return offset + origin[i], offset + end
        offset += len(line) + 1
    return None


def snippet(text: str, terms: list[str]) -> list[dict]:
    """Segments [{text, hit}] around the first hit of any term in ``text`` (its start when none hits)."""
    hit = _first_hit(text, terms)
    if hit is None:
        head = text[:SNIPPET_AFTER]
        return [{"text": head + ("…" if len(text) > len(head) else ""), "hit": False}] if head else []
    start, end = hit
    lo, hi = max(0, start - SNIPPET_BEFORE), min(len(text), end + SNIPPET_AFTER)
    segments = [{"text": ("…" if lo else "") + text[lo:start], "hit": False},
                {"text": text[start:end], "hit": True},
                {"text": text[end:hi] + ("…" if hi < len(text) else ""), "hit": False}]
    return [s for s in segments if s["text"]]


def search_view(store: Store, query: str, stories: queries.StoryOfArticle, limit: int = MAX_RESULTS) -> dict:
    """Articles matching ``query`` (Arabic spelling variants included), grouped by story, best group first."""
    hits = store.search(query, limit=limit)
    terms = [t for t in normalize(query, "key").split() if t]
    ids = [aid for aid, _ in hits]
    arts = queries.articles(store, ids)
    story_of = stories.lookup(store, ids)
    groups: dict[str, dict] = {}
    for aid, score in hits:
        art = arts.get(aid)
        if art is None:
            continue
        story = story_of.get(aid)
        group = groups.setdefault(story["id"] if story else "", {"story": story, "score": 0.0, "articles": []})
        group["score"] = max(group["score"], score)
        group["articles"].append({"id": aid, "title": art.get("title", ""), "outlet": art.get("outlet", ""),
                                  "published_at": art.get("published_at", ""), "score": round(score, 3),
                                  "snippet": snippet(art.get("body", ""), terms)})
    ordered = sorted(groups.values(), key=lambda g: (g["story"] is None, -g["score"]))
    return {"q": query, "n_articles": sum(len(g["articles"]) for g in ordered), "groups": ordered}
