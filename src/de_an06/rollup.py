"""Rolling unit results up the administrative hierarchy (commune → district → province).

The hierarchy is data (`Hierarchy`): the plan's ``localities`` give the 2024 three-level
structure, `Hierarchy.from_mapping` any other (the two-level structure from 01/07/2025,
a national tree with the country on top).

`roll_up` sums each unit's counts into every ancestor with numpy ``bincount`` on dense
integer keys, in int64, and says which method produced each figure: pooled counts
(Σnumerator/Σdenominator, the default), the unweighted mean of unit ratios, or the share
of units meeting their own target ("12/12 huyện").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, final

import attrs

from ._columns import decode, names_source, period_labels
from ._hierarchy import Hierarchy, Node
from ._rollup.details import _details, shares_units
from ._rollup.tree import (
    _check_flow_overlaps,
    _choose_rows,
    _coarsen,
    _fine,
    _Rows,
    _Shape,
    _sum_up,
    _unit_rows,
)
from .achievement import (
    Achievement,
    applicable_target,
    check_plan,
    evaluate,
    result_order,
    row_index,
)
from .coverage import Coverage
from .indicator import Aggregation, Measure, Unit
from .plan import Plan
from .reporting import ReportingPeriod

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .observations import Observations

__all__ = ["Hierarchy", "Node", "PeriodView", "RollUp", "period_views", "roll_up"]


@final
@attrs.frozen(kw_only=True, eq=False)
class RollUp:
    """Results for every enclosing unit, per indicator × service × period, as columns.

    Each row is one node (a district, the province, the country). The pooled counts are
    computed at once, as int64; unit counts, means and shares of units meeting their
    targets on first use; `achievements` builds the exact results with targets.

    Attributes:
        plan, observations, hierarchy: what was rolled up, along which tree.
        period, as_of, by_service: how (see `roll_up`).
        nodes: node keys (``node`` indexes them); labels: the period IDs reported.
        services: services (``service`` indexes them; ``("",)`` when pooled).
        key: per row, the composite key ``((node·I + indicator)·S + service)·L + label``.
        node, indicator, service, label: per row, the codes (indicator codes index
            ``observations.indicators``).
        numerator, denominator: pooled sums of the units' counts.
        not_rolled: units with counts but no parent in the hierarchy (an agency, the top).
        superseded: units whose own counts were left out above them because units below
            them report the same indicator, service and period.
    """

    plan: Plan = attrs.field(repr=False)
    observations: Observations = attrs.field(repr=False)
    hierarchy: Hierarchy = attrs.field(repr=False)
    period: str | None
    as_of: date | None
    by_service: bool
    nodes: tuple[str, ...] = attrs.field(repr=False)
    labels: tuple[str, ...]
    services: tuple[str, ...] = attrs.field(repr=False)
    key: NDArray[np.int64] = attrs.field(repr=False)
    node: NDArray[np.int64] = attrs.field(repr=False)
    indicator: NDArray[np.int64] = attrs.field(repr=False)
    service: NDArray[np.int64] = attrs.field(repr=False)
    label: NDArray[np.int64] = attrs.field(repr=False)
    numerator: NDArray[np.int64] = attrs.field(repr=False)
    denominator: NDArray[np.int64] = attrs.field(repr=False)
    not_rolled: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return int(self.node.size)

    @property
    def units(self) -> NDArray[np.int64]:
        """Per row, how many reporting units the figure combines."""
        return self._details()["units"]  # type: ignore[no-any-return]

    @property
    def units_with_data(self) -> NDArray[np.int64]:
        """Per row, how many of them had data (a non-zero denominator)."""
        return self._details()["units_with_data"]  # type: ignore[no-any-return]

    @property
    def units_met(self) -> NDArray[np.int64]:
        """Per row, units meeting their own target (share-of-units indicators; else 0)."""
        return self._details()["units_met"]  # type: ignore[no-any-return]

    @property
    def means(self) -> Mapping[int, Fraction]:
        """Row → the unweighted mean of unit ratios (mean indicators, rows with data)."""
        return self._details()["means"]  # type: ignore[no-any-return]

    def method(self, indicator: str) -> Aggregation:
        """How *indicator*'s units combine (pooled for annex counts without indicator)."""
        for item in self.plan.indicators:
            if item.id == indicator:
                return item.aggregation
        return Aggregation.POOLED

    def _details(self) -> dict[str, Any]:
        if not self._cache:
            self._cache.update(
                _details(
                    self.plan,
                    self.observations,
                    self.hierarchy,
                    period=self.period,
                    as_of=self.as_of,
                    by_service=self.by_service,
                    keys=self.key,
                )
            )
        return self._cache

    @property
    def reporters(self) -> Mapping[int, Sequence[str]]:
        """Row → keys of the units below whose data the figure holds."""
        return self._details()["reporters"]  # type: ignore[no-any-return]

    def achievements(self, *, met_on_available: bool = False) -> tuple[Achievement, ...]:
        """Every row as an `Achievement` with the node's own target, in plan order.

        Each carries its coverage (`Coverage`): a figure missing expected units is
        ``partial``, unless *met_on_available* judges it on the units with data (the
        result then says so).
        """
        obs = self.observations
        indicators = {i.id: i for i in self.plan.indicators}
        kinds = self._kinds()
        means = self.means
        reporters = self.reporters
        cover = Coverage(self.hierarchy, self.plan)
        days = [self._day(label) for label in self.labels]
        index = row_index(self.plan, obs, period=self.period, as_of=self.as_of)
        codes = {key: code for code, key in enumerate(obs.units)}
        out = []
        rows = zip(
            self.node.tolist(),
            self.indicator.tolist(),
            self.service.tolist(),
            self.label.tolist(),
            self.numerator.tolist(),
            self.denominator.tolist(),
            self.units.tolist(),
            self.units_with_data.tolist(),
            self.units_met.tolist(),
            strict=True,
        )
        for row, (node_, ind, svc, lab, num, den, units, with_data, met) in enumerate(rows):
            node = self.hierarchy.node(self.nodes[node_])
            indicator = indicators.get(obs.indicators[ind])
            method = Aggregation.POOLED if indicator is None else indicator.aggregation
            target, scope, baseline = (
                (None, None, None)
                if indicator is None
                else applicable_target(indicator, node, rolled=True)
            )
            share = indicator is not None and shares_units(indicator)
            if share:
                method = Aggregation.SHARE_MET
            expected, missing = cover.of(node.key, reporters.get(row, ()), as_of=days[lab])
            out.append(
                Achievement(
                    indicator=obs.indicators[ind],
                    unit=node.key,
                    unit_name=node.name,
                    period=self.labels[lab],
                    service=self.services[svc],
                    numerator=met if share else num,
                    denominator=expected if share else den,
                    measure_unit=Unit.PERCENT if indicator is None else indicator.unit,
                    method=method,
                    mean=means.get(row),
                    units=units,
                    units_with_data=with_data,
                    expected_units=expected,
                    missing_units=missing,
                    met_on_available=met_on_available and bool(missing),
                    units_kind=kinds.get((node.key, ind), "") if share else "",
                    target=target,
                    target_scope=scope,
                    baseline=baseline,
                    sources=index.sources(
                        ind,
                        sorted(codes[u] for u in reporters.get(row, ())),
                        label=lab,
                        service=svc if self.by_service else None,
                    ),
                )
            )
        return tuple(sorted(out, key=result_order(self.plan, obs)))

    def _day(self, label: str) -> date:
        """The day whose units a figure for *label* should cover: the period's last day."""
        end = ReportingPeriod.from_id(label).end
        return end if self.as_of is None else min(end, self.as_of)

    def _kinds(self) -> dict[tuple[str, int], str]:
        """(node, indicator code) → the kind all units below share ("huyện"), if any."""
        import numpy as np

        obs = self.observations
        found: dict[tuple[str, int], set[str]] = {}
        for ind, key in enumerate(obs.indicators):
            indicator = next((i for i in self.plan.indicators if i.id == key), None)
            if indicator is None or not shares_units(indicator):
                continue
            for unit in np.unique(obs.unit_codes[obs.indicator_codes == ind]).tolist():
                node = self.hierarchy.node(obs.units[unit])
                for ancestor in self.hierarchy.ancestors(node.key):
                    found.setdefault((ancestor, ind), set()).add(node.kind)
        return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and "" not in v}


