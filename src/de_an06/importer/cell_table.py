"""A task table copied one cell per line: its rows recovered from the STT column.

Private to the importer. Copying a table out of some viewers gives each cell on a line of
its own, with no row boundary: "STT" / "Nội dung nhiệm vụ" / "Cơ quan chủ trì" / … then
"1" / "Rà soát …" / "Sở Tư pháp" / …. When those header lines name a task table
(`task_table.columns_of`) and the first column is the STT, each row starts at a line that
is only a row number ("1", "1.2", "II", "A"): a task row has one line per column, a
group row ("I" / "Nhóm nhiệm vụ …") two. A row with any other count cannot be told apart
(an empty cell dropped, a cell wrapped over two lines): the table is refused with the
line and the reason, and nothing of it is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Draft
from .labels import Column, header_label
from .lines import Line
from .task_table import Col, Row, columns_of, read_rows

__all__ = ["find_cell_table", "read_cell_table"]

_STT = re.compile(r"^(?:\d{1,6}(?:\.\d{1,6}){0,2}|[IVX]{1,6}|[A-ZĐ])\.?$")
_GROUP = re.compile(r"^(?:[IVX]{1,6}|[A-ZĐ])\.?$")


def _header(lines: Sequence[Line], at: int) -> list[Col | None] | None:
    """The columns of a header of single-cell lines starting at *at*, or None."""
    cells: list[str] = []
    for line in lines[at:]:
        if line.is_separator or header_label(line.text) is None:
            break
        cells.append(line.text)
    columns = columns_of(cells) if len(cells) >= 3 else None
    if columns is None or None in columns or columns[0] is None:
        return None
    return columns if columns[0][0] is Column.NUMBER else None


def find_cell_table(lines: Sequence[Line]) -> int | None:
    """The index in *lines* of a one-cell-per-line task table's header, or None."""
    return next((i for i in range(len(lines)) if _header(lines, i) is not None), None)


def read_cell_table(lines: Sequence[Line], draft: Draft) -> int:
    """Read the table whose header starts *lines*; return how many lines it used.

    Refused (a problem on the draft, nothing read) when a row's cells cannot be counted.
    """
    columns = _header(lines, 0)
    if columns is None:
        return 0
    width = len(columns)
    draft.sink.place(lines[:width], "layout:table")
    rows: list[Row] = []
    i = width
    while i < len(lines) and _STT.match(lines[i].text) and not lines[i].is_separator:
        end = i + 1
        while end < len(lines) and not _STT.match(lines[end].text) and end - i < width:
            end += 1
        cells = [line.text for line in lines[i:end]]
        group = _GROUP.match(cells[0]) is not None
        if len(cells) != width and not (group and len(cells) == 2):
            draft.problems.append(
                f"bảng nhiệm vụ chép mỗi ô một dòng, dòng {lines[i].number}: hàng STT "
                f"{cells[0]} có {len(cells)} ô, cần {width} / task table copied one cell "
                f"per line: the row numbered {cells[0]} at line {lines[i].number} has "
                f"{len(cells)} cells for {width} columns (an empty or wrapped cell?): "
                "rows cannot be told apart; copy the table with its row breaks"
            )
            draft.sink.place(lines[i:end], "layout:table")
            return end
        rows.append((lines[i].number, cells, lines[i], list(lines[i:end])))
        i = end
    read_rows(rows, columns, draft)
    for row in rows:  # the row numbers (tasks are coded by place), and every cell's line
        draft.sink.place(row[3], "layout:table-cell")
    draft.sink.warn(
        lines[:1],
        f"task table copied one cell per line: {len(rows)} rows recovered from the STT column",
        "guessed",
    )
    return i
