"""Sub-commands of collection forms: ``form`` (write an agency's Excel form) and ``collect``
(read returned forms into the ledger).

openpyxl, SQLAlchemy and Alembic load only here, when one of these runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from typing import Any

from ..errors import DeAn06Error, ExportError
from ._common import UsageError, add_plan_option, emit, input_files, parse_date, plan_of

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``form`` and ``collect`` to the ``de-an06`` parser."""
    form = commands.add_parser(
        "form",
        help="an agency's Excel reporting form for a period (or every agency's)",
        description="Write the Excel form an agency fills in for a period: its tasks (status "
        "drop-down, percent, note, evidence), its indicators (numerator, denominator, target, "
        "last period's figure) and its annex services, with the NĐ 09 cut-off window and due "
        "day; input cells validated, everything else locked; printable on A4.",
        epilog="Examples:\n"
        "  de-an06 form --agency 'UBND huyện Mai Sơn' --period 202407 -o mai-son.xlsx\n"
        "  de-an06 form --all --period 202407 -o bieu-mau/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    who = form.add_mutually_exclusive_group(required=True)
    who.add_argument("--agency", metavar="NAME", help="the agency, by any name or key")
    who.add_argument("--all", action="store_true", help="every agency that reports (a folder)")
    form.add_argument("--period", required=True, metavar="ID", help="period id: 202407, 2024S1")
    form.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="the .xlsx file (default: bieu-mau-AGENCY-PERIOD.xlsx); with --all, a folder",
    )
    form.add_argument("--out-dir", metavar="DIR", help="with --all: the folder (same as -o)")
    form.add_argument(
        "--db",
        metavar="PATH|URL",
        help="a ledger to take last period's figures from (default: none shown)",
    )
    form.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="form language (default: vi)"
    )
    add_plan_option(form)
    form.set_defaults(handler=_form)

    collect = commands.add_parser(
        "collect",
        help="read returned forms into the ledger, all or nothing per file",
        description="Check each returned form (form id, checksum, every cell) and record it "
        "in the ledger: task events, one submission dated the day received, observation "
        "rows. A file with any error is refused with every bad cell named (Sheet!C7), and "
        "nothing of it is written. Collecting the same form again writes nothing; a "
        "corrected form supersedes the earlier submission.",
        epilog="Example: de-an06 collect mai-son.xlsx --received 12/07/2024 --db so-lieu.db",
    )
    collect.add_argument("files", metavar="FILE", nargs="+", help="returned .xlsx forms")
    collect.add_argument(
        "--received", metavar="DATE", help="the day the forms arrived (default: today)"
    )
    collect.add_argument("--recorded-by", default="", metavar="NAME", help="who records them")
    collect.add_argument(
        "--annex-csv",
        metavar="FILE",
        help="also export the annex service counts as CSV for 'de-an06 annex' (the "
        "ledger holds them: 'de-an06 annex --db')",
    )
    collect.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the ledger (default: $DE_AN06_DB, else de-an06.db here)",
    )
    collect.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    collect.add_argument("--format", choices=("table", "json"), default="table")
    add_plan_option(collect)
    collect.set_defaults(handler=_collect)


def _previous(args: argparse.Namespace, spec: Any) -> dict[str, tuple[int, int | None]]:
    """Last period's counts per indicator for the spec's unit, from ``--db`` if given."""
    if args.db is None or not spec.indicators:
        return {}
    from ..ledger.store import Ledger
    from ..reporting import ReportingPeriod

    period = spec.period
    before = ReportingPeriod.containing(period.start - timedelta(days=1), period.frequency)
    with Ledger.open(args.db) as ledger:
        live = ledger.submissions(period=before.id)
        replaced = {s.supersedes for s in live}
        keep = {s.id for s in live if s.id not in replaced}
        rows = [r for r in ledger.observation_rows() if r.submission in keep]
    unit = spec.indicators[0].unit
    return {
        r.indicator: (r.numerator, r.denominator)
        for r in rows
        if r.unit == unit and r.period == before.id and r.service is None
    }


