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
