"""Questions the ledger answers: each task's status on a day, done late, overdue, and
which reports came in on time.

Every "late" and "overdue" uses the lawful due day: a due day that is not a working day
moves to the next working day (Civil Code art. 148(5), ``DuePolicy.FORWARD``), and a
"trước ngày X" deadline never moves onto or past X. Working days late are counted with
`WorkingCalendar.working_days_between`. The policy stays a parameter.
"""

from __future__ import annotations

import enum
import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from typing import final

import attrs

from ..agency import Agency, AgencyGroup
from ..deadline import Deadline
from ..plan import Plan
from ..reporting import ReportingPeriod
from ..schedule import task_due
from ..task import Role, Task
from ..workdays import DuePolicy, WorkingCalendar, default_calendar
from .model import Submission, TaskEvent, TaskStatus

__all__ = [
    "Progress",
    "ReportCell",
    "TaskState",
    "Timeliness",
    "completeness",
    "expected_reporters",
    "reporters_of",
    "task_history",
    "task_states",
]


class Progress(enum.Enum):
    """Where a task stands on a day, from its events and its lawful due day."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    CLOSED = "closed"
    NO_REPORT = "no_report"

    def label(self, lang: str = "vi") -> str:
        """Vietnamese label by default, English with ``lang="en"``."""
        if lang != "vi":
            return self.value.replace("_", " ")
        return {
            "done_on_time": "hoàn thành đúng hạn",
            "done_late": "hoàn thành trễ hạn",
            "in_progress": "đang thực hiện",
            "overdue": "quá hạn, chưa hoàn thành",
            "closed": "không thực hiện / chuyển kỳ sau",
            "no_report": "chưa có báo cáo",
        }[self.value]


@final
@attrs.frozen(kw_only=True)
class TaskState:
    """A task's status on a day, derived from its reporters' latest events.

    Attributes:
        task: the task.
        status: the derived status (None: nobody has reported).
        on: the day the status holds (for DONE: the day the last reporter finished).
        due: the lawful due day (None: no date can be known).
        reporters: the agencies whose reports decide the status.
        latest: each reporter's latest event (those who reported).
        progress: done on time, done late, in progress, overdue, closed or no report.
        days_late: working days past the due day (done late or overdue), else 0.
    """

    task: Task
    status: TaskStatus | None
    on: date | None
    due: date | None
    reporters: tuple[str, ...]
    latest: tuple[TaskEvent, ...]
    progress: Progress
    days_late: int = 0

    @property
    def done_share(self) -> Fraction:
        """Share of the reporters that are done (1 for a task with none)."""
        if not self.reporters:
            return Fraction(1 if self.status is TaskStatus.DONE else 0)
        done = sum(1 for e in self.latest if e.status is TaskStatus.DONE)
        return Fraction(done, len(self.reporters))

    @property
    def percent(self) -> int | None:
        """The mean of the reported percents (done counts 100), when every reporter gave one."""
        values = [100 if e.status is TaskStatus.DONE else e.percent for e in self.latest]
        if not values or len(values) < len(self.reporters) or None in values:
            return None
        return round(Fraction(sum(v for v in values if v is not None), len(values)))


def reporters_of(plan: Plan, task: Task) -> tuple[str, ...]:
    """The agencies whose reports decide *task*'s status: its leads ("chủ trì"), else its
    implementers, else everyone named; a closed group ("UBND các huyện, thành phố") stands
    for its members, each reporting its own status. Open groups list no members: whoever
    reports under them is added by `task_states`."""
    return _deciders(task, _directory(plan))[0]


def _directory(plan: Plan) -> dict[str, Agency | AgencyGroup]:
    """Agencies and groups by key, built once per query (first one wins, as in
    `Plan.agency_by_key`)."""
    found: dict[str, Agency | AgencyGroup] = {}
    for agency in plan.agencies:
        found.setdefault(agency.key, agency)
    for group in plan.agency_groups:
        found.setdefault(group.key, group)
    return found


_Decider = tuple[tuple[str, ...], frozenset[str], bool]  # reporters, as a set, open group


@final
class _PlanFacts:
    """What `task_states` needs of a plan that no event changes, computed once per plan
    object (a plan is immutable; the entry goes when the plan is collected): each task's
    deciders in plan order, and its lawful due day per policy and calendar."""

    __slots__ = ("deciders", "dues")

    def __init__(self, plan: Plan) -> None:
        directory = _directory(plan)
        self.deciders: tuple[_Decider, ...] = tuple(
            (found, frozenset(found), open_group)
            for found, open_group in (_deciders(task, directory) for task in plan.tasks)
        )
        self.dues: dict[tuple[DuePolicy, int], tuple[WorkingCalendar, tuple[date | None, ...]]] = {}

    def due_days(
        self, plan: Plan, policy: DuePolicy, cal: WorkingCalendar
    ) -> tuple[date | None, ...]:
        """Each task's due day under *policy* and *cal* (each distinct deadline once)."""
        entry = self.dues.get((policy, id(cal)))
        if entry is not None and entry[0] is cal:
            return entry[1]
        shifted: dict[Deadline, date | None] = {}
        for task in plan.tasks:
            if task.deadline not in shifted:
                shifted[task.deadline] = task_due(task, policy, calendar=cal)
        found = tuple(shifted[task.deadline] for task in plan.tasks)
        self.dues[policy, id(cal)] = (cal, found)
        return found


