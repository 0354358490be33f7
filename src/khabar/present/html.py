"""HTML rendering with Jinja2 (autoescaping on): the static report and the web app share templates."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("khabar.present", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["outlets"] = lambda cits, arts: list(dict.fromkeys(
        arts[c["article_id"]]["outlet"] if c["article_id"] in arts else c["article_id"][:8] for c in cits))
    return env


def render_report_html(report: dict) -> str:
    """The self-contained static report (no scripts, no external resources)."""
    return environment().get_template("report.html").render(report=report, static=True)
