"""The event summary of the seed story (seeds 000-003: the 10 April 2025 round in Istanbul).

Bodies are cut by hand (text between a start phrase and the first clutter marker),
as the cleaner would give them. GOLD was written by reading the seeds: groups of
sentences that state the same thing, named by their opening words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.arabic import split_sentences
from khabar.consolidate import summary as summary_module
from khabar.consolidate.align import alignment
from khabar.consolidate.headline import clean_title
from khabar.consolidate.summary import headline, summarize
from khabar.consolidate.textgraph import clause_terms
from khabar.model import Sentence

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"
CUTS = {  # (first words of the body, first words of the clutter that follows it)
    "000": ("تنطلق اليوم الخميس", "اقرأ أيضاً"),
    "001": ("بدأت روسيا والولايات المتحدة", "#روسيا"),
    "002": ("تنطلق اليوم الخميس", "العنوان القيمة"),
    "003": ("أجرى وفدان روسي", "إخترنا لك"),
    "004": ("بدأت، اليوم", "قراءة المزيد"),
}
EVENT = ("000", "001", "002", "003")

GOLD = {
    "opening": {"000": "تنطلق اليوم الخميس، الجولة", "001": "بدأت روسيا والولايات", "002": "تنطلق اليوم الخميس الجولة",
                "003": "أجرى وفدان روسي"},
    "focus": {"000": "وتركز المباحثات على تحسين", "002": "وتتناول هذه الجولة"},
    "heads": {"000": "ويترأس الوفد الروسي", "001": "ويترأس دارشييف", "002": "يترأس المحادثات كل من",
              "003": "وترأس السفير الروسي"},
    "agenda": {"000": "من جانبها، أكدت الخارجية", "001": "صرحت المتحدثة باسم", "003": "وأضافت \"لا توجد"},
    "toxic_legacy": {"000": "وأكد السفير دارتشييف أن", "003": "وقال المبعوث الروسي"},
    "property_flights": {"000": "وبين القضايا المطروحة", "002": "• استعادة الممتلكات"},
    "banking": {"000": "وأشار دارتشييف إلى أن", "002": "وأكد الجانب الروسي أهمية", "003": "وأكّدت وزارة الخارجية"},
}
# Alignment the lexical method misses (reported in docs/bench/summary.md): 003 states the banking
# agreement in one clause of a long sentence, in other words.
KNOWN_MISSES = {"banking": {"003"}}
OTHER_EVENT_MARKERS = ("فبراير", "الجولة الأولى", "جولة أولى", "الرياض", "2022")
APPENDED_MARKERS = ("إيران", "خنداب", "نطنز", "ميانمار")


def _raw(key: str) -> str:
    return next(SEEDS.glob(f"{key}_*.txt")).read_text(encoding="utf-8")


def _clean(key: str) -> str:
    text = _raw(key)
    start, end = CUTS[key]
    return text[text.index(start): text.index(end)].strip()


def _sentences(body: str) -> list[Sentence]:
    return [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body))]


def _group_of(article: str, text: str) -> str | None:
    return next((g for g, members in GOLD.items() if text.startswith(members.get(article, "\0"))), None)


def _source_group(sentences, s) -> str | None:
    """The gold group of a summary sentence, found by its untrimmed source sentence."""
    return _group_of(s.article_id, sentences[s.article_id][s.sentence].text)


@pytest.fixture(scope="module")
def event():
    bodies = {k: _clean(k) for k in EVENT}
    sentences = {k: _sentences(b) for k, b in bodies.items()}
    summary = summarize(bodies, sentences, dates=dict.fromkeys(EVENT, "2025-04-10"))
    return bodies, sentences, summary


def _cited_text(bodies, sentences, citation) -> str:
    return sentences[citation.article_id][citation.sentence].text


def test_summary_is_about_120_words_and_not_empty(event):
    _, _, summary = event
    words = sum(len(s.text.split()) for s in summary)
    assert 2 <= len(summary) and 60 <= words <= 150


def test_no_sentence_about_the_earlier_round_or_appended_articles(event):
    _, _, summary = event
    for s in summary:
        assert not any(m in s.text for m in OTHER_EVENT_MARKERS + APPENDED_MARKERS), s.text


def test_unrelated_appended_article_is_not_picked_even_when_left_in_a_body():
    bodies = {k: _clean(k) for k in EVENT}
    raw = _raw("000")
    bodies["000"] = raw[raw.index(CUTS["000"][0]):]  # with the appended Iran article and link lists
    summary = summarize(bodies, {k: _sentences(b) for k, b in bodies.items()})
    assert summary
    for s in summary:
        assert not any(m in s.text for m in APPENDED_MARKERS), s.text


def test_no_fact_twice(event):
    _, sentences, summary = event
    groups = [_source_group(sentences, s) for s in summary]
    known = [g for g in groups if g]
    assert len(known) == len(set(known))
    cited = [(c.article_id, c.sentence) for s in summary for c in s.citations]
    assert len(cited) == len(set(cited))


def test_main_facts_are_told(event):
    _, sentences, summary = event
    groups = {_source_group(sentences, s) for s in summary}
    assert {"heads", "agenda"} <= groups
    assert groups & {"opening", "focus"}


def test_citations_are_every_article_stating_the_same_thing(event):
    bodies, sentences, summary = event
    checked = 0
    for s in summary:
        group = _source_group(sentences, s)
        if group is None:
            continue
        checked += 1
        cited_articles = {c.article_id for c in s.citations}
        assert set(GOLD[group]) - KNOWN_MISSES.get(group, set()) <= cited_articles, (group, cited_articles)
        for c in s.citations:  # and nothing that states another gold fact
            other = _group_of(c.article_id, _cited_text(bodies, sentences, c))
            assert other in (None, group), (group, other)
    assert checked >= 2


@pytest.mark.xfail(reason="known miss: paraphrase inside one clause of a long sentence", strict=True)
def test_known_alignment_misses():
    bodies = {k: _clean(k) for k in EVENT}
    units = [u for k in EVENT for u in summary_module._units(k, bodies[k], _sentences(bodies[k]), "")]
    clauses = [clause_terms(u.key) for u in units]
    _, same = alignment(clauses, [u.article_id for u in units], [False] * len(units), [False] * len(units))
    for group, missed in KNOWN_MISSES.items():
        members = [i for i, u in enumerate(units) if _group_of(u.article_id, u.sentence.text) == group]
        for i in members:
            for j in members:
                if units[j].article_id in missed and units[i].article_id not in missed:
                    assert same[i, j], (group, units[i].sentence.text[:40], units[j].sentence.text[:40])


def test_citation_spans_point_at_the_cited_text(event):
    bodies, _, summary = event
    for s in summary:
        own = s.citations[0]
        assert (own.article_id, own.sentence) == (s.article_id, s.sentence)
        assert bodies[own.article_id][own.start: own.end] == s.text
        for c in s.citations[1:]:
            assert 0 <= c.start < c.end <= len(bodies[c.article_id])


def test_dangling_connective_is_trimmed(event):
    _, _, summary = event
    for s in summary:
        assert not s.text.startswith(("من جانبها", "كما ", "وكان ")), s.text


def test_headline_is_a_cleaned_central_title():
    titles = [_raw(k).strip().splitlines()[0] for k in EVENT]  # 000 has no title: its first line is the lead
    chosen = headline(titles, [_clean(k) for k in EVENT])
    assert chosen != titles[0] and not chosen.startswith("اليوم")
    assert chosen in {clean_title(t) for t in titles[1:]}
    site_named = [t + " | الأسبوع" for t in titles]
    assert "الأسبوع" not in headline(site_named, [_clean(k) for k in EVENT])


def test_story_summary_tells_both_rounds_in_time_order_without_mixing_their_citations():
    keys = EVENT + ("004",)
    bodies = {k: _clean(k) for k in keys}
    sentences = {k: _sentences(b) for k, b in bodies.items()}
    dates = {**dict.fromkeys(EVENT, "2025-04-10"), "004": "2025-02-27"}
    summary = summarize(bodies, sentences, dates=dates)
    assert summary[0].article_id == "004"
    assert any(s.article_id in EVENT for s in summary)
    for s in summary:
        cited = {c.article_id for c in s.citations}
        assert not (s.article_id == "004" and cited & set(EVENT)), s.text
        assert not (s.article_id in EVENT and "004" in cited), s.text
