"""Writing an agency's form: an ``.xlsx`` workbook made with openpyxl (imported lazily).

Three sheets (tasks, indicators, annex services; an empty one is left out), a header
block (plan, agency, period, NĐ 09 cut-off window, due day), input cells unlocked,
shaded and validated (statuses from a list, whole numbers ≥ 0, numerator ≤ denominator,
dates inside the window), every other cell locked by sheet protection, A4 landscape fit
to one page wide with the table headings repeated, and a very hidden sheet
(`layout.META_SHEET`) with the form id and checksum.

    >>> import os, tempfile
    >>> from de_an06.loading import load_plan
    >>> from de_an06.forms.layout import form_spec
    >>> spec = form_spec(load_plan("son-la-2024"), "Sở Tư pháp", "202407")
    >>> path = os.path.join(tempfile.mkdtemp(), "bieu-mau.xlsx")
    >>> write_form(spec, path)
    >>> os.path.getsize(path) > 5000
    True
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from .._files import write_atomic
from ..errors import ExportError
from ..ledger.model import TaskStatus
from .layout import (
    FIRST_ROW,
    FORM_VERSION,
    HEADER_ROW,
    INDICATOR_COLUMNS,
    META_SHEET,
    ROLE_LABELS,
    SERVICE_COLUMNS,
    TASK_COLUMNS,
    FormSpec,
    column,
    sheet_names,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "form_workbook",
    "status_labels",
    "write_form",
]

Previous = Mapping[str, tuple[int, int | None]]
"""Last period's counts per indicator id, shown for reference."""

_INPUT_FILL = "FFF2CC"
_HEAD_FILL = "D9E1F2"


def status_labels(lang: str = "vi") -> tuple[str, ...]:
    """The drop-down's entries: the ledger statuses' labels, in order."""
    return tuple(s.label(lang) for s in TaskStatus)


