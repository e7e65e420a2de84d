"""Per-row details of a roll-up: units combined, units with data, units meeting, means.

Computed on first use from each unit's counts (`tree`), grouped exactly as the
pooled counts are.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .._hierarchy import Hierarchy
from ..achievement import applicable_target
from ..errors import ModelValueError
from ..indicator import Aggregation, Comparator, Indicator, MeasureKind, Target, Unit
from ..plan import Plan
from .tree import _choose_rows, _Rows, _Shape, _sum_up, _unit_rows

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from ..observations import Observations


def _details(
    plan: Plan,
    obs: Observations,
    tree: Hierarchy,
    *,
    period: str | None,
    as_of: date | None,
    by_service: bool,
    keys: NDArray[np.int64],
) -> dict[str, Any]:
    """Units, units with data, units meeting their target, means: per row of a roll-up.

    *keys* are the roll-up's composite row keys; the details are grouped the same way.
    """
    import numpy as np

    shape = _Shape.of(plan, obs, tree, period=period, as_of=as_of, by_service=by_service)
    rows = _unit_rows(shape, obs, plan)
    keep, _ = _choose_rows(shape, rows)
    indicators = [next((i for i in plan.indicators if i.id == key), None) for key in obs.indicators]
    counted = np.asarray([i is not None and i.own_unit is Unit.COUNT for i in indicators])
    has_data = (rows.denominator > 0) | counted[rows.indicator]
    columns: list[NDArray[Any] | None] = [None, has_data, _met(tree, rows, indicators, obs)]
    final = _sum_up(shape, rows, keep, columns)
    if not np.array_equal(final[0], keys):  # the same rows, grouped the same way
        raise ModelValueError("roll-up details do not line up with the pooled counts")
    selected = np.zeros(rows.unit.size, dtype=bool)
    selected[keep] = True
    return {
        "units": final[1],
        "units_with_data": final[2],
        "units_met": final[3],
        "means": _means(shape, tree, rows, indicators, selected=selected, keys=keys, obs=obs),
        "reporters": _reporters(shape, tree, rows, selected & has_data, keys=keys, obs=obs),
    }


def shares_units(indicator: Indicator) -> bool:
    """Whether *indicator* rolls up as units meeting a condition over units expected."""
    return (
        indicator.kind is MeasureKind.UNITS_MEETING
        or indicator.aggregation is Aggregation.SHARE_MET
    )


def _reporters(
    shape: _Shape,
    tree: Hierarchy,
    rows: _Rows,
    chosen: NDArray[np.bool_],
    *,
    keys: NDArray[np.int64],
    obs: Observations,
) -> dict[int, list[str]]:
    """Row of the roll-up → keys of the units below whose data it holds (for coverage)."""
    import numpy as np

    _, indicators, services, labels = shape.sizes
    width = indicators * services * labels
    code = {key: n for n, key in enumerate(shape.keys)}
    ancestors = {u: [code[a] for a in tree.ancestors(key)] for u, key in enumerate(obs.units)}
    index = {k: n for n, k in enumerate(keys.tolist())}
    service = rows.service if rows.service is not None else np.zeros_like(rows.unit)
    label = rows.label if rows.label is not None else np.zeros_like(rows.unit)
    out: dict[int, list[str]] = {}
    found = np.flatnonzero(chosen)
    parts = zip(
        rows.unit[found].tolist(),
        rows.indicator[found].tolist(),
        service[found].tolist(),
        label[found].tolist(),
        strict=True,
    )
    for unit, ind, svc, lab in parts:
        rest = (ind * services + svc) * labels + lab
        for node in ancestors[unit]:
            row = index.get(node * width + rest)
            if row is not None:
                out.setdefault(row, []).append(obs.units[unit])
    return out


def _met(
    tree: Hierarchy, rows: _Rows, indicators: list[Any], obs: Observations
) -> NDArray[np.bool_]:
    """Per unit row, whether it meets its own target (for share-of-units indicators)."""
    import numpy as np

    met = np.zeros(rows.unit.size, dtype=bool)
    share = [i is not None and shares_units(i) for i in indicators]
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
            targets.setdefault((target, baseline, indicator.own_unit), []).append(n)
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
