"""Reporting period IDs and their NĐ 09/2019 art. 12 cut-off windows."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from de_an06 import Frequency, PeriodIdError, ReportingPeriod

from strategies import period_ids


@pytest.mark.parametrize(
    ("pid", "frequency", "start", "end"),
    [
        ("202401", Frequency.MONTHLY, date(2023, 12, 15), date(2024, 1, 14)),
        ("202407", Frequency.MONTHLY, date(2024, 6, 15), date(2024, 7, 14)),
        ("2024Q1", Frequency.QUARTERLY, date(2023, 12, 15), date(2024, 3, 14)),
        ("2024S1", Frequency.SIX_MONTHLY, date(2023, 12, 15), date(2024, 6, 14)),
        ("2024S2", Frequency.SIX_MONTHLY, date(2024, 6, 15), date(2024, 12, 14)),
        ("2024", Frequency.YEARLY, date(2023, 12, 15), date(2024, 12, 14)),
    ],
)
def test_pinned_windows(pid: str, frequency: Frequency, start: date, end: date) -> None:
    period = ReportingPeriod.from_id(pid)
    assert (period.id, period.frequency, period.start, period.end) == (pid, frequency, start, end)
    assert period.due is None


def test_june_30_falls_in_202407() -> None:
    # decisions.md: 30/06/2024 falls in 202407.
    assert ReportingPeriod.from_id("202407").contains(date(2024, 6, 30))
    assert not ReportingPeriod.from_id("202406").contains(date(2024, 6, 30))


@given(st.integers(2000, 2100))
def test_monthly_windows_tile_the_year(year: int) -> None:
    """From 15/12 of the previous year to 14/12, the twelve windows leave no gap or overlap."""
    periods = [ReportingPeriod.from_id(f"{year}{m:02d}") for m in range(1, 13)]
    assert periods[0].start == date(year - 1, 12, 15)
    assert periods[-1].end == date(year, 12, 14)
    for before, after in itertools.pairwise(periods):
        assert after.start == before.end + timedelta(days=1)


@given(period_ids)
def test_id_round_trip(pid: str) -> None:
    assert ReportingPeriod.from_id(pid).id == pid


@pytest.mark.parametrize("bad", ["", "2024Q5", "202413", "202400", "2024S3", "24Q1", "Quý I"])
def test_bad_ids(bad: str) -> None:
    with pytest.raises(PeriodIdError) as info:
        ReportingPeriod.from_id(bad)
    assert repr(bad) in str(info.value)
