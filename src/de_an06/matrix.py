"""Who does what: agencies × tasks with their roles, and the questions asked of it.

>>> from de_an06 import load_plan, Role
>>> matrix = responsibility_matrix(load_plan("son-la-2024"))
>>> "1.1" in matrix.tasks_for("Các sở, ngành liên quan", Role.LEAD)
True

Options:

* ``expand=True`` replaces a collective reference ("UBND các huyện, thành phố") by its
  members. A group whose membership the plan leaves open ("Các sở, ngành liên quan"), or
  whose members are not listed, keeps a row of its own, flagged: it is never dropped.
* ``as_of=day`` shows each assignment under the body that holds it on that day, following
  the province's succession data (`de_an06.succession`): 2024's "Sở Thông tin và Truyền
  thông" becomes Sở Khoa học và Công nghệ in 2026. Each `Entry` keeps the chain, and
  whether the successor is unknown or the date of a change uncertain.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, final

import attrs

from ._matrix_records import Entry, LeadIssue, Row, RowKind, WorkloadRow
from ._tables import to_csv, to_markdown, write_xlsx
from ._text import fold
from .agency import Agency, AgencyGroup
from .directory import Directory, agency_directory, plan_items
from .errors import UnknownKeyError
from .plan import Plan
from .schedule import DEFAULT_WITHIN, DueStatus, due_status
from .succession import SuccessionMap, Successions, successions_for
from .task import Role, Task

__all__ = [
    "DueStatus",
    "Entry",
    "LeadIssue",
    "ResponsibilityMatrix",
    "Row",
    "RowKind",
    "WorkloadRow",
    "due_status",
    "responsibility_matrix",
]


@final
@attrs.frozen(kw_only=True)
class ResponsibilityMatrix:
    """Agencies × tasks. Build it with `responsibility_matrix` (or `Plan.responsibility_matrix`).

    Queries take an agency by key or by any name the directory knows ("Sở TT&TT"); on an
    as-of matrix a former body's name finds the body holding its work.
    """

    plan_id: str
    tasks: tuple[Task, ...]
    rows: tuple[Row, ...]
    entries: tuple[Entry, ...]
    expand: bool = False
    as_of: date | None = None
    directory: Directory = attrs.field(eq=False, repr=False)
    succession: SuccessionMap | None = attrs.field(default=None, eq=False, repr=False)

    # Indexes built once, so that every query is linear in the entries it returns (#18).
    _codes: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    _task_order: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    _columns: dict[str, list[int]] = attrs.field(init=False, eq=False, repr=False)
    _row_order: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    _by_agency: dict[str, list[Entry]] = attrs.field(init=False, eq=False, repr=False)
    _by_task: dict[str, list[Entry]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        codes = tuple(task.code for task in self.tasks)
        by_agency: dict[str, list[Entry]] = {}
        by_task: dict[str, list[Entry]] = {}
        for entry in self.entries:
            by_agency.setdefault(entry.agency, []).append(entry)
            by_task.setdefault(entry.task, []).append(entry)
        row_order: dict[str, int] = {}
        for index, row in enumerate(self.rows):
            row_order.setdefault(row.key, index)
        columns: dict[str, list[int]] = {}
        for index, code in enumerate(codes):
            columns.setdefault(code, []).append(index)
        task_order = {code: indexes[0] for code, indexes in columns.items()}
        object.__setattr__(self, "_codes", codes)
        object.__setattr__(self, "_task_order", task_order)
        object.__setattr__(self, "_columns", columns)
        object.__setattr__(self, "_row_order", row_order)
        object.__setattr__(self, "_by_agency", by_agency)
        object.__setattr__(self, "_by_task", by_task)

    @property
    def task_codes(self) -> tuple[str, ...]:
        """The task codes, in the plan's order."""
        return self._codes

    def row(self, key: str) -> Row:
        """The row of *key*; raises `UnknownKeyError` if the body has no role."""
        if key in self._row_order:
            return self.rows[self._row_order[key]]
        known = (r.key for r in self.rows)
        raise UnknownKeyError("matrix row", key, known, source=f"plan {self.plan_id!r}")

    def key_of(self, agency: str) -> str:
        """The row key for *agency* (a key or a name), mapped to its holder on ``as_of``.

        Raises:
            AgencyLookupError: the name is unknown or ambiguous.
        """
        if agency in self._row_order:
            return agency
        key = self.directory.resolve(agency).key
        if self.succession is not None and self.as_of is not None:
            return self.succession.holding(key, self.as_of).holder
        return key

    def select(
        self, agency: str | None = None, task: str | None = None, role: Role | None = None
    ) -> tuple[Entry, ...]:
        """The entries matching every criterion given."""
        key = None if agency is None else self.key_of(agency)
        if task is not None and task not in self._task_order:
            where = f"plan {self.plan_id!r}"
            raise UnknownKeyError("task", task, self.task_codes, source=where)
        if key is not None:
            pool: Sequence[Entry] = self._by_agency.get(key, ())
        elif task is not None:
            pool = self._by_task.get(task, ())
        else:
            pool = self.entries
        return tuple(
            e
            for e in pool
            if (key is None or e.agency == key)
            and (task is None or e.task == task)
            and (role is None or e.role is role)
        )

    def roles(self, agency: str, task: str) -> tuple[Role, ...]:
        """The roles of *agency* in *task*, in `Role` order (empty if none)."""
        found = {e.role for e in self.select(agency, task)}
        return tuple(role for role in Role if role in found)

    def cells(self, agency: str, role: Role | None = None) -> dict[str, tuple[Role, ...]]:
        """Task code → roles of *agency* (only *role*, if given), for its tasks, plan order."""
        return self._cells(self.select(agency, role=role))

    def _cells(self, entries: Iterable[Entry]) -> dict[str, tuple[Role, ...]]:
        found: dict[str, set[Role]] = {}
        for entry in entries:
            found.setdefault(entry.task, set()).add(entry.role)
        return {
            code: tuple(r for r in Role if r in found[code]) for code in self._in_plan_order(found)
        }

    def _in_plan_order(self, codes: Iterable[str]) -> list[str]:
        order = self._task_order
        return sorted((c for c in codes if c in order), key=order.__getitem__)

    def tasks_for(self, agency: str, role: Role | None = None) -> tuple[str, ...]:
        """Codes of the tasks in which *agency* has *role* (any role if None), plan order."""
        return tuple(self._in_plan_order({e.task for e in self.select(agency, role=role)}))

    def agencies_for(self, task: str, role: Role | None = None) -> tuple[str, ...]:
        """Row keys of the bodies with *role* (any if None) in *task*, in row order."""
        found = {e.agency for e in self.select(task=task, role=role)}
        order = self._row_order
        return tuple(sorted((k for k in found if k in order), key=order.__getitem__))

    def lead_issues(self) -> tuple[LeadIssue, ...]:
        """Every task without exactly one leading body, in plan order."""
        issues = []
        kinds = {row.key: row.kind for row in self.rows}
        for code in self.task_codes:
            leads = self.agencies_for(code, Role.LEAD)
            if not leads:
                issues.append(LeadIssue(task=code, leads=(), reason="no lead"))
            elif len(leads) > 1:
                issues.append(LeadIssue(task=code, leads=leads, reason="several leads"))
            elif kinds[leads[0]] is not RowKind.AGENCY:
                issues.append(LeadIssue(task=code, leads=leads, reason="collective lead"))
        return tuple(issues)

    def workload(self, as_of: date, within: int = DEFAULT_WITHIN) -> tuple[WorkloadRow, ...]:
        """Per body: distinct tasks per role, and their deadline status on *as_of*.

        "Due soon" means due within *within* calendar days (`due_status`).

        Sorted by number of tasks (most first), then by name (diacritics folded).
        """
        status = {task.code: due_status(task, as_of, within) for task in self.tasks}
        result = []
        for row in self.rows:
            mine = self._by_agency.get(row.key, ())
            per_role = {role: len({e.task for e in mine if e.role is role}) for role in Role}
            codes = {e.task for e in mine}
            counts = {s: sum(1 for c in codes if status[c] is s) for s in DueStatus}
            result.append(
                WorkloadRow(
                    key=row.key,
                    name=row.name,
                    kind=row.kind,
                    **{role.value: per_role[role] for role in Role},
                    tasks=len(codes),
                    **{s.value: counts[s] for s in DueStatus},
                )
            )
        return tuple(sorted(result, key=lambda w: (-w.tasks, fold(w.name), w.key)))

    def grid(self, role: Role | None = None) -> tuple[list[str], list[list[str]]]:
        """Header and rows of the agencies × tasks table (cells: role values joined by "; ").

        With *role*, only that role's cells, and only rows that have it. On an as-of
        matrix a last column says whose work each row holds and how (the chain).
        """
        header = ["key", "agency", "kind", *self.task_codes]
        if self.as_of is not None:
            header.append("holds work of")
        rows = []
        blank = [""] * len(self.task_codes)
        for row in self.rows:
            cells = self.cells(row.key, role)
            if not cells:
                continue
            line = [row.key, row.name, row.kind.value, *blank]
            for code, found in cells.items():
                for column in self._columns[code]:
                    line[3 + column] = "; ".join(r.value for r in found)
            if self.as_of is not None:
                line.append(self.chains_text(row.key))
            rows.append(line)
        return header, rows

    def to_csv(self, role: Role | None = None) -> str:
        """`grid` as CSV text (UTF-8 BOM for Excel; formula-like cells neutralised)."""
        return to_csv(*self.grid(role))

    def to_markdown(self, role: Role | None = None) -> str:
        """`grid` as a Markdown table (formula-like cells neutralised, pipes escaped)."""
        return to_markdown(*self.grid(role))

    def write_xlsx(self, path: str | os.PathLike[str], role: Role | None = None) -> None:
        """Write `grid` to an XLSX file; needs the ``xlsx`` extra (openpyxl).

        Raises:
            ExportError: openpyxl is not installed.
        """
        write_xlsx(*self.grid(role), path, sheet="Ma trận")

    def chains_text(self, key: str) -> str:
        """How row *key* came to hold the work it holds on ``as_of`` (empty if unchanged)."""
        if self.succession is None:
            return ""
        mine = self._by_agency.get(key, ())
        holdings = {e.origin: e.holding for e in mine if e.holding}
        return " | ".join(self.succession.describe(h) for h in holdings.values() if h.chain)

    def as_dict(self) -> dict[str, Any]:
        """The matrix as JSON-ready data: rows with roles and cells, entries with chains."""
        rows = []
        for row in self.rows:
            cells = self.cells(row.key)
            roles = {r.value: [c for c, found in cells.items() if r in found] for r in Role}
            rows.append(
                {
                    "key": row.key,
                    "name": row.name,
                    "kind": row.kind.value,
                    "source": row.source,
                    "note": row.note,
                    "roles": roles,
                    "cells": {code: [r.value for r in found] for code, found in cells.items()},
                }
            )
        return {
            "plan": self.plan_id,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "expand": self.expand,
            "tasks": list(self.task_codes),
            "rows": rows,
            "entries": [self._entry_record(e) for e in self.entries],
            "lead_issues": [attrs.asdict(issue) for issue in self.lead_issues()],
        }

    def _entry_record(self, entry: Entry) -> dict[str, Any]:
        record: dict[str, Any] = {
            "task": entry.task,
            "role": entry.role.value,
            "agency": entry.agency,
            "named": entry.mention.agency,
            "text": entry.mention.text,
            "count": entry.mention.count,
            "origin": entry.origin,
            "via": entry.via,
        }
        if entry.holding is not None and self.succession is not None:
            record["chain"] = [self.succession.step_record(s) for s in entry.holding.chain]
            record["unknown_successor"] = entry.unknown_successor
            record["uncertain"] = entry.uncertain
        return record


