"""Clustering metrics and the ``eval cluster`` / ``eval pairs`` evaluations."""

from __future__ import annotations

import json

import pytest
from sklearn.metrics import adjusted_rand_score

from khabar.evaluate import cluster, pairs
from khabar.evaluate.metrics import bcubed, clustering_scores, correlations, pairwise
from test_group_seeds import seed_articles


def test_perfect_clustering_scores_one_whatever_the_label_names():
    s = clustering_scores(["a", "a", "b", "c"], [7, 7, 1, 2])
    assert all(s[k] == pytest.approx(1.0) for k in ("bcubed_f1", "pairwise_f1", "nmi", "ari"))


def test_bcubed_and_pairwise_by_hand():
    gold, pred = ["a", "a", "b", "b"], [1, 1, 1, 2]
    p, r, f = bcubed(gold, pred)
    # items in cluster 1: precision 2/3, 2/3, 1/3; item in cluster 2: 1
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    # gold a: both together (1, 1); gold b split (1/2, 1/2)
    assert r == pytest.approx(0.75)
    assert f == pytest.approx(2 * p * r / (p + r))
    pp, pr, _ = pairwise(gold, pred)
    assert (pp, pr) == (pytest.approx(1 / 3), pytest.approx(0.5))
    assert clustering_scores(gold, pred)["ari"] == pytest.approx(adjusted_rand_score(gold, pred))


def test_all_in_one_cluster_has_full_recall_low_precision():
    p, r, _ = bcubed(list("aabbcc"), [0] * 6)
    assert r == 1.0 and p == pytest.approx(1 / 3)
    with pytest.raises(ValueError):
        bcubed(["a"], [1, 2])


def test_correlations_sign_and_constant_input():
    assert correlations([1, 2, 3], [2, 4, 7])["spearman"] == pytest.approx(1.0)
    assert correlations([1, 2, 3], [3, 2, 1])["pearson"] < 0
    assert correlations([1, 1, 1], [1, 2, 3]) == {"pearson": 0.0, "spearman": 0.0}


FOOTBALL = ["فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري السعودي للمحترفين.",
            "الهلال يتغلب على النصر بثلاثية في الدوري السعودي ويعزز صدارته للمحترفين.",
            "النصر يخسر أمام الهلال بثلاثة أهداف في ديربي الدوري السعودي للمحترفين."]


def test_eval_cluster_on_a_small_file(tmp_path):
    path = tmp_path / "items.jsonl"
    rows = [{"text": a.body, "title": a.title, "label": "talks"} for a in seed_articles()[:4]]
    rows += [{"text": t, "label": "football", "published_at": "2025-04-10"} for t in FOOTBALL]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = cluster.evaluate(path)
    assert result["items"] == 7 and result["labels"] == 2
    assert result["bcubed_precision"] == pytest.approx(1.0)
    assert 0.0 < result["bcubed_f1"] <= 1.0
    assert "NMI" in cluster.render(result)


def test_eval_cluster_names_a_bad_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "نص", "label": 1}\n{"text": "بلا تسمية"}\n{not json\n'
                    '{"text": "نص آخر", "label": 1}\n', encoding="utf-8")
    result = cluster.evaluate(path)
    assert result["items"] == 2
    assert [line.split(": ")[0] for line in result["skipped"]] == [f"{path}:2", f"{path}:3"]
    assert "skipped " + result["skipped"][0] in cluster.render(result)


def test_eval_command_reports_an_unreadable_file_without_a_traceback(tmp_path):
    from typer.testing import CliRunner

    from khabar.cli import app

    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"text": "caf\u00e9", "label": 1}\n'.encode("latin-1"))
    result = CliRunner().invoke(app, ["eval", "cluster", str(path)])
    assert result.exit_code == 2 and "latin1.jsonl" in result.output and "Traceback" not in result.output


def test_eval_pairs_ranks_same_event_pairs_above_unrelated(tmp_path):
    seeds = seed_articles()
    rows = [{"text1": seeds[0].body, "text2": seeds[2].body, "score": 2},
            {"text1": FOOTBALL[0], "text2": FOOTBALL[1], "score": 2},
            {"text1": seeds[1].body, "text2": FOOTBALL[2], "score": 0},
            {"text1": seeds[3].body, "text2": FOOTBALL[0], "score": 0}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = pairs.evaluate(path)
    assert result["pairs"] == 4 and result["spearman"] > 0.5
    assert "Spearman" in pairs.render(result)


def test_eval_cluster_threshold_trades_events_for_recall(tmp_path):
    path = tmp_path / "items.jsonl"
    rows = [{"text": t, "label": "football"} for t in FOOTBALL]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    loose, strict = cluster.evaluate(path, threshold=0.0), cluster.evaluate(path, threshold=5.0)
    assert loose["events"] < strict["events"] == 3
    assert loose["bcubed_recall"] > strict["bcubed_recall"]
