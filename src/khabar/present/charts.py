"""Server-rendered SVG charts: a story's timeline and its coverage matrix (outlets x facts).

Plain SVG strings built here rather than a plotting library: the charts must be
right-to-left (time runs from right to left, row labels sit on the right), carry
no inline styles (the app's Content-Security-Policy forbids them; classes are
styled by khabar.css) and escape every piece of source text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

STATUS_LABELS = {"agreed": "اتفاق", "single": "مصدر واحد", "contradicted": "تناقض"}


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def parse_day(value: str) -> dt.date | None:
    """The first day an ISO date, month or year (YYYY[-MM[-DD]]) stands for; None when unparsable."""
    parts = value[:10].split("-")
    try:
        nums = [int(p) for p in parts if p]
        if not nums:
            return None
        year, month, day = (nums + [1, 1])[:3]
        return dt.date(year, month, day)
    except (ValueError, TypeError):
        return None


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """About eight axis ticks with labels: days for a short span, months, or years for a long one."""
    if (last - first).days < 45:
        return [(d, d.isoformat()) for d in dict.fromkeys((first, last))]
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > 36:
        return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)]
    step = -(-months // 8)
    ticks, index = [], first.year * 12 + first.month  # the month after ``first`` starts
    while index <= last.year * 12 + last.month - 1:
        day = dt.date(index // 12, index % 12 + 1, 1)
        ticks.append((day, f"{day.year}-{day.month:02d}"))
        index += step
    return ticks


def _anchor(x: float, width: int) -> str:
    """Keep a label inside the chart: near the right edge it runs leftwards (rtl start), near the left rightwards."""
    if x > width * 0.7:
        return "start"
    return "end" if x < width * 0.3 else "middle"


def _extent(x: float, anchor: str, w: float) -> tuple[float, float]:
    return {"start": (x - w, x), "end": (x, x + w), "middle": (x - w / 2, x + w / 2)}[anchor]


LABEL_PX = 6.6  # average advance of a 13px Arabic character, to keep labels from overlapping
MAX_LEVELS = 6


def _place(points: list[tuple[float, str]], width: int) -> list[tuple[int, str, str]]:
    """For each (x, text), a label row, anchor and text such that labels of one row do not overlap."""
    rows: list[list[tuple[float, float]]] = [[] for _ in range(MAX_LEVELS)]
    placed = []
    for x, text in points:
        anchor = _anchor(x, width)
        for chars in (30, 16):
            label = _short(text, chars)
            lo, hi = _extent(x, anchor, len(label) * LABEL_PX + 12)
            level = next((i for i, row in enumerate(rows) if all(hi < a or lo > b for a, b in row)), None)
            if level is not None:
                break
        if level is None:
            level = min(range(MAX_LEVELS), key=lambda i: len(rows[i]))
        rows[level].append((lo, hi))
        placed.append((level, anchor, label))
    return placed


def timeline_svg(entries: Sequence[Mapping], width: int = 760) -> Markup:
    """Dated entries on a proportional time axis running right to left; background entries greyed."""
    dated = [(d, e) for e in entries if (d := parse_day(e.get("date", ""))) is not None]
    if not dated:
        return Markup("")
    dated.sort(key=lambda x: x[0])
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)
    pad = 40

    def x_of(day: dt.date) -> float:
        if first == last:
            return width / 2
        return width - pad - (day - first).days / span * (width - 2 * pad)

    labels = _place([(x_of(d), e.get("text", "")) for d, e in dated], width)
    levels = max(level for level, _, _ in labels) + 1
    axis_y = 24 + levels * 24 + 16
    height = axis_y + 34
    parts = [f'<line class="tl-axis" x1="{pad / 2}" y1="{axis_y}" x2="{width - pad / 2}" y2="{axis_y}"/>']
    for tick, text in _ticks(first, last):
        x = x_of(tick)
        parts.append(f'<line class="tl-tick" x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}"/>')
        parts.append(f'<text class="tl-date" x="{x:.1f}" y="{axis_y + 22}" text-anchor="middle">{escape(text)}</text>')
    stacked: dict[dt.date, int] = {}
    for (day, e), (level, anchor, label) in zip(dated, labels, strict=True):
        x = x_of(day)
        y_label = 24 + level * 24
        stack = stacked[day] = stacked.get(day, -1) + 1
        cls = "tl-point bg" if e.get("background") else "tl-point"
        parts.append(f'<g class="{cls}"><title>{escape(e.get("date", ""))}: {escape(e.get("text", ""))}</title>'
                     f'<line class="tl-stem" x1="{x:.1f}" y1="{y_label + 6}" x2="{x:.1f}" y2="{axis_y}"/>'
                     f'<circle cx="{x:.1f}" cy="{axis_y - stack * 9}" r="6"/>'
                     f'<text class="tl-label" x="{x:.1f}" y="{y_label}" text-anchor="{anchor}" direction="rtl">'
                     f'{escape(label)}</text></g>')
    label = f"الخط الزمني: {len(dated)} محطات من {first.isoformat()} إلى {last.isoformat()}"
    return Markup(f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
                  f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  f'<title>{escape(label)}</title>{"".join(parts)}</svg>')


def coverage_svg(outlets: Sequence[str], rows: Sequence[Mapping]) -> Markup:
    """A matrix of fact rows (right) by outlet columns: a cell is coloured by the fact's status
    when that outlet reported it, and shows the value it gave."""
    if not outlets or not rows:
        return Markup("")
    label_w, cell_w, cell_h, head_h = 250, 104, 30, 40
    width = label_w + cell_w * len(outlets) + 10
    height = head_h + cell_h * len(rows) + 10
    parts = []
    for j, outlet in enumerate(outlets):
        x = width - label_w - (j + 0.5) * cell_w
        parts.append(f'<text class="cv-head" x="{x:.1f}" y="{head_h - 12}" text-anchor="middle" direction="rtl">'
                     f'<title>{escape(outlet)}</title>{escape(_short(outlet, 13))}</text>')
    for i, row in enumerate(rows):
        y = head_h + i * cell_h
        name = row["label"]
        parts.append(f'<text class="cv-label" x="{width - 6}" y="{y + cell_h / 2 + 5:.1f}" direction="rtl">'
                     f'<title>{escape(name)}</title>{escape(_short(name, 30))}</text>')
        for j, outlet in enumerate(outlets):
            x = width - label_w - (j + 1) * cell_w
            value = row["cells"].get(outlet)
            if value is None:
                parts.append(f'<rect class="cv-cell empty" x="{x + 2}" y="{y + 2}" width="{cell_w - 4}" '
                             f'height="{cell_h - 4}" rx="4"><title>{escape(outlet)}: لم يذكره</title></rect>')
                continue
            parts.append(f'<g class="cv-cell {escape(row["status"])}"><title>{escape(outlet)}: {escape(value)} '
                         f'({STATUS_LABELS.get(row["status"], row["status"])})</title>'
                         f'<rect x="{x + 2}" y="{y + 2}" width="{cell_w - 4}" height="{cell_h - 4}" rx="4"/>'
                         f'<text x="{x + cell_w / 2:.1f}" y="{y + cell_h / 2 + 5:.1f}" text-anchor="middle" '
                         f'direction="rtl">{escape(_short(value, 12))}</text></g>')
    label = f"تغطية المصادر: {len(rows)} معلومة × {len(outlets)} مصادر"
    return Markup(f'<svg class="chart coverage" viewBox="0 0 {width} {height}" role="img" '
                  f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  f'<title>{escape(label)}</title>{"".join(parts)}</svg>')