def responsibility_matrix(
    plan: Plan,
    *,
    expand: bool = False,
    as_of: date | None = None,
    successions: Successions | None = None,
) -> ResponsibilityMatrix:
    """The plan's responsibility matrix; see the module docstring for the options.

    *successions* defaults to the bundled data of the plan's province (used only with
    *as_of*).
    """
    succession = None
    if as_of is not None:
        succession = (successions or successions_for(plan)).bind(plan)
        directory = succession.directory
    else:
        directory = agency_directory(plan)
    items = {item.key: item for item in plan_items(plan)}
    memo: dict[str, tuple[str, ...]] = {}  # each group expanded once (#13: was exponential)
    entries = []
    for task in plan.tasks:
        for role, mention in task.assignments():
            origins = _members(mention.agency, items, (), memo) if expand else (mention.agency,)
            for origin in origins:
                holding = None
                if succession is not None and as_of is not None:
                    holding = succession.holding(origin, as_of)
                key = origin if holding is None else holding.holder
                entries.append(
                    Entry(
                        task=task.code,
                        role=role,
                        agency=key,
                        mention=mention,
                        origin=origin,
                        holding=holding,
                    )
                )
    rows = _rows(entries, directory, succession, items)
    return ResponsibilityMatrix(
        plan_id=plan.id,
        tasks=plan.tasks,
        rows=rows,
        entries=tuple(entries),
        expand=expand,
        as_of=as_of,
        directory=directory,
        succession=succession,
    )


