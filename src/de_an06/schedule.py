"""Questions about a plan's calendar: what is due when, what is overdue, what has no date.

Every query takes the plan and returns `DueTask` records (the task and the due date the
query used), sorted by due date and then by the plan's order. Due dates are the plain
calendar dates of the deadlines unless a `DuePolicy` other than KEEP is given::

    >>> from datetime import date
    >>> import de_an06
    >>> plan = de_an06.load_plan("son-la-2024")
    >>> [t.code for t in de_an06.tasks_due_between(plan, date(2024, 3, 1), date(2024, 3, 31))]
    ['6.1', '7.2', '8.1', '11.3']

A plan has no completion data, so "overdue" means past the due date; pass ``completed``
(task code → completion date) to leave out tasks done by then.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from typing import final

import attrs

from ._dates import add_days, check_day
from .errors import ModelValueError
from .plan import Plan
from .task import Task
from .workdays import DuePolicy, WorkingCalendar, default_calendar

__all__ = [
    "DEFAULT_WITHIN",
    "DueStatus",
    "DueTask",
    "due_soon_end",
    "due_status",
    "ongoing_tasks",
    "overdue_tasks",
    "task_due",
    "tasks_due_between",
    "tasks_due_within",
    "undetermined_tasks",
]

DEFAULT_WITHIN = 30
"""How many calendar days ahead a due date counts as "due soon" unless told otherwise.

