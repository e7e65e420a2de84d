"""Sub-commands about who does what: ``matrix`` and ``agencies``; the ``tasks --agency`` filter.

Agency names are looked up as people write them ("Sở TT&TT", "so thong tin va truyen
thong", "UBND tp Sơn La"); an unknown or ambiguous name exits 2 listing the candidates.
``--as-of DATE`` follows the province's succession data (2025 reform) to the body that
holds each assignment on that day.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from .._tables import Cell, Column, to_csv, to_json, to_markdown, write_xlsx
from ..agency import AgencyGroup
from ..matrix import ResponsibilityMatrix, RowKind, responsibility_matrix
from ..plan import Plan
from ..succession import Holding, SuccessionMap, successions_for
from ..task import Role
from ._common import (
    UsageError,
    add_agency_options,
    add_format_option,
    add_plan_option,
    add_within_option,
    input_files,
    parse_date,
    people_table,
    plan_of,
    task_record,
    write_output,
)

__all__ = ["agency_task_records", "register"]

_ROLE_HEADERS = {
    Role.LEAD: "chủ trì",
    Role.COORDINATE: "phối hợp",
    Role.MONITOR: "theo dõi",
    Role.ADVISE: "tham mưu",
    Role.IMPLEMENT: "thực hiện",
}
_KIND_MARK = {RowKind.AGENCY: "", RowKind.GROUP: "group", RowKind.OPEN_GROUP: "open group"}


def register(commands: Any) -> None:
    """Add ``matrix`` and ``agencies`` to the ``de-an06`` parser."""
    matrix = commands.add_parser(
        "matrix",
        help="responsibility matrix: agencies × tasks, workload, tasks without one lead",
        description="Who does what: each body's roles in each task. --expand replaces "
        "collective references by their members (open groups keep a row); --as-of follows "
        "the 2025 reform to the body holding each assignment on that day.",
        epilog="Examples:\n"
        "  de-an06 matrix --agency 'Sở TT&TT'\n"
        "  de-an06 matrix --workload --as-of 2024-06-30\n"
        "  de-an06 matrix --expand --as-of 2026-01-01 --format xlsx -o matrix.xlsx",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_plan_option(matrix)
    add_format_option(matrix, "csv", "md", "xlsx")
    matrix.add_argument("-o", "--output", metavar="FILE", help="write to FILE (needed for xlsx)")
    add_agency_options(matrix)
    matrix.add_argument("--expand", action="store_true", help="expand groups into members")
    view = matrix.add_mutually_exclusive_group()
    view.add_argument(
        "--workload",
        action="store_true",
        help="per body: tasks per role and deadline status on --as-of (default: today)",
    )
    view.add_argument("--leads", action="store_true", help="tasks without exactly one lead")
    add_within_option(matrix, " (with --workload)", old_soon=True)
    matrix.set_defaults(handler=_matrix)

    agencies = commands.add_parser(
        "agencies",
        help="find agencies by name; with --as-of, who holds their work on that day",
        description="List the plan's agencies and groups (and the bodies of the succession "
        "data), or those QUERY names: with or without diacritics, any case, abbreviations.",
        epilog="Examples:\n  de-an06 agencies 'so tt&tt' --as-of 2026-01-01 --format json\n"
        "  de-an06 agencies 'UBND tp Son La'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_plan_option(agencies)
    add_format_option(agencies)
    agencies.add_argument("query", nargs="?", metavar="QUERY", help="a name, as you write it")
    agencies.add_argument("--as-of", metavar="DATE", help="show the holder on DATE (YYYY-MM-DD)")
    agencies.set_defaults(handler=_agencies)


def _as_of(args: argparse.Namespace) -> date | None:
    return None if args.as_of is None else parse_date(args.as_of)


def _role(args: argparse.Namespace) -> Role | None:
    return None if args.role is None else Role(args.role)


# --- tasks --agency ---------------------------------------------------------------------


def agency_task_records(plan: Plan, args: argparse.Namespace) -> list[dict[str, Any]]:
    """The ``tasks`` listing, filtered by ``--agency``/``--role``/``--as-of`` if given.

    The agency's tasks include those given to a group it belongs to ("UBND các huyện,
    thành phố" for UBND huyện Mộc Châu). Extra keys: ``agency`` (the body, on ``--as-of``
    its holder), ``agency_roles`` and ``via`` (the group names it was reached through).
    """
    if args.agency is None:
        if args.role is not None or args.as_of is not None:
            raise UsageError("--role and --as-of filter by an agency: give --agency NAME too")
        return [task_record(task) for task in plan.tasks]
    matrix = responsibility_matrix(plan, expand=True, as_of=_as_of(args))
    key = matrix.key_of(args.agency)
    role = _role(args)
    records = []
    for task in plan.tasks:
        mine = [e for e in matrix.select(key, task.code) if role in (None, e.role)]
        if not mine:
            continue
        via = dict.fromkeys(e.mention.text for e in mine if e.via is not None)
        records.append(
            {
                **task_record(task),
                "agency": {"key": key, "name": _name(matrix, key)},
                "agency_roles": [r.value for r in Role if any(e.role is r for e in mine)],
                "via": list(via),
            }
        )
    return records


def _name(matrix: ResponsibilityMatrix, key: str) -> str:
    return next((row.name for row in matrix.rows if row.key == key), key)


# --- matrix -----------------------------------------------------------------------------


def _matrix(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and args.output is None:
        raise UsageError("--format xlsx writes a file: give -o FILE.xlsx")
    plan = plan_of(args)
    as_of = _as_of(args)
    matrix = responsibility_matrix(plan, expand=args.expand, as_of=as_of)
    only = None if args.agency is None else matrix.key_of(args.agency)
    if only is not None and all(row.key != only for row in matrix.rows):
        hint = "" if args.expand else " (try --expand to include collective references)"
        print(f"de-an06 matrix: {args.agency!r} has no role in this view{hint}", file=sys.stderr)
    if args.workload:
        return _workload(args, matrix, only, as_of or date.today())
    if args.leads:
        return _leads(args, matrix)
    role = _role(args)
    if args.format == "json":
        data = matrix.as_dict()
        if only is not None or role is not None:
            data = _filtered(data, only, role)
        return _write_text(args, to_json(data))
    if args.format in ("csv", "md", "xlsx"):
        header, rows = matrix.grid(role)
        rows = [r for r in rows if only is None or r[0] == only]
        return _write_table(args, header, rows, sheet="Ma trận")
    return _write_text(args, _matrix_table(args, matrix, only, role) + "\n")


def _filtered(data: dict[str, Any], only: str | None, role: Role | None) -> dict[str, Any]:
    entries = [
        e
        for e in data["entries"]
        if (only is None or e["agency"] == only) and (role is None or e["role"] == role.value)
    ]
    keys = {e["agency"] for e in entries}
    rows = [r for r in data["rows"] if r["key"] in keys]
    if role is not None:
        rows = [
            {
                **r,
                "roles": {k: v if k == role.value else [] for k, v in r["roles"].items()},
                "cells": {
                    c: [role.value] for c, found in r["cells"].items() if role.value in found
                },
            }
            for r in rows
        ]
    return {**data, "rows": rows, "entries": entries}


def _matrix_table(
    args: argparse.Namespace, matrix: ResponsibilityMatrix, only: str | None, role: Role | None
) -> str:
    rows: list[dict[str, Any]] = []
    for row in matrix.rows:
        if only is not None and row.key != only:
            continue
        first = True
        for r in Role if role is None else (role,):
            codes = matrix.tasks_for(row.key, r)
            if not codes:
                continue
            rows.append(
                {
                    "agency": row.name if first else "",
                    "kind": _KIND_MARK[row.kind] if first else "",
                    # the Vietnamese word for people, the role's value with --lang en
                    "role": _ROLE_HEADERS[r] if args.lang == "vi" else r.value,
                    "n": len(codes),
                    "tasks": ", ".join(codes),
                    "from": _holds(matrix, row.key) if first else "",
                }
            )
            first = False
    columns: list[Column] = [("agency", "agency"), ("kind", "kind"), ("role", "role")]
    columns += [("n", "n"), ("tasks", "tasks")]
    if matrix.as_of is not None:
        columns.append(("from", "holds work of"))
    return people_table(args, rows, columns, width=100_000, title=_title(matrix, args.lang))


def _holds(matrix: ResponsibilityMatrix, key: str) -> str:
    """Short form of what row *key* holds on the as-of day: "Sở TT&TT (01/03/2025 [P])"."""
    if matrix.succession is None:
        return ""
    holdings = {e.origin: e.holding for e in matrix.entries if e.agency == key and e.holding}
    return "; ".join(
        _short(matrix.succession, holding) for holding in holdings.values() if holding.chain
    )


def _short(smap: SuccessionMap, holding: Holding) -> str:
    last = holding.chain[-1]
    mark = last.event.confidence.value + (", date uncertain" if holding.uncertain else "")
    if holding.unknown_successor:
        return f"successor unknown since {last.event.date.display()} [{mark}]"
    return f"{smap.name(holding.origin)} ({last.event.date.display()} [{mark}])"


def _title(matrix: ResponsibilityMatrix, lang: str = "vi") -> str:
    vi = lang == "vi"
    bodies, tasks = len(matrix.rows), len(matrix.tasks)
    parts = [
        f"Kế hoạch {matrix.plan_id}: {bodies} cơ quan × {tasks} nhiệm vụ"
        if vi
        else f"Plan {matrix.plan_id}: {bodies} bodies × {tasks} tasks"
    ]
    if matrix.expand:
        parts.append("đã tách các nhóm" if vi else "groups expanded")
    if matrix.as_of is not None:
        day = f"{matrix.as_of:%d/%m/%Y}"
        parts.append(f"cơ quan đảm nhận tại ngày {day}" if vi else f"holders as of {day}")
    return ", ".join(parts)


def _workload(
    args: argparse.Namespace, matrix: ResponsibilityMatrix, only: str | None, day: date
) -> int:
    rows = [w for w in matrix.workload(day, args.within) if only in (None, w.key)]
    if args.format == "json":
        data = {
            "plan": matrix.plan_id,
            "as_of": None if matrix.as_of is None else matrix.as_of.isoformat(),
            "on": day.isoformat(),
            "within": args.within,
            "expand": matrix.expand,
            "rows": [w.as_dict() for w in rows],
        }
        return _write_text(args, to_json(data))
    names = ["lead", "coordinate", "monitor", "advise", "implement", "tasks"]
    names += ["overdue", "due_soon", "later", "ongoing", "undetermined"]
    if args.format in ("csv", "md", "xlsx"):
        header = ["key", "agency", "kind", *names]
        table: list[list[Cell]] = [
            [w.key, w.name, w.kind.value, *(getattr(w, n) for n in names)] for w in rows
        ]
        return _write_table(args, header, table, sheet="Khối lượng")
    records = [{**w.as_dict(), "kind": _KIND_MARK[w.kind]} for w in rows]
    heads = ["lead", "coord", "monitor", "advise", "impl", "tasks"]
    heads += ["overdue", "due soon", "later", "ongoing", "undetermined"]
    columns: list[Column] = [("name", "agency"), ("kind", "kind")]
    columns += list(zip(names, heads, strict=True))
    if args.lang == "vi":
        title = f"{_title(matrix)}; tình trạng thời hạn ngày {day:%d/%m/%Y}, "
        title += f"'sắp đến hạn' = trong {args.within} ngày"
    else:
        title = f"{_title(matrix, 'en')}; deadline status on {day:%d/%m/%Y}, "
        title += f"'due soon' = within {args.within} days"
    return _write_text(
        args, people_table(args, records, columns, width=100_000, title=title) + "\n"
    )


def _leads(args: argparse.Namespace, matrix: ResponsibilityMatrix) -> int:
    names = {row.key: row.name for row in matrix.rows}
    records: list[dict[str, Any]] = [
        {
            "task": issue.task,
            "reason": issue.reason,
            "leads": [{"key": k, "name": names[k]} for k in issue.leads],
        }
        for issue in matrix.lead_issues()
    ]
    if args.format == "json":
        return _write_text(args, to_json(records))
    header = ["task", "reason", "leads"]
    table: list[list[Cell]] = [
        [r["task"], r["reason"], "; ".join(lead["name"] for lead in r["leads"])] for r in records
    ]
    if args.format in ("csv", "md", "xlsx"):
        return _write_table(args, header, table, sheet="Chủ trì")
    rows = [dict(zip(header, line, strict=True)) for line in table]
    title = (
        f"{_title(matrix)}: {len(rows)} nhiệm vụ không có đúng một cơ quan chủ trì"
        if args.lang == "vi"
        else f"{_title(matrix, 'en')}: {len(rows)} tasks without exactly one lead"
    )
    columns: list[Column] = [("task", "task"), ("reason", "reason"), ("leads", "leads")]
    return _write_text(args, people_table(args, rows, columns, width=100_000, title=title) + "\n")


# --- agencies ---------------------------------------------------------------------------


def _agencies(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    day = _as_of(args)
    smap = successions_for(plan).bind(plan)
    entries = list(smap.directory) if args.query is None else smap.directory.search(args.query)
    records = []
    for entry in entries:
        item = smap.item(entry.key)
        record: dict[str, Any] = {
            "key": entry.key,
            "name": entry.name,
            "kind": entry.kind,
            "source": entry.source,
            "aliases": list(entry.names[1:]),
            "note": item.note,
        }
        if isinstance(item, AgencyGroup):
            record["members"] = list(item.members)
            record["open"] = item.open
        else:
            record["level"] = item.level.value
        if day is not None:
            holding = smap.holding(entry.key, day)
            record["holder"] = {"key": holding.holder, "name": smap.name(holding.holder)}
            record["chain"] = [smap.step_record(step) for step in holding.chain]
            record["unknown_successor"] = holding.unknown_successor
            record["uncertain"] = holding.uncertain
            record["summary"] = smap.describe(holding)
        records.append(record)
    if args.format == "json":
        sys.stdout.write(to_json(records))
        return 0
    columns: list[Column] = [("key", "key"), ("name", "name"), ("kind", "kind")]
    columns.append(("source", "defined in"))
    if day is not None:
        columns.append(("summary", f"holder on {day:%d/%m/%Y}"))
    print(people_table(args, records, columns, width=100_000))
    return 0


# --- writing ----------------------------------------------------------------------------


def _write_text(args: argparse.Namespace, text: str) -> int:
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_output(args, text)
    print(f"wrote {args.output}")
    return 0


def _write_table(
    args: argparse.Namespace, header: Sequence[str], rows: Sequence[Sequence[Cell]], sheet: str
) -> int:
    writers: dict[str, Callable[[Sequence[str], Sequence[Sequence[Cell]]], str]] = {
        "csv": to_csv,
        "md": to_markdown,
    }
    if args.format == "xlsx":
        write_xlsx(header, rows, args.output, sheet=sheet, inputs=input_files(args))
        print(f"wrote {args.output}: {len(rows)} rows")
        return 0
    text = writers[args.format](header, rows)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_output(args, text)
    print(f"wrote {args.output}: {len(rows)} rows")
    return 0
