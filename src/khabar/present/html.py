"""HTML rendering with Jinja2 (autoescaping on): the static report and the web app share templates.

The app renders one page per request (links to /story/..., CSS and JS from
/static); the static report renders the same story and article templates into
one self-contained file (links become #anchors, the CSS is inlined, no scripts).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from khabar.present.charts import STATUS_LABELS, coverage_svg, timeline_svg
from khabar.present.web.views import article_view, coverage, story_view

TYPE_LABELS = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
KIND_LABELS = {"clutter": "حشو الموقع", "metadata": "بيانات وصفية", "caption": "تعليق صورة",
               "title": "عنوان", "appended": "مقال ملحق لا علاقة له"}


def _link(static: bool, kind: str, item_id: str) -> str:
    """Where a story, article or entity lives: a page in the app, an anchor in the static report."""
    return f"#{kind}-{item_id}" if static else f"/{kind}/{item_id}"


def sentence_link(static: bool, article_id: str, sentence: int) -> str:
    """Where a cited sentence is read: its anchor on the article page (the article's anchor in the report)."""
    return _link(static, "article", article_id) + ("" if static else f"#s-{sentence}")


def citation_markers(static: bool, cites: list[dict], ref: str) -> Markup:
    """Citation buttons, each revealing its source sentence (a popover: click, Enter, or hover with JS).

    Built in Python rather than a Jinja macro: a big story has hundreds of markers
    and macro calls dominated its render time. Every value is escaped.
    """
    out = []
    for i, c in enumerate(cites, 1):
        pid = f"{ref}-{i}"
        title = f" · {escape(c['title'])}" if c.get("title") else ""
        quote = f"<q>{escape(c['quote'])}</q>" if c.get("quote") else ""
        out.append(f'<button type="button" class="cite" popovertarget="{escape(pid)}" '
                   f'aria-label="المصدر {c["n"]}: {escape(c["outlet"])}">{c["n"]}</button>'
                   f'<span class="cite-pop" popover id="{escape(pid)}" role="note">'
                   f'<span class="cite-outlet">{escape(c["outlet"])}{title}</span>{quote}'
                   f'<a href="{escape(sentence_link(static, c["article_id"], c["sentence"]))}">اقرأ في المقالة</a></span>')
    return Markup("".join(out))


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
        sentence_link=lambda article_id, n: sentence_link(static, article_id, n),
        cites=lambda cites, ref: citation_markers(static, cites, ref),
        inline_css=stylesheet() if static else "", **context)


def render_report_html(report: dict) -> str:
    """The self-contained static report (no scripts, no external resources) from a report dict."""
    articles = report.get("articles", {})
    stories = [story_view(d, articles) for d in report.get("stories", ())]
    pages = [article_view(a) for a in articles.values()]
    return render_page("report.html", static=True, stories=stories, articles=pages)
