"""The month-by-month chart of an indicator in the report (issue #20)."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from docx import Document

from de_an06 import load_plan
from de_an06.early_warning import trajectories
from de_an06.observations import Observations
from de_an06.report import official_report
from de_an06.report.docx import docx_document
from de_an06.report.trajectory import trajectory_chart

PLAN = load_plan("son-la-2024")
JUNE_30 = date(2024, 6, 30)
MONTHLY = Path(__file__).parents[2] / "examples" / "data" / "son-la-2024-monthly.csv"


def _mai_son() -> object:
    counts = Observations.from_records(
        [
            {
                "indicator": "II.5.b",
                "unit": "Mai Sơn",
                "period": f"20240{m}",
                "numerator": 60000 + 1500 * m,
                "denominator": 120000,
            }
            for m in range(1, 7)
        ],
        PLAN,
    )
    [t] = trajectories(PLAN, counts, as_of=JUNE_30)
    return t


def test_chart_numbers_follow_the_trajectory() -> None:
    t = _mai_son()
    chart = trajectory_chart(t)  # type: ignore[arg-type]
    assert len(chart.months) == 12
    assert chart.months[0] == "1/2024"
    assert chart.monthly[5] is not None
    assert chart.monthly[6] is None
    assert chart.cumulative[5] == chart.projection[5]  # the projection starts where we are
    assert chart.projection[11] is not None
    assert abs(chart.projection[11] - float(t.pace.projected_value)) < 1e-9  # type: ignore[attr-defined]
    assert chart.target == 65.0
    assert chart.rows[0] == ("tháng 1/2024", "51,25%", "51,25%", "")
    assert chart.rows[-1][0] == "tháng 12/2024"
    assert "có nguy cơ không đạt" in chart.note


def test_report_draws_the_chart_in_html_and_tables_it_elsewhere() -> None:
    report = official_report(PLAN, as_of=JUNE_30, observations=(MONTHLY,))
    html = report.to_html()
    section = html.split("Diễn biến theo tháng", 1)[1]
    # Four series told apart by line style: dashed target, dotted projection, solid line.
    assert 'stroke-dasharray="10 5"' in section
    assert 'stroke-dasharray="2 3"' in section
    assert "<polyline" in section
    for word in ("Trong tháng", "Lũy kế", "Mục tiêu", "Dự báo theo nhịp gần đây"):
        assert word in section
    markdown = report.to_markdown()
    assert "| Tháng | Trong tháng | Lũy kế | Dự báo theo nhịp gần đây |" in markdown
    assert not re.search(r"\b2024(0[1-9]|1[0-2])\b", markdown)
    buffer = io.BytesIO()
    docx_document(report.blocks, title=report.title, lang="vi").save(buffer)
    buffer.seek(0)
    headers = [t.rows[0].cells[0].text for t in Document(buffer).tables]
    assert "Tháng" in headers


def test_no_chart_without_monthly_figures() -> None:
    report = official_report(PLAN, as_of=JUNE_30)
    assert "Diễn biến theo tháng" not in report.to_html()
