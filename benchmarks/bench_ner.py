"""NER figures: held-out NewsFANE scores (CRF alone and with rules), tagging speed, model size.

    PYTHONPATH=src python benchmarks/bench_ner.py [--data ../shared/data] [--speed-tokens 200000]

The held-out split is every fifth NewsFANE sentence (index % 5 == 4), which the shipped
model never saw. NewsFANE's text is already cut into clitics; the third score glues them
back on (:func:`khabar.evaluate.ner.glued`) and tags the raw text end to end, so it also
measures the clitic segmenter. Speed is end to end from raw text (sentences, segmentation, features,
CRF, rules) with :func:`khabar.analyze.entities.find_mentions`, on SaudiNewsNet articles
(research use only; read here, never shipped), counted in tokens of khabar.arabic.tokenize.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from khabar.analyze.entities import find_mentions, find_mentions_many
from khabar.analyze.ner.conll import read_conll, split_holdout
from khabar.analyze.ner.tagger import crf_tags, tag_words
from khabar.arabic import normalize, tokenize
from khabar.evaluate.ner import glued, render, score, score_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "khabar" / "resources"


def heldout(data: Path) -> None:
    _, held = split_holdout(read_conll(data / "newsfane" / "NewsFANE_Gold_2014_170K.txt"))
    gold = [tags for _, tags in held]
    crf = [crf_tags([normalize(t) or t for t in tokens]) for tokens, _ in held]
    full = [tag_words(tokens) for tokens, _ in held]
    print("## held-out NewsFANE, CRF alone\n" + render(score(gold, crf)))
    print("## held-out NewsFANE, CRF + rules (shipped tagger)\n" + render(score(gold, full)))
    raw = [glued(tokens, tags) for tokens, tags in held]
    found = find_mentions_many([(text, ()) for text, _ in raw])
    result = score_spans([g for _, g in raw], [{(m.start, m.end, m.type) for m in ms} for ms in found])
    result["tokens"] = sum(len(tokens) for tokens, _ in held)
    print("## held-out NewsFANE with its clitics glued back on, from raw text (segmenter + tagger)\n"
          + render(result))


def _articles(data: Path, limit: int) -> list[str]:
    texts, total = [], 0
    for path in sorted((data / "saudinewsnet" / "zips").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    texts.append(item.get("content") or "")
                    total += len(tokenize(texts[-1]))
                    if total >= limit:
                        return texts
    return texts


def speed(data: Path, limit: int) -> None:
    texts = _articles(data, limit)
    tokens = sum(len(tokenize(t)) for t in texts)
    find_mentions(texts[0], [])  # load the model and gazetteers outside the clock
    began = time.process_time()
    mentions = sum(len(find_mentions(t, [])) for t in texts)
    spent = time.process_time() - began
    print(f"## speed: {len(texts)} articles, {tokens} tokens, {mentions} mentions, "
          f"{spent:.1f} s CPU, {tokens / spent:,.0f} tokens/s on one core")


def sizes() -> None:
    files = [*(RESOURCES / "ner").iterdir(), *(RESOURCES / "gazetteers").iterdir()]
    total = sum(f.stat().st_size for f in files)
    print(f"## model files: {total / 1e6:.2f} MB in {len(files)} files")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data")
    parser.add_argument("--speed-tokens", type=int, default=200_000)
    args = parser.parse_args()
    heldout(args.data)
    speed(args.data, args.speed_tokens)
    sizes()


if __name__ == "__main__":
    main()