@names_source
def roll_up(
    plan: Plan,
    observations: Observations,
    *,
    hierarchy: Hierarchy | None = None,
    as_of: date | None = None,
    period: str | None = None,
    by_service: bool = False,
) -> RollUp:
    """Roll every unit's counts up to each enclosing unit, by each indicator's method.

    Periods combine first, per unit, as in `evaluate`. *hierarchy* (default: the one the
    observations were read with) gives the parents, e.g. the 2025 communes → province.
    *by_service* keeps the annex services apart instead of pooling them.

    A node's figure covers every reporting unit below it, whatever the depth. A unit's
    own counts are its own `evaluate` result: they are added above it, except where
    units below it report the same indicator, service and period (then the detailed
    figures are used, not both; the unit is listed in `RollUp.superseded`).
    """
    import numpy as np

    check_plan(plan, observations)
    obs = observations
    tree = obs.hierarchy if hierarchy is None else obs.hierarchy.merged(hierarchy)
    shape = _Shape.of(plan, obs, tree, period=period, as_of=as_of, by_service=by_service)
    measures = {i.id: i.measure for i in plan.indicators}
    stocks = any(measures.get(i) is Measure.STOCK for i in obs.indicators)
    _, inside = period_labels(obs.periods, period, as_of)
    superseded: list[int] = []
    # Flows come from the detailed sums (by service and reporting period), kept on the
    # store: one pass over the rows answers this question and the next ones. The pass is
    # also faster than one straight to a few coarse groups, whose long runs of equal keys
    # slow ``bincount`` down.
    fine = None if shape.combining and stocks else _fine(plan, obs, tree, hierarchy)
    if fine is not None:  # flows: from the detailed sums, by service and reporting period
        if shape.combining:
            _check_flow_overlaps(obs, inside)
        final = _coarsen(fine, shape, inside)
    else:
        if shape.combining and stocks:  # each unit's latest stock first, then the sums
            rows = _unit_rows(shape, obs, plan)
        else:  # flows: straight from the rows to the parents, in one pass
            if shape.combining:
                _check_flow_overlaps(obs, inside)
            in_period = np.asarray(inside, dtype=np.int64) >= 0
            rows = _Rows(
                unit=obs.unit_codes,
                indicator=obs.indicator_codes,
                service=obs.service_codes if by_service else None,
                label=None if shape.combining else obs.period_codes,
                numerator=obs.numerator,
                denominator=obs.denominator,
                inside=None if in_period.all() else in_period[obs.period_codes],
                bounds=(obs.numerator_total, obs.denominator_total),
            )
        keep, superseded = _choose_rows(shape, rows)
        final = _sum_up(shape, rows, keep, [rows.numerator, rows.denominator], pooled=True)
    node, ind, svc, lab = decode(final[0], shape.sizes)
    unit_parent = shape.unit_parent
    return RollUp(
        plan=plan,
        observations=obs,
        hierarchy=tree,
        period=period,
        as_of=as_of,
        by_service=by_service,
        nodes=shape.keys,
        labels=shape.labels,
        services=shape.services,
        key=final[0],
        node=node,
        indicator=ind,
        service=svc,
        label=lab,
        numerator=final[1],
        denominator=final[2],
        not_rolled=tuple(u for u, p in zip(obs.units, unit_parent.tolist(), strict=True) if p < 0),
        superseded=tuple(obs.units[u] for u in superseded),
    )


