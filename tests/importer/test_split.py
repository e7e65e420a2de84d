"""de-an06 import --split (issue #19): one draft per document of a multi-document text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from de_an06 import import_documents, load_plan

if TYPE_CHECKING:
    from conftest import Run

TWO = Path(__file__).parent / "fixtures" / "two-documents.txt"


def test_split_writes_one_draft_per_document(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    code, out, err = run("import", str(TWO), "--split", "-o", str(folder), "--format", "json")
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == ["dong-giang-2025.json", "nam-son-2025.json"]
    first, second = import_documents(TWO.read_text(encoding="utf-8"))
    assert load_plan(folder / "dong-giang-2025.json") == first.plan
    assert load_plan(folder / "nam-son-2025.json") == second.plan
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["dong-giang-2025", "nam-son-2025"]
    assert [d["tasks"] for d in data["documents"]] == [2, 1]


def test_split_table_names_each_file_in_vietnamese(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("import", str(TWO), "--split", "-o", str(tmp_path / "d"))
    assert code == 0
    assert "dong-giang-2025, 1 nhóm nhiệm vụ, 2 nhiệm vụ" in out
    assert "nam-son-2025, 1 nhóm nhiệm vụ, 1 nhiệm vụ" in out
    code, out, _ = run("import", str(TWO), "--split", "-o", str(tmp_path / "e"), "--lang", "en")
    assert "nam-son-2025, 1 task groups, 1 tasks" in out


def test_without_split_the_refusal_names_it(run: Run, tmp_path: Path) -> None:
    code, _, err = run("import", str(TWO), "-o", str(tmp_path / "plan.json"))
    assert code == 2
    assert "--split" in err


def test_split_refuses_all_when_one_document_is_no_plan(run: Run, tmp_path: Path) -> None:
    text = TWO.read_text(encoding="utf-8")
    cut = text[: text.rindex("II. NHIỆM VỤ")]  # the second plan loses its tasks
    source = tmp_path / "two.txt"
    source.write_text(cut + "Nội dung khác.\n", encoding="utf-8")
    folder = tmp_path / "drafts"
    code, out, err = run("import", str(source), "--split", "-o", str(folder))
    assert (code, out) == (2, "")
    assert "document 2" in err
    assert "no task found" in err
    assert not folder.exists()


def test_split_needs_a_folder_and_no_plan_id(run: Run, tmp_path: Path) -> None:
    existing = tmp_path / "plan.json"
    existing.write_text("{}", encoding="utf-8")
    code, _, err = run("import", str(TWO), "--split", "-o", str(existing))
    assert code == 2
    assert "folder" in err
    code, _, err = run("import", str(TWO), "--split", "-o", str(tmp_path / "d"), "--plan-id", "x")
    assert code == 2
    assert "--plan-id" in err
