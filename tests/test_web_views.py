"""Page data and charts without a server: segments, urls, citations, SVG escaping and layout."""

from __future__ import annotations

import re
import xml.dom.minidom

from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import split_sentences
from khabar.present.charts import coverage_svg, parse_day, timeline_svg
from khabar.present.web.views import article_segments, coverage, safe_url, story_view


@given(st.text(alphabet="أبت ج.\n!؟", max_size=80))
def test_segments_keep_every_character_but_newlines(body):
    sentences = [{"index": i, "start": s, "end": e} for i, (s, e) in enumerate(split_sentences(body))]
    paragraphs = article_segments(body, sentences)
    shown = "".join(seg["text"] for p in paragraphs for seg in p)
    assert shown.replace(" ", "") == "".join(body.split())


def test_segments_mark_sentences_and_split_paragraphs():
    body = "جملة أولى. جملة ثانية.\nفقرة ثانية."
    sentences = [{"index": i, "start": s, "end": e} for i, (s, e) in enumerate(split_sentences(body))]
    paragraphs = article_segments(body, sentences)
    assert len(paragraphs) == 2
    assert [seg["sentence"] for seg in paragraphs[0] if seg["sentence"] is not None] == [0, 1]
    assert paragraphs[1][0] == {"text": "فقرة ثانية.", "sentence": 2}


def test_safe_url_only_keeps_http():
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>", "vbscript:x", "http://[::1"):
        assert safe_url(bad) == ""


def _digest(citations):
    return {"story": {"id": "s"}, "headline": "h", "article_ids": ["a"], "outlets": ["o"],
            "events": [{"event": {"id": "e", "article_ids": ["a"], "date": "2025-04-10"}, "headline": "ev",
                        "facts": [{"slot": "where", "subject": "xyz", "status": "single",
                                   "claims": [{"article_id": "a", "value": "إسطنبول", "key": "k",
                                               "citation": citations[0]}]}]}],
            "summary": [{"text": "t", "article_id": "a", "sentence": 0, "citations": citations}]}


def test_citations_are_numbered_once_and_quote_their_span():
    body = "الجملة الأولى. الجملة الثانية."
    cits = [{"article_id": "a", "sentence": 1, "start": 15, "end": len(body)},
            {"article_id": "a", "sentence": 0, "start": 0, "end": 14},
            {"article_id": "a", "sentence": 1, "start": 15, "end": len(body)}]
    view = story_view(_digest(cits), {"a": {"body": body, "outlet": "o", "title": "t"}})
    cites = view["summary"][0]["cites"]
    assert [c["n"] for c in cites] == [1, 2, 1]
    assert cites[0]["quote"] == "الجملة الثانية."
    assert view["facts"]["single"][0]["claims"][0]["cite"]["n"] == 1  # the same span keeps its number
    assert view["facts"]["single"][0]["subject_label"] == ""  # a subject no source spells is not shown


def test_citation_outside_the_body_has_no_quote():
    cits = [{"article_id": "a", "sentence": 9, "start": 50, "end": 90}]
    view = story_view(_digest(cits), {"a": {"body": "قصير", "outlet": "o"}})
    assert view["summary"][0]["cites"][0]["quote"] == ""


def test_parse_day():
    assert str(parse_day("2025-04-10")) == "2025-04-10"
    assert str(parse_day("2025-04")) == "2025-04-01"
    assert str(parse_day("2025")) == "2025-01-01"
    assert str(parse_day("2025-04-10T08:00:00")) == "2025-04-10"
    assert parse_day("") is None and parse_day("أمس") is None and parse_day("2025-13-01") is None


def test_timeline_svg_is_valid_escaped_and_right_to_left():
    entries = [{"date": "2025-02-27", "text": "<script>أولى"},
               {"date": "2025-04-10", "text": "جولة ثانية & أخيرة"},
               {"date": "", "text": "بلا تاريخ"}]
    svg = str(timeline_svg(entries))
    xml.dom.minidom.parseString(svg)  # well-formed
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "بلا تاريخ" not in svg  # undated entries stay in the list only
    xs = {m[1]: float(m[0]) for m in re.findall(r'<circle cx="([\d.]+)".*?<text[^>]*>([^<]+)</text>', svg)}
    first = next(x for t, x in xs.items() if "أولى" in t)
    second = next(x for t, x in xs.items() if "ثانية" in t)
    assert first > second  # earlier is further right
    assert timeline_svg([{"date": "", "text": "x"}]) == ""


def test_timeline_labels_do_not_overlap_on_crowded_days():
    entries = [{"date": f"2025-04-{d:02d}", "text": f"حدث رقم {d} في سلسلة أحداث متقاربة جداً"} for d in range(1, 11)]
    svg = str(timeline_svg(entries))
    labels = re.findall(r'<text class="tl-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"', svg)
    assert len(labels) == 10
    assert len({y for _, y, _ in labels}) > 1  # spread over rows


