"""The progress report: a plan, a date and optional counts made into a document.

``build`` assembles the sections (`build_report`); ``data`` makes the indicator and annex
sections from observations; ``document`` is the document model with its Markdown and
HTML renderers; ``svg`` draws the charts. Only the command line imports this package.
"""

from .build import Language, Report, SectionHook, build_report
from .data import annex_section, indicator_section

__all__ = [
    "Language",
    "Report",
    "SectionHook",
    "annex_section",
    "build_report",
    "indicator_section",
]
