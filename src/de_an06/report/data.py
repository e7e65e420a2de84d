"""Report sections built from observed counts: indicators against targets, the annex table.

Each returns the section's blocks, for `build_report`'s ``indicator_section`` and
``annex_section``. Kept apart from `build` so that a report without counts never
imports numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..achievement import Achievement, Status, evaluate, format_decimal, format_percent, target_text
from ..annex_reporting import annex_report
from ..indicator import Unit
from ..plan import Plan
from ..reporting import Frequency, ReportingPeriod
from ..rollup import PeriodView, period_views, roll_up
from .blocks import Bar, BarChart, Block, Heading, Paragraph, Table
from .build import Labels, Language

if TYPE_CHECKING:
    from ..observations import Observations

__all__ = ["annex_section", "indicator_section"]

_HEAD = {
    "vi": (
        "Chỉ tiêu",
        "Đơn vị",
        "Kỳ",
        "Số đạt/Tổng số",
        "Tỉ lệ",
        "Mục tiêu",
        "Kết quả",
        "Còn thiếu",
        "Chỉ tiêu chưa có số liệu: {ids}.",
        "Kết quả so với mục tiêu (vạch đen: mục tiêu)",
        "chưa có số liệu",
        "Tỉ lệ làm tròn nửa lên, 2 chữ số thập phân; tỉ số giữ nguyên số đếm.",
        "Trong kỳ",
        "So với kỳ trước",
        "Số liệu lũy kế từ đầu năm; cột «Trong kỳ»: riêng {now} (chỉ tiêu tồn: giá trị "
        "mới nhất), so với {before}.",
    ),
    "en": (
        "Indicator",
        "Unit",
        "Period",
        "Counted",
        "Ratio",
        "Target",
        "Status",
        "Shortfall",
        "Indicators without data: {ids}.",
        "Achievement against target (black tick: target)",
        "no data",
        "Percentages rounded half-up to 2 places; ratios keep the counts.",
        "In the period",
        "Change",
        "Figures are year to date; “In the period”: {now} alone (stocks: the latest "
        "value), compared with {before}.",
    ),
}


def indicator_section(
    plan: Plan,
    observations: Sequence[Observations],
    *,
    as_of: date,
    lang: Language = "vi",
    period: str | None = None,
) -> tuple[Block, ...]:
    """The indicators section: each unit's counts and the roll-up, against the targets.

    Figures are year to date on *as_of*; beside each, its value in *period* alone (by
    default the latest month ended by *as_of*) and the change against the period before
    (`period_views`). Counts of a service (the annex's) are left to `annex_section`.
    """
    now = _view_period(as_of) if period is None else ReportingPeriod.from_id(period)
    results: list[Achievement] = []
    views: dict[tuple[str, str], PeriodView] = {}
    for obs in observations:
        results += evaluate(plan, obs, as_of=as_of)
        results += roll_up(plan, obs, as_of=as_of).achievements()
        for v in period_views(plan, obs, period=now.id, rolled=True):
            if not v.service:
                views[v.indicator, v.unit] = v
    known = {i.id for i in plan.indicators}
    results = [a for a in results if not a.service and a.indicator in known]
    blocks = _indicator_blocks(plan, results, Labels(lang), views)
    note = _HEAD[lang][14].format(now=now.label(lang), before=now.preceding().label(lang))
    return (*blocks[:2], Paragraph(note), *blocks[2:])


def _view_period(as_of: date) -> ReportingPeriod:
    """The latest month whose window ended by *as_of* (30/06/2024 → 202406)."""
    month = ReportingPeriod.containing(as_of, Frequency.MONTHLY)
    return month if month.end <= as_of else month.preceding()


def _indicator_blocks(
    plan: Plan, results: list[Achievement], words: Labels, views: dict[tuple[str, str], PeriodView]
) -> list[Block]:
    lang = words.lang
    head = _HEAD[lang]
    locale = lang
    units = {i.id: i.unit for i in plan.indicators}
    rows = []
    bars = []
    for a in results:
        percent = None if a.ratio is None else format_percent(a.ratio, 2, locale=locale)
        scope = "" if a.target_scope is None else f" ({a.target_scope.label(lang)})"
        view = views.get((a.indicator, a.unit))
        current = None if view is None else view.current
        now = None if current is None else current.ratio
        change = None if view is None else view.change
        rows.append(
            (
                a.indicator,
                a.unit_name or a.unit,
                a.period,
                a.ratio_text,
                percent or "—",
                target_text(a.target, units[a.indicator], lang) + scope,
                a.status.label(lang),
                "—" if a.shortfall is None else str(a.shortfall),
                "—"
                if current is None
                else current.ratio_text
                if now is None or units[a.indicator] is Unit.COUNT
                else f"{format_percent(now, 2, locale=locale)} ({current.ratio_text})",
                "—" if change is None else format_decimal(change, 2, locale=locale),
            )
        )
        if units[a.indicator] is Unit.PERCENT:
            bars.append(
                Bar(
                    label=f"{a.indicator} — {a.unit_name or a.unit}",
                    percent=None if a.ratio is None else float(a.ratio * 100),
                    target=None if a.threshold is None else float(a.threshold),
                    met=None
                    if a.status in (Status.NO_DATA, Status.NO_TARGET)
                    else a.status is Status.MET,
                    caption=f"{a.ratio_text} ({a.status.label(lang)})",
                    text=percent or "",
                )
            )
    measured = {a.indicator for a in results}
    missing = [i.id for i in plan.indicators if i.id not in measured and not i.qualitative]
    blocks: list[Block] = [Heading(2, words["targets"]), Paragraph(head[11])]
    if rows:
        blocks.append(
            Table((*head[:8], *head[12:14]), tuple(rows), numeric=frozenset({3, 4, 7, 8, 9}))
        )
    if bars:
        blocks.append(BarChart(title=head[9], bars=tuple(bars), no_data_label=head[10]))
    if missing:
        blocks.append(Paragraph(head[8].format(ids=", ".join(missing))))
    return blocks


def annex_section(
    plan: Plan, observations: Sequence[Observations], *, as_of: date, lang: Language = "vi"
) -> tuple[Block, ...]:
    """The annex table filled in from the observations that name a service."""
    words = Labels(lang)
    blocks: list[Block] = [Heading(2, words["annex"])]
    with_services = [obs for obs in observations if any(obs.services)]
    if not with_services or plan.annex is None:
        return (*blocks, Paragraph(words["no_counts"]))
    for obs in with_services:
        table = annex_report(plan, obs, as_of=as_of)
        records = table.records(locale=lang)
        rows = tuple(tuple(record[c] for c in table.columns) for record in records)
        blocks.append(Table(table.columns, rows, numeric=frozenset({4, 5, 6})))
    return tuple(blocks)
