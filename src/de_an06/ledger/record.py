"""Checking input against the plan before it goes into the ledger.

An unknown task, agency or status, a day outside the plan's year or a percent outside
0–100 is refused (`LedgerError`, `UnknownKeyError`, `AgencyLookupError`). An agency the
task's role lines do not name is **accepted with a warning**: open groups such as "Các
sở, ngành liên quan" name no members, so the plan cannot prove an agency has no part in
a task; the warning says so and the event is kept.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import final

import attrs

from .._text import nfc
from ..agency import Agency, AgencyGroup
from ..directory import resolve_agency
from ..plan import Plan
from ..task import Task
from .model import LedgerError, Submission, TaskEvent, TaskStatus, check_percent
from .store import Ledger, now_utc

__all__ = [
    "Checked",
    "PlanLookup",
    "agencies_of",
    "check_event",
    "check_submission",
    "record_event",
]


@final
@attrs.frozen(kw_only=True)
class Checked:
    """An event checked against the plan, with the warnings it raised (may be empty)."""

    event: TaskEvent
    warnings: tuple[str, ...] = ()


def agencies_of(plan: Plan, task: Task) -> frozenset[str]:
    """Keys of every agency and group *task* names in any role, with closed groups' members."""
    keys: set[str] = set()
    for _, mention in task.assignments():
        keys.add(mention.agency)
        item = _item(plan, mention.agency)
        if isinstance(item, AgencyGroup):
            keys.update(item.members)
    return frozenset(keys)


def _item(plan: Plan, key: str) -> Agency | AgencyGroup | None:
    try:
        return plan.agency_by_key(key)
    except LookupError:
        return None


@final
class PlanLookup:
    """The plan's tasks by code, agencies by name and each task's agencies, found once and
    kept, for checking many rows (an import): `Plan.task` and `resolve_agency` scan the
    plan on every call.

    >>> from de_an06.loading import load_plan
    >>> lookup = PlanLookup(load_plan("son-la-2024"))
    >>> lookup.task("6.1").code, lookup.agency("sở tt&tt").key
    ('6.1', 'so-tttt')
    """

    __slots__ = ("_agencies", "_names", "_roles", "_tasks", "plan")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._tasks = {t.code: t for t in plan.tasks}
        self._names: dict[str, Agency | AgencyGroup] = {}
        self._roles: dict[str, frozenset[str]] = {}

    def task(self, code: str) -> Task:
        """The task coded *code*; `Plan.task`'s `UnknownKeyError` (with suggestions) if none."""
        found = self._tasks.get(code)
        return self.plan.task(code) if found is None else found

    def agency(self, name: str) -> Agency | AgencyGroup:
        """`resolve_agency`, remembered per name (an unknown name raises every time)."""
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = resolve_agency(self.plan, name)
        return found

    def agencies_of(self, task: Task) -> frozenset[str]:
        """`agencies_of`, remembered per task."""
        found = self._roles.get(task.code)
        if found is None:
            found = self._roles[task.code] = agencies_of(self.plan, task)
        return found


def check_day(plan: Plan, day: date, what: str = "--on") -> date:
    """*day* if it lies in the plan's year, else `LedgerError`."""
    if day.year != plan.year:
        msg = f"{what}: {day.isoformat()} is outside the plan's year {plan.year}"
        raise LedgerError(msg)
    return day


def check_event(
    plan: Plan,
    task: str,
    status: TaskStatus | str,
    holds_on: date,
    agency: str,
    *,
    percent: int | None = None,
    note: str = "",
    evidence: str = "",
    recorded_by: str = "",
    source: str = "api",
    supersedes: int | None = None,
    recorded_at: datetime | None = None,
    lookup: PlanLookup | None = None,
) -> Checked:
    """A `TaskEvent` for *plan*, with *agency* resolved by any of its names (through
    *lookup* when many rows are checked).

    >>> from de_an06.loading import load_plan
    >>> plan = load_plan("son-la-2024")
    >>> checked = check_event(plan, "6.1", "done", date(2024, 4, 15), "sở tt&tt")
    >>> checked.event.agency, checked.event.status.value, checked.warnings
    ('so-tttt', 'done', ())
    """
    lookup = lookup or PlanLookup(plan)
    found = lookup.task(nfc(task).strip())
    key = lookup.agency(agency).key
    kind = status if isinstance(status, TaskStatus) else TaskStatus.parse(status)
    check_day(plan, holds_on)
    warnings: tuple[str, ...] = ()
    if key not in lookup.agencies_of(found):
        warnings = (
            f"task {found.code}: the plan names no role for {key!r}; recorded anyway "
            "(open groups such as 'các sở, ngành liên quan' list no members)",
        )
    event = TaskEvent(
        task=found.code,
        agency=key,
        status=kind,
        on=holds_on,
        percent=check_percent(percent),
        note=nfc(note),
        evidence=nfc(evidence),
        recorded_at=recorded_at or now_utc(),
        recorded_by=nfc(recorded_by),
        source=source,
        supersedes=supersedes,
    )
    return Checked(event=event, warnings=warnings)


def record_event(
    ledger: Ledger, plan: Plan, *args: object, **kwargs: object
) -> tuple[int, Checked]:
    """Check an event (`check_event`'s arguments) and store it; its id and the check."""
    checked = check_event(plan, *args, **kwargs)  # type: ignore[arg-type]  # same signature
    return ledger.add_event(checked.event), checked


def check_submission(
    plan: Plan,
    agency: str,
    period: str,
    submitted_on: date,
    *,
    recorded_by: str = "",
    source: str = "api",
    supersedes: int | None = None,
) -> Submission:
    """A `Submission` for *plan*: the agency resolved, the period id checked.

    >>> from de_an06.loading import load_plan
    >>> check_submission(load_plan("son-la-2024"), "UBND huyện Mai Sơn", "202407",
    ...                  date(2024, 7, 12)).agency
    'ubnd-huyen-mai-son'
    """
    from ..reporting import ReportingPeriod

    key = resolve_agency(plan, agency).key
    found = ReportingPeriod.from_id(period.strip())
    if found.end.year != plan.year:
        msg = f"--period: {period!r} is outside the plan's year {plan.year}"
        raise LedgerError(msg)
    if submitted_on < found.start or submitted_on.year > plan.year + 1:
        msg = (
            f"--on: {submitted_on.isoformat()} cannot be a submission day for period "
            f"{found.id} (from {found.start.isoformat()} to the end of {plan.year + 1})"
        )
        raise LedgerError(msg)
    return Submission(
        agency=key,
        period=found.id,
        submitted_on=submitted_on,
        recorded_at=now_utc(),
        recorded_by=nfc(recorded_by),
        source=source,
        supersedes=supersedes,
    )
