"""The report's progress section from the ledger: what each task group has done, and who
reported on time.

>>> import os, tempfile
>>> from datetime import date
>>> from de_an06 import load_plan, open_ledger
>>> from de_an06.ledger.record import record_event
>>> plan = load_plan("son-la-2024")
>>> with open_ledger(os.path.join(tempfile.mkdtemp(), "so.db")) as ledger:
...     _ = record_event(ledger, plan, "6.1", "done", date(2024, 4, 15), "so-tttt")
...     blocks = progress_section(plan, ledger, as_of=date(2024, 7, 1))
>>> blocks[0].text
'g) Tình hình thực hiện theo sổ theo dõi tiến độ'
>>> [b.text for b in blocks if isinstance(b, Heading)][1]
'Hoàn thành trễ hạn (1)'

Without a ledger (and no *completed* mapping) `build_report` says plainly that
completion is unknown instead of calling past-due tasks overdue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..ledger.model import TaskStatus
from ..ledger.queries import Progress, ReportCell, TaskState, Timeliness, completeness, task_states
from ..plan import Plan
from .blocks import Block, Heading, Paragraph, Table
from .words import Language

if TYPE_CHECKING:
    from ..ledger.store import Ledger

__all__ = ["completed_from", "progress_section"]

_WORDS: dict[str, tuple[str, str]] = {
    "section": (
        "g) Tình hình thực hiện theo sổ theo dõi tiến độ",
        "g) Task progress from the ledger",
    ),
    "intro": (
        "Tính đến ngày {day}, theo báo cáo của các cơ quan ghi trong sổ theo dõi; hạn tính "
        "theo ngày làm việc (khoản 5 Điều 148 Bộ luật Dân sự).",
        "On {day}, from the agencies' reports in the ledger; due days follow working days "
        "(Civil Code art. 148(5)).",
    ),
    "group": ("Nhóm nhiệm vụ", "Task group"),
    "tasks": ("Số nhiệm vụ", "Tasks"),
    "late_list": ("Hoàn thành trễ hạn", "Done late"),
    "overdue_list": ("Quá hạn, chưa hoàn thành", "Overdue and not done"),
    "code": ("Mã", "Task"),
    "due": ("Hạn", "Due"),
    "on": ("Ngày", "On"),
    "status": ("Tình trạng báo cáo", "Reported status"),
    "days": ("Số ngày làm việc trễ", "Working days late"),
    "none": ("Không có.", "None."),
    "rate": ("Tỷ lệ báo cáo đúng hạn", "Reporting rate and timeliness"),
    "period": ("Kỳ báo cáo", "Period"),
    "expected": ("Phải báo cáo", "Expected"),
    "agency": ("Cơ quan", "Agency"),
    "no_regime": (
        "Kế hoạch không quy định chế độ báo cáo định kỳ.",
        "The plan sets no periodic reporting regime.",
    ),
    "no_period": ("Chưa có kỳ báo cáo nào đến hạn.", "No report has fallen due yet."),
}

_COLUMNS = (
    Progress.DONE_ON_TIME,
    Progress.DONE_LATE,
    Progress.IN_PROGRESS,
    Progress.OVERDUE,
    Progress.NO_REPORT,
)


def _w(lang: Language) -> dict[str, str]:
    return {key: pair[0 if lang == "vi" else 1] for key, pair in _WORDS.items()}


def _d(day: date | None) -> str:
    return "—" if day is None else f"{day:%d/%m/%Y}"


def completed_from(states: Sequence[TaskState]) -> dict[str, date]:
    """Task code → the day it was done (or closed), for `build_report`'s *completed*."""
    closed = (TaskStatus.DONE, TaskStatus.CANCELLED, TaskStatus.CARRIED_OVER)
    return {s.task.code: s.on for s in states if s.status in closed and s.on is not None}


