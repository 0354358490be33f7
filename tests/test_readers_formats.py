"""Readers for SaudiNewsNet arrays, RSS/Atom, WARC and Parquet: streaming, metadata, bad records."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from formats import seed_texts, write_feed, write_warc
from khabar.errors import BadDocument
from khabar.ingest import read_paths
from khabar.ingest.jsonarray import ArrayError, iter_array
from khabar.model import RawDoc

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAUDI = SHARED / "data/saudinewsnet/zips"


def _records(n: int) -> list[dict]:
    texts = seed_texts()
    return [{"source": f"outlet{i}", "url": f"https://news.example/{i}", "date_extracted": f"2015-07-2{i} 02:51:3{i}",
             "title": t.splitlines()[0][:80], "author": "واس", "content": t} for i, t in enumerate(texts[:n])]


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_json_array_streams_across_chunk_boundaries(chunk):
    values = [{"a": "خبر", "n": i} for i in range(5)] + [12345, "نص", [1, 2]]
    assert list(iter_array(io.StringIO(json.dumps(values, ensure_ascii=False, indent=2)), chunk=chunk)) == values
    assert list(iter_array(io.StringIO(" [ ] "), chunk=chunk)) == []


@pytest.mark.parametrize("text, index", [('{"a": 1}', 0), ('[{"a": 1}, {"a": ', 1), ('[{"a": 1} {"b": 2}]', 1),
                                         ('[1, 2', 2), ('[1] 2', 1)])
def test_json_array_errors_name_the_record(text, index):
    with pytest.raises(ArrayError) as err:
        list(iter_array(io.StringIO(text), chunk=3))
    assert err.value.index == index


def test_saudinewsnet_zip_maps_fields_and_reports_bad_records(tmp_path):
    records = _records(3)
    records.insert(1, {"source": "x", "url": "u", "content": ""})
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2015-07-21.json", json.dumps(records, ensure_ascii=False, indent=4))
    items = list(read_paths([tmp_path]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    bad = [i for i in items if isinstance(i, BadDocument)]
    assert len(docs) == 3 and len(bad) == 1 and bad[0].source.endswith("2015-07-21.json#1")
    assert docs[0].outlet == "outlet0" and docs[0].url == "https://news.example/0"
    assert docs[0].published_at == "2015-07-20T02:51:30" and docs[0].text == records[0]["content"]
    assert docs[1].source.endswith("#2")


def test_truncated_array_keeps_the_records_before_the_break(tmp_path):
    text = json.dumps(_records(3), ensure_ascii=False)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    items = list(read_paths([path]))
    assert isinstance(items[0], RawDoc) and isinstance(items[-1], BadDocument)
    assert items[-1].source == f"{path}#{len(items) - 1}"


def test_bad_zip_is_a_value(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    [item] = list(read_paths([tmp_path]))
    assert isinstance(item, BadDocument) and "zip" in item.reason


def test_rss_and_atom_entries_become_documents(tmp_path):
    texts = seed_texts()
    rss = write_feed(tmp_path / "feed.rss", texts[:3], kind="rss")
    atom = write_feed(tmp_path / "feed.atom", texts[3:], kind="atom")
    docs = list(read_paths([rss, atom]))
    assert all(isinstance(d, RawDoc) for d in docs) and len(docs) == len(texts)
    first = docs[0]
    assert first.outlet == "وكالة الاختبار" and first.url == "https://news.example/0"
    assert first.published_at == "2025-04-10T09:00:00Z" and first.title
    assert texts[0].split()[5] in first.html
    assert docs[-1].source.endswith(f"#https://news.example/{len(texts) - 1}")


def test_a_file_that_is_not_a_feed_is_a_value(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><n>نص</n></notes>", encoding="utf-8")
    [item] = list(read_paths([path]))
    assert isinstance(item, BadDocument)


def test_a_binary_feed_file_is_named_with_its_reason(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    [item] = list(read_paths([path]))
    assert isinstance(item, BadDocument) and item.source == str(path) and "PNG" in item.reason


@pytest.mark.parametrize("gz", [True, False])
def test_warc_yields_html_responses_only(tmp_path, gz):
    texts = seed_texts()
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), texts, gzip=gz, extras=True)
    items = list(read_paths([tmp_path]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert len(docs) == len(texts)
    assert docs[0].url == "https://news.example/0" and docs[0].published_at.startswith("2025-04-10")
    assert texts[0].split()[5] in docs[0].html
    assert all(d.source.startswith(str(path)) for d in docs)


def test_cp1256_warc_record_is_decoded(tmp_path):
    text = seed_texts()[0]
    write_warc(tmp_path / "old.warc", [text], encoding="cp1256")
    [doc] = list(read_paths([tmp_path / "old.warc"]))
    assert text.split()[5] in doc.html and doc.encoding.lower() in ("cp1256", "windows-1256")


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_reports_and_keeps_earlier_records(tmp_path, gz):
    path = write_warc(tmp_path / "cut.warc", seed_texts(), gzip=gz)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    items = list(read_paths([path]))
    assert isinstance(items[0], RawDoc)
    assert isinstance(items[-1], BadDocument) and "WARC" in items[-1].reason


def test_parquet_rows_become_documents(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = seed_texts()
    table = pa.table({"text": texts + [""], "outlet": [f"o{i}" for i in range(len(texts) + 1)],
                      "published_at": ["2025-04-10"] * (len(texts) + 1)})
    pq.write_table(table, tmp_path / "articles.parquet")
    items = list(read_paths([tmp_path / "articles.parquet"]))
    assert [type(i) for i in items] == [RawDoc] * len(texts) + [BadDocument]
    assert items[1].outlet == "o1" and items[1].text == texts[1]


@pytest.mark.skipif(not SAUDI.is_dir(), reason="SaudiNewsNet not on this machine")
def test_real_saudinewsnet_day_streams_every_record():
    path = sorted(SAUDI.glob("*.zip"))[0]
    with zipfile.ZipFile(path) as zf:
        expected = len(json.loads(zf.read(zf.namelist()[0])))
    items = list(read_paths([path]))
    assert len(items) == expected
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert len(docs) > 0.9 * expected and all(d.outlet and d.published_at for d in docs[:50])
