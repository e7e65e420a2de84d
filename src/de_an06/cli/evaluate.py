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

from .._tables import to_csv
from ._common import add_plan_option, emit, parse_date, plan_of

if TYPE_CHECKING:
    from ..indicator import Scope

__all__ = ["register"]


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
        "file", metavar="FILE", nargs="+", help="CSV or .xlsx files of counts (one per unit, say)"
    )
    _common(evaluate)
    evaluate.add_argument(
        "--roll-up",
        action="store_true",
        help="also print each district's, the province's … figures, by the indicator's method",
    )
    evaluate.add_argument(
        "--segments",
        metavar="FILE",
        help="CSV of unit,segment (e.g. urban-centre, remote) for segment targets (II.3.b)",
    )
    evaluate.add_argument(
        "--met-on-available",
        action="store_true",
        help="judge a roll-up on the units with data although some are missing (said so)",
    )
    evaluate.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
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
    from ..achievement import Status, achievement_record, evaluate, target_text
    from ..observations import Observations
    from ..rollup import roll_up

    plan = plan_of(args)
    observations = Observations.from_files(
        args.file, plan, duplicates=args.duplicates, period=args.period
    )
    if args.segments:
        observations = observations.with_segments(_segments(args.segments))
    as_of = _as_of(args)
    results = list(evaluate(plan, observations, as_of=as_of, period=args.period))
    if args.roll_up:
        rolled = roll_up(plan, observations, as_of=as_of, period=args.period)
        results += rolled.achievements(met_on_available=args.met_on_available)
    records = [achievement_record(a, locale=args.locale) for a in results]
    if args.format == "csv":
        return _print_csv([_flat(r) for r in records], _CSV_COLUMNS)
    available = {"vi": " (trên số liệu hiện có)", "en": " (on the data available)"}[args.lang]
    rows = [
        {
            **r,
            "unit": r["unit_name"] or r["unit"],
            "target": ""
            if a.target is None
            else f"{target_text(a.target, a.measure_unit)} ({_scope_text(a.target_scope)})",
            "status": Status(r["status"]).label(args.lang)
            + (available if r["met_on_available"] else ""),
            "method": r["method"] or "",
        }
        for a, r in zip(results, records, strict=True)
    ]
    columns = [
        ("indicator", "indicator"),
        ("unit", "unit"),
        ("period", "period"),
        ("ratio", "ratio"),
        ("percent", "percent"),
        ("target", "target (scope)"),
        ("status", "status"),
        ("coverage", "coverage"),
        ("margin", "margin"),
        ("shortfall", "shortfall"),
        ("method", "method"),
    ]
    return emit(args, records, rows, columns)


def _scope_text(scope: Scope | None) -> str:
    return "default" if scope is None else f"{scope.kind.value} {scope.key}"


def _segments(source: str) -> dict[str, list[str]]:
    """unit → segments from a CSV file with ``unit`` and ``segment`` columns."""
    from .._files import read_text
    from .._input.csv_file import sniff_delimiter
    from ..errors import ObservationDataError, ObservationProblem

    def error(message: str, value: object, path: str = "$") -> ObservationDataError:
        bad = ObservationProblem(source=source, line=None, column="", value=value, message=message)
        return ObservationDataError(source, [bad])

    text = read_text(source, what="segments file", max_bytes=2**20, error=error)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    if not reader.fieldnames or not {"unit", "segment"} <= set(reader.fieldnames):
        raise error("the segments file needs 'unit' and 'segment' columns", reader.fieldnames)
    found: dict[str, list[str]] = {}
    for row in reader:
        if row["unit"] and row["segment"]:
            found.setdefault(row["unit"].strip(), []).append(row["segment"].strip())
    return found


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
    "expected_units",
    "coverage",
    "met_on_available",
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
    observations = Observations.from_files(
        [args.file], plan, duplicates=args.duplicates, period=args.period
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


def _print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> int:
    text = to_csv(columns, [[row.get(c) for c in columns] for row in rows])
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, IDEs)
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0
