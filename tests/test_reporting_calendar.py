"""The reporting calendar: NĐ 09 periods of a year, due dates, flags, next due, ICS."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import icalendar
import pytest
from hypothesis import example, given, strategies as st

from de_an06 import (
    Frequency,
    ModelValueError,
    PeriodIdError,
    ReportingPeriod,
    ReportingRegime,
    ReportingRule,
    is_too_tight,
    working_days_after_cutoff,
)
from de_an06._ics import Event, render, text_value
from de_an06.reporting import PERIODIC

from strategies import calendar_dates, vn_dates

D = date
_HANOI = timezone(timedelta(hours=7))
# Article 2 of Decision 161/QĐ-UBND (Sơn La 2024): "Định kỳ (hàng tháng trước ngày 15,
# 06 tháng trước ngày 14/6, năm trước ngày 14/12) hoặc đột xuất theo yêu cầu".
SON_LA = ReportingRegime(
    text="Định kỳ (hàng tháng trước ngày 15, 06 tháng trước ngày 14/6, năm trước ngày 14/12)",
    rules=(
        ReportingRule(frequency=Frequency.MONTHLY, text="hàng tháng trước ngày 15", day=15),
        ReportingRule(
            frequency=Frequency.SIX_MONTHLY,
            text="06 tháng trước ngày 14/6",
            day=14,
            months=(6,),
        ),
        ReportingRule(
            frequency=Frequency.YEARLY, text="năm trước ngày 14/12", day=14, months=(12,)
        ),
    ),
    ad_hoc=True,
)
frequencies = st.sampled_from(PERIODIC)
years = st.integers(1900, 2200)


class TestPeriods:
    """Periods of each frequency tile the reporting year; every day is in exactly one."""

    @given(years, frequencies)
    def test_tile_the_year(self, year: int, frequency: Frequency) -> None:
        periods = ReportingPeriod.in_year(year, frequency)
        assert periods[0].start == D(year - 1, 12, 15)
        assert periods[-1].end == D(year, 12, 14)
        for before, after in itertools.pairwise(periods):
            assert after.start == before.end + timedelta(days=1)
        assert all(ReportingPeriod.from_id(p.id) == p for p in periods)

    @given(vn_dates, frequencies)
    @example(D(2024, 6, 30), Frequency.MONTHLY)
    @example(D(2023, 12, 15), Frequency.YEARLY)
    @example(D(2024, 12, 14), Frequency.YEARLY)
    def test_every_day_in_exactly_one_period(self, day: date, frequency: Frequency) -> None:
        candidates = [
            p
            for year in (day.year, day.year + 1)
            for p in ReportingPeriod.in_year(year, frequency)
            if p.contains(day)
        ]
        assert candidates == [ReportingPeriod.containing(day, frequency)]

    def test_named_periods(self) -> None:
        assert ReportingPeriod.containing(D(2024, 6, 30), Frequency.MONTHLY).id == "202407"
        assert ReportingPeriod.containing(D(2024, 12, 15), Frequency.YEARLY).id == "2025"
        assert ReportingPeriod.containing(D(2024, 3, 14), Frequency.QUARTERLY).id == "2024Q1"
        assert ReportingPeriod.containing(D(2024, 3, 15), Frequency.QUARTERLY).id == "2024Q2"
        assert ReportingPeriod.from_id("2024S1").following().id == "2024S2"
        assert ReportingPeriod.from_id("202412").following().id == "202501"

    def test_ad_hoc_has_no_window(self) -> None:
        with pytest.raises(ModelValueError, match="ad_hoc"):
            ReportingPeriod.in_year(2024, Frequency.AD_HOC)

    @pytest.mark.parametrize("bad", ["0001", "000112"])
    def test_ids_before_year_two(self, bad: str) -> None:
        with pytest.raises(PeriodIdError):
            ReportingPeriod.from_id(bad)


class TestSonLa:
    """Sơn La 2024's rules: due dates, and the NĐ 09 art. 8(5)(b) flags (domain §1.4)."""

    def test_periods_2024(self) -> None:
        periods = {p.id: p for p in SON_LA.periods(2024)}
        assert list(periods) == [
            *(f"2024{m:02d}" for m in range(1, 13)),
            "2024S1",
            "2024S2",
            "2024",
        ]
        assert periods["202401"].due == D(2024, 1, 14)  # "trước ngày 15": the 14th
        assert periods["2024S1"].due == D(2024, 6, 13)
        assert periods["2024S2"].due is None  # the plan names 14/6 only
        assert periods["2024"].due == D(2024, 12, 13)
        assert SON_LA.periods(2024, (Frequency.QUARTERLY,))[0].due is None

    def test_every_rule_is_flagged(self) -> None:
        for period in SON_LA.periods(2024):
            if period.due is None:
                continue
            assert is_too_tight(period), period.id
            slack = working_days_after_cutoff(period)
            assert slack is not None
            if period.frequency is Frequency.MONTHLY:
                assert slack == 0  # due on the cut-off's last day
            else:
                assert period.due < period.end  # due before the data are closed

    def test_inclusive_reading(self) -> None:
        periods = {p.id: p for p in SON_LA.periods(2024, inclusive=True)}
        assert periods["202401"].due == D(2024, 1, 15)
        assert not is_too_tight(periods["202401"])  # Mon 15/01 is a working day
        assert is_too_tight(periods["202406"])  # Sat 15/06: still no working day left
        assert is_too_tight(periods["2024S1"])  # 14/6 is the cut-off's last day

    def test_due_for_clamps_to_month_end(self) -> None:
        rule = ReportingRule(frequency=Frequency.MONTHLY, text="ngày 31", day=31, before=False)
        assert rule.due_for(ReportingPeriod.from_id("202402")) == D(2024, 2, 29)
        with pytest.raises(ModelValueError):
            attrs.evolve(rule, day=0).due_for(ReportingPeriod.from_id("202402"))

    def test_period_containing_has_due(self) -> None:
        period = SON_LA.period_containing(D(2024, 6, 30), Frequency.MONTHLY)
        assert (period.id, period.due) == ("202407", D(2024, 7, 14))

    @pytest.mark.parametrize(
        ("after", "pid", "due"),
        [
            (D(2024, 1, 1), "202401", D(2024, 1, 14)),
            (D(2024, 1, 14), "202402", D(2024, 2, 14)),
            (D(2024, 6, 12), "2024S1", D(2024, 6, 13)),
            (D(2024, 12, 12), "2024", D(2024, 12, 13)),
            (D(2024, 12, 13), "202412", D(2024, 12, 14)),
            (D(2024, 12, 14), "202501", D(2025, 1, 14)),
        ],
    )
    def test_next_due(self, after: date, pid: str, due: date) -> None:
        found = SON_LA.next_due(after)
        assert found is not None
        assert (found.id, found.due) == (pid, due)

    def test_no_rules(self) -> None:
        assert ReportingRegime(text="").next_due(D(2024, 1, 1)) is None


