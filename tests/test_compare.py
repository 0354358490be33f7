"""Alignment across sources and the timeline, on hand-made facts (no extractor involved)."""

from __future__ import annotations

from khabar.consolidate.compare import compare_event, compatible, similar
from khabar.consolidate.timeline import build_timeline
from khabar.model import Event, Fact


def fact(slot, value, key, subject="", background=False, sentence=0, start=0, speaker=""):
    return Fact(slot, value, key, start, start + len(value), sentence, subject, speaker, 0.9, background)


OUTLETS = {"a": "A", "b": "B", "c": "C", "a2": "A"}


def groups_by(groups):
    return {(g.slot, g.subject): g for g in groups}


def test_agreement_across_spellings_and_single_source():
    facts = {
        "a": [fact("who_heads", "ألكسندر دارتشييف", "الكسندر درشف", "روسيا"), fact("duration", "ست ساعات", "6h", "duration")],
        "b": [fact("who_heads", "دارشيف", "درشف", "روسيا")],
    }
    g = groups_by(compare_event(["a", "b"], {}, facts, OUTLETS, stance=False))
    assert g[("who_heads", "روسيا")].status == "agreed"
    assert {c.article_id for c in g[("who_heads", "روسيا")].claims} == {"a", "b"}
    assert g[("duration", "duration")].status == "single"


def test_contradiction_keeps_both_values_and_their_evidence():
    facts = {
        "a": [fact("where", "قصر السفارة الروسية", "venue:روسيا", "venue", sentence=2, start=40)],
        "b": [fact("where", "مقر القنصل العام الأميركي", "venue:الولايات المتحدة", "venue", sentence=1, start=10)],
    }
    (group,) = compare_event(["a", "b"], {}, facts, OUTLETS, stance=False)
    assert group.status == "contradicted"
    assert {(c.article_id, c.value, c.citation.sentence, c.citation.start) for c in group.claims} == {
        ("a", "قصر السفارة الروسية", 2, 40), ("b", "مقر القنصل العام الأميركي", 1, 10)}


def test_background_never_contradicts_the_event():
    facts = {
        "a": [fact("where", "قصر السفارة الروسية", "venue:روسيا", "venue")],
        "b": [fact("where", "مقر القنصل العام الأميركي", "venue:الولايات المتحدة", "venue", background=True),
              fact("where", "القنصلية العامة الروسية", "venue:روسيا", "venue")],
    }
    (group,) = compare_event(["a", "b"], {}, facts, OUTLETS, stance=False)
    assert group.status == "agreed"
    assert all(c.key == "venue:روسيا" for c in group.claims)


def test_same_outlet_twice_is_one_source():
    facts = {"a": [fact("duration", "ست ساعات", "6h", "duration")], "a2": [fact("duration", "6 ساعات", "6h", "duration")]}
    (group,) = compare_event(["a", "a2"], {}, facts, OUTLETS, stance=False)
    assert group.status == "single"


def test_dates_nest_and_names_may_be_partial():
    assert compatible("when", "2025-04", "2025-04-10")
    assert not compatible("when", "2025-04-11", "2025-04-10")
    assert compatible("when", "اليوم الخميس", "2025-04-10")
    assert compatible("who_heads", "درشف", "الكسندر درشف")
    assert not compatible("who_heads", "بسكف", "درشف")


def test_free_text_claims_cluster_by_stems():
    assert similar("بعث خدم دبلوماس ضمان مصرف", "بلد حصول خدم ديبلوماسي مصرف")
    assert not similar("بعث خدم دبلوماس ضمان مصرف", "تاشير تسو قضايا")
    facts = {
        "a": [fact("agreement", "ضمان الخدمات المصرفية", "بعث خدم دبلوماس ضمان مصرف"),
              fact("agreement", "تسوية قضايا التأشيرات", "تاشير تسو قضايا")],
        "b": [fact("agreement", "حصول ديبلوماسيي البلدين على الخدمات المصرفية", "بلد حصول خدم ديبلوماسي مصرف")],
    }
    statuses = sorted((g.status, len(g.claims)) for g in compare_event(["a", "b"], {}, facts, OUTLETS, stance=False))
    assert statuses == [("agreed", 2), ("single", 1)]


class AlwaysDisagree:
    def predict(self, pairs):
        return ["disagree"] * len(pairs)


def test_stance_model_flags_a_negated_claim_as_contradiction():
    bodies = {"a": "الملف النووي على جدول الأعمال", "b": "الملف النووي ليس على جدول الأعمال"}
    facts = {"a": [fact("agenda", bodies["a"], "جدول نوو ملف اعمال")],
             "b": [fact("agenda", bodies["b"], "جدول نوو ملف اعمال ليس")]}
    (group,) = compare_event(["a", "b"], bodies, facts, OUTLETS, stance=AlwaysDisagree())
    assert group.status == "contradicted"
    # without a negation, antonym or number cue the model alone does not decide
    bodies_same = {"a": bodies["a"], "b": "الملف النووي على جدول أعمال الجولة"}
    facts_same = {"a": facts["a"], "b": [fact("agenda", bodies_same["b"], "جدول نوو ملف اعمال جول")]}
    (group,) = compare_event(["a", "b"], bodies_same, facts_same, OUTLETS, stance=AlwaysDisagree())
    assert group.status == "agreed"


