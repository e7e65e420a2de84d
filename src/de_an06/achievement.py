"""How far each target is achieved: exact ratios, the target that applies, the shortfall.

`evaluate` turns observed counts into one `Achievement` per indicator × unit × period.
Everything is exact (`fractions.Fraction`); rounding happens only in `format_percent`,
whose rule is named (half-up by default: 91.705% → "91.71%").

* **Target**: the unit's own locality override, else its administrative level's, else its
  segment's, else the indicator's default; `Achievement.target_scope` says which (None
  for the default). An agency takes the targets of its locality.
* **No data**: a zero denominator is "no data" — never 0%, never an exception.
* **Shortfall**: the fewest extra numerator units (denominator fixed) that meet the
  target — for "trên 80%" strictly above, for "duy trì" at least the target and the
  baseline; for ``<``/``<=`` the reduction needed; for ``=`` the distance to the exact
  count. Never negative; 0 when met; None with no data, no target, or when no whole count
  can meet it (more than 100% of the denominator, an ``=`` between two counts).
* **Periods**: with neither *period* nor *as_of*, each reported period stands alone.
  With *period* ("2024S1"), the reports whose windows lie inside it combine; with *as_of*,
  the reports of that year whose windows ended by that day combine (year to date).
  Flows (`Measure.FLOW`, e.g. dossiers) are summed; stocks (`Measure.STOCK`, e.g.
  activated accounts) take each unit's latest period. Overlapping flow reports for one
  unit ("202401" and "2024Q1") would count twice and are an error.
"""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, final

import attrs

from ._columns import names_source, period_labels, period_ranks, unit_counts
from ._input.origins import RowIndex, Source
from ._numbers import Rounding, format_decimal, format_percent
from ._text import fraction_text
from .agency import Level
from .errors import ObservationDataError, ObservationProblem
from .indicator import (
    Aggregation,
    Comparator,  # noqa: F401  # the doctests use it
    Indicator,
    Measure,
    MeasureKind,
    Scope,
    ScopeKind,
    Target,
    Unit,
    shortfall,
    target_text,
)
from .plan import Plan
from .reporting import ReportingPeriod

if TYPE_CHECKING:
    from ._hierarchy import Node
    from .observations import Observations

__all__ = [
    "Achievement",
    "Rounding",
    "Source",
    "Status",
    "achievement_record",
    "applicable_target",
    "check_plan",
    "evaluate",
    "format_decimal",
    "format_percent",
    "result_order",
    "shortfall",
    "target_text",
]

"""Rounding rules for display: half away from zero, half to even, toward zero."""


