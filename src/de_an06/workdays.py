"""Working days of Vietnamese state bodies, and what to do with a due date that is not one.

A working day ("ngày làm việc") is Monday to Friday (QĐ 188/1999/QĐ-TTg art. 1: a 40-hour,
five-day week), minus public holidays (Labour Code 2019 art. 112) and their compensatory
days (art. 111(3)), minus the government's swapped days off, plus the make-up Saturdays
that pay for those swaps. Holidays come from the ``holidays`` package (country ``VN``,
≥ 0.109); what it lacks comes from a small cited overlay shipped in
``de_an06/calendars/vietnam.json``, and users can lay their own overlay files on top::

    >>> from datetime import date
    >>> import de_an06
    >>> de_an06.is_working_day(date(2024, 5, 4))      # make-up Saturday (VPCP 2450)
    True
    >>> de_an06.next_working_day(date(2026, 2, 14))   # Tết Bính Ngọ break
    datetime.date(2026, 2, 23)

``due_date()`` of a deadline is always the plain calendar date. Shifting it is an explicit
`DuePolicy` — KEEP (the default), FORWARD (Civil Code 2015 art. 148(5)) or BACK — applied
by `shift` or `shifted_due`. Holiday data is loaded on first use and cached per year.
"""

from __future__ import annotations

import bisect
import enum
import os
from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import final

import attrs

from ._calendar import (
    Confidence,
    EntryKind,
    OverlayEntry,
    bundled_overlay,
    overlay_error,
    public_holidays,
    read_overlay,
)
from ._files import DEFAULT_MAX_BYTES, read_bytes
from .deadline import Compound, Deadline, OnDate, Relation, RelativeToEvent
from .errors import ModelValueError
from .reporting import ReportingPeriod

__all__ = [
    "Confidence",
    "DuePolicy",
    "EntryKind",
    "OverlayEntry",
    "WorkingCalendar",
    "add_working_days",
    "default_calendar",
    "is_too_tight",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "shift_due",
    "shifted_due",
    "working_days_after_cutoff",
    "working_days_between",
]

_SATURDAY = 5


class DuePolicy(enum.Enum):
    """What to do with a due date that falls on a non-working day.

    ``KEEP`` (the default everywhere): the calendar date as written.
    ``FORWARD``: the next working day — Civil Code 2015 art. 148(5), the default rule for
    time limits ("thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo").
    ``BACK``: the previous working day — what agencies often expect of reports.

    Whether art. 148(5) governs an administrative reporting deadline is an interpretation,
    which is why nothing shifts unless asked. A "trước ngày X" deadline never moves onto
    or past X: FORWARD falls back to BACK for it (see `shifted_due`).
    """

    KEEP = "keep"
    FORWARD = "forward"
    BACK = "back"


@attrs.frozen
class _Year:
    """One year's working days: ordinals in order, and a flag per day of the year."""

    first: int  # ordinal of 1 January
    flags: bytes  # 1 = working day, indexed by ordinal - first
    working: tuple[int, ...]  # ordinals of the working days, ascending


