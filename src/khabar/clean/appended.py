"""Cut-off of what a page appends after the article: link lists and other articles.

The tail opens at a section marker ("اقرأ أيضاً", "قراءة المزيد") or at a run of
headline lines that is not about the article. In the tail, headline lines are
links, and each run of prose is judged on its own:

* a teaser (the run stops mid-sentence) is an appended article card;
* prose that shares more with the headline just above it than with the article's
  title, or that is not similar enough to the article, is an appended article
  (a paragraph opening with a connective, "وأضاف", "كما", right after a link
  needs less similarity: Arabic news paragraphs that go on a story open so);
* otherwise it is the article going on after an inline "read also" link, and the
  tail closes.

Similarity is our own stem cosine (:mod:`khabar.clean.topic`): the decision is
local to one page, with no corpus statistics to ship.
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
CONTINUATION_TOPIC = 0.03  # ... or this, when it opens with a connective ("وأضاف") after a mere link
MIN_BODY_LINES = 2  # an unmarked headline run opens the tail only after this much prose
MIN_RUN, MAX_RUN = 3, 15  # ... and has this many lines


def label_tail(lines: list[Line], labels: dict[int, Label], title: str) -> None:
    """Label link headlines and appended articles after the body."""
    first = next((ln.index for ln in lines if labels.get(ln.index, BODY).opens_tail), len(lines))
    title_key = normalize(title, "match")
    for start, end in _headline_runs(lines, labels, first):
        above = terms([title_key] + [ln.norm for ln in lines[:start] if ln.index not in labels])
        score = similarity(terms(ln.norm for ln in lines[start:end]), above)
        if score < ON_TOPIC:
            for ln in lines[start:end]:
                labels[ln.index] = Label("clutter", "headline-run", score=round(1 - score, 3))
            labels[lines[start].index] = Label("clutter", "headline-run", round(1 - score, 3), opens_tail=True)
            first = start
            break
    if first < len(lines):
        profile = terms([title_key] + [ln.norm for ln in lines[:first] if ln.index not in labels])
        _walk_tail(lines, labels, first, profile, terms([title_key]))


def _headline_runs(lines: list[Line], labels: dict[int, Label], stop: int) -> list[tuple[int, int]]:
    """Trailing runs of headline lines below the body (above ``stop``) that look like a link list.

    Conservative, since no marker vouches for them: at least three lines of four
    or more words, nothing but labelled lines or headlines after them, and no
    sign of verse (rhyme, vowel marks, lines ending in commas) or of a bulleted
    list: a poem's verses and a list's items are short unpunctuated lines too.
    """
    runs: list[tuple[int, int]] = []
    prose = 0
    i = 0
    while i < stop:
        ln = lines[i]
        if ln.index in labels or f.is_prose(ln):
            prose += f.is_prose(ln) and ln.index not in labels
            i += 1
            continue
        j = i
        while j < stop and lines[j].index not in labels and f.is_headline(lines[j]):
            j += 1
        run = lines[i:j]
        trailing = all(o.index in labels or not f.is_prose(o) for o in lines[j:stop])
        if (prose >= MIN_BODY_LINES and trailing and MIN_RUN <= len(run) <= MAX_RUN
                and sum(o.words >= 4 for o in run) >= MIN_RUN and sum(o.words for o in run) >= 4 * len(run)
                and not f.rhymes(run) and not any(f.is_literary(o) or f.is_bulleted(o) for o in run)):
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _walk_tail(lines: list[Line], labels: dict[int, Label], first: int, profile: Counter[str],
               title_terms: Counter[str]) -> None:
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
