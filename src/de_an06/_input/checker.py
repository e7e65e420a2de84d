"""Reading observations: CSV shapes, header names, and every check with its line.

`Checker` checks columns against a plan and collects each problem with its source, line,
column and value; `merging.assemble` runs every check and returns the store's fields, or
raises one `ObservationDataError` listing everything found.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, final

import attrs

from .._hierarchy import Hierarchy
from .._text import fold, nfc
from ..errors import MAX_PROBLEMS, ObservationDataError, ObservationProblem
from ..indicator import Unit
from ..plan import Plan
from ..reporting import ReportingPeriod
from .cells import INT64_MAX, connected_value, count_value, period_of
from .csv_file import (
    _HEADERS,
    _ROMAN,
    CSV_MAX_BYTES,
    DIMENSIONS,
    MAX_ROWS,
    column_of,
    problem,
    read_csv,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "CSV_MAX_BYTES",
    "DIMENSIONS",
    "MAX_ROWS",
    "Checker",
    "Coded",
    "Duplicates",
    "column_of",
    "connected_value",
    "count_value",
    "period_of",
    "problem",
    "read_csv",
]

Duplicates = Literal["error", "sum"]
"""What to do with two rows for the same indicator, unit, period and service."""


@final
@attrs.frozen
class Coded:
    """A column given as integer codes into labels (pandas categoricals map onto this).

    >>> Coded([0, 1, 0], ["202401", "202402"]).labels
    ('202401', '202402')
    """

    codes: Any = attrs.field()
    labels: tuple[str, ...] = attrs.field(converter=tuple)


class Checker:
    """Checks columns against a plan, collecting every problem with its line."""

    def __init__(  # noqa: PLR0917  # four callers, all in observations.py
        self,
        source: str,
        plan: Plan,
        hierarchy: Hierarchy | None,
        header: Mapping[str, str],
        lines: Sequence[int] | None,
        problems: list[ObservationProblem],
    ) -> None:
        self.source, self.plan = source, plan
        self.row_sources: Sequence[str] = ()  # per row, its file (files read together)
        self.units = Hierarchy.from_plan(plan)
        if hierarchy is not None:
            self.units = self.units.merged(hierarchy)
        self.header, self.lines, self.problems = header, lines, problems
        self.more = 0  # problems past MAX_PROBLEMS, counted, not kept
        self.size = 0
        self.codes: dict[str, NDArray[Any]] = {}
        self.tables: dict[str, tuple[str, ...]] = {}
        self.numerator: NDArray[np.int64]
        self.denominator: NDArray[np.int64]
        self.connected: NDArray[np.int8]
        self.kept: NDArray[np.intp] | None = None  # rows kept when duplicates are summed
        self.merged: dict[int, list[int]] = {}  # kept row -> the rows added into it

    def line(self, row: int) -> int:
        return row + 1 if self.lines is None else self.lines[row]

    def add(self, row: int | None, column: str, value: object, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:  # 10M bad rows must not hold 10M problems
            self.more += 1
            return
        line = None if row is None else self.line(row)
        self.problems.append(
            problem(
                self.source if row is None or not self.row_sources else self.row_sources[row],
                line,
                self.header.get(column, column),
                value,
                message,
            )
        )

    def raise_problems(self) -> None:
        if self.problems:
            raise ObservationDataError(self.source, self.problems, more=self.more)

    def missing_column(self, column: str) -> None:
        names = ", ".join(repr(n) for n in _HEADERS[column][:3])
        message = f"no {column} column (write one of {names})"
        if column == "period":
            message += ", or give the file's period (--file-period)"
        self.problems.append(problem(self.source, 1 if self.lines else None, "", None, message))

    # Labels: indicator IDs, unit names, period IDs, services.

    def dimension(
        self, dimension: str, column: object, default: str
    ) -> tuple[NDArray[Any], tuple[str, ...]]:
        """Per-row codes into a table of resolved labels; unresolved labels are problems."""
        import numpy as np

        if isinstance(column, Coded):
            codes = np.asarray(column.codes)
            if codes.dtype.kind not in "iu":
                codes = codes.astype(np.int64)
            raw = [nfc(str(label)).strip() or default for label in column.labels] or [default]
            if codes.size and (int(codes.min()) < 0 or int(codes.max()) >= len(raw)):
                bad = (codes < 0) | (codes >= len(raw))
                for row in np.flatnonzero(bad)[:1000].tolist():
                    self.add(row, dimension, int(codes[row]), "code outside the label table")
                codes = np.where(bad, 0, codes)
        elif isinstance(column, str):
            codes = np.zeros(self.size, dtype=np.uint8)
            raw = [nfc(column).strip() or default]
        else:
            index: dict[str, int] = {}
            values: list[int] = []
            for row, value in enumerate(_values(column)):
                text = ""
                if isinstance(value, str):
                    text = nfc(value).strip()
                elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
                    if abs(int(value)) < 10**18:  # a period written as a number: 202401
                        text = str(int(value))
                    else:
                        self.add(row, dimension, value, "expected text")
                elif value is not None and not (isinstance(value, float) and math.isnan(value)):
                    self.add(row, dimension, value, "expected text")
                values.append(index.setdefault(text or default, len(index)))
            codes = np.asarray(values, dtype=np.int64)
            raw = list(index) or [default]
        table: dict[str, int] = {}
        remap = np.zeros(len(raw), dtype=np.int64)
        for code, label in enumerate(raw):
            result = self._resolve(dimension, label)
            if isinstance(result, str):
                remap[code] = table.setdefault(result, len(table))
                continue
            rows = np.flatnonzero(codes == code)
            if rows.size:
                self._labelproblem(dimension, label, result[0], rows)
        dtype = _code_type(len(table))
        if np.array_equal(remap, np.arange(len(raw))):  # labels already distinct: no lookup
            return codes.astype(dtype), tuple(table)
        return remap.astype(dtype)[codes], tuple(table)

    def _labelproblem(
        self, dimension: str, label: str, message: str, rows: NDArray[np.intp]
    ) -> None:
        more = rows.size - 1
        if more:
            shown = ", ".join(str(self.line(r)) for r in rows[1:6].tolist())
            message += f"; also on line{'s' if more > 1 else ''} {shown}"
            message += f" and {more - 5} more" if more > 5 else ""
        self.add(int(rows[0]), dimension, label, message)

    def _resolve(self, dimension: str, label: str) -> str | tuple[str]:
        """The stored label for *label*, or a one-tuple holding the problem's message."""
        if dimension == "indicator":
            return self._indicator(label)
        if dimension == "service":
            return self._service(label)
        if not label:
            return (f"missing {dimension}",)
        if dimension == "period":
            period = period_of(label)
            return period.id if isinstance(period, ReportingPeriod) else (period,)
        nodes = self.units.lookup(label)
        if len(nodes) == 1:
            return nodes[0].key
        if nodes:
            return (
                "ambiguous unit; it matches " + "; ".join(f"{n.name} ({n.key})" for n in nodes),
            )
        close = self.units.suggest(label)
        hint = f"; did you mean {' or '.join(repr(n.name) for n in close)}?" if close else ""
        return (f"no unit of plan {self.plan.id!r} has this name{hint}",)

    def _indicator(self, label: str) -> str | tuple[str]:
        if not label:
            return ""
        by_id = {i.id: i for i in self.plan.indicators}
        found = by_id.get(label) or next(
            (i for i in self.plan.indicators if fold(i.id) == fold(label)), None
        )
        if found is None:
            known = ", ".join(by_id) or "none"
            return (f"no indicator with this ID in plan {self.plan.id!r} (known: {known})",)
        if found.qualitative:
            return ("a qualitative indicator has no counts",)
        return found.id

    def _service(self, label: str) -> str | tuple[str]:
        """The annex service "I.1" / "II.13.1" that *label* names (by number or name)."""
        if not label or self.plan.annex is None:
            return label
        section, _, number = label.replace(",", ".").rstrip(".").partition(".")
        if not _ROMAN.fullmatch(section):
            section, number = "", label.replace(",", ".").rstrip(".")
        found = {
            f"{sec.number}.{service.number}"
            for sec, service in self.plan.annex.leaves()
            if (not section or sec.number == section)
            and (
                number in (service.number, service.number_text) or fold(label) == fold(service.name)
            )
        }
        if len(found) == 1:
            return found.pop()
        if found:
            return (f"ambiguous service; write one of {', '.join(sorted(found))}",)
        return ("no service of the plan's annex has this number or name",)

    # Counts and flags.

    def counts(self, column: str, values: Any) -> NDArray[np.int64]:
        """int64 counts; a negative, fractional, missing or too large value is a problem."""
        import numpy as np

        if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
            for row in np.flatnonzero(values < 0)[:1000].tolist():
                self.add(row, column, int(values[row]), "negative count")
            too_large = np.flatnonzero(values > INT64_MAX) if values.dtype.kind == "u" else ()
            for row in list(too_large)[:1000]:
                self.add(
                    int(row),
                    column,
                    int(values[row]),
                    f"beyond the int64 range (at most {INT64_MAX})",
                )
            return values.astype(np.int64)  # a copy: the store's columns are its own
        out = np.zeros(self.size, dtype=np.int64)
        for row, value in enumerate(_values(values)):
            number = count_value(value)
            if isinstance(number, str):
                self.add(row, column, value, number)
            else:
                out[row] = number
        return out

    def flags(self, values: Any) -> NDArray[np.int8]:
        import numpy as np

        out = np.full(self.size, -1, dtype=np.int8)
        for row, value in enumerate(_values(values) if values is not None else ()):
            flag = connected_value(value)
            if isinstance(flag, str):
                self.add(row, "connected", value, flag)
            else:
                out[row] = flag
        return out

    def shares(self) -> None:
        """A share cannot pass 100%; a row needs an indicator or a service."""
        import numpy as np

        codes, tables = self.codes, self.tables
        units = {i.id: i.own_unit for i in self.plan.indicators}
        share = np.array(  # dtype: an empty table (no rows) is still a boolean array
            [units.get(i, Unit.PERCENT) is Unit.PERCENT for i in tables["indicator"]], dtype=bool
        )
        over = share[codes["indicator"]] & (self.numerator > self.denominator)
        for row in np.flatnonzero(over)[:1000].tolist():
            self.add(
                row,
                "numerator",
                int(self.numerator[row]),
                f"numerator exceeds the denominator {int(self.denominator[row])} "
                "(a share cannot pass 100%)",
            )
        no_indicator = np.array([not i for i in tables["indicator"]], dtype=bool)
        no_service = np.array([not s for s in tables["service"]], dtype=bool)
        no_indicator, no_service = no_indicator[codes["indicator"]], no_service[codes["service"]]
        for row in np.flatnonzero(no_indicator & no_service)[:1000].tolist():
            self.add(row, "indicator", "", "missing indicator (needed when there is no service)")

    def _describe(self, row: int) -> str:
        labels = (self.tables[d][int(self.codes[d][row])] for d in DIMENSIONS)
        return "/".join(label for label in labels if label)


def _values(column: Any) -> list[Any]:
    """A column's values as Python objects (numpy arrays and Series convert at C speed)."""
    if hasattr(column, "tolist"):
        return column.tolist()  # type: ignore[no-any-return]
    return list(column)


def _code_type(size: int) -> type[np.unsignedinteger[Any]]:
    """The smallest unsigned type that numbers *size* labels."""
    import numpy as np

    return np.uint8 if size <= 2**8 else np.uint16 if size <= 2**16 else np.uint32
