"""Sub-command ``import``: a plan (text, Word .docx or text PDF) to a draft plan file.

Writes the draft plan as JSON and prints the warnings a person reviews. The draft is a
starting point: ``de-an06 validate`` accepts it and ``de-an06 audit --plan`` checks it.
"""

from __future__ import annotations

import argparse
from typing import Any

from .._dates import FIRST_DAY, LAST_DAY
from ..errors import PlanTextError
from ..importer.reader import ImportResult, import_file
from ..loading import dumps_plan, load_plan
from ._common import add_format_option, emit, write_output

__all__ = ["register", "warning_records"]


def register(commands: Any) -> None:
    """Add ``import`` to the ``de-an06`` parser."""
    command = commands.add_parser(
        "import",
        help="read a plan's text into a draft plan file, listing what to review",
        description=(
            "Read a plan (a Word .docx, a PDF with a text layer, or text in UTF-8 or UTF-16 "
            "with a BOM; told by content, not by name) into a draft plan JSON file and print "
            "the warnings: lines skipped, readings guessed, parts missing. Exit 0 when the "
            "draft is written (with or without warnings), 2 if the file cannot be read or "
            "holds no plan (no task, or no plan year and no --year)."
        ),
        epilog=(
            "Example: de-an06 import ke-hoach-2025.txt -o plan.json --directory son-la-2024 "
            "&& de-an06 validate plan.json && de-an06 audit --plan plan.json"
        ),
    )
    command.add_argument("file", metavar="FILE", help="the plan: .docx, PDF or text")
    command.add_argument(
        "-o", "--output", required=True, metavar="PLAN.json", help="where to write the draft"
    )
    command.add_argument("--plan-id", metavar="ID", help="the draft's id (default: province-year)")
    command.add_argument(
        "--directory",
        metavar="NAME|FILE",
        help="a plan (bundled name or JSON file) whose agencies and localities are reused",
    )
    command.add_argument(
        "--year",
        type=_year,
        metavar="YYYY",
        help="the plan's year when its title does not name it (or names another)",
    )
    add_format_option(command)
    command.set_defaults(handler=_import)


def _year(text: str) -> int:
    if not text.isdigit() or not FIRST_DAY.year <= int(text) <= LAST_DAY.year:
        raise argparse.ArgumentTypeError(
            f"a year from {FIRST_DAY.year} to {LAST_DAY.year} is needed, not {text!r}"
        )
    return int(text)


def warning_records(result: ImportResult) -> list[dict[str, Any]]:
    """The warnings as the ``--format json`` output lists them."""
    return [
        {
            "line": w.line,
            "end_line": w.end_line,
            "code": w.code,
            "message": w.message,
            "text": w.text,
        }
        for w in result.warnings
    ]


def _import(args: argparse.Namespace) -> int:
    directory = load_plan(args.directory) if args.directory else None
    result = import_file(args.file, plan_id=args.plan_id, directory=directory, year=args.year)
    if result.problems:

        def refuse(_: str) -> None:
            raise PlanTextError(args.file, "; ".join(result.problems))

        # Through write_output, so that its own checks (-o naming an input) come first;
        # nothing is written.
        write_output(args, refuse)
    write_output(args, dumps_plan(result.plan))
    plan = result.plan
    records = warning_records(result)
    data = {
        "source": args.file,
        "output": args.output,
        "id": plan.id,
        "task_groups": len(plan.task_groups),
        "tasks": len(plan.tasks),
        "objectives": len(plan.objectives),
        "agencies": len(plan.agencies) + len(plan.agency_groups),
        "warnings": records,
    }
    title = (
        f"{args.file} → {args.output}: {plan.id}, {len(plan.task_groups)} task groups, "
        f"{len(plan.tasks)} tasks, {len(records)} warnings to review\n"
    )
    rows = [{**r, "line": _where(r)} for r in records]
    columns = [("line", "line"), ("code", "code"), ("message", "message"), ("text", "text")]
    return emit(args, data, rows, columns, title=title)


def _where(record: dict[str, Any]) -> str:
    line, end = record["line"], record["end_line"]
    return str(line) if line == end else f"{line}-{end}"
