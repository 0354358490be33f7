"""Page speed of the web app on a large database: story list and story page latency.

Builds (or reuses) a database of the SaudiNewsNet articles (31,030), then serves
it with the real app (uvicorn on 127.0.0.1, in a thread) and times sequential
HTTP requests from a client in the same process: median and 95th percentile per
page kind.

The database is built *without* the full pipeline (cleaning, NER, grouping are
too slow for a benchmark run on 31k articles today): articles are inserted with
:meth:`Store.add_articles` (body as crawled, sentences from the shared splitter,
so the FTS5 index is the real one), and stories are simple digests: articles of
one day sharing their two leading title stems, with a cited summary, facts,
entities and a timeline of the usual size. SaudiNewsNet is non-commercial: the
database stays local (pass --db outside the repository, default /tmp).

Real pipeline digests of big stories are much larger than those, so a second,
small database is built through the real pipeline (clean, analyze, group,
consolidate) from the first ``--pipeline-articles`` SaudiNewsNet articles, and
its biggest stories are timed too.

    python benchmarks/bench_web.py [--db /tmp/khabar-snn.db] [--requests 200] [--pipeline-articles 300]
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx
import uvicorn

from khabar.arabic import STOPWORDS, normalize, split_sentences, stem, tokenize
from khabar.errors import BadDocument
from khabar.ingest import read_paths
from khabar.model import (
    Analysis,
    Article,
    Citation,
    Claim,
    Entity,
    EntityRef,
    Event,
    EventDigest,
    FactGroup,
    Sentence,
    Story,
    StoryDigest,
    SummarySentence,
    TimelineEntry,
)
from khabar.present.web.app import create_app
from khabar.store.sqlite import Store

# shared/data next to the repository (a checkout in /work/main, or a worktree one level deeper)
DATA = next((p / "shared" / "data" / "saudinewsnet" / "zips" for p in Path(__file__).resolve().parents[1:4]
             if (p / "shared" / "data" / "saudinewsnet" / "zips").is_dir()), Path("saudinewsnet/zips"))
MAX_STORY = 60


def _article(doc) -> tuple[Article, Analysis]:
    body = doc.text
    sentences = tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body)))
    art = Article(doc.doc_id, doc.source, doc.title, body, outlet=doc.outlet, url=doc.url,
                  published_at=doc.published_at[:10])
    return art, Analysis(art.id, sentences=sentences, event_date=art.published_at)


def _story_key(art: Article) -> str:
    stems = [stem(t.text) for t in tokenize(normalize(art.title, "match"))]
    stems = [s for s in stems if len(s) > 2 and s not in STOPWORDS][:2]
    return art.published_at + "|" + " ".join(sorted(stems))


def _cite(art: Article, ana: Analysis, i: int = 0) -> Citation:
    s = ana.sentences[min(i, len(ana.sentences) - 1)]
    return Citation(art.id, s.index, s.start, s.end)


def _digest(sid: str, members: list[tuple[Article, Analysis]]) -> StoryDigest:
    """A digest of the usual size: 5 cited summary sentences, facts, 10 entities, a timeline."""
    members = [m for m in members if m[1].sentences]
    halves = [members[: len(members) // 2 or 1], members[len(members) // 2 or 1:]]
    events, digests = [], []
    for n, part in enumerate(h for h in halves if h):
        ev = Event(f"{sid}-e{n}", tuple(a.id for a, _ in part), part[0][0].title, part[0][0].published_at)
        claims = tuple(Claim(a.id, a.title[:30], normalize(a.title[:30], "key"), _cite(a, n_)) for a, n_ in part[:6])
        facts = (FactGroup("where", "", "agreed", claims[:3]), FactGroup("number", "", "single", claims[:1]),
                 FactGroup("when", "", "contradicted" if len(claims) > 1 else "single", claims[:2]))
        summary = tuple(SummarySentence(n_.sentences[0].text, a.id, 0, tuple(_cite(b, m) for b, m in part[:3]))
                        for a, n_ in part[:5])
        events.append(ev)
        digests.append(EventDigest(ev, part[0][0].title, summary, facts))
    words = [t.text for a, _ in members[:10] for t in tokenize(a.title) if len(t.text) > 3][:10]
    entities = tuple(Entity(f"en-{normalize(w, 'key')}", "MISC", w, key=normalize(w, "key"), spellings=((w, 2),),
                            mentions=tuple(EntityRef(a.id, 0, 0, 1, w) for a, _ in members[:5])) for w in words)
    summary = tuple(s for d in digests for s in d.summary)[:5]
    timeline = tuple(TimelineEntry(e.date, e.title, e.id, False, (_cite(*members[0]),)) for e in events)
    return StoryDigest(Story(sid, tuple(e.id for e in events), members[0][0].title), members[0][0].title,
                       tuple(digests), summary, entities, timeline, tuple(a.id for a, _ in members),
                       tuple(sorted({a.outlet for a, _ in members})))


def build(db: Path, data: Path) -> tuple[int, int, float]:
    """Insert the SaudiNewsNet articles and simple story digests; (articles, stories, seconds)."""
    if not list(data.glob("*.zip")):
        sys.exit(f"no SaudiNewsNet zips in {data} (pass --data)")
    t0 = time.perf_counter()
    groups: dict[str, list[tuple[Article, Analysis]]] = defaultdict(list)
    batch: list[tuple[Article, Analysis]] = []
    with Store(db) as store:
        for doc in read_paths(sorted(data.glob("*.zip"))):
            if isinstance(doc, BadDocument) or not doc.text.strip():
                continue
            item = _article(doc)
            batch.append(item)
            key = _story_key(item[0])
            if len(groups[key]) < MAX_STORY:
                groups[key].append(item)
            if len(batch) >= 1000:
                store.add_articles(batch)
                batch.clear()
        store.add_articles(batch)
        digests = [_digest(f"st-{i:06d}", members) for i, members in enumerate(groups.values())
                   if any(a[1].sentences for a in members)]
        events = [e.event for d in digests for e in d.events]
        store.save_grouping(events, [d.story for d in digests])
        store.save_digests(digests)
        n = store.count_articles()
    return n, len(digests), time.perf_counter() - t0


def build_with_pipeline(db: Path, data: Path, n: int) -> tuple[int, int, float]:
    """The first ``n`` SaudiNewsNet articles through the real pipeline; (articles, stories, seconds)."""
    from khabar.pipeline import consolidate, process

    t0 = time.perf_counter()
    items = []
    for doc in itertools.islice(read_paths(sorted(data.glob("*.zip"))), n):
        if isinstance(doc, BadDocument):
            continue
        try:
            items.append(process(doc))
        except BadDocument:
            continue
    with Store(db) as store:
        store.add_articles(items)
        digests = consolidate(store)
        return store.count_articles(), len(digests), time.perf_counter() - t0


def _time(client: httpx.Client, url: str) -> float:
    t0 = time.perf_counter()
    r = client.get(url)
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        sys.exit(f"{url}: HTTP {r.status_code}")
    return elapsed


def _stats(ms: list[float]) -> str:
    ms = sorted(ms)
    return (f"median {statistics.median(ms):6.1f} ms · p95 {ms[int(len(ms) * 0.95) - 1]:6.1f} ms · "
            f"max {ms[-1]:6.1f} ms · n={len(ms)}")


class Served:
    """The app over ``db`` served by uvicorn on a free 127.0.0.1 port, in a thread."""

    def __init__(self, db: Path):
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> httpx.Client:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
        _time(self.client, "/")  # warm up: first connection, template compilation
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _ids(db: Path, sql: str) -> list[str]:
    with Store(db) as store:
        return [r[0] for r in store.db.execute(sql)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/khabar-snn.db"))
    ap.add_argument("--requests", type=int, default=200, help="requests per page kind")
    ap.add_argument("--data", type=Path, default=DATA, help="folder of SaudiNewsNet day zips")
    ap.add_argument("--pipeline-articles", type=int, default=300,
                    help="articles for the real-pipeline database (0: skip it)")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    pipeline_db = args.db.with_name(args.db.stem + f"-pipeline{args.pipeline_articles}.db")
    if args.rebuild:
        for p in (args.db, pipeline_db):
            p.unlink(missing_ok=True)
    if not args.db.exists():
        n, s, secs = build(args.db, args.data)
        print(f"built {args.db}: {n} articles, {s} simple digests in {secs:.0f} s")
    story_ids = _ids(args.db, "SELECT id FROM stories ORDER BY n_articles DESC")
    article_ids = _ids(args.db, "SELECT id FROM articles")
    rng = random.Random(7)
    big = story_ids[:20]
    pages = {
        "story list (/)": ["/"] * args.requests,
        "story list, deep pages (/?page=N)": [f"/?page={rng.randint(2, max(2, len(story_ids) // 30))}"
                                              for _ in range(args.requests)],
        "story page, random (/story/ID)": [f"/story/{rng.choice(story_ids)}" for _ in range(args.requests)],
        "story page, 20 biggest (/story/ID)": [f"/story/{big[i % len(big)]}" for i in range(args.requests)],
        "article page (/article/ID)": [f"/article/{rng.choice(article_ids)}" for _ in range(args.requests)],
        "search (/search?q=...)": [f"/search?q={q}" for q in
                                   ["السعودية", "الرياض", "وزير الخارجية", "اليمن", "الهلال", "اسعار النفط",
                                    "الامير", "مجلس الشورى"] * max(1, args.requests // 40)],
        "API story (/api/stories/ID)": [f"/api/stories/{rng.choice(story_ids)}" for _ in range(args.requests)],
    }
    print(f"{args.db}: {len(article_ids)} articles, {len(story_ids)} stories; "
          f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    with Served(args.db) as client:
        for name, urls in pages.items():
            print(f"{name:38s} {_stats([_time(client, u) for u in urls])}")
    if args.pipeline_articles <= 0:
        return
    if not pipeline_db.exists():
        n, s, secs = build_with_pipeline(pipeline_db, args.data, args.pipeline_articles)
        print(f"built {pipeline_db} through the pipeline: {n} articles, {s} stories in {secs:.0f} s")
    biggest = _ids(pipeline_db, "SELECT id FROM stories WHERE digest IS NOT NULL ORDER BY n_articles DESC LIMIT 5")
    sizes = _ids(pipeline_db, "SELECT n_articles || ' articles, ' || (length(digest) / 1024) || ' KB digest'"
                              " FROM stories WHERE digest IS NOT NULL ORDER BY n_articles DESC LIMIT 5")
    with Served(pipeline_db) as client:
        print(f"{'pipeline story list (/)':38s} {_stats([_time(client, '/') for _ in range(args.requests)])}")
        for sid, size in zip(biggest, sizes, strict=True):
            urls = [f"/story/{sid}"] * max(5, args.requests // 10)
            print(f"{'pipeline story, ' + size:38s} {_stats([_time(client, u) for u in urls])}")


if __name__ == "__main__":
    main()
