"""Cut-off of what a page appends after the article: link lists and other articles.

The tail opens at a section marker ("اقرأ أيضاً", "قراءة المزيد"), or at a short
label line we do not know that heads another article or a link list (see
:func:`_unmarked_article`). In the tail,
headline lines are links (unless verse follows: a poem going on after an inline
link), and each run of prose is judged on its own:

* a teaser (the run stops mid-sentence) is an appended article card;
* prose that shares more with the headline just above it than with the article's
  title, or that is not similar enough to the article, is an appended article
  (a paragraph opening with a connective, "وأضاف", "كما", right after a link
  needs less similarity: Arabic news paragraphs that go on a story open so);
* otherwise it is the article going on after an inline "read also" link, and the
  tail closes.

Similarity is our own stem cosine (:mod:`khabar.clean.topic`): the decision is
local to one page, with no corpus statistics to ship. Runs of headline lines
with no label line above them are left alone: on real pages they are as often
verse, photo captions or a list in the article as they are links.
"""

from __future__ import annotations

from collections import Counter

from khabar.arabic import normalize
from khabar.clean import features as f
from khabar.clean.labels import BODY, Label
from khabar.clean.segment import Line
from khabar.clean.topic import containment, similarity, terms

ON_TOPIC = 0.12  # prose after a marker at least this similar to the article may stay body
ON_TOPIC_AFTER_APPENDED = 0.25  # ... and this similar once an appended article was seen
MIN_LINKS, MAX_LINKS = 3, 12  # headlines in a link list under an unknown label
MARKER_WORDS = 3  # an unknown section label is this short
VERSE_WINDOW = 8  # lines after a link looked at to tell verse going on
MAX_CHECKS = 20  # labelled sections looked at before deciding the page has no unmarked article
MIN_BODY_PROSE = 3  # body paragraphs above an unmarked appended article
CONTINUATION_TOPIC = 0.03  # ... or this, when it opens with a connective ("وأضاف") after a mere link


def label_tail(lines: list[Line], labels: dict[int, Label], title: str) -> None:
    """Label link headlines and appended articles after the first section marker.

    Without a marker, the tail may still open at an unmarked appended article
    (see :func:`_unmarked_article`).
    """
    marked = next((ln.index for ln in lines if labels.get(ln.index, BODY).opens_tail), len(lines))
    title_key = normalize(title, "match")
    title_terms = terms([title_key])
    first = _unmarked_article(lines, labels, title_terms, marked)
    if first is None:
        first = marked
    if first == len(lines):
        return
    profile = terms([title_key] + [ln.norm for ln in lines[:first] if ln.index not in labels])
    _walk_tail(lines, labels, first, profile, title_terms)


def _unmarked_article(lines: list[Line], labels: dict[int, Label], title_terms: Counter[str],
                      stop: int) -> int | None:
    """Where another article starts below the body without a marker we know, or None.

    A short label line we do not know ("ننصحك بقراءة"), then a headline, then prose
    that repeats the headline's words (its lead) more than the title's, and from
    there to the marker or the end nothing about the article: a new article was
    appended under a section label; or, under such a label, nothing but a few
    headlines to the end that are not about the article and not verse (a link
    list). Without the label line this is not done: digests of short news,
    listicles and poems have the same shapes and are body.
    """
    prose = checks = upto = 0
    seen: Counter[str] | None = None
    total: Counter[str] = Counter()
    for i in range(stop):
        ln = lines[i]
        if ln.index in labels:
            continue
        if f.is_prose(ln):
            prose += 1
            continue
        if prose < MIN_BODY_PROSE or not f.is_headline(ln) or not _unknown_marker_above(lines, labels, i):
            continue
        j = i + 1
        while j < stop and lines[j].index not in labels and f.is_headline(lines[j]) and lines[j].norm == ln.norm:
            j += 1  # a repeated headline, as cards repeat it
        k = j
        while k < stop and lines[k].index not in labels and f.is_prose(lines[k]):
            k += 1
        if k == j:
            if _link_list_at(lines, labels, i, stop, title_terms):
                labels[lines[i - 1].index] = Label("clutter", "unknown-marker", opens_tail=True)
                return i - 1
            continue
        lead = terms(r.norm for r in lines[j:k])
        own = containment(terms([ln.norm]), lead)
        if own < 0.5 or own <= containment(title_terms, lead):
            continue
        if seen is None:  # term counts, built once and moved down (no quadratic rescans)
            seen = terms(o.norm for o in lines[:i] if o.index not in labels)
            total = seen + terms(o.norm for o in lines[i:stop] if o.index not in labels)
        else:
            seen.update(terms(o.norm for o in lines[upto:i] if o.index not in labels))
        upto = i
        checks += 1
        if similarity(total - seen, title_terms + seen) >= ON_TOPIC:
            if checks >= MAX_CHECKS:
                return None
            continue
        labels[lines[i - 1].index] = Label("clutter", "unknown-marker", opens_tail=True)
        return i - 1
    return None


