"""Every error type's message names where (file or source), which field or line, and what.

Each error is made the way a user meets it — a bad file, a bad name, a bad wording —
and its text is checked for the source (the file, the plan, the wording), the place (a
JSON path, a line and column, a caret, the kind of key) and the offending value.
"""

from __future__ import annotations

import inspect
import json
import sys
from datetime import date
from pathlib import Path

import pytest

import de_an06
from de_an06 import (
    PeriodUnit,
    ReportingPeriod,
    WithinPeriod,
    WorkingCalendar,
    errors,
    import_file,
    load_plan,
    load_successions,
    parse_deadline,
    resolve_agency,
    resolve_locality,
)
from de_an06._tables import write_xlsx
from de_an06.loading import _DATA
from de_an06.observations import Observations

from strategies import observation_plan


def names(error: BaseException, *parts: str) -> str:
    """The error's text, after checking it holds every one of *parts*."""
    text = str(error)
    for part in parts:
        assert part in text, f"{part!r} not in {text!r}"
    return text


def test_plan_data_error(tmp_path: Path) -> None:
    data = json.loads((_DATA / "son-la-2024.json").read_text(encoding="utf-8"))
    data["task_groups"][1]["tasks"][2]["deadline"] = {"kind": "within", "text": "Quý V"}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.PlanDataError) as info:
        load_plan(path)
    names(info.value, str(path), "$.task_groups[1].tasks[2].deadline", "'Quý V'")


def test_succession_data_error(tmp_path: Path) -> None:
    data = json.loads(
        (Path(de_an06.__file__).parent / "successions" / "son-la.json").read_text("utf-8")
    )
    data["events"][0]["kind"] = "explode"
    path = tmp_path / "successions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.SuccessionDataError) as info:
        load_successions(path)
    names(info.value, str(path), "$.events[0].kind", "'explode'", "succession data")


def test_calendar_data_error(tmp_path: Path) -> None:
    entry = {"date": "2024-13-01", "kind": "day_off", "name": "x", "source": "y", "confidence": "V"}
    path = tmp_path / "overlay.json"
    path.write_text(json.dumps({"format": "de_an06.calendar-overlay/1", "entries": [entry]}))
    with pytest.raises(errors.CalendarDataError) as info:
        WorkingCalendar.from_files(path)
    names(info.value, str(path), "$.entries[0].date", "'2024-13-01'", "calendar data")


