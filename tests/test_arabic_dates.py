"""Dates: every date expression of the five seeds, month systems, Hijri, weekdays, relatives."""

import datetime as dt
import re
from pathlib import Path

import pytest

from khabar.arabic import find_dates, parse_date

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"
APRIL_10 = dt.date(2025, 4, 10)


def values(text, ref=APRIL_10):
    return [(h.text, h.value, h.granularity) for h in find_dates(text, ref)]


@pytest.mark.parametrize("text, expected", [
    ("في 27 فبراير الماضي في مقر القنصلية", ("27 فبراير الماضي", "2025-02-27", "day")),
    ("بعد اجتماع جرى في 18 فبراير (شباط) في السعودية", ("18 فبراير (شباط)", "2025-02-18", "day")),
    ("تنطلق اليوم الخميس، الجولة الثانية", ("اليوم الخميس", "2025-04-10", "weekday")),
    ("بدأت روسيا والولايات المتحدة، يوم الخميس، جولة", ("يوم الخميس", "2025-04-10", "weekday")),
    ("للصحفيين يوم الثلاثاء، أن ملف", ("يوم الثلاثاء", "2025-04-08", "weekday")),
    ("لصحافيين الأربعاء إن المحادثات", ("الأربعاء", "2025-04-09", "weekday")),
    ("غزو روسيا لأوكرانيا في فبراير 2022،", ("فبراير 2022", "2022-02", "month")),
    ("عُقدت الجولة الأولى في فبراير الماضي بإسطنبول", ("فبراير الماضي", "2025-02", "month")),
    ("منذ تولي الأخير منصبه في يناير مكالمتين", ("يناير", "2025-01", "month")),
    ("في الولايات المتحدة الأسبوع الماضي، والتي", ("الأسبوع الماضي", "2025-04-03", "relative")),
    ("ومساء أمس، قال جيش الاحتلال", ("أمس", "2025-04-09", "relative")),
    ("خلال لقاء عُقد في إسطنبول يوم 27 فبراير، علّق", ("27 فبراير", "2025-02-27", "day")),
    ("التي تم الاتفاق عليها العام الماضي، كشف", ("العام الماضي", "2024", "relative")),
    ("تراجعت الأسعار الشهر الماضي", ("الشهر الماضي", "2025-03", "relative")),
])
def test_seed_sentences_resolve_against_publication_date(text, expected):
    assert expected in values(text)


@pytest.mark.parametrize("text, value", [
    ("في 10 نيسان 2025", "2025-04-10"),
    ("في 3 كانون الثاني 2024", "2024-01-03"),
    ("يوم 14 تشرين الأول 2023", "2023-10-14"),
    ("في 5 آب 2020", "2020-08-05"),
    ("يوم 12 جويلية 2019", "2019-07-12"),
    ("في 9 غشت 2018", "2018-08-09"),
    ("الموافق ٢١ يوليو ٢٠١٥", "2015-07-21"),
    ("بتاريخ 21/07/2015", "2015-07-21"),
    ("الثلاثاء 5 شوال 1436 هـ", "2015-07-21"),
    ("في 1 رمضان 1446", "2025-03-01"),
])
def test_absolute_dates_in_every_month_system(text, value):
    assert [h.value for h in find_dates(text) if h.granularity == "day"] == [value]


def test_weekday_and_relative_keywords():
    ref = dt.date(2025, 4, 10)  # a Thursday
    assert values("الجمعة المقبل", ref)[0][1] == "2025-04-11"
    assert values("الخميس الماضي", ref)[0][1] == "2025-04-03"
    assert values("أول من أمس", ref)[0][1] == "2025-04-08"
    assert values("العام المقبل", ref)[0][1] == "2026"
    assert values("وصل منذ يومين", ref)[0][1] == "2025-04-08"
    assert values("يعود بعد 3 أيام", ref)[0][1] == "2025-04-13"


def test_day_month_without_year_prefers_recent_past():
    assert values("في 28 ديسمبر", dt.date(2025, 1, 5))[0][1] == "2024-12-28"
    assert values("في 5 يناير", dt.date(2024, 12, 28))[0][1] == "2025-01-05"


