"""The light stemmer strips clitics and suffixes but leaves names whole."""

import pytest

from khabar.arabic import STOPWORDS, normalize, stem


@pytest.mark.parametrize("word, expected", [
    ("والمفاوضات", "مفاوض"), ("المباحثات", "مباحث"), ("الدبلوماسية", "دبلوماس"), ("وقال", "قال"),
    ("للعلاقات", "علاق"), ("والوزير", "وزير"), ("ووزير", "وزير"), ("مسؤولين", "مسؤول"),
])
def test_clitics_and_suffixes_come_off(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("واشنطن", "واشنطن"), ("وواشنطن", "واشنطن"), ("بإسطنبول", "اسطنبول"), ("لروسيا", "روسيا"),
    ("بوتين", "بوتين"), ("وموسكو", "موسكو"), ("فرنسا", "فرنسا"), ("وزير", "وزير"), ("برنامج", "برنامج"),
])
def test_names_and_root_letters_survive(word, expected):
    assert stem(word) == expected


def test_inflections_of_one_word_share_a_stem():
    assert len({stem(w) for w in ("المحادثات", "محادثات", "والمحادثات", "بالمحادثات")}) == 1


def test_short_words_and_stopwords():
    assert stem("في") == "في"
    assert stem("") == ""
    assert normalize("إلى") in STOPWORDS and normalize("على") in STOPWORDS