def _members(
    key: str,
    items: dict[str, Agency | AgencyGroup],
    seen: tuple[str, ...],
    memo: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """*key* expanded into agencies; the group itself stays if open or memberless.

    *memo* holds each group's expansion, so a group reached many ways is expanded once;
    a member seen on the way (a cycle, refused at load) stands for itself.
    """
    item = items.get(key)
    if not isinstance(item, AgencyGroup) or key in seen:
        return (key,)
    if key in memo:
        return memo[key]
    found: dict[str, None] = {}  # ordered, each key once: at most every agency and group
    for member in item.members:
        found.update(dict.fromkeys(_members(member, items, (*seen, key), memo)))
    if item.open or not item.members:
        found[key] = None
    memo[key] = tuple(found)
    return memo[key]


def _rows(
    entries: Sequence[Entry],
    directory: Directory,
    succession: SuccessionMap | None,
    items: dict[str, Agency | AgencyGroup],
) -> tuple[Row, ...]:
    named: dict[str, str] = {}  # row key -> the first mention's text
    for entry in entries:
        named.setdefault(entry.agency, entry.mention.text)
    order = [entry.key for entry in directory if entry.key in named]
    order += sorted(set(named).difference(order))
    return tuple(_row(key, directory, succession, items, named) for key in order)


def _row(
    key: str,
    directory: Directory,
    succession: SuccessionMap | None,
    items: dict[str, Agency | AgencyGroup],
    named: dict[str, str],
) -> Row:
    item: Agency | AgencyGroup | None = items.get(key)
    source = "plan"
    if item is None and succession is not None and key in directory:
        item, source = succession.item(key), "succession"
    if item is None:
        note = "key not defined in the plan's directory"
        return Row(key=key, name=named[key], kind=RowKind.AGENCY, source="unknown", note=note)
    if isinstance(item, Agency):
        return Row(key=key, name=item.name, kind=RowKind.AGENCY, source=source)
    if item.open:
        note = "open group: which bodies it covers is decided case by case"
        return Row(key=key, name=item.name, kind=RowKind.OPEN_GROUP, source=source, note=note)
    note = "" if item.members else "members not listed"
    return Row(key=key, name=item.name, kind=RowKind.GROUP, source=source, note=note)
