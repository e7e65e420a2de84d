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
from ._common import (
    UsageError,
    add_period_options,
    add_plan_option,
    emit,
    parse_date,
    plan_of,
)
from ._ledger import add_read_db_option, open_existing

if TYPE_CHECKING:
    from ..plan import Plan

if TYPE_CHECKING:
    from ..achievement import Achievement
    from ..observations import Observations
    from ..plan import Plan
    from ..report.build import Language

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``evaluate`` and ``annex`` to the ``de-an06`` parser."""
    evaluate = commands.add_parser(
        "evaluate",
        help="achievement of each indicator per unit and period, against its target",
        description=(
            "Read a CSV of counts (indicator,unit,period,numerator,denominator) and print, "
            "per indicator, unit and period: the exact ratio, the target that applies "
            "(the unit's own, its level's, its segment's or the default), met / not met / "
            "partial / no data, coverage, the margin, the shortfall and the file lines the "
            "counts came from. Exit 0, or 2 on bad input."
        ),
        epilog="Example: de-an06 evaluate a.csv b.csv --period 202406 --views --roll-up",
    )
    evaluate.add_argument(
        "file", metavar="FILE", nargs="*", help="CSV or .xlsx files of counts (one per unit, say)"
    )
    _common(evaluate)
    add_read_db_option(evaluate)  # the counts recorded in the ledger, as of --as-of
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
        "--views",
        action="store_true",
        help="with --period: the period alone, year to date and the change against the "
        "previous period, side by side (a stock: latest value and change)",
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
            "nhận, Trực tuyến, Kỳ báo cáo), or with --db the service counts recorded in the "
            "ledger (collected forms) in force on --as-of, and print the annex table with "
            "ratios, section subtotals and the total, in the annex's own columns."
        ),
        epilog="Example: de-an06 annex annex-2024S1.csv --file-period 2024S1 --format csv",
    )
    annex.add_argument(
        "file", metavar="FILE", nargs="?", help="CSV file with a service column (or --db)"
    )
    _common(annex)
    add_read_db_option(annex)  # the service counts recorded in the ledger, as of --as-of
    annex.set_defaults(handler=_annex)


def _common(parser: argparse.ArgumentParser) -> None:
    add_plan_option(parser)
    add_period_options(parser)
    parser.add_argument(
        "--duplicates",
        choices=("error", "sum"),
        default="error",
        help="two rows for the same indicator, unit, period: an error (default) or added up",
    )
    parser.add_argument(
        "--locale",
        choices=("en", "vi"),
        default=None,
        help="number format: decimal comma with vi (default: as --lang for tables, "
        "en for JSON and CSV)",
    )
    parser.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )


def _as_of(args: argparse.Namespace) -> date | None:
    return None if args.as_of is None else parse_date(args.as_of)


def _number_locale(args: argparse.Namespace) -> None:
    """``--locale`` when not given: the label language for people, plain ("en") for files."""
    if args.locale is None:
        people = args.format == "table"
        args.locale = getattr(args, "lang", "vi") if people else "en"


def _evaluate(args: argparse.Namespace) -> int:
    from ..achievement import achievement_record, evaluate
    from ..observations import Observations
    from ..rollup import roll_up

    _number_locale(args)
    plan = plan_of(args)
    if args.db is not None:
        observations = _from_ledger(args, plan)
    else:
        if not args.file:
            raise UsageError("evaluate: give FILE, or --db with the counts recorded there")
        observations = Observations.from_files(
            args.file, plan, duplicates=args.duplicates, period=args.file_period
        )
    if args.segments:
        observations = observations.with_segments(_segments(args.segments))
    if args.views:
        return _views(args, plan, observations)
    as_of = _as_of(args)
    results = list(evaluate(plan, observations, as_of=as_of, period=args.period))
    if args.roll_up:
        rolled = roll_up(plan, observations, as_of=as_of, period=args.period)
        results += rolled.achievements(met_on_available=args.met_on_available)
    records = [achievement_record(a, locale=args.locale) for a in results]
    if args.format == "csv":
        return _print_csv([_flat(r) for r in records], _CSV_COLUMNS)
    rows = [_shown(a, r, args.lang) for a, r in zip(results, records, strict=True)]
    return emit(args, records, rows, _columns(args.lang, _TABLE))


_TABLE = ("indicator", "unit", "period", "ratio", "percent", "target", "status", "coverage")
_TABLE_END = ("margin", "shortfall", "method", "sources")
_HEADS = {
    "vi": {
        "indicator": "chỉ tiêu",
        "unit": "đơn vị",
        "period": "kỳ",
        "ratio": "số đạt/tổng số",
        "percent": "tỉ lệ",
        "target": "mục tiêu (phạm vi)",
        "status": "kết quả",
        "coverage": "số đơn vị có số liệu",
        "margin": "chênh lệch",
        "shortfall": "còn thiếu",
        "method": "cách tổng hợp",
        "sources": "nguồn (tệp: dòng)",
        "current": "trong kỳ",
        "year_to_date": "lũy kế",
        "previous": "kỳ trước",
        "change": "thay đổi",
    },
    "en": {
        "ratio": "ratio",
        "target": "target (scope)",
        "coverage": "coverage",
        "sources": "sources (file: lines)",
        "year_to_date": "year to date",
    },
}


def _columns(lang: str, head: Sequence[str]) -> list[tuple[str, str]]:
    words = _HEADS[lang]
    return [(key, words.get(key, key.replace("_", " "))) for key in (*head, *_TABLE_END)]


def _shown(a: Achievement, record: dict[str, Any], lang: Language) -> dict[str, Any]:
    """One result as people read it: names and Vietnamese (or English) labels, no slugs."""
    from ..indicator import scope_label, target_text
    from ..reporting import ReportingPeriod

    available = {"vi": " (trên số liệu hiện có)", "en": " (on the data available)"}[lang]
    target = "" if a.target is None else target_text(a.target, a.measure_unit, lang)
    return {
        **record,
        "unit": a.unit_name or a.unit,
        "period": ReportingPeriod.from_id(a.period).label(lang),
        "target": f"{target} ({scope_label(a.target_scope, lang)})" if target else "",
        "status": a.status.label(lang) + (available if a.met_on_available else ""),
        "method": "" if a.method is None else a.method.label(lang),
        "sources": "; ".join(f"{s.file}: {s.lines_text}" for s in a.sources),
    }


def _views(args: argparse.Namespace, plan: Plan, observations: Observations) -> int:
    """``--views``: the period alone, year to date, previous period and change."""
    from .._numbers import format_decimal
    from .._text import fraction_text
    from ..achievement import achievement_record
    from ..rollup import period_views

    if args.period is None:
        raise UsageError("--views needs --period (e.g. --period 202406)")
    views = period_views(
        plan,
        observations,
        period=args.period,
        rolled=args.roll_up,
        met_on_available=args.met_on_available,
    )

    def record(a: Achievement | None) -> dict[str, Any] | None:
        return None if a is None else achievement_record(a, locale=args.locale)

    records = [
        {
            "indicator": v.indicator,
            "unit": v.unit,
            "unit_name": v.unit_name,
            "service": v.service or None,
            "measure": v.measure.value,
            "period": v.period,
            "previous_period": v.previous_period,
            "current": record(v.current),
            "year_to_date": record(v.year_to_date),
            "previous": record(v.previous),
            "change": None if v.change is None else fraction_text(v.change),
        }
        for v in views
    ]
    if args.format == "csv":
        raise UsageError("--views prints table or json")
    rows = []
    for v in views:
        judged = v.judged or v.current or v.year_to_date
        assert judged is not None
        shown = _shown(judged, achievement_record(judged, locale=args.locale), args.lang)
        rows.append(
            {
                **shown,
                "period": shown["period"] if v.year_to_date is None else v.period,
                "current": _value(v.current, args.locale),
                "year_to_date": _value(v.year_to_date, args.locale),
                "previous": _value(v.previous, args.locale),
                "change": ""
                if v.change is None
                else format_decimal(v.change, 2, locale=args.locale),
            }
        )
    head = ("indicator", "unit", "current", "year_to_date", "previous", "change", "target")
    return emit(args, records, rows, _columns(args.lang, (*head, "status", "coverage")))


def _value(a: Achievement | None, locale: Language) -> str:
    """A result's value in a cell: "86,54% (45/52)", or a count; "—" without data."""
    from ..achievement import format_percent
    from ..indicator import Unit

    ratio = None if a is None else a.ratio
    if a is None or a.value is None:
        return "—"
    if a.measure_unit is Unit.COUNT or ratio is None:
        return a.ratio_text
    return f"{format_percent(ratio, 2, locale=locale)} ({a.ratio_text})"


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


def _from_ledger(args: argparse.Namespace, plan: Plan) -> Observations:
    """The counts in force in the ledger on --as-of (default: today); FILE is refused."""
    from ..ledger.feed import ledger_observations

    if args.file:
        raise UsageError(f"{args.command}: give FILE or --db, not both")
    day = _as_of(args) or date.today()
    with open_existing(args.db) as ledger:
        found = ledger_observations(plan, ledger, day)
    if found is None:
        raise UsageError(f"--db {args.db}: no counts recorded on or before {day:%d/%m/%Y}")
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
    "sources",
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
        "sources": "; ".join(
            f"{s['file']}:" + ",".join(f"{a}-{b}" if a != b else str(a) for a, b in s["lines"])
            for s in record["sources"]
        ),
    }


def _annex(args: argparse.Namespace) -> int:
    from ..annex_reporting import annex_report
    from ..observations import Observations

    _number_locale(args)
    plan = plan_of(args)
    if args.db is not None:
        observations = _from_ledger(args, plan)
    elif args.file is None:
        raise UsageError("annex: give FILE or --db")
    else:
        observations = Observations.from_files(
            [args.file], plan, duplicates=args.duplicates, period=args.file_period
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
