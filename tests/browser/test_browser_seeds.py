"""The web app in a real browser over a database the real pipeline built from the example story.

Only what must hold for any correct pipeline output is asserted (one story
listed with its five outlets' articles, every summary sentence cited, a
citation's revealed sentence found verbatim in the cited article, removed parts
shown, search by another spelling); screenshots show how real output looks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.browser.server import serve

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "istanbul-2025"


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory):
    from khabar.pipeline import consolidate, ingest
    from khabar.store.sqlite import Store

    db = tmp_path_factory.mktemp("seeds") / "khabar.db"
    with Store(db) as store:
        report = ingest([EXAMPLES], store)
        assert report.processed == 5, report.skipped
        consolidate(store)
    yield from serve(db)


def test_seed_story_read_like_news(page, seeds_url, shot):
    page.goto(seeds_url + "/")
    stories = page.locator("ol.story-list > li")
    assert stories.count() >= 1
    shot(page, "seeds-story-list")
    stories.first.locator("h2 a").click()
    page.wait_for_url("**/story/*")
    summary = page.locator("ol.summary").first.locator("li")
    assert summary.count() >= 2
    for i in range(summary.count()):
        assert summary.nth(i).locator("button.cite").count() >= 1, "every summary sentence cites a source"
    shot(page, "seeds-story")
    assert page.locator(".fact-col.contradicted").count() == 1
    assert page.console_errors == []


def test_seed_citation_leads_to_its_sentence(page, seeds_url, shot):
    page.goto(seeds_url + "/")
    page.locator("ol.story-list > li h2 a").first.click()
    page.wait_for_url("**/story/*")
    marker = page.locator("ol.summary button.cite").first
    marker.click()
    pop = page.locator("#" + marker.get_attribute("popovertarget"))
    assert pop.is_visible()
    quote = pop.locator("q").inner_text().strip('“”"')
    shot(page, "seeds-citation")
    pop.locator("a").click()
    page.wait_for_url("**/article/*#s-*")
    target = page.locator(".sent:target")
    assert target.count() == 1
    assert quote.rstrip("…")[:40] in page.locator(".body").inner_text()


def test_seed_articles_show_what_was_removed(page, seeds_url, shot):
    page.goto(seeds_url + "/")
    page.locator("ol.story-list > li h2 a").first.click()
    page.wait_for_url("**/story/*")
    links = [a.get_attribute("href") for a in page.locator(".sources ul.articles a").all()]
    assert len(links) == 5
    removed = 0
    for href in links:
        page.goto(seeds_url + href)
        removed += page.locator(".removed").count()
        if page.locator(".removed").count():
            shot(page, "seeds-article-removed")
    assert removed > 0, "the seeds carry site clutter: some cut must be shown with its reason"


def test_seed_search_across_spellings(page, seeds_url, shot):
    page.goto(seeds_url + "/search?q=" + "اسطنبول")
    assert page.locator(".result-group").count() >= 1
    assert page.locator(".results > li").count() >= 3
    shot(page, "seeds-search")


def test_seed_entity_page_from_the_story(page, seeds_url, shot):
    page.goto(seeds_url + "/")
    page.locator("ol.story-list > li h2 a").first.click()
    page.wait_for_url("**/story/*")
    people = page.locator("table.entities tbody tr", has_text="شخص").locator("a")
    (people if people.count() else page.locator("table.entities tbody a")).first.click()
    page.wait_for_url("**/entity/*")
    assert page.locator("h1").inner_text().strip()
    assert page.locator(".chips.big li").count() >= 1  # its spellings
    assert page.locator("ol.story-list > li").count() >= 1  # its stories
    shot(page, "seeds-entity")
