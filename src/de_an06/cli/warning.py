"""``de-an06 trajectory`` and ``de-an06 digest``: the early warning (issue #20)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from .._tables import render_table, to_json
from ._common import (
    UsageError,
    add_plan_option,
    parse_date,
    plan_of,
    write_output,
)
from ._ledger import open_existing

if TYPE_CHECKING:
    from ..early_warning import Trajectory
    from ..observations import Observations
    from ..plan import Plan

__all__ = ["register"]


def _working_days(text: str) -> int:
    """An argparse type: 0 to 250 working days (ASCII digits)."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 3 or int(text) > 250:
        msg = f"not a number of working days: {text!r} (expected 0 to 250)"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    add_plan_option(parser)
    parser.add_argument("--as-of", metavar="DATE", help="the day (default: today)")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="read counts (and task progress, submissions) from this ledger",
    )
    parser.add_argument(
        "--format", choices=formats, default=formats[0], help=f"output format ({formats[0]})"
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE")


def register(commands: Any) -> None:
    """Add ``trajectory`` and ``digest`` to *commands*."""
    trajectory = commands.add_parser(
        "trajectory",
        help="the pace each target needs, and where it is heading",
        description="For every indicator × unit with monthly figures: the figure so far, "
        "the numerator still needed by the year end, the monthly pace that needs against "
        "the pace of the last three periods, a plain projection and a status (on_track, "
        "at_risk, off_track, met_already, not_enough_data).",
        epilog="Example: de-an06 trajectory --as-of 2024-06-30 "
        "examples/data/son-la-2024-monthly.csv",
    )
    trajectory.add_argument("files", nargs="*", metavar="FILE", help="monthly counts (CSV/XLSX)")
    trajectory.add_argument("--deadline", metavar="ID", help="monthly period (default: 202412)")
    _common(trajectory, ("table", "json", "md"))
    trajectory.set_defaults(handler=_trajectory)
    digest = commands.add_parser(
        "digest",
        help="what an agency owes: tasks due or overdue, reports, indicators at risk",
        description="One agency's digest for a day: the tasks it leads or coordinates that "
        "fall due within N working days or are overdue and not done, the reports it owes "
        "and by which day, and its indicators at risk.",
        epilog="Example: de-an06 digest --agency 'UBND huyện Mai Sơn' --as-of 2024-07-01 "
        "--observations examples/data/son-la-2024-monthly.csv --format md",
    )
    who = digest.add_mutually_exclusive_group(required=True)
    who.add_argument("--agency", metavar="NAME", help="an agency, by any name or key")
    who.add_argument("--all", action="store_true", help="every agency that leads or coordinates")
    digest.add_argument(
        "--within", type=_working_days, default=5, metavar="N", help="working days ahead (5)"
    )
    digest.add_argument(
        "--observations", action="append", default=[], metavar="FILE", help="monthly counts"
    )
    _common(digest, ("text", "md", "json", "ics"))
    digest.set_defaults(handler=_digest)


def _as_of(args: argparse.Namespace) -> date:
    return date.today() if args.as_of is None else parse_date(args.as_of)


def _counts(
    args: argparse.Namespace, plan: Plan, files: list[str], as_of: date
) -> list[Observations]:
    from ..observations import Observations

    stores = []
    if files:
        stores.append(Observations.from_files(files, plan))
    if args.db:
        from ..ledger.feed import ledger_observations

        with open_existing(args.db) as ledger:
            found = ledger_observations(plan, ledger, as_of)
        if found is not None:
            stores.append(found)
    return stores


def _trajectories(
    plan: Plan, stores: list[Observations], as_of: date, deadline: str | None
) -> list[Trajectory]:
    from ..early_warning import trajectories

    if deadline is not None and not (
        len(deadline) == 6 and deadline.isdigit() and 1 <= int(deadline[4:]) <= 12
    ):
        raise UsageError(f"--deadline: not a monthly period: {deadline!r} (expected e.g. 202412)")
    out: list[Trajectory] = []
    for store in stores:
        out.extend(trajectories(plan, store, as_of=as_of, deadline=deadline))
    return out


def _emit(args: argparse.Namespace, text: str) -> int:
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_output(args, text)
    print(f"wrote {args.output}")
    return 0


def _trajectory(args: argparse.Namespace) -> int:
    from ..early_warning import trajectory_line, trajectory_record

    if not args.files and not args.db:
        raise UsageError("give monthly count files, or --db PATH|URL to read the ledger's")
    plan = plan_of(args)
    as_of = _as_of(args)
    found = _trajectories(plan, _counts(args, plan, args.files, as_of), as_of, args.deadline)
    lang = args.lang
    if args.format == "json":
        data = {
            "plan": plan.id,
            "as_of": as_of.isoformat(),
            "trajectories": [trajectory_record(t, lang) for t in found],
        }
        return _emit(args, to_json(data))
    if args.format == "md":
        title = "Tiến độ chỉ tiêu" if lang == "vi" else "Indicator trajectories"
        lines = [f"# {title} — {as_of:%d/%m/%Y}", ""]
        for t in found:
            lines.append(f"- {trajectory_line(t, lang)}")
            assumption = t.assumption(lang)
            if assumption:
                lines.append(f"  {assumption}")
        return _emit(args, "\n".join(lines) + "\n")
    from ..early_warning import number_text
    from ..reporting import ReportingPeriod

    rows = []
    for t in found:
        record = trajectory_record(t, lang)
        shown = {
            k: None if getattr(t.pace, a) is None else number_text(getattr(t.pace, a), lang)
            for k, a in (("still_needed", "still_needed"), ("needed_pace", "needed_pace"))
        }
        recent = t.pace.recent
        rows.append(
            {
                **record,
                **shown,
                "target": record["target"]["display"],
                "recent_pace": None if recent is None else number_text(recent, lang),
                # ids stay in JSON; people read "tháng 6/2024"
                "through": ReportingPeriod.from_id(record["through"]).label(lang)
                if record.get("through")
                else None,
            }
        )
    vi = lang == "vi"
    columns = [
        ("indicator", "chỉ tiêu" if vi else "indicator"),
        ("unit_name", "đơn vị" if vi else "unit"),
        ("status_label", "tình trạng" if vi else "status"),
        ("target", "mục tiêu" if vi else "target"),
        ("through", "đến kỳ" if vi else "through"),
        ("still_needed", "còn thiếu" if vi else "still needed"),
        ("needed_pace", "cần/tháng" if vi else "needed/month"),
        ("recent_pace", "nhịp gần đây" if vi else "recent/month"),
    ]
    text = render_table(rows, columns, title=f"{plan.id} — {as_of:%d/%m/%Y}\n") + "\n"
    note = (
        "Giả định của dự báo: mỗi tháng còn lại đến hạn, tử số và mẫu số tăng bằng bình quân "
        "3 kỳ gần nhất; không giả định gì khác (số liệu chi tiết: --format md hoặc json)."
        if vi
        else "The forecast assumes every month left adds the mean of the last 3 periods to "
        "the numerator and the denominator; nothing else (details: --format md or json)."
    )
    return _emit(args, text + note + "\n")


def _digest(args: argparse.Namespace) -> int:
    from ..early_warning import (
        agency_digest,
        digest_ics,
        digest_markdown,
        digest_record,
        digest_text,
    )

    plan = plan_of(args)
    as_of = _as_of(args)
    if args.all and args.format == "ics":
        raise UsageError("--format ics is one agency's calendar: give --agency NAME")
    stores = []
    events = submissions = None
    if args.observations:
        from ..observations import Observations

        stores.append(Observations.from_files(args.observations, plan))
    if args.db:
        from ..ledger.feed import ledger_observations

        with open_existing(args.db) as ledger:
            events, submissions = ledger.latest_events(as_of), ledger.submissions()
            found = ledger_observations(plan, ledger, as_of)
        if found is not None:
            stores.append(found)
    paths = _trajectories(plan, stores, as_of, None)
    keys = [args.agency] if args.agency is not None else _everyone(plan, as_of)
    digests = [
        agency_digest(
            plan,
            key,
            as_of,
            within=args.within,
            events=events,
            submissions=submissions,
            trajectories=paths,
        )
        for key in keys
    ]
    lang = args.lang
    if args.format == "ics":
        return _emit(args, digest_ics(digests[0]))
    if args.format == "json":
        records = [digest_record(d, lang) for d in digests]
        return _emit(args, to_json(records[0] if args.agency is not None else records))
    write = digest_markdown if args.format == "md" else digest_text
    return _emit(args, "\n".join(write(d, lang) for d in digests))


def _everyone(plan: Plan, as_of: date) -> list[str]:
    """Every agency of the plan that leads or coordinates a task (not bodies elsewhere)."""
    from ..agency import Agency
    from ..matrix import responsibility_matrix
    from ..task import Role

    matrix = responsibility_matrix(plan, expand=True, as_of=as_of)
    keys = []
    for row in matrix.rows:
        if not matrix.select(row.key, role=Role.LEAD) and not matrix.select(
            row.key, role=Role.COORDINATE
        ):
            continue
        try:
            item = plan.agency_by_key(row.key)
        except LookupError:
            continue
        if isinstance(item, Agency) and not item.external:
            keys.append(row.key)
    return keys
