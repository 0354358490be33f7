"""Roles of people where the text states them, with the sentence as evidence.

Two patterns, written for Arabic news style:

- heading: a verb of heading (يترأس، ترأس، تترأس، يرأس) or برئاسة with a delegation
  (الوفد الروسي، وفد موسكو): "ويترأس الوفد الروسي ... ألكسندر دارتشييف" gives
  "رئيس الوفد الروسي". Several delegations and people in one clause pair in order.
- title: a title phrase right before the name (سفير موسكو في واشنطن ألكسندر دارتشييف،
  المتحدثة باسم الخارجية الأمريكية تامي بروس) or in apposition after it
  (سوناتا كولتر، نائبة مساعد وزير الخارجية ...،).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from khabar.analyze.ner.gazetteer import load
from khabar.arabic import STOPWORDS, fold, normalize, normalize_map
from khabar.model import Mention, Sentence

_HEAD = re.compile(r"(?<!\S)(?:و|ف)?(?:يتراس|تتراس|تراس|تراست|يراس|تراسه|برئاسة)(?!\S)")  # match level
_CLAUSE_END = re.compile(r"(?<!\S)(?:فيما|بينما|كما)(?!\S)|[.؛;:]")
_DELEGATION = re.compile(r"(?<!\S)و?((?:ال)?وفد\s+[\u0621-\u064a]+)")
_WORD = re.compile(r"\S+")
_PUNCT = re.compile(r"[:؛;.!?؟«»\"“”()]")
_MAX_TITLE_WORDS = 9


def find_roles(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[tuple[int, str, int]]:
    """(index into ``mentions``, role text, sentence index) for every stated role of a PER mention."""
    people = [i for i, m in enumerate(mentions) if m.type == "PER"]
    found: list[tuple[int, str, int]] = []
    for sentence in sentences:
        inside = [i for i in people if sentence.start <= mentions[i].start < sentence.end]
        if not inside:
            continue
        found += _heading_roles(text, sentence, mentions, inside)
        for i in inside:
            role = _title_before(text, sentence, mentions, i) or _title_after(text, sentence, mentions, i)
            if role:
                found.append((i, role, sentence.index))
    return found


def _heading_roles(text: str, sentence: Sentence, mentions: Sequence[Mention], people: list[int]) -> list:
    """Heads of delegations, matched on the ``match``-normalized sentence (diacritics, alef forms)."""
    out = []
    if not _HEAD.search(fold(text[sentence.start:sentence.end], "match")):
        return out  # most sentences: no verb of heading (the same text as the map's key, without the map)
    body, origin = normalize_map(text[sentence.start:sentence.end], "match")
    origin.append(sentence.end - sentence.start)

    def at(i: int) -> int:  # offset in ``text`` of position ``i`` of the normalized sentence
        return sentence.start + origin[i]

    def role(delegation: re.Match) -> str:
        return "رئيس " + text[at(delegation.start(1)):at(delegation.end(1))].rstrip()  # with its diacritics

    for verb in _HEAD.finditer(body):
        end_match = _CLAUSE_END.search(body, verb.end())
        clause_end = at(end_match.start() if end_match else len(body))
        if verb.group().endswith("برئاسة"):
            before = list(_DELEGATION.finditer(body, 0, verb.start()))
            after = [i for i in people if at(verb.end()) <= mentions[i].start < clause_end]
            if before and after:
                out.append((after[0], role(before[-1]), sentence.index))
            continue
        delegations = list(_DELEGATION.finditer(body, verb.end(), end_match.start() if end_match else len(body)))
        names = [i for i in people if at(verb.start()) <= mentions[i].start < clause_end
                 and not any(at(d.start()) <= mentions[i].start < at(d.end()) for d in delegations)]
        for i, delegation in zip(names, delegations, strict=False):
            out.append((i, role(delegation), sentence.index))
    return out


@lru_cache(maxsize=50_000)  # asked for every word before every person mention
def _is_title(word: str) -> bool:
    """A singular person title (السفير، المتحدثة، نائبة), also after the conjunction و."""
    word = normalize(word)
    triggers = load().triggers
    if word.startswith("و") and word not in triggers:
        word = word[1:]
    return triggers.get(word) == "PER" and not word.endswith("ين")


def _title_before(text: str, sentence: Sentence, mentions: Sequence[Mention], i: int) -> str:
    mention = mentions[i]
    if mention.start == 0 or not text[mention.start - 1].isspace():
        return ""  # a clitic or glued word before the name: not an apposition
    lower = max([sentence.start, *(m.end for m in mentions if m.type == "PER" and m.end <= mention.start)])
    window = text[lower:mention.start]
    words = _last_words(window)
    start = None
    for k in range(len(words) - 1, -1, -1):
        if _is_title(words[k].group()):
            start = k
            while start > 0 and not normalize(words[start].group()).startswith("ال") and _is_title(words[start - 1].group()):
                start -= 1
            break
    if start is None or normalize(words[-1].group()) in STOPWORDS:
        return ""  # "... إحباطه من بوتين": a preposition, not a title, comes right before the name
    role = _trim(window[words[start].start():])
    if len(role.split()) == 1 and not normalize(role).startswith("ال"):
        return ""  # "مستشار أبو مازن": a bare title glued to a name is "advisor of", not a title
    return "" if _PUNCT.search(role) else role


def _last_words(window: str, tail: int = 200) -> list[re.Match]:
    """The last ``_MAX_TITLE_WORDS`` words of ``window``, found in its last ``tail`` characters when
    those hold more words than that (only the first word found there can be cut); the whole window
    otherwise. A window runs from the sentence start, so a name late in a long sentence was read whole."""
    if len(window) > tail:
        words = list(_WORD.finditer(window, len(window) - tail))
        if len(words) > _MAX_TITLE_WORDS:
            return words[-_MAX_TITLE_WORDS:]
    return list(_WORD.finditer(window))[-_MAX_TITLE_WORDS:]


def _title_after(text: str, sentence: Sentence, mentions: Sequence[Mention], i: int) -> str:
    mention = mentions[i]
    match = re.match(r"\s*،\s*", text[mention.end:sentence.end])
    if not match:
        return ""
    start = mention.end + match.end()
    stop = re.search(r"[،.؛:]", text[start:sentence.end])
    end = start + stop.start() if stop else sentence.end
    words = list(_WORD.finditer(text[start:end]))
    if not words or len(words) > _MAX_TITLE_WORDS or not _is_title(words[0].group()):
        return ""
    if any(start <= m.start < end for m in mentions if m.type == "PER"):
        return ""
    return _trim(text[start:end])


def _trim(role: str) -> str:
    """Without surrounding commas, nor the conjunction glued to the first title word (ونائبة)."""
    role = role.strip().strip("،,").strip()
    first = role.split()[0] if role else ""
    if first.startswith("و") and normalize(first) not in load().triggers:
        role = role[1:]
    return role
