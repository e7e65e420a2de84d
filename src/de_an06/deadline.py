"""Deadlines as plans write them: a union of small variants, each keeping its wording.

A plan writes deadlines in words: "Thường xuyên", "Trong Quý I/2024", "Theo chỉ đạo của
Trung ương", "trước dịp Tết Nguyên đán Giáp thìn 2024". Each wording becomes one variant of
`Deadline`; every variant keeps the verbatim ``text``, so nothing the plan said is lost::

    match task.deadline:
        case WithinPeriod(year=y, unit=PeriodUnit.QUARTER, number=q): ...
        case Unparsed(text=t): ...   # reported, never dropped

Each variant answers `due_date()` — the last calendar day by which the dated part must be
done, or None when no date can be known — and `ongoing` — whether the work also goes on
regularly. Working-day shifting is a separate, explicit calendar policy.
"""

from __future__ import annotations

import datetime as dt
import enum
from datetime import date
from typing import ClassVar, final

import attrs

from ._dates import ONE_DAY, check_day, period_bounds

__all__ = [
    "AsDirected",
    "Compound",
    "Deadline",
    "OnDate",
    "Ongoing",
    "PeriodUnit",
    "Relation",
    "RelativeToEvent",
    "Unparsed",
    "WithinPeriod",
]


class PeriodUnit(enum.Enum):
    """A calendar period a deadline can name: a year, a half, a quarter or a month."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"


class Relation(enum.Enum):
    """How a deadline relates to an event.

    ``BEFORE``: done before the event day (last day: the day before).
    ``BY``: done by the event day, that day included.
    ``AFTER``: starts after the event; no due date follows from it.
    """

    BEFORE = "before"
    BY = "by"
    AFTER = "after"


@final
@attrs.frozen(kw_only=True)
class Ongoing:
    """Regular, continuing work: "Thường xuyên", "Thực hiện thường xuyên"."""

    KIND: ClassVar[str] = "ongoing"
    text: str

    @property
    def ongoing(self) -> bool:
        """Always True."""
        return True

    def due_date(self) -> date | None:
        """Always None: ongoing work has no last day."""
        return None


@final
@attrs.frozen(kw_only=True)
class OnDate:
    """A calendar date: "ngày 15/3/2025", "trước ngày 30/6/2024".

    Attributes:
        text: the wording.
        date: the date named.
        before: True for "trước ngày X" (before X).
        inclusive: with ``before``, read "trước ngày X" as "by X" (X included). The
            default reading is strict: the last day is X−1.
    """

    KIND: ClassVar[str] = "on_date"
    text: str
    date: dt.date
    before: bool = False
    inclusive: bool = False

    def __attrs_post_init__(self) -> None:
        check_day(self.date, "a deadline's date")

    @property
    def ongoing(self) -> bool:
        """Always False."""
        return False

    def due_date(self) -> dt.date | None:
        """The date named, or the day before it for a strict "trước ngày X"."""
        if self.before and not self.inclusive:
            return self.date - ONE_DAY
        return self.date


@final
@attrs.frozen(kw_only=True)
class WithinPeriod:
    """Within, or by the end of, a calendar period: "Trong Quý I/2024", "Tháng 12/2024".

    Attributes:
        text: the wording.
        year: the year.
        unit: year, half, quarter or month.
        number: which half (1–2), quarter (1–4) or month (1–12); 1 for a year.
    """

    KIND: ClassVar[str] = "within_period"
    text: str
    year: int
    unit: PeriodUnit
    number: int = 1

    def __attrs_post_init__(self) -> None:
        # Fail at construction rather than at due_date(): "Quý V" is not a period.
        period_bounds(self.year, self.unit.value, self.number)

    @property
    def ongoing(self) -> bool:
        """Always False."""
        return False

    def start_date(self) -> date:
        """The first day of the period."""
        return period_bounds(self.year, self.unit.value, self.number)[0]

    def due_date(self) -> date | None:
        """The last day of the period: Quý I/2024 → 31/03/2024."""
        return period_bounds(self.year, self.unit.value, self.number)[1]


@final
@attrs.frozen(kw_only=True)
class RelativeToEvent:
    """Tied to an event: "trước dịp Tết Nguyên đán Giáp thìn 2024".

    Attributes:
        text: the wording.
        event: the event as the plan names it ("Tết Nguyên đán Giáp Thìn 2024").
        relation: before, by or after the event.
        event_date: the event's day when known (Tết Giáp Thìn: 10/02/2024), else None.
    """

    KIND: ClassVar[str] = "event"
    text: str
    event: str
    relation: Relation
    event_date: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.event_date is not None:
            check_day(self.event_date, "an event's date")

    @property
    def ongoing(self) -> bool:
        """Always False."""
        return False

    def due_date(self) -> date | None:
        """The day before the event (``BEFORE``), the event day (``BY``), else None."""
        if self.event_date is None or self.relation is Relation.AFTER:
            return None
        if self.relation is Relation.BEFORE:
            return self.event_date - ONE_DAY
        return self.event_date


@final
@attrs.frozen(kw_only=True)
class AsDirected:
    """Set by another body or roadmap: "Theo chỉ đạo của Trung ương", "Theo lộ trình …".

    Attributes:
        text: the wording.
        by: who or what sets the timing, as written ("Trung ương", "Bộ Công an").
    """

    KIND: ClassVar[str] = "as_directed"
    text: str
    by: str = ""

    @property
    def ongoing(self) -> bool:
        """Always False."""
        return False

    def due_date(self) -> date | None:
        """Always None: the date is someone else's to set."""
        return None


@final
@attrs.frozen(kw_only=True)
class Unparsed:
    """Wording no rule understood; the text is kept and reported, never dropped."""

    KIND: ClassVar[str] = "unparsed"
    text: str

    @property
    def ongoing(self) -> bool:
        """Always False."""
        return False

    def due_date(self) -> date | None:
        """Always None."""
        return None


@final
@attrs.frozen(kw_only=True)
class Compound:
    """Several deadlines in one: "Quý I, Quý II/2024"; "… (quý I/2024) … trước 30/6/2024".

    ``due_date()`` is the latest dated part; ``ongoing`` is True if any part is ongoing;
    every part stays queryable in ``parts``.
    """

    KIND: ClassVar[str] = "compound"
    text: str
    parts: tuple[Deadline, ...]

    @property
    def ongoing(self) -> bool:
        """True if any part is ongoing."""
        return any(part.ongoing for part in self.parts)

    def due_date(self) -> date | None:
        """The latest due date among the parts, None if no part is dated."""
        dues = [d for part in self.parts if (d := part.due_date()) is not None]
        return max(dues, default=None)


Deadline = Ongoing | OnDate | WithinPeriod | RelativeToEvent | AsDirected | Compound | Unparsed
"""Any deadline variant."""

DEADLINE_KINDS: tuple[type[Deadline], ...] = (
    Ongoing,
    OnDate,
    WithinPeriod,
    RelativeToEvent,
    AsDirected,
    Compound,
    Unparsed,
)

attrs.resolve_types(Compound, globals(), locals())
