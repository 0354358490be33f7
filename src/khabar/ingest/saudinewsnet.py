"""SaudiNewsNet: zips of JSON arrays (``source, url, date_extracted, title, author, content``).

The format of Alhagri's corpus (one ``YYYY-MM-DD.json`` array per zip). A zip
member is streamed record by record (:mod:`khabar.ingest.jsonarray`), so a
whole day never sits in memory. Plain ``.json`` files holding such an array are
read the same way.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from khabar.errors import BadDocument
from khabar.ingest.jsonarray import ArrayError, iter_array
from khabar.model import RawDoc

Item = RawDoc | BadDocument


def read_zip(path: Path) -> Iterator[Item]:
    """Every article of every ``.json`` member of the zip at ``path``."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        yield BadDocument(str(path), f"not a readable zip: {err}")
        return
    with archive:
        for member in sorted(n for n in archive.namelist() if n.lower().endswith(".json")):
            with archive.open(member) as raw:
                yield from read_array(io.TextIOWrapper(raw, encoding="utf-8-sig"), f"{path}:{member}")


def read_json_file(path: Path) -> Iterator[Item]:
    """Every article of a ``.json`` file holding one array of records."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            yield from read_array(fh, str(path))
    except OSError as err:
        yield BadDocument(str(path), f"cannot read: {err.strerror or err}")


def read_array(stream: TextIO, source: str) -> Iterator[Item]:
    """Articles from a stream of one JSON array; a bad record ends the stream with a BadDocument."""
    from khabar.ingest.readers import record_to_doc

    index = 0
    try:
        for index, record in enumerate(iter_array(stream)):
            name = f"{source}#{index}"
            try:
                yield record_to_doc(_normalize(record), name)
            except BadDocument as err:
                yield err
    except ArrayError as err:
        yield BadDocument(f"{source}#{err.index}", err.reason)
    except UnicodeDecodeError as err:
        yield BadDocument(f"{source}#{index}", f"not UTF-8: {err.reason}")


def _normalize(record: object) -> object:
    """Map SaudiNewsNet's field names onto the JSONL ones (``date_extracted`` -> ``published_at``)."""
    if not isinstance(record, dict):
        return record
    out = dict(record)
    date = record.get("date_extracted")
    if isinstance(date, str) and not out.get("published_at"):
        out["published_at"] = date.strip().replace(" ", "T", 1)
    return out
