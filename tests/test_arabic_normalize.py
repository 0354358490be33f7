"""Normalization levels, folds and offset maps."""

import pytest

from khabar.arabic import normalize, normalize_map
from khabar.arabic.normalize import fold, original_span, translation_table


def test_light_drops_invisible_and_marks_and_maps_digits():
    text = "\ufeff\u200fأَحْمَـــد\u200c وصل في ٢٠٢٥ و۱۴"
    assert normalize(text, "light") == "أحمد وصل في 2025 و14"


def test_match_folds_letter_variants_but_keeps_taa_and_hamza_seats():
    assert normalize("أحمد إلى آمال ٱلله مسؤول مدرسة", "match") == "احمد الي امال الله مسؤول مدرسة"
    assert normalize("یک کتاب", "match") == "يك كتاب"


def test_key_folds_taa_marbuta_and_hamza_seats():
    assert normalize("مسؤول", "key") == normalize("مسئول", "key")
    assert normalize("مدرسة", "key") == normalize("مدرسه", "key")


def test_arabic_punctuation_kept_distinct():
    assert normalize("نعم، لا؛ لماذا؟", "key") == "نعم، لا؛ لماذا؟"


def test_presentation_forms_and_ligatures_unfolded():
    assert normalize("ﻻ ﷲ ﺑﺴﻢ", "light") == "لا الله بسم"


def test_levels_compose_with_plus():
    assert normalize("مدرسة أمل", "light+taa") == "مدرسه أمل"
    assert normalize("مدرسة أمل", "match+taa") == normalize("مدرسة أمل", "key")
    with pytest.raises(ValueError, match="unknown normalization level"):
        normalize("x", "loud")


def test_levels_are_idempotent_and_nested():
    text = "إِسْطَنْبُولُ، ﻻ ٣ ساعاتٍ مسؤولة"
    for level in ("light", "match", "key"):
        once = normalize(text, level)
        assert normalize(once, level) == once
    assert normalize(normalize(text, "light"), "key") == normalize(text, "key")


def test_fold_equals_translate():
    text = "قُتِلَ أحمدُ في ﻻ ٢٠٢٥ یک مسؤولة\u200f"
    for level in ("light", "match", "key"):
        assert fold(text, level) == text.translate(translation_table(level))


@pytest.mark.parametrize("text", ["", "abc", "قُتِلَ ﻻ ﷺ x", "\u200fدارتشييف\u200e", "أَ" * 50])
def test_normalize_map_points_every_key_char_to_its_source(text):
    key, origin = normalize_map(text, "key")
    assert len(key) == len(origin)
    assert origin == sorted(origin)
    for k, i in zip(key, origin, strict=True):
        assert k in fold(text[i], "key")


def test_original_span_keeps_trailing_diacritics():
    text = "عضواً في"
    key, origin = normalize_map(text)
    assert key == "عضوا في"
    assert original_span(text, origin, 0, 4) == (0, 5)
