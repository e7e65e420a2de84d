"""``de-an06 evaluate`` and ``de-an06 annex``: keys, exact ratios, safe CSV, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from de_an06 import dump_plan
from de_an06._tables import to_csv

from strategies import observation_plan

if TYPE_CHECKING:
    from conftest import Run

pytest.importorskip("numpy")

COUNTS = (
    "indicator,unit,period,numerator,denominator\n"
    "P.1,TP Sơn La,2024,50,100\n"
    "P.1,Mai Sơn,2024,0,0\n"
    'P.1,=HYPERLINK("x"),2024,1,2\n'
)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    dump_plan(observation_plan(), path)
    return path


def counts_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "counts.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_rows(run: Run, tmp_path: Path, plan_file: Path) -> None:
    path = counts_file(tmp_path, "\n".join(COUNTS.splitlines()[:3]) + "\n")
    code, out, _ = run("evaluate", str(path), "--plan", str(plan_file), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    city, mai_son = rows
    assert {
        "indicator",
        "unit",
        "period",
        "ratio",
        "percent",
        "target",
        "status",
        "shortfall",
    } <= set(city)
    assert (city["indicator"], city["unit"], city["period"]) == ("P.1", "tp", "2024")
    assert city["ratio"] == "50/100"  # as counted, not reduced
    assert city["percent"] == "50.00%"
    assert city["target"] == {
        "comparator": ">",
        "value": "80",
        "text": "",
        "scope": {"kind": "locality", "key": "tp"},
    }
    assert (city["status"], city["shortfall"]) == ("not_met", 31)
    assert mai_son["target"]["scope"] == "default"
    assert (mai_son["status"], mai_son["percent"], mai_son["shortfall"]) == ("no_data", None, None)


def test_roll_up_and_table(
    run: Run, tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = counts_file(tmp_path, "\n".join(COUNTS.splitlines()[:3]) + "\n")
    base = ("evaluate", str(path), "--plan", str(plan_file), "--roll-up", "--locale", "vi")
    code, out, _ = run(*base, "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["indicator", "unit", "period", "ratio"]
    assert any("Tỉnh Sơn La" in line and "pooled" in line and "50/100" in line for line in lines)
    assert any("50,00%" in line for line in lines)
    monkeypatch.setenv("COLUMNS", "600")  # no cell cut short
    code, out, _ = run(*base)  # Vietnamese labels by default
    assert out.splitlines()[0].split()[:4] == ["chỉ", "tiêu", "đơn", "vị"]
    assert "cộng dồn số đếm" in out
    assert "pooled" not in out


def test_csv_has_bom_and_inert_formulas(run: Run, tmp_path: Path, plan_file: Path) -> None:
    bad_name = counts_file(tmp_path, COUNTS)
    code, _, err = run("evaluate", str(bad_name), "--plan", str(plan_file))
    assert code == 2  # the formula is no unit of the plan
    assert f"{bad_name}:4: unit:" in err
    path = counts_file(tmp_path, "\n".join(COUNTS.splitlines()[:3]) + "\n")
    code, out, _ = run("evaluate", str(path), "--plan", str(plan_file), "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0]["ratio"] == "50/100"
    assert rows[0]["margin"] == "-30.00"  # a number stays a number (#13): never neutralised


def test_csv_neutralises_every_formula_start() -> None:
    rows = [[start + "1+A1"] for start in ("=", "+", "-", "@", "\t", "\r", "x")]
    text = to_csv(["a"], rows).removeprefix("\ufeff")
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == [f"'{s}1+A1" for s in ("=", "+", "-", "@", "\t", "\r")] + ["x1+A1"]


def test_bad_input_exits_2_without_traceback(run: Run, tmp_path: Path, plan_file: Path) -> None:
    path = counts_file(tmp_path, "indicator,unit,period,numerator,denominator\nP.1,tp,2024,1.5,2\n")
    code, out, err = run("evaluate", str(path), "--plan", str(plan_file))
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert f"{path}:2: numerator: not a whole number (value: '1.5')" in err
    good = counts_file(tmp_path, "\n".join(COUNTS.splitlines()[:2]) + "\n")
    code, _, err = run("evaluate", str(good), "--plan", str(plan_file), "--as-of", "30/6")
    assert code == 2
    assert "--as-of" in err
    code, _, err = run("evaluate", str(good), "--plan", str(plan_file), "--period", "2024Q5")
    assert code == 2
    assert "2024Q5" in err


def test_as_of_and_period(run: Run, tmp_path: Path, plan_file: Path) -> None:
    path = counts_file(
        tmp_path,
        "indicator,unit,period,numerator,denominator\n"
        "P.1,tp,202401,1,10\nP.1,tp,202402,2,10\nP.1,tp,202407,3,10\n",
    )
    base = ("evaluate", str(path), "--plan", str(plan_file), "--format", "json")
    _, out, _ = run(*base, "--as-of", "2024-03-01")
    assert [(r["period"], r["through"], r["ratio"]) for r in json.loads(out)] == [
        ("2024", "202402", "3/20")
    ]
    _, out, _ = run(*base, "--period", "2024S2")
    assert [(r["period"], r["ratio"]) for r in json.loads(out)] == [("2024S2", "3/10")]


def test_annex_command(run: Run, tmp_path: Path, plan_file: Path) -> None:
    path = counts_file(
        tmp_path,
        "STT,Đơn vị báo cáo,Kết nối với cổng dịch vụ công quốc gia (tích x),"
        "Tổng số hồ sơ tiếp nhận,Trực tuyến\nI,,,,\n1,Công an tỉnh,x,8,6\n",
    )
    base = ("annex", str(path), "--plan", str(plan_file), "--file-period", "2024S1")
    code, out, _ = run(*base, "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == observation_plan().annex.columns  # type: ignore[union-attr]
    assert rows[1][2:7] == ["Công an tỉnh", "x", "8", "6", "75.00%"]
    code, out, _ = run(*base, "--format", "json", "--locale", "vi")
    data = json.loads(out)
    assert data["period"] == "2024S1"
    assert data["rows"][0]["Tỉ lệ"] == "75,00%"
    code, out, _ = run(*base)
    assert code == 0
    assert "Công an tỉnh" in out
