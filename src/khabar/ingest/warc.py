"""WARC files (``.warc``, ``.warc.gz``) as Common Crawl News delivers them, via warcio.

Only HTTP ``response`` records of HTML pages become documents; request,
metadata and non-HTML records are passed over silently (they are not articles).
The record's ``WARC-Date`` (the fetch time) stands in for the publication date:
news crawls fetch pages within hours of publication, and it is the only date a
WARC always carries.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from khabar.errors import BadDocument
from khabar.ingest.decode import decode
from khabar.model import RawDoc

MAX_RECORD = 20 * 1024 * 1024

Item = RawDoc | BadDocument


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def read_warc(path: Path, max_bytes: int = MAX_RECORD) -> Iterator[Item]:
    """One RawDoc per HTML response record; a broken archive ends with a BadDocument."""
    from khabar.ingest.readers import doc_id

    index = 0
    try:
        with path.open("rb") as fh:
            for index, record in enumerate(ArchiveIterator(fh)):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                name = f"{path}#{url or index}"
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if ctype and "html" not in ctype:
                    continue
                status = record.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield BadDocument(name, f"record too large (> {max_bytes:,} bytes)")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
                    yield BadDocument(name, "broken WARC: truncated record")
                    continue
                try:
                    html, encoding = _decode(body, ctype, name)
                except BadDocument as err:
                    yield err
                    continue
                if not html.strip():
                    yield BadDocument(name, "empty response")
                    continue
                date = record.rec_headers.get_header("WARC-Date") or ""
                yield RawDoc(doc_id(html), name, html=html, url=url, published_at=date, encoding=encoding)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
        yield BadDocument(f"{path}#{index}", f"broken WARC: {err}")


def _decode(body: bytes, ctype: str, source: str) -> tuple[str, str]:
    """Decode with the HTTP charset when it is given and works, else by detection."""
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip('"\'')
        try:
            return body.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, source)
