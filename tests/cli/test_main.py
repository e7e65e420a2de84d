"""The de-an06 command: exit codes, JSON keys, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from de_an06.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "son-la-2024"
    assert data["decision"]["number"] == "161/QĐ-UBND"
    assert data["tasks"] == sum(g["tasks"] for g in data["task_groups"])


def test_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary")
    assert code == 0
    assert "161/QĐ-UBND" in out


def test_tasks_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert records
    for record in records:
        assert {"code", "text", "deadline", "deadline_kind", "due", "ongoing", "roles"} <= set(
            record
        )
        assert set(record["roles"]) == {"lead", "coordinate", "monitor", "advise", "implement"}


def test_validate_good(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "son-la-2024")
    assert code == 0
    assert "valid" in out


def test_validate_bad_file_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": 1, "id": 5, "surprise": true}', encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert str(path) in err
    for path_ in ("$.id", "$.surprise", "$.title"):
        assert path_ in err


def test_missing_plan_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "summary", "--plan", "/nonexistent/plan.json")
    assert code == 2
    assert "no such file" in err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2
    assert "summary" in out
