"""The ``report`` sub-command: the monthly progress report in Markdown or HTML."""

from __future__ import annotations

import argparse
from typing import Any

from ..report.build import build_report
from ._common import (
    add_period_options,
    add_plan_option,
    add_within_option,
    parse_date,
    plan_of,
    write_output,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``report`` to the ``de-an06`` parser."""
    report = commands.add_parser(
        "report",
        help="the progress report: deadlines, responsibilities, indicators, audit",
        description="One document for a date: the plan in brief and the reporting period, "
        "deadlines, the workload per agency, indicators against targets (from observed "
        "counts), the annex of public services and the audit findings.",
        epilog="Example: de-an06 report --as-of 2024-06-30 --observations counts.csv "
        "--format html -o bao-cao.html",
    )
    add_plan_option(report)
    report.add_argument(
        "--as-of", required=True, metavar="DATE", help="the report date (YYYY-MM-DD or DD/MM/YYYY)"
    )
    report.add_argument(
        "--observations",
        action="append",
        default=[],
        metavar="FILE",
        help="CSV of counts or an annex table; repeat for several files",
    )
    add_period_options(report, as_of=False)
    report.add_argument(
        "--format", choices=("md", "html"), default="md", help="output format (default: md)"
    )
    report.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    add_within_option(report)
    report.add_argument(
        "--completed",
        metavar="FILE",
        help='JSON object of task code → completion date, {"7.2": "2024-03-20"}',
    )
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    as_of = parse_date(args.as_of)
    plan = plan_of(args)
    indicators = annex = None
    if args.observations:
        from ..observations import Observations
        from ..report.data import annex_section, indicator_section

        observations = [
            Observations.from_files([path], plan, period=args.file_period)
            for path in args.observations
        ]
        indicators = indicator_section(
            plan, observations, as_of=as_of, lang=args.lang, period=args.period
        )
        annex = annex_section(plan, observations, as_of=as_of, lang=args.lang)
    completed = None
    if args.completed is not None:
        from .calendar import read_completed

        completed = read_completed(args.completed)
    report = build_report(
        plan,
        as_of=as_of,
        completed=completed,
        lang=args.lang,
        within=args.within,
        indicator_section=indicators,
        annex_section=annex,
    )
    text = report.to_html() if args.format == "html" else report.to_markdown()
    if args.output:
        write_output(args, text)
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0
