"""The numpy CRF scorer and the batched analysis give what python-crfsuite and one-by-one analysis give."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.test_perf_ner import EDGE_CASES, EXAMPLES, _seed_sentences

from khabar import pipeline
from khabar.analyze import analyze, analyze_many
from khabar.analyze.ner.tagger import load_model, model_features, model_scorer
from khabar.errors import BadDocument
from khabar.model import Article, RawDoc


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    return _seed_sentences(EXAMPLES) + EDGE_CASES


def _crfsuite(words: list[str]) -> tuple[list[str], list[float]]:
    tagger = load_model()
    tags = tagger.tag(model_features()(words))
    return tags, [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]


def test_scorer_labels_and_marginals_match_crfsuite(sentences: list[list[str]]) -> None:
    ours = model_scorer().tag_sentences(sentences)
    assert any(t != "O" for tags, _ in ours for t in tags)  # the seeds name people: not a vacuous check
    for words, (tags, probs) in zip(sentences, ours, strict=True):
        expected_tags, expected_probs = _crfsuite(words)
        assert tags == expected_tags
        assert probs == pytest.approx(expected_probs, abs=1e-9)


def test_scorer_gives_each_sentence_the_same_result_in_any_batch(sentences: list[list[str]]) -> None:
    scorer = model_scorer()
    alone = [scorer.tag_sentences([words])[0] for words in sentences]
    shuffled = sentences[:]
    random.Random(7).shuffle(shuffled)
    docs = [shuffled[i:i + 5] for i in range(0, len(shuffled), 5)] + [[], [[]]]
    together = scorer.tag_documents(docs)
    assert [len(d) for d in together] == [len(d) for d in docs]
    assert together[-1] == [([], [])]
    by_words = {tuple(w): r for w, r in zip(sentences, alone, strict=True)}
    for doc, tagged in zip(docs[:-2], together[:-2], strict=True):
        for words, (tags, probs) in zip(doc, tagged, strict=True):
            assert tags == by_words[tuple(words)][0]
            assert probs == pytest.approx(by_words[tuple(words)][1], abs=1e-12)


def test_scorer_survives_its_word_cache_being_emptied(sentences: list[list[str]]) -> None:
    scorer = model_scorer()
    before = scorer.tag_sentences(sentences)
    scorer.clear()
    assert scorer.tag_sentences(sentences) == before


def _articles() -> list[Article]:
    out = []
    for path in sorted(Path(EXAMPLES).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append(Article(path.stem, path.name, text.splitlines()[0], text))
    return out


def test_analyze_many_equals_analyze_one_by_one() -> None:
    articles = _articles() + [Article("empty", "empty.txt", "", "")]
    assert analyze_many(articles) == [analyze(a) for a in articles]


def test_a_failing_article_in_a_batch_is_reported_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(EXAMPLES).glob("*.txt"))]
    docs = [RawDoc(f"id{i}", f"doc{i}.txt", text=t) for i, t in enumerate(texts)]
    real = pipeline.analyze

    def broken(article: Article):
        if article.source == "doc2.txt":
            raise RuntimeError("boom")
        return real(article)

    def batch_fails(articles: list[Article]):
        raise RuntimeError("batch")

    monkeypatch.setattr(pipeline, "analyze", broken)
    monkeypatch.setattr(pipeline, "analyze_many", batch_fails)
    outcomes, timings = pipeline.process_chunk(docs)
    assert [isinstance(o, BadDocument) for o in outcomes] == [False, False, True, False, False]
    assert outcomes[2].source == "doc2.txt" and "boom" in outcomes[2].reason
    assert [o.id for o in outcomes if not isinstance(o, BadDocument)] == ["id0", "id1", "id3", "id4"]
    assert {"clean", "analyze", "encode"} <= set(timings)