Every "due soon" question (`due_status`, `tasks_due_within`, `ResponsibilityMatrix.workload`,
`build_report`, ``--within`` on the command line) takes ``within: int`` calendar days
(not working days: a plan's due dates are calendar dates)."""


def due_soon_end(as_of: date, within: int = DEFAULT_WITHIN) -> date:
    """The last day that counts as "due soon" seen from *as_of*: *within* calendar days on.

    The one rule for the "due soon" window; *within* must be 0 or more.

    >>> due_soon_end(date(2024, 6, 1), 29)
    datetime.date(2024, 6, 30)
    """
    if within < 0:
        msg = f"within must be 0 or more calendar days, got {within}"
        raise ModelValueError(msg)
    return add_days(as_of, within, "within")  # at most LAST_DAY: nothing can be due later


class DueStatus(enum.Enum):
    """A task's deadline as seen on a day (a plan has no completion data).

    ``OVERDUE``: due before the day. ``DUE_SOON``: due on the day or within the horizon.
    ``LATER``: due after the horizon. ``ONGOING``: no due date, regular work.
    ``UNDETERMINED``: no due date can be known ("Theo chỉ đạo của Trung ương").
    A task with a dated part and an ongoing part is judged by its date.
    """

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"
    ONGOING = "ongoing"
    UNDETERMINED = "undetermined"


def due_status(task: Task, as_of: date, within: int = DEFAULT_WITHIN) -> DueStatus:
    """The status of *task*'s deadline on *as_of*, "soon" meaning within *within* days."""
    end = due_soon_end(as_of, within)
    due = task.deadline.due_date()
    if due is None:
        return DueStatus.ONGOING if task.deadline.ongoing else DueStatus.UNDETERMINED
    if due < as_of:
        return DueStatus.OVERDUE
    return DueStatus.DUE_SOON if due <= end else DueStatus.LATER


@final
@attrs.frozen(kw_only=True)
class DueTask:
    """A task and its due date as a query computed it (None: no date can be known).

    Attributes:
        task: the task.
        due: the due date after the calendar policy.
    """

    task: Task
    due: date | None

    @property
    def code(self) -> str:
        """The task's code ("2.5")."""
        return self.task.code


def task_due(
    task: Task,
    policy: DuePolicy = DuePolicy.KEEP,
    *,
    calendar: WorkingCalendar | None = None,
) -> date | None:
    """The task's due date under *policy* (`WorkingCalendar.shifted_due`)."""
    if policy is DuePolicy.KEEP:  # no calendar needed, nothing loaded
        return task.deadline.due_date()
    return (calendar or default_calendar()).shifted_due(task.deadline, policy)


def _dated(
    plan: Plan, policy: DuePolicy, calendar: WorkingCalendar | None
) -> list[tuple[int, DueTask]]:
    return [
        (index, DueTask(task=task, due=task_due(task, policy, calendar=calendar)))
        for index, task in enumerate(plan.tasks)
    ]


def _sorted(items: Iterable[tuple[int, DueTask]]) -> tuple[DueTask, ...]:
    ordered = sorted(items, key=lambda item: (item[1].due or date.max, item[0]))
    return tuple(due_task for _, due_task in ordered)


def _done(plan: Plan, completed: Mapping[str, date] | None, as_of: date) -> frozenset[str]:
    """Codes of the tasks completed on or before *as_of*; unknown codes are errors."""
    if not completed:
        return frozenset()
    known = {task.code for task in plan.tasks}  # once: `plan.task` scans the plan (#18)
    for code in completed:
        if code not in known:
            plan.task(code)  # raises UnknownKeyError naming the code and the known ones
    return frozenset(code for code, day in completed.items() if day <= as_of)


def tasks_due_between(
    plan: Plan,
    start: date,
    end: date,
    *,
    policy: DuePolicy = DuePolicy.KEEP,
    calendar: WorkingCalendar | None = None,
) -> tuple[DueTask, ...]:
    """Tasks due from *start* to *end*, both included."""
    return _sorted(
        item for item in _dated(plan, policy, calendar) if _between(item[1].due, start, end)
    )


def _between(due: date | None, start: date, end: date) -> bool:
    return due is not None and start <= due <= end


def overdue_tasks(
    plan: Plan,
    as_of: date,
    *,
    completed: Mapping[str, date] | None = None,
    policy: DuePolicy = DuePolicy.FORWARD,
    calendar: WorkingCalendar | None = None,
) -> tuple[DueTask, ...]:
    """Tasks whose due date is before *as_of*, except those completed by *as_of*.

    The due date follows the lawful rule by default (``DuePolicy.FORWARD``, Civil Code
    art. 148(5)): a quarter ending on Sunday 31/03/2024 is not overdue on Monday 01/04.
    *completed* maps task codes to completion dates; a code the plan does not have
    raises `UnknownKeyError`.
    """
    done = _done(plan, completed, check_day(as_of, "as_of"))
    return _sorted(
        item
        for item in _dated(plan, policy, calendar)
        if item[1].due is not None and item[1].due < as_of and item[1].code not in done
    )


def tasks_due_within(
    plan: Plan,
    as_of: date,
    within: int = DEFAULT_WITHIN,
    *,
    completed: Mapping[str, date] | None = None,
    policy: DuePolicy = DuePolicy.KEEP,
    calendar: WorkingCalendar | None = None,
) -> tuple[DueTask, ...]:
    """Tasks due from *as_of* to *within* calendar days later, except those already done."""
    end = due_soon_end(as_of, within)
    done = _done(plan, completed, as_of)
    return _sorted(
        item
        for item in _dated(plan, policy, calendar)
        if _between(item[1].due, as_of, end) and item[1].code not in done
    )


def ongoing_tasks(plan: Plan) -> tuple[DueTask, ...]:
    """Tasks that go on regularly ("Thường xuyên"), with a due date if a part has one."""
    return _sorted(
        item for item in _dated(plan, DuePolicy.KEEP, None) if item[1].task.deadline.ongoing
    )


def undetermined_tasks(plan: Plan) -> tuple[DueTask, ...]:
    """Tasks with no date to be known and no ongoing work: "Theo chỉ đạo …", "Sau khi …"."""
    return _sorted(
        item
        for item in _dated(plan, DuePolicy.KEEP, None)
        if item[1].due is None and not item[1].task.deadline.ongoing
    )
