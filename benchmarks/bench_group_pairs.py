"""Article-similarity correlation on SaudiNewsNet pairs (``khabar eval pairs``).

``benchmarks/data/snn_pairs.jsonl`` holds pairs of article ids with a graded score:
2 = same event, 1 = different events of one topic thread (see TOPICS), 0 = unrelated.
It is derived from the event labels by ``--build`` (seeded sampling); the benchmark
writes the texts to a temporary JSONL (never committed) and runs ``pairs.evaluate``.

    PYTHONPATH=src:benchmarks python benchmarks/bench_group_pairs.py [--build]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from itertools import combinations
from pathlib import Path

from group_snn import day
from khabar.evaluate import pairs

DATA = Path(__file__).parent / "data"
TOPICS = {
    "greece": ["greece-banks-reopen", "greece-imf-repayment", "greece-parliament-second-package",
               "tsipras-foreclosure-pledge"],
    "iran-deal": ["unsc-endorses-iran-deal", "obama-sends-deal-to-unsc", "khamenei-speech",
                  "bahrain-protests-khamenei", "netanyahu-on-khamenei", "kerry-on-khamenei",
                  "kerry-replies-bandar", "kerry-gcc-doha"],
    "aden": ["aden-tawahi-captured", "aden-first-aid-ship", "aden-airport-reopens", "anad-triangle-captured"],
    "fifa": ["fifa-election-date", "platini-candidacy"],
    "geagea": ["geagea-meetings", "geagea-statements"],
    "saudi-football": ["almeida-hilal", "duaiji-shabab", "majrashi-taawoun", "super-cup-tickets"],
    "turkey": ["suruc-bombing", "turkey-blocks-twitter"],
    "rescues": ["tabuk-child-rescue", "eastern-border-guard-rescues", "abha-girl-rescue"],
}
PER_EVENT = 4


def build() -> None:
    rng = random.Random(2015)
    rows = [json.loads(line) for line in (DATA / "snn_events.jsonl").open(encoding="utf-8")]
    by_label: dict[str, list[str]] = {}
    for r in rows:
        by_label.setdefault(r["label"], []).append(r["id"])
    topic_of = {lab: t for t, labs in TOPICS.items() for lab in labs}
    out = []
    for lab, ids in sorted(by_label.items()):
        same = list(combinations(ids, 2))
        out += [(a, b, 2) for a, b in rng.sample(same, min(PER_EVENT, len(same)))]
        if lab in topic_of:
            near = [i for other in TOPICS[topic_of[lab]] if other != lab for i in by_label.get(other, [])]
            out += [(rng.choice(ids), b, 1) for b in rng.sample(near, min(PER_EVENT, len(near)))]
        far = [r["id"] for r in rows if topic_of.get(r["label"], r["label"]) != topic_of.get(lab, lab)]
        out += [(rng.choice(ids), b, 0) for b in rng.sample(far, PER_EVENT)]
    with (DATA / "snn_pairs.jsonl").open("w", encoding="utf-8") as fh:
        for a, b, s in out:
            fh.write(json.dumps({"id1": a, "id2": b, "score": s}) + "\n")
    print(f"{len(out)} pairs written")


def materialize(path: Path) -> None:
    days: dict[str, list[dict]] = {}

    def text(aid: str) -> tuple[str, str]:
        date, index = aid.split("/")
        row = days.setdefault(date, day(date))[int(index)]
        return row.get("title") or "", row.get("content") or ""

    with path.open("w", encoding="utf-8") as out:
        for line in (DATA / "snn_pairs.jsonl").open(encoding="utf-8"):
            p = json.loads(line)
            (t1, b1), (t2, b2) = text(p["id1"]), text(p["id2"])
            out.write(json.dumps({"title1": t1, "text1": b1, "title2": t2, "text2": b2, "score": p["score"]},
                                 ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="re-derive snn_pairs.jsonl from the event labels")
    args = ap.parse_args()
    if args.build:
        build()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "snn_pairs_text.jsonl"
        materialize(path)
        print(pairs.render(pairs.evaluate(path)))


if __name__ == "__main__":
    main()