_BY_PLAN: dict[int, tuple[weakref.ref[Plan], _PlanFacts]] = {}


def _plan_facts(plan: Plan) -> _PlanFacts:
    key = id(plan)
    entry = _BY_PLAN.get(key)
    if entry is not None and entry[0]() is plan:
        return entry[1]
    facts = _PlanFacts(plan)
    _BY_PLAN[key] = (weakref.ref(plan, lambda _ref: _BY_PLAN.pop(key, None)), facts)
    return facts


def _deciders(
    task: Task, directory: dict[str, Agency | AgencyGroup]
) -> tuple[tuple[str, ...], bool]:
    """`reporters_of`, and whether the deciding role names an open group (members not
    listed), whose reporters are whoever reports."""
    for roles in ((Role.LEAD,), (Role.IMPLEMENT,), tuple(Role)):
        mentions = [m for role in roles for m in task.agencies_in(role)]
        if mentions:
            break
    keys: list[str] = []
    open_group = False
    for mention in mentions:
        item = directory.get(mention.agency)
        if isinstance(item, AgencyGroup):
            if item.open:
                open_group = True
            else:
                keys.extend(item.members)
        else:
            keys.append(mention.agency)
    return tuple(dict.fromkeys(keys)), open_group


def _derive(latest: Sequence[TaskEvent], reporters: int) -> tuple[TaskStatus, date]:
    """The status of a task from its reporters' latest events (*latest* not empty): done
    when every reporter is done; closed when every one is closed (done wins, then carried
    over); else blocked if any is, in progress if any has started, not started.

    One pass with identity tests: an enum's hash is a Python call, and this runs for every
    task of a national plan.
    """
    last = latest[0].on
    closed, done, carried, blocked, started = True, False, False, False, False
    for event in latest:
        last = max(last, event.on)
        status = event.status
        if status is _DONE:
            done = True
        elif status is _CARRIED:
            carried = True
        elif status is not _CANCELLED:
            closed = False
            if status is _BLOCKED:
                blocked = True
            elif status is _STARTED:
                started = True
    if closed and len(latest) >= reporters:
        if done:
            return _DONE, last
        return (_CARRIED if carried else _CANCELLED), last
    if blocked:
        return _BLOCKED, last
    if started or done:
        return _STARTED, last
    return TaskStatus.NOT_STARTED, last


_DONE, _CARRIED, _CANCELLED = TaskStatus.DONE, TaskStatus.CARRIED_OVER, TaskStatus.CANCELLED
_BLOCKED, _STARTED = TaskStatus.BLOCKED, TaskStatus.IN_PROGRESS


def task_states(
    plan: Plan,
    latest: Iterable[TaskEvent],
    as_of: date,
    *,
    policy: DuePolicy = DuePolicy.FORWARD,
    calendar: WorkingCalendar | None = None,
) -> tuple[TaskState, ...]:
    """The state of every task of *plan* on *as_of*, in plan order.

    *latest* is each (task, agency)'s latest event on or before *as_of*
    (`Ledger.latest_events`); later events are ignored.
    """
    cal = calendar or default_calendar()
    by_task: dict[str, list[TaskEvent]] = defaultdict(list)
    for event in latest:
        if event.on <= as_of:
            by_task[event.task].append(event)
    facts = _plan_facts(plan)
    states = []
    no_events: list[TaskEvent] = []
    for task, (fixed, members, open_group), due in zip(
        plan.tasks, facts.deciders, facts.due_days(plan, policy, cal), strict=True
    ):
        events = by_task.get(task.code, no_events)
        reporters = fixed
        chosen: tuple[TaskEvent, ...] = ()
        status: TaskStatus | None = None
        on: date | None = None
        if events:
            if open_group:  # whoever reports under an open group is a reporter
                reporters = tuple(dict.fromkeys((*fixed, *(e.agency for e in events))))
                chosen = tuple(events)
            elif fixed:
                chosen = tuple(e for e in events if e.agency in members)
            else:
                chosen = tuple(events)
            if chosen:
                status, on = _derive(chosen, len(reporters))
        progress, late = _progress(status, on, due, as_of, cal)
        states.append(
            TaskState(
                task=task,
                status=status,
                on=on,
                due=due,
                reporters=reporters,
                latest=chosen,
                progress=progress,
                days_late=late,
            )
        )
    return tuple(states)


