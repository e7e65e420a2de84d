"""Observed counts — a numerator and a denominator per indicator, unit and period — in columns.

An `Observations` store holds many count pairs as numpy columns: int64 counts and small
integer codes into lookup tables of indicator IDs, unit keys, period IDs and annex
services. There is no Python object per row (about 22 bytes per observation).

Two CSV shapes are read (UTF-8 with or without BOM, or UTF-16 with a BOM; headers are
matched ignoring case and diacritics):

* counts: ``indicator,unit,period,numerator,denominator`` (optional ``service``,
  ``connected``);
* the annex table as the plan prints it: ``STT`` (the service's number, "13,1" or
  "13.1", under the section heading row "I"/"II" that precedes it; or "II.13.1") or
  ``Tên thủ tục hành chính``, ``Đơn vị báo cáo`` (one reporting unit per
  row), ``Kết nối với cổng dịch vụ công quốc gia (tích x)`` ("x" = connected),
  ``Tổng số hồ sơ tiếp nhận`` (the denominator), ``Trực tuyến`` (the numerator), and a
  ``Kỳ báo cáo`` (period) column or a period given by the caller. ``Tỉ lệ`` and
  ``GHI CHÚ`` are recomputed / for people, and not read. Rows with neither count are the
  template's headings and unreported services, and are skipped.

Every problem is collected and raised at once in one `ObservationDataError` naming the
source, line, column and value.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast, final

import attrs

from ._files import read_text
from ._hierarchy import Hierarchy
from ._input import checker as _input
from ._input.checker import CSV_MAX_BYTES, MAX_ROWS, Coded, Duplicates
from ._input.merging import assemble
from ._input.origins import Origins
from .errors import ObservationDataError
from .plan import Plan

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Coded", "Duplicates", "Observations"]

_T = TypeVar("_T")


def _read_table(source: str, max_bytes: int) -> str:
    """A CSV file's text, or an ``.xlsx`` file's first sheet as CSV text."""

    def error(message: str, value: object, path: str = "$") -> ObservationDataError:
        return ObservationDataError(source, [_input.problem(source, None, "", value, message)])

    if source.lower().endswith(".xlsx"):
        from ._input.xlsx_file import xlsx_text

        return xlsx_text(source, error=error)
    return read_text(source, what="CSV file", max_bytes=max_bytes, error=error)


@final
@attrs.frozen(kw_only=True, eq=False)
class Observations:
    """Count pairs for (indicator, unit, period, service), held as numpy columns.

    Build one with `from_csv`, `from_records`, `from_dataframe` or `from_columns`; each
    checks every row against the plan and raises one `ObservationDataError` listing every
    problem. Rows are unique per (indicator, unit, period, service).

    Attributes:
        source: where the data came from (a file name), for messages.
        plan_id: the plan the names were resolved against.
        hierarchy: the units the names were resolved to.
        indicators: indicator IDs; ``""`` marks annex counts that measure no indicator.
        units: unit keys (`Node.key`).
        periods: period IDs (``202401``, ``2024Q1``, ``2024S1``, ``2024``).
        services: annex services as section and number ("I.1", "II.13.1"); ``""`` when
            a row has no service.
        indicator_codes, unit_codes, period_codes, service_codes: per row, the index
            into the tables above (small unsigned integers).
        numerator, denominator: per row, int64 counts.
        origins: per row, the file and line it was read from (files only; else None).
        connected: per row, int8: 1 connected to the national portal, 0 not, -1 not given.
        numerator_total, denominator_total: the columns' exact totals (they bound every
            partial sum, which tells the roll-up when float ``bincount`` sums are exact).
    """

    source: str
    plan_id: str
    hierarchy: Hierarchy = attrs.field(repr=False)
    indicators: tuple[str, ...]
    units: tuple[str, ...]
    periods: tuple[str, ...]
    services: tuple[str, ...]
    indicator_codes: NDArray[Any] = attrs.field(repr=False)
    unit_codes: NDArray[Any] = attrs.field(repr=False)
    period_codes: NDArray[Any] = attrs.field(repr=False)
    service_codes: NDArray[Any] = attrs.field(repr=False)
    numerator: NDArray[np.int64] = attrs.field(repr=False)
    denominator: NDArray[np.int64] = attrs.field(repr=False)
    connected: NDArray[np.int8] = attrs.field(repr=False)
    numerator_total: int = 0
    denominator_total: int = 0
    origins: Origins | None = attrs.field(default=None, repr=False)  # rows read from files
    # Results computed from the columns and reused (the roll-up's detailed sums): the
    # store never changes, so they never go stale.
    _cache: dict[object, Any] = attrs.field(factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return int(self.numerator.shape[0])

    def derived(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """The value *make* computes from the columns, computed once per *key* and kept.

        For the queries' own use (the roll-up keeps its detailed sums here): the store
        never changes, so a kept value never goes stale. *key* names what was computed
        and from what; a key holding ``id(x)`` must keep *x* alive in the value.
        """
        if key not in self._cache:
            self._cache[key] = make()
        return cast("_T", self._cache[key])

    @property
    def nbytes(self) -> int:
        """Bytes held by the columns (the lookup tables are tiny and not counted)."""
        return sum(a.nbytes for a in self._arrays())

    def _arrays(self) -> tuple[NDArray[Any], ...]:
        return (
            self.indicator_codes,
            self.unit_codes,
            self.period_codes,
            self.service_codes,
            self.numerator,
            self.denominator,
            self.connected,
        )

    # --- reading ---------------------------------------------------------------------

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        plan: Plan,
        *,
        hierarchy: Hierarchy | None = None,
        duplicates: Duplicates = "error",
        indicator: str | None = None,
        period: str | None = None,
        max_bytes: int = CSV_MAX_BYTES,
        max_rows: int = MAX_ROWS,
    ) -> Observations:
        """Read a CSV file of counts or an annex table (see the module docstring).

        *indicator* and *period* fill a column the file does not have (or an empty
        cell). *hierarchy* adds units the plan does not define (2025 communes). The
        file is UTF-8 (with or without BOM) or UTF-16 with a BOM, at most *max_bytes*
        (256 MiB) long with at most *max_rows* (10 million) rows; a field holds at most
        131,072 characters.

        Raises:
            ObservationDataError: every problem, with file name, line, column and value.
        """
        source = os.fspath(path)

        def error(message: str, value: object, path: str = "$") -> ObservationDataError:
            return ObservationDataError(source, [_input.problem(source, None, "", value, message)])

        text = read_text(path, what="CSV file", max_bytes=max_bytes, error=error)
        header, columns, lines, problems = _input.read_csv(text, source, max_rows=max_rows)
        defaults = {"indicator": indicator, "period": period}
        check = _input.Checker(source, plan, hierarchy, header, lines, problems)
        return cls(**assemble(check, columns, defaults, duplicates))

    @classmethod
    def from_files(
        cls,
        paths: Sequence[str | os.PathLike[str]],
        plan: Plan,
        *,
        hierarchy: Hierarchy | None = None,
        duplicates: Duplicates = "error",
        indicator: str | None = None,
        period: str | None = None,
        max_bytes: int = CSV_MAX_BYTES,
        max_rows: int = MAX_ROWS,
    ) -> Observations:
        """Read several files (one per district, say) as one store: CSV or ``.xlsx``.

        Each problem names its own file and line. A CSV file's separator (``,``, ``;``,
        tab) is sniffed; an ``.xlsx`` file's first sheet is read (needs the ``xlsx``
        extra: python-calamine).
        """
        sources = [os.fspath(p) for p in paths]
        header: dict[str, str] = {}
        columns: dict[str, list[str]] = {}
        lines: list[int] = []
        row_sources: list[str] = []
        problems: list[Any] = []
        for source in sources:
            text = _read_table(source, max_bytes)
            head, cols, rows, found = _input.read_csv(text, source, max_rows=max_rows)
            problems += found
            size = len(rows)
            for column in cols.keys() - columns.keys():
                columns[column] = [""] * len(lines)
            for column, cells in columns.items():
                cells.extend(cols.get(column, [""] * size))
            header = {**head, **header}
            lines += rows
            row_sources += [source] * size
        defaults = {"indicator": indicator, "period": period}
        name = ", ".join(sources)
        check = _input.Checker(name, plan, hierarchy, header, lines, problems)
        check.row_sources = row_sources
        return cls(**assemble(check, columns, defaults, duplicates))

    def with_segments(self, segments: Mapping[str, Sequence[str]]) -> Observations:
        """This store with units placed in population segments (for segment targets).

        *segments* maps a unit name (any spelling the store resolves) to segment keys
        ("urban-centre", "remote").

        Raises:
            ObservationDataError: a name that names no unit, or more than one.
        """
        problems = []
        found: dict[str, tuple[str, ...]] = {}
        for name, keys in segments.items():
            nodes = self.hierarchy.lookup(name)
            if len(nodes) != 1:
                message = "no unit has this name" if not nodes else "ambiguous unit"
                problems.append(_input.problem(self.source, None, "unit", name, message))
                continue
            found[nodes[0].key] = (*found.get(nodes[0].key, ()), *keys)
        if problems:
            raise ObservationDataError(self.source, problems)
        return attrs.evolve(self, hierarchy=self.hierarchy.with_segments(found))

    @classmethod
    def from_records(
        cls,
        records: Sequence[Mapping[str, object]],
        plan: Plan,
        *,
        hierarchy: Hierarchy | None = None,
        duplicates: Duplicates = "error",
        source: str = "<records>",
    ) -> Observations:
        """Read mappings with the keys of the counts CSV shape (``line`` = record number).

        >>> from de_an06.loading import load_plan
        >>> plan = load_plan("son-la-2024")
        >>> obs = Observations.from_records([{"indicator": "II.4", "unit": "TP Sơn La",
        ...     "period": "202406", "numerator": 81, "denominator": 100}], plan)
        >>> obs.units, obs.numerator.tolist()
        (('tp-son-la',), [81])
        """
        keys = ("indicator", "unit", "period", "service", "numerator", "denominator", "connected")
        odd = [
            _input.problem(source, i, "", type(record).__name__, "not a mapping")
            for i, record in enumerate(cast("Sequence[object]", records), start=1)
            if not isinstance(record, Mapping)
        ]
        if odd:  # found by fuzzing (#13): a None among the records was a TypeError
            raise ObservationDataError(source, odd)
        problems = [
            _input.problem(source, i, extra, record[extra], "unknown key")
            for i, record in enumerate(records, start=1)
            for extra in sorted(set(record) - set(keys), key=repr)  # keys of any types
        ]
        # A key a record lacks is a missing value on that record's line.
        present = {"indicator", "unit", "period", "numerator", "denominator"}
        present |= {k for record in records for k in record}
        columns = {k: [r.get(k) for r in records] for k in keys if k in present}
        check = _input.Checker(source, plan, hierarchy, {k: k for k in columns}, None, problems)
        return cls(**assemble(check, columns, {}, duplicates))

    @classmethod
    def from_dataframe(
        cls,
        frame: Any,
        plan: Plan,
        *,
        hierarchy: Hierarchy | None = None,
        duplicates: Duplicates = "error",
        source: str = "<data frame>",
    ) -> Observations:
        """Read a pandas or polars DataFrame with the counts CSV shape's column names.

        ``line`` in problems is the 1-based row position.
        """
        columns: dict[str, Any] = {}
        header: dict[str, str] = {}
        problems = []
        names = [str(c) for c in frame.columns]
        for position, name in enumerate(names):
            column = _input.column_of(name)
            if column is None or column in ("ignored", "service_name"):
                problems.append(_input.problem(source, None, name, name, "unknown column"))
            elif column in columns or names.count(name) > 1:  # as the CSV reader says it
                problems.append(_input.problem(source, None, name, name, f"second {column} column"))
            else:  # by position: a repeated name would select a frame, not a column
                columns[column], header[column] = _column_at(frame, position), name
        check = _input.Checker(source, plan, hierarchy, header, None, problems)
        return cls(**assemble(check, columns, {}, duplicates))

    @classmethod
    def from_columns(
        cls,
        plan: Plan,
        *,
        indicator: str | Sequence[object] | Coded,
        unit: str | Sequence[object] | Coded,
        period: str | Sequence[object] | Coded,
        numerator: Any,
        denominator: Any,
        service: str | Sequence[object] | Coded = "",
        connected: Any = None,
        hierarchy: Hierarchy | None = None,
        duplicates: Duplicates = "error",
        source: str = "<columns>",
    ) -> Observations:
        """Build from whole columns: a constant, a sequence of labels, or `Coded` labels.

        Counts are integer numpy arrays (checked vectorised) or sequences; this is the
        fast way in for large data (2.1M rows: one pass per check, no row objects).
        """
        columns: dict[str, Any] = {
            "indicator": indicator,
            "unit": unit,
            "period": period,
            "service": service,
            "numerator": numerator,
            "denominator": denominator,
        }
        if connected is not None:
            columns["connected"] = connected
        check = _input.Checker(source, plan, hierarchy, {k: k for k in columns}, None, [])
        return cls(**assemble(check, columns, {}, duplicates))

    # --- writing ---------------------------------------------------------------------

    def labels(self, dimension: str) -> NDArray[Any]:
        """Per row, the label of *dimension* ("indicator", "unit", "period", "service")."""
        import numpy as np

        table = np.array(getattr(self, dimension + "s"), dtype=object)
        return table[getattr(self, dimension + "_codes")]  # type: ignore[no-any-return]

    def to_records(self) -> Iterator[dict[str, object]]:
        """One dict per row, with the keys `from_records` reads."""
        columns = [self.labels(d).tolist() for d in _input.DIMENSIONS]
        flags = {1: True, 0: False, -1: None}
        for row in zip(
            *columns,
            self.numerator.tolist(),
            self.denominator.tolist(),
            self.connected.tolist(),
            strict=True,
        ):
            yield {
                "indicator": row[0],
                "unit": row[1],
                "period": row[2],
                "service": row[3],
                "numerator": row[4],
                "denominator": row[5],
                "connected": flags[row[6]],
            }

    def to_pandas(self) -> Any:
        """A pandas DataFrame (categorical labels, int64 counts); needs pandas."""
        pd = importlib.import_module("pandas")  # optional: not a dependency

        data: dict[str, Any] = {
            d: pd.Categorical.from_codes(
                getattr(self, d + "_codes").astype("int32"), categories=list(getattr(self, d + "s"))
            )
            for d in _input.DIMENSIONS
        }
        data.update(
            numerator=self.numerator, denominator=self.denominator, connected=self.connected
        )
        return pd.DataFrame(data)

    def to_polars(self) -> Any:
        """A polars DataFrame (string labels, int64 counts); needs polars."""
        pl = importlib.import_module("polars")  # optional: not a dependency

        data: dict[str, Any] = {d: self.labels(d).astype(str) for d in _input.DIMENSIONS}
        data.update(
            numerator=self.numerator, denominator=self.denominator, connected=self.connected
        )
        return pl.DataFrame(data)


def _column_at(frame: Any, position: int) -> list[Any]:
    """The values of the frame's column at *position* (pandas or polars)."""
    if hasattr(frame, "iloc"):  # pandas
        values: list[Any] = frame.iloc[:, position].to_list()
        return values
    return list(frame.to_series(position).to_list())  # polars
