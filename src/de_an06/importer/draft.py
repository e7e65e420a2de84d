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
        """The plan year: from the plan's title, else from the decision's date."""
        match = _YEAR.search(self.title) or _YEAR.search(self.decision_title)
        if match and FIRST_DAY.year <= int(match[1]) <= LAST_DAY.year:
            return int(match[1])
        return self.date.year if self.date is not None else None
