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

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, final

import attrs

from ._columns import (
    Groups,
    check_overlaps,
    compose,
    decode,
    names_source,
    period_labels,
    unit_counts,
)
from ._hierarchy import Hierarchy, Node
from .achievement import Achievement, applicable_target, check_plan, result_order
from .errors import ModelValueError
from .indicator import Aggregation, Comparator, Measure, Target, Unit
from .plan import Plan

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .observations import Observations

__all__ = ["Hierarchy", "Node", "RollUp", "roll_up"]


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
            self._cache.update(_details(self))
        return self._cache

    def achievements(self) -> tuple[Achievement, ...]:
        """Every row as an `Achievement` with the node's own target, in plan order."""
        obs = self.observations
        indicators = {i.id: i for i in self.plan.indicators}
        kinds = self._kinds()
        means = self.means
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
                (None, None, None) if indicator is None else applicable_target(indicator, node)
            )
            share = method is Aggregation.SHARE_MET
            out.append(
                Achievement(
                    indicator=obs.indicators[ind],
                    unit=node.key,
                    unit_name=node.name,
                    period=self.labels[lab],
                    service=self.services[svc],
                    numerator=met if share else num,
                    denominator=with_data if share else den,
                    measure_unit=Unit.PERCENT if indicator is None else indicator.unit,
                    method=method,
                    mean=means.get(row),
                    units=units,
                    units_with_data=with_data,
                    units_kind=kinds.get((node.key, ind), "") if share else "",
                    target=target,
                    target_scope=scope,
                    baseline=baseline,
                )
            )
        return tuple(sorted(out, key=result_order(self.plan, obs)))

    def _kinds(self) -> dict[tuple[str, int], str]:
        """(node, indicator code) → the kind all units below share ("huyện"), if any."""
        import numpy as np

        obs = self.observations
        found: dict[tuple[str, int], set[str]] = {}
        for ind, key in enumerate(obs.indicators):
            if self.method(key) is not Aggregation.SHARE_MET:
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


@attrs.frozen(kw_only=True)
class _Shape:
    """The tree as arrays, and the sizes of the composite key's parts.

    Only nodes with units below them ("inner" nodes) are numbered: keys then span a few
    thousand values, not one per commune, and ``bincount`` stays in the CPU cache.
    """

    keys: tuple[str, ...]  # inner nodes
    parent: NDArray[np.int64]  # inner node → its parent (an inner node), -1 at the top
    unit_parent: NDArray[np.int64]  # unit code → its parent, -1 for none
    unit_self: NDArray[np.int64]  # unit code → the unit as an inner node, -1 for a leaf
    labels: tuple[str, ...]
    services: tuple[str, ...]
    sizes: tuple[int, int, int, int]  # inner nodes, indicators, services, labels
    combining: bool
    period: str | None
    as_of: date | None
    by_service: bool

    @classmethod
    def of(
        cls,
        plan: Plan,
        obs: Observations,
        tree: Hierarchy,
        *,
        period: str | None,
        as_of: date | None,
        by_service: bool,
    ) -> _Shape:
        keys, parent, unit_parent, unit_self = _tree_arrays(obs, tree)
        labels, _ = period_labels(obs.periods, period, as_of)
        services = obs.services if by_service else ("",)
        return cls(
            keys=keys,
            parent=parent,
            unit_parent=unit_parent,
            unit_self=unit_self,
            labels=labels,
            services=services,
            sizes=(len(keys) or 1, len(obs.indicators) or 1, len(services) or 1, len(labels) or 1),
            combining=period is not None or as_of is not None,
            period=period,
            as_of=as_of,
            by_service=by_service,
        )


