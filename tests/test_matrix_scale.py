"""The matrix's queries read each entry a bounded number of times (#18: no quadratic path).

Counted, not timed: every read of an entry's ``agency``, ``task`` or ``role`` goes through
a counting descriptor. A query that filters all entries once per row or per task (as
`workload`, `lead_issues`, `grid` and `as_dict` once did) reads about rows × entries
times and grows with the square of the plan; an indexed one grows with the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import attrs
import pytest

from de_an06 import UnknownKeyError, load_plan, plan_from_dict, plan_to_dict, responsibility_matrix
from de_an06.matrix import Entry, ResponsibilityMatrix
from de_an06.plan import Plan

FIELDS = ("agency", "task", "role")


def scaled(plan: Plan, copies: int) -> Plan:
    """*plan* with its task groups repeated *copies* times, renumbered (codes stay unique)."""
    data = plan_to_dict(plan)
    groups = data["task_groups"]
    out = []
    for copy in range(copies):
        for group in groups:
            number = group["number"] + copy * len(groups)
            tasks = [
                {**task, "code": f"{number}.{task['code'].split('.', 1)[1]}"}
                for task in group["tasks"]
            ]
            out.append({**group, "number": number, "tasks": tasks})
    return plan_from_dict({**data, "task_groups": out}, source="scaled")


@contextmanager
def counting_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts reads of `Entry`'s fields while the block runs (in the yielded list)."""
    count = [0]
    with monkeypatch.context() as patch:
        for name in FIELDS:
            slot: Any = Entry.__dict__[name]

            def read(entry: Entry, slot: Any = slot) -> Any:
                count[0] += 1
                return slot.__get__(entry, Entry)

            patch.setattr(Entry, name, property(read))
        yield count


QUERIES: dict[str, Callable[[ResponsibilityMatrix], object]] = {
    "workload": lambda m: m.workload(date(2024, 6, 30)),
    "lead_issues": lambda m: m.lead_issues(),
    "grid": lambda m: m.grid(),
    "as_dict": lambda m: m.as_dict(),
    "cells of every row": lambda m: [m.cells(row.key) for row in m.rows],
    "agencies of every task": lambda m: [m.agencies_for(code) for code in m.task_codes],
    "chains": lambda m: [m.chains_text(row.key) for row in m.rows],
}


@pytest.fixture(scope="module")
def plans() -> dict[int, Plan]:
    base = load_plan("son-la-2024")
    return {1: base, 4: scaled(base, 4)}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_entry_reads_grow_linearly(
    name: str, plans: dict[int, Plan], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = {}
    for size, plan in plans.items():
        matrix = responsibility_matrix(plan, as_of=date(2026, 1, 1))
        with counting_reads(monkeypatch) as count:
            QUERIES[name](matrix)
        reads[size] = count[0]
        # Each entry is read a few times, not once per row (44 rows here) or per task.
        assert reads[size] <= 12 * len(matrix.entries), (name, size, reads[size])
    assert reads[4] <= 5 * reads[1], reads  # the issue's bound: 4× the plan, ≤ 5× the work


def test_scaled_plan_answers_as_the_plan_does(plans: dict[int, Plan]) -> None:
    one, four = (responsibility_matrix(plans[k]) for k in (1, 4))
    assert len(four.entries) == 4 * len(one.entries)
    assert [r.key for r in four.rows] == [r.key for r in one.rows]
    assert len(four.lead_issues()) == 4 * len(one.lead_issues())
    work = {w.key: w.tasks for w in one.workload(date(2024, 6, 30))}
    assert {w.key: w.tasks // 4 for w in four.workload(date(2024, 6, 30))} == work


def test_counting_descriptor_counts() -> None:
    """The counter sees a linear scan: the test above could fail."""
    matrix = responsibility_matrix(load_plan("son-la-2024"))
    patch = pytest.MonkeyPatch()
    try:
        with counting_reads(patch) as count:
            for row in matrix.rows:  # the old per-row filter
                [e for e in matrix.entries if e.agency == row.key]
        assert count[0] == len(matrix.rows) * len(matrix.entries)
    finally:
        patch.undo()


def test_indexes_are_not_part_of_equality() -> None:
    plan = load_plan("son-la-2024")
    one, two = responsibility_matrix(plan), responsibility_matrix(plan)
    assert one == two
    assert attrs.evolve(one, entries=one.entries[:1]).select() == one.entries[:1]


def test_completed_tasks_are_checked_in_one_pass(
    plans: dict[int, Plan], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`build_report(completed=...)` with every task done looks the plan up once, not per task."""
    from de_an06.report import build_report

    plan = plans[4]
    completed = dict.fromkeys((t.code for t in plan.tasks), date(2024, 1, 5))
    lookups = [0]
    find = Plan.task

    def counted(self: Plan, code: str) -> object:
        lookups[0] += 1
        return find(self, code)

    monkeypatch.setattr(Plan, "task", counted)
    build_report(plan, as_of=date(2024, 6, 30), completed=completed)
    assert lookups[0] <= 1  # the pilot-model task at most; a lookup per code made 377
    with pytest.raises(UnknownKeyError):
        build_report(plan, as_of=date(2024, 6, 30), completed={"99.9": date(2024, 1, 5)})
