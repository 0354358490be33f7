"""Read-only queries the web pages need, straight on the Store's SQLite tables.

The pages read the stored JSON as dicts (the report shape) instead of rebuilding
model objects: a story page then costs one row and one json.loads, which keeps
it fast on large databases. Search goes through :meth:`Store.search` (FTS5 over
normalized text) so queries and the index are normalized by the same code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from khabar.consolidate.digest import outlet_of
from khabar.model import Article
from khabar.present.web.views import story_row
from khabar.store.sqlite import Store

_ROW_SQL = """
SELECT id, date, n_articles, n_outlets, json_extract(digest, '$.headline'), json_extract(digest, '$.outlets'),
       json_array_length(digest, '$.events')
FROM stories WHERE digest IS NOT NULL
"""


def _row(r: Sequence) -> dict:
    return {"id": r[0], "date": r[1], "n_articles": r[2], "n_outlets": r[3], "headline": r[4] or "",
            "outlets": json.loads(r[5] or "[]"), "n_events": r[6] or 0}


def count_stories(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM stories WHERE digest IS NOT NULL").fetchone()[0]


def story_rows(store: Store, limit: int, offset: int = 0) -> list[dict]:
    """The story list, newest first, then the biggest (the order of :meth:`Store.digests`)."""
    rows = store.db.execute(_ROW_SQL + " ORDER BY date DESC, n_articles DESC, id LIMIT ? OFFSET ?",
                            (limit, offset)).fetchall()
    return [_row(r) for r in rows]


def digest(store: Store, story_id: str) -> dict | None:
    row = store.db.execute("SELECT digest FROM stories WHERE id=?", (story_id,)).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def _with_outlet(data: dict) -> dict:
    if not data.get("outlet"):
        data["outlet"] = outlet_of(Article(id=data["id"], source=data.get("source", ""), title="", body="",
                                           url=data.get("url", ""),
                                           credited_source=data.get("credited_source", "")))
    return data


def articles(store: Store, ids: Sequence[str]) -> dict[str, dict]:
    """Article dicts (with the outlet to show) by id; unknown ids are left out."""
    found: dict[str, dict] = {}
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = f"SELECT id, data FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        for aid, data in store.db.execute(sql, chunk):
            found[aid] = _with_outlet(json.loads(data))
    return found


def sentences(store: Store, article_id: str) -> list[dict]:
    row = store.db.execute("SELECT json_extract(data, '$.sentences') FROM analyses WHERE article_id=?",
                           (article_id,)).fetchone()
    return json.loads(row[0]) if row and row[0] else []


def stories_of(store: Store, article_ids: Sequence[str]) -> dict[str, dict]:
    """For each article id, the story row it belongs to (through its event)."""
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    sql = ("SELECT j.value, s.id, s.date, s.n_articles, s.n_outlets, json_extract(s.digest, '$.headline'),"
           " json_extract(s.digest, '$.outlets'), json_array_length(s.digest, '$.events')"
           " FROM events e, json_each(e.data, '$.article_ids') j JOIN stories s ON s.id = e.story_id"
           f" WHERE s.digest IS NOT NULL AND j.value IN ({marks})")
    return {r[0]: _row(r[1:]) for r in store.db.execute(sql, list(article_ids))}


def entity_occurrences(store: Store, entity_id: str) -> list[tuple[dict, dict]]:
    """(story row, entity dict) for every story naming the entity ``entity_id`` (by id, then by its key)."""
    sql = ("SELECT s.digest, j.value FROM stories s, json_each(s.digest, '$.entities') j"
           " WHERE s.digest IS NOT NULL AND json_extract(j.value, '$.{field}') = ?"
           " ORDER BY s.date DESC, s.id")
    found = store.db.execute(sql.format(field="id"), (entity_id,)).fetchall()
    keys = {json.loads(e).get("key") for _, e in found} - {"", None}
    if keys:
        found = [r for key in sorted(keys) for r in store.db.execute(sql.format(field="key"), (key,))]
    occurrences, seen = [], set()
    for d, e in found:
        row = story_row(json.loads(d))
        if row["id"] not in seen:
            seen.add(row["id"])
            occurrences.append((row, json.loads(e)))
    return occurrences
