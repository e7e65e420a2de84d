"""`Plan.task` is a dict look-up, not a scan of the plan per call (#18).

Counted, not timed: reads of `TaskGroup.tasks` and `Task.code` go through a counting
descriptor. Looking every task up by code once used to read every group and every code
per call (tasks² reads in all); with the per-plan index it reads them once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import pytest

import de_an06.plan as plan_module
from de_an06 import UnknownKeyError, load_plan, plan_from_dict, plan_to_dict
from de_an06.task import Task, TaskGroup


@contextmanager
def counting_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts reads of `TaskGroup.tasks` and `Task.code` while the block runs."""
    count = [0]
    with monkeypatch.context() as patch:
        for cls, name in ((TaskGroup, "tasks"), (Task, "code")):
            slot: Any = cls.__dict__[name]

            def read(obj: object, slot: Any = slot, cls: type = cls) -> Any:
                count[0] += 1
                return slot.__get__(obj, cls)

            patch.setattr(cls, name, property(read))
        yield count


def test_every_task_by_code_reads_the_plan_once(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_from_dict(plan_to_dict(load_plan("son-la-2024")), source="copy")
    codes = [t.code for t in plan.tasks]
    assert len(codes) > 40
    with counting_reads(monkeypatch) as count:
        found = [plan.task(code) for code in codes]
        again = [plan.task(code) for code in codes]
        tasks = [plan.tasks for _ in codes]
    assert [t.code for t in found] == codes
    assert again == found
    assert all(t == plan.tasks for t in tasks)
    # One pass to build the index (groups + codes) and the comprehensions' own reads.
    assert count[0] <= len(plan.task_groups) + 3 * len(codes), count[0]


def test_unknown_code_names_the_known_ones() -> None:
    plan = load_plan("son-la-2024")
    with pytest.raises(UnknownKeyError) as caught:
        plan.task("99.99")
    assert "1.1" in str(caught.value)


def test_first_task_of_a_repeated_code_wins() -> None:
    plan = load_plan("son-la-2024")
    group = plan.task_groups[0]
    first = group.tasks[0]
    twin = attrs.evolve(group.tasks[1], code=first.code)
    changed = attrs.evolve(group, tasks=(first, twin, *group.tasks[2:]))
    copy = attrs.evolve(plan, task_groups=(changed, *plan.task_groups[1:]))
    assert copy.task(first.code) is first
    assert copy.tasks[1] is twin


def test_index_is_per_object_and_goes_with_the_plan() -> None:
    plan = plan_from_dict(plan_to_dict(load_plan("son-la-2024")), source="copy")
    other = attrs.evolve(plan, task_groups=plan.task_groups[:1])
    assert len(other.tasks) < len(plan.tasks)
    assert other.task("1.1") is plan.task("1.1")
    key = id(plan)
    assert key in plan_module._INDEXES
    del plan
    gc.collect()
    assert key not in plan_module._INDEXES
