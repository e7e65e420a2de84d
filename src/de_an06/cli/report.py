"""The ``report`` sub-command: the progress report as DOCX, HTML (A4) or Markdown."""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from ..errors import ExportError
from ._common import (
    add_period_options,
    add_plan_option,
    add_within_option,
    parse_date,
    plan_of,
    write_output,
)
from ._ledger import add_read_db_option, open_existing

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``report`` to the ``de-an06`` parser."""
    report = commands.add_parser(
        "report",
        help="the progress report, an administrative document (Decree 30/2020)",
        description="The report an office sends for a date: header, 'Kính gửi', results "
        "(task progress, indicators against targets from observed counts, public services, "
        "responsibilities), shortcomings, next steps, proposals, signature and 'Nơi nhận'. "
        "The office's own text comes from --settings; the plan audit only with --audit.",
        epilog="Example: de-an06 report --as-of 2024-06-30 --format docx -o bao-cao.docx",
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
        "--format",
        choices=("md", "html", "docx"),
        default="md",
        help="output format (default: md); docx needs -o",
    )
    report.add_argument(
        "--frequency",
        choices=("monthly", "six_monthly", "yearly"),
        default="monthly",
        help="the report's period: the monthly, six-monthly or yearly one holding --as-of",
    )
    report.add_argument(
        "--settings",
        metavar="FILE",
        help="JSON: issuing body, number, addressees, signer, distribution and the "
        "office's own text (see docs/howto-official-report.md)",
    )
    report.add_argument("--issuer", metavar="TEXT", help="issuing body, as printed in the header")
    report.add_argument("--signer", metavar="NAME", help="the signer's full name")
    report.add_argument("--audit", action="store_true", help="add the plan audit as an appendix")
    report.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    add_within_option(report)
    report.add_argument(
        "--completed",
        metavar="FILE",
        help='JSON object of task code → completion date, {"7.2": "2024-03-20"}',
    )
    report.add_argument(
        "--agency",
        metavar="NAME",
        help="one agency's own report: only its tasks, its units' indicators and the "
        "annex rows it reports; the header names it",
    )
    add_read_db_option(report)
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from ..report.assemble import official_report
    from ..report.official import Narrative, letterhead_for, read_settings
    from ..reporting import Frequency

    as_of = parse_date(args.as_of)
    plan = plan_of(args)
    letterhead, narrative = letterhead_for(plan), Narrative()
    if args.settings is not None:
        letterhead, narrative = read_settings(args.settings, letterhead)
    if args.issuer is not None:
        letterhead = attrs.evolve(letterhead, issuing_body=args.issuer)
    if args.signer is not None:
        letterhead = attrs.evolve(letterhead, signer=args.signer)
    custom = args.settings is not None or args.issuer is not None or args.signer is not None
    completed = None
    if args.completed is not None:
        from .calendar import read_completed

        completed = read_completed(args.completed)
    options: dict[str, Any] = {
        "as_of": as_of,
        "observations": args.observations,
        "period": args.period,
        "file_period": args.file_period,
        "agency": args.agency,
        "lang": args.lang,
        "within": args.within,
        "frequency": Frequency(args.frequency),
        "letterhead": letterhead if custom or args.agency is None else None,
        "narrative": narrative,
        "completed": completed,
        "include_audit": args.audit,
    }
    if args.db is not None:
        with open_existing(args.db) as ledger:
            report = official_report(plan, ledger=ledger, **options)
    else:
        report = official_report(plan, **options)
    if args.format == "docx":
        if not args.output:
            raise ExportError("--format docx writes a file: give -o FILE.docx")
        from ..report.docx import docx_document

        document = docx_document(report.blocks, title=report.title, lang=report.lang)
        write_output(args, document.save)
        print(f"wrote {args.output}")
        return 0
    text = report.to_html() if args.format == "html" else report.to_markdown()
    if args.output:
        write_output(args, text)
        print(f"wrote {args.output}")
    else:
        print(text, end="")
    return 0
