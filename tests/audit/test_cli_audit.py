"""de-an06 audit: --lang, --text (line numbers), --principle with reasons, exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Run

KEYS = {"severity", "severity_label", "code", "location", "path", "line", "message", "value"}

DRAFT = """KẾ HOẠCH
TRIỂN KHAI ĐỀ ÁN 06/CP NĂM 2025
III. NHIỆM VỤ
1. Nhóm nhiệm vụ dữ liệu
(1) Đẩy mạnh tuyên tuyền về Đề án 06/CP.
- Cơ quan chủ trì: Công an tỉnh.
- Thời gian hoàn thành: Quý II/2025.
"""


def test_json_schema_is_the_same_in_both_languages(run: Run) -> None:
    code_vi, out_vi, _ = run("audit", "--format", "json")
    code_en, out_en, _ = run("audit", "--format", "json", "--lang", "en")
    vi, en = json.loads(out_vi), json.loads(out_en)
    assert code_vi == code_en == 1  # the date 30/10/2203 is an error
    assert all(set(r) == KEYS for r in vi + en)
    assert [r["code"] for r in vi] == [r["code"] for r in en]
    assert vi[0]["message"] == "ngày tháng không thể đúng"
    assert en[0]["message"] == "a date that cannot be right"


def test_table_is_vietnamese_by_default(run: Run) -> None:
    _, out, _ = run("audit")
    assert "phát hiện" in out
    assert "nhiệm vụ 10.1" in out


def test_text_draft_gives_lines_and_exit_0_without_errors(run: Run, tmp_path: Path) -> None:
    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, _ = run("audit", "--text", str(draft), "--format", "json")
    records = json.loads(out)
    assert code == 0
    (slip,) = [r for r in records if r["code"] == "misspelling"]
    assert slip["line"] == 5
    assert "tuyên tuyền" in slip["value"]


def test_text_that_cannot_be_read_exits_2(run: Run, tmp_path: Path) -> None:
    code, _, err = run("audit", "--text", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "missing.txt" in err


def test_principle_says_why(run: Run) -> None:
    code, out, _ = run("audit", "--principle", "--format", "json", "--lang", "en")
    checks = {c["task"]: c for c in json.loads(out)}
    assert code == 0
    assert checks["7.7"]["clear_result"] is False
    assert "activities only" in checks["7.7"]["why"]["result"]
    assert checks["8.1"]["clear_result"] is True
    assert checks["8.1"]["product"]
