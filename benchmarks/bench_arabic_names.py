"""Precision and recall of "same name" by name_key on the name-pair test set.

Usage: python benchmarks/bench_arabic_names.py [PAIRS_TSV] [--split dev|test|all] [--errors] [--sweep]
(PAIRS_TSV: benchmarks/data/name_pairs.tsv by default, or benchmarks/data/news_name_pairs.tsv or
story_name_pairs.tsv, whose names are read from ../shared/data/saudinewsnet.)
Three judges: key equality (``name_key(a) == name_key(b)``), the scored ``same_name``, and the
entity merger itself (:func:`khabar.consolidate.entities.merge_entities`): whether the two names,
each the one person named in an article of its own, become one entity. Pairs met in one story
(story_name_pairs.tsv, with a ``story`` column) get a fourth: the merger run on the whole story, its
articles tagged as the pipeline tags them, and whether the two occurrences end in one entity.
Precision and recall are of the "same" class; figures per source and overall, on the
``dev`` split (developed against) unless told otherwise; ``test`` is held out.
``--sweep`` prints the overall figures of ``same_name`` for a range of distance thresholds
(how ``names.SAME_NAME_DISTANCE`` was chosen, on dev) and of learned-scorer thresholds.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

from group_snn import day, story_analyses
from khabar.arabic import name_key, name_scorer, names, person_key
from khabar.arabic.names import same_name
from khabar.consolidate.entities import merge_entities
from khabar.model import Entity, Mention, Sentence

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"
_WHERE = re.compile(r"(\d{4}-\d\d-\d\d)/(\d+):(\d+):(\d+)")


def read_pairs(pairs: Path) -> list[dict[str, str]]:
    """The labelled pairs; names given as ``DATE/INDEX:START:END`` (news_name_pairs.tsv) are read
    from that SaudiNewsNet article, which is not redistributed. A ``story`` column names a story of
    the file's ``_stories.tsv`` companion (its articles, ``DATE/INDEX`` each), written once however
    many pairs it holds."""
    with pairs.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    stories = pairs.with_name(f"{pairs.stem}_stories.tsv")
    if rows and "story" in rows[0]:
        with stories.open(encoding="utf-8") as f:
            articles = {r["story"]: r["articles"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
        for row in rows:
            row["story"] = articles[row["story"]]
    days = cache(day)  # one read of a day's zip for all its names
    for row in rows:
        for side in ("a", "b"):
            if where := _WHERE.fullmatch(row[side]):
                date, index, start, end = where.groups()
                row[f"at_{side}"] = row[side]
                row[side] = (days(date)[int(index)].get("content") or "")[int(start):int(end)]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", nargs="?", type=Path, default=PAIRS)
    parser.add_argument("--split", default="dev", help="a split of the file (dev, test, test2 ...) or all")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    parser.add_argument("--sweep", action="store_true", help="same_name figures per distance threshold")
    args = parser.parse_args()
    every = read_pairs(args.pairs)
    rows = [r for r in every if args.split in ("all", r["split"])]
    if not rows:
        splits = ", ".join(sorted({r["split"] for r in every}, key=lambda x: (len(x), x)))
        parser.error(f"{args.pairs.name} has no split {args.split!r}; its splits: {splits}, or all")
    if args.sweep:
        sweep(rows)
        return
    judges = [("name_key(a) == name_key(b)", lambda row: name_key(row["a"]) == name_key(row["b"])),
              ("same_name(a, b)", lambda row: same_name(row["a"], row["b"])),
              ("merge_entities: the entity merger's people, one name per article", lambda row: merged(row["a"], row["b"]))]
    if "story" in rows[0]:
        judges.append(("merge_entities on the pair's story: both occurrences in one entity", merged_in_story))
    for title, judge in judges:
        print(f"## {title} ({args.split})")
        report(rows, judge, args.errors)


def merged(a: str, b: str) -> bool:
    """Whether the entity merger makes one person of ``a`` and ``b``, each named alone in an article."""
    bodies = {"1": a, "2": b}
    sentences = {k: (Sentence(0, 0, len(text), text),) for k, text in bodies.items()}
    mentions = {k: (Mention(0, len(text), text, "PER", person_key(text), 0),) for k, text in bodies.items()}
    return len(merge_entities(bodies, sentences, mentions)) == 1


def merged_in_story(row: dict[str, str]) -> bool:
    """Whether the entity merger, run on the pair's whole story, puts its two occurrences in one entity."""
    entities = _story_entities(row["story"])
    return _holder(entities, row["at_a"], row["a"]) == _holder(entities, row["at_b"], row["b"]) is not None


