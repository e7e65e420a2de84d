"""Numbers as people read them: decimals and percentages, rounded by a named rule.

Exact values stay `Fraction` everywhere; rounding happens only here, when a figure is
formatted, and the rule is a parameter (``half-up`` by default, as Vietnamese statistics
round).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from .errors import ModelValueError

__all__ = ["Rounding", "format_decimal", "format_percent"]

Rounding = Literal["half-up", "half-even", "down"]
"""How a figure is rounded when formatted."""


def format_decimal(
    value: Fraction,
    places: int = 2,
    *,
    rounding: Rounding = "half-up",
    locale: Literal["en", "vi"] = "en",
) -> str:
    """*value* rounded to *places* decimals by *rounding*, with the locale's separators.

    ``half-up`` rounds halves away from zero (the rule Vietnamese statistics use),
    ``half-even`` to the even neighbour, ``down`` toward zero.

    >>> format_decimal(Fraction(-12345, 8)), format_decimal(Fraction(12345, 8), locale="vi")
    ('-1,543.13', '1.543,13')
    """
    scaled = abs(value) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if rounding == "half-up":
        whole += 2 * rest >= scaled.denominator
    elif rounding == "half-even":
        twice = 2 * rest
        whole += twice > scaled.denominator or (twice == scaled.denominator and whole % 2 == 1)
    elif rounding != "down":
        raise ModelValueError(f"unknown rounding rule {rounding!r} (half-up, half-even, down)")
    digits = str(whole).rjust(places + 1, "0")
    integer, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    group, point = (".", ",") if locale == "vi" else (",", ".")
    integer = f"{int(integer):,}".replace(",", group)
    sign = "-" if value < 0 and whole else ""
    return sign + integer + (point + fraction if places else "")


def format_percent(
    ratio: Fraction,
    places: int = 2,
    *,
    rounding: Rounding = "half-up",
    locale: Literal["en", "vi"] = "en",
) -> str:
    """A ratio (1 = 100%) as a percentage: "91.71%", Vietnamese "91,71%".

    >>> format_percent(Fraction(917050, 1000000)), format_percent(Fraction(1, 3), locale="vi")
    ('91.71%', '33,33%')
    """
    return format_decimal(ratio * 100, places, rounding=rounding, locale=locale) + "%"
