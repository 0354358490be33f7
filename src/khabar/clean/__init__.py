"""Cleaning: the article body out of crawled text or HTML, every cut kept with its reason.

:func:`clean` is the stage entry point (RawDoc -> Article); :func:`report` renders
the result for the terminal.
"""

from __future__ import annotations

from urllib.parse import urlparse

from khabar.clean.html import clean_html
from khabar.clean.report import report
from khabar.clean.text import clean_text
from khabar.model import Article, RawDoc

__all__ = ["clean", "clean_html", "clean_text", "report"]


def clean(doc: RawDoc) -> Article:
    """Clean one document: HTML when ``doc.html`` is set, else plain text.

    Fields the reader already knew (title, outlet, date) win over what the cleaner
    finds; bad or empty input gives an Article with an empty body, never an error.
    """
    outlet = doc.outlet
    if doc.html:
        page, cleaned = clean_html(doc.html, doc.url, doc.title)
        outlet = outlet or page.sitename
    else:
        cleaned = clean_text(doc.text or "", doc.title)
    return Article(
        id=doc.doc_id,
        source=doc.source,
        title=cleaned.title,
        body=cleaned.body,
        outlet=outlet or _host(doc.url),
        url=doc.url,
        published_at=doc.published_at or cleaned.published_at,
        author=cleaned.author,
        credited_source=cleaned.credited_source,
        captions=tuple(cleaned.captions),
        removed=tuple(cleaned.removed),
    )


def _host(url: str) -> str:
    host = urlparse(url).hostname or "" if url else ""
    return host.removeprefix("www.")
