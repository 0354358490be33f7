"""Numbers in words and digits, with units, from seed and news sentences."""

import pytest

from khabar.arabic import find_numbers


def hits(text):
    return [(h.text, h.value, h.unit, h.ordinal) for h in find_numbers(text)]


@pytest.mark.parametrize("text, expected", [
    ("وذكرت وكالة أنباء أن المحادثات استمرت لنحو ست ساعات.", ("ست ساعات", 6.0, "ساعات", False)),
    ("روسيا ترسل 95 منقذا إضافيا إلى ميانمار", ("95 منقذا", 95.0, "منقذ", False)),
    ("هو ثاني لقاء بين ممثلين عن الدولتين", ("ثاني لقاء", 2.0, "لقاء", True)),
    ("تنطلق اليوم الخميس، الجولة الثانية من المباحثات", ("الجولة الثانية", 2.0, "جولة", True)),
    ("وكان الجانبان قد عقدا جولة أولى من مباحثات", ("جولة أولى", 1.0, "جولة", True)),
    ("من اجتماعات استمرت يومين في الولايات المتحدة", ("يومين", 2.0, "يوم", False)),
    ("والقضاء على 850 جندياً", ("850 جندياً", 850.0, "جندي", False)),
    ("على موسكو منذ 3 سنوات.", ("3 سنوات", 3.0, "سنوات", False)),
    ("التوصل لاتفاق على أسماء 15 عضواً في لجنة", ("15 عضواً", 15.0, "عضو", False)),
    ("قتل خمسة وعشرون شخصا", ("خمسة وعشرون شخصا", 25.0, "شخص", False)),
    ("وصل ثلاثة آلاف لاجئ", ("ثلاثة آلاف لاجئ", 3000.0, "لاجئ", False)),
    ("بقيمة 1.5 مليار دولار", ("1.5 مليار دولار", 1.5e9, "دولار", False)),
    ("ارتفعت بنسبة 12,5 في المئة", ("12,5 في المئة", 12.5, "%", False)),
    ("بلغ عدد السكان 12,500 نسمة", ("12,500 نسمة", 12500.0, "نسمة", False)),
    ("سجلت ٣٠٪ من الأصوات", ("٣٠٪", 30.0, "%", False)),
    ("فاز أحد عشر لاعبا", ("أحد عشر لاعبا", 11.0, "لاعب", False)),
    ("في الدورة الحادية عشرة للمؤتمر", ("الدورة الحادية عشرة", 11.0, "دورة", True)),
    ("منذ القرن الثاني عشر", ("القرن الثاني عشر", 12.0, "قرن", True)),
])
def test_number_with_unit(text, expected):
    assert expected in hits(text)


def test_numbers_inside_dates_are_not_counts():
    assert hits("في 27 فبراير الماضي وفي فبراير 2022") == []


def test_digits_inside_emails_and_words_are_ignored():
    assert hits("by elaal4000@gmail.com") == []


def test_spans_cover_original_text():
    text = "قُتِلَ ٢٥ شخصاً، وأُصيب ثلاثةُ آلافٍ."
    for h in find_numbers(text):
        assert text[h.start:h.end] == h.text
    assert [h.value for h in find_numbers(text)] == [25.0, 3000.0]


def test_empty_and_numberless_text():
    assert find_numbers("") == []
    assert find_numbers("لا أرقام هنا أبدا") == []


# Sentences from NewsFANE (Alotaibi & Lee 2014, CC BY-SA 3.0), as tokenized there.
@pytest.mark.parametrize("text, expected", [
    ("سوف تنتج حوالي خمس ملايين سيارة في", ("خمس ملايين سيارة", 5e6, "سيارة", False)),
    ("في الشهور الاثني عشر القادمة", ("الشهور الاثني عشر", 12.0, "شهور", False)),
    ("زيادة ارباح ها بنسبة 43 % خلال الربع الثاني", ("43 %", 43.0, "%", False)),
    ("زيادة ارباح ها بنسبة 43 % خلال الربع الثاني", ("الربع الثاني", 2.0, "ربع", True)),
    ("يعيش حوالي اربعين الفا من البشر", ("اربعين الفا", 40000.0, "", False)),
    ("التي تضم حوالي خمسة الاف قارب", ("خمسة الاف قارب", 5000.0, "قارب", False)),
    ("و لاول مرة منذ 150 عاما تم", ("150 عاما", 150.0, "عام", False)),
])
def test_newsfane_sentences(text, expected):
    assert expected in hits(text)
