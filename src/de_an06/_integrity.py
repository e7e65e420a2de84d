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

    # Paths are formatted only for a key that is missing: building one per mention
    # would cost more than every check together on a national plan (11,000 mentions).
    def missing(path: str, key: str, what: str) -> Problem:
        return Problem(source=source, path=path, value=key, message=f"no {what} has this key")

    if localities and plan.province not in localities:
        yield missing("$.province", plan.province, "locality")
    for i, loc in enumerate(plan.localities):
        if loc.parent is not None and loc.parent not in localities:
            yield missing(f"$.localities[{i}].parent", loc.parent, "locality")
    for i, agency in enumerate(plan.agencies):
        if localities and agency.locality is not None and agency.locality not in localities:
            yield missing(f"$.agencies[{i}].locality", agency.locality, "locality")
    for i, collective in enumerate(plan.agency_groups):
        for j, member in enumerate(collective.members):
            if member not in agencies:
                yield missing(f"$.agency_groups[{i}].members[{j}]", member, "agency")
    yield from _cycles(plan, source)
    for g, group in enumerate(plan.task_groups):
        for t, task in enumerate(group.tasks):
            for r, line in enumerate(task.roles):
                for a, assignment in enumerate(line.assignments):
                    for m, mention in enumerate(assignment.agencies):
                        if mention.agency not in agencies:
                            path = (
                                f"$.task_groups[{g}].tasks[{t}].roles[{r}]"
                                f".assignments[{a}].agencies[{m}].agency"
                            )
                            yield missing(path, mention.agency, "agency")
    for o, objective in enumerate(plan.objectives):
        for i, indicator in enumerate(objective.indicators):
            for v, override in enumerate(indicator.overrides):
                scope = override.scope
                if scope.kind is ScopeKind.LOCALITY and scope.key not in localities:
                    path = f"$.objectives[{o}].indicators[{i}].overrides[{v}].scope.key"
                    yield missing(path, scope.key, "locality")
    if plan.reporting is not None:
        recipient = plan.reporting.recipient
        if recipient is not None and recipient not in agencies:
            yield missing("$.reporting.recipient", recipient, "agency")
        for i, key in enumerate(plan.reporting.forward_to):
            if key not in agencies:
                yield missing(f"$.reporting.forward_to[{i}]", key, "agency")
    if plan.pilot_models is not None and plan.pilot_models.task not in {t.code for t in plan.tasks}:
        yield Problem(
            source=source,
            path="$.pilot_models.task",
            value=plan.pilot_models.task,
            message="no task has this code",
        )


def _cycles(plan: Plan, source: str) -> Iterator[Problem]:
    """A group that is its own member, directly or through other groups (one per cycle)."""
    index = {g.key: i for i, g in enumerate(plan.agency_groups)}
    members = {g.key: [m for m in g.members if m in index] for g in plan.agency_groups}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root, first in members.items():
        if root in state:
            continue
        path: list[str] = [root]
        stack = [iter(first)]
        state[root] = 1
        while stack:  # depth first, without recursion (a chain may be long)
            member = next(stack[-1], None)
            if member is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(member) == 1:
                cycle = [*path[path.index(member) :], member]
                yield Problem(
                    source=source,
                    path=f"$.agency_groups[{index[member]}].members",
                    value=" → ".join(cycle),
                    message="agency groups that contain each other: " + " → ".join(cycle),
                )
            elif member not in state:
                state[member] = 1
                path.append(member)
                stack.append(iter(members[member]))


def _duplicates(source: str, path: str, keys: list[str], what: str) -> Iterator[Problem]:
    repeated = sorted((key, count) for key, count in Counter(keys).items() if count > 1)
    for key, count in repeated:
        yield Problem(
            source=source,
            path=path,
            value=key,
            message=f"{what} used {count} times; keys must be unique",
        )
