"""Tasks laid out as a table: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | …

Private to the importer. Most provinces assign tasks in a table (in section III or in an
annex "Phân công nhiệm vụ"). A table arrives one row per line, its cells separated by
"|" (a .docx table, a web page's table) or by tabs (a table copied from Word as text).
Its header row names the columns in Vietnamese (`labels.header_label`: "STT", "Nhiệm vụ" /
"Nội dung", "Cơ quan chủ trì" / "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian hoàn
thành" / "Thời hạn" / "Tiến độ", "Sản phẩm", "Ghi chú"). Then each row is:

* a group: its number is a Roman numeral or a capital letter ("I", "A"), or it gives a
  text and no role and no deadline ("Nhóm nhiệm vụ về dữ liệu");
* a task: numbered "1", "2" or "1.1" (tasks are coded by their place in the group);
* a continuation: no number, cells that continue the task above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._text import fold, join_lines
from .draft import Draft
from .labels import Column, Label, LabelMatch, header_label
from .lines import Line
from .tasks import _finish_group, _Group, _LabelLine, _Task

__all__ = ["Col", "Row", "columns_of", "find_task_table", "read_rows", "read_task_table"]

_ROMAN = re.compile(r"^[IVX]{1,6}\.?$")
_LETTER = re.compile(r"^[A-ZĐ]\.?$")
_TASK_NUMBER = re.compile(r"^(?:\d{1,6}(?:[.,]\d{1,6}){0,2})\.?$")

# line number, cells, the row's first piece, and each cell's line (where it came from)
Row = tuple[int, list[str], Line, list[Line]]


def rows_of(lines: Sequence[Line]) -> list[Row]:
    """Rows of cells, one per input line that has "|" cells (empty cells kept)."""
    rows: list[Row] = []
    by_number: dict[int, list[Line]] = {}
    for line in lines:
        by_number.setdefault(line.number, []).append(line)
    for number, pieces in by_number.items():
        if not any(p.is_separator for p in pieces):
            continue
        cells: list[str] = [""]
        for piece in pieces:
            if piece.is_separator:
                cells.append("")
            else:
                cells[-1] = f"{cells[-1]} {piece.text}".strip()
        if pieces[0].is_separator:
            cells = cells[1:]  # "| a | b |": no cell before the first bar
        if pieces[-1].is_separator and cells and not cells[-1]:
            cells = cells[:-1]
        real = next((p for p in pieces if not p.is_separator), pieces[0])
        rows.append((number, cells, real, []))
    return rows


# A column: what it holds, the role or deadline it gives, its header as written.
Col = tuple[Column, Label | None, str]


def columns_of(cells: Sequence[str]) -> list[Col | None] | None:
    """The columns a header row's *cells* name, or None when it is no task table's."""
    found: list[Col | None] = []
    for cell in cells:
        kind = header_label(cell)
        found.append(None if kind is None else (kind[0], kind[1], join_lines(cell)))
    kinds = {f[0] for f in found if f is not None}
    labels = {f[1] for f in found if f is not None}
    if Column.TASK in kinds and (Label.LEAD in labels or Label.IMPLEMENT in labels):
        return found
    return None


def find_task_table(lines: Sequence[Line]) -> int | None:
    """The index in *lines* of a task table's header row, or None."""
    numbers = {row[0] for row in rows_of(lines) if columns_of(row[1]) is not None}
    return next((i for i, line in enumerate(lines) if line.number in numbers), None)


def _line(row: Row, text: str) -> Line:
    found = next((line for line in row[3] if line.text == text), None)
    return found if found is not None else Line(row[0], text, row[2].raw)


def read_task_table(lines: Sequence[Line], draft: Draft) -> int:
    """Read the task table whose header row starts *lines*; return how many lines it used."""
    rows = rows_of(lines)
    columns = columns_of(rows[0][1]) if rows else None
    if columns is None:
        return 0
    draft.sink.place([line for line in lines if line.number == rows[0][0]], "layout:table")
    body: list[Row] = []
    last = rows[0][0]
    for row in rows[1:]:
        if row[0] != last + 1:
            break  # a line without cells: the table ended
        last = row[0]
        body.append(row)
    read_rows(body, columns, draft)
    return sum(1 for line in lines if line.number <= last)


def read_rows(rows: Sequence[Row], columns: list[Col | None], draft: Draft) -> None:
    """The groups and tasks of a table's body *rows*, under the header *columns*."""
    groups: list[_Group] = []
    for row in rows:
        _read_row(row, columns, groups, draft)
    for group in groups:
        _finish_group(group, draft)


def _read_row(row: Row, columns: list[Col | None], groups: list[_Group], draft: Draft) -> None:
    cells = list(zip(columns, row[1], strict=False))
    named = {c[0]: cell.strip() for c, cell in cells if c is not None}
    stt, text = named.get(Column.NUMBER, ""), named.get(Column.TASK, "")
    given = [(c, cell) for c, cell in cells if c is not None and c[0] is not Column.NUMBER]
    roles = [(c, cell) for c, cell in given if c[0] is Column.ROLE and cell.strip()]
    task = groups[-1].tasks[-1] if groups and groups[-1].tasks else None
    if not stt and task is not None:  # a continuation row
        if text:
            task.text_lines.append(_line(row, text))
        _add_cells(task, row, given, draft)
        return
    heading = _ROMAN.match(stt) or _LETTER.match(stt)
    if heading or (text and not roles and not _TASK_NUMBER.match(stt)):
        groups.append(_Group(len(groups) + 1, [_line(row, text or stt)]))
        return
    if not groups:
        groups.append(_Group(1, []))
        draft.sink.warn([row[2]], "task table without group rows: its tasks are group 1", "guessed")
    group = groups[-1]
    builder = _Task(len(group.tasks) + 1, [_line(row, text)] if text else [], text)
    group.tasks.append(builder)
    _add_cells(builder, row, given, draft)


def _add_cells(task: _Task, row: Row, given: list[tuple[Col, str]], draft: Draft) -> None:
    for (column, label, header), cell in given:
        if not cell.strip() or column is Column.TASK:
            continue
        if column is Column.ROLE and label is not None:
            match = LabelMatch(header, label, cell, True, fold(header))
            task.labels.append(_LabelLine(match, [_line(row, cell)]))
        else:  # "Sản phẩm", "Ghi chú": kept in the task's note
            task.notes.append((f"{header}: {join_lines(cell)}", [_line(row, cell)]))