def test_without_reference_relative_dates_keep_span_but_no_value():
    hits = find_dates("اجتمعوا يوم الخميس وفي 10 أبريل 2025")
    assert [(h.text, h.value) for h in hits] == [("يوم الخميس", ""), ("10 أبريل 2025", "2025-04-10")]


def test_spans_point_into_original_text_with_diacritics():
    text = "وَصَلَ الوفدُ يومَ الخميسِ، في ١٠ أبريل ٢٠٢٥."
    for h in find_dates(text, APRIL_10):
        assert text[h.start:h.end] == h.text
    assert [h.value for h in find_dates(text, APRIL_10)] == ["2025-04-10", "2025-04-10"]


def test_brackets_are_taken_only_in_pairs():
    assert [h.text for h in find_dates("بدأت (الأحد) و(الاثنين) واليوم (الخميس)", APRIL_10)] == [
        "الأحد", "الاثنين", "اليوم (الخميس)"]
    assert [h.text for h in find_dates("وأمس ولعام 2015", APRIL_10)] == ["أمس", "عام 2015"]


def test_bad_input_does_not_crash():
    hits = find_dates("في 31 فبراير 2025 و 45 رمضان 1446 و 2025-13-45")
    assert all(h.granularity != "day" for h in hits)
    assert find_dates("", APRIL_10) == []


def test_ambiguous_month_words_need_a_number():
    assert find_dates("مارس الرياضة في شبابه ثم صار أبا") == []
    assert values("في آب الماضي")[0][1] == "2024-08"


def test_all_seed_dates_found():
    refs = {"000": APRIL_10, "001": APRIL_10, "002": APRIL_10, "003": APRIL_10, "004": dt.date(2025, 2, 27)}
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found[path.name[:3]] = {(h.text, h.value) for h in find_dates(path.read_text(), refs[path.name[:3]])}
    assert ("27 فبراير الماضي", "2025-02-27") in found["000"]
    assert ("أبريل 10, 2025", "2025-04-10") in found["001"]
    assert ("يوم 27 فبراير", "2025-02-27") in found["001"] or ("27 فبراير", "2025-02-27") in found["001"]
    assert ("الخميس", "2025-04-10") in found["003"]
    assert ("18 فبراير (شباط)", "2025-02-18") in found["004"]
    assert ("اليوم (الخميس)", "2025-02-27") in found["004"]


@pytest.mark.parametrize("text, value", [
    ("أبريل 10, 2025", dt.date(2025, 4, 10)),
    ("2015-07-21", dt.date(2015, 7, 21)),
    ("2025-04-10T08:30:00+03:00", dt.date(2025, 4, 10)),
    ("10 نيسان 2025", dt.date(2025, 4, 10)),
    ("الخميس 10 أبريل 2025 - 03:45 م", dt.date(2025, 4, 10)),
    ("", None),
    ("أمس", None),
    ("2025-13-45", None),
    ("April 10, 2025", dt.date(2025, 4, 10)),
    ("Thu, 10 Apr 2025 08:00:00 GMT", dt.date(2025, 4, 10)),
    ("10/04/2025 12:30", dt.date(2025, 4, 10)),
    ("Foo 10, 2025", None),
])
def test_parse_date_publication_strings(text, value):
    assert parse_date(text) == value


# Sentences from NewsFANE (Alotaibi & Lee 2014, CC BY-SA 3.0), as tokenized there.
@pytest.mark.parametrize("text, expected", [
    ("اعلن اتحاد صناعة السيارات في المانيا امس الاول ان شركات", ("امس الاول", "2008-05-13")),
    ("يتوقع ان تظل صادرات السيارات عند مستوي مرتفع هذا العام", ("هذا العام", "2008")),
    ("و لاول مرة منذ 150 عاما تم في سبتمبر الماضي انتخاب اعضاء", ("سبتمبر الماضي", "2007-09")),
    ("من ابريل نيسان الى يونيو حزيران الماضيين", ("ابريل نيسان", "2008-04")),
    ("ف في سبتمبر 1984 توصلت بريطانيا و الصين الشعبية الى اتفاق", ("سبتمبر 1984", "1984-09")),
])
def test_newsfane_sentences(text, expected):
    assert expected in [(h.text, h.value) for h in find_dates(text, dt.date(2008, 5, 15))]


