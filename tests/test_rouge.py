"""ROUGE on normalized Arabic tokens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.evaluate.rouge import lcs_length, rouge_all, rouge_l, rouge_n, rouge_tokens


def _lcs_dp(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


@given(st.lists(st.sampled_from("abcde"), max_size=40), st.lists(st.sampled_from("abcde"), max_size=40))
def test_bit_parallel_lcs_equals_dynamic_programming(a, b):
    assert lcs_length(a, b) == _lcs_dp(a, b)


def test_tokens_fold_hamza_alef_and_diacritics_and_drop_punctuation():
    assert rouge_tokens("أَعلنَ الرئيسُ، اليوم.") == rouge_tokens("اعلن الرئيس اليوم")
    assert rouge_tokens("٢٠٢٥ مصطفى") == ["2025", "مصطفي"]


def test_rouge_n_counts_clipped_overlap():
    cand = "القط على الحصيرة القط".split()
    ref = "القط على الحصيرة".split()
    one = rouge_n(cand, ref, 1)
    assert one.recall == 1.0 and one.precision == pytest.approx(3 / 4)
    two = rouge_n(cand, ref, 2)
    assert two.precision == pytest.approx(2 / 3) and two.recall == 1.0


def test_rouge_l_uses_order():
    ref = "أ ب ج د".split()
    assert rouge_l("أ ب ج د".split(), ref).f1 == 1.0
    assert rouge_l("د ج ب أ".split(), ref).f1 == pytest.approx(0.25)


def test_rouge_all_averages_over_references_and_scores_disjoint_text_zero():
    scores = rouge_all("محادثات في إسطنبول", ["محادثات في اسطنبول", "كرة القدم"])
    assert scores["rouge1"] == pytest.approx(0.5)
    assert rouge_all("", ["نص"])["rougeL"] == 0.0
    with pytest.raises(ValueError):
        rouge_all("نص", [])
