"""Private calendar data: the Vietnamese lunar new year, public holidays, overlay files.

This is the only module that touches the ``holidays`` package (imported lazily, on the
first holiday look-up, so ``import de_an06`` stays fast). Every computation here is
closed-form: no dateutil.

* `lunar_new_year` computes Tết from astronomy (Hồ Ngọc Đức's algorithm, below).
* `public_holidays` reads ``holidays.country_holidays("VN")`` (≥ 0.109), cached per year.
* `read_overlay` reads a cited overlay file (``calendars/vietnam.json`` and users' own).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, final

import attrs

from ._files import ErrorFactory, parse_json
from ._text import nfc
from .confidence import Confidence
from .errors import CalendarDataError, ModelValueError, Problem

__all__ = [
    "Confidence",
    "EntryKind",
    "OverlayEntry",
    "bundled_overlay",
    "can_chi",
    "lunar_new_year",
    "public_holidays",
    "read_overlay",
]

# --- lunar new year -----------------------------------------------------------------
#
# Hồ Ngọc Đức, "Thuật toán tính âm lịch" / "Computing the Vietnamese lunar calendar"
# (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html, amlich.js), itself
# after J. Meeus, "Astronomical Algorithms" (1998): a lunar month starts on the day
# (UTC+7, the Vietnamese calendar's meridian since 1968) of a new moon; month 11 is the
# one holding the winter solstice; a year of 13 months repeats the first month without
# a major solar term. Tết is day 1 of month 1: two (or, after a leap month, three) new
# moons after the start of month 11 of the previous year.
#
# Why not the `holidays` package: its Vietnamese lunar dates sit in a private class
# (``holidays.calendars.chinese._ChineseLunisolar``) and only for 1901–2099. This code
# agrees with that table on every year 1901–2099 (tests/test_deadline_parser.py checks
# it) and needs no import at all.

_TZ = 7.0  # hours east of Greenwich
_SYNODIC = 29.530588853  # mean synodic month, days
_NEW_MOON_1900 = 2415021.076998695  # Julian day of the new moon of 1900-01-01
_JD_OF_ORDINAL = 1721425  # date.toordinal() + this = Julian day number
_DR = math.pi / 180

TET_YEARS = range(1900, 2200)
"""Years for which `lunar_new_year` is offered (the simplified theory holds ±200 years)."""

CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
"""The ten heavenly stems (can), in cycle order; 1984 was Giáp Tý."""

CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
"""The twelve earthly branches (chi), in cycle order."""


def _new_moon(k: int) -> float:
    """Julian day (TT) of the *k*-th new moon after 1900-01-01 (Meeus ch. 49, abridged)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _DR
    mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _DR
    f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _DR
    c1 = (0.1734 - 0.000393 * t) * math.sin(m) + 0.0021 * math.sin(2 * m)
    c1 += -0.4068 * math.sin(mpr) + 0.0161 * math.sin(2 * mpr) - 0.0004 * math.sin(3 * mpr)
    c1 += 0.0104 * math.sin(2 * f) - 0.0051 * math.sin(m + mpr) - 0.0074 * math.sin(m - mpr)
    c1 += 0.0004 * math.sin(2 * f + m) - 0.0004 * math.sin(2 * f - m)
    c1 += -0.0006 * math.sin(2 * f + mpr) + 0.0010 * math.sin(2 * f - mpr)
    c1 += 0.0005 * math.sin(2 * mpr + m)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c1 - delta_t


