"""The ``de-an06`` command: a thin shell over the library.

One module per command family (``plan``, ``content``, ``matrix``, ``calendar``,
``evaluate``, ``imports``, ``report``, ``progress``, ``forms``), each with a ``register(commands)``
function, and ``_common`` for what they share. Running one command imports only its family.

Every command takes ``--plan NAME|FILE`` (default: the embedded Sơn La 2024 plan) and
``--format table|json``. Exit status: 0 success; 1 the command ran and found
error-level problems; 2 bad input (a file that does not load, a bad option value, an
unknown name), reported in one paragraph without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from ..errors import DeAn06Error
from ._common import Handler

__all__ = ["COMMANDS", "build_parser", "main"]

# Which module registers each sub-command. Running one command imports only its module,
# so `de-an06 summary` never loads numpy, the importer or the deadline grammar; the
# full list is imported for `de-an06 --help` alone.
COMMANDS: dict[str, str] = {
    "summary": "plan",
    "tasks": "plan",
    "validate": "plan",
    "indicators": "content",
    "services": "content",
    "audit": "content",
    "matrix": "matrix",
    "agencies": "matrix",
    "deadline": "calendar",
    "deadlines": "calendar",
    "calendar": "calendar",
    "evaluate": "evaluate",
    "annex": "evaluate",
    "import": "imports",
    "report": "report",
    "progress": "progress",
    "submissions": "progress",
    "form": "forms",
    "collect": "forms",
    "trajectory": "warning",
    "digest": "warning",
}


class _Version(argparse.Action):
    """``--version``: the installed distribution's version (read only when asked).

    Read from the package metadata rather than from ``de_an06.__version__``: the command
    line never imports the facade (tests/test_architecture.py).
    """

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"de-an06 {version('de-an06')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            print("de-an06 (not installed: version unknown)")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every sub-command, or only *command*'s family if it is known."""
    parser = argparse.ArgumentParser(
        prog="de-an06",
        description="Đề án 06/CP plans as data: tasks, deadlines, responsibilities, targets.",
        epilog="Example: de-an06 summary --plan son-la-2024",
    )
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    families = (
        [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    )
    for family in families:
        import_module(f".{family}", __package__).register(commands)
    return parser


def _printable(text: str) -> str:
    """*text* with lone surrogates escaped, so that an error message can always print."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
        print(f"de-an06 {args.command}: error: {_printable(str(exc))}", file=sys.stderr)
        return 2
    except UnicodeEncodeError as exc:  # a lone surrogate in a plan's text, on a strict stdout
        message = (
            f"de-an06 {args.command}: error: the output holds text that is not Unicode "
            f"({exc.reason}, U+{ord(exc.object[exc.start]):04X}); write it with -o or "
            "--format json"
        )
        print(message, file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover  # `de-an06 tasks | head` closed the pipe
        return 0
