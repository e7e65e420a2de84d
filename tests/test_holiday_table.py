"""The shipped holiday table is ``holidays``' answer for every year it covers (#18).

``calendars/vn-public-holidays.json`` spares the start-up the import of ``holidays``; these
tests keep it from drifting: a ``holidays`` release that changes any day or name of
1901–2100 fails them until ``tools/gen_vn_holidays.py`` is rerun.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import holidays
import pytest

from de_an06._calendar import HOLIDAY_TABLE, _shipped_table, public_holidays

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "de_an06" / "calendars" / HOLIDAY_TABLE


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_vn_holidays", ROOT / "tools" / "gen_vn_holidays.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _from_holidays(year: int) -> dict[date, str]:
    table = holidays.country_holidays("VN", years=year, language="vi")
    return {day: str(name) for day, name in sorted(table.items()) if day.year == year}


def test_every_year_of_the_span_equals_holidays() -> None:
    years, _, _ = _shipped_table()
    assert (years.start, years.stop) == (1901, 2101)
    for year in years:
        assert dict(public_holidays(year)) == _from_holidays(year), year


def test_the_span_is_what_holidays_covers() -> None:
    vietnam = holidays.country_holidays("VN")
    years, _, _ = _shipped_table()
    assert (vietnam.start_year, vietnam.end_year) == (years.start, years.stop - 1)


def test_file_is_the_generators_output() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == _generator().table_text()


@pytest.mark.parametrize("year", [1850, 1900, 2101, 2150])
def test_outside_the_span_holidays_answers(year: int) -> None:
    assert dict(public_holidays(year)) == _from_holidays(year)


def test_known_days() -> None:
    days = public_holidays(2025)
    assert days[date(2025, 1, 29)] == "Tết Nguyên Đán"
    assert days[date(2025, 5, 2)] == "Ngày nghỉ (thay cho ngày 26/04/2025)"
    assert date(2025, 5, 3) not in days


def test_years_of_the_span_do_not_import_holidays() -> None:
    code = (
        "import sys; from datetime import date; "
        "from de_an06.workdays import default_calendar; "
        "c = default_calendar(); c.is_working_day(date(2024, 4, 18)); "
        "c.holiday(date(2024, 9, 2)); "
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False"]
