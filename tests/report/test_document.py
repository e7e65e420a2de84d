"""Report blocks render to Markdown and to one self-contained, script-free HTML page."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from hypothesis import given

from de_an06.report.blocks import Bar, BarChart, Heading, Milestone, Paragraph, Table, Timeline
from de_an06.report.document import render_html, render_markdown

from strategies import words

CHART = BarChart(
    title="Tỉ lệ",
    bars=(
        Bar(label="II.4 — Thành phố Sơn La", percent=85.5, target=80.0, met=True),
        Bar(label="II.4 — Mộc Châu", percent=None, target=100.0, met=None),
        Bar(label="II.5.b — tỉnh", percent=120.0, target=65.0, met=True),
    ),
)
LINE = Timeline(
    title="Hạn",
    start=date(2024, 1, 1),
    end=date(2024, 12, 31),
    today=date(2024, 6, 30),
    milestones=(
        Milestone(label="7.2", day=date(2024, 3, 31), status="overdue"),
        Milestone(label="8.1", day=date(2024, 3, 31), status="overdue"),
        Milestone(label="11.2", day=date(2024, 12, 31), status="upcoming"),
    ),
    legend=(("overdue", "quá hạn"), ("upcoming", "sắp tới")),
)
BLOCKS = [
    Heading(1, "Báo cáo"),
    Paragraph("a < b & c"),
    Table(("mã", "số"), (("1|2", "3"),), numeric=frozenset({1})),
    CHART,
    LINE,
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_is_self_contained() -> None:
    page = render_html(BLOCKS, title="Báo cáo <x>")
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert parser.tags.count("svg") == 2
    assert not re.search(r"(src|href)=", page)
    assert "Báo cáo &lt;x&gt;" in page
    assert "a &lt; b &amp; c" in page


def test_chart_shows_no_data_and_target_ticks() -> None:
    page = render_html([CHART], title="t")
    assert "no data" in page
    assert page.count("target ") == 3  # one tick per bar with a target
    assert "85.50%" in page


def test_markdown_escapes_pipes_and_leaves_charts_to_html() -> None:
    text = render_markdown(BLOCKS)
    assert text.startswith("# Báo cáo\n")
    assert "| 1\\|2 | 3 |" in text
    assert "| --- | ---: |" in text
    assert "Mộc Châu" not in text
    assert "<svg" not in text


@given(words)
def test_any_text_is_escaped(text: str) -> None:
    page = render_html([Heading(2, text), Paragraph(text), Table(("x",), ((text,),))], title=text)
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("h2") == 1
    assert "script" not in parser.tags