def test_coverage_matrix_rows_and_escaping():
    view = {"sources": [{"outlet": "أ"}, {"outlet": "<b>ب</b>"}], "events": [{}],
            "facts": {"agreed": [{"label": "المكان", "subject_label": "", "event_date": "", "status": "agreed",
                                  "claims": [{"outlet": "أ", "value": "إسطنبول"},
                                             {"outlet": "<b>ب</b>", "value": "اسطنبول"}]}],
                      "single": [{"label": "رقم", "subject_label": "", "event_date": "", "status": "single",
                                  "claims": [{"outlet": "أ", "value": "5"}]}] * 40,
                      "contradicted": [{"label": "المدة", "subject_label": "", "event_date": "",
                                        "status": "contradicted", "claims": [{"outlet": "أ", "value": "ست"}]}]}}
    outlets, rows, left_out = coverage(view, max_rows=10)
    assert [r["status"] for r in rows[:2]] == ["contradicted", "agreed"] and len(rows) == 10 and left_out == 32
    svg = str(coverage_svg(outlets, rows))
    xml.dom.minidom.parseString(svg)
    assert "<b>" not in svg and svg.count('class="cv-cell agreed"') == 2


def test_snippet_marks_the_original_spelling_in_later_paragraphs():
    from khabar.present.web.search import snippet

    text = "فقرة أولى بلا شيء.\nثم وصل الوفد إلى إسطنبولَ صباحاً."
    parts = snippet(text, ["اسطنبول"])
    assert [p["text"] for p in parts if p["hit"]] == ["إسطنبولَ"]
    assert "".join(p["text"] for p in parts).replace("…", "") in text
    assert snippet("نص", ["غائب"]) == [{"text": "نص", "hit": False}]


def test_a_long_story_page_keeps_its_events_and_best_sourced_background_dates():
    citation = {"article_id": "a", "sentence": 0, "start": 0, "end": 1}
    timeline = [{"date": f"2015-07-{1 + i % 28:02d}", "text": f"خلفية {i}", "event_id": "e1", "background": True,
                 "citations": [citation] * (3 if i == 5 else 1)} for i in range(100)]
    timeline.insert(50, {"date": "2015-07-21", "text": "الحدث", "event_id": "e1", "background": False,
                         "citations": [citation]})
    digest = {"story": {"id": "s"}, "headline": "ع", "events": [], "article_ids": ["a"], "outlets": [],
              "timeline": timeline, "entities": []}
    view = story_view(digest, {"a": {"id": "a", "outlet": "أ", "sentences": [], "body": "x"}})
    texts = [t["text"] for t in view["timeline"]]
    assert len(texts) == 60 and view["timeline_more"] == 41
    assert "الحدث" in texts and "خلفية 5" in texts
    assert texts == [t["text"] for t in timeline if t["text"] in set(texts)]  # the story's order is kept


def test_coverage_matrix_is_bounded_even_by_contradictions_and_agreements():
    fact = {"label": "المكان", "subject_label": "", "event_date": "", "status": "agreed",
            "claims": [{"outlet": "أ", "value": "إسطنبول"}]}
    view = {"sources": [{"outlet": "أ"}], "events": [{}],
            "facts": {"agreed": [fact] * 30, "single": [], "contradicted": [fact | {"status": "contradicted"}] * 5}}
    _, rows, left_out = coverage(view, max_rows=10)
    assert len(rows) == 10 and left_out == 25 and [r["status"] for r in rows[:6]] == ["contradicted"] * 5 + ["agreed"]


def test_a_sentence_cited_by_many_articles_shows_a_bounded_set_one_per_outlet_first():
    articles = {f"a{i}": {"id": f"a{i}", "outlet": f"o{i % 3}", "sentences": [], "body": "نص"} for i in range(40)}
    summary = [{"text": "جملة.", "article_id": "a0", "sentence": 0,
                "citations": [{"article_id": f"a{i}", "sentence": 0, "start": 0, "end": 2} for i in range(40)]}]
    digest = {"story": {"id": "s"}, "headline": "ع", "events": [], "article_ids": list(articles), "outlets": [],
              "summary": summary, "timeline": [], "entities": []}
    cites = story_view(digest, articles)["summary"][0]["cites"]
    assert len(cites) == 12 and {c["outlet"] for c in cites} == {"o0", "o1", "o2"}
    assert [c["article_id"] for c in cites][:3] == ["a0", "a1", "a2"]


def test_entity_page_counts_every_mention_not_the_stored_sample():
    from khabar.present.web.views import entity_view

    capped = {"id": "per-x", "type": "PER", "name": "بوتين", "mentions": [{"article_id": "a"}] * 3,
              "mention_count": 250, "spellings": [["بوتين", 250]], "roles": []}
    older = {"id": "per-x", "type": "PER", "name": "بوتين", "mentions": [{"article_id": "b"}] * 4,
             "spellings": [["بوتين", 4]], "roles": []}
    view = entity_view([({"id": "s1"}, capped), ({"id": "s2"}, older)], {})
    assert view["n_mentions"] == 254