def test_observation_data_error(tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text(
        "indicator,unit,period,numerator,denominator\nP.1,Mai Sơn,202406,1.5,4\n", "utf-8"
    )
    with pytest.raises(errors.ObservationDataError) as info:
        Observations.from_csv(path, observation_plan())
    names(info.value, f"{path}:2: numerator:", "'1.5'", "not a whole number")


def test_plan_text_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("Sơn La".encode("cp1258"))  # Windows-1258: "ơ" is the byte F5
    with pytest.raises(errors.PlanTextError) as info:
        import_file(path)
    names(info.value, str(path), "byte 1", repr(b"\xf5"), "UTF-8")


def test_deadline_syntax_error() -> None:
    with pytest.raises(errors.DeadlineSyntaxError) as info:
        parse_deadline("Trong Quý V/2024", strict=True)
    text = names(info.value, "quarter number", "Trong Quý V/2024")
    wording, caret = text.splitlines()[1:]
    assert wording[caret.index("^")] == "V"  # the caret is under the offending value
    assert info.value.text == "Trong Quý V/2024"
    assert info.value.span == (10, 11)


def test_agency_lookup_error() -> None:
    with pytest.raises(errors.AgencyLookupError) as info:
        resolve_agency(load_plan("son-la-2024"), "Sở Không Tồn Tại")
    names(info.value, "agency", "'Sở Không Tồn Tại'", "plan 'son-la-2024'")


def test_agency_lookup_error_ambiguous() -> None:
    with pytest.raises(errors.AgencyLookupError) as info:
        resolve_agency(load_plan("son-la-2024"), "Sở")
    names(info.value, "ambiguous", "'Sở'", "plan 'son-la-2024'", "it matches")


def test_locality_lookup_error() -> None:
    with pytest.raises(errors.LocalityLookupError) as info:
        resolve_locality(load_plan("son-la-2024"), "Huyện Không Có")
    names(info.value, "locality", "'Huyện Không Có'", "plan 'son-la-2024'")


def test_unknown_key_error() -> None:
    with pytest.raises(errors.UnknownKeyError) as info:
        load_plan("son-la-2024").task("99.9")
    names(info.value, "task", "'99.9'", "plan 'son-la-2024'", "known: 1.1")


def test_period_id_error(tmp_path: Path) -> None:
    with pytest.raises(errors.PeriodIdError) as info:
        ReportingPeriod.from_id("2024Q5")
    names(info.value, "reporting period ID", "'2024Q5'")
    # Met in a file, it is one problem of that file, with its line and column.
    path = tmp_path / "counts.csv"
    path.write_text(
        "indicator,unit,period,numerator,denominator\nP.1,Mai Sơn,2024Q5,1,4\n", "utf-8"
    )
    with pytest.raises(errors.ObservationDataError) as file_info:
        Observations.from_csv(path, observation_plan())
    names(file_info.value, f"{path}:2: period:", "'2024Q5'", "not a reporting period ID")


def test_model_value_error() -> None:
    with pytest.raises(errors.ModelValueError) as info:
        WithinPeriod(text="Quý V/2024", year=2024, unit=PeriodUnit.QUARTER, number=5)
    names(info.value, "quarter number", "got 5")


def test_date_range_error() -> None:
    plan = de_an06.load_plan("son-la-2024")
    with pytest.raises(errors.DateRangeError) as info:
        de_an06.tasks_due_within(plan, date(9999, 12, 31), 1)
    names(info.value, "1900-01-01", "2999-12-31", "9999-12-31")


def test_model_value_error_of_a_calendar() -> None:
    with pytest.raises(errors.ModelValueError) as info:
        WorkingCalendar().add_working_days(date(9999, 12, 30), 5)
    names(info.value, "year 10000", "1 to 9999")


def test_export_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "no-such-folder" / "matrix.xlsx"
    with pytest.raises(errors.ExportError) as info:
        write_xlsx(["a"], [["b"]], path)
    names(info.value, str(path), "cannot write", "No such file")


def test_export_error_without_openpyxl(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import fails
    path = tmp_path / "matrix.xlsx"
    with pytest.raises(errors.ExportError) as info:
        write_xlsx(["a"], [["b"]], path)
    names(info.value, str(path), "'openpyxl'", "--format csv")


def test_every_error_type_is_tested() -> None:
    """Each exception class of errors.py has a test above that meets it."""
    defined = {
        obj
        for obj in vars(errors).values()
        if inspect.isclass(obj) and issubclass(obj, errors.DeAn06Error)
    }
    assert defined - set(COVERED) == {errors.DeAn06Error}
    for error, test in COVERED.items():
        assert issubclass(error, errors.DeAn06Error)
        assert test.__name__ in globals()


COVERED = {
    errors.PlanDataError: test_plan_data_error,
    errors.SuccessionDataError: test_succession_data_error,
    errors.CalendarDataError: test_calendar_data_error,
    errors.ObservationDataError: test_observation_data_error,
    errors.PlanTextError: test_plan_text_error,
    errors.DeadlineSyntaxError: test_deadline_syntax_error,
    errors.AgencyLookupError: test_agency_lookup_error,
    errors.LocalityLookupError: test_locality_lookup_error,
    errors.UnknownKeyError: test_unknown_key_error,
    errors.PeriodIdError: test_period_id_error,
    errors.ModelValueError: test_model_value_error,
    errors.DateRangeError: test_date_range_error,
    errors.ExportError: test_export_error,
}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (10**5000, "<an integer of about 5,001 digits>"),
        ("x" * 10**6, "'xxxxxxxx"),
        (json.loads("[" * 900 + "]" * 900), "[[[[[[[["),
    ],
    ids=["5000 digits", "a million characters", "900 lists deep"],
)
def test_any_value_can_be_shown(value: object, shown: str) -> None:
    # Found by fuzzing (#9): repr() of an integer of 4,301+ digits raises ValueError, so a
    # problem holding one could not be printed.
    problem = errors.Problem(source="f.json", path="$.year", value=value, message="bad")
    assert shown in str(problem)
    assert len(str(problem)) < 200


def test_a_list_too_deep_to_show() -> None:
    deep: list[object] = []
    for _ in range(5000):
        deep = [deep]
    problem = errors.Problem(source="f.json", path="$.x", value=deep, message="bad")
    assert "<list nested too deep to show>" in str(problem)
