"""The pace rules: from one unit's monthly figures, the pace a target needs and a status.

Everything is exact (`Fraction`); the one rounding is the projected denominator, rounded
up to a whole count (a count is whole). The rules, in the order they are tried:

1. ``not_enough_data``: no monthly figure with a denominator (a ratio), or — when the
   target is not met already — fewer than two monthly figures.
2. "duy trì" (maintain): each month's own figure is compared with the level (the target,
   raised to the baseline). ``off_track`` when the latest month is below it, ``at_risk``
   when an earlier month was, else ``on_track``. Keeping a level is never finished
   before the deadline, so a maintain target is never ``met_already``.
3. ``met_already``: the figure so far (flows: the year's counts summed; stocks: the
   latest month) meets the target.
4. ``off_track``: no month is left before the deadline, or no whole count can meet the
   target at the projected denominator (more than 100%).
5. At least (``>``, ``>=``): the *needed pace* is the numerator still
   needed by the deadline divided by the months left; the *recent pace* the mean monthly
   gain of the last three periods (flows: their counts; stocks: the month-on-month
   increase). ``on_track`` when the recent pace reaches the needed pace; ``off_track``
   when it is below three quarters of it and the latest month too fell short of it;
   else ``at_risk``.
6. At most / exactly (``<``, ``<=``, ``=``): ``on_track`` when the projection meets the
   target, else ``off_track``.

The projection is plain: every month left adds the recent pace to the numerator and the
recent denominator pace to the denominator (a flow's monthly denominator, a stock's
monthly change). Nothing else is assumed.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, Literal, final

import attrs

from ..indicator import Comparator, Measure, Target, Unit, shortfall

__all__ = [
    "AT_RISK_SHARE",
    "RECENT_PERIODS",
    "MonthFigure",
    "Pace",
    "TrajectoryStatus",
    "month_index",
    "pace_of",
]

RECENT_PERIODS = 3
"""How many recent periods the recent pace is the mean of."""

AT_RISK_SHARE = Fraction(3, 4)
"""Below this share of the needed pace (and the latest month short too) is off track."""

_AT_LEAST = (Comparator.GT, Comparator.GE)


class TrajectoryStatus(enum.Enum):
    """Where a target is heading, by the rules of this module.

    >>> TrajectoryStatus.AT_RISK.label(), TrajectoryStatus.MET_ALREADY.label("en")
    ('có nguy cơ không đạt', 'met already')
    """

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    MET_ALREADY = "met_already"
    NOT_ENOUGH_DATA = "not_enough_data"

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The Vietnamese label by default, the English one with ``lang="en"``."""
        if lang != "vi":
            return self.value.replace("_", " ")
        return {
            "on_track": "đúng tiến độ",
            "at_risk": "có nguy cơ không đạt",
            "off_track": "chậm, không đạt nếu giữ nhịp hiện nay",
            "met_already": "đã đạt",
            "not_enough_data": "chưa đủ số liệu",
        }[self.value]


def month_index(period: str) -> int:
    """A monthly period id as a count of months (``202407`` → 2024 * 12 + 6).

    >>> month_index("202401") - month_index("202312")
    1
    """
    return int(period[:4]) * 12 + int(period[4:6]) - 1


@final
@attrs.frozen(kw_only=True)
class MonthFigure:
    """One unit's counts for one monthly period (``202406``)."""

    period: str
    numerator: int
    denominator: int = 0


@final
@attrs.frozen(kw_only=True)
class Pace:
    """The numbers behind one status (see the module docstring for the rules).

    Attributes:
        status: the status.
        rule: which rule decided it (a short slug: "maintain_latest_below", "pace" …).
        months: the monthly periods used, in order.
        numerator, denominator: the counts so far (flows summed; stocks the latest).
        value: the figure so far in the target's unit (percent or count); None: no data.
        threshold: the value the figure must reach (the target's, raised to the baseline).
        months_left: months from the last figure to the deadline period.
        recent: the recent monthly pace of the numerator (None: fewer than two periods).
        recent_denominator: the same for the denominator.
        latest: the latest month's pace of the numerator.
        projected_denominator: the denominator at the deadline, rounded up.
        needed: the numerator the target needs at the deadline (the fewest whole count).
        still_needed: needed minus the numerator so far.
        needed_pace: still needed per month left.
        projected_numerator, projected_value: the plain projection at the deadline.
        months_below: for "maintain", the months whose own figure is below the level.
    """

    status: TrajectoryStatus
    rule: str
    months: tuple[str, ...]
    numerator: int
    denominator: int
    value: Fraction | None
    threshold: Fraction
    months_left: int
    recent: Fraction | None = None
    recent_denominator: Fraction | None = None
    latest: Fraction | None = None
    projected_denominator: int | None = None
    needed: int | None = None
    still_needed: int | None = None
    needed_pace: Fraction | None = None
    projected_numerator: Fraction | None = None
    projected_value: Fraction | None = None
    months_below: tuple[str, ...] = ()


def _gains(figures: Sequence[MonthFigure], measure: Measure) -> tuple[list[Fraction], ...]:
    """Per period, the numerator's and the denominator's monthly gain."""
    if measure is Measure.FLOW:
        return (
            [Fraction(f.numerator) for f in figures],
            [Fraction(f.denominator) for f in figures],
        )
    nums: list[Fraction] = []
    dens: list[Fraction] = []
    for before, after in itertools.pairwise(figures):
        gap = month_index(after.period) - month_index(before.period)
        nums.append(Fraction(after.numerator - before.numerator, gap))
        dens.append(Fraction(after.denominator - before.denominator, gap))
    return nums, dens


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    window = values[-RECENT_PERIODS:]
    return sum(window, Fraction(0)) / len(window) if window else None


