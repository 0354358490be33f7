"""The HTML cleaner: trafilatura finds the main text and page metadata, then the
plain-text rules run on its output (trafilatura keeps Arabic "read also" lines,
tag lists and appended teasers that our rules know). The page's link texts are
passed along: lines of the extracted text that are whole links, two or more in a
row below the lead, are a link list (link density, the signal HTML adds).

Offsets of removed blocks point into trafilatura's extracted text, the raw text
that the text rules saw. Image captions come from ``<figcaption>`` elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

import trafilatura
from trafilatura.utils import load_html

from khabar.arabic import normalize
from khabar.clean.metadata import find_date
from khabar.clean.text import Cleaned, clean_text

_WHITESPACE = re.compile(r"\s+")
_SPACE = re.compile(r"[ \t\f\v\u00a0]+")
_INVISIBLE_PARTS = re.compile(r"<(script|style|head|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|figure"
                        r"|figcaption|nav|aside)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Page:
    """What the page itself says: main text and metadata."""

    text: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    sitename: str = ""
    captions: tuple[str, ...] = ()
    links: frozenset[str] = frozenset()  # match keys of link texts of three or more words


def read_page(html: str, url: str = "") -> Page:
    """Main text (paragraphs on their own lines) and metadata of an HTML page.

    When the parser gives up (nesting deeper than libxml2 accepts, broken markup)
    the page's text is taken with the tags stripped, so that a bad page still
    yields its words rather than nothing.
    """
    tree = load_html(html)
    if tree is None:
        return Page(text=strip_tags(html))
    captions, links = _captions(tree), _links(tree)  # read before trafilatura prunes the tree
    try:
        doc = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, favor_recall=True)
    except (ValueError, TypeError, AttributeError):  # malformed markup: fall back to stripped text
        doc = None
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    return Page(
        text=data.get("text") or ("" if doc else strip_tags(html)),
        title=data.get("title") or "",
        author=data.get("author") or "",
        date=find_date(data.get("date") or ""),
        sitename=data.get("sitename") or "",
        captions=captions,
        links=links,
    )


def strip_tags(html: str) -> str:
    """Text of ``html`` without any parser: scripts, styles and head dropped, blocks on their own lines."""
    text = _INVISIBLE_PARTS.sub(" ", html)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    lines = (_SPACE.sub(" ", unescape(line)).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _captions(tree) -> tuple[str, ...]:
    found = (_WHITESPACE.sub(" ", el.text_content()).strip() for el in tree.iter("figcaption"))
    return tuple(dict.fromkeys(c for c in found if c))


def _links(tree) -> frozenset[str]:
    """Keys of the page's link texts: a line of extracted text equal to one is a link."""
    texts = (normalize(el.text_content(), "match").lower() for el in tree.iter("a"))
    return frozenset(t for t in texts if len(t.split()) >= 3)


def clean_html(html: str, url: str = "", title_hint: str = "") -> tuple[Page, Cleaned]:
    """Clean an HTML page: trafilatura's text through the text rules, page metadata kept."""
    page = read_page(html, url)
    cleaned = clean_text(page.text, title_hint or page.title, lines_are_paragraphs=True, link_texts=page.links)
    cleaned.author = cleaned.author or page.author
    cleaned.published_at = page.date or cleaned.published_at
    cleaned.captions = list(dict.fromkeys([*page.captions, *cleaned.captions]))
    return page, cleaned
