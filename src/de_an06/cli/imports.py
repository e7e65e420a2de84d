"""Sub-command ``import``: a plan (text, Word .docx or text PDF) to a draft plan file.

Writes the draft plan as JSON and prints the warnings a person reviews. The draft is a
starting point: ``de-an06 validate`` accepts it and ``de-an06 audit --plan`` checks it.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from .._dates import FIRST_DAY, LAST_DAY
from ..errors import PlanTextError
from ..importer.reader import ImportResult, import_documents, import_file, read_plan_text
from ..loading import dumps_plan, load_plan
from ..plan import Plan
from ._common import UsageError, add_format_option, emit, write_output

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
            "holds no plan (no task, or no plan year and no --year). A text holding several "
            "plans is refused unless --split: then each plan's draft goes to DIR/<id>.json "
            "(all written, or none when one is refused). Warnings are in Vietnamese "
            "(--lang en: English)."
        ),
        epilog=(
            "Example: de-an06 import ke-hoach-2025.txt -o plan.json --directory son-la-2024 "
            "&& de-an06 validate plan.json && de-an06 audit --plan plan.json"
        ),
    )
    command.add_argument("file", metavar="FILE", help="the plan: .docx, PDF or text")
    command.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PLAN.json|DIR",
        help="where to write the draft (with --split: the folder for the drafts)",
    )
    command.add_argument(
        "--split",
        action="store_true",
        help="a text holding several plans: write one draft per plan, DIR/<id>.json",
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
    command.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the warnings (default: vi)",
    )
    add_format_option(command)
    command.set_defaults(handler=_import)


def _year(text: str) -> int:
    if not text.isdigit() or not FIRST_DAY.year <= int(text) <= LAST_DAY.year:
        raise argparse.ArgumentTypeError(
            f"a year from {FIRST_DAY.year} to {LAST_DAY.year} is needed, not {text!r}"
        )
    return int(text)


def warning_records(result: ImportResult, lang: str = "en") -> list[dict[str, Any]]:
    """The warnings as the ``--format json`` output lists them.

    ``message`` is in *lang*; ``message_en`` and ``message_vi`` give both.
    """
    return [
        {
            "line": w.line,
            "end_line": w.end_line,
            "code": w.code,
            "message": w.in_language(lang),
            "message_en": w.message,
            "message_vi": w.message_vi,
            "text": w.text,
        }
        for w in result.warnings
    ]


def _import(args: argparse.Namespace) -> int:
    directory = load_plan(args.directory) if args.directory else None
    if args.split:
        return _split(args, directory)
    result = import_file(args.file, plan_id=args.plan_id, directory=directory, year=args.year)
    if result.problems:

        def refuse(_: str) -> None:
            raise PlanTextError(args.file, "; ".join(result.problems))

        # Through write_output, so that its own checks (-o naming an input) come first;
        # nothing is written.
        write_output(args, refuse)
    write_output(args, dumps_plan(result.plan))
    data = _summary(result, args.output, args.lang)
    title = _title(args.file, data, args.lang)
    rows = [{**r, "line": _where(r)} for r in data["warnings"]]
    return emit(args, {"source": args.file, **data}, rows, _columns(args.lang), title=title)


def _summary(result: ImportResult, output: str, lang: str) -> dict[str, Any]:
    plan = result.plan
    return {
        "output": output,
        "id": plan.id,
        "task_groups": len(plan.task_groups),
        "tasks": len(plan.tasks),
        "objectives": len(plan.objectives),
        "agencies": len(plan.agencies) + len(plan.agency_groups),
        "warnings": warning_records(result, lang),
    }


def _title(source: str, data: dict[str, Any], lang: str) -> str:
    groups, tasks, count = data["task_groups"], data["tasks"], len(data["warnings"])
    if lang == "vi":
        summary = f"{groups} nhóm nhiệm vụ, {tasks} nhiệm vụ, {count} cảnh báo cần xem lại"
    else:
        summary = f"{groups} task groups, {tasks} tasks, {count} warnings to review"
    return f"{source} → {data['output']}: {data['id']}, {summary}\n"


def _columns(lang: str) -> list[tuple[str, str]]:
    headers = ("dòng", "loại", "cảnh báo", "văn bản") if lang == "vi" else None
    keys = ("line", "code", "message", "text")
    return list(zip(keys, headers or keys, strict=True))


def _split(args: argparse.Namespace, directory: Plan | None) -> int:
    """``--split``: one draft per document, all written or none (any refused: exit 2)."""
    if args.plan_id:
        raise UsageError("--plan-id names one plan; with --split each draft takes its own id")
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        raise UsageError(f"-o {args.output}: with --split, -o names a folder, not a file")
    text = read_plan_text(args.file)
    results = import_documents(text, source=args.file, directory=directory, year=args.year)
    refused = [
        f"văn bản {k} / document {k} (from line {min(r.placements, default=1)}): "
        + "; ".join(r.problems)
        for k, r in enumerate(results, start=1)
        if r.problems
    ]
    if refused:
        raise PlanTextError(args.file, " | ".join(refused))
    os.makedirs(args.output, exist_ok=True)
    names: list[str] = []
    for result in results:
        name, n = f"{result.plan.id}.json", 2
        while name in names:
            name, n = f"{result.plan.id}-{n}.json", n + 1
        names.append(name)
    documents = []
    rows: list[dict[str, Any]] = []
    for result, name in zip(results, names, strict=True):
        target = os.path.join(args.output, name)
        write_output(
            argparse.Namespace(**{**vars(args), "output": target}), dumps_plan(result.plan)
        )
        data = _summary(result, target, args.lang)
        documents.append(data)
        rows += [{**r, "line": _where(r), "output": name} for r in data["warnings"]]
    title = "".join(_title(args.file, data, args.lang) for data in documents)
    columns = [("output", "tệp" if args.lang == "vi" else "file"), *_columns(args.lang)]
    return emit(
        args,
        {"source": args.file, "output": args.output, "documents": documents},
        rows,
        columns,
        title=title,
    )


def _where(record: dict[str, Any]) -> str:
    line, end = record["line"], record["end_line"]
    return str(line) if line == end else f"{line}-{end}"
