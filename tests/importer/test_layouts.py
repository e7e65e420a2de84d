"""The layouts provinces publish (issue #19): each fixture's tasks, roles and deadlines.

Each fixture of ``tests/importer/fixtures`` (synthetic, see its README) is imported as the
file a province would publish — text, a .docx or a PDF made from it — and compared with
what a careful reader takes from it: the tasks, and per task its leads, coordinators
and deadline. The score is the share of those read right; ≥ 95% passes, and the scores
are pinned so that a change in either direction is seen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_import_text import assert_sound

if TYPE_CHECKING:
    from conftest import Run

from de_an06 import ImportResult, Role, import_documents, import_text, load_plan

FIXTURES = Path(__file__).parent / "fixtures"
Maker = Callable[[str], bytes]
# code -> (leads, coordinators, deadline wording)
Expected = dict[str, tuple[list[str], list[str], str]]

EXPECTED: dict[str, Expected] = {
    "legal-site.txt": {
        "1.1": (["Sở Tư pháp"], ["Văn phòng UBND tỉnh"], "Quý II/2024."),
        "1.2": (
            ["Sở Thông tin và Truyền thông"],
            ["Công an tỉnh", "các sở, ban, ngành"],
            "Tháng 9/2024.",
        ),
        "2.1": (["Công an tỉnh"], ["Sở Giáo dục và Đào tạo"], "Trước ngày 30/6/2024."),
        "2.2": (["Tỉnh Đoàn"], ["Công an tỉnh"], "Thường xuyên."),
    },
    "word-table.txt": {
        "1.1": (["Sở Thông tin và Truyền thông"], ["Viễn thông Phú An"], "Quý I/2025"),
        "1.2": (["Sở Thông tin và Truyền thông"], ["Công an tỉnh"], "Quý II/2025"),
        "2.1": (
            ["Sở Kế hoạch và Đầu tư"],
            ["Ngân hàng Nhà nước chi nhánh tỉnh", "Sở Tài chính"],
            "Tháng 6/2025",
        ),
        "2.2": (
            ["Văn phòng UBND tỉnh"],
            ["Các sở, ban, ngành", "UBND các huyện, thị xã"],
            "Thường xuyên",
        ),
        "2.3": (["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành"], "Trước ngày 31/3/2025"),
    },
    "tab-annex.txt": {
        "1.1": (["Sở Tư pháp"], ["Công an tỉnh"], "Quý III/2025"),
        "1.2": (["Sở Lao động - Thương binh và Xã hội"], [], "Tháng 10/2025"),
        "2.1": (["Báo Bắc Sơn"], ["Đài Phát thanh và Truyền hình tỉnh"], "Thường xuyên"),
    },
    "pdf-plan.txt": {
        "1.1": (["Sở Tư pháp"], ["Công an tỉnh", "Bảo hiểm xã hội tỉnh"], "Quý I/2025."),
        "1.2": (["Văn phòng UBND tỉnh"], ["Công an tỉnh"], "Tháng 5/2025."),
        "2.1": (["Sở Công Thương"], ["Ngân hàng Nhà nước chi nhánh tỉnh"], "Thường xuyên."),
    },
}


def _names(result: ImportResult, code: str, role: Role) -> list[str]:
    task = result.plan.task(code)
    return [m.text for a in task.assignments() for m in [a[1]] if a[0] is role]


def score(result: ImportResult, expected: Expected) -> tuple[int, int]:
    """(right, checked): tasks found, and per task its leads, coordinators and deadline."""
    codes = {t.code for t in result.plan.tasks}
    right = checked = 0
    for code, (leads, coordinators, deadline) in expected.items():
        checked += 4
        if code not in codes:
            continue
        right += 1
        right += _names(result, code, Role.LEAD) == leads
        right += _names(result, code, Role.COORDINATE) == coordinators
        right += result.plan.task(code).deadline.text == deadline
    return right, checked


def imported(name: str, docx_of: Maker, pdf_of: Maker) -> ImportResult:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    if name.startswith("word"):
        return import_text(docx_of(text), source=name)
    if name.startswith("pdf"):
        return import_text(pdf_of(text), source=name)
    return import_text(text, source=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tasks_roles_and_deadlines(name: str, docx_of: Maker, pdf_of: Maker) -> None:
    result = imported(name, docx_of, pdf_of)
    assert result.problems == ()
    assert len(result.plan.tasks) == len(EXPECTED[name])  # no task invented
    if not name.startswith(("word", "pdf")):  # every line of a text placed or warned about
        assert_sound((FIXTURES / name).read_text(encoding="utf-8"), result, structured=True)
    right, checked = score(result, EXPECTED[name])
    assert (right, checked) == (checked, checked)  # 100% on every fixture today
    assert right >= 0.95 * checked


def test_legal_site_header_year_and_issuer(docx_of: Maker, pdf_of: Maker) -> None:
    result = imported("legal-site.txt", docx_of, pdf_of)
    plan = result.plan
    assert (plan.id, plan.year) == ("ha-giang-2024", 2024)  # not 2030, the Đề án's horizon
    assert plan.decision.number == "49/KH-UBND"  # "Số:" / "49/KH-UBND"
    assert plan.decision.place == "Hà Giang"  # "Hà" / "Giang, ngày …"
    assert plan.decision.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    assert any("names no province" in w.message for w in result.warnings)
    assert len(plan.legal_bases) == 2  # "Căn cứ" right under the header
    assert plan.purposes == (
        "Bảo đảm triển khai thống nhất các nhiệm vụ của Đề án trên địa bàn tỉnh.",
        "Phân công cụ thể cơ quan chủ trì, cơ quan phối hợp và thời hạn hoàn thành.",
    )
    (monitor,) = _names(result, "1.2", Role.MONITOR)
    assert monitor == "Văn phòng UBND tỉnh"


def test_word_table_products_and_year_from_title(docx_of: Maker, pdf_of: Maker) -> None:
    result = imported("word-table.txt", docx_of, pdf_of)
    assert result.plan.year == 2025  # the title's, though the plan is dated 20/12/2024
    assert result.plan.task("1.1").note == "Sản phẩm: Báo cáo nghiệm thu"
    assert [g.title for g in result.plan.task_groups] == [
        "Hoàn thiện hạ tầng kỹ thuật",
        "Phát triển dịch vụ công trực tuyến",
    ]


def test_two_documents(docx_of: Maker, pdf_of: Maker) -> None:
    text = (FIXTURES / "two-documents.txt").read_text(encoding="utf-8")
    first, second = import_documents(text)
    assert (first.plan.id, len(first.plan.tasks)) == ("dong-giang-2025", 2)
    assert (second.plan.id, len(second.plan.tasks)) == ("nam-son-2025", 1)
    assert second.plan.task("1.1").deadline.text == "Quý IV/2025."
    alone = import_text(text)
    assert alone.plan == first.plan
    assert "2 documents (starting at lines 1, 21)" in alone.problems[0]


def test_year_not_found_is_a_problem() -> None:
    text = (
        "KẾ HOẠCH\nThực hiện Đề án 06 giai đoạn 2022 - 2025, tầm nhìn đến năm 2030\n"
        "II. NHIỆM VỤ\n1. Nhóm\n(1) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n"
        "- Thời gian hoàn thành: Thường xuyên.\n"
    )
    result = import_text(text)
    assert result.plan.year == 1900
    assert any("no plan year" in p for p in result.problems)
    assert import_text(text, year=2025).problems == ()
    assert import_text(text, year=2025).plan.year == 2025


@pytest.mark.parametrize("text", ["", "a,b,c\n1,2,3\n", "Hôm nay trời đẹp. Chúng tôi đi chơi."])
def test_non_plans_are_problems(text: str) -> None:
    assert any("no task found" in p for p in import_text(text).problems)


def test_group_numbers_past_99() -> None:
    groups = "\n".join(
        f"{n}. Nhóm {n}\n(1) Việc {n}.\n- Cơ quan chủ trì: Sở Y tế.\n"
        "- Thời gian hoàn thành: Quý I/2025."
        for n in range(1, 121)
    )
    result = import_text(f"KẾ HOẠCH NĂM 2025\nII. NHIỆM VỤ\n{groups}\n")
    assert [g.number for g in result.plan.task_groups] == list(range(1, 121))
    assert result.plan.task("120.1").text == "Việc 120."


def test_cli_refuses_what_is_no_plan(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    csv = tmp_path / "counts.csv"
    csv.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    code, out, err = run("import", str(csv), "-o", str(output))
    assert (code, out) == (2, "")
    assert "no task found" in err
    assert "không tìm thấy nhiệm vụ" in err
    assert not output.exists()
    both = FIXTURES / "two-documents.txt"
    code, _, err = run("import", str(both), "-o", str(output))
    assert code == 2
    assert "2 documents" in err
    assert not output.exists()


def test_cli_year(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "ke-hoach.txt"
    text.write_text(
        "II. NHIỆM VỤ\n1. Nhóm\n(1) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n"
        "- Thời gian hoàn thành: Quý II.\n",
        encoding="utf-8",
    )
    output = tmp_path / "plan.json"
    code, _, err = run("import", str(text), "-o", str(output))
    assert code == 2
    assert "--year" in err
    assert run("import", str(text), "-o", str(output), "--year", "2025")[0] == 0
    plan = load_plan(output)
    assert plan.year == 2025
    assert str(plan.task("1.1").deadline.due_date()) == "2025-06-30"
    code, _, err = run("import", str(text), "-o", str(output), "--year", "20x5")
    assert code == 2
    assert "a year from 1900" in err
