"""Property-based tests: the Arabic layer, the cleaner and the readers on any bytes never fail.

Hypothesis draws arbitrary Unicode and "Arabic-ish" text (letters, diacritics,
tatweel, presentation forms, invisible marks, both digit sets, punctuation, clutter
lines); each property is a contract the rest of the engine relies on (offsets
that point back into the original, idempotent keys, per-document outcomes).
Example counts are kept moderate so the file runs in well under a minute.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.arabic import (
    find_dates,
    find_numbers,
    name_key,
    normalize,
    normalize_map,
    romanize,
    split_sentences,
    stem,
    tokenize,
)
from khabar.arabic.normalize import fold
from khabar.clean import clean
from khabar.errors import BadDocument
from khabar.ingest import read_paths
from khabar.model import Article, RawDoc

LEVELS = ("light", "match", "key")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC_CHARS = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱ"  # letters and hamza forms
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # diacritics, dagger alef, tatweel
    "یکەھ"  # Persian letters
    "ﻻﷲﺍﺑ"  # presentation forms
    "\u200c\u200d\u200f\u202b\ufeff\u00ad"  # invisible marks
    "٠١٢٣٤٥٦٧٨٩۱۲0123456789٫٬.,،؛؟!?:«»\"'()-/%٪"  # digits and punctuation
    "abcXYZ"
)
arabic_words = st.text(alphabet=ARABIC_CHARS, min_size=1, max_size=12)
arabic_line = st.lists(arabic_words, min_size=0, max_size=14).map(" ".join)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2029"])
arabic_text = st.lists(st.tuples(arabic_line, SEPARATORS), max_size=12).map(
    lambda parts: "".join(line + sep for line, sep in parts))
any_text = st.one_of(st.text(max_size=300), arabic_text)

CLUTTER = ["اقرأ أيضاً", "اقرأ أيضاً: روسيا تعلن", "شارك", "تابعونا على تويتر", "طباعة", "أخبار ذات صلة",
           "المصدر: الأسبوع", "Advertisement", "https://example.com/x?id=1", "info@example.com",
           "الأكثر قراءة", "| 12 تعليق", "2025-04-10 12:30", "حقوق النشر محفوظة ©", "صورة: رويترز"]
SENTENCES = ["بدأت المحادثات بين الوفدين الروسي والأمريكي في إسطنبول يوم الخميس.",
             "قال المتحدث باسم الخارجية إن الجولة الثانية ستعقد قريبا.",
             "وأعلن الكرملين أن الاجتماع استمر ست ساعات في قصر السفارة الروسية.",
             "ترامب وترمب اسمان لشخص واحد في الصحف العربية."]
news_line = st.one_of(st.sampled_from(CLUTTER), st.sampled_from(SENTENCES), arabic_line)
news_text = st.lists(news_line, min_size=1, max_size=20).map("\n".join)


def assert_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans lie inside the text, in order, without overlapping."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start <= end <= len(text), (spans, len(text))
        previous_end = end


# --- the Arabic layer --------------------------------------------------------


@FAST
@given(any_text)
def test_normalize_is_idempotent_at_every_level(text):
    for level in LEVELS:
        once = normalize(text, level)
        assert normalize(once, level) == once, level


@FAST
@given(any_text)
def test_normalize_map_points_back_to_the_original(text):
    for level in LEVELS:
        key, origin = normalize_map(text, level)
        assert key == fold(text, level)  # same key as the fast path
        assert len(origin) == len(key)
        assert origin == sorted(origin)
        for char, i in zip(key, origin, strict=True):
            assert 0 <= i < len(text)
            assert char in fold(text[i], level), (level, char, text[i])


@FAST
@given(any_text)
def test_tokens_are_spans_of_the_text(text):
    tokens = tokenize(text)
    assert_spans(text, [(t.start, t.end) for t in tokens])
    for t in tokens:
        assert t.end > t.start and text[t.start:t.end] == t.text
        assert not t.text.isspace()


@FAST
@given(any_text)
def test_sentences_are_trimmed_spans_of_the_text(text):
    spans = split_sentences(text)
    assert_spans(text, spans)
    for start, end in spans:
        assert end > start
        assert text[start:end] == text[start:end].strip()


@FAST
@given(any_text)
def test_dates_and_numbers_spans_are_valid(text):
    for hit in find_dates(text):
        assert 0 <= hit.start < hit.end <= len(text) and text[hit.start:hit.end] == hit.text
    for hit in find_numbers(text):
        assert 0 <= hit.start < hit.end <= len(text) and text[hit.start:hit.end] == hit.text


@FAST
@given(any_text)
def test_name_functions_never_raise(text):
    assert isinstance(name_key(text), str)
    assert isinstance(romanize(text), str)
    for word in text.split()[:20]:
        assert isinstance(stem(word), str)


# --- the cleaner -------------------------------------------------------------


def check_article(doc: RawDoc, article: Article) -> None:
    assert article.id == doc.doc_id and article.source == doc.source
    assert isinstance(article.body, str) and isinstance(article.title, str)
    raw = doc.text
    for block in article.removed:
        assert 0 <= block.start <= block.end, block
        if not doc.html:
            assert block.end <= len(raw), block


@SLOW
@given(any_text)
def test_clean_never_raises_on_any_text(text):
    doc = RawDoc("d", "prop.txt", text=text)
    check_article(doc, clean(doc))


@SLOW
@given(news_text)
def test_clean_on_news_with_clutter(text):
    doc = RawDoc("d", "news.txt", text=text)
    article = clean(doc)
    check_article(doc, article)
    for block in article.removed:  # what was cut is text of the document, shown as it was
        assert normalize(block.text) in normalize(text), block


@SLOW
@given(news_text, st.sampled_from(["p", "div", "li", "h1", "td", "script", "a"]), st.text(max_size=40))
def test_clean_never_raises_on_html(text, tag, junk):
    lines = "".join(f"<{tag}>{line}</{tag}>" for line in text.split("\n"))
    html = f"<html><head><title>{junk}</title></head><body>{junk}<article>{lines}</article></body></html>"
    doc = RawDoc("d", "page.html", html=html)
    check_article(doc, clean(doc))


# --- the readers -------------------------------------------------------------


def text_bytes() -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, and encodings of Arabic-ish text (valid, truncated, mixed)."""
    encoded = st.tuples(arabic_text, st.sampled_from(["utf-8", "utf-16", "cp1256", "utf-8-sig"])).map(
        lambda p: p[0].encode(p[1], "replace"))
    return st.one_of(st.binary(max_size=400), encoded, encoded.map(lambda b: b[: max(0, len(b) - 1)]))


