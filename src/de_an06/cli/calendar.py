"""Sub-commands about time: ``deadline`` (read one wording), ``deadlines``, ``calendar``.

``deadline`` shows what the parser makes of a wording; ``deadlines`` lists the plan's
tasks that are overdue, due soon, ongoing or undetermined on a day; ``calendar`` lists a
year's reporting periods with their NĐ 09 cut-off windows and the plan's due dates, as a
table, JSON or an iCalendar file.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .._deadline_parser import parse_deadline
from .._files import DEFAULT_MAX_BYTES, parse_json, read_bytes
from .._tables import to_json
from ..deadline import AsDirected, Compound, Deadline, OnDate, RelativeToEvent, WithinPeriod
from ..plan import Plan
from ..reporting import PERIODIC, Frequency, ReportingPeriod, ReportingRegime
from ..schedule import (
    DueTask,
    ongoing_tasks,
    overdue_tasks,
    tasks_due_within,
    undetermined_tasks,
)
from ..workdays import DuePolicy, default_calendar, is_too_tight, working_days_after_cutoff
from ._common import (
    UsageError,
    add_format_option,
    add_plan_option,
    add_within_option,
    emit,
    parse_date,
    people_table,
    plan_of,
    write_output,
)
from ._ledger import add_read_db_option, deadlines_from_ledger

__all__ = ["calendar_data", "deadline_record", "read_completed", "register"]

_FREQUENCY_VI = {
    Frequency.MONTHLY: "tháng",
    Frequency.QUARTERLY: "quý",
    Frequency.SIX_MONTHLY: "6 tháng",
    Frequency.YEARLY: "năm",
}


def _day(text: str) -> date:
    """An argparse type: ``YYYY-MM-DD`` or ``dd/mm/yyyy``."""
    try:
        return parse_date(text, "date")
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("date: ")) from None


def _year(text: str) -> int:
    """An argparse type: a year from 1000 to 9998."""
    if not (text.strip().isascii() and text.strip().isdigit()) or not 1000 <= int(text) <= 9998:
        msg = f"not a year: {text!r} (expected e.g. 2024)"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _add_policy_option(
    parser: argparse.ArgumentParser, default: DuePolicy = DuePolicy.KEEP
) -> None:
    parser.add_argument(
        "--policy",
        choices=[p.value for p in DuePolicy],
        default=default.value,
        help=f"due date on a non-working day: keep it, move it forward to the "
        f"next working day (Civil Code art. 148(5)) or back to the previous one "
        f"(default: {default.value}); a 'trước ngày X' deadline never moves onto or past X",
    )


def register(commands: Any) -> None:
    """Add ``deadline``, ``deadlines`` and ``calendar`` to the ``de-an06`` parser."""
    formatter = argparse.RawDescriptionHelpFormatter
    deadline = commands.add_parser(
        "deadline",
        help="read one deadline wording: its kind, due date, parts",
        description="Show how a deadline wording is read (the text is kept as given).",
        epilog="Examples:\n"
        "  de-an06 deadline 'Quý I, Quý II/2024' --format json\n"
        "  de-an06 deadline 'trước ngày 15/9/2024' --policy forward\n"
        "  de-an06 deadline '6 tháng đầu năm' --year 2025 --strict",
        formatter_class=formatter,
    )
    deadline.add_argument("text", metavar="TEXT", help="the wording, in Vietnamese")
    deadline.add_argument("--year", type=_year, help="year for wording without one ('Quý I')")
    deadline.add_argument(
        "--inclusive", action="store_true", help="read 'trước ngày X' as 'by X' (default: X−1)"
    )
    deadline.add_argument(
        "--strict", action="store_true", help="exit 2 with a caret under what is not understood"
    )
    _add_policy_option(deadline)
    add_format_option(deadline)
    deadline.set_defaults(handler=_deadline)

    deadlines = commands.add_parser(
        "deadlines",
        help="tasks overdue, due soon, ongoing or undetermined on a day",
        description="The plan's tasks by deadline status on --as-of (default: today). A plan "
        "has no completion data: 'overdue' means past the due date, unless --completed "
        "gives a JSON file of task code → completion date, or --db a progress ledger (then "
        "tasks done on time and done late, with working days late, are listed too).",
        epilog="Examples:\n"
        "  de-an06 deadlines --as-of 2024-04-01 --within 30\n"
        "  de-an06 deadlines --as-of 01/07/2024 --completed done.json --format json",
        formatter_class=formatter,
    )
    add_plan_option(deadlines)
    deadlines.add_argument(
        "--as-of", type=_day, metavar="DATE", help="the day to look from (default: today)"
    )
    add_within_option(deadlines)
    deadlines.add_argument(
        "--completed", metavar="FILE", help='JSON object of task code → date, {"7.2": "2024-03-20"}'
    )
    _add_policy_option(deadlines, DuePolicy.FORWARD)
    add_read_db_option(deadlines)
    add_format_option(deadlines)
    deadlines.set_defaults(handler=_deadlines)

    calendar = commands.add_parser(
        "calendar",
        help="a year's reporting periods: NĐ 09 cut-off windows and the plan's due dates",
        description="Reporting periods of YEAR (IDs 202401 = 15/12/2023–14/01/2024, 2024Q1, "
        "2024S1, 2024), with the plan's due date and whether it leaves the one working day "
        "after the cut-off that NĐ 09/2019 art. 8(5)(b) asks for.",
        epilog="Examples:\n"
        "  de-an06 calendar 2024\n"
        "  de-an06 calendar 2024 --format json\n"
        "  de-an06 calendar 2024 --format ics -o bao-cao-2024.ics",
        formatter_class=formatter,
    )
    calendar.add_argument("year", type=_year, metavar="YEAR", help="the reporting year")
    add_plan_option(calendar)
    add_format_option(calendar, "ics")
    calendar.add_argument("-o", "--output", metavar="FILE", help="write to FILE")
    calendar.add_argument(
        "--inclusive", action="store_true", help="read 'trước ngày X' as 'by X' (default: X−1)"
    )
    _add_policy_option(calendar)
    calendar.set_defaults(handler=_calendar)


# --- deadline -----------------------------------------------------------------------------


def deadline_record(deadline: Deadline, policy: DuePolicy = DuePolicy.KEEP) -> dict[str, Any]:
    """A deadline as JSON-ready data: ``text``, ``kind``, ``due``, ``ongoing``, its fields.

    ``shifted_due`` is the due date under *policy*; compounds list their ``parts``.
    """
    due = deadline.due_date()
    shifted = default_calendar().shifted_due(deadline, policy)
    record: dict[str, Any] = {
        "text": deadline.text,
        "kind": deadline.KIND,
        "due": None if due is None else due.isoformat(),
        "shifted_due": None if shifted is None else shifted.isoformat(),
        "ongoing": deadline.ongoing,
    }
    match deadline:
        case OnDate():
            record |= {
                "date": deadline.date.isoformat(),
                "before": deadline.before,
                "inclusive": deadline.inclusive,
            }
        case WithinPeriod():
            record |= {
                "year": deadline.year,
                "unit": deadline.unit.value,
                "number": deadline.number,
                "start": deadline.start_date().isoformat(),
            }
        case RelativeToEvent():
            when = deadline.event_date
            record |= {
                "event": deadline.event,
                "relation": deadline.relation.value,
                "event_date": None if when is None else when.isoformat(),
            }
        case AsDirected():
            record["by"] = deadline.by
        case Compound():
            record["parts"] = [deadline_record(part, policy) for part in deadline.parts]
        case _:
            pass
    return record


def _deadline(args: argparse.Namespace) -> int:
    deadline = parse_deadline(
        args.text, year=args.year, inclusive=args.inclusive, strict=args.strict
    )
    record = deadline_record(deadline, DuePolicy(args.policy))
    parts = record.get("parts", [record])
    rows = [
        {
            "text": part["text"],
            "kind": part["kind"],
            "due": part["due"],
            "shifted": part["shifted_due"],
            "ongoing": part["ongoing"],
        }
        for part in parts
    ]
    if len(parts) == 1:
        title = ""
    elif args.lang == "vi":
        from ._table_words import VALUES

        day = "—" if record["due"] is None else f"{date.fromisoformat(record['due']):%d/%m/%Y}"
        title = f"{VALUES.get(record['kind'], record['kind'])}: hạn {day}\n"
    else:
        title = f"{record['kind']}: due {record['due'] or '—'}\n"
    columns = [
        ("kind", "kind"),
        ("due", "due"),
        ("shifted", f"due ({args.policy})"),
        ("ongoing", "ongoing"),
        ("text", "text"),
    ]
    return emit(args, record, rows, columns, title=title)


# --- deadlines ----------------------------------------------------------------------------


def read_completed(path: str | None) -> dict[str, date] | None:
    """The ``--completed`` file: a JSON object of task code → ISO date."""
    if path is None:
        return None

    file = path

    def error(message: str, value: object, path: str = "$") -> UsageError:
        return UsageError(f"--completed: {file}: {path}: {message}")

    # Read like every other file (_files): size limit, UTF-8/UTF-16, depth, repeated keys.
    raw = read_bytes(file, what="completion file", max_bytes=DEFAULT_MAX_BYTES, error=error)
    data = parse_json(raw, what="completion file", error=error)
    if not isinstance(data, dict):
        msg = f'--completed: {path}: expected an object {{"7.2": "2024-03-20"}}, got {data!r}'
        raise UsageError(msg)
    done: dict[str, date] = {}
    for code, value in data.items():
        try:
            done[code] = date.fromisoformat(value)
        except (TypeError, ValueError):
            msg = f"--completed: {path}: $.{code!r}: not an ISO date: {value!r}"
            raise UsageError(msg) from None
    return done


def _task_rows(items: tuple[DueTask, ...], as_of: date) -> list[dict[str, Any]]:
    return [
        {
            "code": item.code,
            "text": item.task.text,
            "deadline": item.task.deadline.text,
            "deadline_kind": item.task.deadline.KIND,
            "due": None if item.due is None else item.due.isoformat(),
            "days": None if item.due is None else (item.due - as_of).days,
            "ongoing": item.task.deadline.ongoing,
        }
        for item in items
    ]


def _deadlines(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    as_of: date = args.as_of or date.today()
    policy = DuePolicy(args.policy)
    completed = read_completed(args.completed)
    finished: dict[str, list[dict[str, Any]]] = {}
    if args.db is not None:  # the ledger says what was done, and whether on time
        completed, finished = deadlines_from_ledger(args.db, plan, as_of, policy, completed)
    groups = {
        "overdue": overdue_tasks(plan, as_of, completed=completed, policy=policy),
        "due_soon": tasks_due_within(plan, as_of, args.within, completed=completed, policy=policy),
        "ongoing": ongoing_tasks(plan),
        "undetermined": undetermined_tasks(plan),
    }
    data: dict[str, Any] = {
        "plan": plan.id,
        "as_of": as_of.isoformat(),
        "within": args.within,
        "policy": policy.value,
    }
    data |= {name: _task_rows(items, as_of) for name, items in groups.items()}
    data |= finished
    names = [*finished, *groups]
    rows = [{"status": name, **row} for name in names for row in data[name]]
    columns = [
        ("status", "status"),
        ("code", "task"),
        ("due", "due"),
        ("days", "days"),
        ("deadline", "deadline"),
        ("text", "text"),
    ]
    if args.lang == "vi":
        from ._table_words import VALUES

        counts = ", ".join(f"{VALUES.get(name, name)} {len(data[name])}" for name in names)
        title = (
            f"{plan.id} ngày {as_of:%d/%m/%Y} (sắp đến hạn = trong {args.within} ngày): {counts}\n"
        )
    else:
        counts = ", ".join(f"{name} {len(data[name])}" for name in names)
        title = f"{plan.id} on {as_of:%d/%m/%Y} (due soon = within {args.within} days): {counts}\n"
    return emit(args, data, rows, columns, title=title)


# --- calendar -----------------------------------------------------------------------------


def calendar_data(
    plan: Plan, year: int, *, inclusive: bool = False, policy: DuePolicy = DuePolicy.KEEP
) -> dict[str, Any]:
    """A year's reporting periods as JSON-ready data (the ``calendar --format json`` keys).

    Every periodic frequency is listed; ``due`` is null where the plan sets no deadline.
    """
    regime = plan.reporting or ReportingRegime(text="")
    calendar = default_calendar()
    periods = []
    for period in regime.periods(year, PERIODIC, inclusive=inclusive):
        rule = regime.rule_for(period)
        slack = working_days_after_cutoff(period)
        shifted = (
            None
            if period.due is None or rule is None
            else calendar.shift(period.due, policy, before=rule.before)
        )
        periods.append(
            {
                "id": period.id,
                "frequency": period.frequency.value,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "due": None if period.due is None else period.due.isoformat(),
                "shifted_due": None if shifted is None else shifted.isoformat(),
                "rule": None if rule is None else rule.text,
                "working_days_after_cutoff": slack,
                "due_before_cutoff_end": period.due is not None and period.due < period.end,
                "too_tight": is_too_tight(period),
            }
        )
    return {
        "plan": plan.id,
        "year": year,
        "inclusive": inclusive,
        "policy": policy.value,
        "periods": periods,
    }


def _ics_text(plan: Plan, data: dict[str, Any]) -> str:
    from .. import _ics

    events = []
    for record in data["periods"]:
        if record["due"] is None:
            continue
        period = ReportingPeriod.from_id(record["id"])
        due = date.fromisoformat(record["shifted_due"] or record["due"])
        label = _FREQUENCY_VI[period.frequency]
        description = (
            f"Kỳ {period.id}: chốt số liệu {period.start:%d/%m/%Y}–{period.end:%d/%m/%Y} "
            f"(Nghị định 09/2019/NĐ-CP, Điều 12). Hạn gửi: {record['rule']} "
            f"({plan.decision.number})."
        )
        if record["too_tight"]:
            description += (
                "\nLưu ý: hạn gửi để lại ít hơn 01 ngày làm việc sau khi chốt số liệu "
                "(Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5 điểm b)."
            )
        events.append(
            _ics.Event(
                uid=f"{plan.id}-{period.id}-{period.frequency.value}@de-an06",
                day=due,
                summary=f"Hạn báo cáo {label} {period.id} — Đề án 06 ({plan.id})",
                description=description,
            )
        )
    return _ics.render(f"Báo cáo Đề án 06 — {plan.id} — {data['year']}", events)


def _calendar(args: argparse.Namespace) -> int:
    plan = plan_of(args)
    data = calendar_data(plan, args.year, inclusive=args.inclusive, policy=DuePolicy(args.policy))
    if args.format == "ics":
        text = _ics_text(plan, data)
    elif args.format == "json":
        text = to_json(data)
    else:
        rows = [
            {
                **record,
                "window": f"{record['start']} → {record['end']}",
                "flag": (
                    "< 1 ngày làm việc (điểm b khoản 5 Điều 8 NĐ 09)"
                    if args.lang == "vi"
                    else "< 1 working day (NĐ 09 art. 8(5)(b))"
                )
                if record["too_tight"]
                else "",
            }
            for record in data["periods"]
        ]
        columns = [
            ("id", "period"),
            ("window", "cut-off window (NĐ 09 art. 12)"),
            ("due", "due"),
            ("shifted_due", f"due ({args.policy})"),
            ("working_days_after_cutoff", "working days"),
            ("flag", "flag"),
            ("rule", "rule"),
        ]
        if args.output is None:
            return emit(args, data, rows, columns, title=f"{plan.id} — {args.year}\n")
        text = people_table(args, rows, columns, title=f"{plan.id} — {args.year}\n") + "\n"
    if args.output is None:
        print(text, end="")
        return 0
    write_output(args, text)  # as bytes: the ICS CRLFs are written as they are
    print(f"wrote {args.output}")
    return 0
