"""A returned collection form, as UBND huyện Mai Sơn would fill it for July 2024.

Builds Mai Sơn's form for period 202407 (``de-an06 form``), fills it with openpyxl as the
district's officer would — a status, a day and evidence for each of its tasks, its
indicator counts and its annex service counts — then reads it back the way
``de-an06 collect`` does and prints what would be recorded. With ``--write`` it also
refreshes ``data/bieu-mau-ubnd-huyen-mai-son-202407.xlsx``, the filled example form:

    python examples/fill_form.py [--write]
    de-an06 collect examples/data/bieu-mau-ubnd-huyen-mai-son-202407.xlsx \\
        --received 12/07/2024 --db so-lieu.db
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

import de_an06
from de_an06.forms.build import write_form
from de_an06.forms.layout import (
    FIRST_ROW,
    INDICATOR_COLUMNS,
    SERVICE_COLUMNS,
    TASK_COLUMNS,
    column,
    form_spec,
    sheet_names,
)
from de_an06.forms.read import FilledForm, read_form
from de_an06.ledger import TaskStatus

EXAMPLE = Path(__file__).parent / "data" / "bieu-mau-ubnd-huyen-mai-son-202407.xlsx"
# What the district reports, in turn down its task list (the status's Vietnamese label).
STATUSES = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS,
            TaskStatus.BLOCKED, TaskStatus.NOT_STARTED)  # fmt: skip


def fill(path: Path) -> None:
    """Fill the blank form at *path* in place, as the district would."""
    names = sheet_names("vi")
    tasks, indicators, services = names["tasks"], names["indicators"], names["services"]
    book = load_workbook(path)
    sheet = book[tasks]
    col = {key: column(TASK_COLUMNS, key) for key in ("code", "status", "on", "percent",
                                                       "note", "evidence")}  # fmt: skip
    for n, row in enumerate(range(FIRST_ROW, sheet.max_row + 1)):
        if not sheet[f"{col['code']}{row}"].value:
            continue
        status = STATUSES[n % len(STATUSES)]
        sheet[f"{col['status']}{row}"] = status.label("vi")
        sheet[f"{col['on']}{row}"] = date(2024, 7, 10)
        if status is TaskStatus.IN_PROGRESS:
            sheet[f"{col['percent']}{row}"] = 60
        if status is TaskStatus.BLOCKED:
            sheet[f"{col['note']}{row}"] = "Chờ hướng dẫn của Sở Thông tin và Truyền thông"
        if status is TaskStatus.DONE:
            sheet[f"{col['evidence']}{row}"] = f"{100 + n}/UBND-VP ngày 08/7/2024"
    sheet = book[indicators]
    num, den = column(INDICATOR_COLUMNS, "numerator"), column(INDICATOR_COLUMNS, "denominator")
    for n, row in enumerate(range(FIRST_ROW, sheet.max_row + 1)):
        if sheet[f"A{row}"].value:
            sheet[f"{num}{row}"], sheet[f"{den}{row}"] = 70 + n, 100
    sheet = book[services]
    unit = column(SERVICE_COLUMNS, "reporting_unit")
    connected = column(SERVICE_COLUMNS, "connected")
    received, online = column(SERVICE_COLUMNS, "received"), column(SERVICE_COLUMNS, "online")
    for n, row in enumerate(range(FIRST_ROW, sheet.max_row + 1)):
        if sheet[f"{unit}{row}"].value:  # a service row (headings have no reporting unit)
            sheet[f"{connected}{row}"] = "x" if n % 4 else None
            sheet[f"{received}{row}"], sheet[f"{online}{row}"] = 40 + n, 20 + n
    book.save(path)


def filled_form(folder: Path) -> tuple[Path, FilledForm]:
    """Mai Sơn's form for 202407, written and filled in *folder*, and as read back."""
    plan = de_an06.load_plan("son-la-2024")
    path = folder / EXAMPLE.name
    write_form(form_spec(plan, "UBND huyện Mai Sơn", "202407"), path)
    fill(path)
    return path, read_form(plan, path)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, form = filled_form(Path(folder))
        if "--write" in sys.argv[1:]:
            shutil.copyfile(path, EXAMPLE)
    print(f"{form.spec.agency_name}, {form.spec.period_text}")
    print(f"  nhiệm vụ: {len(form.tasks)}, chỉ tiêu: {len(form.indicators)}, "
          f"dịch vụ công: {len(form.services)}, cảnh báo: {len(form.warnings)}")  # fmt: skip
    for task in form.tasks[:5]:
        print(f"  {task.code:6} {task.status.label('vi'):16} {task.cell}")
    for counts in form.indicators:
        print(f"  {counts.key:7} {counts.unit:12} {counts.numerator}/{counts.denominator}")


if __name__ == "__main__":
    main()
