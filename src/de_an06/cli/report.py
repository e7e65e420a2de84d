"""The ``report`` sub-command: the monthly progress report in Markdown or HTML."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..report.build import build_report
from ._common import UsageError, add_plan_option, parse_date, plan_of
from ._ledger import add_read_db_option, open_existing

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
    report.add_argument(
        "--period",
        metavar="ID",
        help="period of observation files that have no period column (e.g. 2024S1)",
    )
    report.add_argument(
        "--format", choices=("md", "html"), default="md", help="output format (default: md)"
    )
    report.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    report.add_argument(
        "--within",
        type=int,
        default=30,
        metavar="DAYS",
        help="how far ahead counts as due soon (default: 30)",
    )
    report.add_argument(
        "--completed",
        metavar="FILE",
        help='JSON object of task code → completion date, {"7.2": "2024-03-20"}',
    )
    add_read_db_option(report)
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    as_of = parse_date(args.as_of)
    if args.within < 0:
        raise UsageError(f"--within must be 0 or more, got {args.within}")
    plan = plan_of(args)
    indicators = annex = progress = None
    completed = None
    observations = []
    if args.db is not None:
        from ..ledger.feed import ledger_observations
        from ..ledger.queries import task_states
        from ..report.progress import completed_from, progress_section

        with open_existing(args.db) as ledger:
            progress = progress_section(plan, ledger, as_of=as_of, lang=args.lang)
            states = task_states(plan, ledger.latest_events(as_of), as_of)
            completed = completed_from(states)
            counted = ledger_observations(plan, ledger, as_of)
        if counted is not None:
            observations.append(counted)
    if args.observations:
        from ..observations import Observations

        observations += [
            Observations.from_csv(path, plan, period=args.period) for path in args.observations
        ]
    if observations:
        from ..report.data import annex_section, indicator_section

        indicators = indicator_section(plan, observations, as_of=as_of, lang=args.lang)
        annex = annex_section(plan, observations, as_of=as_of, lang=args.lang)
    if args.completed is not None:
        from .calendar import read_completed

        completed = {**(read_completed(args.completed) or {}), **(completed or {})}
    report = build_report(
        plan,
        as_of=as_of,
        completed=completed,
        lang=args.lang,
        soon_days=args.within,
        indicator_section=indicators,
        annex_section=annex,
        progress_section=progress,
    )
    text = report.to_html() if args.format == "html" else report.to_markdown()
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"-o {args.output}: cannot write: {exc}") from None
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0
