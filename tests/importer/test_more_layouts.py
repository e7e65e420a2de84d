"""More layouts provinces publish (issue #19, third landing), scored like test_layouts.

Roles and deadlines inside the task's sentence; sections not numbered in Roman, or with
their headings dropped; objectives numbered "1.1." / "a)" / "- Năm 2022:"; a task table
copied one cell per line. Each fixture (synthetic, see fixtures/README.md) is scored on
its tasks, leads, coordinators and deadlines; the scores are pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_text import assert_sound
from test_layouts import Expected, score

from de_an06 import Role, import_text, plan_from_dict, plan_to_dict

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED: dict[str, Expected] = {
    "sentence-roles.txt": {
        "1.1": (["Sở Tư pháp"], ["Công an tỉnh", "Bảo hiểm xã hội tỉnh"], "Quý II/2025"),
        "1.2": (["Văn phòng UBND tỉnh"], ["Sở Khoa học và Công nghệ"], "trước ngày 30/6/2025"),
        "1.3": (["Sở Y tế"], [], "tháng 9/2025"),
        "2.1": (["Công an tỉnh"], ["các sở, ban, ngành"], "thường xuyên"),
        "2.2": ([], [], "Quý III/2025"),
        "2.3": (["Sở Tư pháp"], ["Công an tỉnh"], "Quý IV/2025."),
    },
    "other-sections.txt": {
        "1.1": (["Sở Tư pháp"], [], "Quý III/2025."),
        "1.2": (["Công an tỉnh"], ["Sở Y tế"], "tháng 10/2025"),
    },
    "objectives-numbered.txt": {
        "1.1": (["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"], "Quý II/2025"),
    },
    "cell-per-line.txt": {
        "1.1": (["Sở Khoa học và Công nghệ"], ["Viễn thông Thanh Bình"], "Quý II/2025"),
        "1.2": (["Văn phòng UBND tỉnh"], ["Công an tỉnh"], "Quý III/2025"),
        "2.1": (["Văn phòng UBND tỉnh"], ["Các sở, ban, ngành"], "Thường xuyên"),
        "2.2": (["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"], "Tháng 8/2025"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tasks_roles_and_deadlines(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    result = import_text(text, source=name)
    assert result.problems == ()
    assert len(result.plan.tasks) == len(EXPECTED[name])  # no task invented
    assert_sound(text, result, structured=True)
    assert plan_from_dict(plan_to_dict(result.plan)) == result.plan
    right, checked = score(result, EXPECTED[name])
    assert (right, checked) == (checked, checked)


def test_sentence_roles_keep_the_sentence() -> None:
    text = (FIXTURES / "sentence-roles.txt").read_text(encoding="utf-8")
    plan = import_text(text).plan
    task = plan.task("1.1")
    (line,) = task.roles
    assert line.text == task.text  # the sentence, verbatim, is the role line's text
    assert task.text.startswith("Sở Tư pháp chủ trì, phối hợp với Công an tỉnh")
    assert (line.label, task.deadline_label) == ("", "")
    assert str(task.deadline.due_date()) == "2025-06-30"
    advise = plan.task("2.2")  # "Sở KH&CN tham mưu UBND tỉnh …": the subject advises
    assert [m.text for m in advise.agencies_in(Role.ADVISE)] == ["Sở Khoa học và Công nghệ"]
    assert plan.task("2.1").deadline.ongoing
    labelled = plan.task("2.3")  # label lines win over the sentence
    assert labelled.deadline_label == "Thời gian hoàn thành"


def test_sentence_without_roles_is_still_warned() -> None:
    text = (
        "KẾ HOẠCH NĂM 2025\nII. NHIỆM VỤ\n1. Nhóm\n"
        "(1) Các nhiệm vụ của Đề án được triển khai đồng bộ trong năm.\n"
    )
    result = import_text(text)
    task = result.plan.task("1.1")
    assert task.roles == ()
    assert any(w.message == "task 1.1 has no role line" for w in result.warnings)
    assert any(w.message == "task 1.1 has no deadline line" for w in result.warnings)


def test_cell_per_line_table_rows_and_groups() -> None:
    text = (FIXTURES / "cell-per-line.txt").read_text(encoding="utf-8")
    result = import_text(text)
    assert [g.title for g in result.plan.task_groups] == [
        "Nhóm nhiệm vụ về hạ tầng",
        "Nhóm nhiệm vụ về dịch vụ công",
    ]
    assert (
        result.plan.task("2.2").text == "Thanh toán trực tuyến phí, lệ phí trên Cổng dịch vụ công"
    )
    (note,) = [w for w in result.warnings if "one cell per line" in w.message]
    assert (note.line, note.code) == (15, "guessed")
    assert note.message_vi == "bảng nhiệm vụ chép mỗi ô một dòng: khôi phục 6 dòng theo cột STT"


def test_cell_per_line_table_with_a_dropped_cell_is_refused() -> None:
    text = (FIXTURES / "cell-per-line.txt").read_text(encoding="utf-8")
    result = import_text(text.replace("Kho bạc Nhà nước tỉnh\n", ""))  # an empty cell dropped
    (problem,) = result.problems
    assert "the row numbered 2 at line 39 has 4 cells for 5 columns" in problem
    assert "hàng STT 2 có 4 ô, cần 5" in problem


def test_sections_numbered_otherwise_and_found_by_content() -> None:
    text = (FIXTURES / "other-sections.txt").read_text(encoding="utf-8")
    result = import_text(text)
    assert result.plan.purposes == ("Triển khai đồng bộ các nhiệm vụ của Đề án.",)
    assert [o.id for o in result.plan.objectives] == ["II.1", "II.2"]
    messages = {(w.line, w.message) for w in result.warnings}
    assert (3, "section 'PHẦN THỨ NHẤT. MỤC ĐÍCH, YÊU CẦU' read as section I") in messages
    assert (5, "section 'II. NỘI DUNG CỤ THỂ' read as objectives from its content") in messages
    assert (8, "section 'III. PHÂN CÔNG THỰC HIỆN' read as tasks from its content") in messages
    lettered = text.replace("PHẦN THỨ NHẤT.", "A.").replace("PHẦN THỨ HAI.", "B.")
    lettered = lettered.replace("PHẦN THỨ BA.", "C.")
    assert import_text(lettered).plan == result.plan


def test_objectives_numbered_otherwise() -> None:
    text = (FIXTURES / "objectives-numbered.txt").read_text(encoding="utf-8")
    plan = import_text(text).plan
    assert [(o.id, o.text) for o in plan.objectives] == [
        ("I.1", "Năm 2025:"),
        ("I.2", "Năm 2026:"),
        ("II.1", "Về dịch vụ công"),
    ]
    assert [i.id for o in plan.objectives for i in o.indicators] == [
        "I.1.a",
        "I.1.b",
        "I.2.a",
        "II.1.1",
        "II.1.2",
    ]
    (first, *_), *_ = (o.indicators for o in plan.objectives)
    assert (first.target.comparator.value, first.target.value) == (">=", 60)
