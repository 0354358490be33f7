"""HTML rendering with Jinja2 (autoescaping on): the static report and the web app share templates.

The app renders one page per request (links to /story/..., CSS and JS from
/static); the static report renders the same story and article templates into
one self-contained file (links become #anchors, the CSS is inlined, no scripts).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape

from khabar.present.charts import STATUS_LABELS, coverage_svg, timeline_svg
from khabar.present.web.views import article_view, coverage, story_view

TYPE_LABELS = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
KIND_LABELS = {"clutter": "حشو الموقع", "metadata": "بيانات وصفية", "caption": "تعليق صورة",
               "title": "عنوان", "appended": "مقال ملحق لا علاقة له"}


def _link(static: bool, kind: str, item_id: str) -> str:
    """Where a story, article or entity lives: a page in the app, an anchor in the static report."""
    return f"#{kind}-{item_id}" if static else f"/{kind}/{item_id}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("khabar.present", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(timeline_svg=timeline_svg, coverage_svg=coverage_svg, coverage=coverage,
                       status_labels=STATUS_LABELS, type_labels=TYPE_LABELS, kind_labels=KIND_LABELS)
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return files("khabar.present").joinpath("static/khabar.css").read_text(encoding="utf-8")


def render_page(template: str, *, static: bool = False, **context: object) -> str:
    """Render one page template; ``static`` switches links to anchors and inlines the CSS."""
    return environment().get_template(template).render(
        static=static, link=lambda kind, item_id: _link(static, kind, item_id),
        inline_css=stylesheet() if static else "", **context)


def render_report_html(report: dict) -> str:
    """The self-contained static report (no scripts, no external resources) from a report dict."""
    articles = report.get("articles", {})
    stories = [story_view(d, articles) for d in report.get("stories", ())]
    pages = [article_view(a) for a in articles.values()]
    return render_page("report.html", static=True, stories=stories, articles=pages)
