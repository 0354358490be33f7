"""Tokens and sentences keep offsets into the original text."""

from pathlib import Path

from khabar.arabic import split_sentences, tokenize

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"


def test_tokens_slice_back_to_original_on_every_seed():
    for path in SEEDS.glob("*.txt"):
        text = path.read_text()
        tokens = tokenize(text)
        assert tokens
        for t in tokens:
            assert text[t.start:t.end] == t.text


def test_words_with_diacritics_numbers_and_quotes():
    text = "قُتِلَ 12,500 شخصٍ في «حلب» و“دمشق”... https://x.com/a?b=1"
    assert [t.text for t in tokenize(text)] == [
        "قُتِلَ", "12,500", "شخصٍ", "في", "«", "حلب", "»", "و", "“", "دمشق", "”", "...", "https://x.com/a?b=1"]
    assert tokenize(text)[0].norm == "قتل"


def test_token_norm_is_match_level():
    assert [t.norm for t in tokenize("إلى ٣ ﻻ")] == ["الي", "3", "لا"]


def test_empty_inputs():
    assert tokenize("") == []
    assert tokenize(" \n ") == []
    assert split_sentences("") == []


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    assert sentences("قال د. محمد علي إن م. أحمد وصل. ثم غادر.") == ["قال د. محمد علي إن م. أحمد وصل.", "ثم غادر."]


def test_era_marker_after_year_ends_sentence():
    assert sentences("ولد عام 1950 م. وتوفي لاحقا.") == ["ولد عام 1950 م.", "وتوفي لاحقا."]


def test_headlines_without_punctuation_and_quotes():
    text = "اليوم.. الجولة الثانية من المباحثات تبدأ في إسطنبول\n\nأكد أن «المحادثات مهمة.» وأضاف أنها «بناءة»؟ نعم"
    assert sentences(text) == [
        "اليوم.. الجولة الثانية من المباحثات تبدأ في إسطنبول",
        "أكد أن «المحادثات مهمة.»",
        "وأضاف أنها «بناءة»؟",
        "نعم",
    ]


def test_decimal_numbers_and_mid_line_ellipsis():
    assert sentences("ارتفع 3.5 في المئة... واشنطن تكشف عن اتفاق.") == [
        "ارتفع 3.5 في المئة... واشنطن تكشف عن اتفاق."]


def test_seed_sentences_are_trimmed_and_ordered():
    text = (SEEDS / "003_7b4578ec5f0292d2.txt").read_text()
    spans = split_sentences(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "وذكرت وكالة أنباء \"ريا نوفوستي\" الروسية أن المحادثات استمرت لنحو ست ساعات." in sentences(text)


def test_missing_space_after_period_still_ends_a_sentence():
    assert sentences("انتهى الاجتماع.وقال المتحدث إن د.محمد حضر.") == [
        "انتهى الاجتماع.", "وقال المتحدث إن د.محمد حضر."]
