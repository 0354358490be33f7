import json

from khabar.errors import BadDocument
from khabar.ingest import doc_id, read_paths
from khabar.model import RawDoc


def test_directory_reads_supported_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>نص</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = list(read_paths([tmp_path]))
    assert [d.source.rsplit("/", 1)[1] for d in docs] == ["a.html", "b.txt"]
    assert docs[0].html and not docs[0].text
    assert docs[1].doc_id == doc_id("نص ثان")


def test_jsonl_bad_lines_are_values_naming_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "خبر أول", "url": "https://a.example/1", "outlet": "أ"}, ensure_ascii=False),
             "{not json", json.dumps([1, 2]), "", json.dumps({"title": "بلا نص"}, ensure_ascii=False),
             json.dumps({"html": "<p>خبر</p>", "published_at": "2025-04-10"})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    assert isinstance(items[0], RawDoc) and items[0].outlet == "أ"
    bad = [i for i in items if isinstance(i, BadDocument)]
    assert [b.source.rsplit(":", 1)[1] for b in bad] == ["2", "3", "5"]
    assert "malformed JSON" in bad[0].reason
    assert isinstance(items[-1], RawDoc) and items[-1].published_at == "2025-04-10"


def test_missing_and_empty_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    items = list(read_paths([tmp_path / "nope.txt", tmp_path / "empty.txt"]))
    assert all(isinstance(i, BadDocument) for i in items)
    assert "no such file" in items[0].reason and "empty" in items[1].reason
