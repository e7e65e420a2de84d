"""The plan being read: fields filled as the text is parsed, and where each line went.

Private to the importer. `Draft` is mutable while the section parsers run; the importer
turns it into a frozen `Plan` at the end. Appending to a list field also records the
placement of the lines it came from (``$.legal_bases[2]``), so a reviewer can ask where
any input line went.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from .._dates import FIRST_DAY, LAST_DAY
from ..indicator import Objective
from ..plan import PilotModels, Plan
from ..reporting import ReportingRegime
from ..services import Annex
from ..task import TaskGroup
from .lines import Line, Sink
from .roles import AgencyBook

__all__ = ["Draft"]

_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
# Years in a title that are not the plan's: the Đề án's horizon ("tầm nhìn đến năm 2030"),
# its period ("giai đoạn 2022 - 2025") and the dates of the documents it cites.
_NOT_THE_PLANS = re.compile(
    r"tầm\s+nhìn\s+(?:đến\s+|tới\s+)?(?:năm\s+)?\d{4}"
    r"|giai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?\d{4}\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?\d{4}"
    r"|ngày\s+\d{1,2}\s*(?:tháng\s+\d{1,2}\s+năm\s+|[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}"
    r"|\d+/\d{4}/[\w-]+",
    re.IGNORECASE,
)


@attrs.define
class Draft:
    """Everything read so far. List fields are filled through `add`."""

    sink: Sink
    book: AgencyBook
    body: str = ""
    number: str = ""
    date: dt.date | None = None
    place: str = ""
    issuer: str = ""
    signer: str = ""
    signer_title: str = ""
    decision_title: str = ""
    proposal: str = ""
    effective: dt.date | None = None
    effective_text: str = ""
    title: str = ""
    legal_bases: list[str] = attrs.field(factory=list)
    purposes: list[str] = attrs.field(factory=list)
    objectives: list[Objective] = attrs.field(factory=list)
    task_groups: list[TaskGroup] = attrs.field(factory=list)
    reporting: ReportingRegime | None = None
    annex: Annex | None = None
    pilot_models: PilotModels | None = None
    closing: list[str] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)
    has_decision: bool = False
    directory: Plan | None = None
    given_year: int | None = None  # `import_text(year=…)`: wins over the text
    problems: list[str] = attrs.field(factory=list)  # why this is no plan to use (bilingual)

    def add(self, field: str, text: str, lines: Sequence[Line]) -> None:
        """Append *text* to the list field *field* and place *lines* there."""
        values: list[str] = getattr(self, field)
        self.sink.place(lines, f"$.{field}[{len(values)}]")
        values.append(text)

    def add_note(self, text: str, lines: Sequence[Line]) -> None:
        """Append a note (a part of the text with no field of its own, kept verbatim)."""
        self.add("notes", text, lines)

    @property
    def year(self) -> int | None:
        """The plan year: given, else the plan's title's own, else the decision's date's."""
        return self.year_and_source[0]

    @property
    def year_and_source(self) -> tuple[int | None, str]:
        """The plan year and where it came from: ``given``, ``title`` (one year named),
        ``titles`` (several: the last taken), ``date`` or ``""`` (none)."""
        if self.given_year is not None:
            return self.given_year, "given"
        for title in (self.title, self.decision_title):
            years = title_years(title)
            if years:
                return years[-1], "title" if len(set(years)) == 1 else "titles"
        return (self.date.year, "date") if self.date is not None else (None, "")


def title_years(title: str) -> list[int]:
    """The years a title names as its own, in order: not a horizon, period or citation.

    >>> title_years("Kế hoạch thực hiện Đề án 06 giai đoạn 2022 - 2025, tầm nhìn đến "
    ...             "năm 2030 trên địa bàn tỉnh năm 2024")
    [2024]
    """
    own = _NOT_THE_PLANS.sub(" ", title)
    return [int(m[1]) for m in _YEAR.finditer(own) if FIRST_DAY.year <= int(m[1]) <= LAST_DAY.year]