def jsonl_bytes() -> st.SearchStrategy[bytes]:
    record = st.one_of(
        st.fixed_dictionaries({"text": any_text}, optional={"title": st.text(max_size=20), "url": st.integers()}),
        st.fixed_dictionaries({"html": any_text}),
        st.lists(st.integers(), max_size=3), st.text(max_size=10), st.none())
    lines = st.lists(st.one_of(record.map(lambda r: json.dumps(r, ensure_ascii=False).encode()),
                               st.binary(max_size=60)), max_size=6)
    return lines.map(b"\n".join)


@SLOW
@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
@given(data=st.data())
def test_readers_give_a_doc_or_a_bad_document(suffix, data):
    payload = data.draw(jsonl_bytes() if suffix == ".jsonl" else text_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(payload)
        items = list(read_paths([path]))
    for item in items:
        assert isinstance(item, RawDoc | BadDocument)
        assert item.source.startswith(str(path))
        if isinstance(item, BadDocument):
            assert item.reason
        else:
            check_article(item, clean(item))
    if suffix != ".jsonl":
        assert len(items) == 1


def container_bytes(suffix: str, payload: bytes) -> bytes:
    """``payload`` inside the frame of a format, so the readers get past its first checks."""
    if suffix == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("day.json", payload)
        return buffer.getvalue()
    if suffix == ".warc.gz":
        return gzip.compress(payload)
    if suffix == ".warc":
        return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: "
                + str(len(payload) // 2).encode() + b"\r\n\r\n" + payload)
    if suffix == ".rss":
        return (b"<?xml version='1.0'?><rss><channel><item><title>" + payload[:40] + b"</title><description>"
                + payload[40:] + b"</description></item></channel></rss>")
    return payload


JSON_RECORDS = st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["text", "content", "title", "url", "date", "source"]),
                    st.one_of(st.text(max_size=40), st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
    st.text(max_size=5), st.integers()), max_size=4).map(lambda r: json.dumps(r, ensure_ascii=False).encode())


@SLOW
@pytest.mark.parametrize("suffix", [".json", ".zip", ".rss", ".xml", ".warc", ".warc.gz", ".parquet"])
@given(data=st.data())
def test_other_formats_give_a_doc_or_a_bad_document(suffix, data):
    payload = data.draw(st.one_of(st.binary(max_size=300), JSON_RECORDS, text_bytes()))
    if data.draw(st.booleans()):
        payload = container_bytes(suffix, payload)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(payload)
        items = list(read_paths([path]))
    for item in items:
        assert isinstance(item, RawDoc | BadDocument)
        assert item.source.startswith(str(path))
