"""Fuzzing observation input: `Observations.from_csv` (counts and annex shapes, any
encoding, damaged files) and `from_records`.

The answer is an `ObservationDataError` naming the file and, per problem, the line and
column; or a store that kept every count given: its totals are the sums of the count
cells of the rows read.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fuzzing import attempt, fuzz_settings
from hypothesis import given, strategies as st

from de_an06 import Observations
from de_an06._text import fold

from mutators import (
    READABLE,
    CsvCase,
    csv_cells,
    csv_tables,
    edge_ints,
    encoded,
    json_values,
    python_oddities,
    weird_texts,
    within_share,
)
from strategies import observation_plan

PLAN = observation_plan()
CELLS = csv_cells(
    indicators=["P.1", "P.2", "P.3", "P.5", "p.1"],
    units=["Thành phố Sơn La", "TP Sơn La", "Huyện Mai Sơn", "Mai Sơn", "Xã Chiềng Mung"],
    services=["I.1", "I.2", "II.1", "II.13.1", "II.13.2", "Đăng ký khai sinh"],
)
COUNTS = ("indicator", "unit", "period", "numerator", "denominator", "service", "connected")
COUNTS_NEED = COUNTS[:5]
ANNEX = ("service", "service_name", "unit", "connected", "denominator", "numerator", "ignored")
ANNEX_NEED = ("service", "unit", "denominator", "numerator")
_WHOLE = re.compile(r"[0-9]+")


def expected_totals(case: CsvCase) -> tuple[int, int] | None:
    """The numerator and denominator totals of the rows the file holds, if computable."""
    if case.damaged or "numerator" not in case.header or "denominator" not in case.header:
        return None
    annex = fold(case.header["denominator"]) == "tong so ho so tiep nhan"
    totals = [0, 0]
    for row in case.rows:
        given = [row["numerator"].strip(), row["denominator"].strip()]
        if annex and not any(given):
            continue  # a heading or an unreported service
        if not annex and not any(row.values()):
            continue  # an empty line
        for i, cell in enumerate(given):
            if not _WHOLE.fullmatch(cell):
                return None
            totals[i] += int(cell)
    return totals[0], totals[1]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate makes bad UTF-8


def read(tmp: Any, raw: bytes, *, count: bool = True, **options: Any) -> Observations | None:
    path = tmp.getbasetemp() / "fuzz-counts.csv"
    path.write_bytes(raw)
    return attempt(
        "observations: CSV " + options.pop("shape"),
        str(path),
        lambda: Observations.from_csv(path, PLAN, **options),
        count=count,
    )


class TestCsv:
    """CSV files of both shapes, in any encoding, damaged or not."""

    @fuzz_settings(weight=0.8)
    @given(csv_tables(CELLS, COUNTS, COUNTS_NEED), st.sampled_from(("error", "sum")))
    def test_counts(self, tmp_path_factory: Any, case: CsvCase, duplicates: str) -> None:
        obs = read(
            tmp_path_factory,
            _utf8(case.text),
            shape="counts",
            duplicates=duplicates,
        )
        self.check(obs, case)

    @fuzz_settings(weight=0.8)
    @given(csv_tables(CELLS, ANNEX, ANNEX_NEED), st.sampled_from(("2024", "202406", None)))
    def test_annex(self, tmp_path_factory: Any, case: CsvCase, period: str | None) -> None:
        obs = read(
            tmp_path_factory,
            _utf8(case.text),
            shape="annex",
            period=period,
        )
        self.check(obs, case)

    @fuzz_settings(weight=0.4)
    @given(st.data())
    def test_encodings(self, tmp_path_factory: Any, data: st.DataObject) -> None:
        case = data.draw(csv_tables(CELLS, COUNTS, COUNTS_NEED))
        encoding = data.draw(encoded(case.text))
        if encoding is None:
            return
        raw, name = encoding
        obs = read(tmp_path_factory, raw, shape="encoded")
        if name in READABLE:
            as_utf8 = read(tmp_path_factory, _utf8(case.text), shape="encoded", count=False)
            assert (obs is None) == (as_utf8 is None)
            if obs is not None and as_utf8 is not None:
                assert list(obs.to_records()) == list(as_utf8.to_records())

    @fuzz_settings(weight=0.2)
    @given(st.binary())
    def test_bytes(self, tmp_path_factory: Any, raw: bytes) -> None:
        read(tmp_path_factory, raw, shape="any bytes")

    @staticmethod
    def check(obs: Observations | None, case: CsvCase) -> None:
        if obs is None:
            return
        totals = expected_totals(case)
        if totals is not None:
            assert (obs.numerator_total, obs.denominator_total) == totals
        assert int(obs.numerator.sum(dtype=object)) == obs.numerator_total


# Records: the CSV shape's keys (and odd ones), values of any kind.
record_values = st.one_of(
    CELLS["numerator"][1], edge_ints, json_values, python_oddities, st.floats(), weird_texts
)


@st.composite
def records(draw: st.DrawFn) -> list[dict[str, object]]:
    keys = st.sampled_from((*COUNTS, "line", "Đơn vị")) | weird_texts
    good = st.fixed_dictionaries({k: CELLS[k][0] for k in COUNTS_NEED}).map(within_share)
    odd = st.dictionaries(keys, record_values, max_size=8)
    return draw(
        st.lists(st.one_of(good, odd, good.map(lambda r: {**r, "numerator": 2**63})), max_size=8)
    )


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        return int(value.strip())
    return None


class TestRecords:
    """Lists of mappings with any keys and values."""

    @fuzz_settings(weight=0.6)
    @given(records(), st.sampled_from(("error", "sum")))
    def test_records(self, given: list[dict[str, object]], duplicates: Any) -> None:
        obs = attempt(
            "observations: records",
            "<records>",
            lambda: Observations.from_records(given, PLAN, duplicates=duplicates),
        )
        if obs is None:
            return
        numerators = [_count(r.get("numerator")) for r in given]
        assert None not in numerators
        assert obs.numerator_total == sum(n for n in numerators if n is not None)


def test_expected_totals_reads_what_a_person_would() -> None:
    """The oracle itself: an annex heading row holds no counts; a counts row does."""
    row = dict.fromkeys(ANNEX, "")
    heading = CsvCase(
        text="",
        header={"numerator": "Trực tuyến", "denominator": "Tổng số hồ sơ tiếp nhận"},
        rows=[row, {**row, "numerator": "3", "denominator": "4"}],
        damaged=False,
    )
    assert expected_totals(heading) == (3, 4)
    with pytest.raises(KeyError):
        expected_totals(CsvCase(text="", header=heading.header, rows=[{}], damaged=False))
