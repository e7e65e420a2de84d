"""Inline SVG charts for the HTML report: achievement bars and a deadline timeline.

Hand-written SVG (a few dozen elements) instead of a plotting library: the report must be
one self-contained file with no scripts, and the charts are simple.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blocks import BarChart, Timeline

__all__ = ["bar_chart", "timeline"]

COLOURS = {
    "met": "#2e7d32",
    "not_met": "#c62828",
    "no_data": "#9e9e9e",
    "overdue": "#c62828",
    "due_soon": "#ef6c00",
    "upcoming": "#1565c0",
    "done": "#2e7d32",
}


def bar_chart(chart: BarChart) -> str:
    """Horizontal bars from 0 to 100 %, a dark tick at each bar's target."""
    label_w, plot_w, row_h, top = 260, 420, 24, 24
    height = top + row_h * len(chart.bars) + 10
    width = label_w + plot_w + 70
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width + 60} {height}" '
        f'role="img" aria-label="{escape(chart.title)}" font-size="12">',
        # Not met is hatched, met is solid: the difference survives black-and-white print.
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{COLOURS["not_met"]}" stroke-width="3"/>'
        "</pattern></defs>",
    ]
    for pct in (0, 25, 50, 75, 100):
        x = label_w + plot_w * pct / 100
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 10}" '
            f'stroke="#ddd"/><text x="{x:.1f}" y="{top - 10}" text-anchor="middle" '
            f'fill="#666">{pct}%</text>'
        )
    for i, bar in enumerate(chart.bars):
        y = top + i * row_h
        label = bar.label if len(bar.label) <= 40 else bar.label[:39] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label)}'
            f"<title>{escape(bar.label)}</title></text>"
        )
        if bar.percent is None:
            out.append(
                f'<text x="{label_w + 4}" y="{y + 15}" fill="{COLOURS["no_data"]}" '
                f'font-style="italic">{escape(chart.no_data_label)}</text>'
            )
        else:
            status = "met" if bar.met else "not_met" if bar.met is False else "no_data"
            w = plot_w * min(max(bar.percent, 0.0), 100.0) / 100
            fill = "url(#hatch)" if status == "not_met" else COLOURS[status]
            out.append(
                f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                f'fill="{fill}" stroke="{COLOURS[status]}"><title>'
                f"{escape(bar.caption or label)}</title></rect>"
            )
            # The value goes right of the bar and of the target tick, never under it.
            tick = 0.0 if bar.target is None else plot_w * min(max(bar.target, 0.0), 100.0) / 100
            text = bar.text or f"{bar.percent:.2f}%"
            mark = {"met": chart.met_label, "not_met": chart.not_met_label}.get(status, "")
            text = f"{text} {mark}".strip()
            out.append(
                f'<text x="{label_w + max(w, tick) + 5:.1f}" y="{y + 15}">{escape(text)}</text>'
            )
        if bar.target is not None:
            x = label_w + plot_w * min(max(bar.target, 0.0), 100.0) / 100
            out.append(
                f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + row_h - 1}" '
                f'stroke="#111" stroke-width="2.5"><title>{escape(chart.target_label)} '
                f"{bar.target:g}%</title>"
                f"</line>"
            )
    out.append("</svg>")
    return "".join(out)


def timeline(chart: Timeline) -> str:
    """Milestones on a month axis; stacked when they share a date; a line at today."""
    left, plot_w, top = 20, 760, 30
    span = max((chart.end - chart.start).days, 1)

    def x_of(day: date) -> float:
        return left + plot_w * (day - chart.start).days / span

    # Each label goes on the first row where it does not touch the label before it, so
    # nearby days ("5.3" on 28/06, "11.4" on 01/07) never overlap.
    ends: list[float] = []
    rows = []
    for m in sorted(chart.milestones, key=lambda m: (m.day, m.label)):
        x = x_of(m.day)
        width = 14 + 7 * len(m.label)
        level = next((i for i, end in enumerate(ends) if end < x - 6), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = x + width
        rows.append((m, level))
    depth = max((lvl for _, lvl in rows), default=0) + 1
    height = top + 30 + depth * 16 + 20 + (18 if chart.legend else 0)
    axis_y = top + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + plot_w + 60} {height}" '
        f'role="img" aria-label="{escape(chart.title)}" font-size="11">',
        f'<line x1="{left}" y1="{axis_y}" x2="{left + plot_w}" y2="{axis_y}" stroke="#555"/>',
    ]
    year, month = chart.start.year, chart.start.month
    while date(year, month, 1) <= chart.end:
        first = date(year, month, 1)
        if first >= chart.start:
            x = x_of(first)
            out.append(
                f'<line x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}" '
                f'stroke="#555"/><text x="{x + 2:.1f}" y="{axis_y - 8}" fill="#555">'
                f"{month:02d}/{year}</text>"
            )
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if chart.start <= chart.today <= chart.end:
        x = x_of(chart.today)
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 18}" x2="{x:.1f}" y2="{height - 22}" '
            f'stroke="#111" stroke-dasharray="4 3"><title>{chart.today:%d/%m/%Y}</title>'
            f"</line>"
        )
    for m, level in rows:
        x, y = x_of(m.day), axis_y + 18 + level * 16
        out.append(
            _marker(m.status, x, y, f"{m.label} — {m.day:%d/%m/%Y}")
            + f'<text x="{x + 7:.1f}" y="{y + 4}">{escape(m.label)}</text>'
        )
    if chart.legend:
        x = left
        for status, text in chart.legend:
            out.append(
                _marker(status, x + 5, height - 10, text)
                + f'<text x="{x + 13}" y="{height - 6}">{escape(text)}</text>'
            )
            x += 14 + 7 * len(text) + 20
    out.append("</svg>")
    return "".join(out)


def _marker(status: str, x: float, y: float, title: str) -> str:
    """A marker whose shape tells the status in black and white: a filled square for
    overdue, a triangle for due soon, a hollow circle for not yet due, a filled circle
    for done."""
    colour = COLOURS.get(status, "#555")
    tip = f"<title>{escape(title)}</title>"
    if status == "overdue":
        return (
            f'<rect x="{x - 5:.1f}" y="{y - 5}" width="10" height="10" fill="{colour}">{tip}</rect>'
        )
    if status == "due_soon":
        points = f"{x:.1f},{y - 6} {x - 6:.1f},{y + 5} {x + 6:.1f},{y + 5}"
        return f'<polygon points="{points}" fill="{colour}">{tip}</polygon>'
    if status == "upcoming":
        return (
            f'<circle cx="{x:.1f}" cy="{y}" r="4.5" fill="#fff" stroke="{colour}" '
            f'stroke-width="2">{tip}</circle>'
        )
    return f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{colour}">{tip}</circle>'
