"""The ``de-an06`` command: a thin shell over the library.

Every command takes ``--plan NAME|FILE`` (default: the embedded Sơn La 2024 plan) and
``--format table|json``. Exit status: 0 success; 1 the command ran and found
error-level problems; 2 bad input (a file that does not load, a bad option value, an
unknown name), reported in one paragraph without a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from . import __version__
from ._output import Column, render_json, render_table
from .errors import DeAn06Error
from .loading import load_plan
from .plan import Plan

__all__ = ["main"]

DEFAULT_PLAN = "son-la-2024"

Handler = Callable[[argparse.Namespace], int]


class UsageError(DeAn06Error):
    """A bad command-line value; the message says which and why."""


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str, option: str = "--as-of") -> date:
    """A date written ``YYYY-MM-DD`` or ``dd/mm/yyyy``; `UsageError` naming *option* otherwise.

    >>> parse_date("30/06/2024")
    datetime.date(2024, 6, 30)
    """
    try:
        if match := _DMY.match(text.strip()):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(text.strip())
    except ValueError:
        msg = f"{option}: not a date: {text!r} (expected YYYY-MM-DD or dd/mm/yyyy)"
        raise UsageError(msg) from None


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """``--plan NAME|FILE``: a bundled plan name or a plan JSON file."""
    parser.add_argument(
        "--plan",
        default=DEFAULT_PLAN,
        metavar="NAME|FILE",
        help=f"bundled plan name or plan JSON file (default: {DEFAULT_PLAN})",
    )


def add_format_option(parser: argparse.ArgumentParser, *extra: str) -> None:
    """``--format table|json`` plus any *extra* formats the command supports."""
    parser.add_argument(
        "--format",
        choices=("table", "json", *extra),
        default="table",
        help="output format (default: table)",
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
    """Print *data* as JSON, or *rows* as a table, per ``--format``; return 0."""
    if args.format == "json":
        print(render_json(data))
    else:
        print(render_table(rows, columns, title=title))
    return 0


def _command_modules() -> list[Callable[[Any], None]]:
    # Each command family registers its sub-commands; imported here, not at module
    # import, so `de-an06 --help` does not load what it does not need.
    from . import (
        _cli_calendar,
        _cli_content,
        _cli_evaluate,
        _cli_import,
        _cli_matrix,
        _cli_plan,
        _cli_report,
    )

    return [
        _cli_plan.register,
        _cli_content.register,
        _cli_matrix.register,
        _cli_calendar.register,
        _cli_evaluate.register,
        _cli_import.register,
        _cli_report.register,
    ]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="de-an06",
        description="Đề án 06/CP plans as data: tasks, deadlines, responsibilities, targets.",
        epilog="Example: de-an06 summary --plan son-la-2024",
    )
    parser.add_argument("--version", action="version", version=f"de-an06 {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _command_modules():
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except DeAn06Error as exc:
        print(f"de-an06 {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover  # `de-an06 tasks | head` closed the pipe
        return 0
