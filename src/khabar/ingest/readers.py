"""Readers that turn files into RawDocs, streaming, one document at a time.

Plain text, HTML and JSON Lines are read here; the other formats have their own
modules (SaudiNewsNet zips and JSON arrays, RSS/Atom feeds, WARC, Parquet) and
:func:`read_file` picks one by the file name.

Every reader yields either a :class:`RawDoc` or a :class:`BadDocument` naming the
file (and line) that could not be read, so a batch reports a bad document and
goes on. Document ids are content hashes: ingesting the same text twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.errors import BadDocument
from khabar.ingest.decode import decode
from khabar.ingest.feeds import FEED_SUFFIXES, read_feed
from khabar.ingest.parquet import PARQUET_SUFFIXES, read_parquet
from khabar.ingest.saudinewsnet import read_json_file, read_zip
from khabar.ingest.warc import is_warc, read_warc
from khabar.limits import MAX_BYTES
from khabar.model import RawDoc

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARRAY_SUFFIXES = {".json", ".zip"}  # JSON arrays of records, bare or zipped (SaudiNewsNet)
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | ARRAY_SUFFIXES | FEED_SUFFIXES
                      | PARQUET_SUFFIXES | WARC_SUFFIXES)
STREAMED_SUFFIXES = JSONL_SUFFIXES | ARRAY_SUFFIXES | FEED_SUFFIXES | PARQUET_SUFFIXES

Item = RawDoc | BadDocument


def doc_id(content: str) -> str:
    """A stable id from the document's text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_paths(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Every document under ``paths`` (files or directories, recursively, in name order)."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p))
            for f in files:
                yield from read_file(f, max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes)
        else:
            yield BadDocument(str(path), "no such file or directory")


def is_supported(path: Path) -> bool:
    """Whether a directory scan reads this file (by its suffix)."""
    return is_warc(path) or path.suffix.lower() in SUPPORTED_SUFFIXES


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """The documents in one file, by its suffix (unknown suffixes are read as text)."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if is_warc(path):
            yield from read_warc(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes and suffix not in STREAMED_SUFFIXES:
            yield BadDocument(source, f"too large ({size:,} bytes > limit {max_bytes:,})")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes)
            return
        if suffix == ".zip":
            yield from read_zip(path)
            return
        if suffix == ".json":
            yield from read_json_file(path)
            return
        if suffix in FEED_SUFFIXES:
            yield from read_feed(path)
            return
        if suffix in PARQUET_SUFFIXES:
            yield from read_parquet(path)
            return
        text, encoding = decode(path.read_bytes(), source)
    except BadDocument as err:
        yield err
        return
    except OSError as err:
        yield BadDocument(source, f"cannot read: {err.strerror or err}")
        return
    if not text.strip():
        yield BadDocument(source, "empty document")
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield RawDoc(doc_id(text), source, html=text, encoding=encoding)
    else:
        yield RawDoc(doc_id(text), source, text=text, encoding=encoding)


def read_jsonl(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional url, outlet, title, published_at.

    Lines are read at most ``max_bytes`` at a time: a giant line is skipped without being held in memory.
    """
    with path.open("rb") as fh:
        lineno = 0
        while raw := fh.readline(max_bytes + 1):
            lineno += 1
            source = f"{path}:{lineno}"
            if len(raw) > max_bytes:
                size = len(raw)
                while not raw.endswith(b"\n") and (raw := fh.readline(max_bytes + 1)):
                    size += len(raw)
                yield BadDocument(source, f"line too large ({size:,} bytes > limit {max_bytes:,})")
                continue
            if not raw.strip():
                continue
            try:
                line, _ = decode(raw, source)
                yield record_to_doc(json.loads(line), source)
            except BadDocument as err:
                yield err
            except (json.JSONDecodeError, ValueError) as err:
                yield BadDocument(source, f"malformed JSON: {err}")


def record_to_doc(record: object, source: str) -> RawDoc:
    """A RawDoc from a JSON object with ``text`` or ``html`` (and optional metadata)."""
    if not isinstance(record, dict):
        raise BadDocument(source, "a JSON line must be an object")
    text = _field(record, "text") or _field(record, "content")
    html = _field(record, "html")
    if not (text.strip() or html.strip()):
        raise BadDocument(source, "no 'text' or 'html' in the record")
    return RawDoc(
        doc_id(html or text),
        source,
        text=text,
        html=html,
        url=_field(record, "url"),
        outlet=_field(record, "outlet") or _field(record, "source"),
        title=_field(record, "title"),
        published_at=_field(record, "published_at") or _field(record, "date"),
    )


def _field(record: dict, name: str) -> str:
    value = record.get(name)
    return value if isinstance(value, str) else ""