# --- period views ------------------------------------------------------------------------


@final
@attrs.frozen(kw_only=True)
class PeriodView:
    """One indicator × unit (× service) seen from a period, side by side.

    For a flow (summed, e.g. dossiers): ``current`` is the period alone, ``year_to_date``
    the reporting year through the period's end, ``previous`` the period before alone.
    For a stock (latest, e.g. activated accounts): ``current`` is the latest value by the
    period's end, ``previous`` the latest by the previous period's end; no year to date.
    ``change`` is current minus previous, in the indicator's unit (percentage points).

    Attributes:
        indicator, unit, unit_name, service: what the view is of.
        period, previous_period: the period IDs compared ("202406", "202405").
        measure: flow or stock.
        current, year_to_date, previous: the results (None: no counts there).
    """

    indicator: str
    unit: str
    unit_name: str = ""
    service: str = ""
    period: str
    previous_period: str
    measure: Measure
    current: Achievement | None = None
    year_to_date: Achievement | None = None
    previous: Achievement | None = None

    @property
    def judged(self) -> Achievement | None:
        """The figure compared with the target: the year to date (flows), the latest (stocks)."""
        return self.year_to_date if self.measure is Measure.FLOW else self.current

    @property
    def change(self) -> Fraction | None:
        """Current minus previous value (percentage points for a ratio); None: one is missing."""
        now = None if self.current is None else self.current.value
        before = None if self.previous is None else self.previous.value
        return None if now is None or before is None else now - before


def period_views(
    plan: Plan,
    observations: Observations,
    *,
    period: str,
    rolled: bool = False,
    met_on_available: bool = False,
) -> tuple[PeriodView, ...]:
    """Each indicator × unit in *period*: alone, year to date, and against the one before.

    *rolled* adds the roll-up's figures (districts, the province). Flows and stocks as in
    `PeriodView`; combining follows `evaluate` (``period=`` and ``as_of=``).
    """
    now = ReportingPeriod.from_id(period)
    before = now.preceding()

    def results(**when: Any) -> dict[tuple[str, str, str], Achievement]:
        found = list(evaluate(plan, observations, **when))
        if rolled:
            rolled_up = roll_up(plan, observations, **when)
            found += rolled_up.achievements(met_on_available=met_on_available)
        return {(a.indicator, a.unit, a.service): a for a in found}

    alone, to_date = results(period=now.id), results(as_of=now.end)
    before_alone, before_to_date = results(period=before.id), results(as_of=before.end)
    measures = {i.id: i.measure for i in plan.indicators}
    order = result_order(plan, observations)
    out = []
    either = to_date | alone
    for key in sorted(either, key=lambda k: order(either[k])[:2] + k):
        any_ = either[key]
        flow = measures.get(key[0], Measure.FLOW) is Measure.FLOW
        out.append(
            PeriodView(
                indicator=key[0],
                unit=key[1],
                unit_name=any_.unit_name,
                service=key[2],
                period=now.id,
                previous_period=before.id,
                measure=Measure.FLOW if flow else Measure.STOCK,
                current=alone.get(key) if flow else to_date.get(key),
                year_to_date=to_date.get(key) if flow else None,
                previous=(before_alone if flow else before_to_date).get(key),
            )
        )
    return tuple(out)
