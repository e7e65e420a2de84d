"""The report's document model: the blocks a report is made of, renderer-free.

A report (and each of its sections, see `de_an06.report.indicator_section`) is a sequence
of `Block` values; `de_an06.report.document` renders them to Markdown or HTML and
`de_an06.report.svg` draws the two charts.

>>> Table(("ID", "Mục tiêu"), (("II.5", "> 65%"),))
Table(columns=('ID', 'Mục tiêu'), rows=(('II.5', '> 65%'),), numeric=frozenset(), widths=())
"""

from __future__ import annotations

from datetime import date

import attrs

__all__ = [
    "Bar",
    "BarChart",
    "Block",
    "DocumentTitle",
    "Heading",
    "Masthead",
    "Milestone",
    "Paragraph",
    "Placeholder",
    "Signature",
    "Table",
    "Timeline",
    "TrajectoryChart",
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
    """A table of text cells; ``numeric`` marks right-aligned columns by index; ``widths``
    are the columns' shares of the page width in percent (empty: the renderer decides)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    widths: tuple[int, ...] = ()


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
    target_label: str = "target"
    met_label: str = "✓"
    not_met_label: str = "✗"


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


@attrs.frozen(kw_only=True)
class TrajectoryChart:
    """One indicator × unit month by month: each month's own figure, the cumulative
    figure, the target and the plain projection to the deadline (None: no value).

    ``months`` label the axis up to the deadline; ``legend`` names the four series in
    that order; ``columns`` and ``rows`` are the same numbers as text, the table that
    Markdown and DOCX print instead of the picture; ``note`` the status and assumption.
    """

    title: str
    months: tuple[str, ...]
    monthly: tuple[float | None, ...]
    cumulative: tuple[float | None, ...]
    projection: tuple[float | None, ...]
    target: float | None
    percent: bool
    legend: tuple[str, str, str, str]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@attrs.frozen(kw_only=True)
class Masthead:
    """The header of an administrative document (Decree 30/2020/NĐ-CP, appendix I).

    Left: the parent body, the issuing body, the number and symbol; right: the national
    title, the motto, the place and date.
    """

    parent_body: str
    issuing_body: str
    number: str
    nation: str
    motto: str
    place_date: str


@attrs.frozen(kw_only=True)
class DocumentTitle:
    """The document type ("BÁO CÁO"), its summary line and the addressees ("Kính gửi")."""

    kind: str
    summary: str
    to_label: str
    to: tuple[str, ...]


@attrs.frozen
class Placeholder:
    """A marked place for the office's own text, shown so that no one sends it unfilled."""

    text: str


@attrs.frozen(kw_only=True)
class Signature:
    """The signature block (right) and the distribution list "Nơi nhận" (left)."""

    copies_label: str
    copies: tuple[str, ...]
    title: tuple[str, ...]
    name: str


Block = (
    Heading
    | Paragraph
    | Table
    | BarChart
    | Timeline
    | TrajectoryChart
    | Masthead
    | DocumentTitle
    | Placeholder
    | Signature
)
