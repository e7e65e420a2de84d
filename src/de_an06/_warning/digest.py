"""One agency's digest for a day: its tasks due soon or overdue, its reports, its indicators
at risk."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import final

import attrs

from .._text import nfc
from ..agency import Agency, AgencyGroup
from ..ledger.model import Submission, TaskEvent, TaskStatus
from ..ledger.queries import Progress, Timeliness, completeness, expected_reporters, task_states
from ..matrix import responsibility_matrix
from ..plan import Plan
from ..reporting import ReportingPeriod
from ..schedule import task_due
from ..task import Role, Task
from ..workdays import DuePolicy, WorkingCalendar, default_calendar
from .pace import TrajectoryStatus
from .trajectory import Trajectory

__all__ = ["DEFAULT_WORKING_DAYS", "Digest", "DigestReport", "DigestTask", "agency_digest"]

DEFAULT_WORKING_DAYS = 5
"""A digest looks this many working days ahead unless told otherwise (a working week)."""

_WATCHED = (Role.LEAD, Role.COORDINATE)
_AT_RISK = (TrajectoryStatus.AT_RISK, TrajectoryStatus.OFF_TRACK)


@final
@attrs.frozen(kw_only=True)
class DigestTask:
    """A task the agency leads or coordinates that is due soon or overdue and not done.

    Attributes:
        task: the task; roles the agency's roles in it.
        due: the lawful due day (a day off moves to the next working day).
        overdue: True when *due* is before the digest's day.
        days: working days overdue, or working days left (0: due today).
        status: the status the ledger derives (None: no ledger, or nobody reported).
    """

    task: Task
    roles: tuple[Role, ...]
    due: date
    overdue: bool
    days: int
    status: TaskStatus | None = None


@final
@attrs.frozen(kw_only=True)
class DigestReport:
    """A periodic report the agency owes: due within the window, or due and not received.

    Attributes:
        period: the period; due its lawful due day.
        status: pending, missing, on time or late (None: no ledger, receipt unknown).
        submitted_on: the day it arrived (None: not received, or unknown).
    """

    period: ReportingPeriod
    due: date
    status: Timeliness | None = None
    submitted_on: date | None = None


@final
@attrs.frozen(kw_only=True)
class Digest:
    """What one agency owes, seen on one day.

    Attributes:
        plan_id, agency (key), agency_name, as_of, within (working days), until (the last
        day of the window).
        tasks: overdue first, then by due day.
        reports: what it owes (empty: it is not a periodic reporter).
        indicators: its units' trajectories that are at risk or off track.
        ledger: whether task completion and report receipt came from a ledger (False:
            completion unknown, overdue means past due by date).
    """

    plan_id: str
    agency: str
    agency_name: str
    as_of: date
    within: int
    until: date
    tasks: tuple[DigestTask, ...]
    reports: tuple[DigestReport, ...]
    indicators: tuple[Trajectory, ...]
    ledger: bool


def _committee_of(plan: Plan, agency: Agency) -> str | None:
    """The locality whose figures are *agency*'s: the one it governs as its People's
    Committee ("Ủy ban nhân dân huyện Mai Sơn" → mai-son), else None."""
    name = nfc(agency.name).casefold()
    if agency.locality is None or not name.startswith(("ủy ban nhân dân", "ubnd")):
        return None
    locality = next((loc for loc in plan.localities if loc.key == agency.locality), None)
    return None if locality is None or locality.level is not agency.level else locality.key


def units_of(plan: Plan, agency: Agency | AgencyGroup) -> frozenset[str]:
    """The units whose figures are *agency*'s: itself, and the locality it governs."""
    keys = {agency.key}
    if isinstance(agency, Agency):
        governed = _committee_of(plan, agency)
        if governed is not None:
            keys.add(governed)
    return frozenset(keys)


