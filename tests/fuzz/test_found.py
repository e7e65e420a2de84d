"""What the out-of-strategy fuzzers found (#13), one regression test each: every input
here raised an exception of another kind before its fix."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from de_an06 import Observations, load_plan
from de_an06.errors import ObservationDataError

if TYPE_CHECKING:
    from conftest import Run

PLAN = load_plan("son-la-2024")


@pytest.mark.parametrize("item", [None, 3, "indicator", [("unit", "x")]])
def test_from_records_refuses_an_item_that_is_not_a_mapping(item: Any) -> None:
    """Was TypeError ('NoneType' object is not iterable)."""
    good = {"indicator": "II.4", "unit": "TP Sơn La", "period": "202406"}
    with pytest.raises(ObservationDataError) as caught:
        Observations.from_records([{**good, "numerator": 1, "denominator": 2}, item], PLAN)
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, "not a mapping")
    assert problem.value == type(item).__name__


def test_progress_import_reads_lines_ending_in_a_lone_cr(tmp_path: Path, run: Run) -> None:
    """Was _csv.Error ('new-line character seen in unquoted field')."""
    path = tmp_path / "progress.csv"
    path.write_bytes("task,status,on,agency\r6.1,done,2024-06-30,Sở TT&TT\r".encode())
    code, out, err = run("progress", "import", str(path), "--db", "sqlite://")
    assert (code, err) == (0, "")
    assert "1" in out


def test_progress_import_refuses_a_cell_past_the_csv_field_limit(tmp_path: Path, run: Run) -> None:
    """Was _csv.Error ('field larger than field limit (131072)')."""
    path = tmp_path / "progress.csv"
    path.write_text(f"task,status,on,agency\n6.1,done,2024-06-30,{'x' * 140_000}\n")
    code, _, err = run("progress", "import", str(path), "--db", "sqlite://")
    assert code == 2
    assert f"{path}: line 2: not readable as CSV" in err
    assert "Traceback" not in err
