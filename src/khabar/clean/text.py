"""The plain-text cleaner: label each line of a crawled article, keep the body.

Three passes over the lines (see :mod:`khabar.clean.segment`):

1. local rules: separators, hashtag runs, chrome lines, tag lists, "read also"
   markers, captions, date/byline and credited-source lines;
2. the title: a given title, a short line repeated near the top, or the first
   headline-like line; short unrelated lines above it are menu clutter;
3. the tail: after a section marker, headline lines are link lists, and runs of
   prose are kept only when they are about the article (topic similarity to the
   title and the body above the marker), else cut whole as an appended article.

Every line not kept is reported as a :class:`~khabar.model.Block` with the rule
that cut it; consecutive lines cut by the same rule form one block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.arabic import normalize
from khabar.clean import features as f
from khabar.clean.appended import label_tail
from khabar.clean.labels import BODY, Label
from khabar.clean.metadata import find_byline, find_credit, find_date
from khabar.clean.segment import Line, gap_is_paragraph, split_lines
from khabar.clean.topic import similarity, terms
from khabar.model import Block

MENU_TOPIC = 0.15  # a short line above the title less similar than this is a menu line
MENU_LINES = 3  # at most this many menu lines above the title
TOP_LINES = 8  # how far down the title is looked for


@dataclass
class Cleaned:
    """What the text cleaner found; offsets of ``removed`` point into the raw text."""

    title: str = ""
    body: str = ""
    author: str = ""
    published_at: str = ""
    credited_source: str = ""
    captions: list[str] = field(default_factory=list)
    removed: list[Block] = field(default_factory=list)


def clean_text(raw: str, title_hint: str = "", lines_are_paragraphs: bool = False) -> Cleaned:
    """Clean one crawled article given as plain text; ``title_hint`` is a known title.

    ``lines_are_paragraphs`` joins kept lines with blank lines (for extracted HTML,
    where each line is a paragraph); otherwise the raw text's breaks are kept.
    """
    lines = split_lines(raw)
    out = Cleaned()
    labels: dict[int, Label] = {}
    for line in lines:
        label = _local_label(line, out)
        if label:
            labels[line.index] = label
    out.title, title_at = _find_title(lines, labels, title_hint)
    _label_before_title(lines, labels, title_at, out.title)
    label_tail(lines, labels, out.title)
    kept = [ln for ln in lines if ln.index not in labels]
    out.body = _join(raw, kept, lines_are_paragraphs)
    if not out.title and kept:
        out.title = _title_from_lead(kept[0].text)
    out.captions = [ln.text for ln in lines if labels.get(ln.index, BODY).kind == "caption"]
    out.removed = _blocks(raw, lines, labels)
    return out


def _local_label(line: Line, out: Cleaned) -> Label | None:
    """Rules that need only the line itself; fills metadata fields of ``out`` on the way."""
    if f.is_separator(line) or f.is_letter_run(line):
        date = find_date(line.text) if line.words <= 4 else ""
        out.published_at = out.published_at or date
        return Label("metadata", "dateline") if date else Label("clutter", "separator")
    if f.is_hashtag_run(line):
        return Label("clutter", "hashtags")
    credit = find_credit(line.text)
    if credit:
        out.credited_source = out.credited_source or credit
        return Label("metadata", "credited-source")
    marker, _ = f.section_marker(line)
    if marker:
        return Label("clutter", f"lexicon:{marker}", opens_tail=True)
    prefix = f.tag_prefix(line)
    if prefix:
        return Label("clutter", f"tags:{prefix}")
    if f.is_chrome(line):
        return Label("clutter", "chrome")
    if line.words <= 14 and not f.ends_sentence(line):
        date, author = find_date(line.text), find_byline(line.text)
        if date or author:
            out.published_at = out.published_at or date
            out.author = out.author or author
            return Label("metadata", "dateline" if date else "byline")
    if f.has_chrome_pair(line) or not f.ends_sentence(line) and f.chrome_count(line) >= 2:
        return Label("clutter", "chrome-in-line", score=min(1.0, f.chrome_count(line) / 4))
    if f.caption_credit(line):
        return Label("caption", f"caption:{f.caption_credit(line)}")
    return None


def _find_title(lines: list[Line], labels: dict[int, Label], hint: str) -> tuple[str, int]:
    """The title and the index of its first line (-1 when it is not a line of its own).

    Without a known title: a headline-like line above the body that is repeated
    near the top, else the one closest in topic to the lead (menus come first,
    so ties go to the line nearest the body).
    """
    if hint:
        key = normalize(hint, "match").lower()
        found = [ln for ln in lines[:TOP_LINES]
                 if ln.index not in labels and ln.head == key[:len(ln.head)] and ln.norm == key]
        for ln in found:
            labels[ln.index] = Label("title", "title-repeat" if ln is not found[0] else "title")
        return hint.strip(), found[0].index if found else -1
    first_prose = next((ln.index for ln in lines if ln.index not in labels and f.is_prose(ln)), len(lines))
    candidates = [ln for ln in lines[:min(first_prose, TOP_LINES)] if ln.index not in labels and f.is_headline(ln)]
    for ln in candidates:
        repeats = [o for o in lines[ln.index + 1:ln.index + TOP_LINES + 4] if o.head == ln.head and o.norm == ln.norm]
        if repeats:
            labels[ln.index] = Label("title", "title")
            for o in repeats:
                labels[o.index] = Label("title", "title-repeat")
            return ln.text, ln.index
    if not candidates:
        return "", -1
    best = candidates[-1]
    if len(candidates) > 1:
        lead = terms(ln.norm for ln in lines[first_prose:first_prose + 2])
        best = max(reversed(candidates), key=lambda ln: similarity(terms([ln.norm]), lead))
    labels[best.index] = Label("title", "title:best-line")
    return best.text, best.index


def _label_before_title(lines: list[Line], labels: dict[int, Label], title_at: int, title: str) -> None:
    """Short lines just above a title near the top that are not about it: menus and ads."""
    if title_at <= 0 or title_at > MENU_LINES:
        return
    title_terms = terms([normalize(title, "match")])
    for ln in lines[:title_at]:
        if ln.index in labels or not f.is_headline(ln):
            continue
        score = similarity(terms([ln.norm]), title_terms)
        if score < MENU_TOPIC:
            labels[ln.index] = Label("clutter", "menu-above-title", score=round(1 - score, 3))


def _title_from_lead(text: str, max_words: int = 14) -> str:
    """A title for an article without one: its first sentence, cut at a comma if long."""
    sentence = text.split(". ")[0].rstrip(".")
    ws = sentence.split()
    if len(ws) <= max_words:
        return sentence
    head = " ".join(ws[:max_words])
    comma = head.rfind("،")
    return head[:comma] if comma > 20 else head + "…"


def _join(raw: str, kept: list[Line], lines_are_paragraphs: bool) -> str:
    """Kept lines as paragraphs, keeping single line breaks (lists, tables) as they were."""
    parts: list[str] = []
    for prev, ln in zip(kept, kept[1:], strict=False):
        parts.append(prev.text)
        parts.append("\n\n" if lines_are_paragraphs or gap_is_paragraph(raw, prev, ln) else "\n")
    if kept:
        parts.append(kept[-1].text)
    return "".join(parts)


def _blocks(raw: str, lines: list[Line], labels: dict[int, Label]) -> list[Block]:
    """Removed lines as blocks; neighbours cut by the same rule merge into one block."""
    blocks: list[Block] = []
    last: Label | None = None
    for ln in lines:
        label = labels.get(ln.index)
        if label is None:
            last = None
            continue
        if last is not None and label.kind == last.kind and label.reason == last.reason \
                and label.kind in ("appended", "clutter") and blocks:
            prev = blocks[-1]
            blocks[-1] = Block(raw[prev.start:ln.end], prev.start, ln.end, prev.kind, prev.reason,
                               max(prev.score, label.score))
        else:
            blocks.append(Block(ln.text, ln.start, ln.end, label.kind, label.reason, label.score))
        last = label
    return blocks
