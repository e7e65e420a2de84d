"""Sub-commands about the plan itself: ``validate``, ``summary``, ``tasks``."""

from __future__ import annotations

import argparse
from typing import Any

from ..loading import load_plan
from ..plan import Plan
from ._common import (
    add_agency_options,
    add_format_option,
    add_plan_option,
    emit,
    plan_of,
    task_record,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add this module's sub-commands to the ``de-an06`` parser."""
    validate = commands.add_parser(
        "validate",
        help="check a plan file and list every problem",
        description="Check a plan JSON file against the schema. Exit 0 if it loads, 2 if not.",
        epilog="Example: de-an06 validate plan.json",
    )
    validate.add_argument("file", metavar="FILE", help="plan JSON file or bundled plan name")
    add_format_option(validate)
    validate.set_defaults(handler=_validate)

    summary = commands.add_parser(
        "summary",
        help="the plan's shape: decision, counts per task group",
        epilog="Example: de-an06 summary --format json",
    )
    add_plan_option(summary)
    add_format_option(summary)
    summary.set_defaults(handler=_summary)

    tasks = commands.add_parser(
        "tasks",
        help="every task with its deadline and agencies per role",
        epilog="Examples: de-an06 tasks --format json\n"
        "          de-an06 tasks --agency 'Sở TT&TT' --role lead --as-of 2026-01-01",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_plan_option(tasks)
    add_format_option(tasks)
    add_agency_options(tasks)
    tasks.set_defaults(handler=_tasks)


def _validate(args: argparse.Namespace) -> int:
    plan = load_plan(args.file)
    data = {"source": args.file, "valid": True, "id": plan.id, "tasks": len(plan.tasks)}
    rows = [{"check": f"{args.file} is a valid plan ({plan.id}, {len(plan.tasks)} tasks)"}]
    return emit(args, data, rows, [("check", "result")])


def summary_data(plan: Plan) -> dict[str, Any]:
    """The plan's shape as JSON-ready data (the ``summary --format json`` keys)."""
    annex = plan.annex
    return {
        "id": plan.id,
        "title": plan.title,
        "year": plan.year,
        "decision": {
            "number": plan.decision.number,
            "date": plan.decision.date.isoformat(),
            "issuer": plan.decision.issuer,
            "signer": plan.decision.signer,
        },
        "legal_bases": len(plan.legal_bases),
        "objectives": len(plan.objectives),
        "indicators": len(plan.indicators),
        "task_groups": [
            {"number": g.number, "title": g.title, "tasks": len(g.tasks)} for g in plan.task_groups
        ],
        "tasks": len(plan.tasks),
        "agencies": len(plan.agencies),
        "agency_groups": len(plan.agency_groups),
        "localities": len(plan.localities),
        "services": 0 if annex is None else sum(1 for _ in annex.leaves()),
        "pilot_models": None if plan.pilot_models is None else plan.pilot_models.total,
    }


def _summary(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    data = summary_data(plan)
    rows = [
        {"item": f"Nhóm {g['number']}: {g['title']}", "count": g["tasks"]}
        for g in data["task_groups"]
    ]
    en = args.lang == "en"
    rows += [
        {"item": english if en else label, "count": data[key]}
        for key, label, english in (
            ("tasks", "Nhiệm vụ", "Tasks"),
            ("indicators", "Chỉ tiêu", "Indicators"),
            ("agencies", "Cơ quan", "Agencies"),
            ("services", "Dịch vụ công (phụ lục)", "Annex services"),
            ("pilot_models", "Mô hình điểm", "Pilot models"),
        )
    ]
    title = (
        f"{plan.title}\n{plan.decision.number} ngày "
        f"{plan.decision.date:%d/%m/%Y} — {plan.decision.issuer}\n"
    )
    return emit(args, data, rows, [("item", "mục"), ("count", "số")], title=title)


def _tasks(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    if args.agency is None and args.role is None and args.as_of is None:
        records = [task_record(t) for t in plan.tasks]
    else:
        from .matrix import agency_task_records  # the matrix answers the filters

        records = agency_task_records(plan, args)
    rows = [{**r, "lead": r["roles"]["lead"] or r["roles"]["implement"]} for r in records]
    columns = [
        ("code", "task"),
        ("lead", "lead / implement"),
        ("deadline", "deadline"),
        ("due", "due"),
        ("text", "text"),
    ]
    if args.agency is not None:
        columns.insert(1, ("agency_roles", f"role of {args.agency}"))
    return emit(args, records, rows, columns)
