"""Per-article analysis speed, stage by stage, in articles per second of CPU on one core.

    PYTHONPATH=src python benchmarks/bench_analyze.py [--zip PATH] [--articles 300]
        [--profile N] [--dump out.json]

Reads the first ``--articles`` SaudiNewsNet articles of one zip (research use only:
read here, never shipped) with khabar.ingest.read_paths, cleans them with
khabar.clean.clean, then times each per-article stage (sentences, find_mentions,
extract_facts, grouping_terms, analyze) over all of them with ``time.process_time``
(CPU time of this process, so other jobs on the machine weigh less), best of
``--repeat`` passes. Models and lexicons load before the clock (one warm-up article).
"cold" passes start with empty per-word caches, as a fresh worker; "warm" passes run
right after, as a worker that has seen these words (the steady state of a long ingest). ``--profile N`` prints the N costliest
functions of analyze() (cProfile, cumulative); ``--dump`` writes every article's
mentions, facts and terms as JSON, to compare outputs before and after a change.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import json
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from khabar.analyze import analyze, grouping_terms, sentences_of

try:
    from khabar.analyze import analyze_many
except ImportError:  # an older version, measured for comparison
    analyze_many = None
from khabar.analyze.entities import find_mentions
from khabar.analyze.facts import extract_facts
from khabar.arabic import tokenize
from khabar.clean import clean
from khabar.ingest.readers import read_paths
from khabar.model import Article, RawDoc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ZIP = SHARED / "data/saudinewsnet/zips/2015-07-21.zip"
BATCH = 8  # articles per analyze_many call, as khabar.pipeline.ANALYZE_BATCH


def load_articles(path: Path, limit: int) -> list[Article]:
    """The first ``limit`` readable articles of ``path``, cleaned."""
    out = []
    for item in read_paths([path]):
        if isinstance(item, RawDoc):
            out.append(clean(item))
            if len(out) >= limit:
                break
    return out


def first_articles(limit: int) -> list[Article]:
    """The first ``limit`` readable articles of the SaudiNewsNet zips in date order, cleaned (a
    stream as long as a pipeline worker's, for effects that only show over many articles)."""
    zips = sorted(ZIP.parent.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips in {ZIP.parent}")
    out: list[Article] = []
    for path in zips:
        out += load_articles(path, limit - len(out))
        if len(out) >= limit:
            break
    return out


# (module, function) of every per-word cache; those a checked-out older version lacks are
# skipped, so that the same script measures the code before a change too.
_CACHES = [("khabar.analyze.ner.features", "_word_features"), ("khabar.analyze.ner.segment", "_segment_token"),
           ("khabar.analyze.ner.rules", "_nationality"), ("khabar.analyze.ner.rules", "known_name"),
           ("khabar.analyze.ner.rules", "well_attested_name"), ("khabar.analyze.ner.rules", "name_like"),
           ("khabar.arabic", "stem"), ("khabar.arabic", "name_key"), ("khabar.arabic.dates", "_scan"),
           ("khabar.analyze", "_TERMS")]


def _clear_word_caches() -> None:
    """Empty the per-word caches so that every stage is timed from a cold start, as in a fresh worker."""
    from khabar.analyze.ner import tagger

    if hasattr(tagger, "model_features"):
        tagger.model_features().clear()
    if hasattr(tagger, "model_scorer"):
        tagger.model_scorer().clear()
    for module, name in _CACHES:
        cached = getattr(importlib.import_module(module), name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
        elif isinstance(cached, dict):  # a plain dict cache
            cached.clear()


def _timed(name: str, articles: list[Article], run: Callable[[Article], object], repeat: int) -> dict:
    """Best of ``repeat`` cold passes (caches emptied first) and the warm pass right after each."""
    cold, warm = [], []
    for _ in range(repeat):
        _clear_word_caches()
        for spent in (cold, warm):
            began = time.process_time()
            for article in articles:
                run(article)
            spent.append(time.process_time() - began)
    n = len(articles)
    return {"stage": name, "cold_cpu_s": round(min(cold), 2), "cold_articles_per_s": round(n / min(cold), 1),
            "warm_cpu_s": round(min(warm), 2), "warm_articles_per_s": round(n / min(warm), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zip", type=Path, default=ZIP)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="best of N passes (the machine is shared)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions of analyze()")
    parser.add_argument("--dump", type=Path, help="write mentions, facts and terms of every article as JSON")
    args = parser.parse_args()
    articles = load_articles(args.zip, args.articles)
    analyze(articles[0])  # load models, gazetteers and lexicons outside the clock
    sentences = {a.id: sentences_of(a.body) for a in articles}
    mentions = {a.id: find_mentions(a.body, sentences[a.id]) for a in articles}
    tokens = sum(len(tokenize(a.body)) for a in articles)
    rows = [
        _timed("sentences", articles, lambda a: sentences_of(a.body), args.repeat),
        _timed("find_mentions", articles, lambda a: find_mentions(a.body, sentences[a.id]), args.repeat),
        _timed("extract_facts", articles,
               lambda a: extract_facts(a.body, sentences[a.id], mentions[a.id], a.published_at), args.repeat),
        _timed("grouping_terms", articles, lambda a: grouping_terms(a.title, a.body), args.repeat),
        _timed("analyze", articles, analyze, args.repeat),
    ]
    if analyze_many is not None:  # batched as the pipeline's workers run it
        batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
        row = _timed(f"analyze_many({BATCH})", batches, analyze_many, args.repeat)
        rows.append({**row, **{k: round(v * len(articles) / len(batches), 1)
                               for k, v in row.items() if k.endswith("_articles_per_s")}})
    ner = next(r for r in rows if r["stage"] == "find_mentions")
    print(json.dumps({"articles": len(articles), "body_tokens": tokens, "repeat": args.repeat,
                      "ner_cold_tokens_per_s": round(tokens / ner["cold_cpu_s"]),
                      "ner_warm_tokens_per_s": round(tokens / ner["warm_cpu_s"])}))
    for row in rows:
        print(json.dumps(row))
    if args.profile:
        _clear_word_caches()
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [analyze(a) for a in articles])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    if args.dump:
        results = [analyze(a) for a in articles]
        args.dump.write_text(json.dumps([{"id": r.article_id, "mentions": [list(m.__dict__.values()) for m in r.mentions],
                                          "facts": [repr(f) for f in r.facts], "event_date": repr(r.event_date),
                                          "terms": r.terms} for r in results], ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
