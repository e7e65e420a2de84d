"""Closed-form calendar arithmetic on plain `datetime.date` (no dateutil needed here)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .errors import DateRangeError, ModelValueError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_DAYS",
    "add_days",
    "add_months",
    "check_day",
    "check_year",
    "month_end",
    "parse_day",
    "period_bounds",
]

ONE_DAY = timedelta(days=1)

# Months per unit of a plan's period wording: a year, a half ("6 tháng"), a quarter, a month.
UNIT_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}

FIRST_DAY = date(1900, 1, 1)
"""The first day de_an06 computes with: plan years, deadlines and query days start here."""
LAST_DAY = date(2999, 12, 31)
"""The last day de_an06 computes with. Windows, due dates and horizons around a day in
FIRST_DAY..LAST_DAY stay far inside `datetime.date` (years 1..9999), so nothing overflows."""
MAX_DAYS = (LAST_DAY - FIRST_DAY).days
"""The longest span of days a query takes (``--within``, ``--soon``)."""


def check_year(year: int, what: str = "year") -> int:
    """*year* if it is within FIRST_DAY..LAST_DAY, else `DateRangeError` naming *what*.

    >>> check_year(2024)
    2024
    """
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        msg = f"{what} must be from {FIRST_DAY.year} to {LAST_DAY.year}, got {year}"
        raise DateRangeError(msg)
    return year


def check_day(day: date, what: str = "date") -> date:
    """*day* if it is within FIRST_DAY..LAST_DAY, else `DateRangeError` naming *what*.

    The one guard every public function taking a day calls first.
    """
    if not FIRST_DAY <= day <= LAST_DAY:
        msg = (
            f"{what} must be from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}, "
            f"got {day.isoformat()}"
        )
        raise DateRangeError(msg)
    return day


def add_days(day: date, days: int, what: str = "days") -> date:
    """*day* plus *days* (0..MAX_DAYS); `DateRangeError` past LAST_DAY or for a bad span.

    >>> add_days(date(2024, 12, 31), 1)
    datetime.date(2025, 1, 1)
    """
    if not 0 <= days <= MAX_DAYS:
        msg = f"{what} must be from 0 to {MAX_DAYS:,}, got {days:,}"
        raise DateRangeError(msg)
    return min(check_day(day) + timedelta(days=days), LAST_DAY)


_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\Z")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def parse_day(text: str) -> date:
    """A day written ``YYYY-MM-DD`` or ``dd/mm/yyyy`` in ASCII digits; ValueError otherwise.

    The one reader of days typed by people (command line, ledger files). Range checks are
    the caller's (`check_day`).

    >>> parse_day("30/06/2024")
    datetime.date(2024, 6, 30)
    """
    if match := _DMY.match(text.strip()):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    if _ISO.match(text.strip()):
        return date.fromisoformat(text.strip())
    raise ValueError(text)


def month_end(year: int, month: int) -> date:
    """The last day of a month: ``month_end(2024, 2) == date(2024, 2, 29)``."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) shifted by *months*, which may be negative."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_bounds(year: int, unit: str, number: int) -> tuple[date, date]:
    """First and last day of the *number*-th *unit* of *year* (calendar periods).

    >>> period_bounds(2024, "quarter", 1)
    (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    """
    check_year(year)
    size = UNIT_MONTHS[unit]
    count = 12 // size
    if not 1 <= number <= count:
        msg = f"{unit} number must be 1..{count}, got {number}"
        raise ModelValueError(msg)
    first = (number - 1) * size + 1
    last = first + size - 1
    return date(year, first, 1), month_end(year, last)
