"""Digesting in tasks: what a worker runs for a batch of stories."""

from __future__ import annotations

import gc

import pytest

from khabar.consolidate import batch
from khabar.model import Article, Event, Story


class _Store:
    """The one method of a store a task reads: one article per asked id, without analysis."""

    def items_of(self, ids):
        from khabar.model import Analysis

        return {a: (Article(id=a, source=f"{a}.txt", title="عنوان الخبر هنا", body="نص الخبر. جملة ثانية فيه."),
                    Analysis(article_id=a)) for a in ids}


def test_a_task_runs_without_the_cycle_collector_and_gives_it_back(monkeypatch):
    seen = []
    real = batch.digest_story

    def spy(*args, **kw):
        seen.append(gc.isenabled())
        return real(*args, **kw)

    monkeypatch.setattr(batch, "digest_story", spy)
    story = (Story("s1", ("e1",)), (Event("e1", ("a1", "a2"), date="2025-04-10"),))
    assert gc.isenabled()
    rows = batch.digest_rows(_Store(), [story], 120)
    assert [r.story_id for r in rows] == ["s1"] and rows[0].n_articles == 2
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # a caller that paused it already keeps it paused
        batch.digest_rows(_Store(), [story], 120)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_a_task_fails(monkeypatch):
    def broken(*args, **kw):
        raise ValueError("article a1: bad span")

    monkeypatch.setattr(batch, "digest_story", broken)
    story = (Story("s1", ("e1",)), (Event("e1", ("a1",), date="2025-04-10"),))
    with pytest.raises(ValueError, match="a1"):
        batch.digest_rows(_Store(), [story], 120)
    assert gc.isenabled()
