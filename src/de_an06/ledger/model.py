"""What the ledger holds: task statuses, task events, submissions and observation rows.

Plain records, no database: the store (`de_an06.ledger.store`) reads and writes them.

    >>> TaskStatus.parse("hoàn thành")
    <TaskStatus.DONE: 'done'>
    >>> TaskStatus.BLOCKED.label("vi"), TaskStatus.BLOCKED.label("en")
    ('vướng mắc', 'blocked')
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import final

import attrs

from .._text import nfc
from ..errors import ModelValueError

__all__ = [
    "Connected",
    "LedgerError",
    "ObservationRow",
    "Submission",
    "TaskEvent",
    "TaskStatus",
]


class LedgerError(ModelValueError):
    """A ledger value that cannot be recorded, or a ledger that cannot be opened."""


_VI = {
    "not_started": "chưa triển khai",
    "in_progress": "đang thực hiện",
    "done": "hoàn thành",
    "blocked": "vướng mắc",
    "cancelled": "không thực hiện",
    "carried_over": "chuyển kỳ sau",
}


class TaskStatus(enum.Enum):
    """A task's status as an agency reports it (decisions, wave 2).

    "Done late" is never entered: it is derived from the done day and the due day.
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"
    CARRIED_OVER = "carried_over"

    def label(self, lang: str = "vi") -> str:
        """The Vietnamese label ("hoàn thành"), or the English one with ``lang="en"``."""
        return _VI[self.value] if lang == "vi" else self.value.replace("_", " ")

    @classmethod
    def parse(cls, text: str) -> TaskStatus:
        """The status a value ("done") or a Vietnamese label ("hoàn thành") names.

        Raises `LedgerError` listing the accepted values.
        """
        wanted = nfc(text).strip().casefold().replace("-", "_").replace(" ", "_")
        for status in cls:
            if wanted in (status.value, _VI[status.value].replace(" ", "_")):
                return status
        known = ", ".join(f"{s.value} ({_VI[s.value]})" for s in cls)
        msg = f"unknown status {text!r}; expected one of: {known}"
        raise LedgerError(msg)


@final
@attrs.frozen(kw_only=True)
class TaskEvent:
    """One report of a task's status by one agency, as recorded (never changed).

    Attributes:
        id: the ledger's id (0 before it is stored).
        task: the task's code ("6.1").
        agency: the reporting agency's key ("so-tttt").
        status: the status reported.
        on: the day the status holds.
        percent: share done, 0–100, when reported.
        note: free text.
        evidence: the document that shows it ("123/STTTT-CĐS ngày 20/6/2024").
        recorded_at: when it was recorded, UTC.
        recorded_by: who typed it in (free text).
        source: where it came from ("cli", "file.csv:12", "api").
        supersedes: id of the event this one corrects, if any.
    """

    id: int = 0
    task: str
    agency: str
    status: TaskStatus
    on: date
    percent: int | None = None
    note: str = ""
    evidence: str = ""
    recorded_at: datetime
    recorded_by: str = ""
    source: str = "api"
    supersedes: int | None = None


@final
@attrs.frozen(kw_only=True)
class Submission:
    """One agency's report for one period, submitted on a day (never changed).

    Attributes:
        id: the ledger's id (0 before it is stored).
        agency: the agency's or unit's key.
        period: the period id ("202407", "2024S1").
        submitted_on: the day the report arrived.
        recorded_at: when it was recorded, UTC.
        recorded_by: who typed it in.
        source: where it came from.
        supersedes: id of the submission this one corrects, if any.
    """

    id: int = 0
    agency: str
    period: str
    submitted_on: date
    recorded_at: datetime
    recorded_by: str = ""
    source: str = "api"
    supersedes: int | None = None


class Connected(enum.Enum):
    """Whether an annex service is connected to the national portal, as a unit reported it.

    >>> Connected.of(True), Connected.of(None)
    (<Connected.YES: 'yes'>, <Connected.UNKNOWN: 'unknown'>)
    """

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, flag: bool | None) -> Connected:
        """Yes, no, or unknown for None (a blank cell)."""
        return cls.UNKNOWN if flag is None else cls.YES if flag else cls.NO

    @property
    def flag(self) -> int:
        """1, 0 or -1: the connection flag of `Observations` (-1 not given)."""
        return {"yes": 1, "no": 0, "unknown": -1}[self.value]


@final
@attrs.frozen(kw_only=True)
class ObservationRow:
    """One count that came with a submission (indicator, unit, period, numerator/denominator).

    An annex service count names its ``service`` (the annex row's key, ``"1.2"``) and
    whether the unit is ``connected``; both stay None for an indicator count.
    """

    submission: int
    indicator: str
    unit: str
    period: str
    numerator: int
    denominator: int | None = None
    service: str | None = None
    connected: Connected | None = None


def check_percent(percent: int | None) -> int | None:
    """*percent* if it is None or 0–100, else `LedgerError`."""
    if percent is not None and not 0 <= percent <= 100:
        msg = f"percent must be 0..100, got {percent}"
        raise LedgerError(msg)
    return percent