def _new_moon_day(k: int) -> int:
    """Julian day number of the local (UTC+7) day of the *k*-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + _TZ / 24)


def _sun_sector(day: int) -> int:
    """Which 30° sector (0–11) the sun's longitude is in at the start of local *day*."""
    t = (day - 0.5 - _TZ / 24 - 2451545.0) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _DR
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
    dl += (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000290 * math.sin(3 * m)
    longitude = ((l0 + dl) * _DR) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def _month_11_start(year: int) -> int:
    """Julian day number of day 1 of lunar month 11 (the winter-solstice month) of *year*."""
    k = math.floor((date(year, 12, 31).toordinal() + _JD_OF_ORDINAL - 2415021) / _SYNODIC)
    start = _new_moon_day(k)
    if _sun_sector(start) >= 9:  # the solstice has not come yet: month 11 began earlier
        start = _new_moon_day(k - 1)
    return start


def _leap_month_offset(month_11: int) -> int:
    """How many months after month 11 the leap month falls (a 13-month year)."""
    k = math.floor((month_11 - _NEW_MOON_1900) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last, i = arc, i + 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


@lru_cache(maxsize=512)
def lunar_new_year(year: int) -> date:
    """Tết Nguyên đán (day 1 of lunar month 1) of the lunar year that starts in *year*.

    >>> lunar_new_year(2024), lunar_new_year(2026)
    (datetime.date(2024, 2, 10), datetime.date(2026, 2, 17))

    Raises `ModelValueError` outside `TET_YEARS`.
    """
    if year not in TET_YEARS:
        msg = f"Tết dates are computed for {TET_YEARS.start}–{TET_YEARS.stop - 1}, not {year}"
        raise ModelValueError(msg)
    previous, this = _month_11_start(year - 1), _month_11_start(year)
    offset = 2  # month 11 → 12 → 1
    if this - previous > 365 and offset >= _leap_month_offset(previous):
        offset += 1  # a leap 11th or 12th month comes before Tết
    k = math.floor(0.5 + (previous - _NEW_MOON_1900) / _SYNODIC)
    return date.fromordinal(_new_moon_day(k + offset) - _JD_OF_ORDINAL)


def can_chi(year: int) -> str:
    """The stem-branch name of the lunar year that starts in *year*: 2024 → "Giáp Thìn".

    >>> can_chi(2024), can_chi(2026)
    ('Giáp Thìn', 'Bính Ngọ')
    """
    return f"{CAN[(year - 4) % 10]} {CHI[(year - 4) % 12]}"


# --- public holidays ------------------------------------------------------------------


@lru_cache(maxsize=256)
def public_holidays(year: int) -> Mapping[date, str]:
    """Vietnam's public holidays of *year* from ``holidays`` (Vietnamese names).

    That is Labour Code 2019 art. 112 holidays, their compensatory days (art. 111(3)) and
    the government's swapped days off that ``holidays`` ≥ 0.109 knows. Cached per year:
    building a year costs ~0.3 ms, the first import of ``holidays`` ~60 ms.
    """
    import holidays  # lazy: only the first holiday look-up pays for the import

    table = holidays.country_holidays("VN", years=year, language="vi")
    return {day: str(name) for day, name in sorted(table.items()) if day.year == year}


# --- overlay files ----------------------------------------------------------------------


class EntryKind(enum.Enum):
    """What an overlay entry says about its day."""

    DAY_OFF = "day_off"
    """A weekday off that ``holidays`` lacks (a government swap day, "ngày nghỉ hoán đổi")."""
    WORKING_DAY = "working_day"
    """A make-up working day, usually a Saturday ("ngày làm bù")."""
    DISPUTED = "disputed"
    """A day whose status is doubtful; it changes nothing, it is a note for readers."""


@final
@attrs.frozen(kw_only=True)
class OverlayEntry:
    """One dated fact of an overlay file, with its source.

    Attributes:
        date: the day.
        kind: off, working, or disputed.
        name: what the day is, in Vietnamese ("Làm bù cho ngày 29/04/2024").
        source: the document it comes from ("VPCP 2450/VPCP-KGVX (12/04/2024)").
        confidence: how well that source was checked.
        url: where the source can be read, if known.
        note: anything else worth knowing.
        origin: the file the entry was read from.
    """

    date: date
    kind: EntryKind
    name: str
    source: str
    confidence: Confidence
    url: str = ""
    note: str = ""
    origin: str = ""


_FORMAT = "de_an06.calendar-overlay/1"
_TOP_KEYS = {"format", "title", "description", "entries"}
_REQUIRED = ("date", "kind", "name", "source", "confidence")
_OPTIONAL = ("url", "note")


def overlay_error(source: str) -> ErrorFactory:
    """Makes the `CalendarDataError` of an overlay file that cannot be read as JSON."""

    def error(message: str, value: object, path: str = "$") -> CalendarDataError:
        return CalendarDataError(
            source, [Problem(source=source, path=path, value=value, message=message)]
        )

    return error


def read_overlay(source: str, text: str | bytes) -> tuple[OverlayEntry, ...]:
    """The entries of an overlay file's *text*; *source* names the file in errors.

    Raises `CalendarDataError` listing every problem (file, JSON path, value).
    """
    data = parse_json(text, what="calendar overlay file", error=overlay_error(source))
    problems: list[Problem] = []

    def problem(path: str, value: object, message: str) -> None:
        problems.append(Problem(source=source, path=path, value=value, message=message))

    if not isinstance(data, dict):
        bad = Problem(source=source, path="$", value=data, message="expected an object")
        raise CalendarDataError(source, [bad])
    if data.get("format") != _FORMAT:
        problem("$.format", data.get("format"), f"expected {_FORMAT!r}")
    for key in sorted(set(data) - _TOP_KEYS):
        problem(f"$.{key}", data[key], "unknown key")
    raw = data.get("entries")
    if not isinstance(raw, list):
        problem("$.entries", raw, "expected a list of entries")
        raw = []
    entries: list[OverlayEntry] = []
    seen: dict[date, int] = {}
    for index, item in enumerate(raw):
        path = f"$.entries[{index}]"
        entry = _entry(item, path, source, problem)
        if entry is None:
            continue
        if entry.date in seen:
            problem(f"{path}.date", item["date"], f"date repeats $.entries[{seen[entry.date]}]")
            continue
        seen[entry.date] = index
        entries.append(entry)
    if problems:
        raise CalendarDataError(source, problems)
    return tuple(entries)


def _entry(item: Any, path: str, source: str, problem: Any) -> OverlayEntry | None:
    if not isinstance(item, dict):
        problem(path, item, "expected an object")
        return None
    ok = True
    for key in sorted(set(item) - set(_REQUIRED) - set(_OPTIONAL)):
        problem(f"{path}.{key}", item[key], "unknown key")
        ok = False
    for key in (*_REQUIRED, *_OPTIONAL):
        if key in item and not isinstance(item[key], str):
            problem(f"{path}.{key}", item[key], "expected a string")
            ok = False
        elif key in _REQUIRED and key not in item:
            problem(f"{path}.{key}", None, "required key is missing")
            ok = False
    if not ok:
        return None
    try:
        day = date.fromisoformat(item["date"])
    except ValueError:
        problem(f"{path}.date", item["date"], "expected an ISO date (YYYY-MM-DD)")
        return None
    kinds = {k.value: k for k in EntryKind}
    confidences = {c.value: c for c in Confidence}
    if item["kind"] not in kinds:
        problem(f"{path}.kind", item["kind"], f"expected one of {', '.join(kinds)}")
        return None
    if item["confidence"] not in confidences:
        problem(f"{path}.confidence", item["confidence"], "expected V, P or U")
        return None
    return OverlayEntry(
        date=day,
        kind=kinds[item["kind"]],
        name=nfc(item["name"]),  # text is kept in NFC, as plans keep it
        source=nfc(item["source"]),
        confidence=confidences[item["confidence"]],
        url=nfc(item.get("url", "")),
        note=nfc(item.get("note", "")),
        origin=source,
    )


@lru_cache(maxsize=1)
def bundled_overlay() -> tuple[OverlayEntry, ...]:
    """The overlay shipped in ``de_an06/calendars/vietnam.json``."""
    resource = resources.files(__package__).joinpath("calendars", "vietnam.json")
    return read_overlay("de_an06/calendars/vietnam.json", resource.read_bytes())
