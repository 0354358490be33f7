"""The web app through its HTTP interface (no browser): pages, API, escaping, limits, static report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from tests.browser.story_db import XSS_BODY, build_db, build_digest

from khabar.present.html import render_report_html
from khabar.present.report import build_report
from khabar.present.web.app import create_app
from khabar.present.web.views import story_view
from khabar.store.sqlite import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("web") / "khabar.db")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url="http://127.0.0.1")


class _Tags(HTMLParser):
    """Collects start tags with their attributes, to check what markup a page really has."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_story_list_newest_first_with_counts(client):
    page = client.get("/")
    assert page.status_code == 200
    text = page.text
    assert text.index("روسيا والولايات المتحدة") < text.index("قصة أقدم")
    assert "4 مصادر · 4 مقالات" in text
    assert '<p class="lede">انطلقت الجولة الثانية' in text  # the first summary sentence
    assert 'role="search"' in text
    api = client.get("/api/stories").json()
    assert [s["id"] for s in api["stories"]] == ["st-istanbul", "st-old"]
    assert api["stories"][0]["n_outlets"] == 4 and api["total"] == 2


def test_story_page_sections(client):
    html = client.get("/story/st-istanbul").text
    for heading in ("الملخص", "الخط الزمني", "الأحداث بالترتيب", "تناقضات", "المصادر وما غطّاه كل منها",
                    "الأسماء في القصة"):
        assert heading in html
    # events in time order, contradiction values side by side, every spelling of the entity
    assert html.index("الجولة الأولى في إسطنبول") < html.index("الجولة الثانية في إسطنبول")
    assert "ست ساعات" in html and "أربع ساعات" in html
    assert all(s in html for s in ("دارتشييف", "دارشييف", "دارشيف"))
    # charts are inline SVG with an accessible name
    svgs = [a for t, a in _tags(html).tags if t == "svg"]
    assert {"chart timeline", "chart coverage"} <= {a["class"] for a in svgs}
    assert all(a.get("role") == "img" and a.get("aria-label") for a in svgs)


def test_citation_markers_carry_the_source_sentence(client):
    html = client.get("/story/st-istanbul").text
    tags = _tags(html).tags
    buttons = [a for t, a in tags if t == "button" and "cite" in a.get("class", "")]
    assert buttons, "summary sentences have citation markers"
    pops = {a["id"] for t, a in tags if "popover" in a}
    assert all(b["popovertarget"] in pops for b in buttons)
    assert "ويرأس الوفد الروسي دارشييف." in html  # the cited sentence of the second outlet, verbatim


def test_api_mirrors_the_story_page(client, db):
    from khabar.present.web import queries

    data = client.get("/api/stories/st-istanbul").json()
    with Store(db) as store:  # nothing the page shows is dropped by the response schema
        digest = queries.digest(store, "st-istanbul")
        assert data == json.loads(json.dumps(story_view(digest, queries.articles(store, digest["article_ids"]))))
    assert data["headline"] == build_digest().headline
    assert [e["date"] for e in data["events"]] == ["2025-02-27", "2025-04-10"]
    contradicted = data["facts"]["contradicted"]
    assert [sorted(c["value"] for c in f["claims"]) for f in contradicted] == [["أربع ساعات", "ست ساعات"]]
    assert data["facts"]["agreed"][0]["slot"] == "where"
    first = data["summary"][0]["cites"]
    assert {c["outlet"] for c in first} == {"الجزيرة", "روسيا اليوم"}
    assert all(c["quote"] for c in first)


def test_article_page_shows_removed_parts_with_reasons(client):
    html = client.get("/article/a1").text
    assert "ما حُذف من الصفحة ولماذا" in html
    assert "lexicon:اقرأ أيضاً" in html and "اقرأ أيضاً: أسعار الذهب اليوم" in html
    assert "&lt;b&gt;شارك&lt;/b&gt;" in html  # removed markup is shown as text
    assert 'id="s-1"' in html  # sentence anchors for citation links
    data = client.get("/api/articles/a1").json()
    assert [b["reason"] for b in data["removed"]] == ["lexicon:اقرأ أيضاً", "share-links"]
    assert data["stories"][0]["id"] == "st-istanbul"


def test_xss_payloads_render_as_text(client):
    for url in ("/article/a3", "/story/st-istanbul", "/search?q=المتحدث"):
        html = client.get(url).text
        parsed = _tags(html)
        assert not any(t == "img" for t, _ in parsed.tags), url
        assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs), url
        assert all(a.get("src") == "/static/khabar.js" for t, a in parsed.tags if t == "script"), url
        assert "".join(parsed.script_text).strip() == "", url
    html = client.get("/article/a3").text
    assert "&lt;script&gt;" in html and "onerror=&#34;alert(1)&#34;" in html
    assert 'href="javascript:' not in html  # a source's javascript: url is not linked


def test_security_headers(client):
    r = client.get("/story/st-istanbul")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/stories").headers["content-security-policy"] == csp


@pytest.mark.parametrize("url", ["/story/..%2F..%2Fetc%2Fpasswd", "/article/a1%2F..", "/story/a.b",
                                 "/article/" + "a" * 200, "/static/..%2F..%2Fmodel.py"])
def test_ids_are_validated(client, url):
    assert client.get(url).status_code == 404