@final
class WorkingCalendar:
    """The working days of Vietnamese state bodies, from ``holidays`` plus overlays.

    ``WorkingCalendar()`` uses the bundled overlay; ``WorkingCalendar.from_files(path)``
    lays a user's overlay file on top of it (later files win for the same date). Data for
    a year is built on first use and cached in the calendar.

    >>> cal = WorkingCalendar()
    >>> cal.add_working_days(date(2024, 2, 7), 1)   # the day before Tết 2024 → after it
    datetime.date(2024, 2, 15)
    """

    __slots__ = ("_by_date", "_entries", "_years")

    def __init__(self, entries: Iterable[OverlayEntry] | None = None) -> None:
        self._entries: tuple[OverlayEntry, ...] = (
            bundled_overlay() if entries is None else tuple(entries)
        )
        # Later entries override earlier ones for the same day: a user's file wins.
        self._by_date = {entry.date: entry for entry in self._entries}
        self._years: dict[int, _Year] = {}

    @classmethod
    def from_files(
        cls,
        *paths: str | os.PathLike[str],
        bundled: bool = True,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> WorkingCalendar:
        """A calendar with overlay files on top of the bundled one (or alone).

        Each file is UTF-8 (with or without BOM) or UTF-16 with a BOM, at most *max_bytes*
        (64 MiB) long. Raises `CalendarDataError` naming the file, JSON path and value of
        every problem.
        """
        entries = list(bundled_overlay()) if bundled else []
        for path in paths:
            name = os.fspath(path)
            error = overlay_error(name)
            text = read_bytes(name, what="calendar overlay file", max_bytes=max_bytes, error=error)
            entries.extend(read_overlay(name, text))
        return cls(entries)

    @property
    def entries(self) -> tuple[OverlayEntry, ...]:
        """Every overlay entry, bundled first, in the order given."""
        return self._entries

    def entry(self, day: date) -> OverlayEntry | None:
        """The overlay entry that decides *day*, if any (the last one given)."""
        return self._by_date.get(day)

    def holiday(self, day: date) -> str | None:
        """The public holiday's name on *day* per ``holidays``, or None."""
        return public_holidays(day.year).get(day)

    def reason(self, day: date) -> str:
        """Why *day* is or is not a working day, in a few words.

        >>> cal = WorkingCalendar()
        >>> cal.reason(date(2024, 5, 4)).split(" [")[0]
        'làm việc: Làm bù cho ngày nghỉ 29/04/2024 (dịp 30/4–1/5)'
        >>> cal.reason(date(2024, 2, 12))
        'nghỉ: Mùng ba Tết Nguyên Đán'
        """
        entry = self._by_date.get(day)
        if entry is not None and entry.kind is not EntryKind.DISPUTED:
            verdict = "làm việc" if entry.kind is EntryKind.WORKING_DAY else "nghỉ"
            return f"{verdict}: {entry.name} [{entry.source}]"
        note = f" (disputed: {entry.source})" if entry is not None else ""
        if day.weekday() >= _SATURDAY:
            return ("nghỉ: thứ Bảy" if day.weekday() == _SATURDAY else "nghỉ: Chủ nhật") + note
        name = self.holiday(day)
        if name is not None:
            return f"nghỉ: {name}{note}"
        return "làm việc" + note

    def is_working_day(self, day: date) -> bool:
        """Whether state bodies work on *day*."""
        year = self._year(day.year)
        return bool(year.flags[day.toordinal() - year.first])

    def next_working_day(self, day: date) -> date:
        """*day* if it is a working day, else the first working day after it."""
        return self._step(day, forward=True, include=True)

    def previous_working_day(self, day: date) -> date:
        """*day* if it is a working day, else the last working day before it."""
        return self._step(day, forward=False, include=True)

    def add_working_days(self, day: date, n: int) -> date:
        """The *n*-th working day after *day* (before it if *n* < 0); *day* itself if 0.

        *day* is not counted, as in Civil Code art. 147(2). On working days adding and
        subtracting are inverse: ``add(add(d, n), -n) == d``.
        """
        ordinal = day.toordinal()
        year = day.year
        if n > 0:
            data = self._year(year)
            index = bisect.bisect_right(data.working, ordinal) + n - 1
            while index >= len(data.working):
                index -= len(data.working)
                year += 1
                data = self._year(year)
            return date.fromordinal(data.working[index])
        if n < 0:
            data = self._year(year)
            index = bisect.bisect_left(data.working, ordinal) + n
            while index < 0:
                year -= 1
                data = self._year(year)
                index += len(data.working)
            return date.fromordinal(data.working[index])
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after *start* up to and including *end*; negative if *end* < *start*.

        The inverse of `add_working_days` counted from a working day:
        ``working_days_between(d, add_working_days(d, n)) == n``.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count, ordinal = 0, start.toordinal() + 1
        last = end.toordinal()
        for year in range(start.year, end.year + 1):
            data = self._year(year)
            lo = bisect.bisect_left(data.working, ordinal)
            hi = bisect.bisect_right(data.working, last)
            count += hi - lo
        return count

    def shift(self, due: date, policy: DuePolicy = DuePolicy.KEEP, *, before: bool = False) -> date:
        """*due* moved per *policy* when it is not a working day.

        With ``before=True`` (the date is the last day before some X, as for "trước ngày
        X"), FORWARD falls back to BACK so that the result stays before X.
        """
        if policy is DuePolicy.KEEP or self.is_working_day(due):
            return due
        if policy is DuePolicy.FORWARD and not before:
            return self.next_working_day(due)
        return self.previous_working_day(due)

    def shifted_due(self, deadline: Deadline, policy: DuePolicy = DuePolicy.KEEP) -> date | None:
        """The deadline's due date moved per *policy*; None when it has no due date.

        A deadline due "before" something ("trước ngày X", "trước Tết") is never moved
        onto or past that day: FORWARD falls back to BACK for it (decisions: a forward
        shift must never move a "trước ngày X" deadline onto or past X).
        """
        due = deadline.due_date()
        if due is None:
            return None
        return self.shift(due, policy, before=_is_before(deadline, due))

    def _step(self, day: date, *, forward: bool, include: bool) -> date:
        step = timedelta(days=1 if forward else -1)
        current = day if include else day + step
        try:
            for _ in range(400):  # no year has 400 days off in a row
                if self.is_working_day(current):
                    return current
                current += step
        except OverflowError:
            pass
        msg = f"no working day {'after' if forward else 'before'} {day.isoformat()}"
        raise ModelValueError(msg)

    def _year(self, year: int) -> _Year:
        data = self._years.get(year)
        if data is None:
            if not MINYEAR <= year <= MAXYEAR:  # counting on past 9999-12-31 (or before 1)
                msg = f"no working days in year {year}: dates run from year 1 to 9999"
                raise ModelValueError(msg)
            data = self._years[year] = self._build(year)
        return data

    def _build(self, year: int) -> _Year:
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        holidays = {day.toordinal() for day in public_holidays(year)}
        flags = bytearray(last - first + 1)
        for ordinal in range(first, last + 1):
            # date.fromordinal(o).weekday() == (o + 6) % 7: Monday is 0.
            flags[ordinal - first] = (ordinal + 6) % 7 < _SATURDAY and ordinal not in holidays
        # In order, so that a later file's entry for the same day decides it; a disputed
        # entry is a note and changes nothing.
        for entry in self._entries:
            if entry.date.year == year and entry.kind is not EntryKind.DISPUTED:
                flags[entry.date.toordinal() - first] = entry.kind is EntryKind.WORKING_DAY
        working = tuple(first + i for i, flag in enumerate(flags) if flag)
        return _Year(first=first, flags=bytes(flags), working=working)


def _is_before(deadline: Deadline, due: date) -> bool:
    """Whether the part of *deadline* that sets *due* is a "before X" deadline."""
    match deadline:
        case OnDate(before=before):
            return before
        case RelativeToEvent(relation=relation):
            return relation is Relation.BEFORE
        case Compound(parts=parts):
            return any(p.due_date() == due and _is_before(p, due) for p in parts)
        case _:
            return False


_DEFAULT: list[WorkingCalendar] = []


def default_calendar() -> WorkingCalendar:
    """The calendar with the bundled overlay, shared by the module-level functions."""
    if not _DEFAULT:
        _DEFAULT.append(WorkingCalendar())
    return _DEFAULT[0]


def is_working_day(day: date, *, calendar: WorkingCalendar | None = None) -> bool:
    """Whether state bodies work on *day* (`WorkingCalendar.is_working_day`)."""
    return (calendar or default_calendar()).is_working_day(day)


def next_working_day(day: date, *, calendar: WorkingCalendar | None = None) -> date:
    """*day* if it is a working day, else the next one; inverse pair of `previous_working_day`.

    >>> next_working_day(date(2026, 1, 1))   # Tết Dương lịch, then the 02/01 swap day off
    datetime.date(2026, 1, 5)
    """
    return (calendar or default_calendar()).next_working_day(day)


def previous_working_day(day: date, *, calendar: WorkingCalendar | None = None) -> date:
    """*day* if it is a working day, else the last one before it.

    >>> previous_working_day(date(2024, 2, 14))   # Tết Giáp Thìn break 08–14/02
    datetime.date(2024, 2, 7)
    """
    return (calendar or default_calendar()).previous_working_day(day)


def add_working_days(day: date, n: int, *, calendar: WorkingCalendar | None = None) -> date:
    """The *n*-th working day after *day* (before, for negative *n*); inverse of ``-n``.

    >>> add_working_days(date(2024, 4, 26), 1)   # Fri → Thu 02/05 (29/04–01/05 off)
    datetime.date(2024, 5, 2)
    """
    return (calendar or default_calendar()).add_working_days(day, n)


def working_days_between(start: date, end: date, *, calendar: WorkingCalendar | None = None) -> int:
    """Working days in (*start*, *end*]; the count `add_working_days` steps over.

    >>> working_days_between(date(2024, 1, 14), date(2024, 1, 15))
    1
    """
    return (calendar or default_calendar()).working_days_between(start, end)


def shift_due(
    due: date,
    policy: DuePolicy = DuePolicy.KEEP,
    *,
    before: bool = False,
    calendar: WorkingCalendar | None = None,
) -> date:
    """*due* moved per *policy* if it is not a working day (`WorkingCalendar.shift`).

    >>> saturday = date(2024, 9, 14)
    >>> shift_due(saturday, DuePolicy.FORWARD), shift_due(saturday, DuePolicy.BACK)
    (datetime.date(2024, 9, 16), datetime.date(2024, 9, 13))
    """
    return (calendar or default_calendar()).shift(due, policy, before=before)


def shifted_due(
    deadline: Deadline,
    policy: DuePolicy = DuePolicy.KEEP,
    *,
    calendar: WorkingCalendar | None = None,
) -> date | None:
    """The deadline's due date moved per *policy*, never onto or past a "trước" day.

    >>> import de_an06
    >>> d = de_an06.parse_deadline("trước ngày 15/9/2024")     # due Sat 14/09
    >>> shifted_due(d, DuePolicy.FORWARD)                      # not Mon 16/09: back to Fri
    datetime.date(2024, 9, 13)
    """
    return (calendar or default_calendar()).shifted_due(deadline, policy)


def working_days_after_cutoff(
    period: ReportingPeriod, *, calendar: WorkingCalendar | None = None
) -> int | None:
    """Working days from the end of *period*'s cut-off to its due date; None if no due.

    Counted as `WorkingCalendar.working_days_between`: the working days after the cut-off
    up to the due day, so 0 when the report is due on the cut-off's last day, and 0 or
    less when it is due before the data are closed (``due < end``).

    >>> p = ReportingPeriod.from_id("202401")
    >>> working_days_after_cutoff(attrs.evolve(p, due=date(2024, 1, 14)))   # "trước ngày 15"
    0
    """
    if period.due is None:
        return None
    return (calendar or default_calendar()).working_days_between(period.end, period.due)


def is_too_tight(period: ReportingPeriod, *, calendar: WorkingCalendar | None = None) -> bool:
    """Whether *period* leaves less than one working day after its cut-off (NĐ 09 art. 8(5)(b)).

    NĐ 09/2019/NĐ-CP art. 8(5)(b): the deadline must leave "không ít hơn 01 ngày làm việc
    tính từ thời điểm kết thúc việc lấy số liệu báo cáo đến thời hạn gửi báo cáo".
    """
    slack = working_days_after_cutoff(period, calendar=calendar)
    return slack is not None and slack < 1
