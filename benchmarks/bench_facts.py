"""Fact extraction: precision / recall on the seed gold, the seed story report, and speed.

Usage:
    python benchmarks/bench_facts.py [--gold tests/data/seed_facts.json] [--seeds ../shared/seeds]
                                     [--speed-zip ../shared/data/saudinewsnet/zips/2015-07-21.zip] [--n 2000]

Quality uses the gold file's body_end (stands in for the cleaner) and its mentions
(stand in for the NER), so it measures the fact rules alone. Speed runs
extract_facts on SaudiNewsNet bodies in one process (one core), sentences split
by khabar.arabic and no mentions, and reports articles per second.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

from khabar.analyze.facts import extract_facts
from khabar.arabic import find_dates, find_numbers, name_key, normalize, split_sentences
from khabar.consolidate.compare import compare_event
from khabar.consolidate.timeline import build_timeline
from khabar.model import Event, Fact, Mention, Sentence

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ROOT = Path(__file__).resolve().parents[1]
SCORED = ("when", "where", "city", "who_heads", "duration", "agreement", "topic_excluded", "quote")


def load_seed(gold: dict, aid: str, seeds: Path) -> tuple[str, list[Sentence], list[Mention]]:
    """The seed body cut at body_end, its sentences, and the gold names as mentions."""
    entry = gold["articles"][aid]
    text = (seeds / entry["file"]).read_text(encoding="utf-8")
    cut = text.find(entry["body_end"])
    body = text[:cut] if cut > 0 else text
    sentences = [Sentence(i, a, b, body[a:b]) for i, (a, b) in enumerate(split_sentences(body))]
    return body, sentences, find_names(body, sentences, entry["mentions"])


def find_names(body: str, sentences: list[Sentence], names: list[list[str]]) -> list[Mention]:
    """Every occurrence of the listed names (longest first, no overlaps), with a light prefix."""
    taken: list[tuple[int, int]] = []
    found = []
    for text, kind in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"(?<!\w)[وبل]?({re.escape(text)})(?!\w)", body):
            s, e = m.span(1)
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            index = next(x.index for x in sentences if x.start <= s < x.end)
            found.append(Mention(s, e, text, kind, name_key(text), index))
    return sorted(found, key=lambda m: m.start)


def _words(text: str) -> set[str]:
    return set(normalize(text, "key").replace("،", " ").split())


def _overlap(a: str, b: str) -> bool:
    na, nb = normalize(a, "key"), normalize(b, "key")
    if na in nb or nb in na:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _same_name(a: str, b: str) -> bool:
    ka, kb = set(name_key(a).split()), set(name_key(b).split())
    return bool(ka and kb) and (ka <= kb or kb <= ka)


def matches(fact: Fact, gold: dict) -> bool:
    """Does an extracted fact state the gold fact (slot rules in docs/bench/facts.md)?"""
    if fact.slot != gold["slot"] or fact.background != gold.get("background", False):
        return False
    slot = fact.slot
    if slot == "when":
        return fact.key == gold.get("key") or normalize(fact.value) == normalize(gold["text"])
    if slot in ("where", "duration"):
        return fact.key == gold["key"]
    if slot == "city":
        return fact.key == name_key(gold["text"])
    if slot == "who_heads":
        return fact.subject == gold["subject"] and _same_name(fact.value, gold["text"])
    if slot == "quote" and not (_same_name(fact.speaker, gold["speaker"]) or _overlap(fact.speaker, gold["speaker"])):
        return False
    return _overlap(fact.value, gold["text"])


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One fact per (slot, subject, key, background): repeats in one article state nothing new."""
    seen, out = set(), []
    for f in facts:
        sig = (f.slot, f.subject, f.key if f.slot in ("when", "where", "city", "who_heads", "duration") else f.value,
               f.background)
        if sig not in seen:
            seen.add(sig)
            out.append(f)
    return out


def quality(gold: dict, seeds: Path) -> tuple[dict, dict, dict]:
    """Per-slot counts: extracted, correct, gold, found; and the extracted facts per article."""
    counts = {k: Counter() for k in ("extracted", "correct", "gold", "found")}
    extracted: dict[str, tuple[Fact, ...]] = {}
    bodies: dict[str, str] = {}
    for aid, entry in gold["articles"].items():
        body, sentences, mentions = load_seed(gold, aid, seeds)
        bodies[aid] = body
        extracted[aid] = extract_facts(body, sentences, mentions, entry["published_at"])
        facts = _distinct([f for f in extracted[aid] if f.slot in SCORED])
        for f in facts:
            counts["extracted"][f.slot] += 1
            counts["correct"][f.slot] += any(matches(f, g) for g in entry["facts"])
        for g in entry["facts"]:
            counts["gold"][g["slot"]] += 1
            counts["found"][g["slot"]] += any(matches(f, g) for f in facts)
    return counts, extracted, bodies


