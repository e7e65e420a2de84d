"""A plan indexed once for the audit: task paths, free texts, the agency name book.

The task paths are built in one pass (a dictionary), not searched for each task.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from .._text import fold, join_lines
from ..agency import Agency, AgencyGroup
from ..plan import Plan
from ..task import Task
from .findings import Where

__all__ = ["Context", "Text"]

Text = tuple[Where, str, str]
"""(where, JSON path, text) of one free text of a plan."""


class Context:
    """*plan* with what the checks look up more than once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.task_paths: dict[str, str] = {
            task.code: f"$.task_groups[{g}].tasks[{t}]"
            for g, group in enumerate(plan.task_groups)
            for t, task in enumerate(group.tasks)
        }
        directory: list[Agency | AgencyGroup] = [*plan.agencies, *plan.agency_groups]
        self.items: dict[str, Agency | AgencyGroup] = {item.key: item for item in directory}

    def task_path(self, task: Task) -> str:
        """The JSON path of *task*."""
        return self.task_paths.get(task.code, "$")

    def is_open(self, key: str) -> bool:
        """Whether *key* names an open agency group ("Các sở, ngành liên quan")."""
        item = self.items.get(key)
        return isinstance(item, AgencyGroup) and item.open

    def name(self, key: str) -> str:
        """The name of the agency or group *key* (the key itself if unknown)."""
        item = self.items.get(key)
        return key if item is None else item.name

    @cached_property
    def texts(self) -> tuple[Text, ...]:
        """Every free text a slip, a citation or a count can sit in, in plan order."""
        return tuple(_texts(self.plan))

    @cached_property
    def units(self) -> dict[str, tuple[Agency, ...]]:
        """Folded reporting-unit name -> the agencies it stands for (a group: its members)."""
        agencies = {a.key: a for a in self.plan.agencies}
        names: dict[str, tuple[Agency, ...]] = {}
        for group in self.plan.agency_groups:
            members = tuple(agencies[m] for m in group.members if m in agencies)
            for name in group.names:
                names[fold(name)] = members
        for agency in self.plan.agencies:
            for name in agency.names:
                names[fold(name)] = (agency,)
        return names


def _texts(plan: Plan) -> Iterator[Text]:
    for i, basis in enumerate(plan.legal_bases):
        yield Where("legal_basis"), f"$.legal_bases[{i}]", basis
    for i, purpose in enumerate(plan.purposes):
        yield Where("purpose", str(i + 1)), f"$.purposes[{i}]", purpose
    for o, objective in enumerate(plan.objectives):
        yield Where("objective", objective.id), f"$.objectives[{o}].text", objective.text
        for i, ind in enumerate(objective.indicators):
            if join_lines(ind.text) != join_lines(objective.text):
                path = f"$.objectives[{o}].indicators[{i}].text"
                yield Where("indicator", ind.id), path, ind.text
    for g, group in enumerate(plan.task_groups):
        yield Where("group", str(group.number)), f"$.task_groups[{g}].title", group.title
        for t, task in enumerate(group.tasks):
            path = f"$.task_groups[{g}].tasks[{t}]"
            yield Where("task", task.code), f"{path}.text", task.text
            for r, line in enumerate(task.roles):
                yield Where("task", task.code), f"{path}.roles[{r}].text", line.text
            yield Where("task", task.code), f"{path}.deadline.text", task.deadline.text
    if plan.reporting is not None:
        yield Where("reporting"), "$.reporting.text", plan.reporting.text
    for i, paragraph in enumerate(plan.closing):
        yield Where("closing"), f"$.closing[{i}]", paragraph
    if plan.annex is not None:
        yield Where("annex_title"), "$.annex.title", plan.annex.title
        for s, section in enumerate(plan.annex.sections):
            for r, service in enumerate(section.services):
                rows = [(f"$.annex.sections[{s}].services[{r}]", service)]
                rows += [
                    (f"$.annex.sections[{s}].services[{r}].items[{i}]", item)
                    for i, item in enumerate(service.items)
                ]
                for path, row in rows:
                    where = Where("annex", f"{section.number}.{row.number}")
                    yield where, f"{path}.name", row.name
                    if row.reporting_units_text:
                        yield where, f"{path}.reporting_units_text", row.reporting_units_text
