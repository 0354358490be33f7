"""Read-only queries the web pages need, straight on the Store's SQLite tables.

The pages read the stored JSON as dicts (the report shape) instead of rebuilding
model objects: a story page then costs one row and one json.loads, which keeps
it fast on large databases. Search goes through :meth:`Store.search` (FTS5 over
normalized text) so queries and the index are normalized by the same code.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

from khabar.consolidate.digest import outlet_of
from khabar.model import Article
from khabar.present.web.views import story_row
from khabar.store.sqlite import Store

_COLUMNS = ("s.id, s.date, s.n_articles, s.n_outlets, json_extract(s.listing, '$.headline'),"
            " json_extract(s.listing, '$.outlets'), json_extract(s.listing, '$.n_events'),"
            " json_extract(s.listing, '$.lede')")
_ORDER = "date DESC, n_articles DESC, id"  # the order of Store.digests: newest first, then the biggest
# A partial index in that order makes the story list and its deep pages a walk along the index.
def _row(r: Sequence) -> dict:
    return {"id": r[0], "date": r[1], "n_articles": r[2], "n_outlets": r[3], "headline": r[4] or "",
            "outlets": json.loads(r[5] or "[]"), "n_events": r[6] or 0, "lede": r[7] or ""}


def count_stories(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM stories WHERE digest IS NOT NULL").fetchone()[0]


def story_rows(store: Store, limit: int, offset: int = 0) -> list[dict]:
    """The story list, newest first, then the biggest; only the rows shown have their digest read."""
    sql = (f"SELECT {_COLUMNS} FROM stories s JOIN (SELECT id FROM stories WHERE digest IS NOT NULL"
           f" ORDER BY {_ORDER} LIMIT ? OFFSET ?) page USING (id) ORDER BY s.{_ORDER.replace(', ', ', s.')}")
    return [_row(r) for r in store.db.execute(sql, (limit, offset))]


def story_rows_by_id(store: Store, story_ids: Sequence[str]) -> dict[str, dict]:
    ids = list(dict.fromkeys(story_ids))
    if not ids:
        return {}
    sql = f"SELECT {_COLUMNS} FROM stories s WHERE s.digest IS NOT NULL AND s.id IN ({','.join('?' * len(ids))})"
    return {r[0]: _row(r) for r in store.db.execute(sql, ids)}


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


class StoryOfArticle:
    """Which story each article belongs to, kept in memory and rebuilt when the database file changes.

    The Store keeps an event's article ids inside its JSON, so answering "which
    story is this article in" in SQL means scanning every event; one scan per
    change of the database (stamped by the modification times of the file and its
    WAL) keeps article pages and search fast.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._stamp: tuple = ()
        self._map: dict[str, str] = {}
        self._lock = threading.Lock()

    def _current_stamp(self) -> tuple:
        stamp = []
        for p in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = p.stat()
                stamp.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def lookup(self, store: Store, article_ids: Sequence[str]) -> dict[str, dict]:
        """For each article id, the story row it belongs to (ids in no story are left out)."""
        stamp = self._current_stamp()
        with self._lock:
            if stamp != self._stamp:
                rows = store.db.execute("SELECT story_id, json_extract(data, '$.article_ids') FROM events"
                                        " WHERE story_id IS NOT NULL ORDER BY date, id")
                self._map = {aid: sid for sid, ids in rows for aid in json.loads(ids or "[]")}
                self._stamp = stamp
            found = {aid: self._map[aid] for aid in article_ids if aid in self._map}
        rows = story_rows_by_id(store, list(found.values()))
        return {aid: rows[sid] for aid, sid in found.items() if sid in rows}


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