rules = st.builds(
    ReportingRule,
    frequency=frequencies,
    text=st.just("rule"),
    day=st.integers(1, 31),
    months=st.lists(st.integers(1, 12), max_size=3).map(tuple),
    before=st.booleans(),
)
regimes = st.builds(ReportingRegime, text=st.just(""), rules=st.lists(rules, max_size=3).map(tuple))


class TestNextDue:
    """next_due is the first due date strictly after the day, and monotone."""

    @given(regimes, calendar_dates, calendar_dates, st.booleans())
    def test_monotone(self, regime: ReportingRegime, a: date, b: date, inclusive: bool) -> None:
        early, late = sorted((a, b))
        first = regime.next_due(early, inclusive=inclusive)
        second = regime.next_due(late, inclusive=inclusive)
        if first is None:  # no rule covers any period
            assert second is None
            return
        assert second is not None
        assert first.due is not None
        assert second.due is not None
        assert early < first.due <= second.due
        assert late < second.due

    @given(regimes, calendar_dates, st.booleans())
    def test_nothing_due_in_between(
        self, regime: ReportingRegime, after: date, inclusive: bool
    ) -> None:
        found = regime.next_due(after, inclusive=inclusive)
        dues = [
            p.due
            for year in range(after.year - 1, after.year + 3)
            for p in regime.periods(year, inclusive=inclusive)
            if p.due is not None and p.due > after
        ]
        if not dues:
            assert found is None
            return
        assert found is not None
        assert found.due == min(dues)