def progress_section(
    plan: Plan, ledger: Ledger, *, as_of: date, lang: Language = "vi"
) -> tuple[Block, ...]:
    """The progress section on *as_of*: per task group, done on time / done late / in
    progress / overdue and not done / no report yet; the tasks done late (working days
    late) and overdue; the reporting rate per period and per agency."""
    words = _w(lang)
    states = task_states(plan, ledger.latest_events(as_of), as_of)
    blocks: list[Block] = [
        Heading(4, words["section"]),
        Paragraph(words["intro"].format(day=_d(as_of))),
        _group_table(plan, states, words, lang),
    ]
    late = [s for s in states if s.progress is Progress.DONE_LATE]
    blocks += [
        Heading(5, f"{words['late_list']} ({len(late)})"),
        _state_table(late, words, lang, done=True),
    ]
    overdue = [s for s in states if s.progress is Progress.OVERDUE]
    blocks += [
        Heading(5, f"{words['overdue_list']} ({len(overdue)})"),
        _state_table(overdue, words, lang, done=False),
    ]
    blocks += _rate(plan, completeness(plan, ledger.submissions(), as_of), words, lang)
    return tuple(blocks)


def _group_table(
    plan: Plan, states: Sequence[TaskState], words: Mapping[str, str], lang: Language
) -> Table:
    by_code = {s.task.code: s for s in states}
    rows = []
    for group in plan.task_groups:
        counts = Counter(by_code[t.code].progress for t in group.tasks)
        rows.append(
            (
                f"{group.number}. {group.title}",
                str(len(group.tasks)),
                *(str(counts[p]) for p in _COLUMNS),
            )
        )
    columns = (words["group"], words["tasks"], *(p.label(lang) for p in _COLUMNS))
    return Table(columns, tuple(rows), numeric=frozenset(range(1, 2 + len(_COLUMNS))))


def _state_table(
    states: Sequence[TaskState], words: Mapping[str, str], lang: Language, *, done: bool
) -> Block:
    if not states:
        return Paragraph(words["none"])
    rows = tuple(
        (
            s.task.code,
            _d(s.due),
            _d(s.on) if done else ("—" if s.status is None else s.status.label(lang)),
            str(s.days_late),
        )
        for s in states
    )
    third = words["on"] if done else words["status"]
    return Table((words["code"], words["due"], third, words["days"]), rows, numeric=frozenset({3}))


def _rate(
    plan: Plan, cells: Sequence[ReportCell], words: Mapping[str, str], lang: Language
) -> list[Block]:
    blocks: list[Block] = [Heading(5, words["rate"])]
    if plan.reporting is None:
        return [*blocks, Paragraph(words["no_regime"])]
    due = [c for c in cells if c.status is not Timeliness.PENDING]
    if not due:
        return [*blocks, Paragraph(words["no_period"])]
    kinds = (Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING)
    periods: dict[str, Counter[Timeliness]] = {}
    dues: dict[str, date] = {}
    shown: dict[str, str] = {}  # period id → "tháng 6/2024": ids stay in files, not in print
    agencies: dict[str, Counter[Timeliness]] = {}
    for cell in due:
        periods.setdefault(cell.period.id, Counter())[cell.status] += 1
        dues[cell.period.id] = cell.due
        shown[cell.period.id] = cell.period.label(lang)
        agencies.setdefault(cell.agency, Counter())[cell.status] += 1
    numeric = frozenset(range(2, 3 + len(kinds)))
    blocks.append(
        Table(
            (words["period"], words["due"], words["expected"], *(k.label(lang) for k in kinds)),
            tuple(
                (shown[pid], _d(dues[pid]), str(sum(c.values())), *(str(c[k]) for k in kinds))
                for pid, c in periods.items()
            ),
            numeric=numeric,
        )
    )
    names = {a.key: a.name for a in plan.agencies}
    blocks.append(
        Table(
            (words["agency"], words["expected"], *(k.label(lang) for k in kinds)),
            tuple(
                (names.get(key, key), str(sum(c.values())), *(str(c[k]) for k in kinds))
                for key, c in agencies.items()
            ),
            numeric=frozenset(range(1, 2 + len(kinds))),
        )
    )
    return blocks
