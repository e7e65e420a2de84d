"""The de-an06 command: exit codes, JSON keys, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Run


def test_summary_json(run: Run) -> None:
    code, out, _ = run("summary", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "son-la-2024"
    assert data["decision"]["number"] == "161/QĐ-UBND"
    assert data["tasks"] == sum(g["tasks"] for g in data["task_groups"])


def test_summary_table(run: Run) -> None:
    code, out, _ = run("summary")
    assert code == 0
    assert "161/QĐ-UBND" in out


def test_tasks_json_keys(run: Run) -> None:
    code, out, _ = run("tasks", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert records
    for record in records:
        assert {"code", "text", "deadline", "deadline_kind", "due", "ongoing", "roles"} <= set(
            record
        )
        assert set(record["roles"]) == {"lead", "coordinate", "monitor", "advise", "implement"}


def test_validate_good(run: Run) -> None:
    code, out, _ = run("validate", "son-la-2024")
    assert code == 0
    assert "valid" in out


def test_validate_bad_file_exits_2_without_traceback(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": 1, "id": 5, "surprise": true}', encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert str(path) in err
    for path_ in ("$.id", "$.surprise", "$.title"):
        assert path_ in err


def test_no_command_prints_help(run: Run) -> None:
    code, out, _ = run()
    assert code == 2
    assert "summary" in out