def _value(numerator: Fraction | int, denominator: Fraction | int, unit: Unit) -> Fraction | None:
    if unit is Unit.COUNT:
        return Fraction(numerator)
    return None if denominator <= 0 else Fraction(numerator) / Fraction(denominator) * 100


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


def pace_of(
    figures: Sequence[MonthFigure],
    target: Target,
    *,
    deadline: str,
    unit: Unit = Unit.PERCENT,
    measure: Measure = Measure.FLOW,
    baseline: Fraction | None = None,
) -> Pace:
    """The status of one unit's monthly *figures* against *target* by *deadline* (a
    monthly period id), with the numbers that decided it.

    >>> from de_an06.indicator import Comparator, Target
    >>> gt65 = Target(comparator=Comparator.GT, value=Fraction(65))
    >>> months = [MonthFigure(period=f"20240{m}", numerator=400 + 25 * m, denominator=1000)
    ...           for m in range(1, 7)]
    >>> p = pace_of(months, gt65, deadline="202412", measure=Measure.STOCK)
    >>> p.status.value, p.needed, p.still_needed, p.needed_pace, p.recent
    ('on_track', 651, 101, Fraction(101, 6), Fraction(25, 1))
    """
    figures = sorted(figures, key=lambda f: f.period)
    threshold = target.threshold(baseline)
    months = tuple(f.period for f in figures)
    if measure is Measure.FLOW:
        numerator = sum(f.numerator for f in figures)
        denominator = sum(f.denominator for f in figures)
    else:
        numerator = figures[-1].numerator if figures else 0
        denominator = figures[-1].denominator if figures else 0
    left = month_index(deadline) - month_index(months[-1]) if months else 0
    value = _value(numerator, denominator, unit)
    gains, den_gains = _gains(figures, measure)
    recent, recent_den = _mean(gains), _mean(den_gains)
    base: dict[str, Any] = {
        "months": months,
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "threshold": threshold,
        "months_left": max(left, 0),
        "recent": recent if len(figures) >= 2 else None,
        "recent_denominator": recent_den if len(figures) >= 2 else None,
        "latest": gains[-1] if gains and len(figures) >= 2 else None,
    }
    if value is None:
        return Pace(status=TrajectoryStatus.NOT_ENOUGH_DATA, rule="no_data", **base)
    if target.comparator is Comparator.MAINTAIN:
        return _maintain(figures, threshold, unit, base)
    if target.met_by(value, baseline):
        return Pace(status=TrajectoryStatus.MET_ALREADY, rule="met", **base)
    if len(figures) < 2 or recent is None or recent_den is None:
        return Pace(status=TrajectoryStatus.NOT_ENOUGH_DATA, rule="one_period", **base)
    m = max(left, 0)
    grown = Fraction(denominator) + recent_den * m
    projected_den = max(_ceil(grown), 0) if unit is Unit.PERCENT else denominator
    projected_num = numerator + recent * m
    base |= {
        "projected_denominator": projected_den if unit is Unit.PERCENT else None,
        "projected_numerator": projected_num,
        "projected_value": _value(projected_num, projected_den, unit),
    }
    if m == 0:
        return Pace(status=TrajectoryStatus.OFF_TRACK, rule="deadline_reached", **base)
    if target.comparator not in _AT_LEAST:
        projected = base["projected_value"]
        ok = isinstance(projected, Fraction) and target.met_by(projected, baseline)
        status = TrajectoryStatus.ON_TRACK if ok else TrajectoryStatus.OFF_TRACK
        return Pace(status=status, rule="projection", **base)
    need = shortfall(0, projected_den, target, unit=unit, baseline=baseline)
    if need is None:
        return Pace(status=TrajectoryStatus.OFF_TRACK, rule="unreachable", **base)
    still = need - numerator
    needed_pace = Fraction(still, m)
    base |= {"needed": need, "still_needed": still, "needed_pace": needed_pace}
    latest = gains[-1]
    if recent >= needed_pace:
        status, rule = TrajectoryStatus.ON_TRACK, "pace"
    elif recent < needed_pace * AT_RISK_SHARE and latest < needed_pace:
        status, rule = TrajectoryStatus.OFF_TRACK, "pace"
    else:
        status, rule = TrajectoryStatus.AT_RISK, "pace"
    return Pace(status=status, rule=rule, **base)


def _maintain(
    figures: Sequence[MonthFigure],
    threshold: Fraction,
    unit: Unit,
    base: dict[str, Any],
) -> Pace:
    """Rule 2: months below the level."""
    below = []
    for figure in figures:
        own = _value(figure.numerator, figure.denominator, unit)
        if own is not None and own < threshold:
            below.append(figure.period)
    base = {**base, "months_below": tuple(below)}
    if len(figures) < 2:
        return Pace(status=TrajectoryStatus.NOT_ENOUGH_DATA, rule="one_period", **base)
    if below and below[-1] == figures[-1].period:
        return Pace(status=TrajectoryStatus.OFF_TRACK, rule="maintain_latest_below", **base)
    if below:
        return Pace(status=TrajectoryStatus.AT_RISK, rule="maintain_earlier_below", **base)
    return Pace(status=TrajectoryStatus.ON_TRACK, rule="maintain_kept", **base)