def _form(args: argparse.Namespace) -> int:
    from ..forms.build import write_form
    from ..forms.layout import form_spec

    plan = plan_of(args)
    if args.agency is not None:
        spec = form_spec(plan, args.agency, args.period, lang=args.lang)
        target = args.output or f"bieu-mau-{spec.agency}-{spec.period.id}.xlsx"
        write_form(spec, target, previous=_previous(args, spec), inputs=input_files(args))
        print(f"{target}: {spec.agency_name}, {spec.period_text}")
        return 0
    from ..ledger.queries import expected_reporters

    folder = args.out_dir or args.output
    if not folder:
        raise UsageError("form --all needs a folder: -o DIR or --out-dir DIR")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot make the folder: {exc.strerror or exc}") from None
    reporters = expected_reporters(plan)
    tty = sys.stderr.isatty()
    for done, key in enumerate(reporters, start=1):
        spec = form_spec(plan, key, args.period, lang=args.lang)
        path = os.path.join(folder, f"bieu-mau-{spec.agency}-{spec.period.id}.xlsx")
        write_form(spec, path, previous=_previous(args, spec))
        if tty:
            filled = done * 30 // len(reporters)
            bar = "█" * filled + "·" * (30 - filled)
            print(f"\r[{bar}] {done}/{len(reporters)} {spec.agency:<30}", end="", file=sys.stderr)
    if tty:
        print(file=sys.stderr)
    print(f"{folder}: {len(reporters)} biểu mẫu, {args.period}")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from .._files import write_atomic
    from ..forms.collect import annex_csv, collect_form
    from ..forms.read import read_form
    from ..ledger.store import Ledger

    if args.annex_csv and any(
        os.path.exists(f) and os.path.exists(args.annex_csv) and os.path.samefile(f, args.annex_csv)
        for f in args.files
    ):
        raise UsageError(
            f"--annex-csv: {args.annex_csv} is one of the forms; write to another file"
        )
    plan = plan_of(args)
    received = date.today() if args.received is None else parse_date(args.received, "--received")
    results: list[dict[str, Any]] = []
    forms = []
    failed = 0
    with Ledger.open(args.db) as ledger:
        for path in args.files:
            try:
                form = read_form(plan, path)
                done = collect_form(
                    ledger, plan, form, received=received, recorded_by=args.recorded_by
                )
            except DeAn06Error as exc:
                failed += 1
                print(f"de-an06 collect: error: {exc}", file=sys.stderr)
                results.append({"file": path, "outcome": "refused", "error": str(exc)})
                continue
            forms.append(form)
            for warning in form.warnings:
                print(f"de-an06 collect: warning: {path}: {warning}", file=sys.stderr)
            results.append(
                {
                    "file": path,
                    "form": form.spec.form_id,
                    "agency": form.spec.agency,
                    "period": form.spec.period.id,
                    "outcome": done.outcome.value,
                    "outcome_label": done.outcome.label(args.lang),
                    "submission": done.submission,
                    "supersedes": done.supersedes,
                    "events": len(done.events),
                    "observation_rows": done.rows,
                    "services": len(form.services),
                    "warnings": list(form.warnings),
                }
            )
    if args.annex_csv:
        files = [f for f in (*args.files, args.plan) if os.path.isfile(f)]
        write_atomic(args.annex_csv, annex_csv(forms), inputs=files, error=ExportError)
    vi = args.lang == "vi"
    names = {a.key: a.name for a in plan.agencies}
    rows = [
        {
            "file": os.path.basename(r["file"]),
            "agency": names.get(r.get("agency", ""), r.get("agency", "")),  # no slugs shown
            "outcome": r.get("outcome_label", "từ chối" if vi else "refused"),
            "events": r.get("events", ""),
            "rows": r.get("observation_rows", ""),
        }
        for r in results
    ]
    heads = (
        ("file", "Tệp" if vi else "File"),
        ("agency", "Đơn vị" if vi else "Agency"),
        ("outcome", "Kết quả" if vi else "Outcome"),
        ("events", "Nhiệm vụ" if vi else "Tasks"),
        ("rows", "Chỉ tiêu" if vi else "Indicators"),
    )
    emit(args, {"received": received.isoformat(), "forms": results}, rows, heads)
    return 2 if failed else 0
