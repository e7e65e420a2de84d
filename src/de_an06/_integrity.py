"""Cross-references inside a plan: every key a plan uses must name something it defines.

The converter checks each value's type; this checks what types cannot: that a role
line's agency key, a group's member, a locality's parent or the regime's recipient exist,
and that keys and task codes are unique.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .errors import Problem
from .indicator import ScopeKind
from .plan import Plan

__all__ = ["reference_problems"]


def reference_problems(plan: Plan, source: str) -> list[Problem]:
    """Every dangling or duplicate key of *plan*, with its field path."""
    return list(_problems(plan, source))


def _problems(plan: Plan, source: str) -> Iterator[Problem]:
    agency_keys = [a.key for a in plan.agencies] + [g.key for g in plan.agency_groups]
    locality_keys = [loc.key for loc in plan.localities]
    yield from _duplicates(source, "$.agencies/agency_groups", agency_keys, "agency key")
    yield from _duplicates(source, "$.localities", locality_keys, "locality key")
    yield from _duplicates(source, "$.task_groups", [t.code for t in plan.tasks], "task code")
    agencies, localities = set(agency_keys), set(locality_keys)

    def missing(path: str, key: str | None, known: set[str], what: str) -> Iterator[Problem]:
        if key is not None and key not in known:
            yield Problem(source=source, path=path, value=key, message=f"no {what} has this key")

    if localities:
        yield from missing("$.province", plan.province, localities, "locality")
    for i, loc in enumerate(plan.localities):
        yield from missing(f"$.localities[{i}].parent", loc.parent, localities, "locality")
    for i, agency in enumerate(plan.agencies):
        if localities:
            yield from missing(f"$.agencies[{i}].locality", agency.locality, localities, "locality")
    for i, collective in enumerate(plan.agency_groups):
        for j, member in enumerate(collective.members):
            yield from missing(f"$.agency_groups[{i}].members[{j}]", member, agencies, "agency")
    for g, group in enumerate(plan.task_groups):
        for t, task in enumerate(group.tasks):
            for r, line in enumerate(task.roles):
                for a, assignment in enumerate(line.assignments):
                    for m, mention in enumerate(assignment.agencies):
                        path = (
                            f"$.task_groups[{g}].tasks[{t}].roles[{r}]"
                            f".assignments[{a}].agencies[{m}].agency"
                        )
                        yield from missing(path, mention.agency, agencies, "agency")
    for o, objective in enumerate(plan.objectives):
        for i, indicator in enumerate(objective.indicators):
            for v, override in enumerate(indicator.overrides):
                if override.scope.kind is ScopeKind.LOCALITY:
                    path = f"$.objectives[{o}].indicators[{i}].overrides[{v}].scope.key"
                    yield from missing(path, override.scope.key, localities, "locality")
    if plan.reporting is not None:
        yield from missing("$.reporting.recipient", plan.reporting.recipient, agencies, "agency")
        for i, key in enumerate(plan.reporting.forward_to):
            yield from missing(f"$.reporting.forward_to[{i}]", key, agencies, "agency")
    if plan.pilot_models is not None and plan.pilot_models.task not in {t.code for t in plan.tasks}:
        yield Problem(
            source=source,
            path="$.pilot_models.task",
            value=plan.pilot_models.task,
            message="no task has this code",
        )


def _duplicates(source: str, path: str, keys: list[str], what: str) -> Iterator[Problem]:
    for key, count in sorted(Counter(keys).items()):
        if count > 1:
            yield Problem(
                source=source,
                path=path,
                value=key,
                message=f"{what} used {count} times; keys must be unique",
            )