def _vn(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def form_workbook(spec: FormSpec, *, previous: Previous | None = None) -> Workbook:
    """The form as an openpyxl `Workbook` (not saved)."""
    try:
        from openpyxl import Workbook
    except ImportError:  # pragma: no cover  # a runtime dependency
        raise ExportError("forms need openpyxl: pip install openpyxl") from None
    book = Workbook()
    names = sheet_names(spec.lang)
    book.remove(book.active)
    if spec.tasks:
        _tasks(book.create_sheet(names["tasks"]), spec)
    if spec.indicators:
        _indicators(book.create_sheet(names["indicators"]), spec, previous or {})
    if spec.services:
        _services(book.create_sheet(names["services"]), spec)
    if not book.worksheets:
        _empty(book.create_sheet(names["tasks"]), spec)
    _meta(book.create_sheet(META_SHEET), spec, previous or {})
    book.active = 0
    return book


def write_form(
    spec: FormSpec,
    path: str | os.PathLike[str],
    *,
    previous: Previous | None = None,
    inputs: Sequence[str] = (),
) -> None:
    """Write *spec*'s form to *path* whole or not at all (`_files.write_atomic`)."""
    book = form_workbook(spec, previous=previous)
    write_atomic(path, book.save, inputs=inputs, error=ExportError)


def _t(spec: FormSpec, vi: str, en: str) -> str:
    return vi if spec.lang == "vi" else en


def _header(sheet: Worksheet, spec: FormSpec, width: int, title: str) -> None:
    from openpyxl.styles import Alignment, Font

    period = spec.period
    rule = _t(spec, "Nghị định 09/2019/NĐ-CP", "Decree 09/2019/NĐ-CP")
    lines = [
        _t(spec, "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN ĐỀ ÁN 06/CP", "ĐỀ ÁN 06/CP REPORT FORM")
        + f" — {title}",
        _t(spec, "Kế hoạch: ", "Plan: ") + f"{spec.decision} — {spec.plan_title}",
        _t(spec, "Đơn vị báo cáo: ", "Reporting agency: ") + spec.agency_name,
        _t(spec, "Kỳ báo cáo: ", "Period: ")
        + f"{spec.period_text} ("
        + _t(spec, "số liệu từ ", "data from ")
        + f"{_vn(period.start)} "
        + _t(spec, "đến", "to")
        + f" {_vn(period.end)}, {rule})",
        _t(spec, "Hạn gửi báo cáo: ", "Due: ")
        + (
            f"{_vn(spec.due)} ("
            + _t(spec, "ngày làm việc; theo kế hoạch: ", "a working day; the plan says: ")
            + f"{_vn(period.due)})"
            if spec.due is not None
            else "—"
        ),
        _t(
            spec,
            "Chỉ điền vào các ô nền vàng; các ô khác đã khóa. Không thêm, xóa hay đổi tên "
            "dòng, cột, trang tính.",
            "Fill in the yellow cells only; the others are locked. Do not add, delete or "
            "rename rows, columns or sheets.",
        ),
    ]
    for row, text in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = Font(bold=row <= 3, size=13 if row == 1 else 11)
        cell.alignment = Alignment(wrap_text=False, vertical="center")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _table(
    sheet: Worksheet,
    spec: FormSpec,
    columns: Sequence[tuple[str, str, str, int, bool]],
    rows: Sequence[Mapping[str, Any]],
    title: str,
) -> None:
    """Header block, headings, *rows* (dicts by column key), styles, protection, A4."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    _header(sheet, spec, len(columns), title)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor=_HEAD_FILL)
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    for index, (_, vi, en, width, _) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=vi if spec.lang == "vi" else en)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    for offset, values in enumerate(rows):
        row = FIRST_ROW + offset
        heading = bool(values.get("_heading"))
        for index, (key, _, _, _, editable) in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index, value=values.get(key))
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if heading:
                cell.font = Font(bold=True)
            elif editable:
                cell.protection = Protection(locked=False)
                cell.fill = input_fill
            number_format = values.get(f"_{key}_format")
            if number_format:
                cell.number_format = number_format
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=1)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # column widths and row heights may change
    sheet.protection.formatRows = False
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.oddFooter.center.text = _t(spec, "Trang &P/&N", "Page &P of &N")
    sheet.oddFooter.left.text = spec.form_id


def _validate(
    sheet: Worksheet,
    kind: str,
    cells: str,
    *,
    title: str,
    message: str,
    **options: Any,
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(
        type=kind,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=title[:32],
        error=message[:255],
        promptTitle=title[:32],
        prompt=message[:255],
        **options,
    )
    rule.add(cells)
    sheet.add_data_validation(rule)


def _tasks(sheet: Worksheet, spec: FormSpec) -> None:
    lang = spec.lang
    rows = [
        {
            "code": t.code,
            "text": t.text,
            "role": ", ".join(ROLE_LABELS[r][0 if lang == "vi" else 1] for r in t.roles),
            "deadline": t.deadline,
            "due": t.due,
            "_due_format": "DD/MM/YYYY",
            "_on_format": "DD/MM/YYYY",
        }
        for t in spec.tasks
    ]
    _table(sheet, spec, TASK_COLUMNS, rows, _t(spec, "NHIỆM VỤ", "TASKS"))
    last = FIRST_ROW + len(rows) - 1
    at = {key: column(TASK_COLUMNS, key) for key in ("status", "on", "percent")}
    labels = ",".join(status_labels(lang))
    _validate(
        sheet,
        "list",
        f"{at['status']}{FIRST_ROW}:{at['status']}{last}",
        formula1=f'"{labels}"',
        title=_t(spec, "Trạng thái", "Status"),
        message=_t(spec, "Chọn một trạng thái trong danh sách.", "Choose a status from the list."),
    )
    start, end = spec.period.start, spec.period.end
    start = max(start, date(spec.period.end.year, 1, 1))
    _validate(
        sheet,
        "date",
        f"{at['on']}{FIRST_ROW}:{at['on']}{last}",
        operator="between",
        formula1=f"DATE({start.year},{start.month},{start.day})",
        formula2=f"DATE({end.year},{end.month},{end.day})",
        title=_t(spec, "Ngày cập nhật", "As of"),
        message=_t(spec, "Ngày trong kỳ báo cáo: ", "A day in the period: ")
        + f"{_vn(start)}–{_vn(end)}",
    )
    _validate(
        sheet,
        "whole",
        f"{at['percent']}{FIRST_ROW}:{at['percent']}{last}",
        operator="between",
        formula1="0",
        formula2="100",
        title="%",
        message=_t(spec, "Số nguyên từ 0 đến 100.", "A whole number from 0 to 100."),
    )


def _indicators(sheet: Worksheet, spec: FormSpec, previous: Previous) -> None:
    at = {key: column(INDICATOR_COLUMNS, key) for key in ("numerator", "denominator", "ratio")}
    rows = []
    for offset, line in enumerate(spec.indicators):
        row = FIRST_ROW + offset
        num, den = f"{at['numerator']}{row}", f"{at['denominator']}{row}"
        before = previous.get(line.id)
        rows.append(
            {
                "id": line.id,
                "text": line.text,
                "numerator_text": line.numerator,
                "denominator_text": line.denominator,
                "target": line.target,
                "scope": line.scope,
                "previous": "" if before is None else _counts_text(before, spec.lang),
                **_ratio_cells(num, den, part="numerator", whole="denominator"),
            }
        )
    _table(sheet, spec, INDICATOR_COLUMNS, rows, _t(spec, "CHỈ TIÊU", "INDICATORS"))
    _counts_rules(sheet, spec, at["numerator"], at["denominator"], len(rows))


def _ratio_cells(part_cell: str, whole_cell: str, *, part: str, whole: str) -> dict[str, str]:
    """A row's ratio formula (blank until both counts are in and the total is not 0) and the
    number formats of its ratio and its two count columns *part* and *whole*."""
    ratio = (
        f"=IF(AND(ISNUMBER({part_cell}),ISNUMBER({whole_cell}),{whole_cell}>0),"
        f'{part_cell}/{whole_cell},"")'
    )
    return {
        "ratio": ratio,
        "_ratio_format": "0.00%",
        f"_{part}_format": "#,##0",
        f"_{whole}_format": "#,##0",
    }


def _counts_rules(sheet: Worksheet, spec: FormSpec, part: str, whole: str, count: int) -> None:
    """Whole numbers ≥ 0 in *whole*; in *part*, whole numbers ≥ 0 and ≤ *whole*'s."""
    last = FIRST_ROW + count - 1
    first_part, first_whole = f"{part}{FIRST_ROW}", f"{whole}{FIRST_ROW}"
    _validate(
        sheet,
        "whole",
        f"{whole}{FIRST_ROW}:{whole}{last}",
        operator="greaterThanOrEqual",
        formula1="0",
        title=_t(spec, "Số nguyên ≥ 0", "Whole number ≥ 0"),
        message=_t(spec, "Số nguyên không âm.", "A whole number, 0 or more."),
    )
    _validate(
        sheet,
        "custom",
        f"{part}{FIRST_ROW}:{part}{last}",
        formula1=f"AND(INT({first_part})={first_part},{first_part}>=0,"
        f'OR({first_whole}="",{first_part}<={first_whole}))',
        title=_t(spec, "Không vượt mẫu số", "Not above the total"),
        message=_t(
            spec,
            "Số nguyên không âm, không lớn hơn ô tổng số cùng dòng.",
            "A whole number, 0 or more, not above the total on the same row.",
        ),
    )


def _services(sheet: Worksheet, spec: FormSpec) -> None:
    at = {key: column(SERVICE_COLUMNS, key) for key in ("received", "online", "connected")}
    rows: list[dict[str, Any]] = []
    for offset, line in enumerate(spec.services):
        row = FIRST_ROW + offset
        if line.heading:
            rows.append({"number": line.number, "name": line.name, "_heading": True})
            continue
        got, online = f"{at['received']}{row}", f"{at['online']}{row}"
        rows.append(
            {
                "number": line.number,
                "name": line.name,
                "reporting_unit": line.reporting_unit,
                **_ratio_cells(online, got, part="online", whole="received"),
            }
        )
    _table(sheet, spec, SERVICE_COLUMNS, rows, _t(spec, "DỊCH VỤ CÔNG", "PUBLIC SERVICES"))
    _counts_rules(sheet, spec, at["online"], at["received"], len(rows))
    last = FIRST_ROW + len(rows) - 1
    _validate(
        sheet,
        "list",
        f"{at['connected']}{FIRST_ROW}:{at['connected']}{last}",
        formula1='"x"',
        title=_t(spec, "Kết nối", "Connected"),
        message=_t(
            spec, "Tích x nếu đã kết nối, để trống nếu chưa.", "x if connected, else blank."
        ),
    )


def _empty(sheet: Worksheet, spec: FormSpec) -> None:
    _table(sheet, spec, TASK_COLUMNS, [], _t(spec, "NHIỆM VỤ", "TASKS"))


def _counts_text(counts: tuple[int, int | None], lang: str) -> str:
    from .._numbers import format_decimal, format_percent
    from .layout import ratio_percent

    numerator, denominator = counts
    locale: Literal["vi", "en"] = "vi" if lang == "vi" else "en"

    def whole(value: int) -> str:
        return format_decimal(Fraction(value), 0, locale=locale)

    if denominator is None:
        return whole(numerator)
    text = f"{whole(numerator)}/{whole(denominator)}"
    share = ratio_percent(numerator, denominator)
    return text if share is None else f"{text} ({format_percent(share / 100, locale=locale)})"


def _meta(sheet: Worksheet, spec: FormSpec, previous: Previous) -> None:
    """The hidden sheet: form id, version, checksum, and last period's counts."""
    values: list[tuple[str, object]] = [
        ("form_id", spec.form_id),
        ("version", FORM_VERSION),
        ("plan", spec.plan_id),
        ("agency", spec.agency),
        ("period", spec.period.id),
        ("lang", spec.lang),
        ("checksum", spec.checksum),
    ]
    for key, (numerator, denominator) in sorted(previous.items()):
        values.append(
            (f"previous:{key}", f"{numerator}/{'' if denominator is None else denominator}")
        )
    for row, (key, value) in enumerate(values, start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