def _progress(
    status: TaskStatus | None,
    held: date | None,
    due: date | None,
    as_of: date,
    cal: WorkingCalendar,
) -> tuple[Progress, int]:
    if status is _DONE and held is not None:
        if due is not None and held > due:
            return Progress.DONE_LATE, cal.working_days_between(due, held)
        return Progress.DONE_ON_TIME, 0
    if status is _CANCELLED or status is _CARRIED:  # closed, not done: not owed
        return Progress.CLOSED, 0
    if due is not None and due < as_of:
        return Progress.OVERDUE, cal.working_days_between(due, as_of)
    if status is None:
        return Progress.NO_REPORT, 0
    return Progress.IN_PROGRESS, 0


def task_history(
    events: Iterable[TaskEvent], task: str
) -> tuple[tuple[TaskEvent, int | None], ...]:
    """*task*'s events in the order recorded, each with the id of the event that supersedes
    it (None: still in force)."""
    chosen = [e for e in events if e.task == task]
    replaced = {e.supersedes: e.id for e in chosen if e.supersedes is not None}
    return tuple((e, replaced.get(e.id)) for e in chosen)


class Timeliness(enum.Enum):
    """One expected report for one period: on time, late, missing, or not yet due."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"

    def label(self, lang: str = "vi") -> str:
        """Vietnamese label by default, English with ``lang="en"``."""
        if lang != "vi":
            return self.value.replace("_", " ")
        return {
            "on_time": "đúng hạn",
            "late": "trễ hạn",
            "missing": "chưa nộp",
            "pending": "chưa đến hạn",
        }[self.value]


@final
@attrs.frozen(kw_only=True)
class ReportCell:
    """One reporter × period of the completeness table.

    Attributes:
        agency: the reporter's key.
        period: the period, with the plan's (plain) due day.
        due: the lawful due day.
        submitted_on: the day the first report arrived (None: none by *as_of*).
        status: on time, late, missing or pending.
        days_late: working days after the lawful due day (late, or missing so far).
    """

    agency: str
    period: ReportingPeriod
    due: date
    submitted_on: date | None
    status: Timeliness
    days_late: int = 0


def expected_reporters(plan: Plan) -> tuple[str, ...]:
    """Who reports under the plan's regime: every provincial agency that leads or implements
    a task (closed groups by their members), except the recipient and central bodies."""
    recipient = plan.reporting.recipient if plan.reporting is not None else None
    directory = _directory(plan)
    keys: list[str] = []
    for task in plan.tasks:
        keys.extend(_deciders(task, directory)[0])
    out = []
    for key in dict.fromkeys(keys):
        item = directory.get(key)
        if item is None:
            continue
        if key == recipient or getattr(item, "external", False):
            continue
        out.append(key)
    return tuple(out)


def completeness(
    plan: Plan,
    submissions: Iterable[Submission],
    as_of: date,
    *,
    period: str | None = None,
    reporters: Sequence[str] | None = None,
    policy: DuePolicy = DuePolicy.FORWARD,
    calendar: WorkingCalendar | None = None,
) -> tuple[ReportCell, ...]:
    """Each expected reporter × period of the plan's regime, on time / late / missing.

    Periods are those of the plan's year with a due day (`ReportingRegime.periods`), or
    only *period*; the due day follows *policy* ("trước ngày 15" never moves onto the 15th).
    A submission counts from the day it arrived; superseded ones are ignored.
    """
    cal = calendar or default_calendar()
    regime = plan.reporting
    if regime is None:
        return ()
    periods = [p for p in regime.periods(plan.year) if p.due is not None]
    if period is not None:
        periods = [p for p in periods if p.id == period]
    who = tuple(reporters) if reporters is not None else expected_reporters(plan)
    items = list(submissions)
    replaced = {s.supersedes for s in items if s.supersedes is not None}
    first: dict[tuple[str, str], date] = {}
    for item in items:
        if item.id in replaced or item.submitted_on > as_of:
            continue
        key = (item.agency, item.period)
        if key not in first or item.submitted_on < first[key]:
            first[key] = item.submitted_on
    cells = []
    for reporting_period in periods:
        assert reporting_period.due is not None
        rule = regime.rule_for(reporting_period)
        before = rule.before if rule is not None else False
        due = cal.shift(reporting_period.due, policy, before=before)
        for agency in who:
            day = first.get((agency, reporting_period.id))
            if day is not None:
                late = cal.working_days_between(due, day) if day > due else 0
                status = Timeliness.LATE if late > 0 or day > due else Timeliness.ON_TIME
            elif due < as_of:
                status, late = Timeliness.MISSING, cal.working_days_between(due, as_of)
            else:
                status, late = Timeliness.PENDING, 0
            cells.append(
                ReportCell(
                    agency=agency,
                    period=reporting_period,
                    due=due,
                    submitted_on=day,
                    status=status,
                    days_late=late,
                )
            )
    return tuple(cells)
