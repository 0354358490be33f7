"""The learned same-name scorer: its alignment, its shipped model, and that it only adds merges."""

import csv
import importlib.util
from pathlib import Path

import pytest

from khabar.arabic import name_scorer, names, same_name
from khabar.arabic.name_distance import COSTS, name_distance, name_edits, skeleton_letters
from khabar.arabic.name_scorer import NameScorer

PAIRS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "name_pairs.tsv"


def _dev_pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["split"] == "dev"]


@pytest.mark.parametrize("a, b", [("دارتشييف", "دارشيف"), ("إبراهيمي", "براهيمي"), ("ريختر", "ريشتر"),
                                  ("فوبير", "فوبيرت"), ("بوتين", "بوتان"), ("", "ترامب")])
def test_edit_classes_add_up_to_the_distance(a, b):
    edits = name_edits(a, b)
    assert sum(COSTS[kind] for kind, _, _ in edits) == pytest.approx(name_distance(a, b))
    assert "".join(x for _, x, _ in edits) == skeleton_letters(a)  # every letter aligned once
    assert "".join(y for _, _, y in edits) == skeleton_letters(b)


def test_alignment_names_the_edits():
    assert [e for e in name_edits("ريختر", "ريشتر") if e[0] != "same"] == [("near", "خ", "ش")]
    assert [e[0] for e in name_edits("فوبير", "فوبيرت") if e[0] != "same"] == ["edge_indel"]
    assert [e[0] for e in name_edits("ترامب", "ترمب") if e[0] != "same"] == ["vowel_indel"]


def test_shipped_model_loads_and_scores_every_feature():
    model = name_scorer.scorer()
    features = names.word_pair_features("لورانس", "لورينس")
    assert set(model.weights) <= set(features)
    assert set(model.weights) == set(model.means) == set(model.scales)
    assert 0.5 <= model.threshold < 1
    same = model.probability(names.word_pair_features("غوستاف", "جوستاف"))
    unrelated = model.probability(names.word_pair_features("غوستاف", "مورانو"))
    assert 0 < unrelated < same < 1


def test_scorer_only_adds_merges_to_the_hand_rule(monkeypatch):
    rows = [(r["a"], r["b"]) for r in _dev_pairs()]
    with_scorer = {pair for pair in rows if same_name(*pair)}
    model = name_scorer.scorer()
    never = NameScorer(model.weights, model.intercept, 1.01, model.means, model.scales)
    monkeypatch.setattr(name_scorer, "scorer", lambda: never)
    names._same_word.cache_clear()  # word-pair decisions are cached: forget those made with the scorer
    try:
        hand_only = {pair for pair in rows if same_name(*pair)}
    finally:
        names._same_word.cache_clear()  # nor keep those made without it
    assert hand_only < with_scorer  # a strict superset: the scorer joins what the rule missed


def test_scorer_joins_variants_the_hand_rule_misses():
    assert same_name("كانينغهام", "كونينغهام")  # Cunningham
    assert same_name("داريمبل", "دالريمبل")  # Dalrymple


@pytest.mark.parametrize("a, b", [("الشيشان", "الصين"), ("باريس", "بوريس"), ("بوتين", "بوتان"),
                                  ("حسن", "حسين"), ("تامي", "تومي"),
                                  ("الزرقاوي", "الشرقاوي"), ("كارل", "كارلو")])
def test_near_misses_stay_apart_with_the_scorer(a, b):
    assert not same_name(a, b)


def test_odd_input_does_not_crash():
    assert same_name("", "") is True
    assert same_name("؟؟", "ترامب") is False
    assert isinstance(same_name("123", "ترامب"), bool)


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_name_scorer", Path(__file__).resolve().parents[1] / "scripts" / "build_name_scorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_pairs_leave_out_benchmark_words(tmp_path):
    gazetteer = tmp_path / "names.tsv"
    gazetteer.write_text("type\tenglish\tarabic\tsource\twikidata_token_count\n"
                         "person\tgustav\tغوستاف\tw\t\nperson\tgustav\tجوستاف\tw\t\n"
                         "person\tlawrence\tلورانس\tw\t\nperson\tlawrence\tلورينس\tw\t\n"
                         "person\tmustafa\tموستاف\tw\t\n", encoding="utf-8")
    builder = _builder()
    mined = builder.mine_pairs(gazetteer, excluded=set())
    assert (1, "جوستاف", "غوستاف") in mined and (1, "لورانس", "لورينس") in mined
    assert any(y == 0 and {a, b} == {"جوستاف", "موستاف"} for y, a, b in mined)  # one letter, another name
    kept = builder.mine_pairs(gazetteer, excluded={"لورينس"})
    assert all("لورينس" not in (a, b) for _, a, b in kept)
    assert builder.benchmark_words(PAIRS) >= {"دارشيف", "ترمب"}  # the words left out include the benchmark's
