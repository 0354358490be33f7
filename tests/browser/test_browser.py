"""The web app in a real browser (Debian Chromium, headless, through Playwright).

Over a database written from model objects (precise content: a contradiction,
removed clutter, script payloads), the pages are opened and used as a reader
would: story list, story, citation reveal by click, hover and keyboard, the
contradictions, an article with its removed parts, search. Screenshots go to
test-output/screenshots/.
"""

from __future__ import annotations

import pytest
from tests.browser.server import serve
from tests.browser.story_db import build_db


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    yield from serve(build_db(tmp_path_factory.mktemp("browser") / "khabar.db"))


def test_story_list_to_story(page, base_url, shot):
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    items = page.locator("ol.story-list > li")
    assert items.count() == 2
    assert "روسيا والولايات المتحدة" in items.first.inner_text()
    shot(page, "story-list")
    items.first.locator("a").first.click()
    page.wait_for_url("**/story/st-istanbul")
    assert page.locator("h1").inner_text().startswith("روسيا والولايات المتحدة")
    assert page.locator("ol.summary").first.locator("li").count() == 2
    shot(page, "story")
    assert page.console_errors == []


def test_citation_reveal_by_click_hover_and_keyboard(page, base_url, shot):
    page.goto(base_url + "/story/st-istanbul")
    marker = page.locator("ol.summary button.cite").first
    pop = page.locator("#" + marker.get_attribute("popovertarget"))
    assert not pop.is_visible()
    marker.click()
    assert pop.is_visible()
    assert "قصر السفارة الروسية" in pop.inner_text() or "القنصلية الروسية" in pop.inner_text()
    shot(page, "citation-click")
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    page.mouse.move(0, 0)
    second = page.locator("ol.summary button.cite").nth(1)
    second_pop = page.locator("#" + second.get_attribute("popovertarget"))
    second.hover()
    second_pop.wait_for(state="visible")
    page.mouse.move(0, 0)
    second_pop.wait_for(state="hidden")
    marker.focus()
    page.keyboard.press("Enter")
    assert pop.is_visible()
    # the link inside the reveal leads to the cited sentence in its article
    pop.locator("a").click()
    page.wait_for_url("**/article/a1#s-0")
    assert page.locator("#s-0").inner_text().startswith("انطلقت اليوم الجولة الثانية")


def test_contradictions_side_by_side(page, base_url, shot):
    page.goto(base_url + "/story/st-istanbul")
    columns = page.locator(".facts > .fact-col")
    assert columns.count() == 3
    boxes = [columns.nth(i).bounding_box() for i in range(3)]
    assert len({round(b["y"]) for b in boxes}) == 1  # one row
    assert boxes[0]["x"] > boxes[1]["x"] > boxes[2]["x"]  # right to left: agreed, single, contradicted
    contradicted = page.locator(".fact-col.contradicted")
    assert "ست ساعات" in contradicted.inner_text() and "أربع ساعات" in contradicted.inner_text()
    contradicted.scroll_into_view_if_needed()
    page.locator("svg.coverage").scroll_into_view_if_needed()
    shot(page, "story-facts")


def test_article_with_removed_parts(page, base_url, shot):
    page.goto(base_url + "/article/a1")
    removed = page.locator(".removed")
    assert removed.count() == 2
    assert "lexicon:اقرأ أيضاً" in removed.first.inner_text()
    colour = removed.first.evaluate("e => getComputedStyle(e).color")
    assert colour != page.locator(".body p").first.evaluate("e => getComputedStyle(e).color")  # greyed
    shot(page, "article")


def test_script_payloads_stay_text_in_the_browser(page, base_url, shot):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + "/article/a3")
    assert page.title() != "pwned" and dialogs == []
    assert page.locator("article img").count() == 0
    assert "<script>" in page.locator(".body").inner_text()
    page.goto(base_url + "/story/st-istanbul")
    assert dialogs == []
    shot(page, "article-xss")


def test_search(page, base_url, shot):
    page.goto(base_url + "/")
    page.fill("#q", "اسطنبول")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    groups = page.locator(".result-group")
    assert groups.count() >= 1
    marks = page.locator("mark").all_inner_texts()
    assert "إسطنبول" in marks and "اسطنبول" in marks
    shot(page, "search")


def test_pages_work_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/story/st-istanbul")
    marker = page.locator("ol.summary button.cite").first
    marker.click()
    assert page.locator("#" + marker.get_attribute("popovertarget")).is_visible()
    context.close()


def test_keyboard_only_reader_reaches_a_citation(page, base_url):
    page.goto(base_url + "/story/st-istanbul")
    for _ in range(40):  # skip link, brand, search, crumbs... then the first citation marker
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation marker reachable with Tab")
    target = page.evaluate("document.activeElement.getAttribute('popovertarget')")
    page.keyboard.press("Enter")
    assert page.locator("#" + target).is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#" + target).is_visible()
    first = page.evaluate("document.querySelector('a.skip').getAttribute('href')")
    assert first == "#main"
