"""The roll-up's engine: the tree as arrays, rows keyed at their parents, grouped sums.

`rollup.roll_up` drives it; `details` adds units, shares and means per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from .._columns import Groups, check_overlaps, compose, decode, period_labels, unit_counts
from .._hierarchy import Hierarchy
from ..plan import Plan

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from ..observations import Observations


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
    from ..reporting import ReportingPeriod

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
