"""The progress report: every section, with and without counts, in both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from de_an06 import build_report, load_plan
from de_an06.cli import main
from de_an06.report.document import BarChart, Heading, Paragraph, Table, Timeline

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
COUNTS = EXAMPLES / "son-la-2024-counts.csv"
ANNEX = EXAMPLES / "son-la-2024S1-annex.csv"
PLAN = load_plan("son-la-2024")
JUNE_30 = date(2024, 6, 30)


def headings(blocks: tuple[object, ...], level: int) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Heading) and b.level == level]


def test_sections_without_counts() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    assert headings(report.blocks, 2) == [
        "1. Tóm tắt kế hoạch",
        "2. Tiến độ nhiệm vụ",
        "3. Phân công trách nhiệm",
        "4. Chỉ tiêu",
        "5. Dịch vụ công thiết yếu",
        "6. Rà soát kế hoạch",
    ]
    text = report.to_markdown()
    assert "Chưa có số liệu: các chỉ tiêu dưới đây chưa được đánh giá." in text
    assert "Chưa có số liệu hồ sơ của các dịch vụ công." in text
    # The period of 30/06/2024 is 202407 (15/06–14/07), due before the 15th.
    assert "202407" in text
    assert "15/06/2024 đến 14/07/2024" in text


def test_overdue_and_due_soon() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    # Dated tasks past due on 30/06/2024 (hand-checked: 3.7 Tết, Q1 tasks, 11.3 March,
    # 5.3 "trước ngày 30/6/2024"; 4.3 "trước thời điểm Luật Căn cước có hiệu lực" 01/07:
    # its last day, Sunday 30/06, may not move onto 01/07 and goes back to Friday 28/06).
    # Without a ledger nobody knows what was done: past due, completion unknown.
    past_due = "Đã qua hạn (chưa rõ đã hoàn thành hay chưa) (7)"
    assert past_due in headings(report.blocks, 3)
    assert "Quá hạn (7)" not in headings(report.blocks, 3)
    assert any(
        isinstance(b, Paragraph) and b.text.startswith("Chưa có sổ theo dõi tiến độ")
        for b in report.blocks
    )
    overdue = report.blocks[report.blocks.index(Heading(3, past_due)) + 1]
    assert isinstance(overdue, Table)
    assert [row[0] for row in overdue.rows] == ["3.7", "6.1", "7.2", "8.1", "11.3", "4.3", "5.3"]
    assert "Đến hạn trong 30 ngày tới (3)" in headings(report.blocks, 3)
    (timeline,) = [b for b in report.blocks if isinstance(b, Timeline)]
    assert {m.label for m in timeline.milestones if m.status == "overdue"} == {
        "3.7",
        "6.1",
        "7.2",
        "8.1",
        "11.3",
        "5.3",
    }


def test_english_labels() -> None:
    report = build_report(PLAN, as_of=JUNE_30, lang="en")
    assert headings(report.blocks, 2)[0] == "1. The plan in brief"
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
            "--period",
            "2024S1",
            "--format",
            "html",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert "<script" not in page
    # II.4, city override "trên 80%": 8123/9800 = 82,89% meets it.
    assert "8123/9800" in page
    assert "82,89%" in page
    assert "&gt; 80% (thành phố Sơn La)" in page
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
    assert capsys.readouterr().out.startswith("# Báo cáo tiến độ")


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
    assert main(["report", *argv]) == 2
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
    assert "### Quá hạn (5)" in out
    overdue = out.split("### Quá hạn (5)", 1)[1].split("###", 1)[0]
    assert "| 7.2 |" not in overdue
    assert "| 8.1 |" not in overdue
