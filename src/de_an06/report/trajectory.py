"""Month-by-month charts of the indicators (issue #20): each month's own figure, the
cumulative figure, the target and the plain projection to the deadline.

The numbers come from `de_an06.early_warning.trajectories`; the four series differ by
line style and marker, not colour alone, so the chart survives black-and-white print.
Markdown and DOCX print the same numbers as a table (`TrajectoryChart.rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING

from .._numbers import format_decimal
from ..indicator import Measure, Unit, target_text
from ..plan import Plan
from ..reporting import ReportingPeriod
from .blocks import Block, Heading, TrajectoryChart
from .words import Language

if TYPE_CHECKING:
    from .._warning.trajectory import Trajectory
    from ..observations import Observations

__all__ = ["trajectory_blocks", "trajectory_chart", "trajectory_svg"]

_WORDS = {
    "vi": (
        "Diễn biến theo tháng và dự báo đến cuối kỳ",
        ("Trong tháng", "Lũy kế", "Mục tiêu", "Dự báo theo nhịp gần đây"),
        "Tháng",
        "Đánh giá: {status}.",
    ),
    "en": (
        "Month by month and the projection to the deadline",
        ("In the month", "Cumulative", "Target", "Projection at the recent pace"),
        "Month",
        "Assessment: {status}.",
    ),
}


def trajectory_blocks(
    plan: Plan,
    observations: Sequence[Observations],
    *,
    as_of: date,
    lang: Language = "vi",
    units: frozenset[str] | None = None,
) -> list[Block]:
    """A heading and one chart per indicator × unit with two or more monthly figures."""
    from ..early_warning import trajectories

    charts: list[Block] = []
    seen: set[tuple[str, str]] = set()
    for obs in observations:
        for t in trajectories(plan, obs, as_of=as_of):
            key = (t.indicator, t.unit)
            if len(t.figures) < 2 or key in seen or (units is not None and t.unit not in units):
                continue
            seen.add(key)
            charts.append(trajectory_chart(t, lang))
    return [Heading(4, _WORDS[lang][0]), *charts] if charts else []


def _value(num: Fraction | int, den: Fraction | int, percent: bool) -> Fraction | None:
    if not percent:
        return Fraction(num)
    return None if not den else Fraction(num) / Fraction(den) * 100


def trajectory_chart(t: Trajectory, lang: Language = "vi") -> TrajectoryChart:
    """The chart of one trajectory: the months of the deadline's year up to the deadline."""
    words = _WORDS[lang]
    percent = t.measure_unit is Unit.PERCENT
    year, last = int(t.deadline[:4]), int(t.deadline[4:])
    months = [f"{year}{m:02d}" for m in range(1, last + 1)]
    own = {f.period: f for f in t.figures}
    monthly: list[Fraction | None] = []
    cumulative: list[Fraction | None] = []
    num = den = 0
    for m in months:
        f = own.get(m)
        if f is None:
            monthly.append(None)
            cumulative.append(None)
            continue
        if t.measure is Measure.FLOW:
            num, den = num + f.numerator, den + f.denominator
        else:
            num, den = f.numerator, f.denominator
        monthly.append(_value(f.numerator, f.denominator, percent))
        cumulative.append(_value(num, den, percent))
    projection: list[Fraction | None] = [None] * len(months)
    p = t.pace
    if p.recent is not None and p.months and p.months[-1] in months:
        start = months.index(p.months[-1])
        projection[start] = cumulative[start]
        for k in range(1, len(months) - start):
            projection[start + k] = _value(
                p.numerator + p.recent * k,
                p.denominator + (p.recent_denominator or 0) * k,
                percent,
            )

    def text(value: Fraction | None) -> str:
        if value is None:
            return ""
        return format_decimal(value, 2 if percent else 0, locale=lang) + ("%" if percent else "")

    rows = tuple(
        (ReportingPeriod.from_id(m).label(lang), text(a), text(b), text(c))
        for m, a, b, c in zip(months, monthly, cumulative, projection, strict=True)
        if a is not None or c is not None
    )
    target = target_text(t.target, t.measure_unit, lang)
    assumption = t.assumption(lang)
    note = words[3].format(status=t.status.label(lang)) + (f" {assumption}" if assumption else "")
    return TrajectoryChart(
        title=f"{t.indicator} — {t.unit_name or t.unit} ({words[1][2].lower()}: {target})",
        months=tuple(f"{int(m[4:])}/{m[:4]}" for m in months),
        monthly=tuple(None if v is None else float(v) for v in monthly),
        cumulative=tuple(None if v is None else float(v) for v in cumulative),
        projection=tuple(None if v is None else float(v) for v in projection),
        target=float(p.threshold),
        percent=percent,
        legend=words[1],
        columns=(words[2], *words[1][:2], words[1][3]),
        rows=rows,
        note=note,
    )


