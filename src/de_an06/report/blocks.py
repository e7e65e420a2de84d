"""The report's document model: the blocks a report is made of, renderer-free.

A report (and each of its sections, see `de_an06.report.indicator_section`) is a sequence
of `Block` values; `de_an06.report.document` renders them to Markdown or HTML and
`de_an06.report.svg` draws the two charts.

>>> Table(("ID", "Mục tiêu"), (("II.5", "> 65%"),))
Table(columns=('ID', 'Mục tiêu'), rows=(('II.5', '> 65%'),), numeric=frozenset())
"""

from __future__ import annotations

from datetime import date

import attrs

__all__ = [
    "Bar",
    "BarChart",
    "Block",
    "Heading",
    "Milestone",
    "Paragraph",
    "Table",
    "Timeline",
]


@attrs.frozen
class Heading:
    """A section heading; level 1 is the document title."""

    level: int
    text: str


@attrs.frozen
class Paragraph:
    """A paragraph of plain text."""

    text: str


@attrs.frozen
class Table:
    """A table of text cells; ``numeric`` marks right-aligned columns by index."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()


@attrs.frozen(kw_only=True)
class Bar:
    """One bar: a label, the achieved percent (None: no data), the target percent.

    ``text`` is the value as printed beside the bar ("91,71%"); ``caption`` the tooltip.
    """

    label: str
    percent: float | None
    target: float | None
    met: bool | None
    caption: str = ""
    text: str = ""


@attrs.frozen(kw_only=True)
class BarChart:
    """Achievement against target, one bar per (indicator, unit)."""

    title: str
    bars: tuple[Bar, ...]
    no_data_label: str = "no data"


@attrs.frozen(kw_only=True)
class Milestone:
    """A dated point on a timeline; ``status`` picks its colour."""

    label: str
    day: date
    status: str


@attrs.frozen(kw_only=True)
class Timeline:
    """Deadlines on a time axis from ``start`` to ``end``, with a line at ``today``."""

    title: str
    start: date
    end: date
    today: date
    milestones: tuple[Milestone, ...]
    legend: tuple[tuple[str, str], ...] = ()


Block = Heading | Paragraph | Table | BarChart | Timeline
