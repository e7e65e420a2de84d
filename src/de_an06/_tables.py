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
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from ._files import write_atomic
from .errors import ExportError

__all__ = [
    "Cell",
    "Column",
    "markdown_cell",
    "markdown_text",
    "neutralise",
    "render_table",
    "to_csv",
    "to_json",
    "to_markdown",
    "write_xlsx",
]

Column = tuple[str, str]
"""A (row key, header) pair."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _visible(text: str) -> str:
    """*text* with each lone surrogate (not Unicode, unwritable as UTF-8) as its escape."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(value: Any) -> str:
    return _visible(_plain(value))


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v)
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

# OWASP CSV Injection: the characters a spreadsheet may take as the start of a formula,
# and their fullwidth forms (which some spreadsheets fold to ASCII).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A number written as a number ("-3.56", "+5"): a spreadsheet reads it as that number.
_NUMBER = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?\Z")


def _hides(char: str) -> bool:
    """Whether *char* is whitespace-like, a control or a format character (LF, NUL,
    NBSP, U+3000, BOM, ZWSP, VT, FF …): nothing a reader sees before a formula."""
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zs", "Zl", "Zp"}


def neutralise(value: Cell) -> Cell:
    """*value* made safe to open in a spreadsheet: a formula-like text gets a leading "'".

    The one rule for every export. Leading whitespace, control and format characters do
    not hide a formula (" =1+1", "\\n=1+1", "\\u200b=1+1"); a cell starting with a tab, CR
    or any control character is neutralised too. Numbers are never changed, nor is a text
    that is a plain number ("-3.56").

    >>> neutralise("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> neutralise("Sở Y tế"), neutralise(-3), neutralise("-3.56")
    ('Sở Y tế', -3, '-3.56')
    """
    if not isinstance(value, str) or not value or _NUMBER.match(value):
        return value
    start = 0
    while start < len(value) and _hides(value[start]):
        start += 1
    controls = any(unicodedata.category(c) == "Cc" for c in value[:start])
    if controls or value.startswith(_FORMULA_STARTS, start):
        return "'" + value
    return value


def markdown_text(text: str) -> str:
    """*text* safe in Markdown: no HTML tag or entity can start (``<script>`` → ``&lt;script>``).

    Only ``&`` and ``<`` are escaped: without them no tag or entity can begin, and "> 65%"
    stays readable in the Markdown source.

    >>> markdown_text("<b>x</b> & y > 1")
    '&lt;b>x&lt;/b> &amp; y > 1'
    """
    return _visible(text).replace("&", "&amp;").replace("<", "&lt;")


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """The table as CSV text starting with a BOM; every text field quoted and neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([_visible_cell(neutralise(h)) for h in header])
    for row in rows:
        writer.writerow(["" if c is None else _visible_cell(neutralise(c)) for c in row])
    return buffer.getvalue()


def _visible_cell(value: Cell) -> Cell:
    return _visible(value) if isinstance(value, str) else value


def to_markdown(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], *, numeric: Collection[int] = ()
) -> str:
    """The table as a GitHub-flavoured Markdown table, cells neutralised and escaped.

    Columns in *numeric* hold numbers (or numbers this library formatted, "-5,00"): they
    are right-aligned and left as they are.
    """

    def cell(value: Cell, column: int = -1) -> str:
        if value is None:
            return ""
        return markdown_cell(str(value if column in numeric else neutralise(value)))

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join(" ---: " if i in numeric else " --- " for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cell(c, i) for i, c in enumerate(row)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """*text* (already neutralised) as one Markdown table cell: HTML escaped, on one line.

    Line breaks become spaces after `neutralise` looked past them, so a cell stays inert.
    """
    text = markdown_text(text).replace("\\", "\\\\").replace("|", "\\|")
    return "".join(" " if c in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029" else c for c in text)


def to_json(data: object) -> str:
    """JSON text: UTF-8 (not escaped), two-space indent. No neutralising: it is data.

    A lone surrogate is written as its JSON escape (``\\ud800``), as the plan file has it.
    """
    return _visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def write_xlsx(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    path: str | os.PathLike[str],
    *,
    sheet: str = "Sheet1",
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> None:
    """Write the table to an XLSX workbook at *path*; every text cell is stored as text.

    Written whole or not at all (`_files.write_atomic`); *path* may not be one of *inputs*.

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
    for number, values in enumerate([header, *rows], start=1):
        cells = [neutralise(v) for v in values]
        for cell in cells:
            if isinstance(cell, str) and (bad := _XLSX_ILLEGAL.search(cell)):
                msg = (
                    f"{target}: row {number}: XLSX cannot hold the control character "
                    f"U+{ord(bad.group()):04X} in {cell[:60]!r}; choose --format csv or json"
                )
                raise ExportError(msg)
        worksheet.append(cells)
    for line in worksheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                # openpyxl reads a leading "=" as a formula; text is text.
                cell.data_type = "s"
    write_atomic(target, workbook.save, inputs=inputs, error=ExportError)


# What XML 1.0 (and so openpyxl) refuses in cell text: C0 controls but tab, LF, CR; and
# lone surrogates, which UTF-8 cannot write.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
