"""The progress report: a plan, a date and optional counts made into a document.

``build`` assembles the sections (`build_report`); ``data`` makes the indicator and annex
sections from observations (`indicator_section`, `annex_section`); ``progress`` the
ledger's progress section (`progress_section`); ``blocks`` is the
document model every section is made of; ``document`` renders it to Markdown and HTML;
``svg`` draws the charts. A library user reproduces ``de-an06 report --observations``
with these public names alone (see `build_report`).
"""

from .blocks import Bar, BarChart, Block, Heading, Milestone, Paragraph, Table, Timeline
from .build import Labels, Language, Report, build_report
from .data import annex_section, indicator_section
from .progress import completed_from, progress_section

__all__ = [
    "Bar",
    "BarChart",
    "Block",
    "Heading",
    "Labels",
    "Language",
    "Milestone",
    "Paragraph",
    "Report",
    "Table",
    "Timeline",
    "annex_section",
    "build_report",
    "completed_from",
    "indicator_section",
    "progress_section",
]
