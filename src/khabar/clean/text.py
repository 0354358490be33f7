"""The plain-text cleaner: label each line of a crawled article, keep the body.

Passes over the lines (see :mod:`khabar.clean.segment`; a row of widget labels
glued before a paragraph is first cut off into a line of its own):

1. local rules: separators, hashtag runs, chrome lines, tag lists, "read also"
   markers, captions, date/byline and credited-source lines;
2. the title: a given title, a short line repeated near the top, or the first
   headline-like line; short unrelated lines above it are menu clutter;
3. for HTML, runs of lines that are whole link texts (a link list);
4. the tail (:mod:`khabar.clean.appended`): after a section marker, headline
   lines are links, and runs of prose are kept only when they are about the
   article, else cut whole as an appended article.

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
from khabar.clean.segment import Line, gap_is_paragraph, renumber, split_line, split_lines
from khabar.clean.topic import similarity, terms
from khabar.model import Block

MENU_TOPIC = 0.15  # a short line above the title less similar than this is a menu line
UNRELATED = 0.05  # below this similarity to the lead, a first line is not the title
LEAD_LINES = 5  # prose lines that stand for the article when judging top lines
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


def clean_text(raw: str, title_hint: str = "", lines_are_paragraphs: bool = False,
               link_texts: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one crawled article given as plain text; ``title_hint`` is a known title.

    ``lines_are_paragraphs`` joins kept lines with blank lines (for extracted HTML,
    where each line is a paragraph); otherwise the raw text's breaks are kept.
    ``link_texts`` are the ``match`` keys of the page's link texts, when known (HTML).
    """
    lines = _split_widget_prefixes(split_lines(raw))
    out = Cleaned()
    labels: dict[int, Label] = {}
    for line in lines:
        label = _local_label(line, out)
        if label:
            labels[line.index] = label
    out.title, title_at = _find_title(lines, labels, title_hint)
    _label_before_title(lines, labels, title_at, out.title)
    if link_texts:
        _label_link_lists(lines, labels, link_texts)
    label_tail(lines, labels, out.title)
    kept = [ln for ln in lines if ln.index not in labels]
    out.body = _join(raw, kept, lines_are_paragraphs)
    if not out.title and kept:
        out.title = _title_from_lead(kept[0].text)
    out.captions = [ln.text for ln in lines if labels.get(ln.index, BODY).kind == "caption"]
    out.removed = _blocks(raw, lines, labels)
    return out


def _split_widget_prefixes(lines: list[Line]) -> list[Line]:
    """Lines whose text starts with a glued row of widget labels, cut in two (label row, text)."""
    out: list[Line] = []
    for line in lines:
        cut = f.widget_prefix(line)
        out.extend(split_line(line, cut) if cut else (line,))
    return [renumber(line, i) for i, line in enumerate(out)] if len(out) > len(lines) else out


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
    if f.has_chrome_pair(line) or not f.has_punctuation(line) and f.chrome_count(line) >= 2:
        return Label("clutter", "chrome-in-line", score=min(1.0, f.chrome_count(line) / 4))
    credit = f.caption_credit(line)
    return Label("caption", f"caption:{credit}") if credit else None


def _find_title(lines: list[Line], labels: dict[int, Label], hint: str) -> tuple[str, int]:
    """The title and the index of its first line (-1 when it is not a line of its own).

    Without a known title: a headline-like line above the body that is repeated
    near the top, else the first one, unless it is unrelated to the lead and the
    next one is related (a menu or ad line above the title).
    """
    if hint:
        key = normalize(hint, "match").lower()
        found = [ln for ln in lines[:TOP_LINES]
                 if ln.index not in labels and ln.head == key[:len(ln.head)] and ln.norm == key]
        for ln in found:
            labels[ln.index] = Label("title", "title-repeat" if ln is not found[0] else "title")
        return hint.strip(), found[0].index if found else -1
    first_prose = next((ln.index for ln in lines
                        if ln.index not in labels and f.is_prose(ln) and not f.is_title_like(ln)), len(lines))
    candidates = [ln for ln in lines[:min(first_prose, TOP_LINES)] if ln.index not in labels and f.is_title_like(ln)]
    for ln in candidates:
        repeats = [o for o in lines[ln.index + 1:ln.index + TOP_LINES + 4] if o.head == ln.head and o.norm == ln.norm]
        if repeats:
            labels[ln.index] = Label("title", "title")
            for o in repeats:
                labels[o.index] = Label("title", "title-repeat")
            return ln.text, ln.index
    if not candidates:
        return "", -1
    best = candidates[0]
    if len(candidates) > 1:  # a menu line above the title is unrelated to the body; the title is not
        lead = terms(ln.norm for ln in lines[first_prose:first_prose + LEAD_LINES])
        if similarity(terms([best.norm]), lead) < UNRELATED and similarity(terms([candidates[1].norm]), lead) >= MENU_TOPIC:
            best = candidates[1]
    labels[best.index] = Label("title", "title:first-headline" if best is candidates[0] else "title:below-menu")
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


def _label_link_lists(lines: list[Line], labels: dict[int, Label], link_texts: frozenset[str]) -> None:
    """Two or more lines in a row that are each a whole link text, below the lead: a link list."""
    seen_prose = False
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].index not in labels and lines[j].norm in link_texts:
            j += 1
        if j - i >= 2 and seen_prose:
            for k, ln in enumerate(lines[i:j]):
                labels[ln.index] = Label("clutter", "link-list", opens_tail=k == 0)
        seen_prose = seen_prose or (j == i and lines[i].index not in labels and f.is_prose(lines[i]))
        i = max(j, i + 1)


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
    groups: list[tuple[Label, int, int, float]] = []  # label, start, end, best score
    last: Label | None = None
    for ln in lines:
        label = labels.get(ln.index)
        if label is not None and last is not None and label.kind == last.kind and label.reason == last.reason \
                and label.kind in ("appended", "clutter"):
            first, start, _, score = groups[-1]
            groups[-1] = (first, start, ln.end, max(score, label.score))
        elif label is not None:
            groups.append((label, ln.start, ln.end, label.score))
        last = label
    return [Block(raw[start:end], start, end, label.kind, label.reason, score) for label, start, end, score in groups]
