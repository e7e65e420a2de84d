"""Observations: columnar store, CSV/records/data-frame import, checks with line numbers."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import de_an06
from de_an06._input.checker import count_value
from de_an06.errors import DeAn06Error, ObservationDataError
from de_an06.observations import Coded, Observations

from strategies import observation_plan

np = pytest.importorskip("numpy")

PLAN = observation_plan()
HEADER = "indicator,unit,period,numerator,denominator\n"


def write(tmp_path: Path, text: str, name: str = "counts.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(error: ObservationDataError) -> list[tuple[int | None, str, object]]:
    return [(p.line, p.column, p.value) for p in error.problems]


class TestImport:
    """A counts CSV becomes int64 columns and small codes, with no object per row."""

    def test_columns_and_tables(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            HEADER + "P.1,Thành phố Sơn La,202401,50,100\nP.1,Huyện Mai Sơn,202402,3,4\n",
        )
        obs = Observations.from_csv(path, PLAN)
        assert len(obs) == 2
        assert obs.numerator.dtype == np.int64
        assert obs.denominator.tolist() == [100, 4]
        assert obs.labels("unit").tolist() == ["tp", "mai-son"]
        assert obs.labels("period").tolist() == ["202401", "202402"]
        assert obs.unit_codes.dtype.itemsize == 1
        assert obs.nbytes / len(obs) <= 30
        assert not obs.numerator.flags.writeable

    def test_bom_and_vietnamese_headers(self, tmp_path: Path) -> None:
        text = "\ufeffChỉ tiêu,Đơn vị,Kỳ báo cáo,Trực tuyến,Tổng số hồ sơ tiếp nhận\n"
        path = write(tmp_path, text + "P.1,Mai Sơn,2024Q1,1,2\n")
        obs = Observations.from_csv(path, PLAN)
        assert list(obs.to_records()) == [
            {
                "indicator": "P.1",
                "unit": "mai-son",
                "period": "2024Q1",
                "service": "",
                "numerator": 1,
                "denominator": 2,
                "connected": None,
            }
        ]

    def test_defaults_fill_missing_columns(self, tmp_path: Path) -> None:
        path = write(tmp_path, "unit,numerator,denominator\nMai Sơn,1,2\n")
        obs = Observations.from_csv(path, PLAN, indicator="P.1", period="2024")
        assert obs.labels("indicator").tolist() == ["P.1"]
        assert obs.labels("period").tolist() == ["2024"]

    @pytest.mark.parametrize(
        "name",
        [
            "Thành phố Sơn La",
            "TP Sơn La",
            "TP. Sơn La",
            "thành phố",
            "THÀNH PHỐ SƠN LA",
            "thanh pho son la",
            "UBND thành phố Sơn La",
            unicodedata.normalize("NFD", "Thành phố Sơn La"),
        ],
    )
    def test_city_names(self, name: str) -> None:
        obs = Observations.from_records(
            [
                {
                    "indicator": "P.1",
                    "unit": name,
                    "period": "2024",
                    "numerator": 1,
                    "denominator": 1,
                }
            ],
            PLAN,
        )
        assert obs.units == ("tp",)

    @pytest.mark.parametrize(
        "name", ["Huyện Mai Sơn", "Mai Sơn", "mai son", "UBND huyện Mai Sơn", "mai-son"]
    )
    def test_district_names(self, name: str) -> None:
        record = {"indicator": "P.1", "unit": name, "period": "2024", "numerator": 0}
        obs = Observations.from_records([{**record, "denominator": 0}], PLAN)
        assert obs.units == ("mai-son",)

    def test_agency_units(self) -> None:
        record = {"indicator": "P.1", "period": "2024", "numerator": 0, "denominator": 0}
        obs = Observations.from_records([{**record, "unit": "CA tỉnh"}], PLAN)
        assert obs.units == ("ca-tinh",)

    def test_same_unit_in_two_spellings_is_a_duplicate(self) -> None:
        rows = [
            {"indicator": "P.1", "unit": u, "period": "2024", "numerator": 1, "denominator": 2}
            for u in ("TP Sơn La", "Thành phố Sơn La")
        ]
        with pytest.raises(ObservationDataError, match="duplicate of line 1"):
            Observations.from_records(rows, PLAN)
        summed = Observations.from_records(rows, PLAN, duplicates="sum")
        assert (summed.numerator.tolist(), summed.denominator.tolist()) == ([2], [4])

    def test_period_as_number(self) -> None:
        record = {"indicator": "P.1", "unit": "tp", "period": 202401, "numerator": 1}
        obs = Observations.from_records([{**record, "denominator": 1}], PLAN)
        assert obs.periods == ("202401",)


class TestProblems:
    """Every problem at once, each with file, line, column and value."""

    def test_counts(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            HEADER
            + "P.1,tp,2024,1.5,10\n"
            + "P.1,mai-son,2024,-3,10\n"
            + "P.1,moc-chau,2024,,10\n"
            + "P.1,tinh,2024,1,9223372036854775808\n"
            + "P.1,hat-lot,2024,1 00,10\n",
        )
        with pytest.raises(ObservationDataError) as caught:
            Observations.from_csv(path, PLAN)
        error = caught.value
        assert problems_of(error) == [
            (2, "numerator", "1.5"),
            (3, "numerator", "-3"),
            (4, "numerator", ""),
            (6, "numerator", "1 00"),
            (5, "denominator", "9223372036854775808"),
        ]
        text = str(error)
        assert f"{path}:2: numerator: not a whole number (value: '1.5')" in text
        assert "negative count" in text
        assert "missing count" in text
        assert "beyond the int64 range" in text
        assert isinstance(error, DeAn06Error)
        assert isinstance(error, ValueError)

    def test_unknown_names_listed_with_lines(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            HEADER
            + "P.9,tp,2024,1,2\n"
            + "P.1,Hà Nội,2024,1,2\n"
            + "P.1,Hà Nội,2024Q5,1,2\n"
            + "Q.1,tp,2024,1,2\n",
        )
        with pytest.raises(ObservationDataError) as caught:
            Observations.from_csv(path, PLAN)
        text = str(caught.value)
        assert f"{path}:2: indicator: no indicator with this ID" in text
        assert f"{path}:3: unit: no unit of plan 'mini-2024' has this name; also on line 4" in text
        assert "2024Q5" in text
        assert "qualitative" in text
        assert len(caught.value.problems) == 4

    def test_ambiguous_name(self) -> None:
        record = {"indicator": "P.1", "unit": "Sơn La", "period": "2024", "numerator": 1}
        with pytest.raises(ObservationDataError, match=r"ambiguous unit.*\(tinh\).*\(tp\)"):
            Observations.from_records([{**record, "denominator": 1}], PLAN)

    def test_share_above_one(self) -> None:
        rows = [
            {"indicator": i, "unit": "tp", "period": "2024", "numerator": 5, "denominator": 4}
            for i in ("P.1", "P.6")
        ]
        with pytest.raises(ObservationDataError) as caught:
            Observations.from_records(rows, PLAN)
        assert problems_of(caught.value) == [(1, "numerator", 5)]  # P.6 is a count

    def test_header_problems(self, tmp_path: Path) -> None:
        path = write(tmp_path, "indicator,unit,when,numerator\nP.1,tp,2024,1\n")
        with pytest.raises(ObservationDataError) as caught:
            Observations.from_csv(path, PLAN)
        text = str(caught.value)
        assert "unknown column (value: 'when')" in text
        assert "no denominator column" in text
        assert "no period column" in text

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ObservationDataError, match="cannot read"):
            Observations.from_csv(tmp_path / "nope.csv", PLAN)

    def test_unknown_record_key(self) -> None:
        record = {"indicator": "P.1", "unit": "tp", "period": "2024", "numerator": 1}
        with pytest.raises(ObservationDataError, match="unknown key"):
            Observations.from_records([{**record, "denominator": 1, "colour": "red"}], PLAN)

    def test_bad_duplicates_option(self) -> None:
        with pytest.raises(ObservationDataError, match="duplicates must be"):
            Observations.from_records([], PLAN, duplicates="drop")  # type: ignore[arg-type]

    @given(
        row=st.integers(0, 5),
        bad=st.sampled_from(["1.5", "-3", "", "x", "9" * 20, "1e3", "0x10", "٣"]),
        column=st.sampled_from(["numerator", "denominator"]),
    )
    def test_any_bad_count_names_file_line_and_value(
        self, tmp_path_factory: pytest.TempPathFactory, row: int, bad: str, column: str
    ) -> None:
        lines = [f"P.1,{u},2024,1,2" for u in ("tp", "mai-son", "moc-chau", "tinh", "hat-lot")]
        lines.insert(
            row,
            f"P.1,chieng-son,2024,{bad if column == 'numerator' else 1},"
            f"{bad if column == 'denominator' else 2}",
        )
        path = write(tmp_path_factory.mktemp("csv"), HEADER + "\n".join(lines) + "\n")
        with pytest.raises(ObservationDataError) as caught:
            Observations.from_csv(path, PLAN)
        (problem,) = caught.value.problems
        assert (problem.source, problem.line, problem.column, problem.value) == (
            str(path),
            row + 2,
            column,
            bad,
        )
        assert f"{path}:{row + 2}: {column}:" in str(caught.value)
        assert repr(bad) in str(caught.value)


@given(st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=8), st.none()))
def test_count_value_never_raises(value: object) -> None:
    """Any cell is a count or a reason, never an exception."""
    result = count_value(value)
    assert isinstance(result, str) or 0 <= result < 2**63


class TestAnnexCsv:
    """The annex table shape: section heading rows give the section of the numbers below."""

    TEXT = (
        "STT,Tên thủ tục hành chính,Đơn vị báo cáo,"
        "Kết nối với cổng dịch vụ công quốc gia (tích x),Tổng số hồ sơ tiếp nhận,"
        "Trực tuyến,Tỉ lệ,GHI CHÚ\n"
        "I,DỊCH VỤ CÔNG THIẾT YẾU QĐ 06,,,,,,\n"
        "1,Đăng ký thường trú,Công an tỉnh/UBND cấp huyện,,,,,\n"
        "1,Đăng ký thường trú,Công an tỉnh,x,100,90,90%,\n"
        "1,Đăng ký thường trú,UBND huyện Mai Sơn,,40,10,,chưa kết nối\n"
        "II,DỊCH VỤ CÔNG CỦA CÁ NHÂN,,,,,,\n"
        "1,Xác nhận thông tin về cư trú,Công an tỉnh,x,5,5,,\n"
        '"13,2",Thanh toán viện phí,Sở Tư pháp,x,0,0,,\n'
    )

    def test_sections_and_template_rows(self, tmp_path: Path) -> None:
        obs = Observations.from_csv(write(tmp_path, self.TEXT), PLAN, period="2024S1")
        records = list(obs.to_records())
        assert [(r["service"], r["unit"], r["connected"]) for r in records] == [
            ("I.1", "ca-tinh", True),
            ("I.1", "mai-son", False),
            ("II.1", "ca-tinh", True),
            ("II.13.2", "so-tu-phap", True),
        ]
        assert {r["indicator"] for r in records} == {""}
        assert obs.denominator.tolist() == [100, 40, 5, 0]

    def test_ambiguous_service_number(self) -> None:
        record = {"unit": "tp", "period": "2024", "numerator": 1, "denominator": 2}
        with pytest.raises(ObservationDataError, match=r"ambiguous service.*I\.1, II\.1"):
            Observations.from_records([{**record, "service": "1"}], PLAN)
        obs = Observations.from_records([{**record, "service": "Thanh toán viện phí"}], PLAN)
        assert obs.services == ("II.13.2",)


class TestColumnsAndFrames:
    """Whole columns in, data frames in and out (pandas / polars when installed)."""

    def test_coded_columns(self) -> None:
        obs = Observations.from_columns(
            PLAN,
            indicator="P.1",
            unit=Coded(np.array([0, 1, 0]), ["tp", "Mai Sơn"]),
            period=Coded(np.array([0, 0, 1]), ["202401", "202402"]),
            numerator=np.array([1, 2, 3]),
            denominator=np.array([4, 5, 6]),
        )
        assert obs.labels("unit").tolist() == ["tp", "mai-son", "tp"]
        assert obs.numerator.tolist() == [1, 2, 3]

    def test_negative_array(self) -> None:
        with pytest.raises(ObservationDataError, match="negative count") as caught:
            Observations.from_columns(
                PLAN,
                indicator="P.1",
                unit="tp",
                period=["2024", "2025"],
                numerator=np.array([1, -1]),
                denominator=np.array([2, 2]),
            )
        assert caught.value.problems[0].line == 2

    def test_pandas_round_trip(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(
            {
                "indicator": ["P.1", "P.1"],
                "unit": ["TP Sơn La", "Mai Sơn"],
                "period": ["2024", "2024"],
                "numerator": [1, 2],
                "denominator": [3, 4],
            }
        )
        obs = Observations.from_dataframe(frame, PLAN)
        back = obs.to_pandas()
        assert back["unit"].astype(str).tolist() == ["tp", "mai-son"]
        again = Observations.from_dataframe(back.drop(columns="service"), PLAN)
        assert list(again.to_records()) == list(obs.to_records())

    def test_pandas_missing_value(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame(
            {
                "indicator": ["P.1"],
                "unit": ["tp"],
                "period": ["2024"],
                "numerator": [None],
                "denominator": [3],
            }
        )
        with pytest.raises(ObservationDataError, match="missing count"):
            Observations.from_dataframe(frame, PLAN)

    def test_polars_round_trip(self) -> None:
        pl = pytest.importorskip("polars")
        frame = pl.DataFrame(
            {
                "indicator": ["P.1"],
                "unit": ["Mộc Châu"],
                "period": ["2024S1"],
                "numerator": [7],
                "denominator": [9],
            }
        )
        obs = Observations.from_dataframe(frame, PLAN)
        back = obs.to_polars()
        assert back["unit"].to_list() == ["moc-chau"]
        assert back["numerator"].dtype == pl.Int64


def test_import_de_an06_does_not_import_numpy() -> None:
    """Commands that need no counts start without numpy."""
    code = (
        "import sys, de_an06, de_an06.observations, de_an06.rollup; print('numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


class TestLimits:
    """Row count, field length and sums past int64: the library's own error (#9)."""

    HEADER = "indicator,unit,period,numerator,denominator\n"

    def test_a_field_past_the_csv_limit(self, tmp_path: Path) -> None:
        # Found by fuzzing: was _csv.Error("field larger than field limit (131072)").
        path = write(tmp_path, self.HEADER + "P.1," + "x" * 140_000 + ",202406,1,4\n")
        with pytest.raises(ObservationDataError) as info:
            Observations.from_csv(path, PLAN)
        (problem,) = info.value.problems
        assert problem.line == 2
        assert "a field longer than the CSV limit of 131,072 characters" in problem.message

    def test_line_breaks_are_only_cr_and_lf(self, tmp_path: Path) -> None:
        # Found by fuzzing: a form feed or U+2028 in a cell used to split the row in two
        # (str.splitlines), so cells went missing and lines were misnumbered.
        text = self.HEADER + "P.1,Mai Sơn\x0c,202406,1,4\nP.1,TP Sơn La\u2028x,202406,1,4\n"
        with pytest.raises(ObservationDataError) as info:
            Observations.from_csv(write(tmp_path, text), PLAN)
        assert problems_of(info.value) == [(3, "unit", "TP Sơn La\u2028x")]
        good = self.HEADER + "P.1,Mai Sơn\x0c,202406,1,4\nP.1,TP Sơn La\u2028,202406,2,4\n"
        assert Observations.from_csv(write(tmp_path, good), PLAN).numerator.tolist() == [1, 2]

    def test_more_rows_than_allowed(self, tmp_path: Path) -> None:
        path = write(tmp_path, self.HEADER + "P.1,Mai Sơn,202406,1,4\n" * 3)
        assert len(Observations.from_csv(path, PLAN, duplicates="sum", max_rows=3)) == 1
        with pytest.raises(ObservationDataError) as info:
            Observations.from_csv(path, PLAN, duplicates="sum", max_rows=2)
        (problem,) = info.value.problems
        assert (problem.line, problem.value) == (4, 3)
        assert "more than 2 rows" in problem.message

    def test_sums_past_int64_never_wrap(self) -> None:
        # Counts up to int64 are read; their sums are exact or refused, naming the source.
        big = 2**63 - 1
        units = ("Xã Chiềng Mung", "Thị trấn Hát Lót", "Huyện Mai Sơn")
        records = [
            {
                "indicator": "P.6",
                "unit": u,
                "period": "202401",
                "numerator": big,
                "denominator": big,
            }
            for u in units
        ]
        obs = Observations.from_records(records, PLAN, source="big.csv")
        assert obs.numerator_total == 3 * big  # exact, as a Python int
        with pytest.raises(ObservationDataError) as info:
            de_an06.roll_up(PLAN, obs)
        (problem,) = info.value.problems
        assert problem.source == "big.csv"
        assert problem.value == 2 * big  # the district's sum: Chiềng Mung + Hát Lót
        assert "passes the int64 range" in str(info.value)
        assert str(info.value).startswith("big.csv:")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("9" * 5000, "beyond the int64 range (at most 9223372036854775807)"),
        ("9" * 20, "beyond the int64 range (at most 9223372036854775807)"),
        ("0" * 30 + "7", 7),
    ],
)
def test_count_of_many_digits(cell: str, expected: int | str) -> None:
    # Found by fuzzing (#9): 5,000 digits raised ValueError from int().
    assert count_value(cell) == expected


def test_records_with_integers_too_long_to_print() -> None:
    # Found by fuzzing (#9): a period or "connected" given as an integer of 5,000 digits
    # raised ValueError (str() of it) instead of being one more problem of the records.
    huge = 10**5000
    record = {"indicator": "P.1", "unit": "Mai Sơn", "period": huge, "numerator": 1}
    with pytest.raises(ObservationDataError) as info:
        Observations.from_records([{**record, "denominator": 2, "connected": huge}], PLAN)
    found = {(p.column, p.message) for p in info.value.problems}
    assert ("period", "expected text") in found
    assert ("connected", "not yes/no (x, yes, có / blank, no, không)") in found
    assert "<an integer of about 5,001 digits>" in str(info.value)
