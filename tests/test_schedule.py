"""Plan queries: due between dates, overdue, due soon, ongoing, undetermined."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

import pytest
from hypothesis import given, strategies as st

from de_an06 import (
    Decision,
    DuePolicy,
    ModelValueError,
    Plan,
    Task,
    TaskGroup,
    UnknownKeyError,
    load_plan,
    ongoing_tasks,
    overdue_tasks,
    parse_deadline,
    responsibility_matrix,
    tasks_due_between,
    tasks_due_within,
    undetermined_tasks,
)
from de_an06.report.build import build_report
from de_an06.schedule import (
    DEFAULT_WITHIN,
    DueStatus,
    due_soon_end,
    due_status,
    task_due,
)

from strategies import calendar_dates, plans

D = date
WORDING = {
    "1.1": "Trong quý I/2024.",  # 31/03/2024
    "1.2": "Thường xuyên.",
    "1.3": "Theo chỉ đạo của Trung ương.",
    "1.4": "hoàn thành trước ngày 15/9/2024",  # 14/09/2024, a Saturday
    "1.5": "Quý I, Quý II/2024 và duy trì thường xuyên",  # 30/06/2024, ongoing
    "1.6": "ngày 14/9/2024",  # a Saturday
    "1.7": "Tháng 3/2024.",  # 31/03/2024
}


def make_plan(wording: dict[str, str]) -> Plan:
    tasks = tuple(
        Task(code=code, text=f"task {code}", roles=(), deadline=parse_deadline(text))
        for code, text in wording.items()
    )
    return Plan(
        id="test",
        title="",
        year=2024,
        province="p",
        decision=Decision(number="1/QĐ-UBND", date=D(2024, 1, 2), issuer="", signer=""),
        task_groups=(TaskGroup(number=1, title="", tasks=tasks),),
    )


PLAN = make_plan(WORDING)


def codes(items: tuple) -> list[str]:  # type: ignore[type-arg]  # tuple of DueTask
    return [item.code for item in items]


class TestQueries:
    """Each query returns (task, due date) records sorted by due date, then plan order."""

    def test_due_between_includes_both_ends(self) -> None:
        found = tasks_due_between(PLAN, D(2024, 3, 31), D(2024, 6, 30))
        assert codes(found) == ["1.1", "1.7", "1.5"]
        assert [item.due for item in found] == [D(2024, 3, 31), D(2024, 3, 31), D(2024, 6, 30)]
        assert found[0].task is PLAN.task("1.1")

    def test_overdue(self) -> None:
        # 31/03/2024 is a Sunday: by Civil Code art. 148(5) (the default) the time limit
        # ends on Monday 01/04, so nothing is overdue before Tuesday 02/04.
        assert codes(overdue_tasks(PLAN, D(2024, 4, 1))) == []
        assert codes(overdue_tasks(PLAN, D(2024, 4, 2))) == ["1.1", "1.7"]
        keep = overdue_tasks(PLAN, D(2024, 4, 1), policy=DuePolicy.KEEP)
        assert codes(keep) == ["1.1", "1.7"]
        assert codes(overdue_tasks(PLAN, D(2024, 3, 31))) == []  # due that day: not yet
        done = {"1.1": D(2024, 3, 20), "1.7": D(2024, 4, 5)}
        assert codes(overdue_tasks(PLAN, D(2024, 4, 2), completed=done)) == ["1.7"]
        assert codes(overdue_tasks(PLAN, D(2024, 4, 6), completed=done)) == []

    def test_unknown_completed_code(self) -> None:
        with pytest.raises(UnknownKeyError, match=r"9\.9"):
            overdue_tasks(PLAN, D(2024, 4, 1), completed={"9.9": D(2024, 1, 1)})

    def test_due_within(self) -> None:
        assert codes(tasks_due_within(PLAN, D(2024, 6, 1), 30)) == ["1.5"]
        assert codes(tasks_due_within(PLAN, D(2024, 6, 30), 0)) == ["1.5"]
        assert codes(tasks_due_within(PLAN, D(2024, 9, 1), 14)) == ["1.4", "1.6"]
        with pytest.raises(ModelValueError):
            tasks_due_within(PLAN, D(2024, 6, 1), -1)

    def test_ongoing_and_undetermined(self) -> None:
        ongoing = ongoing_tasks(PLAN)
        assert codes(ongoing) == ["1.5", "1.2"]  # dated first
        assert ongoing[0].due == D(2024, 6, 30)
        assert ongoing[1].due is None
        assert codes(undetermined_tasks(PLAN)) == ["1.3"]

    def test_policy(self) -> None:
        # 1.6 "ngày 14/9/2024" (Sat) moves forward to Mon 16/09; 1.4 "trước ngày 15/9"
        # must stay before the 15th, so it goes back to Fri 13/09.
        assert task_due(PLAN.task("1.6"), DuePolicy.FORWARD) == D(2024, 9, 16)
        assert task_due(PLAN.task("1.4"), DuePolicy.FORWARD) == D(2024, 9, 13)
        found = tasks_due_between(PLAN, D(2024, 9, 15), D(2024, 9, 30), policy=DuePolicy.FORWARD)
        assert codes(found) == ["1.6"]
        back = tasks_due_between(PLAN, D(2024, 9, 1), D(2024, 9, 13), policy=DuePolicy.BACK)
        assert codes(back) == ["1.4", "1.6"]


class TestProperties:
    """On any plan the queries agree with the tasks' due dates."""

    @given(plans, calendar_dates, calendar_dates)
    def test_partition(self, plan: Plan, a: date, b: date) -> None:
        start, end = sorted((a, b))

        def tally(items: Iterable[Task]) -> Counter[int]:
            return Counter(id(task) for task in items)

        def due(task: Task) -> date | None:
            return task.deadline.due_date()

        overdue = overdue_tasks(plan, start, policy=DuePolicy.KEEP)
        assert tally(i.task for i in overdue) == tally(
            t for t in plan.tasks if (d := due(t)) is not None and d < start
        )
        between = tasks_due_between(plan, start, end)
        assert tally(i.task for i in between) == tally(
            t for t in plan.tasks if (d := due(t)) is not None and start <= d <= end
        )
        assert all(item.due == due(item.task) for item in between)
        dues = [item.due for item in between]
        assert dues == sorted(dues)  # type: ignore[type-var]  # all dated here
        assert all(not item.task.deadline.ongoing for item in undetermined_tasks(plan))
        assert all(item.due is None for item in undetermined_tasks(plan))
        assert all(item.task.deadline.ongoing for item in ongoing_tasks(plan))
        soon = tasks_due_within(plan, start, (end - start).days)
        assert [i.task for i in soon] == [i.task for i in between]


