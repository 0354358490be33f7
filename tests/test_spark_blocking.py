"""Blocking pieces that need no Spark: keywords per article, input files."""

from __future__ import annotations

from khabar.scale.articles import input_files, keywords


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
