"""Closed-form calendar arithmetic on plain `datetime.date` (no dateutil needed here)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .errors import ModelValueError

__all__ = ["add_months", "month_end", "parse_day", "period_bounds"]

ONE_DAY = timedelta(days=1)

# Months per unit of a plan's period wording: a year, a half ("6 tháng"), a quarter, a month.
UNIT_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_day(text: str) -> date:
    """A day written ``YYYY-MM-DD`` or ``dd/mm/yyyy``; ValueError otherwise.

    >>> parse_day("30/06/2024")
    datetime.date(2024, 6, 30)
    """
    if match := _DMY.match(text.strip()):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text.strip())


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
    size = UNIT_MONTHS[unit]
    count = 12 // size
    if not 1 <= number <= count:
        msg = f"{unit} number must be 1..{count}, got {number}"
        raise ModelValueError(msg)
    first = (number - 1) * size + 1
    last = first + size - 1
    return date(year, first, 1), month_end(year, last)
