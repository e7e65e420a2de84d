"""Reading an Excel ``.xlsx`` file's first sheet as CSV text (python-calamine, lazily).

Numbers Excel stores as floats come back whole when they are ("2950", "202406"), so the
counts and period checks read them as a district typed them.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from datetime import date, datetime

from ..errors import DeAn06Error

__all__ = ["xlsx_text"]


def xlsx_text(path: str | os.PathLike[str], *, error: Callable[[str, object], DeAn06Error]) -> str:
    """The first sheet of the workbook at *path* as CSV text (``,``-separated)."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise error(
            "reading .xlsx needs python-calamine (pip install 'de-an06[xlsx]')", os.fspath(path)
        ) from None
    try:
        workbook = CalamineWorkbook.from_path(os.fspath(path))
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for broken files
        raise error(f"not a readable .xlsx workbook: {exc}", os.fspath(path)) from None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else str(value)
