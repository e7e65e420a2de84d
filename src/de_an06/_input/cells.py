"""Cell values: counts (with Vietnamese thousands grouping), yes/no flags, period IDs.

Each returns the value or the message saying why the cell holds none.
"""

from __future__ import annotations

import math
import numbers
import re

from .._files import INT64_MAX
from .._text import fold
from ..errors import PeriodIdError
from ..reporting import ReportingPeriod

__all__ = ["INT64_MAX", "connected_value", "count_value", "period_of"]


_YES = {"x", "yes", "y", "true", "1", "co", "da ket noi"}
_NO = {"", "no", "n", "false", "0", "khong", "chua ket noi"}


def count_value(value: object) -> int | str:
    """A count from a cell or a Python value, or the message saying why it is not one.

    Counts are read as Vietnamese tables write them: thousands grouped by dots or spaces
    ("2.950", "2 950", "12.345.678") and a whole number with a zero decimal part
    ("2950.0", "2950,0"). A dot or comma followed by other than three digits is neither
    ("2.95"), and is refused rather than guessed.

    >>> count_value("12"), count_value("2.950"), count_value("2 950"), count_value("2950.0")
    (12, 2950, 2950, 2950)
    >>> count_value("12345.6"), count_value("-3"), count_value("")
    ('not a whole number', 'negative count', 'missing count')
    >>> count_value("2.95")
    'ambiguous: not thousands grouping (groups of 3 digits) and not a whole number'
    """
    if value is None:
        return "missing count"
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return "missing count"
        grouped = _GROUPED.fullmatch(text) or (
            None if _AMBIGUOUS.fullmatch(text) else _WHOLE.fullmatch(text)
        )
        if grouped:
            text = grouped.group(1).replace(".", "").replace(" ", "")
            text = text.replace("\u00a0", "").replace("\u202f", "")
        if _DIGITS.fullmatch(text):
            # Past 19 digits it is past int64; int() of 4,301 digits or more would raise.
            # Leading zeros are dropped first: "000…01" of 4,301 characters is 1.
            digits = text.lstrip("0") or "0"
            number = int(digits) if len(digits) <= 19 else INT64_MAX + 1
        elif _DIGITS.fullmatch(text.removeprefix("-")):
            return "negative count"
        elif _AMBIGUOUS.fullmatch(text):
            return "ambiguous: not thousands grouping (groups of 3 digits) and not a whole number"
        elif _DECIMAL.fullmatch(text):
            return "not a whole number"
        else:
            return "not a count (digits, thousands grouped by dots or spaces)"
    elif isinstance(value, bool):
        return "not a count (a boolean)"
    elif isinstance(value, numbers.Integral):
        number = int(value)
    elif isinstance(value, float):
        if math.isnan(value):
            return "missing count"
        if not value.is_integer() or abs(value) >= 2**53:
            return "not a whole number"
        number = int(value)
    else:
        return f"not a count ({type(value).__name__})"
    if number < 0:
        return "negative count"
    if number > INT64_MAX:
        return f"beyond the int64 range (at most {INT64_MAX})"
    return number


def connected_value(value: object) -> int | str:
    """1 connected, 0 not, -1 not given, or the message saying why *value* is none of these.

    >>> connected_value("x"), connected_value(""), connected_value("Có")
    (1, 0, 1)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return -1
    if isinstance(value, numbers.Integral):
        if int(value) in (-1, 0, 1):
            return int(value)  # True/False, or the stored form: 1, 0, -1 (not given)
        return "not yes/no (x, yes, có / blank, no, không)"
    if not isinstance(value, str):  # a list nested 3,000 deep has no str()
        return f"not yes/no ({type(value).__name__})"
    key = fold(value)
    if key in _YES:
        return 1
    if key in _NO:
        return 0
    return "not yes/no (x, yes, có / blank, no, không)"


def period_of(text: str) -> ReportingPeriod | str:
    """The reporting period an ID names, or the message saying why it names none."""
    try:
        return ReportingPeriod.from_id(text)
    except PeriodIdError as exc:
        return str(exc)


_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]*[.,][0-9]+")
# Thousands grouped by dots or (no-break) spaces; a whole number with a zero decimal part.
_GROUPED = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)")
_WHOLE = re.compile(r"([0-9]+)[.,]0+")
# One dot or comma followed by 1, 2 or 4+ digits after 1-3 digits: "2.95", "1,5" … (a
# decimal number, or thousands written wrong); more than 3 digits before it is a decimal.
_AMBIGUOUS = re.compile(r"[0-9]{1,3}[.,](?:[0-9]{2}|[0-9]{4,})|[0-9]{1,3}(?:,[0-9]{3})+")
