"""Fuzzing at the edges (#13): plans, days, records, CSV and files our strategies never make.

A plan whose fields sit at the edge of their kind (`edges.edged_plan`) loads and survives
dump → load and every query, or is refused with a `PlanDataError`; edge days go through
every public date function; records with keys of mixed types, CSV files with a repeated
column or a row of the wrong width, data frames with a repeated column and odd files
(empty, only a BOM, UTF-16, a folder, a FIFO) give a result or the library's own error,
and a row or column that would be silently dropped is an error.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from edges import (
    EDGE_DATES,
    EDGE_PERIODS,
    HUGE_INTS,
    ODD_FILES,
    edged_csv,
    edged_plan,
    fed,
    make_odd_file,
    mixed_key_records,
)
from fuzzing import attempt, fuzz_settings
from hypothesis import example, given, strategies as st

from de_an06 import (
    Frequency,
    Observations,
    ReportingPeriod,
    WorkingCalendar,
    audit,
    build_report,
    dumps_plan,
    import_file,
    load_plan,
    loads_plan,
    overdue_tasks,
    tasks_due_within,
)
from de_an06.loading import _DATA

from strategies import observation_plan

PLAN = (_DATA / "son-la-2024.json").read_bytes()
SOURCE = "fuzz-edged-plan.json"
OBS_PLAN = observation_plan()
HEADER = ["indicator", "unit", "period", "numerator", "denominator"]
GOOD_CELLS = (
    st.sampled_from(("P.1", "P.2", "P.3")),
    st.sampled_from(("Thành phố Sơn La", "Huyện Mai Sơn")),
    st.sampled_from(("202401", "202406", "2024Q2", "2024")),
    st.sampled_from(("0", "1", "3")),
    st.sampled_from(("3", "4", "10")),
)
GOOD_ROWS = st.tuples(*GOOD_CELLS)
GOOD_RECORDS = st.fixed_dictionaries(dict(zip(HEADER, GOOD_CELLS, strict=True)))
WINDOWED = [f for f in Frequency if f is not Frequency.AD_HOC]  # ad hoc has no window
DAYS = st.one_of(st.sampled_from(EDGE_DATES), st.dates())


def _use(plan: Any, day: date) -> None:
    """Every query a plan answers about *day*."""
    overdue_tasks(plan, day)
    tasks_due_within(plan, day, 30)
    audit(plan)
    build_report(plan, as_of=day)


class TestEdgedPlan:
    """The bundled plan with dates, years, integers, strings and containers at their edges."""

    @fuzz_settings(weight=0.3)
    @given(edged_plan(PLAN), DAYS)
    def test_load_dump_use(self, case: tuple[str, list[str]], day: date) -> None:
        text, done = case
        plan = attempt(
            "plan JSON: edged",
            SOURCE,
            lambda: loads_plan(text, source=SOURCE),
            given=done,
        )
        if plan is None:
            return
        dumped = dumps_plan(plan)
        assert loads_plan(dumped) == plan
        assert dumps_plan(loads_plan(dumped)) == dumped
        attempt("plan JSON: edged, used", "the date", lambda: _use(plan, day), given=(done, day))


class TestEdgeDays:
    """Edge days, huge spans and edge period ids through the public date functions."""

    @fuzz_settings(weight=0.3)
    @given(DAYS, st.sampled_from((*HUGE_INTS, 1, 30)), st.sampled_from(WINDOWED))
    @example(date(9999, 12, 31), 1, Frequency.MONTHLY)
    def test_days(self, day: date, within: int, frequency: Frequency) -> None:
        plan = load_plan("son-la-2024")
        regime = plan.reporting
        assert regime is not None
        for call in (
            lambda: tasks_due_within(plan, day, within),
            lambda: overdue_tasks(plan, day),
            lambda: ReportingPeriod.containing(day, frequency),
            lambda: regime.next_due(day),
        ):
            attempt("dates: edge days", "the date", call, given=(day, within))

    @fuzz_settings(weight=0.5)
    @given(st.one_of(st.sampled_from(EDGE_PERIODS), st.text(max_size=8)))
    def test_period_ids(self, text: str) -> None:
        attempt("dates: period ids", text, lambda: ReportingPeriod.from_id(text), given=text)


class TestObservationEdges:
    """Records with mixed key types, CSV with a repeated column or a wrong-width row,
    data frames with a repeated column."""

    @fuzz_settings(weight=0.5)
    @given(mixed_key_records(GOOD_RECORDS))
    def test_records(self, records: list[object]) -> None:
        attempt(
            "observations: records, mixed keys",
            "<records>",
            lambda: Observations.from_records(records, OBS_PLAN),  # type: ignore[arg-type]
            given=records,
        )

    @fuzz_settings(weight=0.5)
    @given(edged_csv(HEADER, GOOD_ROWS))
    def test_csv(self, tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str]) -> None:
        text, edit = case
        path = tmp_path_factory.getbasetemp() / "fuzz-edged.csv"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        obs = attempt(
            "observations: CSV edged",
            str(path),
            lambda: Observations.from_csv(path, OBS_PLAN),
            given=case,
        )
        if edit in ("wide", "narrow", "repeat"):  # never read by cutting or guessing
            assert obs is None, f"{edit}: read silently"

    @fuzz_settings(weight=0.3)
    @given(st.lists(GOOD_ROWS, min_size=0, max_size=4), st.integers(0, 4), st.booleans())
    def test_frame(self, rows: list[tuple[str, ...]], repeat: int, numbers: bool) -> None:
        frame = pd.DataFrame(rows, columns=HEADER) if rows else pd.DataFrame(columns=HEADER)
        if numbers:
            frame = frame.astype({"numerator": "int64", "denominator": "int64"})
        columns = [*HEADER, HEADER[repeat]]
        frame = pd.concat([frame, frame.iloc[:, [repeat]]], axis=1)
        frame.columns = columns
        obs = attempt(
            "observations: data frame, repeated column",
            "<data frame>",
            lambda: Observations.from_dataframe(frame, OBS_PLAN),
            given=(rows, repeat),
        )
        assert obs is None, "a repeated column was read silently"


READERS = {
    "plan": load_plan,
    "counts CSV": lambda p: Observations.from_csv(p, OBS_PLAN),
    "calendar overlay": lambda p: WorkingCalendar.from_files(p, bundled=False),
    "plan text": import_file,
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("kind", ODD_FILES)
def test_odd_files(tmp_path: Path, reader: str, kind: str) -> None:
    """0 bytes, only a BOM, UTF-16, a folder, a FIFO, NULs, lone CRs: a result or our error."""
    path = make_odd_file(tmp_path, kind)
    with fed(path):
        attempt(f"odd files: {reader}", str(path), lambda: READERS[reader](path), given=kind)
