"""Offset invariants of the Arabic layer on arbitrary text (property-based)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.arabic import find_dates, find_numbers, normalize, normalize_map, split_sentences, tokenize

ARABIC_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list(" \n\t.,!?؟،؛«»\"'()0123456789\u200e\u200f\u200c\ufeff")),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(ARABIC_TEXT)
def test_tokens_and_sentences_point_into_the_text(text):
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text and t.text.strip()
    spans = split_sentences(text)
    for (s, e), nxt in zip(spans, spans[1:] + [(len(text), len(text))], strict=False):
        assert 0 <= s < e <= nxt[0]
        assert not text[s].isspace() and not text[e - 1].isspace()


@settings(max_examples=150, deadline=None)
@given(ARABIC_TEXT, st.sampled_from(["light", "match", "key"]))
def test_normalize_map_is_monotonic_and_idempotent(text, level):
    key, origin = normalize_map(text, level)
    assert len(key) == len(origin)
    assert all(a <= b for a, b in zip(origin, origin[1:], strict=False))
    assert all(0 <= i < len(text) for i in origin)
    once = normalize(text, level)
    assert normalize(once, level) == once


@settings(max_examples=100, deadline=None)
@given(ARABIC_TEXT)
def test_dates_and_numbers_never_crash_and_slice_back(text):
    for h in find_dates(text, dt.date(2025, 4, 10)):
        assert text[h.start:h.end] == h.text
    for h in find_numbers(text):
        assert text[h.start:h.end] == h.text
