"""Every command on the embedded plan, in JSON and in table form, and with bad input.

One table drives it all, so a new command that is not added here fails
`test_every_command_is_covered`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from de_an06.cli import COMMANDS, build_parser

if TYPE_CHECKING:
    from conftest import Run

DATA = Path(__file__).parents[2] / "examples" / "data"
COUNTS = str(DATA / "son-la-2024-counts.csv")
ANNEX = str(DATA / "son-la-2024S1-annex.csv")
MONTHLY = str(DATA / "son-la-2024-monthly.csv")
FRAGMENT = Path(__file__).parents[1] / "fixtures" / "plans"

# command → arguments that make it run on the embedded plan, and the exit code expected
# (audit exits 1: the embedded plan has error-level findings, e.g. the date 30/10/2203).
RUNS: dict[str, tuple[list[str], int]] = {
    "summary": ([], 0),
    "tasks": ([], 0),
    "validate": (["son-la-2024"], 0),
    "indicators": ([], 0),
    "services": ([], 0),
    "audit": ([], 1),
    "matrix": (["--agency", "Sở TT&TT"], 0),
    "agencies": (["so tt&tt"], 0),
    "deadline": (["Quý I, Quý II/2024"], 0),
    "deadlines": (["--as-of", "2024-06-30"], 0),
    "calendar": (["2024"], 0),
    "evaluate": ([COUNTS, "--as-of", "2024-06-30"], 0),
    "annex": ([ANNEX, "--file-period", "2024S1"], 0),
    "import": ([], 0),  # needs a file and -o; see test_import_round_trip
    "report": (["--as-of", "2024-06-30"], 0),  # md/html only; see test_report.py
    # An in-memory ledger, so that nothing is written here; see tests/ledger.
    "progress": (["show", "--as-of", "2024-06-30", "--db", "sqlite://"], 0),
    "submissions": (["--period", "202407", "--as-of", "2024-07-31", "--db", "sqlite://"], 0),
    "form": ([], 0),  # writes a workbook; see tests/forms
    "collect": ([], 0),  # needs returned forms; see tests/forms
    "trajectory": ([MONTHLY, "--as-of", "2024-06-30"], 0),
    "digest": (["--agency", "UBND huyện Mai Sơn", "--as-of", "2024-07-01"], 0),
}
NO_JSON = {"import", "report", "form", "collect"}


def test_every_command_is_covered() -> None:
    assert set(RUNS) == set(COMMANDS)
    parser = build_parser()
    subparsers = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]  # argparse internals
    assert set(subparsers) == set(COMMANDS)


@pytest.mark.parametrize("command", sorted(RUNS))
def test_help_has_an_example(command: str, run: Run) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert re.search(rf"Examples?:\s+de-an06 {command}\b", out), f"{command} --help has no example"


@pytest.mark.parametrize("command", sorted(set(RUNS) - NO_JSON))
def test_json(command: str, run: Run) -> None:
    args, expected = RUNS[command]
    code, out, err = run(command, *args, "--format", "json")
    assert code == expected, err
    assert json.loads(out) is not None


@pytest.mark.parametrize("command", sorted(set(RUNS) - NO_JSON))
def test_table(command: str, run: Run) -> None:
    args, expected = RUNS[command]
    code, out, err = run(command, *args)
    assert code == expected, err
    assert out.strip()
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_import_round_trip(tmp_path: Path, run: Run) -> None:
    fragment = sorted(FRAGMENT.glob("*.txt"))[0]
    out = tmp_path / "draft.json"
    code, _, err = run("import", str(fragment), "-o", str(out), "--format", "json")
    assert code == 0, err
    assert run("validate", str(out))[0] == 0
    assert run("summary", "--plan", str(out), "--format", "json")[0] == 0


PLAN_COMMANDS = [
    "summary",
    "tasks",
    "indicators",
    "services",
    "audit",
    "matrix",
    "agencies",
    "deadlines",
    "calendar",
    "report",
]


def _plan_args(command: str) -> list[str]:
    if command in ("report", "deadlines"):
        return ["--as-of", "2024-06-30"]
    return ["2024"] if command == "calendar" else []


@pytest.mark.parametrize("command", PLAN_COMMANDS)
def test_missing_plan_file(command: str, run: Run) -> None:
    code, _, err = run(command, *_plan_args(command), "--plan", "no/such/plan.json")
    assert code == 2
    assert "no/such/plan.json" in err
    assert "no such file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", PLAN_COMMANDS)
def test_malformed_plan_json(command: str, tmp_path: Path, run: Run) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "id": ', encoding="utf-8")
    code, _, err = run(command, *_plan_args(command), "--plan", str(bad))
    assert code == 2
    assert str(bad) in err
    assert "not valid JSON" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["matrix", "--agency", "Sở Không Tồn Tại"],
        ["tasks", "--agency", "Sở Không Tồn Tại"],
    ],
)
def test_unknown_agency(argv: list[str], run: Run) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert "Sở Không Tồn Tại" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["deadlines", "--as-of", "2024-13-01"],
        ["matrix", "--workload", "--as-of", "31/02/2024"],
        ["tasks", "--agency", "CA tỉnh", "--as-of", "hôm qua"],
        ["evaluate", COUNTS, "--as-of", "2024-02-30"],
        ["report", "--as-of", "2024/06/30"],
    ],
)
def test_bad_date(argv: list[str], run: Run) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert argv[-1] in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["evaluate", "annex", "import", "validate"])
def test_missing_input_file(command: str, run: Run, tmp_path: Path) -> None:
    extra = ["-o", str(tmp_path / "x.json")] if command == "import" else []
    code, _, err = run(command, "no/such/file.csv", *extra)
    assert code == 2
    assert "no/such/file.csv" in err
    assert "Traceback" not in err


def test_cli_reference_is_current() -> None:
    """docs/cli.md names every command and every option the parser has."""
    text = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    subparsers = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]  # argparse internals
    for name, sub in subparsers.items():
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for action in sub._actions:
            for option in action.option_strings:
                assert option in section, f"docs/cli.md: {name} lacks {option}"
