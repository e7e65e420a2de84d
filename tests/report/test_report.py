"""The progress report: every section, with and without counts, in both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from de_an06 import build_report, load_plan
from de_an06.cli import main
from de_an06.report.blocks import BarChart, Heading, Table, Timeline

EXAMPLES = Path(__file__).parents[2] / "examples" / "data"
COUNTS = EXAMPLES / "son-la-2024-counts.csv"
ANNEX = EXAMPLES / "son-la-2024S1-annex.csv"
PLAN = load_plan("son-la-2024")
JUNE_30 = date(2024, 6, 30)


def headings(blocks: tuple[object, ...], level: int) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Heading) and b.level == level]


def test_sections_without_counts() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    assert headings(report.blocks, 2) == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert headings(report.blocks, 3) == [
        "1. Tiến độ thực hiện nhiệm vụ",
        "2. Kết quả thực hiện các chỉ tiêu",
        "3. Dịch vụ công thiết yếu",
        "4. Phân công thực hiện",
    ]
    text = report.to_markdown()
    assert "Chưa có số liệu: các chỉ tiêu dưới đây chưa được đánh giá." in text
    assert "Chưa có số liệu hồ sơ của các dịch vụ công." in text
    # The period of 30/06/2024 is 202407 (15/06–14/07), written as people write it; due
    # "trước ngày 15": Sunday 14/07 may not move onto the 15th, so Friday 12/07.
    assert "202407" not in text
    assert "kỳ báo cáo tháng 7/2024" in text
    assert "từ ngày 15/06/2024 đến ngày 14/07/2024" in text
    assert "hạn gửi báo cáo: thứ Sáu 12/07/2024 (ngày 14/07/2024 là Chủ nhật, ngày nghỉ" in text


def test_every_task_in_exactly_one_table() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    tables = [
        report.blocks[i + 1]
        for i, b in enumerate(report.blocks)
        if isinstance(b, Heading) and b.level == 4 and "Nhiệm vụ" in b.text
    ]
    codes = [row[0] for t in tables if isinstance(t, Table) for row in t.rows]
    assert sorted(codes) == sorted(t.code for t in PLAN.tasks)
    later = "c) Nhiệm vụ chưa đến hạn (8)"
    assert later in headings(report.blocks, 4)  # the 8 tasks due 31/12
    (table,) = [report.blocks[report.blocks.index(Heading(4, later)) + 1]]
    assert isinstance(table, Table)
    assert {row[4] for row in table.rows} == {"31/12/2024"}
    # Each row carries the task's content, not only its code.
    assert table.columns[1] == "Nội dung nhiệm vụ"
    assert all(len(row[1]) > 20 for row in table.rows)


def test_overdue_and_due_soon() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    # Dated tasks past their lawful due day on 30/06/2024 (hand-checked: 3.7 Tết, Q1 tasks,
    # 11.3 March, 5.3 "trước ngày 30/6/2024"; 4.3 "trước thời điểm Luật Căn cước có hiệu
    # lực" 01/07: its last day, Sunday 30/06, may not move onto 01/07 and goes back to 28/06).
    heading = Heading(4, "a) Nhiệm vụ đã qua thời hạn (7)")
    overdue = report.blocks[report.blocks.index(heading) + 1]
    assert isinstance(overdue, Table)
    assert [row[0] for row in overdue.rows] == ["3.7", "6.1", "7.2", "8.1", "11.3", "4.3", "5.3"]
    # 3.7 is overdue in its dated part and goes on in its ongoing part: said, not listed twice.
    # Without a ledger nobody knows what was done: past due, completion unknown.
    assert overdue.rows[0][5] == (
        "Đã qua hạn 144 ngày, chưa rõ đã hoàn thành; phần thường xuyên tiếp tục"
    )
    assert "b) Nhiệm vụ đến hạn trong 30 ngày tới (2)" in headings(report.blocks, 4)
    assert "Nhiệm vụ 3.7, 6.1, 4.3 vừa có phần có thời hạn" in report.to_markdown()
    (timeline,) = [b for b in report.blocks if isinstance(b, Timeline)]
    assert {m.label for m in timeline.milestones if m.status == "overdue"} == {
        "3.7",
        "6.1",
        "7.2",
        "8.1",
        "11.3",
        "4.3",
        "5.3",
    }
    # Not known is said: the plan holds no completion data.
    assert "Kế hoạch không chứa thông tin hoàn thành" in report.to_markdown()


def test_english_labels() -> None:
    report = build_report(PLAN, as_of=JUNE_30, lang="en")
    assert headings(report.blocks, 2)[0] == "I. RESULTS"
    assert report.to_html().startswith('<!DOCTYPE html>\n<html lang="en">')


def test_with_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    code = main(
        [
            "report",
            "--as-of",
            "2024-06-30",
            "--observations",
            str(COUNTS),
            "--observations",
            str(ANNEX),
            "--file-period",
            "2024S1",
            "--format",
            "html",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    monthly = page.count(">Dự báo theo nhịp gần đây</text>")  # one per trajectory chart
    assert page.count("<svg") == 2 + monthly
    assert "<script" not in page
    # II.4, city override "trên 80%": 8.123/9.800 = 82,89% meets it.
    assert "8.123/9.800" in page
    assert "82,89%" in page
    assert "trên 80% (thành phố Sơn La)" in page
    # The annex table: Công an tỉnh, row I.1: 1198 of 1250 online.
    assert "95,84%" in page


def test_indicator_chart_has_a_bar_per_result() -> None:
    from de_an06.observations import Observations
    from de_an06.report.data import indicator_section

    section = indicator_section(PLAN, [Observations.from_csv(COUNTS, PLAN)], as_of=JUNE_30)
    report = build_report(PLAN, as_of=JUNE_30, indicator_section=section)
    (chart,) = [b for b in report.blocks if isinstance(b, BarChart)]
    no_data = [bar.label for bar in chart.bars if bar.percent is None]
    assert no_data == ["II.4 — Huyện Yên Châu"]  # 0/0 in the sample: no data, not 0%


def test_markdown_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--as-of", "30/06/2024"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| CÔNG AN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
    assert "**BÁO CÁO**" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--as-of", "2024-13-01"], "--as-of: not a date: '2024-13-01'"),
        (["--as-of", "2024-06-30", "--observations", "missing.csv"], "missing.csv"),
        (["--as-of", "2024-06-30", "--within", "-1"], "--within"),
        (["--as-of", "2024-06-30", "--plan", "nope.json"], "nope.json"),
    ],
)
def test_bad_input_exits_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["report", *argv])
    except SystemExit as exit_:  # argparse rejects a bad option value (--within -1) itself
        code = int(exit_.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_completed_tasks_are_not_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = tmp_path / "done.json"
    done.write_text('{"7.2": "2024-03-20", "8.1": "2024-03-29"}', encoding="utf-8")
    assert main(["report", "--as-of", "2024-06-30", "--completed", str(done)]) == 0
    out = capsys.readouterr().out
    assert "#### a) Nhiệm vụ đã qua thời hạn (5)" in out
    assert "#### e) Nhiệm vụ đã hoàn thành (2)" in out
    overdue = out.split("#### a) Nhiệm vụ đã qua thời hạn (5)", 1)[1].split("####", 1)[0]
    assert "| 7.2 |" not in overdue
    assert "| 8.1 |" not in overdue