def _link_list_at(lines: list[Line], labels: dict[int, Label], i: int, stop: int,
                  title_terms: Counter[str]) -> bool:
    """Headlines from ``i`` to the marker or the end, not about the article and not verse."""
    if stop - i > 3 * MAX_LINKS:  # far from the end: not a trailing list (and no long scan)
        return False
    rest = [o for o in lines[i:stop] if o.index not in labels]
    if not MIN_LINKS <= len(rest) <= MAX_LINKS or not all(f.is_headline(o) and o.words >= 4 for o in rest):
        return False
    if f.rhymes(rest, 0.6, common_endings=True) or any(f.is_literary(o) for o in rest):
        return False
    above = title_terms + terms(o.norm for o in lines[:i - 1] if o.index not in labels)
    return similarity(terms(o.norm for o in rest), above) < ON_TOPIC


def _unknown_marker_above(lines: list[Line], labels: dict[int, Label], i: int) -> bool:
    """The line above ``i`` is a short unpunctuated label (at most three words)."""
    if i == 0 or lines[i - 1].index in labels:
        return False
    above = lines[i - 1]
    return above.words <= MARKER_WORDS and f.is_headline(above) and not f.has_punctuation(above)


def _walk_tail(lines: list[Line], labels: dict[int, Label], first: int, profile: Counter[str],
               title_terms: Counter[str]) -> None:
    """From ``first`` down: label link headlines and appended runs; an on-topic run closes the tail."""
    in_tail = False
    appended_seen = False
    headlines: list[Line] = []
    i = first
    while i < len(lines):
        ln = lines[i]
        label = labels.get(ln.index)
        if label:
            in_tail = in_tail or label.opens_tail
            headlines = [] if label.opens_tail else headlines
            i += 1
            continue
        if not in_tail:
            i += 1
            continue
        if not f.is_prose(ln):
            labels[ln.index] = Label("clutter", "related-headline")
            j = _verse_after(lines, labels, i)
            if j > i:  # the article goes on with verse after the link: keep it, close the tail
                in_tail = False
                i = j
                continue
            headlines.append(ln)
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].index not in labels and f.is_prose(lines[j]):
            j += 1
        run = lines[i:j]
        reason, score = judge_run(run, profile, title_terms, headlines[-2:], appended_seen)
        if not reason:
            in_tail = False
        else:
            for r in run:
                labels[r.index] = Label("appended", reason, score=score)
            for h in _own_headlines(lines, labels, i):
                labels[h.index] = Label("appended", reason, score=score)
            appended_seen = True
        headlines = []
        i = j


def _verse_after(lines: list[Line], labels: dict[int, Label], i: int) -> int:
    """End of the verse that follows the headline at ``i`` (``i`` when none does).

    Judged on the next few lines only, so a long list of headlines costs linear time.
    """
    def short(j: int) -> bool:
        return j < len(lines) and lines[j].index not in labels and not f.is_prose(lines[j])

    j = i + 1
    while short(j) and j <= i + VERSE_WINDOW:
        j += 1
    verse = lines[i + 1:j]
    if len(verse) < 3 or not (f.rhymes(verse) or sum(f.is_literary(v) for v in verse) >= 2):
        return i
    while short(j):
        j += 1
    return j


def judge_run(run: list[Line], profile: Counter[str], title_terms: Counter[str], headlines: list[Line],
              appended_seen: bool) -> tuple[str, float]:
    """Why a prose run in the tail is an appended article ("" if it is the article's own text)."""
    run_terms = terms(r.norm for r in run)
    topic = similarity(run_terms, profile)
    score = round(1 - topic, 3)
    own = containment(terms(h.norm for h in headlines), run_terms) if headlines else 0.0
    if own >= 0.5 and own > containment(title_terms, run_terms):
        return "follows-own-headline", score
    if not f.ends_sentence(run[-1]) and (headlines or appended_seen) and topic < ON_TOPIC_AFTER_APPENDED:
        return "teaser-after-marker", score
    threshold = ON_TOPIC_AFTER_APPENDED if appended_seen else ON_TOPIC
    if not appended_seen and not own and f.continues(run[0]):
        threshold = CONTINUATION_TOPIC
    if topic < threshold:
        return "off-topic-after-marker", score
    return "", score


def _own_headlines(lines: list[Line], labels: dict[int, Label], start: int) -> list[Line]:
    """Headline lines just above an appended run: its title, cut with it."""
    found = []
    k = start - 1
    while k >= 0 and labels.get(lines[k].index, BODY).reason == "related-headline":
        found.append(lines[k])
        k -= 1
    return found
