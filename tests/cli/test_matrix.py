"""``de-an06 matrix``, ``agencies`` and ``tasks --agency``: output, keys and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from de_an06 import Role, load_plan, responsibility_matrix

if TYPE_CHECKING:
    from conftest import Run

TASK_KEYS = {"code", "text", "deadline", "deadline_kind", "due", "ongoing", "roles"}
MATRIX = responsibility_matrix(load_plan("son-la-2024"))


class TestMatrix:
    def test_table(self, run: Run) -> None:
        code, out, _ = run("matrix", "--agency", "Sở TT&TT")
        assert code == 0
        assert "Sở Thông tin và Truyền thông" in out
        assert ", ".join(MATRIX.tasks_for("so-tttt", Role.LEAD)) in out

    def test_json(self, run: Run) -> None:
        code, out, _ = run("matrix", "--format", "json", "--agency", "cong an tinh")
        assert code == 0
        data = json.loads(out)
        assert [r["key"] for r in data["rows"]] == ["cong-an-tinh"]
        assert data["rows"][0]["roles"]["implement"] == list(
            MATRIX.tasks_for("cong-an-tinh", Role.IMPLEMENT)
        )
        assert {e["agency"] for e in data["entries"]} == {"cong-an-tinh"}

    def test_role_filter(self, run: Run) -> None:
        code, out, _ = run("matrix", "--role", "monitor", "--format", "json")
        assert code == 0
        rows = json.loads(out)["rows"]
        assert {r["key"] for r in rows} == set(MATRIX.agencies_for("10.1", Role.MONITOR))
        assert all(r["cells"] == {"10.1": ["monitor"]} for r in rows)
        assert all(r["roles"]["lead"] == [] for r in rows)

    def test_csv_to_file(self, run: Run, tmp_path: Path) -> None:
        path = tmp_path / "m.csv"
        code, out, _ = run("matrix", "--format", "csv", "-o", str(path))
        assert code == 0
        assert str(path) in out
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][:4] == ["key", "agency", "kind", "1.1"]
        assert len(rows) == len(MATRIX.rows) + 1

    def test_markdown(self, run: Run) -> None:
        code, out, _ = run("matrix", "--format", "md", "--agency", "Sở Y tế")
        assert code == 0
        assert out.splitlines()[2].startswith("| so-y-te | Sở Y tế |")

    def test_xlsx_needs_output(self, run: Run) -> None:
        code, out, err = run("matrix", "--format", "xlsx")
        assert code == 2
        assert out == ""
        assert "-o FILE" in err
        assert "Traceback" not in err

    def test_xlsx(self, run: Run, tmp_path: Path) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        path = tmp_path / "m.xlsx"
        code, _, _ = run("matrix", "--expand", "--format", "xlsx", "-o", str(path))
        assert code == 0
        sheet = openpyxl.load_workbook(path).active
        assert sheet.cell(row=1, column=4).value == "1.1"

    def test_unknown_agency_exits_2_with_suggestions(self, run: Run) -> None:
        code, out, err = run("matrix", "--agency", "So Thong tin va Truyen thog")
        assert code == 2
        assert out == ""
        assert "Sở Thông tin và Truyền thông [so-tttt]" in err

    def test_ambiguous_agency_exits_2_with_candidates(self, run: Run) -> None:
        code, _, err = run("matrix", "--agency", "huyện")
        assert code == 2
        assert "ambiguous" in err
        assert "[ubnd-huyen-mai-son]" in err

    def test_bad_date_exits_2(self, run: Run) -> None:
        code, _, err = run("matrix", "--as-of", "31/02/2026")
        assert code == 2
        assert "not a date" in err

    def test_as_of(self, run: Run) -> None:
        code, out, _ = run("matrix", "--as-of", "01/01/2026", "--agency", "Sở TT&TT")
        assert code == 0
        assert "Sở Khoa học và Công nghệ" in out
        assert "tiếp nhận nhiệm vụ của" in out  # Vietnamese by default
        assert "tham mưu" in out
        assert "advise" not in out
        argv = ("matrix", "--as-of", "01/01/2026", "--agency", "Sở TT&TT", "--lang", "en")
        code, out, _ = run(*argv)
        assert "holds work of" in out

    def test_workload_json(self, run: Run) -> None:
        code, out, _ = run("matrix", "--workload", "--as-of", "2024-06-30", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert data["on"] == "2024-06-30"
        police = next(r for r in data["rows"] if r["key"] == "cong-an-tinh")
        assert police["lead"] == len(MATRIX.tasks_for("cong-an-tinh", Role.LEAD))
        assert police["tasks"] == len(MATRIX.tasks_for("cong-an-tinh"))
        statuses = ("overdue", "due_soon", "later", "ongoing", "undetermined")
        assert sum(police[s] for s in statuses) == police["tasks"]

    def test_workload_table(self, run: Run) -> None:
        code, out, _ = run("matrix", "--workload", "--as-of", "2024-06-30")
        assert code == 0
        assert "tình trạng thời hạn ngày 30/06/2024" in out

    def test_leads(self, run: Run) -> None:
        code, out, _ = run("matrix", "--leads", "--format", "json")
        assert code == 0
        issues = {i["task"]: i for i in json.loads(out)}
        assert issues["2.3"]["reason"] == "no lead"
        assert "4.1" not in issues  # Công an tỉnh alone


class TestTasksByAgency:
    def test_same_keys_and_tasks(self, run: Run) -> None:
        code, out, _ = run("tasks", "--agency", "Sở TTTT", "--format", "json")
        assert code == 0
        records = json.loads(out)
        assert all(set(r) >= TASK_KEYS for r in records)
        assert tuple(r["code"] for r in records) == MATRIX.tasks_for("so-tttt")

    def test_role(self, run: Run) -> None:
        code, out, _ = run(
            "tasks", "--agency", "VP UBND tỉnh", "--role", "advise", "--format", "json"
        )
        assert code == 0
        assert [r["code"] for r in json.loads(out)] == list(
            MATRIX.tasks_for("vp-ubnd-tinh", Role.ADVISE)
        )

    def test_member_gets_group_tasks(self, run: Run) -> None:
        code, out, _ = run("tasks", "--agency", "UBND huyện Mai Sơn", "--format", "json")
        assert code == 0
        records = json.loads(out)
        assert tuple(r["code"] for r in records) == MATRIX.tasks_for("ubnd-cac-huyen-thanh-pho")
        assert all(r["via"] for r in records)

    def test_as_of_holder(self, run: Run) -> None:
        code, out, _ = run(
            "tasks", "--agency", "Sở KH&CN", "--as-of", "2026-01-01", "--format", "json"
        )
        assert code == 0
        records = json.loads(out)
        assert tuple(r["code"] for r in records) == MATRIX.tasks_for("so-tttt")
        assert records[0]["agency"]["name"] == "Sở Khoa học và Công nghệ"

    def test_plain_listing_unchanged(self, run: Run) -> None:
        code, out, _ = run("tasks", "--format", "json")
        assert code == 0
        assert len(json.loads(out)) == 47

    def test_role_without_agency_exits_2(self, run: Run) -> None:
        code, _, err = run("tasks", "--role", "lead")
        assert code == 2
        assert "--agency" in err


class TestAgencies:
    def test_lookup_with_holder_and_chain(self, run: Run) -> None:
        code, out, _ = run("agencies", "so tt&tt", "--as-of", "2026-01-01", "--format", "json")
        assert code == 0
        (record,) = json.loads(out)
        assert (record["key"], record["name"]) == ("so-tttt", "Sở Thông tin và Truyền thông")
        assert record["holder"]["name"] == "Sở Khoa học và Công nghệ"
        (step,) = record["chain"]
        assert step["kind"] == "split"
        assert step["date"].startswith("01/03/2025")
        assert step["others"][0]["key"] == "so-vhttdl"
        assert step["sources"]

    def test_no_date_no_holder(self, run: Run) -> None:
        code, out, _ = run("agencies", "UBND tp Son La", "--format", "json")
        assert code == 0
        (record,) = json.loads(out)
        assert record["key"] == "ubnd-tp-son-la"
        assert "holder" not in record

    def test_listing_includes_succession_bodies(self, run: Run) -> None:
        code, out, _ = run("agencies", "--format", "json")
        assert code == 0
        sources = {r["key"]: r["source"] for r in json.loads(out)}
        assert sources["cong-an-tinh"] == "plan"
        assert "succession" in sources.values()

    def test_table(self, run: Run) -> None:
        code, out, _ = run("agencies", "Mộc Châu", "--as-of", "2026-01-01")
        assert code == 0
        assert "thị xã Mộc Châu" in out

    def test_unknown_exits_2(self, run: Run) -> None:
        code, _, err = run("agencies", "Bộ Ngoại giao Hoa Kỳ")
        assert code == 2
        assert "no agency matches" in err