def _polyline(points: list[tuple[float, float]], style: str) -> str:
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{coords}" fill="none" {style}/>'


def trajectory_svg(chart: TrajectoryChart) -> str:
    """The chart as inline SVG: grey bars with a black outline (each month), a solid line
    with filled dots (cumulative), a long-dashed line (target), a dotted line with hollow
    dots (projection); a legend drawing the same four marks."""
    left, top, plot_w, plot_h = 56, 14, 660, 170
    n = max(len(chart.months), 1)
    values = [v for v in (*chart.monthly, *chart.cumulative, *chart.projection) if v is not None]
    high = max([*values, chart.target or 0.0, 1.0])
    high = 100.0 if chart.percent and high <= 100 else high * 1.1
    step = plot_w / n

    def x_of(i: int) -> float:
        return left + step * (i + 0.5)

    def y_of(v: float) -> float:
        return top + plot_h - plot_h * max(min(v, high), 0.0) / high

    unit = "%" if chart.percent else ""
    height = top + plot_h + 56
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + plot_w + 20} {height}" '
        f'role="img" aria-label="{escape(chart.title)}" font-size="11">'
    ]
    for k in range(5):
        tick = high * k / 4
        y = y_of(tick)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="#444">'
            f"{format_decimal(Fraction(tick).limit_denominator(100), 0, locale='vi')}{unit}</text>"
        )
    for i, label in enumerate(chart.months):
        out.append(
            f'<text x="{x_of(i):.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'fill="#444">{escape(label)}</text>'
        )
    for i, bar in enumerate(chart.monthly):
        if bar is not None:
            y = y_of(bar)
            out.append(
                f'<rect x="{x_of(i) - step * 0.3:.1f}" y="{y:.1f}" width="{step * 0.6:.1f}" '
                f'height="{top + plot_h - y:.1f}" fill="#d9d9d9" stroke="#111" stroke-width="0.8"/>'
            )
    if chart.target is not None:
        y = y_of(chart.target)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#111" '
            f'stroke-width="1.5" stroke-dasharray="10 5"/>'
        )
    cum = [(x_of(i), y_of(v)) for i, v in enumerate(chart.cumulative) if v is not None]
    proj = [(x_of(i), y_of(v)) for i, v in enumerate(chart.projection) if v is not None]
    if len(proj) > 1:
        out.append(_polyline(proj, 'stroke="#555" stroke-width="1.8" stroke-dasharray="2 3"'))
        out += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#fff" stroke="#555"/>'
            for x, y in proj[1:]
        ]
    if cum:
        out.append(_polyline(cum, 'stroke="#111" stroke-width="2"'))
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#111"/>' for x, y in cum]
    out.append(_legend(chart.legend, left, top + plot_h + 36))
    out.append("</svg>")
    return "".join(out)


def _legend(names: tuple[str, str, str, str], x: float, y: float) -> str:
    marks = (
        f'<rect x="{{x}}" y="{y - 8}" width="14" height="10" fill="#d9d9d9" stroke="#111"/>',
        f'<line x1="{{x}}" y1="{y - 3}" x2="{{x2}}" y2="{y - 3}" stroke="#111" stroke-width="2"/>'
        f'<circle cx="{{xm}}" cy="{y - 3}" r="3" fill="#111"/>',
        f'<line x1="{{x}}" y1="{y - 3}" x2="{{x2}}" y2="{y - 3}" stroke="#111" '
        f'stroke-width="1.5" stroke-dasharray="6 3"/>',
        f'<line x1="{{x}}" y1="{y - 3}" x2="{{x2}}" y2="{y - 3}" stroke="#555" '
        f'stroke-width="1.8" stroke-dasharray="2 3"/><circle cx="{{xm}}" cy="{y - 3}" r="3" '
        f'fill="#fff" stroke="#555"/>',
    )
    out = []
    for name, mark in zip(names, marks, strict=True):
        out.append(mark.format(x=f"{x:.1f}", x2=f"{x + 22:.1f}", xm=f"{x + 11:.1f}"))
        out.append(f'<text x="{x + 27:.1f}" y="{y}">{escape(name)}</text>')
        x += 40 + 6.2 * len(name)
    return "".join(out)
