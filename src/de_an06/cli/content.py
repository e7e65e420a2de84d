"""Sub-commands listing a plan's content: ``indicators``, ``services``, ``audit``."""

from __future__ import annotations

import argparse
from typing import Any

from .._text import fraction_text
from ..achievement import target_text
from ..auditing import Finding, Severity, audit, principle_checks
from ..importer.reader import import_text, read_plan_text
from ..indicator import Indicator, Target
from ..loading import load_plan
from ..plan import Plan
from ._common import add_format_option, add_plan_option, emit, plan_of

__all__ = ["audit_record", "indicator_record", "register", "service_records"]


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
        help="inconsistencies, slips and unclear tasks in a plan or a draft's text",
        description="Check a plan (or a draft plan's text, --text) as a careful clerk would: "
        "text slips, numbering, references, deadlines, roles, the annex, and 'rõ người, rõ "
        "việc, rõ tiến độ, rõ kết quả, rõ trách nhiệm'. Exit 0 with no error-level "
        "finding, 1 with some, 2 on bad input.",
        epilog="Example: de-an06 audit --text du-thao.txt --lang en --format json",
    )
    add_plan_option(audit_cmd)
    add_format_option(audit_cmd)
    audit_cmd.add_argument(
        "--text",
        metavar="FILE",
        help="audit a draft plan's text (read by the importer; findings give its lines); "
        "--plan then only lends its agency directory",
    )
    audit_cmd.add_argument(
        "--principle",
        action="store_true",
        help="list each task's lead / deadline / result check, with why, instead",
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
    source: str | None = None
    lines: dict[str, int] = {}
    if args.text:
        source = read_plan_text(args.text)
        directory = load_plan(args.plan)
        result = import_text(source, source=args.text, directory=directory)
        plan = result.plan
        for number, paths in sorted(result.placements.items()):
            for path in paths:
                if path.startswith("$"):
                    lines.setdefault(path, number)
    else:
        plan = plan_of(args)
    if args.principle:
        return _principle(args, plan)
    findings = audit(plan, source=source, lines=lines)
    records = [audit_record(f, args.lang) for f in findings]
    en = args.lang == "en"
    emit(
        args,
        records,
        records,
        [
            ("severity", "severity" if en else "mức độ"),
            ("location", "where" if en else "vị trí"),
            ("message", "finding" if en else "phát hiện"),
            ("value", "quoted text" if en else "trích dẫn"),
        ],
    )
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


_SEVERITY_VI = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "lưu ý"}


def audit_record(finding: Finding, lang: str = "vi") -> dict[str, Any]:
    """One finding as ``audit --format json`` writes it (one schema for both languages)."""
    return {
        "severity": finding.severity.value,
        "severity_label": finding.severity.value
        if lang == "en"
        else _SEVERITY_VI[finding.severity],
        "code": finding.code,
        "location": finding.location_in(lang),
        "path": finding.path,
        "line": finding.line,
        "message": finding.message_in(lang),
        "value": finding.value,
    }


def _principle(args: argparse.Namespace, plan: Plan) -> int:
    checks: list[dict[str, Any]] = [
        {
            "task": c.task,
            "clear_lead": c.clear_lead,
            "clear_deadline": c.clear_deadline,
            "clear_result": c.clear_result,
            "clear": c.clear,
            "why": dict(zip(("lead", "deadline", "result"), c.reasons(args.lang), strict=True)),
            "product": c.product,
        }
        for c in principle_checks(plan)
    ]
    rows = [{**c, "result_why": c["why"]["result"]} for c in checks]
    columns = [
        ("task", "task" if args.lang == "en" else "nhiệm vụ"),
        ("clear_lead", "rõ người"),
        ("clear_deadline", "rõ tiến độ"),
        ("clear_result", "rõ kết quả"),
        ("result_why", "why (result)" if args.lang == "en" else "vì sao (kết quả)"),
    ]
    return emit(args, checks, rows, columns)
