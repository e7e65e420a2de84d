"""Writing tables for spreadsheets and documents: CSV, XLSX, Markdown and JSON.

Every text cell that a spreadsheet could read as a formula — one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return (OWASP, "CSV Injection") — is written
with a leading apostrophe, so that opening the file never runs it. This applies to CSV,
XLSX and Markdown (a Markdown table is often pasted into a spreadsheet). Numbers are
written as numbers and never altered.

CSV is UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly. XLSX needs
the optional ``openpyxl`` package (``pip install 'de-an06[xlsx]'``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence

from .errors import ExportError

__all__ = ["Cell", "neutralise", "to_csv", "to_json", "to_markdown", "write_xlsx"]

Cell = str | int | None
"""A table cell: text, a whole number, or empty."""

# OWASP CSV Injection: the characters a spreadsheet may take as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Cell) -> Cell:
    """*value* made safe to open in a spreadsheet: a formula-like text gets a leading "'".

    Leading spaces do not hide a formula: " =1+1" is neutralised too.

    >>> neutralise("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> neutralise("Sở Y tế"), neutralise(-3)
    ('Sở Y tế', -3)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """The table as CSV text starting with a BOM; every text field quoted and neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(["" if c is None else neutralise(c) for c in row])
    return buffer.getvalue()


def to_markdown(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """The table as a GitHub-flavoured Markdown table, cells neutralised and escaped."""

    def cell(value: Cell) -> str:
        text = "" if value is None else str(neutralise(value))
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_json(data: object) -> str:
    """JSON text: UTF-8 (not escaped), two-space indent. No neutralising: it is data."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_xlsx(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    path: str | os.PathLike[str],
    *,
    sheet: str = "Sheet1",
) -> None:
    """Write the table to an XLSX workbook at *path*; every text cell is stored as text.

    Raises:
        ExportError: openpyxl is not installed, or the file cannot be written; the
            message names the file.
    """
    target = os.fspath(path)
    try:
        from openpyxl import Workbook
    except ImportError:
        msg = (
            f"{target}: writing XLSX needs the optional package 'openpyxl': "
            "pip install 'de-an06[xlsx]' (or choose --format csv)"
        )
        raise ExportError(msg) from None
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]  # Excel's limit on sheet names
    for values in [header, *rows]:
        worksheet.append([neutralise(v) for v in values])
    for line in worksheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                # openpyxl reads a leading "=" as a formula; text is text.
                cell.data_type = "s"
    try:
        workbook.save(target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the XLSX file: {exc.strerror or exc}") from None