@pytest.mark.parametrize("text", [
    "و في ذلك اليوم تجري مسافات القوارب",
    "في اليوم التاسع من الشهر القمري",
    "احتفالا باليوم الوطني",
])
def test_day_words_that_are_not_today(text):
    assert [h for h in find_dates(text, APRIL_10) if h.granularity == "relative"] == []


def _texts_with_every_date_word() -> list[str]:
    """The seeds, the gold date expressions, and every month and weekday name after each clitic and
    word the patterns allow before it."""
    from khabar.arabic.calendar import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS

    gold = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "date_expressions.tsv"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [line.split("\t")[0] for line in gold.read_text(encoding="utf-8").splitlines()[1:]]
    for m in [*GREGORIAN_MONTHS, *HIJRI_MONTHS]:
        texts.append(f"في {m} 2024، 3 {m} 2020م، {m} 5، 2021 و{m} الماضي وشهر {m} 1445 ه و12 من شهر {m}")
    for w in WEEKDAYS:
        texts.append(f"يوم {w} و{w} الماضي واليوم ({w}) ف{w}، 3 مارس و{w}، 12 شعبان 1445")
    texts += [  # each clitic and word a pattern allows at its start, once
        "ويوم الخميس 3 مارس 2020", "فيوم الخميس 3 مارس", "يوم الخميس 3 مارس", "(الخميس) 3 مارس", "الخميس 3 مارس",
        "منذ يناير", "خلال يناير", "حتى يناير", "إلى يناير", "بداية يناير", "نهاية يناير", "وفي يناير", "في يناير",
        "شهر يناير", "مطلع يناير", "أواخر يناير",
        "وعام 2020", "فعام 2020", "لعام 2020", "عام 2020", "العام 2020", "سنة 2020",
        "قبل 3 أيام", "منذ يومين", "بعد أسبوع",
        "أول أمس", "وأمس", "فأمس", "أمس", "البارحة", "بعد غد", "غدا", "واليوم", "فاليوم", "اليوم",
        "وهذا الشهر", "فهذا الشهر", "بهذا الشهر", "لهذا العام", "هذه السنة",
        "والأسبوع الماضي", "فالشهر المقبل", "بالعام الماضي", "للعام المقبل", "لالأسبوع الماضي", "الأسبوع الماضي",
        "2024-05-01", "1/2/2023",
    ]
    return [f"قال {t} ثم" for t in texts]


def test_the_first_letters_given_to_each_pattern_change_no_match():
    """Each date pattern starts with a lookahead of the letters its matches can start with (a speed-up):
    without it, every pattern finds exactly the same matches, so no letter is missing from a set."""
    from khabar.arabic import dates, normalize_map

    for text in _texts_with_every_date_word():
        norm = normalize_map(text, "match")[0]
        for kind, pattern, _ in dates._PATTERNS:
            assert pattern.pattern.startswith("(?=[")
            plain = re.compile(pattern.pattern[pattern.pattern.index("]") + 2:])
            fast = [(m.span(), m.groupdict()) for m in pattern.finditer(norm)]
            assert fast == [(m.span(), m.groupdict()) for m in plain.finditer(norm)], (kind, text)


