"""Load test of the web app on loopback: N concurrent clients for S seconds against `khabar serve`.

Starts the real server (`khabar serve`, a subprocess on a free 127.0.0.1 port)
on a database, then runs ``--clients`` asyncio clients (httpx, one connection
each) that request a mix of pages and API routes (story list, story pages, article
pages, search) in a loop until ``--seconds`` have passed or ``--max-requests``
were sent. Reports the requests per second, every error or non-200 status, and the
median and 99th-percentile latency, overall and per kind of page. Only 127.0.0.1 is
ever contacted. The load generator runs on the same machine: its own CPU use is
part of what is measured.

    PYTHONPATH=src python benchmarks/bench_load.py [--db DB] [--seconds 30] [--clients 50]

Without ``--db`` the example story is digested into a temporary database first.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live_server import khabar, serve  # noqa: E402

EXAMPLES = ROOT / "examples" / "istanbul-2025"
SEARCHES = ["ترامب", "إسطنبول", "روسيا", "المحادثات", "السعودية", "الرياض"]
MIX = [("list", 3), ("api_list", 2), ("story", 3), ("api_story", 2), ("article", 2), ("api_article", 1),
       ("search", 1), ("api_search", 1)]


def example_db(target: Path) -> Path:
    proc = khabar("digest", str(EXAMPLES), "--db", str(target), "--quiet", "--format", "json")
    _, err = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise SystemExit(f"digest failed: {err.decode()}")
    return target


def sample_ids(db: Path, n: int = 200) -> tuple[list[str], list[str], int]:
    """Some story and article ids to request, and the number of articles."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        stories = [r[0] for r in con.execute("SELECT id FROM stories WHERE digest IS NOT NULL LIMIT ?", (n,))]
        articles = [r[0] for r in con.execute("SELECT id FROM articles LIMIT ?", (n,))]
        count = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        con.close()
    return stories, articles, count


def url_for(kind: str, rng: random.Random, stories: list[str], articles: list[str]) -> str:
    story, article, word = rng.choice(stories), rng.choice(articles), rng.choice(SEARCHES)
    return {"list": f"/?page={rng.randint(1, 3)}", "api_list": "/api/stories",
            "story": f"/story/{story}", "api_story": f"/api/stories/{story}",
            "article": f"/article/{article}", "api_article": f"/api/articles/{article}",
            "search": f"/search?q={word}", "api_search": f"/api/search?q={word}"}[kind]


async def client_loop(base: str, deadline: float, budget: list[int], rng: random.Random,
                      stories: list[str], articles: list[str], samples: dict[str, list[float]],
                      problems: Counter) -> None:
    kinds, weights = zip(*MIX, strict=True)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            kind = rng.choices(kinds, weights)[0]
            url = url_for(kind, rng, stories, articles)
            start = time.perf_counter()
            try:
                response = await client.get(url)
                await response.aread()
            except httpx.HTTPError as err:
                problems[f"{kind}: {type(err).__name__}"] += 1
                continue
            samples[kind].append(time.perf_counter() - start)
            if response.status_code != 200:
                problems[f"{kind}: HTTP {response.status_code}"] += 1


async def load(base: str, seconds: float, clients: int, max_requests: int, stories: list[str],
               articles: list[str], seed: int) -> tuple[dict[str, list[float]], Counter, float]:
    samples: dict[str, list[float]] = defaultdict(list)
    problems: Counter = Counter()
    budget = [max_requests]
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(client_loop(base, deadline, budget, random.Random(seed + i), stories, articles,
                                       samples, problems) for i in range(clients)))
    return samples, problems, time.perf_counter() - start


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(samples: dict[str, list[float]], problems: Counter, elapsed: float) -> int:
    every = [v for values in samples.values() for v in values]
    errors = sum(problems.values())
    print(f"{len(every)} responses in {elapsed:.1f} s ({len(every) / elapsed:.0f} requests/s), "
          f"{errors} errors or non-200")
    print(f"{'kind':<12} {'n':>6} {'median ms':>10} {'p99 ms':>8}")
    for kind, _ in MIX:
        values = samples.get(kind, [])
        if values:
            print(f"{kind:<12} {len(values):>6} {statistics.median(values) * 1000:>10.1f} "
                  f"{percentile(values, 0.99) * 1000:>8.1f}")
    if every:
        print(f"{'all':<12} {len(every):>6} {statistics.median(every) * 1000:>10.1f} "
              f"{percentile(every, 0.99) * 1000:>8.1f}")
    for problem, n in problems.most_common():
        print(f"  {n} x {problem}")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to serve (default: the example story, digested)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many in all")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not 0 < args.seconds <= 300 or not 0 < args.clients <= 500:
        raise SystemExit("keep it bounded: at most 300 seconds and 500 clients")
    with tempfile.TemporaryDirectory(prefix="khabar-load-") as tmp:
        db = args.db or example_db(Path(tmp) / "example.db")
        stories, articles, count = sample_ids(db)
        print(f"database {db}: {count} articles, {len(stories)} stories sampled; {args.clients} clients for "
              f"{args.seconds:g} s; {platform.node()}, Python {platform.python_version()}")
        with serve(db) as (base, proc):
            samples, problems, elapsed = asyncio.run(
                load(base, args.seconds, args.clients, args.max_requests, stories, articles, args.seed))
            alive = proc.poll() is None
        if not alive:
            problems["server exited"] += 1
    sys.exit(1 if report(samples, problems, elapsed) else 0)


if __name__ == "__main__":
    main()
