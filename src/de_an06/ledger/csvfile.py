"""Many task events from one CSV file, all or nothing.

Columns (a header row, any order; Vietnamese names accepted): ``task`` (mã nhiệm vụ),
``status`` (trạng thái), ``on`` (ngày), ``agency`` (đơn vị), and optional ``percent``,
``note``, ``evidence``, ``recorded_by``. Every row is checked before anything is
written; the first bad row raises `LedgerError` naming the file, line, column and value.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator

from .._dates import parse_day
from .._files import DEFAULT_MAX_BYTES, ErrorFactory, read_text
from .._text import fold
from ..directory import resolve_agency
from ..errors import DeAn06Error
from ..plan import Plan
from .model import LedgerError, TaskEvent, TaskStatus, check_percent
from .record import Checked, check_day, check_event
from .store import Ledger

__all__ = ["import_events", "read_events"]

_ALIASES = {
    "task": ("task", "ma nhiem vu", "nhiem vu", "ma"),
    "status": ("status", "trang thai"),
    "on": ("on", "ngay", "date", "day"),
    "agency": ("agency", "don vi", "by", "co quan"),
    "percent": ("percent", "ty le", "%"),
    "note": ("note", "ghi chu"),
    "evidence": ("evidence", "van ban", "minh chung"),
    "recorded_by": ("recorded_by", "nguoi nhap"),
}
_REQUIRED = ("task", "status", "on", "agency")


def _error(name: str) -> ErrorFactory:
    def make(message: str, value: object, path: str = "$") -> Exception:
        return LedgerError(f"{name}: {message} (value: {value!r})")

    return make


def _rows(reader: Iterator[list[str]], name: str) -> Iterator[list[str]]:
    """*reader*'s rows; a row it cannot read (a cell past the CSV field limit) is an error."""
    try:
        yield from reader
    except csv.Error as exc:  # found by fuzzing (#13)
        line = getattr(reader, "line_num", 0)
        raise LedgerError(f"{name}: line {line}: not readable as CSV: {exc}") from None


def read_events(
    path: str | os.PathLike[str], plan: Plan, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[tuple[TaskEvent, ...], tuple[str, ...]]:
    """The events of the CSV file at *path*, checked against *plan*, and their warnings."""
    name = os.fspath(path)
    text = read_text(name, what="progress file", max_bytes=max_bytes, error=_error(name))
    reader = csv.reader(io.StringIO(text, newline=""))  # lines end at CR, LF or CRLF
    rows = _rows(reader, name)
    header = next(rows, None)
    if header is None:
        msg = f"{name}: empty file; expected a header row with {', '.join(_REQUIRED)}"
        raise LedgerError(msg)
    columns: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = fold(heading).strip().replace("_", " ")
        for field, names in _ALIASES.items():
            if key in {n.replace("_", " ") for n in names}:
                columns.setdefault(field, index)
    missing = [field for field in _REQUIRED if field not in columns]
    if missing:
        msg = f"{name}: line 1: missing column(s) {', '.join(missing)} (header: {header!r})"
        raise LedgerError(msg)
    events: list[TaskEvent] = []
    warnings: list[str] = []
    for row in rows:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        checked = _check_row(plan, cell, f"{os.path.basename(name)}:{line}", name, line)
        events.append(checked.event)
        warnings.extend(f"{name}: line {line}: {w}" for w in checked.warnings)
    return tuple(events), tuple(warnings)


def _check_row(
    plan: Plan, cell: Callable[[str], str], source: str, name: str, line: int
) -> Checked:
    """One row checked column by column, so that an error names its column."""
    column = ""
    try:
        for column in _REQUIRED:
            if not cell(column):
                raise LedgerError("a value is required")
        column = "task"
        plan.task(cell("task"))
        column = "agency"
        resolve_agency(plan, cell("agency"))
        column = "status"
        TaskStatus.parse(cell("status"))
        column = "on"
        try:
            day = parse_day(cell("on"))
        except ValueError:
            raise LedgerError("not a date (expected YYYY-MM-DD or dd/mm/yyyy)") from None
        check_day(plan, day, "on")
        column = "percent"
        try:
            percent = int(cell("percent")) if cell("percent") else None
        except ValueError:
            raise LedgerError("not a whole number") from None
        check_percent(percent)
        column = "task"
        return check_event(
            plan,
            cell("task"),
            cell("status"),
            day,
            cell("agency"),
            percent=percent,
            note=cell("note"),
            evidence=cell("evidence"),
            recorded_by=cell("recorded_by"),
            source=source,
        )
    except DeAn06Error as exc:
        reason = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        msg = (
            f"{name}: line {line}, column {column}: value {cell(column)!r}: {reason}; "
            "nothing was imported"
        )
        raise LedgerError(msg) from None


def import_events(
    ledger: Ledger,
    path: str | os.PathLike[str],
    plan: Plan,
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Check every row of *path*, then store them in one transaction; ids and warnings."""
    events, warnings = read_events(path, plan)
    return ledger.add_events(events, progress=progress), warnings