def agency_digest(
    plan: Plan,
    agency: str,
    as_of: date,
    *,
    within: int = DEFAULT_WORKING_DAYS,
    events: Iterable[TaskEvent] | None = None,
    submissions: Iterable[Submission] | None = None,
    trajectories: Sequence[Trajectory] = (),
    calendar: WorkingCalendar | None = None,
) -> Digest:
    """*agency*'s digest on *as_of*, looking *within* working days ahead.

    *events* (each task and agency's latest, `Ledger.latest_events`) and *submissions*
    come from the ledger; without them completion is unknown. *trajectories* are the
    indicators' (`trajectories`). Due days follow the lawful rule (``DuePolicy.FORWARD``).

    Raises `AgencyLookupError` for a name that names no agency, or more than one.
    """
    cal = calendar or default_calendar()
    matrix = responsibility_matrix(plan, expand=True, as_of=as_of)
    key = matrix.key_of(agency)
    item = plan.agency_by_key(key)
    until = cal.add_working_days(as_of, within) if within else as_of
    states = None
    if events is not None:
        states = {s.task.code: s for s in task_states(plan, events, as_of, calendar=cal)}
    tasks = []
    for task in plan.tasks:
        roles = tuple(dict.fromkeys(e.role for e in matrix.select(key, task.code)))
        roles = tuple(r for r in _WATCHED if r in roles)
        due = task_due(task, DuePolicy.FORWARD, calendar=cal)
        if not roles or due is None or due > until:
            continue
        state = None if states is None else states.get(task.code)
        status = None if state is None else state.status
        if state is not None and state.progress in (
            Progress.DONE_ON_TIME,
            Progress.DONE_LATE,
            Progress.CLOSED,
        ):
            continue
        overdue = due < as_of
        days = (
            cal.working_days_between(due, as_of)
            if overdue
            else cal.working_days_between(as_of, due)
        )
        tasks.append(
            DigestTask(task=task, roles=roles, due=due, overdue=overdue, days=days, status=status)
        )
    tasks.sort(key=lambda t: (not t.overdue, t.due))
    reports = _reports(plan, key, as_of=as_of, until=until, submissions=submissions, cal=cal)
    mine = units_of(plan, item)
    risky = tuple(t for t in trajectories if t.unit in mine and t.status in _AT_RISK)
    return Digest(
        plan_id=plan.id,
        agency=key,
        agency_name=item.name,
        as_of=as_of,
        within=within,
        until=until,
        tasks=tuple(tasks),
        reports=reports,
        indicators=risky,
        ledger=events is not None,
    )


def _reports(
    plan: Plan,
    key: str,
    *,
    as_of: date,
    until: date,
    submissions: Iterable[Submission] | None,
    cal: WorkingCalendar,
) -> tuple[DigestReport, ...]:
    """Reports due from *as_of* to *until* (at least the next one), and, with a ledger,
    those already due and not received."""
    regime = plan.reporting
    if regime is None or key not in expected_reporters(plan):
        return ()
    upcoming: dict[str, DigestReport] = {}
    for year in (as_of.year, as_of.year + 1):
        for period in regime.periods(year):
            rule = regime.rule_for(period)
            if period.due is None or rule is None:
                continue
            due = cal.shift(period.due, DuePolicy.FORWARD, before=rule.before)
            if as_of <= due <= until:
                upcoming[period.id] = DigestReport(period=period, due=due)
    if not upcoming:
        following = regime.next_due(as_of - timedelta(days=1))
        if following is not None and following.due is not None:
            rule = regime.rule_for(following)
            before = rule.before if rule is not None else False
            due = cal.shift(following.due, DuePolicy.FORWARD, before=before)
            upcoming[following.id] = DigestReport(period=following, due=due)
    if submissions is None:
        return tuple(sorted(upcoming.values(), key=lambda r: r.due))
    items = list(submissions)
    found: list[DigestReport] = []
    # The ledger's table covers the plan's year (`completeness`).
    for cell in completeness(plan, items, as_of, reporters=(key,), calendar=cal):
        if cell.period.id in upcoming or cell.status is Timeliness.MISSING:
            found.append(
                DigestReport(
                    period=cell.period,
                    due=cell.due,
                    status=cell.status,
                    submitted_on=cell.submitted_on,
                )
            )
    for report in upcoming.values():  # a period of a year the plan's regime does not list
        if all(r.period.id != report.period.id for r in found):
            found.append(attrs.evolve(report, status=Timeliness.PENDING))
    return tuple(sorted(found, key=lambda r: r.due))