def test_timeline_orders_events_and_dates_background_happenings():
    bodies = {"x": "وكان الجانبان قد عقدا جولة أولى في 27 فبراير الماضي في مقر القنصلية الأمريكية.",
              "y": "بدأت اليوم (الخميس) المحادثات في مقر القنصل العام الأميركي بعد اجتماع جرى في 18 فبراير."}
    facts = {
        "x": [fact("when", "اليوم الخميس", "2025-04-10"),
              fact("when", "27 فبراير الماضي", "27 فبراير الماضي", background=True, start=33),
              fact("where", "مقر القنصلية الأمريكية", "venue:الولايات المتحدة", "venue", background=True, start=52)],
        "y": [fact("when", "اليوم (الخميس)", "اليوم (الخميس)", start=5),
              fact("where", "مقر القنصل العام الأميركي", "venue:الولايات المتحدة", "venue", start=35),
              fact("when", "18 فبراير", "18 فبراير", background=True, start=79)],
    }
    events = [Event("e1", ("x",), "الجولة الثانية"), Event("e2", ("y",), "الجولة الأولى")]
    timeline = build_timeline(events, bodies, facts)
    assert [(t.date, t.event_id, t.background) for t in timeline] == [
        ("2025-02-18", "e2", True), ("2025-02-27", "e2", False), ("2025-04-10", "e1", False)]
    first_round = timeline[1]
    assert {c.article_id for c in first_round.citations} == {"x", "y"}


def test_timeline_of_nothing_is_empty():
    assert build_timeline([], {}, {}) == ()
    assert compare_event([], {}, {}, {}, stance=False) == ()


def test_only_after_is_a_restriction_not_a_denial():
    bodies = {"a": "أي تطبيع للعلاقات لن يحدث إلا بعد تحقيق السلام",
              "b": "تطبيع العلاقات مرهون بتحقيق السلام"}
    facts = {"a": [fact("quote", bodies["a"], "تحقيق تطبيع سلام علاق يحدث")],
             "b": [fact("quote", bodies["b"], "تحقيق تطبيع سلام علاق مرهون")]}
    (group,) = compare_event(["a", "b"], bodies, facts, OUTLETS, stance=AlwaysDisagree())
    assert group.status == "agreed"


def test_timeline_shows_the_clause_of_each_background_date():
    body = ("والاجتماع المغلق المنعقد في مقر القنصل العام هو ثاني لقاء بين ممثلين عن الدولتين، بعد اجتماع "
            "جرى في 18 فبراير في السعودية، وكان الأول منذ بدء الحرب في فبراير 2022.")
    first, second = body.index("18 فبراير"), body.index("فبراير 2022")
    facts = {"x": [fact("when", "اليوم", "2025-02-27"),
                   fact("when", "18 فبراير", "2025-02-18", background=True, start=first),
                   fact("when", "فبراير 2022", "2022-02", background=True, start=second)]}
    timeline = build_timeline([Event("e1", ("x",), "الجولة الأولى")], {"x": body}, facts)
    texts = {t.date: t.text for t in timeline if t.background}
    assert texts["2025-02-18"] == "بعد اجتماع جرى في 18 فبراير في السعودية"
    assert texts["2022-02"] == "وكان الأول منذ بدء الحرب في فبراير 2022"


class CountingDisagree(AlwaysDisagree):
    def __init__(self):
        self.pairs = []

    def predict(self, pairs):
        self.pairs.append(len(pairs))
        return super().predict(pairs)


def test_an_event_spends_a_bounded_stance_budget_on_its_most_reported_facts_first():
    from khabar.consolidate.compare import MAX_STANCE_PAIRS

    topics = ["النووي", "الحدود", "المياه", "التجارة"]
    ids = [f"o{k}" for k in range(12)]
    bodies, facts = {}, {}
    for k, aid in enumerate(ids):
        sentences = [f"{t} {'ليس' if k % 2 else ''} على جدول أعمال الجولة رقم {k}" for t in topics]
        bodies[aid] = ". ".join(sentences)
        facts[aid] = []
        for t, sentence in zip(topics, sentences, strict=True):
            if t == "التجارة" and k >= 3:
                continue  # a fact fewer outlets report
            start = bodies[aid].index(sentence)
            facts[aid].append(Fact("agenda", sentence, t, start, start + len(sentence),
                                   0, "", "", 0.9, False))
    model = CountingDisagree()
    groups = compare_event(ids, bodies, facts, {a: a for a in ids}, stance=model)
    assert sum(model.pairs) <= MAX_STANCE_PAIRS
    judged = [g for g in groups if g.status == "contradicted"]
    unjudged = [g for g in groups if g.status == "agreed"]
    assert judged and unjudged  # the budget ran out before every fact was judged
    assert min(len(g.claims) for g in judged) >= max(len(g.claims) for g in unjudged)


def test_two_denials_worded_differently_are_no_contradiction_cue():
    bodies = {"a": "مسائل الأمن ونزاع أوكرانيا لن تكون على جدول أعمال هذه الجولة",
              "b": "لا توجد قضايا أمنية على جدول الأعمال، كما أن أوكرانيا ليست على جدول الأعمال أيضا"}
    facts = {"a": [fact("quote", bodies["a"], "اعمال امن اوكرانيا جدول")],
             "b": [fact("quote", bodies["b"], "اعمال امن اوكرانيا جدول قضايا")]}
    (group,) = compare_event(["a", "b"], bodies, facts, OUTLETS, stance=AlwaysDisagree())
    assert group.status == "agreed"