@cache
def _story_entities(story: str) -> tuple[Entity, ...]:
    analyses = story_analyses(story.split())
    return merge_entities(*({where: item[k] for where, item in analyses.items()} for k in range(3)))


def _holder(entities: tuple[Entity, ...], at: str, text: str) -> str | None:
    """The id of the entity holding the occurrence ``at`` (``DATE/INDEX:START:END``): a mention of its
    sample covers the occurrence's start (the tagger may now find a longer name around a labelled
    fragment: والتر جيمس بالمير for جيمس بالمير), or else the entity that has its spelling and a
    mention in its article (a sample is capped)."""
    article, start = at.rsplit(":", 2)[0], int(at.split(":")[1])
    for entity in entities:
        if any(ref.article_id == article and ref.start <= start < ref.end for ref in entity.mentions):
            return entity.id
    return next((e.id for e in entities if any(s == text for s, _ in e.spellings)
                 and any(ref.article_id == article for ref in e.mentions)), None)


def sweep(rows: list[dict[str, str]]) -> None:
    """same_name precision and recall (all but wikidata-vowels) per distance threshold of the
    hand rule, then per threshold of the learned scorer (the shipped one: see
    ``scripts/build_name_scorer.py``, which chose it on dev)."""
    rows = [r for r in rows if r["source"] != "wikidata-vowels"]

    def figures() -> str:
        names.forget_decisions()
        c = Counter((same_name(r["a"], r["b"]), r["label"] == "same") for r in rows)
        tp, fp, fn = c[True, True], c[True, False], c[False, True]
        return f"precision={tp / max(1, tp + fp):.3f} recall={tp / max(1, tp + fn):.3f}"

    default = names.SAME_NAME_DISTANCE
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        names.SAME_NAME_DISTANCE = threshold
        print(f"distance threshold={threshold:.1f} {figures()}")
    names.SAME_NAME_DISTANCE = default
    model = name_scorer.scorer()
    shipped = model.threshold
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01):
        model.threshold = threshold
        print(f"scorer threshold={threshold:.2f}{' (no scorer)' if threshold > 1 else ''} {figures()}")
    model.threshold = shipped


def report(rows: list[dict[str, str]], judge, errors: bool) -> None:
    counts: dict[str, Counter] = {"all": Counter(), "all but wikidata-vowels": Counter()}
    for row in rows:
        predicted = judge(row)
        gold = row["label"] == "same"
        outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}
        o = outcome[predicted, gold]
        groups = ["all", row["source"]] + ([] if row["source"] == "wikidata-vowels" else ["all but wikidata-vowels"])
        for group in groups:
            counts.setdefault(group, Counter())[o] += 1
        if errors and o in ("fp", "fn"):
            print(f"{o}\t{row['source']}\t{row['a']}\t{row['b']}\t{name_key(row['a'])}\t{name_key(row['b'])}\t{row['note']}")
    for group, c in counts.items():
        precision = c["tp"] / max(1, c["tp"] + c["fp"])
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        print(f"{group:24s} same={c['tp'] + c['fn']:4d} different={c['tn'] + c['fp']:4d} "
              f"precision={precision:.3f} recall={recall:.3f}")


if __name__ == "__main__":
    main()
