"""Sub-commands about achievement: ``evaluate`` (targets met?) and ``annex`` (the annex table).

CSV output is UTF-8 with a byte-order mark (so spreadsheet programs read the Vietnamese
right), and any cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is prefixed with ``'`` so that a spreadsheet shows it as text and never runs it.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from .._tables import neutralise
from ._common import UsageError, add_plan_option, emit, parse_date, plan_of
from ._ledger import add_read_db_option, open_existing

if TYPE_CHECKING:
    from ..observations import Observations
    from ..plan import Plan

__all__ = ["csv_text", "register"]


def register(commands: Any) -> None:
    """Add ``evaluate`` and ``annex`` to the ``de-an06`` parser."""
    evaluate = commands.add_parser(
        "evaluate",
        help="achievement of each indicator per unit and period, against its target",
        description=(
            "Read a CSV of counts (indicator,unit,period,numerator,denominator) and print, "
            "per indicator, unit and period: the exact ratio, the target that applies "
            "(the unit's own, its level's, its segment's or the default), met / not_met / "
            "no_data, the margin and the shortfall. Exit 0, or 2 on bad input."
        ),
        epilog="Example: de-an06 evaluate counts.csv --as-of 2024-06-30 --roll-up --format json",
    )
    evaluate.add_argument(
        "file", metavar="FILE", nargs="?", help="CSV file of counts or an annex table"
    )
    _common(evaluate)
    add_read_db_option(evaluate)  # the counts recorded in the ledger, as of --as-of
    evaluate.add_argument(
        "--roll-up",
        action="store_true",
        help="also print each district's, the province's … figures, by the indicator's method",
    )
    evaluate.set_defaults(handler=_evaluate)

    annex = commands.add_parser(
        "annex",
        help="the plan's annex table filled in from service counts",
        description=(
            "Read an annex-shaped CSV (STT, Đơn vị báo cáo, Kết nối …, Tổng số hồ sơ tiếp "
            "nhận, Trực tuyến, Kỳ báo cáo) and print the annex table with ratios, section "
            "subtotals and the total, in the annex's own columns."
        ),
        epilog="Example: de-an06 annex annex-2024S1.csv --period 2024S1 --format csv > out.csv",
    )
    annex.add_argument("file", metavar="FILE", help="CSV file with a service column")
    _common(annex)
    annex.set_defaults(handler=_annex)


def _common(parser: argparse.ArgumentParser) -> None:
    add_plan_option(parser)
    parser.add_argument("--period", metavar="ID", help="combine reports inside this period")
    parser.add_argument(
        "--as-of", metavar="DATE", help="combine that year's reports up to this day (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--duplicates",
        choices=("error", "sum"),
        default="error",
        help="two rows for the same indicator, unit, period: an error (default) or added up",
    )
    parser.add_argument(
        "--locale", choices=("en", "vi"), default="en", help="decimal comma with vi"
    )
    parser.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )


def _as_of(args: argparse.Namespace) -> date | None:
    return None if args.as_of is None else parse_date(args.as_of)


def _evaluate(args: argparse.Namespace) -> int:
    from ..achievement import achievement_record, evaluate
    from ..observations import Observations
    from ..rollup import roll_up

    plan = plan_of(args)
    if args.db is not None:
        observations = _from_ledger(args, plan)
    else:
        if args.file is None:
            raise UsageError("evaluate: give FILE, or --db with the counts recorded there")
        observations = Observations.from_csv(
            args.file, plan, duplicates=args.duplicates, period=args.period
        )
    as_of = _as_of(args)
    results = list(evaluate(plan, observations, as_of=as_of, period=args.period))
    if args.roll_up:
        results += roll_up(plan, observations, as_of=as_of, period=args.period).achievements()
    records = [achievement_record(a, locale=args.locale) for a in results]
    if args.format == "csv":
        return _print_csv([_flat(r) for r in records], _CSV_COLUMNS)
    rows = [
        {
            **r,
            "unit": r["unit_name"] or r["unit"],
            "target": _target_text(r["target"]),
            "method": r["method"] or "",
        }
        for r in records
    ]
    columns = [
        ("indicator", "indicator"),
        ("unit", "unit"),
        ("period", "period"),
        ("ratio", "ratio"),
        ("percent", "percent"),
        ("target", "target (scope)"),
        ("status", "status"),
        ("margin", "margin"),
        ("shortfall", "shortfall"),
        ("method", "method"),
    ]
    return emit(args, records, rows, columns)


def _from_ledger(args: argparse.Namespace, plan: Plan) -> Observations:
    """The counts in force in the ledger on --as-of (default: today); FILE is refused."""
    from ..ledger.feed import ledger_observations

    if args.file is not None:
        raise UsageError("evaluate: give FILE or --db, not both")
    day = _as_of(args) or date.today()
    with open_existing(args.db) as ledger:
        found = ledger_observations(plan, ledger, day)
    if found is None:
        raise UsageError(f"--db {args.db}: no counts recorded on or before {day:%d/%m/%Y}")
    return found


def _target_text(target: dict[str, Any] | None) -> str:
    if target is None:
        return ""
    scope = target["scope"]
    where = "default" if scope == "default" else f"{scope['kind']} {scope['key']}"
    return f"{target['comparator']} {target['value']} ({where})"


_CSV_COLUMNS = (
    "indicator",
    "unit",
    "unit_name",
    "period",
    "through",
    "service",
    "ratio",
    "percent",
    "value",
    "target_comparator",
    "target_value",
    "target_scope",
    "target_text",
    "baseline",
    "status",
    "margin",
    "shortfall",
    "method",
    "units",
    "units_with_data",
)


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    target = record["target"] or {}
    scope = target.get("scope")
    return {
        **record,
        "target_comparator": target.get("comparator"),
        "target_value": target.get("value"),
        "target_text": target.get("text"),
        "target_scope": None
        if scope is None
        else ("default" if scope == "default" else f"{scope['kind']}:{scope['key']}"),
    }


def _annex(args: argparse.Namespace) -> int:
    from ..annex_reporting import annex_report
    from ..observations import Observations

    plan = plan_of(args)
    observations = Observations.from_csv(
        args.file, plan, duplicates=args.duplicates, period=args.period
    )
    report = annex_report(plan, observations, period=args.period, as_of=_as_of(args))
    records = report.records(locale=args.locale)
    if args.format == "csv":
        return _print_csv(records, report.columns)
    data = {
        "title": report.title,
        "period": report.period,
        "columns": report.columns,
        "rows": records,
    }
    title = report.title + (f" — {report.period}" if report.period else "")
    return emit(args, data, records, [(c, c) for c in report.columns], title=title)


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV text with a BOM; cells that a spreadsheet would run as a formula made inert.

    >>> csv_text([{"a": "=1+1", "b": 2}], ["a", "b"]) == "\\ufeffa,b\\r\\n'=1+1,2\\r\\n"
    True
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_inert(c) for c in columns])
    for row in rows:
        writer.writerow([_inert(row.get(c)) for c in columns])
    return "\ufeff" + buffer.getvalue()


def _inert(value: object) -> str:
    # The one rule for every export (_tables.neutralise): leading spaces do not hide a formula.
    return "" if value is None else str(neutralise(str(value)))


def _print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> int:
    text = csv_text(rows, columns)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, IDEs)
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0
