"""Sub-commands listing a plan's content: ``indicators``, ``services``, ``audit``."""

from __future__ import annotations

import argparse
from typing import Any

from .._text import fraction_text
from ..achievement import target_text
from ..auditing import Severity, audit, principle_checks
from ..indicator import Indicator, Target
from ..plan import Plan
from ._common import add_format_option, add_plan_option, emit, plan_of

__all__ = ["indicator_record", "register", "service_records"]


def register(commands: Any) -> None:
    """Add this module's sub-commands to the ``de-an06`` parser."""
    indicators = commands.add_parser(
        "indicators",
        help="objectives' indicators with their targets and overrides",
        epilog="Example: de-an06 indicators --format json",
    )
    add_plan_option(indicators)
    add_format_option(indicators)
    indicators.set_defaults(handler=_indicators)

    services = commands.add_parser(
        "services",
        help="the annex of public services and their reporting units",
        epilog="Example: de-an06 services --format json",
    )
    add_plan_option(services)
    add_format_option(services)
    services.set_defaults(handler=_services)

    audit_cmd = commands.add_parser(
        "audit",
        help="inconsistencies and unclear tasks in a plan",
        description="Check a plan against itself and against 'rõ người, rõ việc, rõ tiến độ, "
        "rõ kết quả, rõ trách nhiệm'. Exit 1 if there are error-level findings.",
        epilog="Example: de-an06 audit --plan plan.json --format json",
    )
    add_plan_option(audit_cmd)
    add_format_option(audit_cmd)
    audit_cmd.add_argument(
        "--principle",
        action="store_true",
        help="list each task's lead / deadline / result check instead",
    )
    audit_cmd.set_defaults(handler=_audit)


def _target(target: Target | None) -> dict[str, str] | None:
    if target is None:
        return None
    return {
        "comparator": target.comparator.value,
        "value": fraction_text(target.value),
        "text": target.text,
    }


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    """One indicator as ``indicators --format json`` writes it."""
    return {
        "id": indicator.id,
        "text": indicator.text,
        "unit": indicator.unit.value,
        "target": _target(indicator.target),
        "overrides": [
            {
                "scope": {"kind": o.scope.kind.value, "key": o.scope.key, "text": o.scope.text},
                "target": _target(o.target),
                "baseline": None if o.baseline is None else fraction_text(o.baseline),
            }
            for o in indicator.overrides
        ],
        "baseline": None if indicator.baseline is None else fraction_text(indicator.baseline),
        "qualitative": indicator.qualitative,
        "measure": indicator.measure.value,
        "aggregation": indicator.aggregation.value,
    }


def _indicators(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    records = [indicator_record(i) for i in plan.indicators]
    rows = [
        {
            "id": i.id,
            "target": "qualitative" if i.qualitative else target_text(i.target, i.unit),
            "overrides": "; ".join(
                f"{o.scope.key} {target_text(o.target, i.unit)}" for o in i.overrides
            ),
            "text": i.text,
        }
        for i in plan.indicators
    ]
    columns = [("id", "id"), ("target", "target"), ("overrides", "overrides"), ("text", "text")]
    return emit(args, records, rows, columns)


def service_records(plan: Plan) -> list[dict[str, Any]]:
    """Every annex row (group rows and their sub-items) as ``services --format json``."""
    records: list[dict[str, Any]] = []
    if plan.annex is None:
        return records
    for section in plan.annex.sections:
        for service in section.services:
            for row, parent in ((service, None), *((item, service) for item in service.items)):
                records.append(
                    {
                        "section": section.number,
                        "number": row.number,
                        "number_text": row.number_text,
                        "name": row.name,
                        "reporting_units": list(row.reporting_units),
                        "group": row.is_group,
                        "parent": None if parent is None else parent.number,
                    }
                )
    return records


def _services(args: argparse.Namespace) -> int:
    records = service_records(plan_of(args))
    columns = [
        ("section", "section"),
        ("number", "no."),
        ("reporting_units", "reporting units"),
        ("name", "service"),
    ]
    return emit(args, records, records, columns)


def _audit(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    if args.principle:
        checks = [
            {
                "task": c.task,
                "clear_lead": c.clear_lead,
                "clear_deadline": c.clear_deadline,
                "clear_result": c.clear_result,
                "clear": c.clear,
            }
            for c in principle_checks(plan)
        ]
        columns = [
            ("task", "task"),
            ("clear_lead", "rõ người"),
            ("clear_deadline", "rõ tiến độ"),
            ("clear_result", "rõ kết quả"),
        ]
        return emit(args, checks, checks, columns)
    findings = audit(plan)
    records = [
        {
            "severity": f.severity.value,
            "code": f.code,
            "location": f.location,
            "path": f.path,
            "message": f.message,
            "value": f.value,
        }
        for f in findings
    ]
    emit(
        args,
        records,
        records,
        [
            ("severity", "severity"),
            ("location", "where"),
            ("message", "finding"),
            ("value", "value"),
        ],
    )
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0
