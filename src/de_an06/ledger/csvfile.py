"""Many task events from one CSV or XLSX file, all or nothing.

Columns (a header row, any order; Vietnamese names accepted): ``task`` (mã nhiệm vụ),
``status`` (trạng thái), ``on`` (ngày), ``agency`` (đơn vị), and optional ``percent``,
``note``, ``evidence``, ``recorded_by``. Every row is checked before anything is
written; the first bad row raises `LedgerError` naming the file and the place — line and
column in a CSV file, sheet and cell (``Sheet1!C7``) in a workbook — and the value.
An ``.xlsx`` file is read from its first sheet with openpyxl (the ``xlsx`` extra).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime

from .._dates import parse_day
from .._files import DEFAULT_MAX_BYTES, ErrorFactory, read_text
from .._text import fold
from ..errors import DeAn06Error
from ..plan import Plan
from .model import LedgerError, TaskEvent, TaskStatus, check_percent
from .record import Checked, PlanLookup, check_day, check_event
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


_Row = tuple[int, list[str]]  # the row's number (1-based) and its cells as text


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
    """The events of the CSV or XLSX file at *path*, checked against *plan*, and their
    warnings."""
    name = os.fspath(path)
    sheet: str | None = None
    if name.lower().endswith((".xlsx", ".xlsm")):
        sheet, header, rows = _xlsx_rows(name, max_bytes)
    else:
        text = read_text(name, what="progress file", max_bytes=max_bytes, error=_error(name))
        reader = csv.reader(io.StringIO(text, newline=""))  # lines end at CR, LF or CRLF
        lines = _rows(reader, name)
        header = next(lines, None)
        rows = ((reader.line_num, row) for row in lines)
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
        where = "line 1" if sheet is None else f"{sheet}!1"
        msg = f"{name}: {where}: missing column(s) {', '.join(missing)} (header: {header!r})"
        raise LedgerError(msg)
    events: list[TaskEvent] = []
    warnings: list[str] = []
    base = os.path.basename(name)
    lookup = PlanLookup(plan)  # codes and names looked up once per import, not per row
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        def place(field: str, line: int = line) -> str:
            if sheet is None:
                return f"line {line}, column {field}"
            return f"{sheet}!{_letter(columns.get(field, 0))}{line} (column {field})"

        source = f"{base}:{line}" if sheet is None else f"{base}:{sheet}!{line}"
        checked = _check_row(lookup, cell, source, name, place)
        events.append(checked.event)
        where = f"line {line}" if sheet is None else f"{sheet}!{line}"
        warnings.extend(f"{name}: {where}: {w}" for w in checked.warnings)
    return tuple(events), tuple(warnings)


def _letter(index: int) -> str:
    """The spreadsheet column letters of 0-based *index*: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(value: object) -> str:
    """A cell as the text a CSV would hold: dates ISO, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(name: str, max_bytes: int) -> tuple[str, list[str] | None, Iterator[_Row]]:
    """The first sheet's name, header row and the other rows of the workbook *name*."""
    try:
        import openpyxl
    except ImportError:
        msg = f"{name}: reading .xlsx needs openpyxl: pip install 'de-an06[xlsx]'"
        raise LedgerError(msg) from None
    try:
        if os.path.getsize(name) > max_bytes:
            msg = f"{name}: larger than {max_bytes:,} bytes"
            raise LedgerError(msg)
        book = openpyxl.load_workbook(name, read_only=True, data_only=True)
    except LedgerError:
        raise
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        msg = f"{name}: not a readable .xlsx workbook: {type(exc).__name__}: {exc}"
        raise LedgerError(msg) from None
    sheet = book.worksheets[0]
    table = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    header = table[0] if table else None
    return str(sheet.title), header, iter(enumerate(table[1:], start=2))


def _check_row(
    lookup: PlanLookup,
    cell: Callable[[str], str],
    source: str,
    name: str,
    place: Callable[[str], str],
) -> Checked:
    """One row checked column by column, so that an error names its column."""
    plan = lookup.plan
    column = ""
    try:
        for column in _REQUIRED:
            if not cell(column):
                raise LedgerError("a value is required")
        column = "task"
        lookup.task(cell("task"))
        column = "agency"
        lookup.agency(cell("agency"))
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
            lookup=lookup,
        )
    except DeAn06Error as exc:
        reason = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        msg = f"{name}: {place(column)}: value {cell(column)!r}: {reason}; nothing was imported"
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
