"""Working days of Vietnamese state bodies: holidays, swaps, make-up Saturdays, policies."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

import de_an06
from de_an06 import (
    CalendarDataError,
    DuePolicy,
    WorkingCalendar,
    add_working_days,
    is_working_day,
    next_working_day,
    parse_deadline,
    previous_working_day,
    shift_due,
    shifted_due,
    working_days_between,
)
from de_an06.workdays import EntryKind, default_calendar

from strategies import calendar_dates

D = date
SRC = Path(de_an06.__file__).parent


def weekdays_off(year: int) -> list[date]:
    """Monday–Friday days of *year* that are not working days."""
    day, out = date(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5 and not is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def saturdays_worked(year: int) -> list[date]:
    day, out = date(year, 1, 1), []
    while day.year == year:
        if day.weekday() >= 5 and is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


class TestPinnedDays:
    """The days of domain notes §3.2 (official days off for civil servants, 2024–2026)."""

    def test_weekdays_off_2024(self) -> None:
        assert weekdays_off(2024) == [
            D(2024, 1, 1),
            *(D(2024, 2, d) for d in (8, 9, 12, 13, 14)),  # Tết Giáp Thìn
            D(2024, 4, 18),  # Giỗ Tổ Hùng Vương
            D(2024, 4, 29),  # swap (VPCP 2450/VPCP-KGVX), made up on Sat 04/05
            D(2024, 4, 30),
            D(2024, 5, 1),
            D(2024, 9, 2),
            D(2024, 9, 3),
        ]
        assert saturdays_worked(2024) == [D(2024, 5, 4)]

    def test_weekdays_off_2025(self) -> None:
        assert weekdays_off(2025) == [
            D(2025, 1, 1),
            *(D(2025, 1, d) for d in (27, 28, 29, 30, 31)),  # Tết Ất Tỵ
            D(2025, 4, 7),
            D(2025, 4, 30),
            D(2025, 5, 1),
            D(2025, 5, 2),  # swap, made up on Sat 26/04
            D(2025, 9, 1),
            D(2025, 9, 2),
        ]
        assert saturdays_worked(2025) == [D(2025, 4, 26)]

    def test_weekdays_off_2026(self) -> None:
        assert weekdays_off(2026) == [
            D(2026, 1, 1),
            D(2026, 1, 2),  # swap (VPCP 12729/VPCP-KGVX), missing from holidays 0.109
            *(D(2026, 2, d) for d in (16, 17, 18, 19, 20)),  # Tết Bính Ngọ
            D(2026, 4, 27),  # Giỗ Tổ on Sunday 26/04 → compensatory Monday
            D(2026, 4, 30),
            D(2026, 5, 1),
            D(2026, 8, 31),  # swap, made up on Sat 22/08
            D(2026, 9, 1),
            D(2026, 9, 2),
            D(2026, 11, 24),  # Ngày Văn hóa Việt Nam: as holidays says, marked disputed
        ]
        assert saturdays_worked(2026) == [D(2026, 1, 10), D(2026, 8, 22)]

    def test_named_days(self) -> None:
        assert is_working_day(D(2024, 5, 4))
        assert not is_working_day(D(2026, 1, 2))
        assert next_working_day(D(2026, 2, 14)) == D(2026, 2, 23)
        assert next_working_day(D(2024, 2, 10)) == D(2024, 2, 15)  # Tết Giáp Thìn

    def test_disputed_day_is_marked(self) -> None:
        entry = default_calendar().entry(D(2026, 11, 24))
        assert entry is not None
        assert entry.kind is EntryKind.DISPUTED
        assert "disputed" in default_calendar().reason(D(2026, 11, 24))

    # Domain notes §2.1: the 14th of a month that is not a working day, 2024–2026.
    FOURTEENTHS_OFF = frozenset(
        {
            D(2024, 1, 14),
            D(2024, 2, 14),
            D(2024, 4, 14),
            D(2024, 7, 14),
            D(2024, 9, 14),
            D(2024, 12, 14),
            D(2025, 6, 14),
            D(2025, 9, 14),
            D(2025, 12, 14),
            D(2026, 2, 14),
            D(2026, 3, 14),
            D(2026, 6, 14),
            D(2026, 11, 14),
        }
    )

    @pytest.mark.parametrize(
        "day", [D(y, m, 14) for y in (2024, 2025, 2026) for m in range(1, 13)], ids=str
    )
    def test_fourteenths(self, day: date) -> None:
        assert is_working_day(day) == (day not in self.FOURTEENTHS_OFF)

    @pytest.mark.parametrize(
        ("day", "back", "forward"),
        [
            (D(2024, 2, 14), D(2024, 2, 7), D(2024, 2, 15)),
            (D(2024, 9, 14), D(2024, 9, 13), D(2024, 9, 16)),
            (D(2024, 12, 14), D(2024, 12, 13), D(2024, 12, 16)),
            (D(2026, 2, 14), D(2026, 2, 13), D(2026, 2, 23)),
        ],
    )
    def test_fourteenths_shifted(self, day: date, back: date, forward: date) -> None:
        assert shift_due(day, DuePolicy.BACK) == previous_working_day(day) == back
        assert shift_due(day, DuePolicy.FORWARD) == next_working_day(day) == forward
        assert shift_due(day) == day  # KEEP is the default

    def test_overlay_has_every_make_up_day_holidays_knows_of(self) -> None:
        """Each swap day off in holidays (2024 on) has its make-up day in the overlay."""
        vietnam = pytest.importorskip("holidays.countries.vietnam")
        swaps = vietnam.VietnamStaticHolidays.special_public_holidays
        make_up = {e.date for e in default_calendar().entries if e.kind is EntryKind.WORKING_DAY}
        for year, rows in swaps.items():
            if year < 2024:
                continue
            for row in rows if isinstance(rows[0], tuple) else (rows,):
                worked = date(row[4] if len(row) > 4 else year, row[2], row[3])
                assert worked in make_up, (year, row)


class TestArithmetic:
    """Counting working days: inverse pairs and the days in between."""

    def test_add(self) -> None:
        assert add_working_days(D(2024, 2, 7), 1) == D(2024, 2, 15)
        assert add_working_days(D(2024, 2, 15), -1) == D(2024, 2, 7)
        assert add_working_days(D(2024, 5, 3), 1) == D(2024, 5, 4)  # make-up Saturday
        assert add_working_days(D(2024, 12, 31), 2) == D(2025, 1, 3)  # 01/01 off
        assert add_working_days(D(2025, 1, 2), -2) == D(2024, 12, 30)
        assert add_working_days(D(2024, 2, 10), 0) == D(2024, 2, 10)

    def test_between(self) -> None:
        assert working_days_between(D(2024, 1, 14), D(2024, 1, 15)) == 1
        assert working_days_between(D(2024, 2, 7), D(2024, 2, 15)) == 1
        assert working_days_between(D(2024, 2, 15), D(2024, 2, 7)) == -1
        # 2024: 262 weekdays, 12 of them off (see above), one make-up Saturday.
        assert working_days_between(D(2023, 12, 31), D(2024, 12, 31)) == 262 - 12 + 1

    @given(calendar_dates, st.integers(-400, 400))
    @example(D(2024, 2, 7), 1)
    @example(D(2024, 12, 31), 3)
    @example(D(2026, 1, 1), -1)
    def test_add_and_subtract_are_inverse_on_working_days(self, day: date, n: int) -> None:
        start = next_working_day(day)
        moved = add_working_days(start, n)
        assert is_working_day(moved)
        assert add_working_days(moved, -n) == start
        assert working_days_between(start, moved) == n

    @given(calendar_dates)
    def test_next_and_previous(self, day: date) -> None:
        after, before = next_working_day(day), previous_working_day(day)
        assert before <= day <= after
        assert is_working_day(after)
        assert is_working_day(before)
        assert (after == day) == is_working_day(day) == (before == day)
        gap = day + timedelta(days=1)
        while gap < after:  # nothing working in between
            assert not is_working_day(gap)
            gap += timedelta(days=1)

    @given(calendar_dates, calendar_dates)
    def test_between_counts_days(self, a: date, b: date) -> None:
        start, end = min(a, b), min(max(a, b), min(a, b) + timedelta(days=120))
        count = sum(
            is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
        )
        assert working_days_between(start, end) == count == -working_days_between(end, start)


class TestPolicy:
    """KEEP by default; FORWARD per Civil Code art. 148(5); never past a "trước" day."""

    @given(calendar_dates, st.sampled_from(DuePolicy))
    def test_shift(self, due: date, policy: DuePolicy) -> None:
        moved = shift_due(due, policy)
        if policy is DuePolicy.KEEP or is_working_day(due):
            assert moved == due
        elif policy is DuePolicy.FORWARD:
            assert moved == next_working_day(due) > due
        else:
            assert moved == previous_working_day(due) < due

    @given(calendar_dates, st.sampled_from(DuePolicy), st.booleans())
    @example(D(2024, 9, 15), DuePolicy.FORWARD, False)
    @example(D(2026, 2, 15), DuePolicy.FORWARD, True)
    def test_before_deadline_never_reaches_its_day(
        self, day: date, policy: DuePolicy, inclusive: bool
    ) -> None:
        """decisions: a forward shift never moves "trước ngày X" onto or past X."""
        text = f"trước ngày {day:%d/%m/%Y}"
        due = shifted_due(parse_deadline(text, inclusive=inclusive), policy)
        assert due is not None
        assert due < day if not inclusive else due <= day
        if policy is not DuePolicy.KEEP:
            assert is_working_day(due)

    def test_compound_before_part(self) -> None:
        deadline = parse_deadline("Quý I/2024; hoàn thành trước ngày 15/9/2024")
        assert shifted_due(deadline, DuePolicy.FORWARD) == D(2024, 9, 13)
        assert shifted_due(parse_deadline("ngày 14/9/2024"), DuePolicy.FORWARD) == D(2024, 9, 16)
        assert shifted_due(parse_deadline("Thường xuyên"), DuePolicy.FORWARD) is None


class TestOverlays:
    """Users lay their own cited overlay files on top; bad files name file, path, value."""

    def write(self, tmp_path: Path, entries: object, **top: object) -> Path:
        path = tmp_path / "overlay.json"
        data = {"format": "de_an06.calendar-overlay/1", "entries": entries, **top}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    def test_user_overlay_wins(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            [
                {
                    "date": "2026-11-24",
                    "kind": "working_day",
                    "name": "Làm việc",
                    "source": "Công văn giả định",
                    "confidence": "U",
                },
                {
                    "date": "2025-03-14",
                    "kind": "day_off",
                    "name": "Nghỉ riêng của tỉnh",
                    "source": "Quyết định giả định",
                    "confidence": "V",
                    "note": "test",
                },
            ],
        )
        calendar = WorkingCalendar.from_files(path)
        assert calendar.is_working_day(D(2026, 11, 24))
        assert not calendar.is_working_day(D(2025, 3, 14))
        assert calendar.is_working_day(D(2024, 5, 4))  # the bundled overlay is still there
        assert is_working_day(D(2025, 3, 14), calendar=calendar) is False
        assert is_working_day(D(2025, 3, 14))  # the default calendar is untouched
        alone = WorkingCalendar.from_files(path, bundled=False)
        assert not alone.is_working_day(D(2024, 5, 4))

    def test_bad_file_lists_every_problem(self, tmp_path: Path) -> None:
        path = self.write(
            tmp_path,
            [
                {"date": "2026-02-30", "kind": "day_off", "name": "x", "source": "y"},
                {
                    "date": "2026-03-02",
                    "kind": "holiday",
                    "name": "x",
                    "source": "y",
                    "confidence": "V",
                },
                {"date": 20260302, "name": "x", "source": "y", "confidence": "Q", "extra": 1},
            ],
            colour="blue",
        )
        with pytest.raises(CalendarDataError) as info:
            WorkingCalendar.from_files(path)
        message = str(info.value)
        for piece in (
            str(path),
            "$.colour",
            "$.entries[0].confidence",
            "$.entries[1].kind",
            "'holiday'",
            "$.entries[2].date",
            "20260302",
            "$.entries[2].extra",
            "in calendar data",
        ):
            assert piece in message
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            ("not json", "$"),
            ("[]", "$"),
            ('{"format": "x", "entries": []}', "$.format"),
            (
                '{"format": "de_an06.calendar-overlay/1", "entries": ['
                '{"date": "2024-01-01", "kind": "day_off", "name": "a", "source": "b", '
                '"confidence": "V"}, {"date": "2024-01-01", "kind": "day_off", "name": "a", '
                '"source": "b", "confidence": "V"}]}',
                "$.entries[1].date",
            ),
        ],
    )
    def test_bad_shapes(self, tmp_path: Path, text: str, path: str) -> None:
        file = tmp_path / "bad.json"
        file.write_text(text, encoding="utf-8")
        with pytest.raises(CalendarDataError) as info:
            WorkingCalendar.from_files(file)
        assert str(file) in str(info.value)
        assert f"{path}:" in str(info.value)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(CalendarDataError, match="cannot read"):
            WorkingCalendar.from_files(tmp_path / "nope.json")

    def test_bundled_entries_are_cited(self) -> None:
        for entry in default_calendar().entries:
            assert all((entry.source, entry.name, entry.url))
            assert entry.origin.endswith("vietnam.json")


class TestImports:
    """Holiday data is loaded lazily; only the private calendar module touches it."""

    def test_import_is_light(self) -> None:
        code = (
            "import sys, de_an06; "
            "print('holidays' in sys.modules, 'dateutil' in sys.modules, 'cattrs' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        assert out[:2] == ["False", "False"]

    def test_only_the_calendar_module_imports_holidays_or_dateutil(self) -> None:
        for module in SRC.rglob("*.py"):
            if module.name == "_calendar.py":
                continue
            text = module.read_text(encoding="utf-8")
            for name in ("holidays", "dateutil"):
                assert f"import {name}" not in text, module
                assert f"from {name}" not in text, module


class TestFuzzFindings:
    """Inputs the fuzz suite found (#9)."""

    def test_overlay_text_is_kept_in_nfc(self, tmp_path: Path) -> None:
        # Was kept as written: an overlay saved in NFD gave names unequal to the same
        # names typed in NFC.
        entry = {
            "date": "2024-05-04",
            "kind": "working_day",
            "name": "Làm bù",
            "source": "Công văn",
            "confidence": "V",
        }
        nfd = {k: unicodedata.normalize("NFD", v) for k, v in entry.items()}
        path = tmp_path / "overlay.json"
        path.write_text(json.dumps({"format": "de_an06.calendar-overlay/1", "entries": [nfd]}))
        (read,) = WorkingCalendar.from_files(path, bundled=False).entries
        assert (read.name, read.source) == ("Làm bù", "Công văn")

    @pytest.mark.parametrize(("day", "n"), [(D(9999, 12, 30), 5), (D(1, 1, 2), -5)])
    def test_counting_past_the_last_date_is_our_error(self, day: date, n: int) -> None:
        # Was ValueError("year 10000 is out of range") from the standard library.
        with pytest.raises(de_an06.ModelValueError, match="dates run from year 1 to 9999"):
            WorkingCalendar().add_working_days(day, n)


def test_one_confidence_enum_for_overlays_and_successions() -> None:
    """An overlay entry's confidence compares equal to a succession event's."""
    import de_an06
    from de_an06 import succession, workdays

    assert workdays.Confidence is succession.Confidence is de_an06.Confidence
