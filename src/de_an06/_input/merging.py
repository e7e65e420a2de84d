"""The last steps of reading: duplicate rows (an error, or added up) and the store's fields.

`assemble` runs every check of a `Checker` (see `checker`), then `unique` and `store`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .cells import INT64_MAX
from .checker import Checker, Coded, Duplicates
from .csv_file import DIMENSIONS
from .origins import Origins

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["assemble", "store", "unique"]


def assemble(
    check: Checker,
    columns: Mapping[str, Any],
    defaults: Mapping[str, str | None],
    duplicates: Duplicates,
) -> dict[str, Any]:
    """Check *columns*; the store's fields, or every problem found raised at once."""
    if duplicates not in ("error", "sum"):
        check.add(None, "", duplicates, "duplicates must be 'error' or 'sum'")
    for required in ("unit", "numerator", "denominator"):
        if required not in columns:
            check.missing_column(required)
    if "indicator" not in columns and "service" not in columns and not defaults.get("indicator"):
        check.missing_column("indicator")
    if "period" not in columns and not defaults.get("period"):
        check.missing_column("period")
    check.raise_problems()
    check.size = _row_count(columns)
    # The columns the store keeps are made first; the checks' temporary arrays after them
    # are then returned to the system when freed, and a store holds little more than
    # its columns.
    check.numerator = check.counts("numerator", columns["numerator"])
    check.denominator = check.counts("denominator", columns["denominator"])
    check.connected = check.flags(columns.get("connected"))
    for d in DIMENSIONS:
        check.codes[d], check.tables[d] = check.dimension(
            d, columns.get(d, ""), defaults.get(d) or ""
        )
    check.raise_problems()
    check.shares()  # before any duplicates are added up: each row is a share
    unique(check, sum_duplicates=duplicates == "sum")
    check.raise_problems()
    return store(check)


def _row_count(columns: Mapping[str, Any]) -> int:
    for column in columns.values():
        if isinstance(column, Coded):
            return len(column.codes)
        if not isinstance(column, str):
            return len(column)
    return 0


def unique(check: Checker, *, sum_duplicates: bool) -> None:
    """Rows unique per (indicator, unit, period, service): an error, or summed."""
    import numpy as np

    key = np.zeros(check.size, dtype=np.int64)
    for d in DIMENSIONS:
        key *= len(check.tables[d])
        key += check.codes[d]
    space = math.prod(len(check.tables[d]) for d in DIMENSIONS)
    if space <= max(4 * check.size, 2**20):  # dense keys: mark each one seen
        seen = np.zeros(space, dtype=bool)
        seen[key] = True
        if int(np.count_nonzero(seen)) == check.size:
            return
    elif np.unique(key).size == check.size:
        return
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    first = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    if not sum_duplicates:
        group_start = np.repeat(first, np.diff(np.r_[first, check.size]))
        for i in np.flatnonzero(group_start != np.arange(check.size)).tolist():
            row, original = int(order[i]), int(order[group_start[i]])
            check.add(
                row,
                "unit",
                check._describe(row),
                f"duplicate of line {check.line(original)} (same indicator, unit, "
                "period and service); to add them up: --duplicates sum "
                "(duplicates='sum' in Python)",
            )
        return
    sums = []
    for counts, column in ((check.numerator, "numerator"), (check.denominator, "denominator")):
        total = np.add.reduceat(counts[order].astype(object), first)  # exact Python ints
        for g in np.flatnonzero(total > INT64_MAX)[:1000].tolist():
            check.add(
                int(order[first[g]]),
                column,
                total[g],
                f"the duplicates add up beyond the int64 range (at most {INT64_MAX})",
            )
        sums.append(np.where(total > INT64_MAX, 0, total).astype(np.int64))
    flags = check.connected[order]
    given_max = np.maximum.reduceat(flags, first)
    given_min = np.minimum.reduceat(np.where(flags < 0, 2, flags), first)
    for g in np.flatnonzero((given_min == 0) & (given_max == 1)).tolist():
        row = int(order[first[g]])
        check.add(
            row,
            "connected",
            check._describe(row),
            "duplicates disagree on whether the service is connected",
        )
    rows = order[first]
    ends = np.r_[first[1:], check.size]
    check.merged = {
        g: order[a + 1 : b].tolist() for g, (a, b) in enumerate(zip(first, ends, strict=True))
    }
    check.merged = {g: more for g, more in check.merged.items() if more}
    check.kept = rows
    check.codes = {d: c[rows] for d, c in check.codes.items()}
    check.numerator, check.denominator = sums
    check.connected = given_max


def store(check: Checker) -> dict[str, Any]:
    """The `Observations` fields."""
    import numpy as np

    tables = check.tables
    return {
        "source": check.source,
        "plan_id": check.plan.id,
        "hierarchy": check.units,
        "indicators": tables["indicator"],
        "units": tables["unit"],
        "periods": tables["period"],
        "services": tables["service"],
        "indicator_codes": _frozen(check.codes["indicator"]),
        "unit_codes": _frozen(check.codes["unit"]),
        "period_codes": _frozen(check.codes["period"]),
        "service_codes": _frozen(check.codes["service"]),
        "numerator": _frozen(np.ascontiguousarray(check.numerator, dtype=np.int64)),
        "denominator": _frozen(np.ascontiguousarray(check.denominator, dtype=np.int64)),
        "connected": _frozen(np.ascontiguousarray(check.connected, dtype=np.int8)),
        "numerator_total": _total(check.numerator),
        "denominator_total": _total(check.denominator),
        "origins": _origins(check),
    }


def _origins(check: Checker) -> Origins | None:
    """Each stored row's file and line, for rows read from files (else None)."""
    import numpy as np

    if check.lines is None:
        return None
    names = list(check.row_sources) or [check.source] * len(check.lines)
    files = tuple(dict.fromkeys(names))
    index = {name: code for code, name in enumerate(files)}
    file_codes = np.fromiter((index[n] for n in names), dtype=np.uint16, count=len(names))
    lines = np.asarray(check.lines, dtype=np.uint32)
    kept = check.kept
    more = {}
    if kept is not None:
        for g, rows in check.merged.items():
            more[g] = tuple((int(file_codes[r]), int(lines[r])) for r in rows)
        file_codes, lines = file_codes[kept], lines[kept]
    return Origins(files=files, file_codes=_frozen(file_codes), lines=_frozen(lines), more=more)


def _total(counts: NDArray[np.int64]) -> int:
    """The exact sum of non-negative int64 counts (in int64 chunks that cannot overflow)."""
    if not counts.size:
        return 0
    chunk = max(1, INT64_MAX // max(int(counts.max()), 1))
    return sum(int(counts[i : i + chunk].sum()) for i in range(0, counts.size, chunk))


def _frozen(array: NDArray[Any]) -> NDArray[Any]:
    array.setflags(write=False)
    return array
