"""Story linking: threads of events through their core and recent events, without snowballing."""

from __future__ import annotations

import math

from khabar.group.stories import EventTopic, StoryWeights, link_stories
from khabar.model import Story


def _event(eid: str, day: int, terms: list[str], names: tuple[str, ...] = ()) -> EventTopic:
    norm = math.sqrt(len(terms))
    return EventTopic(eid, day, eid, {t: 1 / norm for t in terms}, names)


def _stories(events: list[EventTopic], **kw) -> list[list[str]]:
    return sorted(list(st.event_ids) for st in link_stories(events, StoryWeights(**kw)))


def test_close_events_form_one_story_in_time_order():
    a = _event("a", 1, ["talks", "istanbul", "russia", "embassy"])
    b = _event("b", 40, ["talks", "istanbul", "russia", "consulate"])
    assert _stories([a, b]) == [["a", "b"]]


def test_a_chain_of_small_steps_does_not_carry_a_story_away_from_its_core():
    chain = [_event(f"e{i}", i, [f"w{i}", f"w{i + 1}", f"w{i + 2}"]) for i in range(8)]
    stories = _stories(chain)
    assert ["e0", "e1", "e2"] == stories[0][:3]  # neighbours link
    assert max(len(s) for s in stories) < len(chain)  # but the drift cap breaks the chain
    assert len(_stories(chain, drift=0.0, core=1, recent=1)) < len(stories)  # without it, one long thread


def test_an_event_is_compared_with_events_not_with_everything_the_story_took_in():
    parts = [_event(f"p{i}", i, ["gulf", "summit", f"t{i}"], (f"n{i}",)) for i in range(4)]
    # one word in common with each member and one name of each: only the union of the story has them all
    mixed = _event("mixed", 9, ["gulf", "x1", "x2", "x3", "x4", "x5"], ("n0", "n1", "n2", "n3"))
    stories = _stories(parts + [mixed])
    assert ["p0", "p1", "p2", "p3"] in stories and ["mixed"] in stories


def test_a_name_most_events_carry_links_less_than_a_rare_one():
    common = [_event(f"bg{i}", i, [f"x{i}", f"y{i}"], ("riyadh",)) for i in range(20)]
    pair = [_event("k1", 30, ["visit", "meeting", "a", "b"], ("kadyrov", "riyadh")),
            _event("k2", 31, ["visit", "talks", "c", "d"], ("kadyrov", "riyadh")),
            _event("r1", 32, ["visit", "forum", "e", "f"], ("riyadh",))]
    stories = _stories(common + pair, threshold=0.3)
    assert ["k1", "k2"] in stories and ["r1"] in stories


def test_stored_events_stay_in_their_story():
    a = _event("a", 1, ["talks", "istanbul"])
    b = _event("b", 2, ["floods", "jordan"])
    stored = Story("st-old", ("a", "b"), "old title")
    out = link_stories([a, b], previous={"a": stored, "b": stored})
    assert [(s.id, s.event_ids, s.title) for s in out] == [("st-old", ("a", "b"), "old title")]
    new = _event("c", 3, ["talks", "istanbul", "round"])
    out = link_stories([a, b, new], previous={"a": stored, "b": stored})
    assert [s.event_ids for s in out] == [("a", "b", "c")]


def test_a_story_closes_after_its_window():
    a = _event("a", 1, ["talks", "istanbul"])
    b = _event("b", 100, ["talks", "istanbul"])
    assert _stories([a, b]) == [["a"], ["b"]]
    assert _stories([a, b], window=120) == [["a", "b"]]
