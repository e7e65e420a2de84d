"""Files as districts send them: `;`, thousands dots, STT, .xlsx, typos, several files."""

from __future__ import annotations

from pathlib import Path

import pytest

import de_an06
from de_an06 import ObservationDataError, Observations, Plan


@pytest.fixture(scope="module")
def plan() -> Plan:
    return de_an06.load_plan("son-la-2024")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_excel_vietnamese_csv_loads_without_editing(tmp_path: Path, plan: Plan) -> None:
    path = write(
        tmp_path,
        "mai-son.csv",
        "STT;Chỉ tiêu;Đơn vị;Kỳ;Tử số;Mẫu số\n"
        "1;II.4;H. Mai Sơn;202406;2.950;9.105\n"
        "2;II.5.b;huyện Mai Sơn;202406;85 400;121300.0\n",
    )
    obs = Observations.from_files([path], plan)
    assert obs.units == ("mai-son",)
    assert obs.numerator.tolist() == [2950, 85400]
    assert obs.denominator.tolist() == [9105, 121300]


def test_ambiguous_number_refused_naming_the_cell(tmp_path: Path, plan: Plan) -> None:
    path = write(
        tmp_path,
        "a.csv",
        "indicator,unit,period,numerator,denominator\nII.4,Mai Sơn,202406,2.95,10\n",
    )
    with pytest.raises(ObservationDataError) as caught:
        Observations.from_files([path], plan)
    (bad,) = caught.value.problems
    assert (bad.source, bad.line, bad.column, bad.value) == (str(path), 2, "numerator", "2.95")
    assert "ambiguous" in bad.message


def test_typo_gets_a_suggestion(tmp_path: Path, plan: Plan) -> None:
    path = write(
        tmp_path, "a.csv", "indicator,unit,period,numerator,denominator\nII.4,Mai Sonn,202406,1,2\n"
    )
    with pytest.raises(ObservationDataError) as caught:
        Observations.from_files([path], plan)
    assert "did you mean 'Huyện Mai Sơn'" in caught.value.problems[0].message


def test_many_files_each_problem_names_its_file(tmp_path: Path, plan: Plan) -> None:
    head = "indicator,unit,period,numerator,denominator\n"
    a = write(tmp_path, "a.csv", head + "II.4,Mai Sơn,202406,1,2\n")
    b = write(tmp_path, "b.csv", head + "II.4,Mộc Châu,202406,3,4\nII.4,Nowhere,202406,1,1\n")
    with pytest.raises(ObservationDataError) as caught:
        Observations.from_files([a, b], plan)
    assert [(p.source, p.line) for p in caught.value.problems] == [(str(b), 3)]
    b.write_text(head + "II.4,Mộc Châu,202406,3,4\n", encoding="utf-8")
    obs = Observations.from_files([a, b], plan)
    assert sorted(obs.units) == ["mai-son", "moc-chau"]


def test_xlsx_read_directly(tmp_path: Path, plan: Plan) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "indicator", "unit", "period", "numerator", "denominator"])
    sheet.append([1, "II.4", "Mai Sơn", 202406, 2950, 9105])
    path = tmp_path / "mai-son.xlsx"
    book.save(path)
    obs = Observations.from_files([path], plan)
    assert (obs.periods, obs.numerator.tolist()) == (("202406",), [2950])
