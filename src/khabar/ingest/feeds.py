"""RSS and Atom feeds saved to disk, one RawDoc per entry (parsed by feedparser).

Full-text feeds carry the article in ``content``; others only a ``summary``,
which is still kept (short, but the best the feed gives). The feed's own title
names the outlet when the entry does not. Entry content is an HTML fragment
(feedparser sanitizes away any page wrapper), so it is wrapped in a minimal
document whose ``<article>`` is that fragment: the cleaner expects pages.
"""

from __future__ import annotations

import html as htmllib
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser

from khabar.errors import BadDocument
from khabar.ingest.decode import decode
from khabar.model import RawDoc

FEED_SUFFIXES = {".rss", ".atom", ".xml"}

Item = RawDoc | BadDocument


def read_feed(path: Path) -> Iterator[Item]:
    """The entries of the feed file at ``path`` (read through ``read_file``, which reports a file
    that cannot be read or decoded); a file with no entries is one BadDocument."""
    from khabar.ingest.readers import doc_id

    source = str(path)
    text, _ = decode(path.read_bytes(), source)  # BadDocument and OSError: read_file reports them
    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = f"not a feed: {parsed.bozo_exception}" if parsed.bozo else "feed has no entries"
        yield BadDocument(source, reason)
        return
    outlet = parsed.feed.get("title", "")
    for index, entry in enumerate(parsed.entries):
        name = f"{source}#{entry.get('link') or index}"
        fragment = _entry_html(entry)
        if not fragment.strip():
            yield BadDocument(name, "entry has no content or summary")
            continue
        html = _as_page(fragment, entry.get("title", ""))
        yield RawDoc(doc_id(html), name, html=html, url=entry.get("link", ""),
                     outlet=entry.get("source", {}).get("title", "") or outlet,
                     title=entry.get("title", ""), published_at=_entry_date(entry))


def _entry_html(entry: feedparser.FeedParserDict) -> str:
    """The longest content block of the entry, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", [])]
    best = max(contents, key=len, default="")
    return best if len(best) >= len(entry.get("summary", "")) else entry.get("summary", "")


def _as_page(fragment: str, title: str) -> str:
    head = f"<title>{htmllib.escape(title)}</title>" if title else ""
    return f'<html><head><meta charset="utf-8">{head}</head><body><article>{fragment}</article></body></html>'


def _entry_date(entry: feedparser.FeedParserDict) -> str:
    """ISO datetime (UTC) of publication, else of last update, else empty."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else ""
