"""Reading a returned form's cells: the key cells that locate each row, and every input.

Each problem names the sheet and the cell ("Chỉ tiêu!H9"), the value and the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, final

import attrs

from .._dates import parse_day
from .._text import nfc
from ..ledger.model import LedgerError, TaskStatus
from ._open import both
from .layout import FIRST_ROW, INDICATOR_COLUMNS, SERVICE_COLUMNS, TASK_COLUMNS, FormSpec, column

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["CellReader", "FilledCounts", "FilledTask"]


@final
@attrs.frozen(kw_only=True)
class FilledTask:
    """One task row as filled in: ``cell`` is where its status is ("Nhiệm vụ!F9")."""

    code: str
    status: TaskStatus
    on: date | None
    percent: int | None
    note: str
    evidence: str
    cell: str


@final
@attrs.frozen(kw_only=True)
class FilledCounts:
    """One indicator or service row as filled in (``key``: indicator id or service key)."""

    key: str
    unit: str
    numerator: int
    denominator: int | None
    connected: bool | None = None
    note: str = ""
    cell: str = ""


class CellReader:
    """Reads cells, collecting problems and warnings."""

    def __init__(self, problems: list[str], warnings: list[str]) -> None:
        self.problems = problems
        self.warnings = warnings

    def bad(self, where: str, value: object, vi: str, en: str) -> None:
        self.problems.append(f"{where}: {value!r}: {both(vi, en)}")

    def key_cell(self, sheet: Worksheet, row: int, expected: str) -> bool:
        found = sheet.cell(row=row, column=1).value
        if nfc(str(found if found is not None else "")).strip() == expected:
            return True
        self.bad(
            f"{sheet.title}!A{row}",
            found,
            f"ở đây phải là {expected!r}: dòng đã bị xóa, chèn hoặc di chuyển",
            f"expected {expected!r} here: rows were deleted, inserted or moved",
        )
        return False

    def fixed(self, sheet: Worksheet, row: int, col: str, expected: object) -> None:
        cell = sheet[f"{col}{row}"]
        value = cell.value
        if isinstance(value, datetime):
            value = value.date()
        if value != expected and not (value in (None, "") and expected in (None, "")):
            self.warnings.append(
                f"{sheet.title}!{col}{row}: "
                + both(
                    "ô bị khóa đã bị sửa; giá trị trong kế hoạch được giữ",
                    "a locked cell was edited; the plan's value is kept",
                )
            )

    def extra_rows(self, sheet: Worksheet, last: int) -> None:
        for row in range(last + 1, sheet.max_row + 1):
            if any(c.value not in (None, "") for c in sheet[row]):
                self.warnings.append(
                    f"{sheet.title}!A{row}: "
                    + both(
                        "dòng thêm vào sau bảng bị bỏ qua", "a row added below the table is ignored"
                    )
                )

    def text(self, sheet: Worksheet, where: str) -> str:
        value = sheet[where].value
        if value is None:
            return ""
        if isinstance(value, str) and value.startswith("="):
            self.bad(
                f"{sheet.title}!{where}",
                value,
                "ô nhập không được là công thức",
                "a formula where a value is expected",
            )
            return ""
        return nfc(str(value)).strip()

    def whole(self, sheet: Worksheet, where: str) -> int | None:
        value = sheet[where].value
        name = f"{sheet.title}!{where}"
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str) and value.startswith("="):
            self.bad(
                name, value, "ô nhập không được là công thức", "a formula where a value is expected"
            )
            return None
        if isinstance(value, bool):
            value = "x"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or value < 0:
            self.bad(name, value, "phải là số nguyên không âm", "not a whole number ≥ 0")
            return None
        return value

    def tasks(self, sheet: Worksheet, spec: FormSpec) -> tuple[FilledTask, ...]:
        at = {key: column(TASK_COLUMNS, key) for key, *_ in TASK_COLUMNS}
        out = []
        start = max(spec.period.start, date(spec.period.end.year, 1, 1))
        for offset, line in enumerate(spec.tasks):
            row = FIRST_ROW + offset
            if not self.key_cell(sheet, row, line.code):
                continue
            self.fixed(sheet, row, at["deadline"], line.deadline)
            self.fixed(sheet, row, at["due"], line.due)
            status_text = self.text(sheet, f"{at['status']}{row}")
            on = self.day(sheet, f"{at['on']}{row}", start, spec.period.end)
            percent = self.whole(sheet, f"{at['percent']}{row}")
            note = self.text(sheet, f"{at['note']}{row}")
            evidence = self.text(sheet, f"{at['evidence']}{row}")
            where = f"{sheet.title}!{at['status']}{row}"
            if percent is not None and percent > 100:
                self.bad(
                    f"{sheet.title}!{at['percent']}{row}",
                    percent,
                    "tỉ lệ phải từ 0 đến 100",
                    "percent must be 0 to 100",
                )
            if not status_text:
                if on is not None or percent is not None or note or evidence:
                    self.bad(
                        where,
                        "",
                        "cần chọn trạng thái cho dòng đã điền",
                        "a status is needed on a filled row",
                    )
                continue
            try:
                status = TaskStatus.parse(status_text)
            except LedgerError:
                labels = ", ".join(s.label(spec.lang) for s in TaskStatus)
                self.bad(
                    where,
                    status_text,
                    f"trạng thái không có trong danh sách: {labels}",
                    f"not a status from the list: {labels}",
                )
                continue
            out.append(
                FilledTask(
                    code=line.code,
                    status=status,
                    on=on,
                    percent=percent,
                    note=note,
                    evidence=evidence,
                    cell=where,
                )
            )
        self.extra_rows(sheet, FIRST_ROW + len(spec.tasks) - 1)
        return tuple(out)

    def day(self, sheet: Worksheet, where: str, start: date, end: date) -> date | None:
        value = sheet[where].value
        name = f"{sheet.title}!{where}"
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            day = value.date()
        elif isinstance(value, date):
            day = value
        else:
            try:
                day = parse_day(str(value))
            except ValueError:
                self.bad(name, value, "không phải ngày (dd/mm/yyyy)", "not a date (dd/mm/yyyy)")
                return None
        if not start <= day <= end:
            span = f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
            self.bad(
                name,
                day.strftime("%d/%m/%Y"),
                f"ngày ngoài kỳ báo cáo {span}",
                f"a day outside the period {span}",
            )
            return None
        return day

    def counts(self, sheet: Worksheet, spec: FormSpec, kind: str) -> tuple[FilledCounts, ...]:
        columns = INDICATOR_COLUMNS if kind == "indicators" else SERVICE_COLUMNS
        part, whole = (
            ("numerator", "denominator") if kind == "indicators" else ("online", "received")
        )
        at = {key: column(columns, key) for key, *_ in columns}
        lines: Sequence[Any] = spec.indicators if kind == "indicators" else spec.services
        out = []
        for offset, line in enumerate(lines):
            row = FIRST_ROW + offset
            expected = line.id if kind == "indicators" else line.number
            if not self.key_cell(sheet, row, expected) or getattr(line, "heading", False):
                continue
            num = self.whole(sheet, f"{at[part]}{row}")
            den = self.whole(sheet, f"{at[whole]}{row}")
            connected, note = None, ""
            if kind == "services":
                flag = self.text(sheet, f"{at['connected']}{row}")
                note = self.text(sheet, f"{at['note']}{row}")
                if flag.casefold() not in ("", "x"):
                    self.bad(
                        f"{sheet.title}!{at['connected']}{row}",
                        flag,
                        "chỉ tích x hoặc để trống",
                        "only x or blank",
                    )
                connected = flag.casefold() == "x" if flag else None
            if num is None and den is None:
                if connected:
                    self.bad(
                        f"{sheet.title}!{at[whole]}{row}",
                        None,
                        "đã tích kết nối nhưng chưa có số hồ sơ",
                        "connected is ticked but the counts are blank",
                    )
                continue
            counted_alone = kind == "indicators" and line.kind.value == "count"
            if num is None or (den is None and not counted_alone):
                missing = at[part] if num is None else at[whole]
                self.bad(
                    f"{sheet.title}!{missing}{row}",
                    None,
                    "cần điền cả hai số",
                    "both counts are needed",
                )
                continue
            if den is not None and num > den:
                self.bad(
                    f"{sheet.title}!{at[part]}{row}",
                    num,
                    f"lớn hơn tổng số {den} ở ô {at[whole]}{row}",
                    f"greater than the total {den} in {at[whole]}{row}",
                )
                continue
            out.append(
                FilledCounts(
                    key=line.id if kind == "indicators" else line.key,
                    unit=line.unit,
                    numerator=num,
                    denominator=den,
                    connected=connected,
                    note=note,
                    cell=f"{sheet.title}!{at[part]}{row}",
                )
            )
        self.extra_rows(sheet, FIRST_ROW + len(lines) - 1)
        return tuple(out)
