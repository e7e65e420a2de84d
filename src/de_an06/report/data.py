"""Report sections built from observed counts: indicators against targets, the annex table.

Each returns the section's blocks, for `build_report`'s ``indicator_section`` and
``annex_section``. Kept apart from `build` so that a report without counts never
imports numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from ..achievement import (
    Achievement,
    Status,
    evaluate,
    format_decimal,
    format_percent,
    target_text,
)
from ..annex_reporting import annex_report
from ..errors import DeAn06Error
from ..indicator import Aggregation, Indicator, Unit
from ..plan import Plan
from ..reporting import Frequency, ReportingPeriod
from ..rollup import PeriodView, period_views, roll_up
from .blocks import Bar, BarChart, Block, Heading, Paragraph, Table
from .build import Labels, Language
from .tasks import shorten
from .words import count

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
        "Tăng, giảm so với kỳ trước",
        "Số liệu lũy kế từ đầu năm; cột «Trong kỳ»: riêng {now} (chỉ tiêu tồn: giá trị "
        "mới nhất), so với {before}.",
        "Có số liệu",
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
        "Units with data",
    ),
}


def indicator_section(
    plan: Plan,
    observations: Sequence[Observations],
    *,
    as_of: date,
    lang: Language = "vi",
    period: str | None = None,
    units: frozenset[str] | None = None,
) -> tuple[Block, ...]:
    """The indicators section: each unit's counts and the roll-up, against the targets.

    *units* (keys) restricts the rows to those units (one agency's report).

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
    results = [
        a
        for a in results
        if not a.service and a.indicator in known and (units is None or a.unit in units)
    ]
    blocks = _indicator_blocks(plan, results, Labels(lang), views)
    note = _HEAD[lang][14].format(now=now.label(lang), before=now.preceding().label(lang))
    from .trajectory import trajectory_blocks

    charts = trajectory_blocks(plan, observations, as_of=as_of, lang=lang, units=units)
    return (*blocks[:2], Paragraph(note), *blocks[2:], *charts)


def _view_period(as_of: date) -> ReportingPeriod:
    """The latest month whose window ended by *as_of* (30/06/2024 → 202406)."""
    month = ReportingPeriod.containing(as_of, Frequency.MONTHLY)
    return month if month.end <= as_of else month.preceding()


def _counts(a: Achievement, lang: Language) -> str:
    """The counts as counted, with the language's thousands separator ("8.123/9.800")."""
    if a.method is Aggregation.MEAN:
        return a.ratio_text
    text = f"{count(a.numerator, lang)}/{count(a.denominator, lang)}"
    return f"{text} {a.units_kind}" if a.method is Aggregation.SHARE_MET and a.units_kind else text


def _period_label(period: str, lang: Language) -> str:
    """A period id as people write it ("năm 2024", "tháng 6/2024"); unknown ids verbatim."""
    try:
        return ReportingPeriod.from_id(period).label(lang)
    except DeAn06Error:
        return period


def _name(indicator: Indicator) -> str:
    """What an indicator counts, as a row label: its numerator's words, else its text."""
    words = indicator.numerator or indicator.text
    return shorten(words[:1].upper() + words[1:], 90)


def _indicator_blocks(
    plan: Plan, results: list[Achievement], words: Labels, views: dict[tuple[str, str], PeriodView]
) -> list[Block]:
    lang = words.lang
    head = _HEAD[lang]
    locale = lang
    indicators = {i.id: i for i in plan.indicators}
    units = {i.id: i.unit for i in plan.indicators}
    order = {i.id: n for n, i in enumerate(plan.indicators)}
    results = sorted(results, key=lambda a: order[a.indicator])  # stable: units keep their order
    rows = []
    bars = []
    named: set[str] = set()
    for a in results:
        percent = None if a.ratio is None else format_percent(a.ratio, 2, locale=locale)
        scope = "" if a.target_scope is None else f" ({a.target_scope.label(lang)})"
        view = views.get((a.indicator, a.unit))
        current = None if view is None else view.current
        now = None if current is None else current.ratio
        change = None if view is None else view.change
        label = a.indicator
        if a.indicator not in named:  # the name once, on the indicator's first row
            named.add(a.indicator)
            label = f"{a.indicator}. {_name(indicators[a.indicator])}"
        rows.append(
            (
                label,
                a.unit_name or a.unit,
                _period_label(a.period, lang),
                _counts(a, lang),
                percent or "—",
                a.coverage_text,
                target_text(a.target, units[a.indicator], lang) + scope,
                a.status.label(lang),
                "—" if a.shortfall is None else count(a.shortfall, lang),
                "—"
                if current is None
                else _counts(current, lang)
                if now is None or units[a.indicator] is Unit.COUNT
                else f"{format_percent(now, 2, locale=locale)} ({_counts(current, lang)})",
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
                    if a.status in (Status.NO_DATA, Status.NO_TARGET, Status.PARTIAL)
                    else a.status is Status.MET,
                    caption=f"{_counts(a, lang)} ({a.status.label(lang)})",
                    text=percent or "",
                )
            )
    measured = {a.indicator for a in results}
    missing = [i.id for i in plan.indicators if i.id not in measured and not i.qualitative]
    blocks: list[Block] = [Heading(2, words["targets"]), Paragraph(head[11])]
    if rows:
        blocks.append(
            Table(
                (*head[:5], head[15], *head[5:8], *head[12:14]),
                tuple(rows),
                numeric=frozenset({3, 4, 5, 8, 9, 10}),
                widths=(16, 9, 7, 12, 8, 6, 11, 8, 7, 10, 6),
            )
        )
    if bars:
        blocks.append(BarChart(title=head[9], bars=tuple(bars), no_data_label=head[10]))
    if missing:
        blocks.append(Paragraph(head[8].format(ids=", ".join(missing))))
    return blocks


def annex_section(
    plan: Plan,
    observations: Sequence[Observations],
    *,
    as_of: date,
    lang: Language = "vi",
    reporter: str | None = None,
) -> tuple[Block, ...]:
    """The annex table filled in from the observations that name a service.

    *reporter* (an agency key) keeps only the rows whose reporting unit is that agency.
    """
    words = Labels(lang)
    blocks: list[Block] = [Heading(2, words["annex"])]
    with_services = [obs for obs in observations if any(obs.services)]
    if not with_services or plan.annex is None:
        return (*blocks, Paragraph(words["no_counts"]))
    for obs in with_services:
        table = annex_report(plan, obs, as_of=as_of)
        if reporter is not None:
            table = attrs.evolve(
                table, rows=tuple(r for r in table.rows if _key(plan, r.reporting_unit) == reporter)
            )
        records = table.records(locale=lang)
        numeric = frozenset({4, 5, 6})
        rows = tuple(
            tuple(
                _grouped(record[c], lang) if n in numeric else record[c]
                for n, c in enumerate(table.columns)
            )
            for record in records
        )
        blocks.append(Table(table.columns, rows, numeric=numeric))
    return tuple(blocks)


def _grouped(cell: str, lang: Language) -> str:
    """A whole-number cell with the thousands separator ("12.500"); other cells as they are."""
    return count(int(cell), lang) if cell.isascii() and cell.isdigit() else cell


def _key(plan: Plan, name: str) -> str | None:
    """The key of the agency *name* ("Công an tỉnh"); None when it names none or several."""
    from ..directory import resolve_agency

    try:
        return resolve_agency(plan, name).key
    except DeAn06Error:
        return None
