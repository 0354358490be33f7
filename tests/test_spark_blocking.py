"""Blocking pieces that need no Spark: MinHash band keys and windowed star runs."""

from __future__ import annotations

from khabar.scale.articles import input_files, keywords
from khabar.scale.blocking import band_keys, star_runs


def test_band_keys_are_order_free_keyword_pairs():
    words = ["قمة", "اسطنبول", "روسيا", "امريكا", "سفارة"]
    assert band_keys(words) == band_keys(list(reversed(words))) and len(band_keys(words)) == 10
    assert band_keys(["قمة"]) == [] and band_keys(["قمة", "قمة"]) == []


def test_two_shared_keywords_make_a_candidate_one_does_not():
    a = [f"w{i}" for i in range(12)]
    assert len(set(band_keys(a)) & set(band_keys(a[:2] + ["x", "y"]))) == 1
    assert not set(band_keys(a)) & set(band_keys(a[:1] + ["x", "y"]))


def test_star_runs_break_where_days_are_too_far_apart():
    members = [(10, "a"), (11, "b"), (13, "c"), (30, "d"), (31, "e"), (None, "u")]
    edges = set(star_runs(members, window=4))
    assert edges == {("u", "a"), ("u", "b"), ("u", "c"), ("d", "e")}


def test_keywords_prefer_rare_stems():
    terms = ["عام", "مصر", "دول", "زقزقون"]
    top = keywords(terms, k=1)
    assert top == ["زقزقون"] and len(keywords(terms)) == 4


def test_input_files_split_readers_parquet_and_missing(tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "skip.md").write_text("x", encoding="utf-8")
    (tmp_path / "t.parquet").write_bytes(b"")
    files, parquet, missing = input_files([tmp_path / "a.txt", tmp_path / "t.parquet", tmp_path / "nope"])
    assert files == [str(tmp_path / "a.txt")] and parquet == [str(tmp_path / "t.parquet")]
    assert missing[0].source == str(tmp_path / "nope")
