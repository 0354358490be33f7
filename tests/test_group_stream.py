"""The stream half of grouping: exact shingle CRCs and MinHash values, and the pipelined child."""

from __future__ import annotations

import dataclasses
import random
import zlib

import numpy as np
import pytest
from datasketch import MinHash

from khabar.analyze import analyze
from khabar.group import group, stream
from khabar.group.dedup import MIN_SHINGLES, Deduplicator, shingles
from khabar.group.shingle_crc import TrigramCrc
from khabar.group.stream import ArticleStream, prepared
from khabar.model import Analysis, Article
from test_group_seeds import seed_articles

WORDS = ["روسيا", "الولايات", "اسطنبول", "محادثات", "ترامب", "ترمب", "", "a", "Zürich", "中文", "سفارة" * 40,
         "x" * 300, "ب" * 5000]  # terms longer than the shift tables are hashed directly


def _docs(n: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    docs = [[rng.choice(WORDS) for _ in range(rng.randint(0, 40))] for _ in range(n)]
    return docs + [[], ["a"], ["a", "b", "c"], list("abcabcabcabcabcabc"), list("abcdefghijk")]


def test_trigram_crcs_are_zlib_crc32_of_the_shingle_bytes():
    docs = _docs(200)
    crc, doc = TrigramCrc()(docs)
    for k, terms in enumerate(docs):
        expected = sorted(zlib.crc32(" ".join(terms[i:i + 3]).encode("utf-8")) for i in range(len(terms) - 2))
        assert sorted(crc[doc == k].tolist()) == expected


def test_batch_signatures_are_datasketch_minhashes_of_the_shingles():
    dedup = Deduplicator()
    docs = _docs(300, seed=11)
    for terms, got in zip(docs, dedup.signatures(docs), strict=True):
        sh = shingles(terms)
        if len(sh) < MIN_SHINGLES:
            assert got is None
            continue
        expected = MinHash(num_perm=dedup.num_perm, hashfunc=zlib.crc32, permutations=dedup._perms, scheme="affine32")
        expected.update_batch(list(sh))
        assert np.array_equal(got.hashvalues, expected.hashvalues)


@pytest.fixture(scope="module")
def corpus() -> list[tuple[Article, Analysis]]:
    """The seeds, near-copies of them under other ids (dated a day later), and one repeated id."""
    seeds = [(a, analyze(a)) for a in seed_articles()]
    copies = [(dataclasses.replace(a, id=f"copy-{a.id}", published_at="2025-04-12"),
               dataclasses.replace(an, article_id=f"copy-{a.id}")) for a, an in seeds]
    return seeds + copies + [seeds[0]]


def test_pipelined_stream_gives_what_the_stream_gives_here(monkeypatch, corpus):
    monkeypatch.setattr(stream, "MIN_PIPELINED", 0)
    here, child = ArticleStream(40, 12), ArticleStream(40, 12)
    expected = list(prepared(here, corpus))
    got = list(prepared(child, corpus, pipelined=True))
    assert child.terms_space.n == 0  # the work was done in the child
    assert [p and (p.vectors, p.keywords, p.duplicate) for p in got] == \
        [p and (p.vectors, p.keywords, p.duplicate) for p in expected]
    assert got[-1] is None and any(p and p.duplicate for p in got)


def test_pipelined_grouping_is_the_same_grouping(monkeypatch, corpus):
    monkeypatch.setattr(stream, "MIN_PIPELINED", 0)
    assert group(corpus, pipelined=True) == group(corpus)


def test_a_failing_child_is_an_error_here_not_a_hang(monkeypatch, corpus):
    monkeypatch.setattr(stream, "MIN_PIPELINED", 0)
    bad = corpus[:3] + [(Article(id="bad", source="bad.html", title="", body=""), Analysis("bad", terms=None))]
    with pytest.raises(RuntimeError, match="stream process failed"):
        list(prepared(ArticleStream(40, 12), bad, pipelined=True))
