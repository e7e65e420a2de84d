"""The progress report: a plan, a date and optional counts made into a document.

``build`` assembles the sections (`build_report`); ``data`` makes the indicator and annex
sections from observations (`indicator_section`, `annex_section`); ``progress`` the
ledger's progress section (`progress_section`); ``official`` holds the administrative
parts (`Letterhead`, `Narrative`, `read_settings`); ``blocks`` is the document model every
section is made of; ``document`` renders it to Markdown and HTML, ``docx`` to Word; ``svg``
draws the charts. A library user reproduces ``de-an06 report --observations`` with these
public names alone (see `build_report`), or in one call with `official_report`.
"""

from .assemble import agency_plan, official_report
from .blocks import (
    Bar,
    BarChart,
    Block,
    DocumentTitle,
    Heading,
    Masthead,
    Milestone,
    Paragraph,
    Placeholder,
    Signature,
    Table,
    Timeline,
)
from .build import Labels, Language, Report, build_report
from .data import annex_section, indicator_section
from .official import Letterhead, Narrative, ReportSettingsError, letterhead_for, read_settings
from .progress import completed_from, progress_section

__all__ = [
    "Bar",
    "BarChart",
    "Block",
    "DocumentTitle",
    "Heading",
    "Labels",
    "Language",
    "Letterhead",
    "Masthead",
    "Milestone",
    "Narrative",
    "Paragraph",
    "Placeholder",
    "Report",
    "ReportSettingsError",
    "Signature",
    "Table",
    "Timeline",
    "agency_plan",
    "annex_section",
    "build_report",
    "completed_from",
    "indicator_section",
    "letterhead_for",
    "official_report",
    "progress_section",
    "read_settings",
]
