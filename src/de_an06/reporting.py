"""The reporting regime of a plan and the reporting periods it creates.

Decree 09/2019/NĐ-CP art. 12 fixes each periodic report's data cut-off window (monthly:
from the 15th of the previous month to the 14th); the plan fixes the submission deadline
("hàng tháng trước ngày 15"). The two are stored apart: a `ReportingPeriod` has both.

Period IDs are DHIS2-style and name the month, quarter, half or year the cut-off window
ends in: ``202401`` is 15/12/2023–14/01/2024, ``2024Q1`` 15/12/2023–14/03/2024,
``2024S1`` 15/12/2023–14/06/2024, ``2024S2`` 15/06–14/12/2024, ``2024`` 15/12/2023–14/12/2024.
They are DHIS2's period IDs for monthly (``YYYYMM``), quarterly (``YYYYQn``), six-monthly
(``YYYYSn``) and yearly (``YYYY``) data, naming the month the window *ends* in; the
periods of one frequency tile the "reporting year" from 15/12 of the previous year to
14/12.

A `ReportingRegime` turns its rules into a calendar: `ReportingRegime.periods` (a year's
periods with their due dates), `ReportingRegime.period_containing` and
`ReportingRegime.next_due`. What a period leaves its reporters is counted in working
days, so it lives with the calendar: `de_an06.workdays.working_days_after_cutoff` and
`de_an06.workdays.is_too_tight` (NĐ 09 art. 8(5)(b) asks for at least one working day,
which Sơn La's 2024 rules do not give).
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, final

import attrs

from ._dates import FIRST_DAY, LAST_DAY, add_months, check_day, check_year, month_end
from .errors import ModelValueError, PeriodIdError

__all__ = [
    "Frequency",
    "ReportingPeriod",
    "ReportingRegime",
    "ReportingRule",
]

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

_ID = re.compile(r"(?P<year>[0-9]{4})(?:(?P<month>[0-9]{2})|Q(?P<q>[1-4])|S(?P<s>[12]))?\Z")

PERIODIC = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.SIX_MONTHLY, Frequency.YEARLY)
"""The frequencies with NĐ 09 cut-off windows, in order."""


def _period_id(year: int, last_month: int, frequency: Frequency) -> str:
    """The DHIS2-style ID of the period of *frequency* whose window ends in that month."""
    match frequency:
        case Frequency.MONTHLY:
            return f"{year}{last_month:02d}"
        case Frequency.QUARTERLY:
            return f"{year}Q{last_month // 3}"
        case Frequency.SIX_MONTHLY:
            return f"{year}S{last_month // 6}"
        case _:
            return str(year)


def _months_of(frequency: Frequency) -> int:
    if frequency not in _MONTHS:
        msg = f"{frequency.value} reports have no NĐ 09 cut-off window"
        raise ModelValueError(msg)
    return _MONTHS[frequency]


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
        if not FIRST_DAY.year <= year <= LAST_DAY.year + 1:  # 300001 holds 2999-12-20
            raise PeriodIdError(text)
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
        return cls._window(year, last_month, frequency)

    @classmethod
    def _window(
        cls, year: int, last_month: int, frequency: Frequency, due: date | None = None
    ) -> ReportingPeriod:
        start_year, start_month = add_months(year, last_month, -_months_of(frequency))
        return cls(
            id=_period_id(year, last_month, frequency),
            frequency=frequency,
            start=date(start_year, start_month, CUTOFF_DAY + 1),
            end=date(year, last_month, CUTOFF_DAY),
            due=due,
        )

    @classmethod
    def in_year(cls, year: int, frequency: Frequency) -> tuple[ReportingPeriod, ...]:
        """The periods of *frequency* named by *year*, in order, without due dates.

        They tile 15/12 of the year before to 14/12 with no gap or overlap.

        >>> [p.id for p in ReportingPeriod.in_year(2024, Frequency.SIX_MONTHLY)]
        ['2024S1', '2024S2']
        """
        return _windows(year, frequency)

    @classmethod
    def containing(cls, day: date, frequency: Frequency) -> ReportingPeriod:
        """The period of *frequency* whose cut-off window holds *day*.

        >>> ReportingPeriod.containing(date(2024, 6, 30), Frequency.MONTHLY).id
        '202407'
        """
        check_day(day)
        size = _months_of(frequency)
        # From the 15th on, a day belongs to the window ending in the next month.
        year, month = (
            (day.year, day.month) if day.day <= CUTOFF_DAY else add_months(day.year, day.month, 1)
        )
        return cls._window(year, -(-month // size) * size, frequency)

    def following(self) -> ReportingPeriod:
        """The next period of the same frequency (its window starts the day after)."""
        return ReportingPeriod.containing(self.end + timedelta(days=1), self.frequency)

    def preceding(self) -> ReportingPeriod:
        """The previous period of the same frequency (its window ends the day before).

        >>> ReportingPeriod.from_id("202401").preceding().id
        '202312'
        """
        return ReportingPeriod.containing(self.start - timedelta(days=1), self.frequency)

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """The period as people read it: "tháng 6/2024", "quý II/2024", "năm 2024".

        >>> ReportingPeriod.from_id("2024S1").label(), ReportingPeriod.from_id("2024Q2").label()
        ('6 tháng đầu năm 2024', 'quý II/2024')
        >>> ReportingPeriod.from_id("202406").label("en")
        'June 2024'
        """
        year, month = self.end.year, self.end.month
        vi = lang == "vi"
        match self.frequency:
            case Frequency.MONTHLY:
                return f"tháng {month}/{year}" if vi else f"{_MONTH_NAMES[month - 1]} {year}"
            case Frequency.QUARTERLY:
                quarter = ("I", "II", "III", "IV")[(month - 1) // 3]
                return f"quý {quarter}/{year}" if vi else f"Q{quarter}/{year}"
            case Frequency.SIX_MONTHLY:
                first = month <= 6
                if vi:
                    return f"6 tháng {'đầu' if first else 'cuối'} năm {year}"
                return f"{'first' if first else 'second'} half of {year}"
            case Frequency.YEARLY:
                return f"năm {year}" if vi else f"year {year}"
        return self.id

    def contains(self, day: date) -> bool:
        """Whether *day* is inside the cut-off window."""
        return self.start <= day <= self.end


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


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

    def covers(self, period: ReportingPeriod) -> bool:
        """Whether the rule sets *period*'s deadline (same frequency; month named or all).

        ``months`` lists the months whose windows end there and the rule names: Sơn La's
        six-monthly rule "06 tháng trước ngày 14/6" has ``months=(6,)`` and so covers the
        first half (``2024S1``) only; the plan names no date for the second half, which
        the yearly report (14/12) closes.
        """
        return period.frequency is self.frequency and (
            not self.months or period.end.month in self.months
        )

    def due_for(self, period: ReportingPeriod, *, inclusive: bool = False) -> date:
        """The last day to report *period*: the rule's day in the month the window ends.

        A day past the month's end means its last day (as Civil Code art. 148(3) does).
        "trước ngày X" ends on X−1 unless *inclusive*.

        >>> rule = ReportingRule(frequency=Frequency.MONTHLY, text="trước ngày 15", day=15)
        >>> rule.due_for(ReportingPeriod.from_id("202401"))
        datetime.date(2024, 1, 14)
        """
        return self._due(period.end.year, period.end.month, inclusive)

    def _due(self, year: int, month: int, inclusive: bool) -> date:
        if self.day < 1:
            msg = f"reporting rule {self.text!r}: day must be 1..31, got {self.day}"
            raise ModelValueError(msg)
        last = month_end(year, month)
        named = last.replace(day=min(self.day, last.day))
        if self.before and not inclusive:
            return named - timedelta(days=1)
        return named


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

    def rule_for(self, period: ReportingPeriod) -> ReportingRule | None:
        """The first rule that covers *period*, or None."""
        return next((rule for rule in self.rules if rule.covers(period)), None)

    def with_due(self, period: ReportingPeriod, *, inclusive: bool = False) -> ReportingPeriod:
        """*period* with ``due`` set from the rule that covers it (None if no rule does)."""
        rule = self.rule_for(period)
        due = None if rule is None else rule.due_for(period, inclusive=inclusive)
        return attrs.evolve(period, due=due)

    def frequencies(self) -> tuple[Frequency, ...]:
        """The periodic frequencies the rules name, in `PERIODIC` order."""
        named = {rule.frequency for rule in self.rules}
        return tuple(f for f in PERIODIC if f in named)

    def periods(
        self,
        year: int,
        frequencies: tuple[Frequency, ...] | None = None,
        *,
        inclusive: bool = False,
    ) -> tuple[ReportingPeriod, ...]:
        """Every period of *year* per frequency, with its window and the plan's ``due``.

        *frequencies* defaults to those the rules name. A period no rule covers (Sơn La's
        ``2024S2``) is listed with ``due=None``.
        """
        chosen = self.frequencies() if frequencies is None else tuple(frequencies)
        return _regime_periods(self.rules, year, chosen, inclusive)

    def period_containing(
        self, day: date, frequency: Frequency, *, inclusive: bool = False
    ) -> ReportingPeriod:
        """The period of *frequency* whose window holds *day*, with its ``due``."""
        return self.with_due(ReportingPeriod.containing(day, frequency), inclusive=inclusive)

    def next_due(self, after: date, *, inclusive: bool = False) -> ReportingPeriod | None:
        """The period due next strictly after *after*, of any frequency; None without rules.

        Ties go to the more frequent report. Closed-form: at most a year of periods is
        looked at per rule, whatever *after* is.
        """
        check_day(after)
        # Periods are counted as the month their window ends in (year * 12 + month - 1);
        # objects are built for the answer only.
        best: tuple[tuple[date, int], int, ReportingRule] | None = None
        # From the 15th on, a day is in the window ending the next month.
        first = after.year * 12 + after.month - (after.day <= CUTOFF_DAY)
        for index, rule in enumerate(self.rules):
            size = _MONTHS.get(rule.frequency)
            if size is None:
                continue
            # The first rule covering a period sets its due date (as in `periods`).
            earlier = [r for r in self.rules[:index] if r.frequency is rule.frequency]
            # The window holding *after* ends in the first multiple of size from *first*;
            # a due lies in the month its window ends, so start one period before that.
            count = first + (-(first + 1) % size) - size
            for _ in range(12 // size + 2):
                year, month = divmod(count, 12)
                month += 1
                if _names(rule, month) and not any(_names(r, month) for r in earlier):
                    due = rule._due(year, month, inclusive)
                    if due > after:
                        key = (due, PERIODIC.index(rule.frequency))
                        if best is None or key < best[0]:
                            best = (key, count, rule)
                        break
                count += size
        if best is None:
            return None
        (due, _), count, rule = best
        return ReportingPeriod._window(count // 12, count % 12 + 1, rule.frequency, due)


def _names(rule: ReportingRule, month: int) -> bool:
    """Whether *rule* covers the period of its frequency whose window ends in *month*."""
    return not rule.months or month in rule.months


# Periods and schedules are immutable, so they are shared: a thousand agencies ask for
# the same dozen schedules (perf anchors §3: a memo per distinct rule is ~75× faster).
@lru_cache(maxsize=4096)
def _windows(year: int, frequency: Frequency) -> tuple[ReportingPeriod, ...]:
    check_year(year, "a reporting year")
    size = _months_of(frequency)
    return tuple(ReportingPeriod._window(year, month, frequency) for month in range(size, 13, size))


@lru_cache(maxsize=1024)
def _regime_periods(
    rules: tuple[ReportingRule, ...],
    year: int,
    frequencies: tuple[Frequency, ...],
    inclusive: bool,
) -> tuple[ReportingPeriod, ...]:
    out = []
    for frequency in frequencies:
        for window in _windows(year, frequency):
            rule = next((r for r in rules if r.covers(window)), None)
            if rule is None:
                out.append(window)
                continue
            due = rule._due(window.end.year, window.end.month, inclusive)
            out.append(
                ReportingPeriod(
                    id=window.id, frequency=frequency, start=window.start, end=window.end, due=due
                )
            )
    return tuple(out)