class Status(enum.Enum):
    """Whether a target is met. ``NO_TARGET``: the plan sets none for this unit (a state).

    ``PARTIAL``: expected units are missing from the figure, so it cannot be judged yet.

    >>> Status.PARTIAL.label(), Status.NOT_MET.label("en")
    ('chưa đủ số liệu', 'not met')
    """

    MET = "met"
    NOT_MET = "not_met"
    PARTIAL = "partial"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The word people read: "đạt", "chưa đạt", "chưa đủ số liệu" … (or English)."""
        return _STATUS_LABELS[lang][self]


_STATUS_LABELS = {
    "vi": {
        Status.MET: "đạt",
        Status.NOT_MET: "chưa đạt",
        Status.PARTIAL: "chưa đủ số liệu",
        Status.NO_DATA: "chưa có số liệu",
        Status.NO_TARGET: "không có mục tiêu",
    },
    "en": {
        Status.MET: "met",
        Status.NOT_MET: "not met",
        Status.PARTIAL: "partial",
        Status.NO_DATA: "no data",
        Status.NO_TARGET: "no target",
    },
}


@final
@attrs.frozen(kw_only=True)
class Achievement:
    """One indicator's result for one unit and period, with the target that applies.

    ``numerator``/``denominator`` are the counts as counted (pooled sums for a roll-up;
    units meeting / units with data for a share-of-units roll-up).

    >>> a = Achievement(indicator="II.5.b", unit="tp-son-la", unit_name="Thành phố Sơn La",
    ...                 period="2024", numerator=79, denominator=100,
    ...                 target=Target(comparator=Comparator.GT, value=Fraction(80)))
    >>> a.status.value, a.shortfall, a.ratio_text
    ('not_met', 2, '79/100')

    Attributes:
        indicator: the indicator's ID.
        unit: the unit's key; unit_name its name.
        period: the period the result covers (a period ID).
        through: the latest reporting period whose counts are included.
        service: the annex service, for a per-service result.
        numerator, denominator: the counts.
        measure_unit: the unit of the indicator's values (percent or count).
        method: how a roll-up combined units; None for a unit's own counts.
        mean: the unweighted mean of unit ratios, for ``Aggregation.MEAN``.
        units, units_with_data: units combined, and how many of them had data.
        expected_units: how many units the figure should cover (the plan's hierarchy as
            of the period: the 12 district-level units in 2024); 1 for a unit's own.
        missing_units: keys of the expected units without data.
        met_on_available: judged on the units with data although some are missing (an
            explicit choice of the caller; the output says so).
        units_kind: what the units combined are, when they are all of one kind ("huyện").
        target: the target that applies; target_scope where it comes from (None: the
            indicator's default); baseline the value a "maintain" target must keep.
        sources: the files and lines the counts came from (data read from files).
    """

    indicator: str
    unit: str
    unit_name: str = ""
    period: str
    through: str | None = None
    service: str = ""
    numerator: int
    denominator: int
    measure_unit: Unit = Unit.PERCENT
    method: Aggregation | None = None
    mean: Fraction | None = None
    units: int = 1
    units_with_data: int = 1
    expected_units: int = 1
    missing_units: tuple[str, ...] = ()
    met_on_available: bool = False
    units_kind: str = ""
    target: Target | None = None
    target_scope: Scope | None = None
    baseline: Fraction | None = None
    sources: tuple[Source, ...] = ()

    @property
    def ratio(self) -> Fraction | None:
        """numerator/denominator exactly (the mean for a mean roll-up); None: no data."""
        if self.method is Aggregation.MEAN:
            return self.mean
        return Fraction(self.numerator, self.denominator) if self.denominator else None

    @property
    def value(self) -> Fraction | None:
        """The achieved value in the indicator's unit (91.71 for 91.71%); None: no data."""
        if self.measure_unit is Unit.COUNT and self.method is not Aggregation.MEAN:
            return Fraction(self.numerator)  # a count, or the units meeting a condition
        ratio = self.ratio
        return None if ratio is None else ratio * 100

    @property
    def ratio_text(self) -> str:
        """The counts as counted, not reduced ("50/100"), "12/12 huyện" for a share of units.

        The exact mean for a mean of ratios.
        """
        if self.method is Aggregation.MEAN:
            return "" if self.mean is None else str(self.mean)
        if self.method is Aggregation.SHARE_MET and self.units_kind:
            return f"{self.numerator}/{self.denominator} {self.units_kind}"
        return f"{self.numerator}/{self.denominator}"

    @property
    def threshold(self) -> Fraction | None:
        """The value to compare with: the target's, raised to the baseline for "maintain"."""
        return None if self.target is None else self.target.threshold(self.baseline)

    @property
    def coverage_text(self) -> str:
        """Expected units with data over expected units: "4/12"."""
        return f"{self.expected_units - len(self.missing_units)}/{self.expected_units}"

    @property
    def status(self) -> Status:
        """Met, not met, partial (expected units missing), no data, or no target."""
        value = self.value
        if value is None:
            return Status.NO_DATA
        if self.target is None:
            return Status.NO_TARGET
        if self.missing_units and not self.met_on_available:
            return Status.PARTIAL
        return Status.MET if self.target.met_by(value, self.baseline) else Status.NOT_MET

    @property
    def margin(self) -> Fraction | None:
        """Achieved minus threshold, in the indicator's unit (percentage points)."""
        value, threshold = self.value, self.threshold
        return None if value is None or threshold is None else value - threshold

    @property
    def shortfall(self) -> int | None:
        """The change in the numerator that meets the target (see the module docstring)."""
        if self.target is None or self.method is Aggregation.MEAN:
            return None
        return shortfall(
            self.numerator,
            self.denominator,
            self.target,
            unit=self.measure_unit,
            baseline=self.baseline,
        )


def applicable_target(
    indicator: Indicator, node: Node | None, *, rolled: bool = False
) -> tuple[Target | None, Scope | None, Fraction | None]:
    """The target for *node*: its locality's override, its level's, its segment's, the default.

    Returns (target, scope, baseline); scope is None for the indicator's default target.
    *rolled*: the figure is a roll-up of the units below *node*, not its own counts. A
    level's target applies only to a unit's own counts at that level (II.1.8: the
    province-level target is for the province's own dossiers, not for its districts'
    added up). A unit's own counts for a ``UNITS_MEETING`` indicator are judged against
    the indicator's condition.
    """
    if indicator.kind is MeasureKind.UNITS_MEETING and not rolled:
        return indicator.unit_condition, None, None
    if node is not None:
        checks = (
            (ScopeKind.LOCALITY, lambda key: key == node.locality),
            (
                ScopeKind.LEVEL,
                lambda key: (
                    not rolled and node.level is not None and Level.from_word(key) is node.level
                ),
            ),
            (ScopeKind.SEGMENT, lambda key: key in node.segments),
        )
        for kind, applies in checks:
            for override in indicator.overrides:
                if override.scope.kind is kind and applies(override.scope.key):
                    baseline = override.baseline
                    if baseline is None:
                        baseline = indicator.baseline
                    return override.target, override.scope, baseline
    return indicator.target, None, indicator.baseline


def achievement_record(
    achievement: Achievement, *, places: int = 2, locale: Literal["en", "vi"] = "en"
) -> dict[str, Any]:
    """One achievement as JSON-ready data (the ``evaluate --format json`` keys)."""
    a = achievement
    ratio, margin, target = a.ratio, a.margin, a.target
    return {
        "indicator": a.indicator,
        "unit": a.unit,
        "unit_name": a.unit_name,
        "period": a.period,
        "through": a.through,
        "service": a.service or None,
        "ratio": a.ratio_text,
        "percent": None if ratio is None else format_percent(ratio, places, locale=locale),
        "value": None if a.value is None else fraction_text(a.value),
        "target": None
        if target is None
        else {
            "comparator": target.comparator.value,
            "value": fraction_text(target.value),
            "text": target.text,
            "scope": "default"
            if a.target_scope is None
            else {"kind": a.target_scope.kind.value, "key": a.target_scope.key},
        },
        "baseline": None if a.baseline is None else fraction_text(a.baseline),
        "status": a.status.value,
        "margin": None if margin is None else format_decimal(margin, places, locale=locale),
        "margin_exact": None if margin is None else fraction_text(margin),
        "shortfall": a.shortfall,
        "method": None if a.method is None else a.method.value,
        "units": a.units,
        "units_with_data": a.units_with_data,
        "expected_units": a.expected_units,
        "missing_units": list(a.missing_units),
        "coverage": a.coverage_text,
        "met_on_available": a.met_on_available,
        "sources": [s.record() for s in a.sources],
    }


# --- evaluating ----------------------------------------------------------------------------


@names_source
def evaluate(
    plan: Plan,
    observations: Observations,
    *,
    as_of: date | None = None,
    period: str | None = None,
) -> tuple[Achievement, ...]:
    """One `Achievement` per indicator × unit × period, in plan order.

    Rows without an indicator (annex counts) are left to `annex_report`.
    """
    check_plan(plan, observations)
    obs = observations
    counts = unit_counts(obs, plan.indicators, period=period, as_of=as_of, by_service=False)
    indicators = {i.id: i for i in plan.indicators}
    targets: dict[tuple[int, int], tuple[Target | None, Scope | None, Fraction | None]] = {}
    index = row_index(plan, obs, period=period, as_of=as_of)
    out = []
    rows = zip(
        counts.indicator.tolist(),
        counts.unit.tolist(),
        counts.label.tolist(),
        counts.through.tolist(),
        counts.numerator.tolist(),
        counts.denominator.tolist(),
        strict=True,
    )
    for ind, unit, label, through, num, den in rows:
        if not obs.indicators[ind]:
            continue
        indicator = indicators[obs.indicators[ind]]
        node = obs.hierarchy.node(obs.units[unit])
        if (ind, unit) not in targets:
            targets[ind, unit] = applicable_target(indicator, node)
        target, scope, baseline = targets[ind, unit]
        has_data = den > 0 or indicator.own_unit is Unit.COUNT
        out.append(
            Achievement(
                indicator=indicator.id,
                unit=node.key,
                unit_name=node.name,
                period=counts.labels[label],
                through=obs.periods[through],
                numerator=num,
                denominator=den,
                measure_unit=indicator.own_unit,
                units_with_data=int(has_data),
                missing_units=() if has_data else (node.key,),
                target=target,
                target_scope=scope,
                baseline=baseline,
                sources=index.sources(ind, (unit,), label=label),
            )
        )
    return tuple(sorted(out, key=result_order(plan, obs)))


def row_index(plan: Plan, obs: Observations, *, period: str | None, as_of: date | None) -> RowIndex:
    """Where each result's rows are, for the sources it names (see `RowIndex`)."""
    measures = {i.id: i.measure for i in plan.indicators}
    return RowIndex(
        obs.origins,
        obs.indicator_codes,
        obs.unit_codes,
        obs.service_codes,
        obs.period_codes,
        len(obs.units),
        period_labels(obs.periods, period, as_of)[1],
        period_ranks(obs.periods),
        [measures.get(i) is Measure.STOCK for i in obs.indicators],
    )


def result_order(plan: Plan, observations: Observations) -> Any:
    """Sort key for results: plan order of indicators, hierarchy order of units, period."""
    indicator_index = {i.id: n for n, i in enumerate(plan.indicators)}
    unit_index = {node.key: n for n, node in enumerate(observations.hierarchy)}

    def key(a: Achievement) -> tuple[int, int, str, str, str]:
        period = ReportingPeriod.from_id(a.period)
        return (
            indicator_index.get(a.indicator, len(indicator_index)),
            unit_index.get(a.unit, len(unit_index)),
            period.end.isoformat() + period.start.isoformat(),
            a.service,
            a.unit,
        )

    return key


def check_plan(plan: Plan, observations: Observations) -> None:
    """Observations name units and indicators of the plan they were read against."""
    if observations.plan_id != plan.id:
        problem = ObservationProblem(
            source=observations.source,
            line=None,
            column="",
            value=plan.id,
            message=f"these observations were read against plan {observations.plan_id!r}",
        )
        raise ObservationDataError(observations.source, [problem])
