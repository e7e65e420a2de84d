"""The columnar engine under evaluation and roll-up: grouped exact sums, periods combined.

Rows are grouped by one int64 composite key (``((a·B + b)·C + c)…``): with numpy
``bincount`` into dense slots when the key space is small, else by ``unique``. Sums are
exact int64; `Fraction`s are made later, and only for the results asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, final

import attrs

from ._files import INT64_MAX
from .errors import ObservationDataError, ObservationProblem
from .indicator import Indicator, Measure
from .reporting import Frequency, ReportingPeriod

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from .observations import Observations

__all__ = [
    "Groups",
    "UnitCounts",
    "check_overlaps",
    "compose",
    "decode",
    "period_labels",
    "period_ranks",
    "unit_counts",
]

_SUMS = "<sums of counts>"  # the source of a sum's error until `names_source` names the file
P = ParamSpec("P")
R = TypeVar("R")
_EXACT_FLOAT = 2**53  # float64 sums of integers are exact below this


def names_source(func: Callable[P, R]) -> Callable[P, R]:
    """Let errors about sums of counts in *func* (plan, observations, …) name the
    observations' source (their file) instead of a placeholder."""

    @functools.wraps(func)
    def named(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ObservationDataError as exc:
            if exc.source != _SUMS:
                raise
            obs = kwargs.get("observations", args[1] if len(args) > 1 else None)
            source = getattr(obs, "source", _SUMS)
            problems = [attrs.evolve(p, source=source) for p in exc.problems]
            raise ObservationDataError(source, problems) from None

    return named


class Groups:
    """Rows grouped by an int64 key: dense ``bincount`` slots when the key space is small.

    Sums are exact int64: float ``bincount`` while every partial sum stays below 2**53,
    else integer ``add.at`` (and Python integers past int64, which is then an error).
    """

    def __init__(self, key: NDArray[np.int64], space: int) -> None:
        import numpy as np

        self.size = int(key.size)
        self._pick: NDArray[np.intp] | None
        if space <= max(4 * self.size, 2**20):
            counts = np.bincount(key, minlength=space)
            self.keys = np.flatnonzero(counts)
            self.sizes = counts[self.keys]
            self._slot, self._length, self._pick = key, space, self.keys
        else:
            self.keys, inverse, self.sizes = np.unique(key, return_inverse=True, return_counts=True)
            self._slot, self._length, self._pick = inverse, int(self.keys.size), None

    def _select(self, array: NDArray[Any]) -> NDArray[Any]:
        return array if self._pick is None else array[self._pick]

    def sum(self, values: NDArray[Any], bound: int | None = None) -> NDArray[np.int64]:
        """Exact per-group sums of non-negative integer *values*.

        *bound* is at least any sum (e.g. the column's total); it saves a pass.
        """
        import numpy as np

        if bound is None:
            bound = int(values.max()) * self.size if self.size else 0
        if bound < _EXACT_FLOAT:
            sums = np.bincount(self._slot, weights=values, minlength=self._length)
            return self._select(sums).astype(np.int64)
        exact = np.zeros(self._length, dtype=np.int64 if bound <= INT64_MAX else object)
        np.add.at(exact, self._slot, values.astype(exact.dtype))
        exact = self._select(exact)
        if exact.dtype == object and exact.size and exact.max() > INT64_MAX:
            problem = ObservationProblem(
                source=_SUMS,
                line=None,
                column="",
                value=int(exact.max()),
                message=f"a sum of counts passes the int64 range (at most {INT64_MAX})",
            )
            raise ObservationDataError(_SUMS, [problem])
        return exact.astype(np.int64)

    def sum_pair(
        self, first: NDArray[Any], second: NDArray[Any], bounds: tuple[int, int]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Exact per-group sums of two count columns, in one ``bincount`` when they fit.

        *bounds* are at least any sum of each column (their totals). Both columns travel
        in one float64 weight, ``second · 2**k + first`` with ``2**k`` above any sum of
        *first*: exact while ``bounds[1] · 2**k + bounds[0] < 2**53``. One pass over the
        rows instead of two saves a fifth of a roll-up's time.
        """
        import numpy as np

        shift = bounds[0].bit_length()
        if (bounds[1] << shift) + bounds[0] >= _EXACT_FLOAT:
            return self.sum(first, bounds[0]), self.sum(second, bounds[1])
        packed = np.multiply(second, float(1 << shift), dtype=np.float64)
        packed += first
        sums = np.bincount(self._slot, weights=packed, minlength=self._length)
        total = self._select(sums).astype(np.int64)
        return total & ((1 << shift) - 1), total >> shift

    def max(self, values: NDArray[Any]) -> NDArray[np.int64]:
        """Per-group maxima of non-negative integer *values*."""
        import numpy as np

        out = np.zeros(self._length, dtype=np.int64)
        np.maximum.at(out, self._slot, values)
        return self._select(out)


def decode(key: NDArray[np.int64], sizes: Sequence[int]) -> list[NDArray[np.int64]]:
    """Split composite keys built as ``((a * sizes[1] + b) * sizes[2] + c)…`` into columns."""
    parts = []
    for size in reversed(sizes[1:]):
        key, part = divmod(key, size)
        parts.append(part)
    parts.append(key)
    return parts[::-1]


def compose(columns: Sequence[NDArray[Any]], sizes: Sequence[int]) -> NDArray[np.int64]:
    """The composite int64 key of *columns* (inverse of `decode`)."""
    import numpy as np

    key = np.asarray(columns[0], dtype=np.int64).copy()
    for column, size in zip(columns[1:], sizes[1:], strict=True):
        if size > 1:
            key *= size
            key += column
    return key


@final
@attrs.frozen(kw_only=True, eq=False)
class UnitCounts:
    """Counts per indicator × unit × service × period, with reporting periods combined.

    Codes index the `Observations` tables, except ``label`` (into ``labels``, the period
    IDs results are reported for) and ``service`` (into ``services``).
    """

    observations: Observations
    labels: tuple[str, ...]
    services: tuple[str, ...]
    indicator: NDArray[Any]
    unit: NDArray[Any]
    service: NDArray[Any]
    label: NDArray[Any]
    through: NDArray[Any]
    numerator: NDArray[np.int64]
    denominator: NDArray[np.int64]

    def __len__(self) -> int:
        return int(self.numerator.size)


def period_ranks(periods: Sequence[str]) -> list[int]:
    """Each period's rank by cut-off (latest end last; on a tie, the later start)."""
    windows = [ReportingPeriod.from_id(p) for p in periods]
    order = sorted(range(len(periods)), key=lambda c: (windows[c].end, windows[c].start))
    ranks = [0] * len(periods)
    for rank, code in enumerate(order):
        ranks[code] = rank
    return ranks


def period_labels(
    periods: Sequence[str], period: str | None, as_of: date | None
) -> tuple[tuple[str, ...], list[int]]:
    """The result period(s) and, per reporting period, its result index (-1: left out)."""
    if period is None and as_of is None:
        return tuple(periods), list(range(len(periods)))
    if period is not None:
        outer = ReportingPeriod.from_id(period)
    else:
        assert as_of is not None
        # The NĐ 09 reporting year holding the day: 20/12/2024 is in 2025's.
        outer = ReportingPeriod.containing(as_of, Frequency.YEARLY)
    end = outer.end if as_of is None else min(outer.end, as_of)
    inside = []
    for text in periods:
        window = ReportingPeriod.from_id(text)
        inside.append(0 if outer.start <= window.start and window.end <= end else -1)
    return (outer.id,), inside


def unit_counts(
    observations: Observations,
    indicators: Sequence[Indicator],
    *,
    period: str | None = None,
    as_of: date | None = None,
    by_service: bool = True,
) -> UnitCounts:
    """Each unit's counts per indicator (× service) for the period asked, periods combined.

    Flows are summed over the periods inside; stocks take each unit's latest period.
    """
    import numpy as np

    obs = observations
    labels, inside = period_labels(obs.periods, period, as_of)
    rank_of = np.asarray(period_ranks(obs.periods), dtype=np.int64)
    if period is None and as_of is None:
        counts = UnitCounts(
            observations=obs,
            labels=labels,
            services=obs.services,
            indicator=obs.indicator_codes,
            unit=obs.unit_codes,
            service=obs.service_codes,
            label=obs.period_codes,
            through=obs.period_codes,
            numerator=obs.numerator,
            denominator=obs.denominator,
        )
    else:
        label_of = np.asarray(inside, dtype=np.int64)
        rows = np.flatnonzero(label_of[obs.period_codes] >= 0)
        measures = {i.id: i.measure for i in indicators}
        stock = np.array([measures.get(i) is Measure.STOCK for i in obs.indicators])
        sizes = (len(obs.indicators) or 1, len(obs.units) or 1, len(obs.services) or 1)
        key = compose(
            [obs.indicator_codes[rows], obs.unit_codes[rows], obs.service_codes[rows]], sizes
        )
        rank = rank_of[obs.period_codes[rows]]
        is_stock = stock[obs.indicator_codes[rows]]
        parts = []
        flow = np.flatnonzero(~is_stock)
        check_overlaps(obs, key[flow], obs.period_codes[rows[flow]])
        if flow.size:
            groups = Groups(key[flow], int(np.prod(sizes)))
            latest = groups.max(rank[flow])
            parts.append(
                (
                    groups.keys,
                    groups.sum(obs.numerator[rows[flow]]),
                    groups.sum(obs.denominator[rows[flow]]),
                    latest,
                )
            )
        picked = np.flatnonzero(is_stock)
        if picked.size:
            order = picked[np.lexsort((rank[picked], key[picked]))]
            last = np.r_[key[order][1:] != key[order][:-1], True]
            chosen = order[last]
            parts.append(
                (
                    key[chosen],
                    obs.numerator[rows[chosen]],
                    obs.denominator[rows[chosen]],
                    rank[chosen],
                )
            )
        empty = np.zeros(0, dtype=np.int64)
        keys, num, den, latest = (
            np.concatenate([p[i] for p in parts]) if parts else empty for i in range(4)
        )
        ind, unit, svc = decode(keys, sizes)
        code_of_rank = np.argsort(rank_of)
        counts = UnitCounts(
            observations=obs,
            labels=labels,
            services=obs.services,
            indicator=ind,
            unit=unit,
            service=svc,
            label=np.zeros(keys.size, dtype=np.int64),
            through=code_of_rank[latest],
            numerator=num,
            denominator=den,
        )
    if by_service or len(obs.services) == 1:
        return counts
    return _pool_services(counts, rank_of)


def _pool_services(counts: UnitCounts, rank_of: NDArray[np.int64]) -> UnitCounts:
    """The same counts summed over services."""
    import numpy as np

    obs = counts.observations
    sizes = (len(obs.indicators) or 1, len(obs.units) or 1, len(counts.labels) or 1)
    groups = Groups(
        compose([counts.indicator, counts.unit, counts.label], sizes), int(np.prod(sizes))
    )
    ind, unit, label = decode(groups.keys, sizes)
    latest = groups.max(rank_of[counts.through])
    return UnitCounts(
        observations=obs,
        labels=counts.labels,
        services=("",),
        indicator=ind,
        unit=unit,
        service=np.zeros(groups.keys.size, dtype=np.int64),
        label=label,
        through=np.argsort(rank_of)[latest],
        numerator=groups.sum(counts.numerator),
        denominator=groups.sum(counts.denominator),
    )


def check_overlaps(obs: Observations, key: NDArray[np.int64], periods: NDArray[Any]) -> None:
    """Two overlapping flow reports for one unit ("202401" and "2024Q1") would count twice."""
    import numpy as np

    present = np.flatnonzero(np.bincount(periods, minlength=len(obs.periods)))
    windows = [ReportingPeriod.from_id(obs.periods[c]) for c in present.tolist()]
    sizes = (len(obs.indicators) or 1, len(obs.units) or 1, len(obs.services) or 1)
    problems = []
    for i, (a, wa) in enumerate(zip(present.tolist(), windows, strict=True)):
        for b, wb in zip(present.tolist()[i + 1 :], windows[i + 1 :], strict=True):
            if not (wa.start <= wb.end and wb.start <= wa.end):
                continue
            both = np.intersect1d(key[periods == a], key[periods == b])
            if both.size:
                ind, unit, _ = decode(both[:1], sizes)
                what = (
                    f"indicator {obs.indicators[int(ind[0])]!r}, unit {obs.units[int(unit[0])]!r}"
                )
                more = f" and {both.size - 1} more" if both.size > 1 else ""
                problems.append(
                    ObservationProblem(
                        source=obs.source,
                        line=None,
                        column="period",
                        value=f"{wa.id} + {wb.id}",
                        message=f"overlapping reports of a flow would count twice ({what}{more})",
                    )
                )
    if problems:
        raise ObservationDataError(obs.source, problems)