def _tree_arrays(
    obs: Observations, tree: Hierarchy
) -> tuple[tuple[str, ...], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """Inner nodes, their parents, and each unit's parent and own inner code (kept)."""
    # The kept value holds *tree*, so its id stays its own while the key lives.
    return obs.derived(("tree", id(tree)), lambda: (tree, _tree_codes(obs, tree)))[1]


def _tree_codes(
    obs: Observations, tree: Hierarchy
) -> tuple[tuple[str, ...], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    import numpy as np

    parents = {node.parent for node in tree if node.parent and node.parent in tree}
    keys = tuple(node.key for node in tree if node.key in parents)
    code = {key: n for n, key in enumerate(keys)}

    def codes(values: Iterable[str | None]) -> NDArray[np.int64]:
        return np.array([code.get(v, -1) if v else -1 for v in values], dtype=np.int64)

    return (
        keys,
        codes(tree.node(key).parent for key in keys),
        codes(tree.node(key).parent for key in obs.units),
        codes(obs.units),
    )


@attrs.frozen(kw_only=True)
class _Rows:
    """Rows to roll up: codes per row (None: all 0), counts, and the rows in the period."""

    unit: NDArray[Any]
    indicator: NDArray[Any]
    service: NDArray[Any] | None
    label: NDArray[Any] | None
    numerator: NDArray[np.int64]
    denominator: NDArray[np.int64]
    inside: NDArray[np.bool_] | None = None  # None: every row
    bounds: tuple[int, int] | None = None  # at least any sum of numerator, denominator


def _unit_rows(shape: _Shape, obs: Observations, plan: Plan) -> _Rows:

    counts = unit_counts(
        obs, plan.indicators, period=shape.period, as_of=shape.as_of, by_service=shape.by_service
    )
    return _Rows(
        unit=counts.unit,
        indicator=counts.indicator,
        service=counts.service if shape.by_service else None,
        label=counts.label,
        numerator=counts.numerator,
        denominator=counts.denominator,
    )


def _row_keys(shape: _Shape, rows: _Rows, keep: Any, *, own: bool = False) -> NDArray[np.int64]:
    """Composite keys of the kept rows at their parent (at their own unit with *own*)."""
    import numpy as np

    _, indicators, services, labels = shape.sizes
    width = indicators * services * labels
    node = shape.unit_self if own else shape.unit_parent
    key = (node * width)[rows.unit[keep]]
    # The indicator/service/period part is built in the smallest integer type that holds
    # it (one byte or two per row), then added once: fewer passes over 8-byte keys.
    rest = None
    for column, size in (
        (rows.indicator, indicators),
        (rows.service, services),
        (rows.label, labels),
    ):
        if rest is not None:
            rest *= size
        if column is not None and size > 1:
            if rest is None:
                rest = column[keep].astype(np.min_scalar_type(width))
            else:
                rest += column[keep].astype(rest.dtype, copy=False)  # each value < size
    if rest is not None:
        key += rest
    return key  # type: ignore[no-any-return]


def _choose_rows(shape: _Shape, rows: _Rows) -> tuple[Any, list[int]]:
    """The rows to add up (a slice when all), and the units whose own rows were left out."""
    import numpy as np

    unit_parent = shape.unit_parent
    mask = None
    if (unit_parent < 0).any():
        mask = unit_parent[rows.unit] >= 0
    if rows.inside is not None:
        mask = rows.inside if mask is None else mask & rows.inside
    keep: Any = slice(None) if mask is None else np.flatnonzero(mask)
    inner = shape.unit_self >= 0
    if not inner.any():  # no unit with reports has units below it
        return keep, []
    counted = np.zeros(rows.unit.size, dtype=bool)
    counted[keep] = True
    candidates = np.flatnonzero(counted & inner[rows.unit])
    above = _sum_up(shape, rows, keep, [])[0]
    own = _row_keys(shape, rows, candidates, own=True)
    dropped = candidates[np.isin(own, above)]
    if not dropped.size:
        return keep, []
    counted[dropped] = False
    return np.flatnonzero(counted), np.unique(rows.unit[dropped]).tolist()


def _sum_up(
    shape: _Shape,
    rows: _Rows,
    keep: Any,
    columns: list[NDArray[Any] | None],
    *,
    pooled: bool = False,
) -> list[NDArray[np.int64]]:
    """Sum *columns* of the kept rows into every ancestor: [keys, *sums].

    One ``bincount`` pass takes the rows to their parents; the (small) parent sums then
    move up one level at a time, and each node adds what reached it at every depth.
    ``None`` in *columns* counts rows. *pooled*: the columns are the rows' numerator and
    denominator, summed together (`Groups.sum_pair`).
    """
    import numpy as np

    space = int(np.prod(shape.sizes))
    groups = Groups(_row_keys(shape, rows, keep), space)
    if pooled and rows.bounds is not None:
        first = list(groups.sum_pair(rows.numerator[keep], rows.denominator[keep], rows.bounds))
    else:
        first = [
            groups.sum(c[keep]) if c is not None else groups.sizes.astype(np.int64) for c in columns
        ]
    level = [groups.keys, *first]
    found = [level]
    while level[0].size:
        node, *others = decode(level[0], shape.sizes)
        higher = np.flatnonzero(shape.parent[node] >= 0)
        groups = Groups(
            compose([shape.parent[node][higher], *(o[higher] for o in others)], shape.sizes),
            space,
        )
        level = [groups.keys, *(groups.sum(c[higher]) for c in level[1:])]
        found.append(level)
    if len(found) <= 2:
        return found[0]
    joined = [np.concatenate([f[i] for f in found]) for i in range(len(found[0]))]
    groups = Groups(joined[0], space)
    return [groups.keys, *(groups.sum(c) for c in joined[1:])]


@attrs.frozen(kw_only=True)
class _Fine:
    """Pooled sums at every node, by indicator, service and reporting period."""

    hierarchy: Hierarchy | None
    sizes: tuple[int, int, int, int]
    keys: NDArray[np.int64]
    numerator: NDArray[np.int64]
    denominator: NDArray[np.int64]


def _fine(
    plan: Plan, obs: Observations, tree: Hierarchy, hierarchy: Hierarchy | None
) -> _Fine | None:
    """The detailed sums, kept on the store: any coarser question is a small step from them.

    None when a unit with units below it reports (which of its own counts are left out
    then depends on the period asked), or when there are about as many detailed sums as
    rows (then each question goes to the rows itself).
    """
    # The kept value holds *hierarchy*, so its id stays its own while the key lives.
    key = ("fine", id(hierarchy))
    return obs.derived(key, lambda: (hierarchy, _fine_sums(plan, obs, tree, hierarchy)))[1]


def _fine_sums(
    plan: Plan, obs: Observations, tree: Hierarchy, hierarchy: Hierarchy | None
) -> _Fine | None:
    import numpy as np

    shape = _Shape.of(plan, obs, tree, period=None, as_of=None, by_service=True)
    if (shape.unit_self >= 0).any():
        return None
    rows = _Rows(
        unit=obs.unit_codes,
        indicator=obs.indicator_codes,
        service=obs.service_codes,
        label=obs.period_codes,
        numerator=obs.numerator,
        denominator=obs.denominator,
        bounds=(obs.numerator_total, obs.denominator_total),
    )
    if int(np.prod(shape.sizes)) * 4 > max(len(obs), 1024):
        return None
    keep, _ = _choose_rows(shape, rows)
    keys, numerator, denominator = _sum_up(
        shape, rows, keep, [obs.numerator, obs.denominator], pooled=True
    )
    return _Fine(
        hierarchy=hierarchy,
        sizes=shape.sizes,
        keys=keys,
        numerator=numerator,
        denominator=denominator,
    )


def _coarsen(fine: _Fine, shape: _Shape, inside: list[int]) -> list[NDArray[np.int64]]:
    """The detailed sums grouped as *shape* asks: periods combined, services pooled."""
    import numpy as np

    node, ind, svc, per = decode(fine.keys, fine.sizes)
    label = np.asarray(inside, dtype=np.int64)[per] if shape.combining else per
    chosen = np.flatnonzero(label >= 0)
    service = svc[chosen] if shape.by_service else np.zeros(chosen.size, dtype=np.int64)
    key = compose([node[chosen], ind[chosen], service, label[chosen]], shape.sizes)
    groups = Groups(key, int(np.prod(shape.sizes)))
    return [
        groups.keys,
        groups.sum(fine.numerator[chosen]),
        groups.sum(fine.denominator[chosen]),
    ]


def _check_flow_overlaps(obs: Observations, inside: list[int]) -> None:
    """Flows of overlapping reporting periods ("202401", "2024Q1") would count twice."""
    from .reporting import ReportingPeriod

    windows = [
        ReportingPeriod.from_id(p) for p, n in zip(obs.periods, inside, strict=True) if n >= 0
    ]
    if not any(
        a.start <= b.end and b.start <= a.end
        for i, a in enumerate(windows)
        for b in windows[i + 1 :]
    ):
        return  # no two periods overlap: nothing to look for row by row
    import numpy as np

    rows = np.flatnonzero((np.asarray(inside) >= 0)[obs.period_codes])
    sizes = (len(obs.indicators) or 1, len(obs.units) or 1, len(obs.services) or 1)
    key = compose([obs.indicator_codes[rows], obs.unit_codes[rows], obs.service_codes[rows]], sizes)
    check_overlaps(obs, key, obs.period_codes[rows])


def _details(result: RollUp) -> dict[str, Any]:
    """Units, units with data, units meeting their target, means: per row of *result*."""
    import numpy as np

    plan, obs, tree = result.plan, result.observations, result.hierarchy
    shape = _Shape.of(
        plan, obs, tree, period=result.period, as_of=result.as_of, by_service=result.by_service
    )
    rows = _unit_rows(shape, obs, plan)
    keep, _ = _choose_rows(shape, rows)
    indicators = [next((i for i in plan.indicators if i.id == key), None) for key in obs.indicators]
    counted = np.asarray([i is not None and i.unit is Unit.COUNT for i in indicators])
    has_data = (rows.denominator > 0) | counted[rows.indicator]
    columns: list[NDArray[Any] | None] = [None, has_data, _met(tree, rows, indicators, obs)]
    final = _sum_up(shape, rows, keep, columns)
    if not np.array_equal(final[0], result.key):  # the same rows, grouped the same way
        raise ModelValueError("roll-up details do not line up with the pooled counts")
    selected = np.zeros(rows.unit.size, dtype=bool)
    selected[keep] = True
    return {
        "units": final[1],
        "units_with_data": final[2],
        "units_met": final[3],
        "means": _means(shape, tree, rows, indicators, selected=selected, keys=result.key, obs=obs),
    }


def _met(
    tree: Hierarchy, rows: _Rows, indicators: list[Any], obs: Observations
) -> NDArray[np.bool_]:
    """Per unit row, whether it meets its own target (for share-of-units indicators)."""
    import numpy as np

    met = np.zeros(rows.unit.size, dtype=bool)
    share = [i is not None and i.aggregation is Aggregation.SHARE_MET for i in indicators]
    if not any(share):
        return met
    pair = rows.indicator.astype(np.int64) * len(obs.units) + rows.unit
    pairs, inverse = np.unique(pair, return_inverse=True)
    targets: dict[tuple[Target, Fraction | None, Unit], list[int]] = {}
    for n, value in enumerate(pairs.tolist()):
        indicator = indicators[value // len(obs.units)]
        if indicator is None or not share[value // len(obs.units)]:
            continue
        node = tree.node(obs.units[value % len(obs.units)])
        target, _, baseline = applicable_target(indicator, node)
        if target is not None:
            targets.setdefault((target, baseline, indicator.unit), []).append(n)
    for (target, baseline, unit), members in targets.items():
        chosen = np.flatnonzero(np.isin(inverse, members))
        met[chosen] = _meets(
            rows.numerator[chosen], rows.denominator[chosen], target, baseline, unit
        )
    return met


def _meets(
    num: NDArray[np.int64],
    den: NDArray[np.int64],
    target: Target,
    baseline: Fraction | None,
    unit: Unit,
) -> NDArray[np.bool_]:
    """Vectorised `Target.met_by` in integers: value (100·n/d, or n) against p/q."""
    import numpy as np

    value = target.threshold(baseline)
    p, q = value.numerator, value.denominator
    big = max(int(num.max(initial=0)), int(den.max(initial=0)), 1) * 100 * max(abs(p), q)
    kind = np.int64 if big < 2**62 else object
    left = num.astype(kind) * q * (100 if unit is Unit.PERCENT else 1)
    right = den.astype(kind) * p if unit is Unit.PERCENT else np.full(num.shape, p, dtype=kind)
    compare = {
        Comparator.GT: np.greater,
        Comparator.GE: np.greater_equal,
        Comparator.EQ: np.equal,
        Comparator.LE: np.less_equal,
        Comparator.LT: np.less,
        Comparator.MAINTAIN: np.greater_equal,
    }[target.comparator]
    has_data = den > 0 if unit is Unit.PERCENT else np.ones(num.shape, dtype=bool)
    met: NDArray[np.bool_] = np.asarray(compare(left, right), dtype=bool)
    return met & has_data


def _means(
    shape: _Shape,
    tree: Hierarchy,
    rows: _Rows,
    indicators: list[Any],
    *,
    selected: NDArray[np.bool_],
    keys: NDArray[np.int64],
    obs: Observations,
) -> dict[int, Fraction]:
    """Row → exact unweighted mean of the unit ratios below (mean indicators only)."""
    import numpy as np

    mean = [i is not None and i.aggregation is Aggregation.MEAN for i in indicators]
    if not any(mean):
        return {}
    _, _, services, labels = shape.sizes
    width = len(obs.indicators) * services * labels
    code = {key: n for n, key in enumerate(shape.keys)}
    ancestors = {u: [code[a] for a in tree.ancestors(key)] for u, key in enumerate(obs.units)}
    sums: dict[int, list[Any]] = {}
    chosen = np.asarray(mean)[rows.indicator] & (rows.denominator > 0) & selected
    service = rows.service if rows.service is not None else np.zeros_like(rows.unit)
    label = rows.label if rows.label is not None else np.zeros_like(rows.unit)
    for row in np.flatnonzero(chosen).tolist():
        ratio = Fraction(int(rows.numerator[row]), int(rows.denominator[row]))
        rest = (int(rows.indicator[row]) * services + int(service[row])) * labels
        rest += int(label[row])
        for node in ancestors[int(rows.unit[row])]:
            total = sums.setdefault(node * width + rest, [Fraction(0), 0])
            total[0] += ratio
            total[1] += 1
    index = {k: n for n, k in enumerate(keys.tolist())}
    return {index[k]: total / n for k, (total, n) in sums.items() if k in index}
