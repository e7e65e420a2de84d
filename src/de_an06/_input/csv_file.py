"""Reading counts files: the header names, the CSV shapes, and a problem with its place.

`read_csv` turns CSV text into columns of cell strings with the line each row starts on;
`checker` checks them against a plan.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from .._text import fold
from ..errors import ObservationDataError, ObservationProblem

__all__ = ["CSV_MAX_BYTES", "MAX_ROWS", "column_of", "problem", "read_csv", "sniff_delimiter"]

CSV_MAX_BYTES = 256 * 2**20
"""Largest CSV file read by default (256 MiB: 2.1M rows of a national month-by-service table
take about 80 MB)."""
MAX_ROWS = 10_000_000
"""Most data rows read from one CSV file or list of records by default."""
DIMENSIONS = ("indicator", "unit", "period", "service")

# Header spellings, folded. The Vietnamese ones are the annex table's own headers.
_HEADERS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "Chỉ tiêu", "Mã chỉ tiêu"),
    "unit": ("unit", "Đơn vị báo cáo", "Đơn vị"),
    "period": ("period", "Kỳ báo cáo", "Kỳ"),
    "numerator": ("numerator", "Trực tuyến", "Tử số"),
    "denominator": ("denominator", "Tổng số hồ sơ tiếp nhận", "Mẫu số"),
    "service": ("service", "STT", "Dịch vụ"),
    "service_name": ("service_name", "Tên thủ tục hành chính"),
    "connected": (
        "connected",
        "Kết nối với cổng dịch vụ công quốc gia (tích x)",
        "Kết nối với cổng dịch vụ công quốc gia",
        "Kết nối",
    ),
    "ignored": ("Tỉ lệ", "Tỷ lệ", "ratio", "percent", "GHI CHÚ", "note"),
}
_COLUMN_OF = {fold(name): column for column, names in _HEADERS.items() for name in names}


def column_of(header: str) -> str | None:
    """The column a header names ("Trực tuyến" → "numerator"), or None if none.

    >>> column_of("Tổng số hồ sơ tiếp nhận"), column_of("TỈ LỆ"), column_of("colour")
    ('denominator', 'ignored', None)
    """
    return _COLUMN_OF.get(fold(header))


def problem(
    source: str, line: int | None, column: str, value: object, message: str
) -> ObservationProblem:
    return ObservationProblem(source=source, line=line, column=column, value=value, message=message)


# --- CSV ---------------------------------------------------------------------------------


def read_csv(
    text: str, source: str, *, max_rows: int = MAX_ROWS
) -> tuple[dict[str, str], dict[str, list[str]], list[int], list[ObservationProblem]]:
    """Columns of cell strings, the line each row starts on, and header problems.

    Lines end at "\\n", "\\r\\n" or "\\r" only (a line separator or form feed inside a
    cell is text); a quoted cell may span lines.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    problems: list[ObservationProblem] = []
    rows = _rows(reader, source, max_rows)
    names = next(rows, [])
    header: dict[str, str] = {}
    index: dict[str, int] = {}
    # With an indicator column, "STT" is the row number nearly every Vietnamese table has
    # (in the annex table, without one, it is the service's number).
    counts_shape = any(column_of(name) == "indicator" for name in names)
    for i, name in enumerate(names):
        column = column_of(name)
        if not name.strip() or _UNNAMED.fullmatch(name.strip()):
            column = "ignored"  # a blank heading: a spreadsheet's spare or index column
        elif counts_shape and column == "service" and fold(name) == "stt":
            column = "ignored"
        if column is None:
            problems.append(problem(source, 1, name, name, "unknown column"))
        elif column in index and column != "ignored":
            problems.append(problem(source, 1, name, name, f"second {column} column"))
        elif column != "ignored":
            index[column], header[column] = i, name
    # The annex template's headings and unreported services have no counts: not data. Its
    # numbers restart in each section ("1" is in sections I and II), so a heading row
    # ("II") names the section of the numbers below it.
    annex = fold(header.get("denominator", "")) == "tong so ho so tiep nhan"
    columns: dict[str, list[str]] = {column: [] for column in index}
    lines: list[int] = []
    section = ""
    start = reader.line_num + 1
    for row in rows:
        if len(row) > len(names) and any(cell.strip() for cell in row[len(names) :]):
            # Never cut to the header's width: "1,234" unquoted would be read as 1.
            extra = ",".join(row[len(names) :])
            message = (
                f"{len(row)} cells, the header has {len(names)} (quote a cell holding a comma)"
            )
            problems.append(problem(source, reader.line_num, "", extra, message))
        cells = {column: row[i].strip() if i < len(row) else "" for column, i in index.items()}
        number = cells.get("service", "")
        if annex and _ROMAN.fullmatch(number):
            section = number
        if annex and section and number and not _ROMAN.match(number.split(".")[0]):
            cells["service"] = f"{section}.{number}"
        if any(row) and not (annex and not cells.get("numerator") and not cells.get("denominator")):
            lines.append(start)
            for column, value in cells.items():
                columns[column].append(value)
        start = reader.line_num + 1
    if "service_name" in columns:
        names_ = columns.pop("service_name")
        name_header = header.pop("service_name")
        if "service" not in columns:
            columns["service"], header["service"] = names_, name_header
        else:
            columns["service"] = [s or n for s, n in zip(columns["service"], names_, strict=True)]
    return header, columns, lines, problems


def sniff_delimiter(text: str) -> str:
    r"""The separator of a CSV text: ``,``, ``;`` (Excel with Vietnamese settings) or tab.

    The one found most often in the header line, outside quotes; ``,`` when none is.

    >>> sniff_delimiter("indicator;unit;period\n"), sniff_delimiter('"a,b";c;d\n')
    (';', ';')
    """
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    outside = "".join(first.split('"')[::2])  # the parts between quoted cells
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _rows(reader: Any, source: str, max_rows: int) -> Iterator[list[str]]:
    """The reader's rows; a cell past csv's field limit or a row past *max_rows* is an error."""
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field longer than csv.field_size_limit()
            limit = csv.field_size_limit()
            message, value = f"not readable as CSV: {exc}", ""
            if "field larger than field limit" in str(exc):
                message = f"a field longer than the CSV limit of {limit:,} characters"
                value = f"more than {limit:,} characters"
            bad = problem(source, reader.line_num, "", value, message)
            raise ObservationDataError(source, [bad]) from None
        count += 1
        if count > max_rows + 1:  # the header is not a data row
            message = f"more than {max_rows:,} rows (pass max_rows= to read more)"
            raise ObservationDataError(
                source, [problem(source, reader.line_num, "", count - 1, message)]
            )
        yield row


_ROMAN = re.compile(r"[IVXLC]+")
_UNNAMED = re.compile(r"Unnamed: [0-9]+|Column[0-9]+")  # pandas' and Excel's blank headings
