"""What every command shares: the plan, format and date options, and printing a result."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from .._dates import MAX_DAYS, check_day, parse_day
from .._files import write_atomic
from .._tables import Column, render_table, to_json
from ..errors import DateRangeError, DeAn06Error, ExportError
from ..loading import load_plan
from ..plan import Plan
from ..schedule import DEFAULT_WITHIN
from ..task import Role, Task

__all__ = [
    "DEFAULT_PLAN",
    "Handler",
    "UsageError",
    "add_agency_options",
    "add_format_option",
    "add_period_options",
    "add_plan_option",
    "add_within_option",
    "emit",
    "input_files",
    "parse_date",
    "plan_of",
    "task_record",
    "write_output",
]

DEFAULT_PLAN = "son-la-2024"

Handler = Callable[[argparse.Namespace], int]


class UsageError(DeAn06Error):
    """A bad command-line value; the message says which and why."""


def parse_date(text: str, option: str = "--as-of") -> date:
    """A date written ``YYYY-MM-DD`` or ``dd/mm/yyyy``; `UsageError` naming *option* otherwise.

    >>> parse_date("30/06/2024")
    datetime.date(2024, 6, 30)
    """
    try:
        parsed = parse_day(text)
    except ValueError:
        msg = f"{option}: not a date: {text!r} (expected YYYY-MM-DD or dd/mm/yyyy)"
        raise UsageError(msg) from None
    try:
        return check_day(parsed, "the date")
    except DateRangeError as exc:
        raise UsageError(f"{option}: {exc}") from None


def write_output(args: argparse.Namespace, data: bytes | str | Callable[[str], None]) -> None:
    """Write *data* to ``-o`` whole or not at all (`_files.write_atomic`).

    Every file the command line names (``--plan``, the CSV, the text to import …) is an
    input: ``-o`` naming one of them is refused before anything is written.
    """
    write_atomic(args.output, data, inputs=input_files(args), error=ExportError)


def input_files(args: argparse.Namespace) -> tuple[str, ...]:
    """Every existing file an option or argument names, but ``-o``."""
    return tuple(
        value
        for key, value in vars(args).items()
        if key != "output" and isinstance(value, str) and os.path.isfile(value)
    )


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """``--plan NAME|FILE``: a bundled plan name or a plan JSON file."""
    parser.add_argument(
        "--plan",
        default=DEFAULT_PLAN,
        metavar="NAME|FILE",
        help=f"bundled plan name or plan JSON file (default: {DEFAULT_PLAN})",
    )


def add_period_options(parser: argparse.ArgumentParser, *, as_of: bool = True) -> None:
    """``--period``, ``--as-of`` and ``--file-period``: one meaning in every command.

    ``--period ID``: figures for that period (the reports whose windows lie inside it,
    flows summed, stocks latest); ``--as-of DATE``: year to date (that reporting year's
    reports whose windows ended by that day); ``--file-period ID``: the period of rows in
    files without a period column.
    """
    parser.add_argument(
        "--period", metavar="ID", help="figures for this period: combine the reports inside it"
    )
    if as_of:
        parser.add_argument(
            "--as-of",
            metavar="DATE",
            help="year to date: combine that year's reports up to this day (YYYY-MM-DD)",
        )
    parser.add_argument(
        "--file-period",
        metavar="ID",
        help="period of rows in files that have no period column (e.g. 202406)",
    )


def add_format_option(parser: argparse.ArgumentParser, *extra: str) -> None:
    """``--format table|json`` plus any *extra* formats, and ``--lang vi|en`` for tables."""
    parser.add_argument(
        "--format",
        choices=("table", "json", *extra),
        default="table",
        help="output format (default: table)",
    )
    add_lang_option(parser)


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang vi|en``: the language of what people read (default: vi); JSON is unchanged."""
    if "--lang" not in parser._option_string_actions:  # a command may define its own
        parser.add_argument(
            "--lang", choices=("vi", "en"), default="vi", help="label language (default: vi)"
        )


def add_agency_options(parser: argparse.ArgumentParser) -> None:
    """``--agency NAME``, ``--role ROLE`` and ``--as-of DATE`` (``matrix``, ``tasks``)."""
    parser.add_argument("--agency", metavar="NAME", help="an agency, by any name or key")
    parser.add_argument(
        "--role", choices=[r.value for r in Role], help="only this role (with --agency or not)"
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="map each assignment to the body holding it on DATE (YYYY-MM-DD or dd/mm/yyyy)",
    )


def _within(text: str) -> int:
    """An argparse type: a number of calendar days, 0 to `MAX_DAYS` (ASCII digits)."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 7 or int(text) > MAX_DAYS:
        msg = f"not a number of days: {text!r} (expected 0 to {MAX_DAYS:,})"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def add_within_option(
    parser: argparse.ArgumentParser, what: str = "", *, old_soon: bool = False
) -> None:
    """``--within N``: "due soon" means due within N calendar days (`DEFAULT_WITHIN`).

    With *old_soon*, ``--soon`` is kept as a hidden, deprecated spelling (``matrix``).
    """
    parser.add_argument(
        "--within",
        type=_within,
        default=DEFAULT_WITHIN,
        metavar="N",
        help=f"'due soon' means due within N calendar days{what} (default: {DEFAULT_WITHIN})",
    )
    if old_soon:
        parser.add_argument(
            "--soon",
            type=_within,
            dest="within",
            default=argparse.SUPPRESS,
            help=argparse.SUPPRESS,
        )


def plan_of(args: argparse.Namespace) -> Plan:
    """The plan named by ``--plan``."""
    return load_plan(args.plan)


def emit(
    args: argparse.Namespace,
    data: object,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str = "",
) -> int:
    """Print *data* as JSON, or *rows* as a table, per ``--format``; return 0.

    A table is for people: in Vietnamese (the default, ``--lang vi``) its headers, the
    closed-set values in its cells (statuses, roles, yes/no) and its dates ("30/06/2024")
    are written the Vietnamese way (`_table_words`). JSON keeps keys, values and ISO dates.
    """
    if args.format == "json":
        print(to_json(data), end="")
    else:
        print(people_table(args, rows, columns, title=title))
    return 0


def people_table(
    args: argparse.Namespace,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    **options: Any,
) -> str:
    """`render_table` in the language of ``--lang``: Vietnamese headers, values and dates
    by default (`_table_words`), the commands' English with ``--lang en``."""
    if getattr(args, "lang", "vi") == "vi":
        from ._table_words import vi_columns, vi_rows

        return render_table(vi_rows(rows, columns), vi_columns(columns), **options)
    return render_table(rows, columns, **options)


def task_record(task: Task) -> dict[str, Any]:
    """One task as the ``tasks --format json`` listing writes it."""
    due = task.deadline.due_date()
    return {
        "code": task.code,
        "text": task.text,
        "deadline": task.deadline.text,
        "deadline_kind": task.deadline.KIND,
        "due": None if due is None else due.isoformat(),
        "ongoing": task.deadline.ongoing,
        "roles": {role.value: [m.text for m in task.agencies_in(role)] for role in Role},
    }
