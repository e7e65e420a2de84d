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
from importlib import import_module
from typing import Any

from . import __version__
from ._output import Column, render_json, render_table
from .errors import DeAn06Error
from .loading import load_plan
from .plan import Plan
from .task import Role

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


# Which module registers each sub-command. Running one command imports only its module,
# so `de-an06 summary` never loads numpy, the importer or the deadline grammar; the
# full list is imported for `de-an06 --help` alone.
COMMANDS: dict[str, str] = {
    "summary": "_cli_plan",
    "tasks": "_cli_plan",
    "validate": "_cli_plan",
    "indicators": "_cli_content",
    "services": "_cli_content",
    "audit": "_cli_content",
    "matrix": "_cli_matrix",
    "agencies": "_cli_matrix",
    "deadline": "_cli_calendar",
    "deadlines": "_cli_calendar",
    "calendar": "_cli_calendar",
    "evaluate": "_cli_evaluate",
    "annex": "_cli_evaluate",
    "import": "_cli_import",
    "report": "_cli_report",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every sub-command, or only *command*'s family if it is known."""
    parser = argparse.ArgumentParser(
        prog="de-an06",
        description="Đề án 06/CP plans as data: tasks, deadlines, responsibilities, targets.",
        epilog="Example: de-an06 summary --plan son-la-2024",
    )
    parser.add_argument("--version", action="version", version=f"de-an06 {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    families = (
        [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    )
    for family in families:
        import_module(f".{family}", __package__).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = build_parser(command)
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
