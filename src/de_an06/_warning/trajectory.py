"""Trajectories: every indicator × unit with monthly figures, judged by the pace rules."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, final

import attrs

from .._numbers import format_decimal
from .._text import fraction_text
from ..achievement import applicable_target
from ..indicator import Measure, Scope, Target, Unit, target_text
from ..plan import Plan
from ..reporting import ReportingPeriod
from .pace import RECENT_PERIODS, MonthFigure, Pace, TrajectoryStatus, pace_of

if TYPE_CHECKING:
    from ..observations import Observations

__all__ = ["Trajectory", "deadline_of", "number_text", "trajectories", "trajectory_record"]

Lang = Literal["vi", "en"]


def deadline_of(plan: Plan) -> str:
    """The monthly period an indicator is judged by: the plan year's last (``202412``).

    Sơn La's plan sets no indicator its own deadline, so every target is for the year end.
    """
    return f"{plan.year}12"


def _monthly(period: str) -> bool:
    return len(period) == 6 and period.isascii() and period.isdigit()


@final
@attrs.frozen(kw_only=True)
class Trajectory:
    """One indicator × unit: its monthly figures, target, and the pace that decided its status.

    Attributes:
        indicator: the indicator's ID; unit, unit_name the unit's key and name.
        measure_unit: percent or count; measure: flow (summed) or stock (latest).
        target, target_scope, baseline: the target that applies (`applicable_target`).
        deadline: the monthly period the target is for ("202412").
        figures: the monthly figures used, in order.
        pace: the numbers and the status (`de_an06.early_warning.Pace`).
    """

    indicator: str
    unit: str
    unit_name: str
    measure_unit: Unit
    measure: Measure
    target: Target
    target_scope: Scope | None = None
    baseline: Fraction | None = None
    deadline: str
    figures: tuple[MonthFigure, ...]
    pace: Pace

    @property
    def status(self) -> TrajectoryStatus:
        """The status (`Pace.status`)."""
        return self.pace.status

    def assumption(self, lang: Lang = "vi") -> str:
        """The projection's assumption in words, with its numbers."""
        p = self.pace
        if p.recent is None or p.months_left == 0 or not p.months:
            return ""
        first = ReportingPeriod.from_id(_next(p.months[-1])).label(lang)
        last = ReportingPeriod.from_id(self.deadline).label(lang)
        loc: Lang = "vi" if lang == "vi" else "en"
        gain = number_text(p.recent, loc)
        den = number_text(p.recent_denominator or Fraction(0), loc)
        n = min(RECENT_PERIODS, len(p.months) - (self.measure is Measure.STOCK))
        if lang == "vi":
            text = (
                f"Giả định: từ {first} đến {last} ({p.months_left} tháng), mỗi tháng tử số "
                f"tăng {gain} (bình quân {n} kỳ gần nhất)"
            )
            if self.measure_unit is Unit.PERCENT:
                text += f", mẫu số tăng {den}"
            return text + "; không giả định gì khác."
        text = (
            f"Assumed: from {first} to {last} ({p.months_left} months) the numerator grows "
            f"by {gain} a month (mean of the last {n} periods)"
        )
        if self.measure_unit is Unit.PERCENT:
            text += f", the denominator by {den}"
        return text + "; nothing else is assumed."


def number_text(value: Fraction | int, lang: Lang = "vi") -> str:
    """A count as people read it: whole numbers bare ("1.200"), others to 2 decimals."""
    value = Fraction(value)
    return format_decimal(value, 0 if value.denominator == 1 else 2, locale=lang)


def _next(period: str) -> str:
    year, month = int(period[:4]), int(period[4:])
    return f"{year + month // 12}{month % 12 + 1:02d}"