class TestOneDueSoonRule:
    """ "Due soon" is one rule (`due_soon_end`): every caller draws the same line."""

    @given(
        as_of=st.dates(min_value=date(2023, 6, 1), max_value=date(2025, 6, 30)),
        within=st.integers(min_value=0, max_value=200),
    )
    def test_callers_agree(self, as_of: date, within: int) -> None:
        plan = load_plan("son-la-2024")
        end = due_soon_end(as_of, within)
        expected = {
            t.code for t in plan.tasks if (d := t.deadline.due_date()) and as_of <= d <= end
        }
        assert {i.code for i in tasks_due_within(plan, as_of, within)} == expected
        assert {
            t.code for t in plan.tasks if due_status(t, as_of, within) is DueStatus.DUE_SOON
        } == (expected)
        matrix = responsibility_matrix(plan)
        for row in matrix.workload(as_of, within):
            mine = set(matrix.tasks_for(row.key))
            assert row.due_soon == len(mine & expected)
        # The report's tables use the lawful due day (DuePolicy.FORWARD) and hold each
        # task once, so its count may differ from the plain-date query's.
        heading = f"Due in the next {within} days ("
        assert heading in build_report(plan, as_of=as_of, within=within, lang="en").to_markdown()

    def test_default_and_bounds(self) -> None:
        assert DEFAULT_WITHIN == 30
        assert due_soon_end(date(2024, 6, 1)) == date(2024, 7, 1)
        with pytest.raises(ModelValueError, match="within must be 0 or more"):
            due_soon_end(date(2024, 6, 1), -1)
        with pytest.raises(ModelValueError, match="within must be 0 or more"):
            responsibility_matrix(load_plan("son-la-2024")).workload(date(2024, 6, 1), -5)
