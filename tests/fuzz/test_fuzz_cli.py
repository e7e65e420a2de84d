"""Fuzzing the command line: every command in every output format on every plan that loads.

``de-an06`` runs in-process with a strict UTF-8 stdout and stderr (what a pipe or a file
gives; a lone surrogate cannot be printed there). Plans are the bundled plan with fields
set to the edges of their kind (`edges.edged_plan`); options take edge days, huge numbers,
odd periods and odd files. Whatever the input, the outcome is exit 0, 1 or 2 with no
traceback and no exception of any other kind, exit 2 says what was wrong in one message,
and a ``-o`` file is either the whole new output or the old file untouched.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from edges import (
    EDGE_DAY_TEXTS,
    EDGE_PERIODS,
    EDGE_YEARS,
    HUGE_INTS,
    ODD_FILES,
    edged_csv,
    edged_plan,
    fed,
    make_odd_file,
)
from fuzzing import ACCEPTED, COUNTS, FOREIGN, fuzz_settings, shown
from hypothesis import given, strategies as st

from de_an06.cli import main
from de_an06.loading import _DATA

PLAN = (_DATA / "son-la-2024.json").read_bytes()
EXAMPLES = Path(__file__).parents[2] / "examples" / "data"
COUNTS_CSV = str(EXAMPLES / "son-la-2024-counts.csv")
MONTHLY_CSV = str(EXAMPLES / "son-la-2024-monthly.csv")
ANNEX_CSV = str(EXAMPLES / "son-la-2024S1-annex.csv")
PLAN_TEXT = str(sorted((Path(__file__).parents[1] / "fixtures" / "plans").glob("*.txt"))[0])
OLD = b"the previous file\n"
MEMORY = ("--db", "sqlite://")  # an in-memory ledger: nothing is written here

# Every command with the formats it writes; those with -o also write each format to a file.
FORMATS: dict[str, tuple[str, ...]] = {
    "summary": ("table", "json"),
    "tasks": ("table", "json"),
    "validate": ("table", "json"),
    "indicators": ("table", "json"),
    "services": ("table", "json"),
    "audit": ("table", "json"),
    "matrix": ("table", "json", "csv", "md", "xlsx"),
    "agencies": ("table", "json"),
    "deadline": ("table", "json"),
    "deadlines": ("table", "json"),
    "calendar": ("table", "json", "ics"),
    "evaluate": ("table", "json", "csv"),
    "annex": ("table", "json", "csv"),
    "import": ("table", "json"),
    "report": ("md", "html", "docx"),
    "progress": ("table", "json"),
    "submissions": ("table", "json"),
    "form": ("xlsx",),  # a workbook, to a file only; no --format option
    "collect": ("table", "json"),
    "trajectory": ("table", "json", "md"),
    "digest": ("text", "md", "json", "ics"),
}
WRITES = {"matrix", "calendar", "report", "import", "form", "digest"}  # commands with -o
BINARY = {"xlsx", "docx"}  # zip files, to a file only


def test_every_command_is_fuzzed() -> None:
    from de_an06.cli import COMMANDS

    assert set(FORMATS) == set(COMMANDS)


def cli(path: str, argv: Sequence[str]) -> tuple[int, str, str]:
    """``de-an06 ARGV`` with strict UTF-8 streams: (exit code, stdout, stderr), checked."""
    COUNTS[path] += 1
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="strict", write_through=True)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(argv))
            except SystemExit as exit_:  # argparse: 2 on a bad value
                code = exit_.code if isinstance(exit_.code, int) else 2
    except Exception as exc:
        FOREIGN[path] += 1
        exc.add_note(f"fuzz command: de-an06 {shown(list(argv))}")
        raise
    message = err.getvalue().decode("utf-8")
    assert code in (0, 1, 2), (argv, code, message)
    assert "Traceback" not in message, message
    if code == 2:  # one clear message: the command's, or argparse's usage line and error
        assert message.startswith(("de-an06", "usage: de-an06")), message
        assert "error:" in message, message
    ACCEPTED[path] += code != 2
    return code, out.getvalue().decode("utf-8"), message


@contextlib.contextmanager
def output_file(folder: Path, fmt: str) -> Iterator[Path]:
    """A -o target holding an old file: afterwards, the whole new output or the old one."""
    target = folder / f"out.{fmt}"
    target.write_bytes(OLD)
    before = set(os.listdir(folder))
    yield target
    assert set(os.listdir(folder)) == before, "a temporary file was left behind"


def check_written(target: Path, fmt: str, code: int) -> None:
    data = target.read_bytes()
    if code == 2 or data == OLD:
        assert data == OLD, f"exit {code} but {target.name} changed"
        return
    if fmt in BINARY:
        with zipfile.ZipFile(target) as book:
            assert book.testzip() is None
        return
    text = data.decode("utf-8")  # strict: no lone surrogate reached the file
    if fmt == "json" or target.suffix == ".json":
        json.loads(text)
    elif fmt == "ics":
        assert text.startswith("BEGIN:VCALENDAR")
        assert text.rstrip().endswith("END:VCALENDAR")
    elif fmt == "html":
        assert text.rstrip().endswith("</html>")


def sweep(plan: str, folder: Path, as_of: str, within: str) -> None:
    """Every command and format on the plan file *plan*."""
    p = ("--plan", plan)
    runs: list[tuple[str, list[str]]] = [
        ("summary", [*p]),
        ("tasks", [*p]),
        ("tasks", [*p, "--agency", "Sở TT&TT", "--as-of", as_of]),
        ("validate", [plan]),
        ("indicators", [*p]),
        ("services", [*p]),
        ("audit", [*p]),
        ("audit", [*p, "--principle"]),
        ("matrix", [*p]),
        ("matrix", [*p, "--expand", "--as-of", as_of]),
        ("matrix", [*p, "--workload", "--as-of", as_of, "--within", within]),
        ("matrix", [*p, "--leads"]),
        ("agencies", [*p]),
        ("agencies", [*p, "so tt&tt", "--as-of", as_of]),
        ("deadlines", [*p, "--as-of", as_of, "--within", within]),
        ("calendar", [*p, as_of[:4]]),
        ("evaluate", [*p, COUNTS_CSV, "--as-of", as_of, "--roll-up"]),
        ("annex", [*p, ANNEX_CSV, "--period", "2024S1"]),
        ("report", [*p, "--as-of", as_of, "--within", within, "--observations", COUNTS_CSV]),
        ("progress", ["show", *p, "--as-of", as_of, *MEMORY]),
        ("progress", ["history", "6.1", *p, *MEMORY]),
        ("submissions", [*p, "--period", "202407", "--as-of", as_of, *MEMORY]),
        ("import", [PLAN_TEXT, "--directory", plan]),
        ("form", [*p, "--agency", "UBND huyện Mai Sơn", "--period", "202407"]),
        ("collect", [*p, PLAN_TEXT, *MEMORY]),  # not a returned form: refused, exit 2
        ("trajectory", [*p, MONTHLY_CSV, "--as-of", as_of]),
        ("digest", [*p, "--agency", "UBND huyện Mai Sơn", "--as-of", as_of]),
    ]
    for command, argv in runs:
        for fmt in FORMATS[command]:
            chosen = [] if command == "form" else ["--format", fmt]
            if fmt not in BINARY and command != "import":  # zip files go to a file only
                cli(f"cli: {command}", [command, *argv, *chosen])
            if command in WRITES and (fmt != "table" or command == "import"):
                with output_file(folder, "json" if command == "import" else fmt) as target:
                    code, *_ = cli(
                        f"cli: {command} -o", [command, *argv, *chosen, "-o", str(target)]
                    )
                check_written(target, fmt, code)


as_of_values = st.one_of(
    st.sampled_from(("2024-06-30", "2024-01-15", "31/12/2024", "2026-01-01")),
    st.sampled_from(EDGE_DAY_TEXTS),
)
within_values = st.one_of(st.sampled_from(("30", "0", "3650")), st.sampled_from(HUGE_INTS).map(str))


class TestEveryCommand:
    """Each plan that loads, through every command and every output format."""

    @fuzz_settings(weight=0.007)
    @given(edged_plan(PLAN, inside=True), as_of_values, within_values)
    def test_edged_plan(
        self, tmp_path_factory: pytest.TempPathFactory, case: Any, as_of: str, within: str
    ) -> None:
        text, _ = case
        folder = tmp_path_factory.mktemp("cli")
        plan = folder / "plan.json"
        plan.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, *_ = cli("cli: validate (edged plan)", ["validate", str(plan)])
        if code == 0:
            sweep(str(plan), folder, as_of, within)


# Options one at a time on the bundled plan: edge values where a person types a value.
@st.composite
def option_runs(draw: st.DrawFn, folder: Path) -> list[str]:
    day = draw(st.one_of(as_of_values, st.sampled_from(EDGE_DAY_TEXTS)))
    number = str(draw(st.sampled_from((*HUGE_INTS, *EDGE_YEARS, 30, 2024))))
    period = draw(
        st.one_of(st.sampled_from(("202406", "2024S1", "2024")), st.sampled_from(EDGE_PERIODS))
    )
    csv_text, _ = draw(
        edged_csv(
            ["indicator", "unit", "period", "numerator", "denominator"],
            st.tuples(
                st.sampled_from(("II.4", "II.5.a", "x")),
                st.sampled_from(("Huyện Mai Sơn", "Thành phố Sơn La")),
                st.sampled_from(("202406", "2024S1", *EDGE_PERIODS)),
                st.sampled_from(("1", "5", "0")),
                st.sampled_from(("10", "5", "0")),
            ),
        )
    )
    counts = folder / "counts.csv"
    counts.write_bytes(csv_text.encode("utf-8", "surrogatepass"))
    odd = str(make_odd_file(folder, draw(st.sampled_from(ODD_FILES))))
    source = draw(st.sampled_from((str(counts), odd, COUNTS_CSV)))
    done = folder / "done.json"
    done.write_text(json.dumps({"6.1": day, "7.2": "2024-03-20"}), encoding="utf-8")
    progress_csv = folder / "progress.csv"
    progress_csv.write_bytes(
        f"task,status,on,agency\n6.1,done,{day},Sở TT&TT\n".encode("utf-8", "surrogatepass")
    )
    return draw(
        st.sampled_from(
            (
                ["tasks", "--agency", "Sở TT&TT", "--as-of", day],
                ["matrix", "--workload", "--as-of", day, "--within", number],
                ["matrix", "--expand", "--as-of", day],
                ["agencies", "Sở TT&TT", "--as-of", day],
                ["deadline", "Quý I", "--year", number, "--strict"],
                ["deadline", f"trước ngày {day}", "--policy", "forward"],
                ["deadlines", "--as-of", day, "--within", number],
                ["deadlines", "--as-of", "2024-06-30", "--completed", str(done)],
                ["deadlines", "--as-of", "2024-06-30", "--completed", odd],
                ["calendar", number],
                ["calendar", number, "--format", "ics"],
                ["evaluate", source, "--as-of", day],
                ["evaluate", source, "--period", period, "--roll-up"],
                ["evaluate", COUNTS_CSV, "--segments", source],
                ["annex", draw(st.sampled_from((ANNEX_CSV, odd))), "--period", period],
                ["report", "--as-of", day],
                ["report", "--as-of", "2024-06-30", "--observations", source, "--period", period],
                ["report", "--as-of", "2024-06-30", "--completed", odd, "--within", number],
                ["progress", "record", "6.1", "done", "--on", day, "--by", "Sở TT&TT", *MEMORY],
                [
                    "progress",
                    "record",
                    "6.1",
                    "done",
                    "--on",
                    "2024-06-30",
                    "--by",
                    "Sở TT&TT",
                    "--percent",
                    number,
                    *MEMORY,
                ],
                ["progress", "show", "--as-of", day, *MEMORY],
                ["progress", "import", str(progress_csv), *MEMORY],
                ["progress", "import", odd, *MEMORY],
                [
                    "submissions",
                    "record",
                    "--by",
                    "Sở TT&TT",
                    "--period",
                    period,
                    "--on",
                    day,
                    *MEMORY,
                ],
                ["submissions", "--period", period, "--as-of", day, *MEMORY],
                ["validate", odd],
                ["summary", "--plan", odd],
                ["import", odd, "-o", str(folder / "draft.json")],
            )
        )
    )


class TestOptions:
    """One command at a time with an edge value in an option or an odd input file."""

    @fuzz_settings(weight=0.12)
    @given(st.data())
    def test_options(self, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
        folder = tmp_path_factory.getbasetemp() / "cli-options"
        folder.mkdir(exist_ok=True)
        argv = data.draw(option_runs(folder))
        fifo = next((Path(a) for a in argv if a.endswith("odd-fifo.csv")), None)
        with fed(fifo) if fifo else contextlib.nullcontext():
            cli(f"cli: options ({argv[0]})", argv)
