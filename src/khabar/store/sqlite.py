"""The embedded store: one SQLite file in WAL mode, written in batches inside transactions.

Model objects are stored as JSON next to the columns that are queried (ids,
dates, outlets), so the schema stays small while every field survives a round
trip. Articles are also indexed for full-text search on their normalized text
(FTS5), so Arabic spelling variants find each other.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from khabar.arabic import normalize
from khabar.model import Analysis, Article, Event, Story, StoryDigest, from_dict, to_dict
from khabar.store import grouping_view

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT NOT NULL,
    published_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS grouping_views (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    date TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    data TEXT NOT NULL,
    digest TEXT,
    digest_key TEXT,
    listing TEXT
);
CREATE INDEX IF NOT EXISTS stories_listed ON stories(date DESC, n_articles DESC, id) WHERE digest IS NOT NULL;
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""


# What the story list shows of a digest, stored beside it: a list page must not parse digests
# of megabytes (json_extract reads the whole text) to show a headline.
_LISTING_SQL = ("json_object('headline', json_extract(digest, '$.headline'), 'outlets',"
                " json(json_extract(digest, '$.outlets')), 'n_events', json_array_length(digest, '$.events'),"
                " 'lede', json_extract(digest, '$.summary[0].text'))")


def _listing(d: StoryDigest) -> str:
    return json.dumps({"headline": d.headline, "outlets": list(d.outlets), "n_events": len(d.events),
                       "lede": d.summary[0].text if d.summary else None}, ensure_ascii=False)


class ArticleRow(NamedTuple):
    """An analyzed article as the store writes it: its columns, its JSON and its search text.

    Encoding happens where the article was analyzed (a worker process), so the process
    that owns the database only inserts, and a worker sends strings back instead of a
    tree of model objects (cheaper to pickle and unpickle).
    """

    id: str
    source: str
    title: str
    outlet: str
    published_at: str
    article: str
    analysis: str
    view: str
    title_key: str
    body_key: str


def article_row(article: Article, analysis: Analysis) -> ArticleRow:
    """What :meth:`Store.add_rows` inserts for one analyzed article."""
    return ArticleRow(article.id, article.source, article.title, article.outlet, article.published_at,
                      _json(article), _json(analysis), grouping_view.encode(article, analysis),
                      normalize(article.title, "key"), normalize(article.body, "key"))


class DigestRow(NamedTuple):
    """A story digest as the store writes it (encoded where it was made, like :class:`ArticleRow`)."""

    story_id: str
    digest: str
    listing: str
    date: str
    n_articles: int
    n_outlets: int


def digest_row(d: StoryDigest) -> DigestRow:
    """What :meth:`Store.save_digest_rows` writes for one digest."""
    date = max((e.event.date for e in d.events), default="")
    return DigestRow(d.story.id, _json(d), _listing(d), date, len(d.article_ids), len(d.outlets))


class Store:
    """A Khabar database. Opening creates the schema; all writes are transactional."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        """Open (creating it if needed) the database at ``path``; ``readonly`` opens an existing one
        for reading only (what worker processes do while the main process writes)."""
        self.path = Path(path)
        if readonly:
            self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                      check_same_thread=False)
            return
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        _use_wal(self.db, 30)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a database made by an earlier version up to this schema (columns added since)."""
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(stories)")}
        with self.db:
            if "digest_key" not in columns:
                self.db.execute("ALTER TABLE stories ADD COLUMN digest_key TEXT")
            if "listing" not in columns:
                self.db.execute("ALTER TABLE stories ADD COLUMN listing TEXT")
                self.db.execute(f"UPDATE stories SET listing = {_LISTING_SQL} WHERE digest IS NOT NULL")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add_articles(self, batch: Sequence[tuple[Article, Analysis]]) -> int:
        """Insert a batch in one transaction; articles already stored are skipped. Returns how many were new."""
        return self.add_rows([article_row(article, analysis) for article, analysis in batch])

    def add_rows(self, rows: Sequence[ArticleRow]) -> int:
        """:meth:`add_articles` for articles already encoded by :func:`article_row` (in a worker process)."""
        added = 0
        with self.db:
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            for row in rows:
                seq += 1
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, source, title, outlet, published_at, seq, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (row.id, row.source, row.title, row.outlet, row.published_at, seq, row.article),
                )
                if cur.rowcount == 0:
                    continue
                added += 1
                self.db.execute("INSERT INTO analyses (article_id, data) VALUES (?, ?)", (row.id, row.analysis))
                self.db.execute("INSERT INTO grouping_views (article_id, data) VALUES (?, ?)", (row.id, row.view))
                self.db.execute("INSERT INTO article_search (article_id, title, body) VALUES (?, ?, ?)",
                                (row.id, row.title_key, row.body_key))
        return added

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute("SELECT data FROM analyses WHERE article_id=?", (article_id,)).fetchone()
        return from_dict(Analysis, json.loads(row[0])) if row else None

    def find_articles(self, prefix: str) -> list[str]:
        """Article ids starting with ``prefix`` (so people can type short ids)."""
        rows = self.db.execute("SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id",
                               (prefix, prefix + "\uffff")).fetchall()
        return [r[0] for r in rows]

    def items(self) -> Iterator[tuple[Article, Analysis]]:
        """Every article with its analysis, in ingestion order."""
        rows = self.db.execute(
            "SELECT a.data, n.data FROM articles a JOIN analyses n ON n.article_id = a.id ORDER BY a.seq")
        for art, ana in rows:
            yield from_dict(Article, json.loads(art)), from_dict(Analysis, json.loads(ana))

    def grouping_items(self) -> Iterator[tuple[Article, Analysis]]:
        """Every article in ingestion order, as the compact view grouping reads (no bodies).

        Articles stored by a version without that view get it written first.
        """
        self._fill_grouping_views()
        rows = self.db.execute(
            "SELECT g.article_id, g.data FROM articles a JOIN grouping_views g ON g.article_id = a.id ORDER BY a.seq")
        for article_id, data in rows:
            yield grouping_view.decode(article_id, data)

    def _fill_grouping_views(self) -> None:
        missing = self.db.execute(
            "SELECT a.data, n.data FROM articles a JOIN analyses n ON n.article_id = a.id"
            " WHERE a.id NOT IN (SELECT article_id FROM grouping_views)").fetchall()
        if not missing:
            return
        with self.db:
            for art, ana in missing:
                article, analysis = from_dict(Article, json.loads(art)), from_dict(Analysis, json.loads(ana))
                self.db.execute("INSERT INTO grouping_views (article_id, data) VALUES (?, ?)",
                                (article.id, grouping_view.encode(article, analysis)))

    def items_of(self, article_ids: Iterable[str]) -> dict[str, tuple[Article, Analysis]]:
        """The full article and analysis of each stored id among ``article_ids``."""
        out: dict[str, tuple[Article, Analysis]] = {}
        ids = list(dict.fromkeys(article_ids))
        for i in range(0, len(ids), 500):  # SQLite caps the number of parameters per statement
            part = ids[i:i + 500]
            rows = self.db.execute(
                "SELECT a.id, a.data, n.data FROM articles a JOIN analyses n ON n.article_id = a.id"
                f" WHERE a.id IN ({','.join('?' * len(part))})", part)
            for aid, art, ana in rows:
                out[aid] = from_dict(Article, json.loads(art)), from_dict(Analysis, json.loads(ana))
        return out

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 50) -> list[tuple[str, float]]:
        """Article ids matching ``query`` (normalized the same way as the index), best first."""
        terms = [t for t in normalize(query, "key").split() if t]
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', "") + '"*' for t in terms)
        rows = self.db.execute(
            "SELECT article_id, bm25(article_search) FROM article_search WHERE article_search MATCH ?"
            " ORDER BY bm25(article_search) LIMIT ?", (match, limit)).fetchall()
        return [(r[0], -r[1]) for r in rows]

    # -- failures ---------------------------------------------------------------------------

    def record_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        with self.db:
            self.db.executemany("INSERT INTO failures (source, reason, at) VALUES (?, ?, ?)",
                                [(s, r, time.time()) for s, r in failures])

    # -- events, stories, digests ---------------------------------------------------------------

    def save_grouping(self, events: Sequence[Event], stories: Sequence[Story]) -> None:
        """Replace the stored events and stories (grouping is recomputed incrementally upstream)."""
        story_of = {eid: s.id for s in stories for eid in s.event_ids}
        with self.db:
            self.db.execute("DELETE FROM events")
            self.db.executemany(
                "INSERT INTO events (id, story_id, date, data) VALUES (?, ?, ?, ?)",
                [(e.id, story_of.get(e.id), e.date, _json(e)) for e in events])
            keep = {s.id for s in stories}
            for (sid,) in self.db.execute("SELECT id FROM stories").fetchall():
                if sid not in keep:
                    self.db.execute("DELETE FROM stories WHERE id=?", (sid,))
            for s in stories:
                self.db.execute(
                    "INSERT INTO stories (id, date, n_articles, n_outlets, data) VALUES (?, '', 0, 0, ?)"
                    " ON CONFLICT(id) DO UPDATE SET data=excluded.data", (s.id, _json(s)))

    def events(self) -> list[Event]:
        return [from_dict(Event, json.loads(r[0])) for r in self.db.execute("SELECT data FROM events ORDER BY date, id")]

    def stories(self) -> list[Story]:
        return [from_dict(Story, json.loads(r[0])) for r in self.db.execute("SELECT data FROM stories ORDER BY id")]

    def save_digests(self, digests: Iterable[StoryDigest], keys: dict[str, str] | None = None) -> None:
        """Store each story's digest, with the key of what it was made from (see :meth:`digest_keys`)."""
        self.save_digest_rows(map(digest_row, digests), keys)

    def save_digest_rows(self, rows: Iterable[DigestRow], keys: dict[str, str] | None = None) -> None:
        """:meth:`save_digests` for digests already encoded by :func:`digest_row` (in a worker process)."""
        keys = keys or {}
        with self.db:
            for row in rows:
                self.db.execute(
                    "UPDATE stories SET digest=?, digest_key=?, listing=?, date=?, n_articles=?, n_outlets=?"
                    " WHERE id=?", (row.digest, keys.get(row.story_id), row.listing, row.date, row.n_articles,
                                    row.n_outlets, row.story_id))

    def digest_keys(self) -> dict[str, str]:
        """Story id -> key of the inputs its stored digest was made from, for stories that have one."""
        rows = self.db.execute("SELECT id, digest_key FROM stories WHERE digest IS NOT NULL AND digest_key IS NOT NULL")
        return dict(rows.fetchall())

    def digest(self, story_id: str) -> StoryDigest | None:
        row = self.db.execute("SELECT digest FROM stories WHERE id=?", (story_id,)).fetchone()
        return from_dict(StoryDigest, json.loads(row[0])) if row and row[0] else None

    def digests(self, limit: int | None = None, offset: int = 0) -> list[StoryDigest]:
        """Story digests, newest first, then the biggest."""
        sql = ("SELECT digest FROM stories WHERE digest IS NOT NULL"
               " ORDER BY date DESC, n_articles DESC, id LIMIT ? OFFSET ?")
        rows = self.db.execute(sql, (-1 if limit is None else limit, offset))
        return [from_dict(StoryDigest, json.loads(r[0])) for r in rows]

    def find_stories(self, prefix: str) -> list[str]:
        rows = self.db.execute("SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id",
                               (prefix, prefix + "\uffff")).fetchall()
        return [r[0] for r in rows]


def _json(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def _use_wal(db: sqlite3.Connection, timeout: float) -> None:
    """Switch ``db`` to write-ahead logging. Two processes creating one database at once can both
    ask; SQLite answers the loser "database is locked" at once, without its busy timeout, so the
    switch is retried until ``timeout`` (a database already in WAL mode answers at once)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
