"""The FastAPI application: HTML pages that work without JavaScript, and their JSON twins under /api/.

Each page has one function that builds its data (a dict from
:mod:`khabar.present.web.views`); the HTML route renders it with the shared
templates, the /api/ route returns it as JSON, so the two never disagree. The
database is opened read-mostly, one SQLite connection per worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from khabar.present.html import render_page
from khabar.present.web import queries, schema
from khabar.present.web.search import search_view
from khabar.present.web.security import ENTITY_PATTERN, ID_PATTERN, SecurityMiddleware
from khabar.present.web.views import article_view, entity_view, role_articles, story_view
from khabar.store.sqlite import Store

PAGE_SIZE = 30
log = logging.getLogger(__name__)
MAX_QUERY = 200

StoryId = Annotated[str, PathParam(pattern=ID_PATTERN, description="A story id.")]
ArticleId = Annotated[str, PathParam(pattern=ID_PATTERN, description="An article id (content hash).")]
EntityId = Annotated[str, PathParam(pattern=ENTITY_PATTERN, description="An entity id.")]
Page = Annotated[int, Query(ge=1, le=100_000, description="1 is the newest page.")]
SearchQuery = Annotated[str, Query(max_length=MAX_QUERY, description="Words to find, any Arabic spelling.")]


class Pages:
    """The data behind every page, read from one database (a connection per thread)."""

    def __init__(self, db: Path):
        self.db = db
        self._local = threading.local()
        self.stories_of = queries.StoryOfArticle(db)

    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db)
        return store

    def stories(self, page: int) -> dict:
        rows = queries.story_rows(self.store, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        return {"page": page, "total": queries.count_stories(self.store), "has_next": len(rows) > PAGE_SIZE,
                "stories": rows[:PAGE_SIZE]}

    def story(self, story_id: str) -> dict:
        digest = queries.digest(self.store, story_id)
        if digest is None:
            raise HTTPException(404, f"no story {story_id}")
        return story_view(digest, queries.articles(self.store, digest.get("article_ids", ())))

    def article(self, article_id: str) -> dict:
        found = queries.articles(self.store, [article_id])
        if article_id not in found:
            raise HTTPException(404, f"no article {article_id}")
        stories = list(self.stories_of.lookup(self.store, [article_id]).values())
        return article_view(found[article_id], queries.sentences(self.store, article_id), stories)

    def entity(self, entity_id: str) -> dict:
        occurrences = queries.entity_occurrences(self.store, entity_id)
        view = entity_view(occurrences, queries.articles(self.store, role_articles(occurrences)))
        if view is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return view

    def search(self, q: str) -> dict:
        return search_view(self.store, q, self.stories_of) if q.strip() else {"q": q, "n_articles": 0, "groups": []}


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def create_app(db: str | Path, hosts: Sequence[str] = LOCAL_HOSTS) -> FastAPI:
    """The web app over the database file ``db`` (which must exist).

    ``hosts`` are the Host headers answered (others get 400): by default only
    local names, so a web page elsewhere cannot reach the app by DNS rebinding.
    """
    db = Path(db)
    if not db.is_file():
        raise FileNotFoundError(f"no Khabar database at {db}")
    pages = Pages(db)
    app = FastAPI(title="Khabar", version="0.1.0",
                  description="Arabic news stories from many outlets: summaries with citations, timelines, "
                              "agreements and contradictions. Every /api/ route mirrors an HTML page.")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(SecurityMiddleware)
    app.mount("/static", StaticFiles(directory=str(files("khabar.present").joinpath("static"))), name="static")

    def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(render_page(template, **context), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return html("error.html", exc.status_code, title="غير موجود" if exc.status_code == 404 else "خطأ",
                    message="لم نجد ما تبحث عنه." if exc.status_code == 404 else str(exc.detail))

    @app.exception_handler(Exception)
    async def broken_page(request: Request, exc: Exception) -> Any:
        # One unreadable record must cost its own page, not the server: say which page failed.
        log.exception("cannot render %s", request.url.path)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": f"cannot build {request.url.path}: {type(exc).__name__}"}, 500)
        return html("error.html", 500, title="تعذّر عرض الصفحة",
                    message=f"حدث خطأ أثناء قراءة {request.url.path} من قاعدة البيانات ({type(exc).__name__}).")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return html("error.html", 404, title="غير موجود", message="هذا العنوان غير صالح.")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(page: Page = 1) -> HTMLResponse:
        return html("index.html", **pages.stories(page))

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(story_id: StoryId) -> HTMLResponse:
        return html("story.html", s=pages.story(story_id))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(article_id: ArticleId) -> HTMLResponse:
        return html("article.html", a=pages.article(article_id))

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(entity_id: EntityId) -> HTMLResponse:
        return html("entity.html", e=pages.entity(entity_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(q: SearchQuery = "") -> HTMLResponse:
        return html("search.html", q=q, result=pages.search(q))

    @app.get("/api/stories", tags=["stories"], summary="Stories, newest first (the story list)")
    def api_stories(page: Page = 1) -> schema.StoryList:
        return pages.stories(page)

    @app.get("/api/stories/{story_id}", tags=["stories"],
             summary="One story: summary with citations, events, timeline, facts by status, sources, entities")
    def api_story(story_id: StoryId) -> schema.StoryView:
        return pages.story(story_id)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: clean body by sentence, removed parts with reasons, metadata")
    def api_article(article_id: ArticleId) -> schema.ArticleView:
        return pages.article(article_id)

    @app.get("/api/entities/{entity_id}", tags=["entities"],
             summary="One entity across stories: all spellings, roles, stories")
    def api_entity(entity_id: EntityId) -> schema.EntityPage:
        return pages.entity(entity_id)

    @app.get("/api/search", tags=["search"], summary="Full-text search (Arabic-normalized), grouped by story")
    def api_search(q: SearchQuery = "") -> schema.SearchResult:
        return pages.search(q)

    return app