def trajectories(
    plan: Plan,
    observations: Observations,
    *,
    as_of: date | None = None,
    deadline: str | None = None,
) -> tuple[Trajectory, ...]:
    """The trajectory of every indicator × unit with monthly figures, in plan order.

    Monthly periods (``YYYYMM``) of the deadline's year up to the deadline count; with
    *as_of*, only those whose cut-off window ended by that day (as ``evaluate --as-of``).
    Per-service counts of one unit are added up. Units the plan sets no target for, and
    qualitative indicators, have no trajectory.
    """
    end = deadline or deadline_of(plan)
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    ends: dict[str, bool] = {}
    for record in observations.to_records():
        ind, unit, period = (
            str(record["indicator"]),
            str(record["unit"]),
            str(record["period"]),
        )
        if not ind or not _monthly(period) or period[:4] != end[:4] or period > end:
            continue
        if as_of is not None:
            if period not in ends:
                ends[period] = ReportingPeriod.from_id(period).end <= as_of
            if not ends[period]:
                continue
        cell = sums[(ind, unit, period)]
        cell[0] += int(str(record["numerator"]))
        cell[1] += int(str(record["denominator"]))
    series: dict[tuple[str, str], list[MonthFigure]] = defaultdict(list)
    for (ind, unit, period), (num, den) in sums.items():
        series[(ind, unit)].append(MonthFigure(period=period, numerator=num, denominator=den))
    rank = {node.key: i for i, node in enumerate(observations.hierarchy)}
    out = []
    for indicator in plan.indicators:
        if indicator.qualitative:
            continue
        units = sorted((u for (i, u) in series if i == indicator.id), key=lambda u: rank.get(u, 0))
        for unit in units:
            node = observations.hierarchy.node(unit)
            target, scope, baseline = applicable_target(indicator, node)
            if target is None:
                continue
            figures = tuple(sorted(series[(indicator.id, unit)], key=lambda f: f.period))
            measure_unit = indicator.own_unit
            pace = pace_of(
                figures,
                target,
                deadline=end,
                unit=measure_unit,
                measure=indicator.measure,
                baseline=baseline,
            )
            out.append(
                Trajectory(
                    indicator=indicator.id,
                    unit=unit,
                    unit_name=node.name,
                    measure_unit=measure_unit,
                    measure=indicator.measure,
                    target=target,
                    target_scope=scope,
                    baseline=baseline,
                    deadline=end,
                    figures=figures,
                    pace=pace,
                )
            )
    return tuple(out)


def _exact(value: Fraction | int | None) -> str | None:
    return None if value is None else fraction_text(Fraction(value))


def trajectory_record(t: Trajectory, lang: Lang = "vi") -> dict[str, Any]:
    """One trajectory as JSON-ready data (``trajectory --format json``): exact values
    as fraction strings, ``status`` the slug, the assumption in *lang*."""
    p = t.pace
    return {
        "indicator": t.indicator,
        "unit": t.unit,
        "unit_name": t.unit_name,
        "measure": t.measure.value,
        "measure_unit": t.measure_unit.value,
        "target": {
            "comparator": t.target.comparator.value,
            "value": fraction_text(t.target.value),
            "text": t.target.text,
            "display": target_text(t.target, t.measure_unit, lang=lang),
        },
        "baseline": _exact(t.baseline),
        "threshold": _exact(p.threshold),
        "deadline": t.deadline,
        "figures": [
            {"period": f.period, "numerator": f.numerator, "denominator": f.denominator}
            for f in t.figures
        ],
        "through": p.months[-1] if p.months else None,
        "numerator": p.numerator,
        "denominator": p.denominator,
        "value": _exact(p.value),
        "months_left": p.months_left,
        "recent_pace": _exact(p.recent),
        "recent_denominator_pace": _exact(p.recent_denominator),
        "latest_pace": _exact(p.latest),
        "projected_denominator": p.projected_denominator,
        "needed": p.needed,
        "still_needed": p.still_needed,
        "needed_pace": _exact(p.needed_pace),
        "projected_numerator": _exact(p.projected_numerator),
        "projected_value": _exact(p.projected_value),
        "months_below": list(p.months_below),
        "status": p.status.value,
        "status_label": p.status.label(lang),
        "rule": p.rule,
        "assumption": t.assumption(lang),
    }
