"""de-an06 import: writes a draft plan, prints warnings; validate and audit accept the draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import de_an06

if TYPE_CHECKING:
    from conftest import Run

FIXTURES = Path(__file__).parents[1] / "fixtures" / "plans"
STANDALONE = FIXTURES / "standalone-letters.txt"


def test_writes_the_draft_and_prints_warnings(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    code, out, _ = run("import", str(STANDALONE), "-o", str(output))
    assert code == 0
    plan = de_an06.load_plan(output)
    assert plan == de_an06.import_file(STANDALONE).plan
    assert "kon-tum-2025" in out
    assert "cơ quan mới (cấp tỉnh) 'Sở Tư pháp'" in out  # Vietnamese by default
    code, out, _ = run("import", str(STANDALONE), "-o", str(output), "--lang", "en")
    assert code == 0
    assert "new agency (level province) 'Sở Tư pháp'" in out


def test_json_output_keys(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    code, out, _ = run(
        "import", str(STANDALONE), "-o", str(output), "--plan-id", "kt", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "source",
        "output",
        "id",
        "task_groups",
        "tasks",
        "objectives",
        "agencies",
        "warnings",
    }
    assert (data["id"], data["tasks"]) == ("kt", 3)
    expected = [
        {
            "line": w.line,
            "end_line": w.end_line,
            "code": w.code,
            "message": w.message_vi,
            "message_en": w.message,
            "message_vi": w.message_vi,
            "text": w.text,
        }
        for w in de_an06.import_file(STANDALONE).warnings
    ]
    assert data["warnings"] == expected


def test_validate_and_audit_accept_the_draft(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    assert run("import", str(STANDALONE), "-o", str(output))[0] == 0
    assert run("validate", str(output))[0] == 0
    code, out, _ = run("audit", "--plan", str(output), "--format", "json")
    assert code in (0, 1)
    assert any(f["code"] == "missing_lead" for f in json.loads(out))


def test_directory_reuses_keys(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "ke-hoach.txt"
    text.write_text(
        "III. NHIỆM VỤ\n1. Nhóm\n(1) Việc.\n- Cơ quan chủ trì: Sở TT&TT.\n"
        "- Thời gian hoàn thành: Quý I/2024.\n",
        encoding="utf-8",
    )
    output = tmp_path / "plan.json"
    code, _, _ = run(
        "import", str(text), "-o", str(output), "--directory", "son-la-2024", "--year", "2024"
    )
    assert code == 0
    (task,) = de_an06.load_plan(output).tasks
    assert task.roles[0].assignments[0].agencies[0].agency == "so-tttt"


def test_unreadable_file_exits_2(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "windows-1258.txt"
    path.write_bytes(b"K\xea ho\xb9ch \xff\xfe")
    output = tmp_path / "plan.json"
    code, out, err = run("import", str(path), "-o", str(output))
    assert code == 2
    assert out == ""
    assert str(path) in err
    assert "UTF-8" in err
    assert "Traceback" not in err
    assert not output.exists()
