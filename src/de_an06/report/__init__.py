"""The progress report: a plan, a date and optional counts made into a document.

``build`` assembles the sections (`build_report`); ``data`` makes the indicator and annex
sections from observations (`indicator_section`, `annex_section`); ``progress`` the
ledger's progress section (`progress_section`); ``official`` holds the administrative
parts (`Letterhead`, `Narrative`, `read_settings`); ``blocks`` is the document model every
section is made of; ``document`` renders it to Markdown and HTML, ``docx`` to Word; ``svg``
draws the charts. A library user reproduces ``de-an06 report --observations`` with these
public names alone (see `build_report`), or in one call with `official_report`.
"""

from typing import TYPE_CHECKING

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
from .official import Letterhead, Narrative, ReportSettingsError, letterhead_for, read_settings

if TYPE_CHECKING:
    from .data import annex_section as annex_section, indicator_section as indicator_section
    from .progress import completed_from as completed_from, progress_section as progress_section

# The sections made from counts and from a ledger are imported on first use: they pull in
# the roll-up (numpy) and the ledger queries, which a report without them never needs.
_LAZY = {
    "annex_section": ".data",
    "indicator_section": ".data",
    "completed_from": ".progress",
    "progress_section": ".progress",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module, __name__), name)


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