class TestIcs:
    """RFC 5545 through ``icalendar``: CRLF, 75-octet folding, TEXT escaping, UID/DTSTAMP,
    all-day events; what a TEXT value cannot carry becomes U+FFFD."""

    STAMP = datetime(2024, 1, 29, 8, 0, tzinfo=UTC)

    def test_calendar(self) -> None:
        text = render(
            "Báo cáo; thử, nghiệm",
            [
                Event("a@x", D(2024, 1, 14), "Hạn báo cáo, tháng 202401", "dòng 1\ndòng 2; \\"),
                Event("b@x", D(2024, 12, 31), "Cuối năm"),
            ],
            stamp=self.STAMP,
        )
        assert text.endswith("\r\n")
        assert "\n" not in text.replace("\r\n", "")
        lines = text.split("\r\n")[:-1]
        assert all(len(line.encode()) <= 75 for line in lines)
        unfolded = text.replace("\r\n ", "").split("\r\n")[:-1]
        assert (unfolded[0], unfolded[-1]) == ("BEGIN:VCALENDAR", "END:VCALENDAR")
        assert "X-WR-CALNAME:Báo cáo\\; thử\\, nghiệm" in unfolded
        assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT") == 2
        assert unfolded.count("DTSTAMP:20240129T080000Z") == 2
        assert "DTSTART;VALUE=DATE:20241231" in unfolded
        assert "DTEND;VALUE=DATE:20250101" in unfolded
        assert "DESCRIPTION:dòng 1\\ndòng 2\\; \\\\" in unfolded
        assert [line for line in unfolded if line.startswith("UID:")] == ["UID:a@x", "UID:b@x"]

    @pytest.mark.parametrize(
        "stamp",
        [datetime(2024, 1, 29, 8, 0, 0, 999), datetime(2024, 1, 29, 15, 0, tzinfo=_HANOI)],
    )
    def test_dtstamp_is_utc(self, stamp: datetime) -> None:
        """A naive stamp is UTC; an aware one is converted; no fraction of a second."""
        text = render("x", [Event("a@x", D(2024, 1, 14), "s")], stamp=stamp)
        assert "\r\nDTSTAMP:20240129T080000Z\r\n" in text

    @pytest.mark.parametrize(
        ("summary", "parsed"),
        [
            ("a\rb", "a\nb"),  # a bare CR is a line break, escaped, never a raw CR
            ("a\nb\r\nc", "a\nb\nc"),
            (
                "nul\x00 bell\x07 esc\x1b del\x7f tab\t",
                "nul\ufffd bell\ufffd esc\ufffd del\ufffd tab\t",
            ),
            ("lone \ud800 surrogate \udfff", "lone \ufffd surrogate \ufffd"),
            ("ệ" * 500, "ệ" * 500),  # 1,500 octets, folded at 75
            ("a;b,c\\d", "a;b,c\\d"),
        ],
    )
    def test_summary_round_trips(self, summary: str, parsed: str) -> None:
        text = render("x", [Event("a@x", D(2024, 1, 14), summary, summary)], stamp=self.STAMP)
        raw = text.encode("utf-8")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", raw.replace(b"\r\n", b""))
        (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert str(event["SUMMARY"]) == parsed
        assert str(event["DESCRIPTION"]) == parsed
        assert event["DTSTART"].dt == D(2024, 1, 14)
        assert event["DTEND"].dt == D(2024, 1, 15)

    @given(st.text(max_size=300))
    def test_any_text_round_trips(self, value: str) -> None:
        text = render(value, [Event("a@x", D(2024, 1, 14), value)], stamp=self.STAMP)
        raw = text.encode("utf-8")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        calendar = icalendar.Calendar.from_ical(raw)
        expected = text_value(value).replace("\r\n", "\n").replace("\r", "\n")
        name = calendar["X-WR-CALNAME"]  # an X- property: parsed, not unescaped
        assert (
            re.sub(r"\\([\\;,nN])", lambda m: m[1].replace("N", "n").replace("n", "\n"), name)
            == expected
        )
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == expected
