"""Roles: one clear lead per task, no body doing and helping in one task, the pilot
models' allocations, the directory, and bodies gone by the plan's date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .._text import fold
from ..succession import successions_for
from ..task import Mention, Role, Task
from .context import Context
from .findings import Finding, Where, make
from .words import SAME_LINE_KINDS

__all__ = ["role_findings"]

_ROLE_VI = {
    Role.LEAD: "chủ trì",
    Role.COORDINATE: "phối hợp",
    Role.MONITOR: "theo dõi, đôn đốc",
    Role.ADVISE: "tham mưu",
    Role.IMPLEMENT: "thực hiện",
}


def role_findings(ctx: Context) -> Iterator[Finding]:
    """Every role finding of the plan."""
    for task in ctx.plan.tasks:
        yield from _lead(ctx, task)
        yield from _clashes(ctx, task)
    yield from _models(ctx)
    yield from _directory(ctx)
    yield from _gone(ctx)


def _lead(ctx: Context, task: Task) -> Iterator[Finding]:
    where, path = Where("task", task.code), ctx.task_path(task)
    leads = task.agencies_in(Role.LEAD)
    if not leads:
        implementers = ", ".join(m.text for m in task.agencies_in(Role.IMPLEMENT))
        yield make(
            "missing_lead",
            where,
            path,
            implementers_vi=f"; cơ quan thực hiện: {implementers}" if implementers else "",
            implementers_en=f"; implementing: {implementers}" if implementers else "",
        )
        return
    lines = [
        i for i, line in enumerate(task.roles) if any(a.role is Role.LEAD for a in line.assignments)
    ]
    if len(lines) > 1:
        yield make(
            "several_lead_lines",
            where,
            f"{path}.roles[{lines[1]}]",
            task.roles[lines[1]].text,
            count=len(lines),
        )
    open_leads = [m.text for m in leads if ctx.is_open(m.agency)]
    if open_leads:
        yield make("open_lead", where, path, ", ".join(open_leads))


def _clashes(ctx: Context, task: Task) -> Iterator[Finding]:
    """A body listed twice in one role, or both doing and helping (`SAME_LINE_KINDS`).

    Roles given by one line ("Cơ quan tham mưu, thực hiện") are the plan's intent; leading
    some pilot models and monitoring others is a coherent allocation: neither is reported.
    """
    where, path = Where("task", task.code), ctx.task_path(task)
    seen: dict[str, dict[Role, set[int]]] = defaultdict(lambda: defaultdict(set))
    text: dict[str, str] = {}
    for index, line in enumerate(task.roles):
        for assignment in line.assignments:
            names = [m.agency for m in assignment.agencies]
            for key in sorted({k for k in names if names.count(k) > 1}):
                yield make(
                    "listed_twice",
                    where,
                    f"{path}.roles[{index}]",
                    key,
                    role_vi=_ROLE_VI[assignment.role],
                    role_en=assignment.role.value,
                )
            for mention in assignment.agencies:
                seen[mention.agency][assignment.role].add(index)
                text.setdefault(mention.agency, mention.text)
    for key, roles in seen.items():
        for pair in SAME_LINE_KINDS:
            if not pair <= roles.keys():
                continue
            lines: set[int] = set().union(*(roles[r] for r in pair))
            if len(lines) < 2:
                continue
            ordered = sorted(pair, key=list(Role).index)
            yield make(
                "two_roles",
                where,
                path,
                text[key],
                name=text[key],
                roles_vi=" và ".join(_ROLE_VI[r] for r in ordered),
                roles_en=", ".join(r.value for r in ordered),
            )


def _models(ctx: Context) -> Iterator[Finding]:
    models = ctx.plan.pilot_models
    if models is None:
        return
    task = ctx.plan.task(models.task)
    where, path = Where("task", task.code), ctx.task_path(task)
    for role in (Role.LEAD, Role.MONITOR):
        counted = [m for m in task.agencies_in(role) if m.count is not None]
        if not counted:
            continue
        total = sum(m.count or 0 for m in counted)
        if total != models.total:
            yield make(
                "model_count",
                where,
                path,
                " + ".join(str(m.count) for m in counted),
                role_vi=_ROLE_VI[role],
                role_en=role.value,
                total=total,
                expected=models.total,
            )
        yield from _double(ctx, counted, role, where, path)


def _double(
    ctx: Context, counted: list[Mention], role: Role, where: Where, path: str
) -> Iterator[Finding]:
    by_name = {m.agency for m in counted}
    for mention in counted:
        group = next((g for g in ctx.plan.agency_groups if g.key == mention.agency), None)
        if group is None:
            continue
        for member in group.members:
            if member in by_name:
                yield make(
                    "double_allocation",
                    where,
                    path,
                    member,
                    name=ctx.name(member),
                    group=mention.text,
                    role_vi=_ROLE_VI[role],
                    role_en=role.value,
                )


def _directory(ctx: Context) -> Iterator[Finding]:
    owners: dict[str, set[str]] = defaultdict(set)
    for item in ctx.items.values():
        for name in item.names:
            owners[fold(name)].add(item.key)
    for name, keys in sorted(owners.items()):
        if len(keys) > 1:
            yield make(
                "agency_listed_twice",
                Where("directory"),
                "$.agencies",
                name,
                keys=", ".join(sorted(keys)),
            )


def _gone(ctx: Context) -> Iterator[Finding]:
    """Bodies the plan assigns that a dated change had ended by the decision's date."""
    day = ctx.plan.decision.date
    successions = successions_for(ctx.plan)
    if not successions.events:
        return
    smap = successions.bind(ctx.plan)
    assigned = dict.fromkeys(m.agency for task in ctx.plan.tasks for _, m in task.assignments())
    for key in assigned:
        event = next((e for e in smap.events_of(key) if e.date.applies_on(day)), None)
        if event is None:
            continue
        sure = event.date.certain_on(day)
        when = event.date.display()
        yield make(
            "agency_gone",
            Where("directory"),
            "$.agencies",
            ctx.name(key),
            name=ctx.name(key),
            when=f"{day:%d/%m/%Y}",
            what_vi=f"{event.kind.value} từ {when}" + ("" if sure else " (chưa chắc chắn)"),
            what_en=f"{event.kind.value} from {when}" + ("" if sure else " (uncertain)"),
        )