def test_api_rejects_bad_ids_and_unknown_ones(client):
    assert client.get("/api/stories/a.b").status_code == 422
    assert client.get("/api/stories/st-nope").status_code == 404
    assert client.get("/api/articles/nope").json() == {"detail": "no article nope"}


def test_request_size_limits(client):
    assert client.get("/search", params={"q": "س" * 2000}).status_code == 414
    assert client.post("/api/stories", content=b"x" * 100_000).status_code == 413
    assert client.get("/api/search", params={"q": "س" * 300}).status_code == 422


def test_search_matches_spelling_variants_grouped_by_story(client):
    data = client.get("/api/search", params={"q": "اسطنبول"}).json()
    ids = {a["id"] for g in data["groups"] for a in g["articles"]}
    assert {"a1", "a2", "a4"} <= ids  # إسطنبول and اسطنبول both match
    story_groups = [g for g in data["groups"] if g["story"]]
    assert "st-istanbul" in {g["story"]["id"] for g in story_groups}
    a1 = next(a for g in data["groups"] for a in g["articles"] if a["id"] == "a1")
    assert [s["text"] for s in a1["snippet"] if s["hit"]] == ["إسطنبول"]  # the original spelling is shown
    html = client.get("/search", params={"q": "اسطنبول"}).text
    assert "<mark>إسطنبول</mark>" in html and "<mark>اسطنبول</mark>" in html
    assert client.get("/api/search", params={"q": "   "}).json()["groups"] == []


def test_entity_page_lists_spellings_and_stories(client):
    html = client.get("/entity/en-darchiev").text
    assert all(s in html for s in ("دارتشييف", "دارشييف", "دارشيف", "رئيس الوفد الروسي"))
    assert "/story/st-istanbul" in html
    assert client.get("/entity/en-nobody").status_code == 404
    roles = client.get("/api/entities/en-darchiev").json()["role_evidence"]
    assert roles[0]["role"] == "رئيس الوفد الروسي"
    assert roles[0]["cites"][0]["quote"] == "ويترأس الوفد الروسي السفير ألكسندر دارتشييف."


def test_pages_are_rtl_arabic_and_have_landmarks(client):
    for url in ("/", "/story/st-istanbul", "/article/a1", "/entity/en-darchiev", "/search?q=x"):
        html = client.get(url).text
        assert re.search(r'<html lang="ar" dir="rtl">', html), url
        assert "<main" in html and "<header" in html and "<footer" in html, url
        assert html.count("<h1") == 1, url


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/entities/{entity_id}", "/api/search"} <= set(paths)
    assert not any(p.startswith("/story") for p in paths)
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"agreed", "single", "contradicted"} <= set(schemas["FactsByStatus"]["properties"])
    assert "quote" in schemas["Cite"]["properties"]


def test_static_report_uses_the_same_templates(db):
    with Store(db) as store:
        report = build_report(store, [store.digest("st-istanbul")])
    html = render_report_html(report)
    parsed = _tags(html)
    assert not any(t == "script" for t, _ in parsed.tags)  # self-contained, no scripts
    assert not any(t == "link" for t, _ in parsed.tags)
    assert 'class="fact-col contradicted"' in html and 'class="chart timeline"' in html
    assert 'href="#article-a1"' in html and 'id="article-a1"' in html  # links become anchors
    assert "&lt;script&gt;" in html and XSS_BODY not in html


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no Khabar database"):
        create_app(tmp_path / "absent.db")


def test_serve_refuses_a_missing_database(tmp_path):
    from typer.testing import CliRunner

    from khabar.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 2
    assert not (tmp_path / "absent.db").exists()


def test_serve_binds_to_localhost_by_default():
    import inspect

    from khabar.cli import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_a_broken_record_costs_its_page_only(db, tmp_path):
    import shutil
    import sqlite3

    broken = tmp_path / "broken.db"
    shutil.copy(db, broken)
    con = sqlite3.connect(broken)
    con.execute("UPDATE stories SET digest='{\"story\": {}}' WHERE id='st-old'")
    con.commit()
    con.close()
    client = TestClient(create_app(broken), base_url="http://localhost", raise_server_exceptions=False)
    page = client.get("/story/st-old")
    assert page.status_code == 500 and "/story/st-old" in page.text
    assert client.get("/api/stories/st-old").status_code == 500
    assert client.get("/story/st-istanbul").status_code == 200


def test_only_local_host_names_are_answered(db):
    outside = TestClient(create_app(db), base_url="http://evil.example")
    assert outside.get("/").status_code == 400  # DNS rebinding: a foreign Host header is refused
    assert TestClient(create_app(db), base_url="http://localhost:8000").get("/").status_code == 200


@pytest.mark.parametrize(("api", "method", "arg"), [
    ("/api/stories", "stories", 1), ("/api/articles/a1", "article", "a1"),
    ("/api/entities/en-darchiev", "entity", "en-darchiev"), ("/api/search?q=اسطنبول", "search", "اسطنبول")])
def test_every_api_route_returns_its_page_data_whole(client, db, api, method, arg):
    from khabar.present.web.app import Pages

    expected = getattr(Pages(db), method)(arg)
    assert client.get(api).json() == json.loads(json.dumps(expected))
