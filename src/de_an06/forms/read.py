"""Reading a returned form: is it ours, is it intact, and is every filled cell valid.

`read_form` opens the file safely (`_open`), finds the hidden sheet, rebuilds the form
the plan makes for that agency and period and compares checksums, checks that every
locked key cell still holds what was written (a deleted, inserted or moved row is
refused), then reads every input cell (`cells`). Every problem names the sheet, the
cell, the value and the rule, in Vietnamese and English; one `FormError` lists them all.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, final

import attrs

from ..plan import Plan
from ._open import both, open_form
from .cells import CellReader, FilledCounts, FilledTask
from .layout import (
    FORM_VERSION,
    META_ROWS,
    META_SHEET,
    FormError,
    FormSpec,
    Lang,
    form_spec,
    sheet_names,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FALL_SHARE", "FilledCounts", "FilledForm", "FilledTask", "read_form"]

FALL_SHARE = 20
"""A ratio that fell by more than this many percent of last period's gets a warning."""


@final
@attrs.frozen(kw_only=True)
class FilledForm:
    """A returned form, read and checked.

    Attributes:
        source: the file.
        spec: the form the plan makes for its agency and period.
        tasks, indicators, services: the filled rows (blank rows are left out).
        warnings: edited locked cells, rows added, figures that fell.
        digest: SHA-256 of the filled values: the same filled form gives the same digest
            whatever program saved it.
    """

    source: str
    spec: FormSpec
    tasks: tuple[FilledTask, ...]
    indicators: tuple[FilledCounts, ...]
    services: tuple[FilledCounts, ...]
    warnings: tuple[str, ...]
    digest: str


def read_form(plan: Plan, path: str | os.PathLike[str]) -> FilledForm:
    """The returned form at *path*, checked against *plan*; `FormError` listing every problem.

    Nothing is recorded here: `de_an06.forms.collect` records a `FilledForm`.
    """
    source = os.fspath(path)
    book = open_form(source)
    spec = _identify(book, plan, source)
    names = sheet_names(spec.lang)
    problems: list[str] = []
    warnings: list[str] = []
    sheets: dict[str, Worksheet] = {}
    wanted = [
        k
        for k, rows in (
            ("tasks", spec.tasks),
            ("indicators", spec.indicators),
            ("services", spec.services),
        )
        if rows
    ]
    for key in wanted:
        if names[key] not in book.sheetnames:
            found = ", ".join(repr(n) for n in book.sheetnames if n != META_SHEET)
            problems.append(
                both(
                    f"thiếu trang tính {names[key]!r} (đã đổi tên hoặc xóa?)",
                    f"sheet {names[key]!r} is missing (renamed or deleted?); found {found}",
                )
            )
        else:
            sheets[key] = book[names[key]]
    if problems:
        raise FormError(source, problems)
    reader = CellReader(problems, warnings)
    tasks = reader.tasks(sheets["tasks"], spec) if "tasks" in sheets else ()
    indicators = (
        reader.counts(sheets["indicators"], spec, "indicators") if "indicators" in sheets else ()
    )
    services = reader.counts(sheets["services"], spec, "services") if "services" in sheets else ()
    if problems:
        raise FormError(source, problems)
    warnings += _falls(book[META_SHEET], indicators)
    values = {
        "form": spec.form_id,
        "tasks": [attrs.astuple(t)[:-1] for t in tasks],
        "indicators": [attrs.astuple(c)[:-1] for c in indicators],
        "services": [attrs.astuple(c)[:-1] for c in services],
    }
    text = json.dumps(values, default=str, ensure_ascii=False, sort_keys=True)
    return FilledForm(
        source=source,
        spec=spec,
        tasks=tasks,
        indicators=indicators,
        services=services,
        warnings=tuple(warnings),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _identify(book: Any, plan: Plan, source: str) -> FormSpec:
    """The spec the hidden sheet names, once its checksum matches the plan's form."""
    if META_SHEET not in book.sheetnames:
        raise FormError(
            source,
            [
                both(
                    f"không phải biểu mẫu de_an06: không có trang tính ẩn {META_SHEET!r}",
                    f"not a de_an06 form: no hidden sheet {META_SHEET!r}",
                )
            ],
        )
    meta = book[META_SHEET]
    values = {key: meta.cell(row=row, column=2).value for key, row in META_ROWS.items()}
    where = {key: f"{META_SHEET}!B{row}" for key, row in META_ROWS.items()}
    if values["version"] != FORM_VERSION:
        raise FormError(
            source,
            [
                f"{where['version']}: {values['version']!r}: "
                + both(
                    "phiên bản biểu mẫu không hỗ trợ",
                    f"unsupported form version (reads {FORM_VERSION})",
                )
            ],
        )
    if values["plan"] != plan.id:
        raise FormError(
            source,
            [
                f"{where['plan']}: {values['plan']!r}: "
                + both(
                    f"biểu mẫu của kế hoạch khác, không phải {plan.id!r}",
                    f"a form of another plan, not {plan.id!r}",
                )
            ],
        )
    lang: Lang = "en" if values["lang"] == "en" else "vi"
    try:
        spec = form_spec(plan, str(values["agency"]), str(values["period"]), lang=lang)
    except (LookupError, ValueError) as exc:
        raise FormError(source, [f"{where['agency']}/{where['period']}: {exc}"]) from None
    if values["form_id"] != spec.form_id or values["checksum"] != spec.checksum:
        raise FormError(
            source,
            [
                f"{where['checksum']}: {values['checksum']!r}: "
                + both(
                    f"mã kiểm tra không khớp với biểu mẫu {spec.form_id} của kế hoạch này "
                    "(biểu mẫu đã bị sửa hoặc lập từ phiên bản kế hoạch khác)",
                    f"the checksum does not match form {spec.form_id} of this plan (the form "
                    "was edited or made from another version of the plan)",
                )
            ],
        )
    return spec


def _falls(meta: Worksheet, indicators: Sequence[FilledCounts]) -> list[str]:
    """Warnings for ratios that fell by more than `FALL_SHARE` % of last period's."""
    previous: dict[str, tuple[int, int]] = {}
    for row in meta.iter_rows(min_row=1, max_col=2, values_only=True):
        key, value = row[0], row[1]
        if isinstance(key, str) and key.startswith("previous:") and isinstance(value, str):
            top, _, bottom = value.partition("/")
            if top.isdigit() and bottom.isdigit() and int(bottom) > 0:
                previous[key.removeprefix("previous:")] = (int(top), int(bottom))
    out = []
    for item in indicators:
        if item.key not in previous or not item.denominator:
            continue
        num, den = previous[item.key]
        before, now = num * item.denominator, item.numerator * den  # both over den × denominator
        if now * 100 < before * (100 - FALL_SHARE):
            out.append(
                f"{item.cell}: {item.numerator}/{item.denominator}: "
                + both(
                    f"tỉ lệ giảm hơn {FALL_SHARE}% so với kỳ trước ({num}/{den})",
                    f"the ratio fell by more than {FALL_SHARE}% against last period ({num}/{den})",
                )
            )
    return out
