"""Period views, sources, one meaning of --period, Vietnamese labels, II.6.a end to end (#14)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from de_an06 import load_plan
from de_an06.indicator import Comparator, Scope, ScopeKind, Target, scope_label, target_text
from de_an06.reporting import ReportingPeriod

if TYPE_CHECKING:
    from conftest import Run

pytest.importorskip("numpy")

EXAMPLES = Path(__file__).parents[2] / "examples" / "data"
A = "indicator,unit,period,numerator,denominator\n" + (
    "II.1.8,Mai Sơn,202405,1,4\nII.1.8,Mai Sơn,202406,3,4\nII.5.b,Mai Sơn,202405,10,20\n"
    "II.5.b,Mai Sơn,202406,12,20\n"
)
B = "indicator;unit;period;numerator;denominator\nII.1.8;Mộc Châu;202406;1.000;2.000\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_views_flow_and_stock(run: Run, files: tuple[str, str]) -> None:
    code, out, _ = run("evaluate", *files, "--period", "202406", "--views", "--format", "json")
    assert code == 0
    views = {(v["indicator"], v["unit"]): v for v in json.loads(out)}
    flow = views["II.1.8", "mai-son"]
    assert (flow["measure"], flow["period"]) == ("flow", "202406")
    assert flow["previous_period"] == "202405"
    assert flow["current"]["ratio"] == "3/4"  # the month alone
    assert flow["year_to_date"]["ratio"] == "4/8"  # May + June
    assert flow["previous"]["ratio"] == "1/4"
    assert flow["change"] == "50"  # 75% - 25%, in percentage points
    stock = views["II.5.b", "mai-son"]
    assert stock["measure"] == "stock"
    assert stock["year_to_date"] is None
    assert (stock["current"]["ratio"], stock["previous"]["ratio"], stock["change"]) == (
        "12/20",
        "10/20",
        "10",
    )
    new = views["II.1.8", "moc-chau"]  # no report before: no change
    assert new["previous"] is None
    assert new["change"] is None


def test_month_figures_sum_to_the_year_to_date(run: Run, files: tuple[str, str]) -> None:
    months = []
    for month in ("202405", "202406"):
        _, out, _ = run("evaluate", files[0], "--period", month, "--format", "json")
        months += [r for r in json.loads(out) if r["indicator"] == "II.1.8"]
    _, out, _ = run("evaluate", files[0], "--as-of", "2024-06-14", "--format", "json")
    (ytd,) = [r for r in json.loads(out) if r["indicator"] == "II.1.8"]
    num = sum(int(r["ratio"].split("/")[0]) for r in months)
    den = sum(int(r["ratio"].split("/")[1]) for r in months)
    assert ytd["ratio"] == f"{num}/{den}"


def test_views_need_a_period(run: Run, files: tuple[str, str]) -> None:
    code, _, err = run("evaluate", *files, "--views")
    assert code == 2
    assert "--views needs --period" in err


def test_sources_name_files_and_lines(
    run: Run, files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run("evaluate", *files, "--as-of", "2024-06-30", "--roll-up", "--format", "json")
    assert code == 0
    found = {(r["indicator"], r["unit"]): r["sources"] for r in json.loads(out)}
    assert found["II.1.8", "mai-son"] == [{"file": files[0], "lines": [[2, 3]]}]
    assert found["II.5.b", "mai-son"] == [{"file": files[0], "lines": [[5, 5]]}]  # latest
    assert found["II.1.8", "son-la"] == [
        {"file": files[0], "lines": [[2, 3]]},
        {"file": files[1], "lines": [[2, 2]]},
    ]
    monkeypatch.chdir(Path(files[0]).parent)
    monkeypatch.setenv("COLUMNS", "600")
    _, table, _ = run("evaluate", "a.csv", "b.csv", "--as-of", "2024-06-30")
    assert "a.csv: 2-3" in table
    assert "b.csv: 2" in table


def test_summed_duplicates_keep_every_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(A + "II.1.8,Mai Sơn,202405,1,1\n", encoding="utf-8")
    args = ("evaluate", str(path), "--duplicates", "sum", "--format", "json")
    _, out, _ = run(*args, "--period", "202405")
    (r,) = [r for r in json.loads(out) if r["indicator"] == "II.1.8"]
    assert r["ratio"] == "2/5"
    assert r["sources"][0]["lines"] == [[2, 2], [6, 6]]


def test_file_period_fills_files_without_one(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("indicator,unit,numerator,denominator\nII.1.8,Mai Sơn,3,4\n", encoding="utf-8")
    code, _, err = run("evaluate", str(path), "--period", "202406")
    assert code == 2
    assert "--file-period" in err
    code, out, _ = run("evaluate", str(path), "--file-period", "202406", "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["period"] == "202406"


def test_labels_vietnamese_and_english() -> None:
    gt = Target(comparator=Comparator.GT, value=Fraction(65))
    assert target_text(gt, lang="vi") == "trên 65%"
    assert target_text(gt, lang="en") == "above 65%"
    level = Scope(kind=ScopeKind.LEVEL, key="province", text="cấp tỉnh")
    urban = Scope(kind=ScopeKind.SEGMENT, key="urban-centre")
    assert (level.label(), urban.label(), urban.label("en")) == (
        "cấp tỉnh",
        "vùng đô thị",
        "urban centres",
    )
    assert (scope_label(None), scope_label(None, "en")) == ("chung", "default")
    assert ReportingPeriod.from_id("202406").label() == "tháng 6/2024"


def test_no_slugs_in_the_vietnamese_table(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "600")  # no cell cut short
    counts, segments = EXAMPLES / "son-la-2024-counts.csv", EXAMPLES / "son-la-segments.csv"
    args = ("evaluate", str(counts), "--segments", str(segments), "--as-of", "2024-06-30")
    code, out, _ = run(*args, "--roll-up")
    assert code == 0
    for slug in ("urban-centre", "remote", "share_met", "pooled", "not_met", "partial", ">="):
        assert slug not in out, slug
    assert "vùng đô thị" in out
    assert "chưa đủ số liệu" in out
    assert "tối thiểu" in out
    _, out, _ = run(*args, "--roll-up", "--lang", "en")
    assert "urban centres" in out
    assert "at least" in out


def test_ii_6_a_province_is_partial_never_met(run: Run) -> None:
    """II.6.a with the bundled data: the province reads 1/12 or 2/12 and partial."""
    counts = EXAMPLES / "son-la-2024-counts.csv"
    code, out, _ = run(
        "evaluate", str(counts), "--as-of", "2024-06-30", "--roll-up", "--format", "json"
    )
    assert code == 0
    (row,) = [r for r in json.loads(out) if r["indicator"] == "II.6.a" and r["unit"] == "son-la"]
    assert row["ratio"] in ("1/12 huyện", "2/12 huyện")
    assert row["status"] == "partial"
    assert row["coverage"] == "2/12"
    assert row["expected_units"] == 12
    assert len(row["missing_units"]) == 10
    plan = load_plan("son-la-2024")
    assert next(i for i in plan.indicators if i.id == "II.6.a").kind.value == "units_meeting"