def story(gold: dict, extracted: dict, bodies: dict) -> list[str]:
    """Check the story-level expectations: groups with their sources and the dated timeline."""
    lines = []
    outlets = {aid: e["outlet"] for aid, e in gold["articles"].items()}
    events = [Event(f"e{i}", tuple(aids)) for i, aids in enumerate(gold["story"]["event_articles"].values())]
    groups = compare_event(events[0].article_ids, bodies, extracted, outlets)
    for want in gold["story"]["groups"]:
        hit = next((g for g in groups if g.slot == want["slot"] and g.subject == want.get("subject", g.subject)
                    and want.get("contains", "") in g.subject + " ".join(c.key for c in g.claims)), None)
        got = sorted({c.article_id for c in hit.claims}) if hit else []
        ok = hit is not None and hit.status == want["status"] and set(want["articles"]) <= set(got)
        lines.append(f"{'ok  ' if ok else 'MISS'} {want['slot']:<15}{want.get('subject', want.get('contains', '')):<18}"
                     f"{hit.status if hit else '-':<13}sources {','.join(got)}")
    lines.append(f"groups: {len(groups)}, contradicted: {sum(g.status == 'contradicted' for g in groups)}")
    timeline = build_timeline(events, bodies, extracted)
    dates = [t.date for t in timeline]
    for t in timeline:
        lines.append(f"  {t.date:<11}{'background' if t.background else 'event':<11}"
                     f"{','.join(c.article_id for c in t.citations):<16}{t.text[:60]}")
    missing = [d for d in gold["story"]["timeline"] if d not in dates]
    lines.append(f"timeline dates expected present: {len(gold['story']['timeline']) - len(missing)}"
                 f"/{len(gold['story']['timeline'])}" + (f" (missing {', '.join(missing)})" if missing else ""))
    return lines


def speed(zip_path: Path, n: int) -> tuple[int, float, float, int]:
    """(articles, wall seconds, CPU seconds, facts) for extract_facts on the first ``n`` bodies of one day.

    CPU time of this process is reported beside wall time: on a machine shared with
    other jobs it is the fairer "per core" figure.
    """
    with zipfile.ZipFile(zip_path) as z:
        articles = json.loads(z.read(z.namelist()[0]).decode("utf-8"))[:n]
    prepared = []
    for a in articles:
        body = a.get("content") or ""
        prepared.append((body, [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body))],
                         a.get("date_extracted", "")[:10]))
    start, cpu = time.perf_counter(), time.process_time()
    total = sum(len(extract_facts(body, sents, (), pub)) for body, sents, pub in prepared)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    shared = time.process_time()
    for body, _, _ in prepared:
        find_dates(body)
        find_numbers(body)
    shared = time.process_time() - shared
    print(f"average body {sum(len(b) for b, _, _ in prepared) / max(1, len(prepared)):.0f} characters; "
          f"of the CPU time, khabar.arabic find_dates + find_numbers take about {shared:.2f} s")
    return len(prepared), wall, cpu, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "seed_facts.json")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--speed-zip", type=Path, default=SHARED / "data/saudinewsnet/zips/2015-07-21.zip")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))

    counts, extracted, bodies = quality(gold, args.seeds)
    print(f"{'slot':<16}{'precision':>10}{'recall':>8}   (correct/extracted, found/gold)")
    for slot in (*SCORED, "all"):
        c = {k: sum(v.values()) if slot == "all" else v[slot] for k, v in counts.items()}
        p = c["correct"] / c["extracted"] if c["extracted"] else 0.0
        r = c["found"] / c["gold"] if c["gold"] else 0.0
        print(f"{slot:<16}{p:>10.2f}{r:>8.2f}   ({c['correct']}/{c['extracted']}, {c['found']}/{c['gold']})")
    print()
    print("\n".join(story(gold, extracted, bodies)))
    if args.speed_zip.exists():
        n, wall, cpu, total = speed(args.speed_zip, args.n)
        print(f"\nspeed: {n} SaudiNewsNet articles, {total} facts: wall {wall:.2f} s = {n / wall:.0f}"
              f" articles/s; CPU {cpu:.2f} s = {n / cpu:.0f} articles/s on one core")


if __name__ == "__main__":
    main()
