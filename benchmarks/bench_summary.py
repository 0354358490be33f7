"""Summary benchmark: ROUGE on EASC (khabar vs TextRank vs Lead) and events summarized per second.

Usage:
    PYTHONPATH=src python benchmarks/bench_summary.py \
        --easc ../shared/data/easc_dev --saudi ../shared/data/saudinewsnet/zips

Speed: "events" of ten consecutive SaudiNewsNet articles of one day (not real events:
they have the size of real ones, and no alignment to find, so this is the cost of the
scoring, not of the luck of the data), sentences split beforehand as the per-article
stage gives them; one warm-up pass, then ``--repeats`` timed passes: wall-clock rates
(median, min, max) and the rate per CPU second of this process, which other jobs on a
shared machine disturb less.
SaudiNewsNet is read in place and never copied (non-commercial licence).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import time
import zipfile
from pathlib import Path

from khabar.arabic import split_sentences
from khabar.consolidate.summary import summarize
from khabar.evaluate.summary import evaluate, render
from khabar.model import Sentence

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def saudi_events(zips: Path, n_events: int, size: int = 10) -> list[dict[str, str]]:
    """``n_events`` groups of ``size`` non-empty article bodies, from the first zip(s) in date order."""
    bodies: list[str] = []
    for path in sorted(zips.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                bodies += [a["content"] for a in json.loads(z.read(name)) if a.get("content", "").strip()]
        if len(bodies) >= n_events * size:
            break
    return [{f"a{k}": b for k, b in enumerate(bodies[i: i + size])}
            for i in range(0, min(len(bodies), n_events * size) - size + 1, size)]


def speed(events: list[dict[str, str]], repeats: int) -> dict:
    split = [{aid: [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body))]
              for aid, body in ev.items()} for ev in events]
    for ev, sents in zip(events, split, strict=True):  # warm-up: term cache, imports
        summarize(ev, sents)
    rates, cpu_rates = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        for ev, sents in zip(events, split, strict=True):
            summarize(ev, sents)
        rates.append(len(events) / (time.perf_counter() - start))
        cpu_rates.append(len(events) / (time.process_time() - cpu))
    sentences = sum(len(v) for s in split for v in s.values()) / len(split)
    words = sum(len(b.split()) for ev in events for b in ev.values()) / len(events)
    return {"events": len(events), "sentences_per_event": round(sentences, 1), "words_per_event": round(words),
            "events_per_second_median": round(statistics.median(rates), 1),
            "events_per_second_min": round(min(rates), 1), "events_per_second_max": round(max(rates), 1),
            "events_per_cpu_second_median": round(statistics.median(cpu_rates), 1)}


def seed_citations(test_file: Path) -> dict:
    """Citations of the seed event summary against the gold groups written in the seed tests.

    Recall: of the gold articles of each told fact, the share cited; precision: of the cited
    sentences that belong to some gold group, the share in the told fact's own group.
    """
    spec = importlib.util.spec_from_file_location("seed_gold", test_file)
    gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gold)
    bodies = {k: gold._clean(k) for k in gold.EVENT}
    sentences = {k: gold._sentences(b) for k, b in bodies.items()}
    summary = summarize(bodies, sentences, dates=dict.fromkeys(gold.EVENT, "2025-04-10"))
    hits = wanted = right = judged = 0
    told = []
    for s in summary:
        group = gold._source_group(sentences, s)
        told.append(f"{s.article_id}:{s.sentence} {group or '-'} cites "
                    + ",".join(f"{c.article_id}:{c.sentence}" for c in s.citations))
        if group is None:
            continue
        cited = {c.article_id for c in s.citations}
        wanted += len(gold.GOLD[group])
        hits += len(set(gold.GOLD[group]) & cited)
        for c in s.citations[1:]:
            other = gold._group_of(c.article_id, sentences[c.article_id][c.sentence].text)
            if other is not None:
                judged += 1
                right += other == group
    return {"sentences": len(summary), "words": sum(len(s.text.split()) for s in summary),
            "citation_recall": f"{hits}/{wanted}", "citation_precision": f"{right}/{judged}", "told": told}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--easc", type=Path, default=SHARED / "data/easc_dev")
    parser.add_argument("--saudi", type=Path, default=SHARED / "data/saudinewsnet/zips")
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "test_summary_seeds.py")
    args = parser.parse_args()
    if args.seeds.is_file():
        print("seed event (000-003):", json.dumps(seed_citations(args.seeds), ensure_ascii=False, indent=1), "\n")
    if args.easc.is_dir():
        start = time.perf_counter()
        print(render(evaluate(args.easc)))
        print(f"(evaluation took {time.perf_counter() - start:.1f} s)\n")
    if args.saudi.is_dir():
        result = speed(saudi_events(args.saudi, args.events), args.repeats)
        print("speed, events of ten articles:", json.dumps(result))


if __name__ == "__main__":
    main()
