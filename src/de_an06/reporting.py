"""The reporting regime of a plan and the reporting periods it creates.

Decree 09/2019/NĐ-CP art. 12 fixes each periodic report's data cut-off window (monthly:
from the 15th of the previous month to the 14th); the plan fixes the submission deadline
("hàng tháng trước ngày 15"). The two are stored apart: a `ReportingPeriod` has both.

Period IDs are DHIS2-style and name the month, quarter, half or year the cut-off window
ends in: ``202401`` is 15/12/2023–14/01/2024, ``2024Q1`` 15/12/2023–14/03/2024,
``2024S1`` 15/12/2023–14/06/2024, ``2024S2`` 15/06–14/12/2024, ``2024`` 15/12/2023–14/12/2024.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import final

import attrs

from ._dates import add_months
from .errors import PeriodIdError

__all__ = ["Frequency", "ReportingPeriod", "ReportingRegime", "ReportingRule"]

# NĐ 09/2019 art. 12: every window runs from the 15th to the 14th.
CUTOFF_DAY = 14


class Frequency(enum.Enum):
    """How often a report recurs (NĐ 09 art. 4: periodic, or ad hoc "đột xuất")."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTHLY = "six_monthly"
    YEARLY = "yearly"
    AD_HOC = "ad_hoc"


# Months in one period of each periodic frequency.
_MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.SIX_MONTHLY: 6,
    Frequency.YEARLY: 12,
}

_ID = re.compile(r"^(?P<year>\d{4})(?:(?P<month>\d{2})|Q(?P<q>[1-4])|S(?P<s>[12]))?$")


@final
@attrs.frozen(kw_only=True)
class ReportingPeriod:
    """One reporting period: its ID, the NĐ 09 data cut-off window, and the due date.

    Attributes:
        id: ``202401``, ``2024Q1``, ``2024S1``, ``2024`` (free text for ad hoc reports).
        frequency: the period's frequency.
        start: first day of the data cut-off window.
        end: last day of the data cut-off window.
        due: the submission deadline set by the plan, when one applies.
    """

    id: str
    frequency: Frequency
    start: date
    end: date
    due: date | None = None

    @classmethod
    def from_id(cls, text: str) -> ReportingPeriod:
        """The period an ID names, with its NĐ 09 cut-off window and no due date.

        Inverse of `ReportingPeriod.id` for periodic frequencies.

        >>> ReportingPeriod.from_id("2024S1").start
        datetime.date(2023, 12, 15)
        """
        match = _ID.match(text)
        if match is None:
            raise PeriodIdError(text)
        year = int(match["year"])
        if match["month"] is not None:
            frequency, last_month = Frequency.MONTHLY, int(match["month"])
            if not 1 <= last_month <= 12:
                raise PeriodIdError(text)
        elif match["q"] is not None:
            frequency, last_month = Frequency.QUARTERLY, 3 * int(match["q"])
        elif match["s"] is not None:
            frequency, last_month = Frequency.SIX_MONTHLY, 6 * int(match["s"])
        else:
            frequency, last_month = Frequency.YEARLY, 12
        start_year, start_month = add_months(year, last_month, -_MONTHS[frequency])
        return cls(
            id=text,
            frequency=frequency,
            start=date(start_year, start_month, CUTOFF_DAY + 1),
            end=date(year, last_month, CUTOFF_DAY),
        )

    def contains(self, day: date) -> bool:
        """Whether *day* is inside the cut-off window."""
        return self.start <= day <= self.end


@final
@attrs.frozen(kw_only=True)
class ReportingRule:
    """When reports of one frequency are due, as the plan sets it.

    "hàng tháng trước ngày 15" is ``ReportingRule(frequency=MONTHLY, day=15)``: due before
    the 15th of the month the cut-off window ends in. "06 tháng trước ngày 14/6" is
    ``ReportingRule(frequency=SIX_MONTHLY, day=14, months=(6,))``: it names June only.

    Attributes:
        frequency: the reports it governs.
        text: the plan's wording, verbatim.
        day: day of the month the deadline names.
        months: months whose periods the rule covers; empty means every period.
        before: "trước ngày" (before the day) rather than "ngày" (on the day).
    """

    frequency: Frequency
    text: str
    day: int
    months: tuple[int, ...] = ()
    before: bool = True


@final
@attrs.frozen(kw_only=True)
class ReportingRegime:
    """The plan's reporting regime (Sơn La 2024: Article 2 of Decision 161/QĐ-UBND).

    Attributes:
        text: the article's wording, verbatim.
        rules: periodic rules.
        ad_hoc: whether reports are also due on request ("đột xuất theo yêu cầu").
        recipient: key of the body reports go to (Công an tỉnh).
        forward_to: keys of the bodies the recipient reports on to.
    """

    text: str
    rules: tuple[ReportingRule, ...] = ()
    ad_hoc: bool = False
    recipient: str | None = None
    forward_to: tuple[str, ...] = ()
