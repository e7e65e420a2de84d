"""The one writer of tables: text tables for people; JSON, CSV, Markdown and XLSX for files.

Every text cell that a spreadsheet could read as a formula — one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return (OWASP, "CSV Injection") — is written
with a leading apostrophe, so that opening the file never runs it. This applies to CSV,
XLSX and Markdown (a Markdown table is often pasted into a spreadsheet). Numbers are
written as numbers and never altered. JSON is data and is never neutralised.

CSV is UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly. XLSX needs
the optional ``openpyxl`` package (``pip install 'de-an06[xlsx]'``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .errors import ExportError

__all__ = [
    "Cell",
    "Column",
    "neutralise",
    "render_table",
    "to_csv",
    "to_json",
    "to_markdown",
    "write_xlsx",
]

Column = tuple[str, str]
"""A (row key, header) pair."""


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items() if v)
    return str(value)


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    width: int | None = None,
    title: str = "",
) -> str:
    """A plain-text table; the widest column is cut with "…" to fit *width*.

    >>> print(render_table([{"a": 1, "b": "x"}], [("a", "A"), ("b", "B")]))
    A  B
    -  -
    1  x
    """
    total = width or _terminal_width()
    cells = [[_cell(row.get(key)) for key, _ in columns] for row in rows]
    headers = [header for _, header in columns]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    gaps = 2 * (len(columns) - 1)
    # Narrow the widest column one character at a time, so that wide columns end up
    # sharing the space instead of one of them being cut to nothing.
    while sum(widths) + gaps > total and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1

    def fit(text: str, size: int) -> str:
        return text if len(text) <= size else text[: size - 1] + "…"

    lines = [title] if title else []
    lines.append("  ".join(fit(h, w).ljust(w) for h, w in zip(headers, widths, strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


def _terminal_width() -> int:
    # $COLUMNS first, as shutil.get_terminal_size does; 120 when output is not a terminal.
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 120


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


def to_markdown(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], *, numeric: Collection[int] = ()
) -> str:
    """The table as a GitHub-flavoured Markdown table, cells neutralised and escaped.

    Columns in *numeric* hold numbers (or numbers this library formatted, "-5,00"): they
    are right-aligned and left as they are.
    """

    def cell(value: Cell, column: int = -1) -> str:
        text = "" if value is None else str(value if column in numeric else neutralise(value))
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(" ---: " if i in numeric else " --- " for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(c, i) for i, c in enumerate(row)) + " |" for row in rows]
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
