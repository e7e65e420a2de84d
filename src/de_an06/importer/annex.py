"""The annex table of a plan text: its title, columns, sections and service rows.

Private to the importer. A table copied from Word arrives as cells separated by "|"
lines (a web page gives "| a | b |" rows; both read the same). Rows are found by their
first cell — a section numeral ("I", "II") or a row number ("1", "13", "13,1") that
follows the previous one — so merged and empty cells do not shift them. Row "13"
followed by "13,1" … becomes a group row with items. Reporting units are split on "/"
outside parentheses and kept verbatim. Filled data cells have no field in the model and
are warned about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from .._text import fold, join_lines
from ..services import Annex, Service, ServiceSection
from .draft import Draft
from .lines import Line
from .mentions import depth_split

__all__ = ["read_annex"]

_FIRST_CELL: Final = frozenset({"stt", "tt", "so tt", "so thu tu"})
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10}
_ROW = re.compile(r"^(?:(?P<top>\d{1,3})(?:[.,](?P<sub>\d{1,2}))?\.?|(?P<roman>[IVX]{1,5})\.?)$")


@attrs.define
class _Cell:
    lines: list[Line] = attrs.field(factory=list)

    @property
    def text(self) -> str:
        return join_lines(" ".join(line.text for line in self.lines))


@attrs.define
class _Row:
    start: _Cell
    cells: list[_Cell]
    match: re.Match[str]


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def read_annex(lines: Sequence[Line], draft: Draft) -> None:
    """The first table of the annex region as the draft's `Annex`; other text warned."""
    first = next((i for i, line in enumerate(lines) if line.is_separator), None)
    if first is None:
        real = [line for line in lines if not line.is_separator]
        draft.sink.warn(real, "annex without table cells ('|'); not read")
        return
    head = [line for line in lines[:first] if not line.is_separator]
    split = len(head)
    if head and (fold(head[-1].text) in _FIRST_CELL or head[-1].number == lines[first].number):
        split = len(head) - 1
    title_lines, cells = head[:split], [_Cell(list(head[split:]))]
    for line in lines[first:]:
        if line.is_separator:
            cells.append(_Cell())
        else:
            cells[-1].lines.append(line)
    header, rows = _rows(cells)
    columns = [cell.text for cell in header if cell.text]
    draft.sink.place(title_lines, "$.annex.title")
    draft.sink.place([li for cell in header for li in cell.lines], "$.annex.columns")
    name_col = _column(columns, ("ten", "noi dung", "dich vu", "thu tuc"), 1)
    unit_col = _column(columns, ("don vi", "co quan"), 2)
    draft.annex = Annex(
        title=join_lines(" ".join(line.text for line in title_lines)),
        columns=tuple(columns),
        sections=_sections(rows, name_col, unit_col, draft),
    )


def _column(columns: list[str], words: tuple[str, ...], default: int) -> int:
    for i, column in enumerate(columns):
        if any(word in fold(column) for word in words):
            return i
    return default


def _rows(cells: list[_Cell]) -> tuple[list[_Cell], list[_Row]]:
    header: list[_Cell] = []
    rows: list[_Row] = []
    last_top = last_sub = last_roman = 0
    after_section = False
    for i, cell in enumerate(cells):
        match = _ROW.match(cell.text)
        following = cells[i + 1].text if i + 1 < len(cells) else ""
        if match and re.search(r"[^\W\d_]", following):
            if match["roman"]:
                plausible = _roman(match["roman"]) == last_roman + 1
            elif match["sub"]:
                plausible = int(match["top"]) == last_top and int(match["sub"]) == last_sub + 1
            else:
                top = int(match["top"])
                plausible = top == last_top + 1 or (after_section and top == 1)
            full = bool(rows) and len(rows[-1].cells) >= max(len(header) - 1, 2)
            if plausible or (full and not match["roman"]):
                if match["roman"]:
                    last_roman, after_section = _roman(match["roman"]), True
                elif match["sub"]:
                    last_sub, after_section = int(match["sub"]), False
                else:
                    last_top, last_sub, after_section = int(match["top"]), 0, False
                rows.append(_Row(cell, [], match))
                continue
        if rows:
            rows[-1].cells.append(cell)
        else:
            header.append(cell)
    return header, rows


def _sections(
    rows: list[_Row], name_col: int, unit_col: int, draft: Draft
) -> tuple[ServiceSection, ...]:
    sections: list[tuple[str, str, list[Service]]] = []
    for row in rows:
        cells = [row.start, *row.cells]
        if row.match["roman"]:
            title = cells[1].text if len(cells) > 1 else ""
            draft.sink.place(
                [li for c in cells[:2] for li in c.lines], f"$.annex.sections[{len(sections)}]"
            )
            sections.append((row.match["roman"], title, []))
            _extra(cells[2:], draft, f"annex section {row.match['roman']}")
            continue
        if not sections:
            sections.append(("", "", []))
            draft.sink.warn(
                row.start.lines, "annex row before any section; put in an unnamed one", "guessed"
            )
        path = f"$.annex.sections[{len(sections) - 1}].services"
        services = sections[-1][2]
        number_text = row.start.text.rstrip(".")
        name = cells[name_col].text if len(cells) > name_col else ""
        units_text = cells[unit_col].text if len(cells) > unit_col else ""
        units = tuple(u for u in (join_lines(p) for p in depth_split(units_text, "/")) if u)
        service = Service(
            number=number_text.replace(",", "."),
            number_text=number_text,
            name=name,
            reporting_units=units,
            reporting_units_text=units_text,
        )
        parent = services[-1] if services else None
        if row.match["sub"] and parent is not None and parent.number == row.match["top"]:
            # "13,1" under "13. Nhóm dịch vụ thanh toán trực tuyến": an item of the group.
            path = f"{path}[{len(services) - 1}].items[{len(parent.items)}]"
            services[-1] = attrs.evolve(parent, items=(*parent.items, service))
        else:
            path = f"{path}[{len(services)}]"
            services.append(service)
        kept = [row.start, *(cells[i] for i in (name_col, unit_col) if i < len(cells))]
        draft.sink.place([li for c in kept for li in c.lines], path)
        if not name:
            draft.sink.warn(row.start.lines, f"annex row {number_text} has no name", "missing")
        others = [c for i, c in enumerate(cells) if i not in (0, name_col, unit_col)]
        _extra(others, draft, f"annex row {number_text}")
    return tuple(ServiceSection(number=n, title=t, services=tuple(s)) for n, t, s in sections)


def _extra(cells: Sequence[_Cell], draft: Draft, where: str) -> None:
    for cell in cells:
        if cell.text:
            draft.sink.warn(cell.lines, f"{where}: cell {cell.text!r} has no field; not kept")
