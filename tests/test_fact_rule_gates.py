"""The fact rules' gates (``patterns.Gated``): a gate skips a sentence only when its pattern cannot
match there, i.e. every match contains one of the gate's words. Each rule is exercised on one
sentence per alternative word, and on every sentence of the example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.analyze import delegations, facts, quotes
from khabar.analyze.patterns import SPEECH_VERBS, Gated
from khabar.arabic import normalize_map

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"

# One sentence for every word a rule's alternatives start from (news Arabic, as the rules were written for).
SENTENCES = {
    facts._EVENT_WORDS: [
        "بدأت المحادثات صباح اليوم", "جرت مباحثات مطولة", "تعثرت المفاوضات", "انتهى اجتماع الوزراء",
        "عقد لقاء ثنائي", "جولة جديدة من الحوار", "قمة العشرين", "وصل الوفد الروسي", "تنطلق الجولة غدا",
        "انطلقت أعمال الاجتماع", "يعقد الجانبان", "تعقد الجولة", "زيارة رسمية", "مؤتمر صحفي",
    ],
    facts._STRONG_BACKGROUND: [
        "وكان الجانبان قد عقدا جولة في الرياض", "انتهت الجولة الأولى دون اتفاق", "بعد جولة أولى في فبراير",
        "على غرار الاجتماع السابق للجانبين", "منذ اللقاء الأول بينهما", "في 27 فبراير الماضي",
        "خلال شهر رمضان المنصرم",
    ],
    facts._VENUE: [
        "عقدت المحادثات في مقر السفارة الروسية", "في القنصلية العامة الأمريكية", "في مبنى بعثة روسيا",
        "في منزل القنصل الروسي",
    ],
    facts._AGREEMENT: [
        "اتفق الجانبان على تبادل السجناء", "أعلنا اتفاقا بشأن السفارات", "اتفقا على مواصلة الحوار",
        "توصل الطرفان إلى تفاهم حول الملف", "أنجز الوفدان تقدما في الملف", "وقع البلدان مذكرة بشأن التجارة",
        "حققا بعض التقدم في المحادثات", "أحرزا تقدما حول السفارات", "مع تقدم محدود في الملف",
    ],
    facts._AGENDA: [
        "تركز المحادثات على عمل السفارات", "ستناقش الجولة: تبادل الأسرى", "تتناول المباحثات ملف الطيران",
        "تشمل الأجندة عدة ملفات", "تهدف المحادثات إلى تطبيع العمل", "ستبحث الجولة ملف البنوك",
        "القضايا المطروحة على الطاولة", "أكد أهمية الحوار",
    ],
    facts._EXCLUDED: [
        "أوكرانيا ليست على جدول الأعمال", "الملف غير مدرج في المحادثات", "لن تناقش الجولة الحرب",
        "لا يطرح الوفد هذا الملف", "لا يبحث الجانبان القضية",
    ],
    facts._NO_TOPIC: ["لا توجد أوكرانيا على جدول الأعمال"],
    delegations._HEADS: [
        "يترأس الوفد الروسي ألكسندر دارتشييف", "الوفد الأمريكي برئاسة سوناتا كولتر", "ترأست كولتر الوفد",
        "يقود الوفد السفير", "قاد الوفد نائب الوزير", "قال رئيس الوفد الروسي", "يرأس الجانب الأمريكي",
    ],
    quotes._ATTRIBUTION: [
        "وقال الوزير إن المحادثات بناءة", "أكدت الخارجية أن الجولة انتهت", "صرح المتحدث بأن الحوار مستمر",
        "وأضاف: \"نحن مستعدون\"", "أشار السفير إلى أن", "أعلنت موسكو أن الجولة انتهت",
    ],
}


def _norm(text: str) -> str:
    return normalize_map(text, "match")[0]


def _example_sentences() -> list[str]:
    return [line for path in sorted(EXAMPLES.glob("*.txt"))
            for line in _norm(path.read_text(encoding="utf-8")).splitlines() if line.strip()]


@pytest.mark.parametrize("gate", list(SENTENCES), ids=lambda g: g.pattern.pattern[:30])
def test_every_match_of_a_gated_rule_contains_one_of_its_words(gate: Gated):
    written = [_norm(s) for s in SENTENCES[gate]]
    assert all(gate.pattern.search(s) for s in written), [s for s in written if not gate.pattern.search(s)]
    matches = [m.group(0) for text in written + _example_sentences() for m in gate.pattern.finditer(text)]
    assert [m for m in matches if not gate.possible(m)] == []
    assert all(gate.search(s) for s in written)


def test_every_speech_verb_contains_a_word_of_the_attribution_gate():
    verbs = _norm(SPEECH_VERBS).split("|")
    assert [v for v in verbs if not quotes._ATTRIBUTION.possible(v)] == []


def test_a_sentence_without_the_words_is_skipped_and_one_with_them_is_searched():
    gate = facts._VENUE
    assert gate.search(_norm("اجتمع الوزيران في فندق بإسطنبول")) is None
    assert list(gate.finditer(_norm("اجتمع الوزيران في فندق بإسطنبول"))) == []
    found = gate.search(_norm("اجتمع الوزيران في مقر السفارة الروسية"))
    assert found is not None and found.group("whose") == "الروسية"
