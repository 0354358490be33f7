"""Consolidation reads the compact grouping view, digests in worker processes and only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khabar.group import group
from khabar.model import to_dict
from khabar.pipeline import consolidate, ingest, worker_pool
from khabar.store.sqlite import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"
EASC = Path(__file__).resolve().parents[2] / "shared" / "data" / "easc_dev" / "Articles"


def _seeds(tmp_path: Path, names: tuple[str, ...]) -> Path:
    """A folder with the example articles whose file names start with ``names``."""
    folder = tmp_path / ("seeds-" + "-".join(names))
    folder.mkdir()
    for p in sorted(EXAMPLES.glob("*.txt")):
        if p.name[:3] in names:
            shutil.copy(p, folder / p.name)
    return folder


def _easc(tmp_path: Path, topics: tuple[str, ...]) -> Path:
    """One EASC article per topic (unrelated to the example story), or a skip without the data."""
    if not EASC.is_dir():
        pytest.skip(f"EASC articles not found at {EASC}")
    folder = tmp_path / "easc"
    folder.mkdir()
    for topic in topics:
        source = sorted(p for p in (EASC / topic).iterdir() if p.suffix.lower() == ".txt")[0]
        shutil.copy(source, folder / f"{topic}.txt")
    return folder


def _consolidate(store: Store, **kw) -> tuple[dict[str, dict], dict[str, float]]:
    timings: dict[str, float] = {}
    digests = consolidate(store, timings=timings, **kw)
    return {d.story.id: to_dict(d) for d in digests}, timings


def test_grouping_view_groups_exactly_like_the_full_articles(tmp_path):
    with Store(tmp_path / "k.db") as store:
        ingest([EXAMPLES], store, workers=1)
        full = list(store.items())
        compact = list(store.grouping_items())
    assert [a.id for a, _ in compact] == [a.id for a, _ in full]
    assert all(len(a.body) <= 300 for a, _ in compact) and any(len(a.body) > 300 for a, _ in full)
    assert group(compact) == group(full)


def test_adding_an_article_redigests_its_story_only_and_matches_a_fresh_run(tmp_path):
    base = [_seeds(tmp_path, ("000", "001", "002", "004")), _easc(tmp_path, ("Topic1", "Topic13"))]
    last = _seeds(tmp_path, ("003",))
    with Store(tmp_path / "grow.db") as store:
        ingest(base, store, workers=1)
        before, first = _consolidate(store, workers=1)
        ingest([last], store, workers=1)
        after, second = _consolidate(store, workers=1)
        _, third = _consolidate(store, workers=1)
    with Store(tmp_path / "fresh.db") as store:
        ingest(base + [last], store, workers=1)
        fresh, _ = _consolidate(store, workers=1)

    assert first["stories_digested"] == len(before) >= 3
    changed = {sid for sid in after if after[sid] != before.get(sid)}
    assert second["stories_digested"] == len(changed) == 1
    (story,) = changed
    assert len(after[story]["article_ids"]) == 5
    assert third["stories_digested"] == 0, "a run that adds nothing digests nothing"
    assert after == fresh


def test_rerun_without_new_articles_digests_nothing_and_returns_every_story(tmp_path):
    with Store(tmp_path / "k.db") as store:
        ingest([EXAMPLES], store, workers=1)
        first, t1 = _consolidate(store, workers=1)
        again, t2 = _consolidate(store, workers=1)
    assert t1["stories_digested"] == len(first) >= 1
    assert t2["stories_digested"] == 0 and again == first


def test_a_changed_summary_length_digests_again(tmp_path):
    with Store(tmp_path / "k.db") as store:
        ingest([EXAMPLES], store, workers=1)
        _consolidate(store, workers=1)
        _, timings = _consolidate(store, workers=1, words=40)
    assert timings["stories_digested"] >= 1


def test_worker_processes_digest_the_same_as_this_process(tmp_path):
    corpus = [EXAMPLES, _easc(tmp_path, ("Topic1", "Topic13", "Topic101"))]
    with Store(tmp_path / "one.db") as store:
        ingest(corpus, store, workers=1)
        alone, _ = _consolidate(store, workers=1)
    with Store(tmp_path / "two.db") as store, worker_pool(2) as pool:
        ingest(corpus, store, workers=2, pool=pool)
        pooled, timings = _consolidate(store, workers=2, pool=pool)
    assert pooled == alone and len(alone) >= 4
    assert timings["digest_cpu"] > 0


def test_a_database_from_before_the_grouping_view_is_filled_in(tmp_path):
    with Store(tmp_path / "k.db") as store:
        ingest([EXAMPLES], store, workers=1)
        expected, _ = _consolidate(store, workers=1)
        with store.db:
            store.db.execute("DELETE FROM grouping_views")
            store.db.execute("UPDATE stories SET digest_key = NULL")
        again, timings = _consolidate(store, workers=1)
        views = store.db.execute("SELECT COUNT(*) FROM grouping_views").fetchone()[0]
    assert again == expected and views == 5
    assert timings["stories_digested"] == len(expected)


def test_a_huge_story_is_summarized_from_an_even_spread_of_its_articles(monkeypatch):
    from khabar.consolidate import summary

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    bodies = {f"a{i}": texts[i % len(texts)] for i in range(7)}
    monkeypatch.setattr(summary, "MAX_ARTICLES", 3)
    cited = {c.article_id for s in summary.summarize(bodies, {}, words=200) for c in (*s.citations, s)}
    assert cited and cited <= {"a0", "a2", "a4"}


def test_regrouping_with_the_stored_grouping_changes_nothing_even_in_another_order(tmp_path):
    corpus = [EXAMPLES, _easc(tmp_path, ("Topic1", "Topic13", "Topic101"))]
    with Store(tmp_path / "k.db") as store:
        ingest(corpus, store, workers=1)
        items = list(store.grouping_items())
    first = group(items)
    assert group(list(reversed(items)), first) == first
    grown = group(items[:-2])
    again = group(items, grown)
    assert {s.id for s in grown.stories} <= {s.id for s in again.stories}
    assert all(set(e.article_ids) <= set(next(x for x in again.events if x.id == e.id).article_ids)
               for e in grown.events)