# Real news sentences with "{}" where each month or weekday name and each word of a gate goes in turn.
_GATE_SENTENCES = {
    "iso": [f"صدر القرار بتاريخ 2015{a}{m}{b}21" for a in "-/." for m in ("7", "07") for b in "-/."],
    "dmy_num": [f"ويبدأ التسجيل في 21{a}{m}{b}2015" for a in "-/." for m in ("7", "07") for b in "-/."],
    "hijri": ["وأقيمت صلاة العيد صباح الخميس 1 {} 1436 هـ في المسجد الحرام",
              "وصدر الأمر الملكي في 12 من شهر {}، 1435", "وولد في 5 {} 1399 هـ"],
    "dmy": ["وصل الوفد السعودي إلى باريس الخميس 21 {} 2015 في زيارة رسمية",
            "وتنتهي مهلة التسجيل في 3 من شهر {} المقبل", "وعاد الوفد في 30  {}"],
    "mdy": ["ونشرت الصحيفة التقرير في {} 21، 2015 على موقعها", "ووقعت الاتفاقية في {} 3, 1999"],
    "my": ["وارتفعت أسعار النفط خلال شهر {} الماضي بنسبة 3 في المئة",
           "وسجلت الصادرات في {} 2014 أعلى مستوى لها"],
    "month": ["وتراجعت المبيعات منذ {} بسبب ارتفاع درجات الحرارة"],
    "year": ["وبلغ عدد الحجاج {} 2014 نحو مليوني حاج", "وتأسست الشركة {} 1975"],
    "weekday": ["وعقد مجلس الوزراء جلسته {} الماضي في الرياض", "وأعلنت الوزارة يوم {} أن الدراسة تبدأ"],
    "days_ago": ["وغادر الوفد جدة {} 3 أيام", "وغادر الوفد جدة قبل 3 {}", "وغادر الوفد جدة قبل {}"],
    "relday": ["وقال المتحدث {} إن المفاوضات مستمرة", "وتبدأ الاختبارات بعد {} في جميع المدارس"],
    "thisunit": ["وارتفعت الأسعار {} الشهر بنسبة كبيرة", "وارتفعت الأسعار هذا {} بنسبة كبيرة",
                 "وتنتهي الأعمال {}  العام"],
    "relunit": ["وارتفعت الأسعار {} الماضي بنسبة كبيرة", "وارتفعت الأسعار الشهر {} بنسبة كبيرة"],
}


def _gate_texts() -> list[tuple[str, str]]:
    """(kind, normalized sentence) for each gate sentence and each word that may fill it."""
    from khabar.arabic import normalize_map
    from khabar.arabic.calendar import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS

    def clitics(words: str, letters: str) -> set[str]:
        return {c + w for w in words.split() for c in ("", *letters)}

    # Written out here from the patterns, not taken from the gates, so that a word missing from a gate fails.
    fillers = {*GREGORIAN_MONTHS, *HIJRI_MONTHS} | clitics(" ".join(WEEKDAYS), "وف")
    fillers |= clitics(" ".join(clitics("عام العام سنة سنه", "ل")), "وف") | clitics("امس الامس اليوم", "وف")
    fillers |= {*"قبل منذ بعد ايام يوما يومين اسبوع اسبوعين البارحه البارحة غد غدا".split()}
    fillers |= clitics("هذا هذه الاسبوع الشهر العام السنه السنة", "وفبل")
    fillers |= {*"الماضي الماضيين المنصرم الفائت السابق المقبل القادم الجاري الحالي".split()}
    fillers |= {*"الماضيه الماضية المقبله المقبلة القادمه القادمة".split()}
    return [(kind, normalize_map(sentence.format(w), "match")[0])
            for kind, sentences in _GATE_SENTENCES.items() for sentence in sentences
            for w in sorted(fillers) if "{}" in sentence or w == min(fillers)]


def test_no_gate_keeps_a_pattern_from_a_text_it_matches():
    """The gates of a pattern (words and regexes every match contains) let through every text the
    pattern matches: the gate sentences with every word, the seeds, the gold date expressions."""
    from khabar.arabic import dates, normalize_map

    texts = [norm for _, norm in _gate_texts()]
    texts += [normalize_map(text, "match")[0] for text in _texts_with_every_date_word()]
    for norm in texts:
        words = frozenset(dates._LETTERS.findall(norm))
        for kind, pattern, needs in dates._PATTERNS:
            if pattern.search(norm):
                assert dates._may_match(needs, norm, words, {}), (kind, norm)


def test_every_gate_word_is_the_only_one_a_matched_sentence_has():
    """So that dropping any word from a gate's word set fails the test above: for each word, a gate
    sentence the pattern matches where it is the one word of that set (each regex gate, too, has
    sentences it lets through)."""
    from khabar.arabic import dates

    for kind, pattern, needs in dates._PATTERNS:
        matched = [norm for k, norm in _gate_texts() if k == kind and pattern.search(norm)]
        assert matched, kind
        for need in needs:
            if isinstance(need, frozenset):
                alone = {w for norm in matched for w in need & set(dates._LETTERS.findall(norm))
                         if len(need & set(dates._LETTERS.findall(norm))) == 1}
                assert alone == need, (kind, sorted(need - alone))
