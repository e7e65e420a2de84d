"""Sub-commands of the progress ledger: ``progress record|show|history|import`` and
``submissions [show|record]``.

The ledger is ``--db PATH|URL``, else ``DE_AN06_DB``, else ``de-an06.db`` in the working
folder. SQLAlchemy, Alembic and psycopg load only here, when one of these runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from ._common import UsageError, add_plan_option, emit, parse_date, plan_of

if TYPE_CHECKING:
    from ..ledger.store import Ledger

__all__ = ["register"]


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the ledger: a SQLite file or a postgresql:// URL "
        "(default: $DE_AN06_DB, else de-an06.db here)",
    )


def _shared(parser: argparse.ArgumentParser, *, output: bool = True) -> None:
    add_plan_option(parser)
    _db_option(parser)
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
    )
    if output:
        parser.add_argument(
            "--format", choices=("table", "json"), default="table", help="output format"
        )


def register(commands: Any) -> None:
    """Add ``progress`` and ``submissions`` to the ``de-an06`` parser."""
    progress = commands.add_parser(
        "progress",
        help="the progress ledger: record, show, history and import of task statuses",
        description="Record what each agency reports on each task (append-only: a "
        "correction is a new event with --supersedes), and show every task's status on a "
        "day with done on time / done late / overdue by the lawful due day.",
        epilog="Example: de-an06 progress record 6.1 done --on 15/04/2024 --by 'Sở TT&TT'",
    )
    actions = progress.add_subparsers(dest="action", metavar="ACTION", required=True)

    record = actions.add_parser("record", help="record one task status")
    record.add_argument("task", metavar="TASK", help="task code (6.1)")
    record.add_argument(
        "status",
        metavar="STATUS",
        help="not_started, in_progress, done, blocked, cancelled, carried_over "
        "(or the Vietnamese label: 'hoàn thành')",
    )
    record.add_argument("--on", required=True, metavar="DATE", help="the day the status holds")
    record.add_argument("--by", required=True, metavar="AGENCY", help="reporting agency")
    record.add_argument("--note", default="", help="free text")
    record.add_argument(
        "--evidence", default="", help="document, e.g. '123/STTTT-CĐS ngày 20/6/2024'"
    )
    record.add_argument("--percent", type=int, metavar="N", help="share done, 0-100")
    record.add_argument("--recorded-by", default="", metavar="NAME", help="who records it")
    record.add_argument("--supersedes", type=int, metavar="ID", help="id of the event corrected")
    _shared(record)
    record.set_defaults(handler=_record)

    show = actions.add_parser("show", help="every task's status on a day")
    show.add_argument("--as-of", metavar="DATE", help="the day (default: today)")
    show.add_argument("--agency", metavar="NAME", help="only tasks this agency reports on")
    _shared(show)
    show.set_defaults(handler=_show)

    history = actions.add_parser("history", help="every event of one task, corrections too")
    history.add_argument("task", metavar="TASK", help="task code")
    _shared(history)
    history.set_defaults(handler=_history)

    imports = actions.add_parser("import", help="a CSV or XLSX file of statuses, all or nothing")
    imports.add_argument(
        "file",
        metavar="FILE",
        help="CSV or XLSX (first sheet): task,status,on,agency[,percent,note,evidence]",
    )
    _shared(imports, output=False)
    imports.set_defaults(handler=_import)

    submissions = commands.add_parser(
        "submissions",
        help="who submitted the periodic report on time, late, or not at all",
        description="show: each expected reporter × period of the plan's reporting regime, "
        "on time / late (working days) / missing / not yet due. record: note that an agency "
        "submitted its report for a period on a day.",
        epilog="Examples:\n"
        "  de-an06 submissions record --by 'UBND huyện Mai Sơn' --period 202407 --on 12/07/2024\n"
        "  de-an06 submissions --period 202407 --as-of 31/07/2024",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    submissions.add_argument(
        "action", nargs="?", choices=("show", "record"), default="show", help="(default: show)"
    )
    submissions.add_argument("--period", metavar="ID", help="period id: 202407, 2024S1, 2024")
    submissions.add_argument("--as-of", metavar="DATE", help="show: the day (default: today)")
    submissions.add_argument("--agency", metavar="NAME", help="show: one agency only")
    submissions.add_argument("--by", metavar="AGENCY", help="record: the agency that submitted")
    submissions.add_argument("--on", metavar="DATE", help="record: the day it arrived")
    submissions.add_argument("--recorded-by", default="", metavar="NAME", help="record: who")
    _shared(submissions)
    submissions.set_defaults(handler=_submissions)


def _open(args: argparse.Namespace) -> Ledger:
    from ..ledger.store import Ledger

    return Ledger.open(args.db)


def _as_of(args: argparse.Namespace) -> date:
    return date.today() if args.as_of is None else parse_date(args.as_of)


def _vn(day: date | None) -> str | None:
    return None if day is None else day.strftime("%d/%m/%Y")


def _record(args: argparse.Namespace) -> int:
    from ..ledger.record import check_event

    plan = plan_of(args)
    checked = check_event(
        plan,
        args.task,
        args.status,
        parse_date(args.on, "--on"),
        args.by,
        percent=args.percent,
        note=args.note,
        evidence=args.evidence,
        recorded_by=args.recorded_by,
        source="cli",
        supersedes=args.supersedes,
    )
    for warning in checked.warnings:
        print(f"de-an06 progress: warning: {warning}", file=sys.stderr)
    with _open(args) as ledger:
        ident = ledger.add_event(checked.event)
    event = checked.event
    data = {"id": ident, **_event_data(event, args.lang)}
    text = (
        f"đã ghi #{ident}: {event.task} {event.agency} {event.status.label('vi')} {_vn(event.on)}"
        if args.lang == "vi"
        else f"recorded #{ident}: {event.task} {event.agency} {event.status.label('en')} "
        f"{event.on.isoformat()}"
    )
    if args.format == "json":
        return emit(args, data, [], [])
    print(text)
    return 0


def _event_data(event: Any, lang: str) -> dict[str, Any]:
    return {
        "task": event.task,
        "agency": event.agency,
        "status": event.status.value,
        "status_label": event.status.label(lang),
        "on": event.on.isoformat(),
        "percent": event.percent,
        "note": event.note,
        "evidence": event.evidence,
        "recorded_at": event.recorded_at.isoformat(),
        "recorded_by": event.recorded_by,
        "source": event.source,
        "supersedes": event.supersedes,
    }


_SHOW_HEADERS = {
    "vi": ("Nhiệm vụ", "Trạng thái", "Tình hình", "Hạn", "Ngày", "Đã xong", "Trễ (ngày LV)"),
    "en": ("Task", "Status", "Progress", "Due", "On", "Done share", "Late (working days)"),
}


def _show(args: argparse.Namespace) -> int:
    from ..directory import resolve_agency
    from ..ledger.queries import task_states

    plan = plan_of(args)
    as_of = _as_of(args)
    agency = None if args.agency is None else resolve_agency(plan, args.agency).key
    with _open(args) as ledger:
        latest = ledger.latest_events(as_of)
    states = task_states(plan, latest, as_of)
    if agency is not None:
        states = tuple(s for s in states if agency in s.reporters)
    lang = args.lang
    records = [
        {
            "task": s.task.code,
            "status": None if s.status is None else s.status.value,
            "status_label": None if s.status is None else s.status.label(lang),
            "progress": s.progress.value,
            "progress_label": s.progress.label(lang),
            "due": None if s.due is None else s.due.isoformat(),
            "on": None if s.on is None else s.on.isoformat(),
            "reporters": len(s.reporters),
            "done": sum(1 for e in s.latest if e.status.value == "done"),
            "days_late": s.days_late,
        }
        for s in states
    ]
    data = {"plan": plan.id, "as_of": as_of.isoformat(), "tasks": records}
    show = _vn if lang == "vi" else (lambda d: None if d is None else d.isoformat())
    rows = [
        {
            "task": r["task"],
            "status": r["status_label"] or "—",
            "progress": r["progress_label"],
            "due": show(s.due),
            "on": show(s.on),
            "share": f"{r['done']}/{r['reporters']}" if r["reporters"] else "",
            "late": r["days_late"] or "",
        }
        for r, s in zip(records, states, strict=True)
    ]
    heads = _SHOW_HEADERS[lang]
    keys = ("task", "status", "progress", "due", "on", "share", "late")
    title = (
        f"Tiến độ thực hiện nhiệm vụ đến ngày {_vn(as_of)}"
        if lang == "vi"
        else f"Task progress as of {as_of.isoformat()}"
    )
    return emit(args, data, rows, list(zip(keys, heads, strict=True)), title=title)


def _history(args: argparse.Namespace) -> int:
    from ..ledger.queries import task_history

    plan = plan_of(args)
    code = plan.task(args.task.strip()).code
    with _open(args) as ledger:
        history = task_history(ledger.events(task=code), code)
    lang = args.lang
    records = [{"id": e.id, **_event_data(e, lang), "superseded_by": by} for e, by in history]
    rows = [
        {
            "id": r["id"],
            "agency": r["agency"],
            "status": r["status_label"],
            "on": _vn(e.on) if lang == "vi" else e.on.isoformat(),
            "percent": r["percent"],
            "evidence": r["evidence"],
            "note": r["note"],
            "source": r["source"],
            "superseded": "" if by is None else f"→ #{by}",
        }
        for r, (e, by) in zip(records, history, strict=True)
    ]
    heads = (
        ("id", "#"),
        ("agency", "Đơn vị" if lang == "vi" else "Agency"),
        ("status", "Trạng thái" if lang == "vi" else "Status"),
        ("on", "Ngày" if lang == "vi" else "On"),
        ("percent", "%"),
        ("evidence", "Văn bản" if lang == "vi" else "Evidence"),
        ("note", "Ghi chú" if lang == "vi" else "Note"),
        ("source", "Nguồn" if lang == "vi" else "Source"),
        ("superseded", "Đã sửa" if lang == "vi" else "Superseded"),
    )
    return emit(args, {"task": code, "events": records}, rows, heads, title=code)


def _import(args: argparse.Namespace) -> int:
    from ..ledger.csvfile import read_events

    plan = plan_of(args)
    events, warnings = read_events(args.file, plan)
    for warning in warnings:
        print(f"de-an06 progress: warning: {warning}", file=sys.stderr)
    with _open(args) as ledger:
        ids = ledger.add_events(events)
    print(
        f"đã nhập {len(ids)} dòng từ {args.file}"
        if args.lang == "vi"
        else f"imported {len(ids)} rows from {args.file}"
    )
    return 0


def _submissions(args: argparse.Namespace) -> int:
    if args.action == "record":
        return _submission_record(args)
    from ..directory import resolve_agency
    from ..ledger.queries import completeness

    plan = plan_of(args)
    as_of = _as_of(args)
    with _open(args) as ledger:
        items = ledger.submissions(period=args.period)
    if args.period is not None:
        _period(args.period)
    reporters = None if args.agency is None else [resolve_agency(plan, args.agency).key]
    cells = completeness(plan, items, as_of, period=args.period, reporters=reporters)
    lang = args.lang
    records = [
        {
            "agency": c.agency,
            "period": c.period.id,
            "due": c.due.isoformat(),
            "submitted_on": None if c.submitted_on is None else c.submitted_on.isoformat(),
            "status": c.status.value,
            "status_label": c.status.label(lang),
            "days_late": c.days_late,
        }
        for c in cells
    ]
    names = {a.key: a.name for a in plan.agencies}
    show = _vn if lang == "vi" else (lambda d: None if d is None else d.isoformat())
    rows = [
        {
            "period": c.period.label(lang),  # ids stay in JSON; people read "tháng 7/2024"
            "agency": names.get(c.agency, c.agency),
            "due": show(c.due),
            "submitted": show(c.submitted_on),
            "status": c.status.label(lang),
            "late": c.days_late or "",
        }
        for c in cells
    ]
    counted = [c for c in cells if c.status.value != "pending"]
    on_time = sum(1 for c in counted if c.status.value == "on_time")
    sent = sum(1 for c in counted if c.submitted_on is not None)
    vi = lang == "vi"
    title = (
        f"Tình hình gửi báo cáo đến ngày {_vn(as_of)}: đã gửi {sent}/{len(counted)}, "
        f"đúng hạn {on_time}/{len(counted)}"
        if vi
        else f"Reports as of {as_of.isoformat()}: submitted {sent}/{len(counted)}, "
        f"on time {on_time}/{len(counted)}"
    )
    heads = (
        ("period", "Kỳ" if vi else "Period"),
        ("agency", "Đơn vị" if vi else "Agency"),
        ("due", "Hạn" if vi else "Due"),
        ("submitted", "Ngày gửi" if vi else "Submitted"),
        ("status", "Tình trạng" if vi else "Status"),
        ("late", "Trễ (ngày LV)" if vi else "Late (working days)"),
    )
    data = {"plan": plan.id, "as_of": as_of.isoformat(), "period": args.period, "reports": records}
    return emit(args, data, rows, heads, title=title)


def _period(text: str) -> str:
    from ..reporting import ReportingPeriod

    return ReportingPeriod.from_id(text.strip()).id


def _submission_record(args: argparse.Namespace) -> int:
    from ..ledger.record import check_submission

    missing = [
        o for o, v in (("--by", args.by), ("--period", args.period), ("--on", args.on)) if not v
    ]
    if missing:
        raise UsageError(f"submissions record needs {', '.join(missing)}")
    plan = plan_of(args)
    item = check_submission(
        plan,
        args.by,
        args.period,
        parse_date(args.on, "--on"),
        recorded_by=args.recorded_by,
        source="cli",
    )
    with _open(args) as ledger:
        ident = ledger.add_submission(item)
    if args.format == "json":
        return emit(
            args,
            {
                "id": ident,
                "agency": item.agency,
                "period": item.period,
                "submitted_on": item.submitted_on.isoformat(),
            },
            [],
            [],
        )
    print(
        f"đã ghi #{ident}: {item.agency} nộp báo cáo kỳ {item.period} ngày {_vn(item.submitted_on)}"
        if args.lang == "vi"
        else f"recorded #{ident}: {item.agency} submitted {item.period} on "
        f"{item.submitted_on.isoformat()}"
    )
    return 0
