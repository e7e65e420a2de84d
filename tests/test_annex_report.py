"""The annex table filled in: per service and reporting unit, per section, overall."""

from __future__ import annotations

from pathlib import Path

import pytest

from de_an06 import load_plan
from de_an06.annex_reporting import NOT_LISTED, AnnexRow, AnnexRowKind, annex_report
from de_an06.errors import ModelValueError, ObservationDataError
from de_an06.observations import Observations

from strategies import observation_plan

pytest.importorskip("numpy")

PLAN = observation_plan()


def service_rows(*rows: tuple[str, str, int, int, object]) -> Observations:
    return Observations.from_records(
        [
            {
                "service": s,
                "unit": u,
                "period": "2024S1",
                "numerator": n,
                "denominator": d,
                "connected": c,
            }
            for s, u, n, d, c in rows
        ],
        PLAN,
    )


def report_rows(obs: Observations) -> list[tuple[str, str, str, str, int | None, int | None]]:
    report = annex_report(PLAN, obs)
    return [
        (r.kind.value, r.number, r.reporting_unit, r.connected_text, r.received, r.online)
        for r in report.rows
    ]


def test_rows_subtotals_and_total() -> None:
    obs = service_rows(
        ("I.1", "Công an tỉnh", 90, 100, "x"),
        ("I.1", "UBND huyện Mai Sơn", 10, 40, ""),
        ("I.1", "Mộc Châu", 20, 20, "x"),
        ("I.2", "Sở Tư pháp", 0, 0, "x"),
        ("II.13.1", "Cục Hải quan", 3, 4, "có"),
    )
    assert report_rows(obs) == [
        ("service", "1", "Công an tỉnh", "x", 100, 90),
        ("service", "1", "UBND cấp huyện", "1/2", 60, 30),  # every district-level unit
        ("service", "2", "Sở Tư pháp", "x", 0, 0),
        ("service", "2", "UBND cấp huyện", "", None, None),  # nobody reported
        ("section", "I", "", "3/4", 160, 120),
        ("service", "1", "Công an tỉnh", "", None, None),
        ("group", "13", "", "", None, None),
        ("service", "13,1", "Cục Hải quan", "x", 4, 3),
        ("service", "13,2", "Sở Tư pháp", "", None, None),
        ("section", "II", "", "x", 4, 3),
        ("total", "", "", "4/5", 164, 123),
    ]


def test_cells_in_the_annex_columns() -> None:
    obs = service_rows(("I.1", "Công an tỉnh", 1171, 1277, "x"), ("I.2", "Sở Tư pháp", 0, 0, ""))
    report = annex_report(PLAN, obs)
    assert report.columns == PLAN.annex.columns  # type: ignore[union-attr]
    records = report.records()
    assert list(records[0]) == list(PLAN.annex.columns)  # type: ignore[union-attr]
    assert records[0] == {
        "STT": "1",
        "Tên thủ tục hành chính": "Đăng ký thường trú",
        "Đơn vị báo cáo": "Công an tỉnh",
        "Kết nối với cổng dịch vụ công quốc gia (tích x)": "x",
        "Tổng số hồ sơ tiếp nhận": "1277",
        "Trực tuyến": "1171",
        "Tỉ lệ": "91,70%",
        "GHI CHÚ": "",
    }
    assert records[2]["Tỉ lệ"] == ""  # nothing received: no data, not 0%
    assert report.records(locale="en")[0]["Tỉ lệ"] == "91.70%"
    assert report.period == "2024S1"


def test_unit_not_listed_for_the_service_gets_its_own_row() -> None:
    obs = service_rows(("I.2", "Công an tỉnh", 1, 2, "x"))
    rows = annex_report(PLAN, obs).rows
    extra = [r for r in rows if r.note]
    assert [(r.number, r.reporting_unit, r.received, r.note) for r in extra] == [
        ("2", "Công an tỉnh", 2, NOT_LISTED)
    ]


def test_periods_combine_or_must_be_chosen() -> None:
    obs = Observations.from_records(
        [
            {
                "service": "I.1",
                "unit": "Công an tỉnh",
                "period": p,
                "numerator": 1,
                "denominator": 2,
            }
            for p in ("202401", "202402")
        ],
        PLAN,
    )
    with pytest.raises(ObservationDataError, match="several periods"):
        annex_report(PLAN, obs)
    first = annex_report(PLAN, obs, period="2024S1").rows[0]
    assert (first.received, first.online) == (4, 2)


def test_plan_without_annex() -> None:
    plan = load_plan("son-la-2024")
    if plan.annex is not None:
        import attrs

        plan = attrs.evolve(plan, annex=None)
    with pytest.raises(ModelValueError, match="no annex"):
        annex_report(plan, service_rows(("I.1", "tp", 1, 2, None)))


def test_ratio_is_exact() -> None:
    row = AnnexRow(kind=AnnexRowKind.SERVICE, number="1", name="", received=3, online=1)
    assert str(row.ratio) == "1/3"
    assert (
        AnnexRow(kind=AnnexRowKind.SERVICE, number="1", name="", received=0, online=0).ratio is None
    )


@pytest.mark.skipif(load_plan("son-la-2024").annex is None, reason="no annex embedded yet")
def test_son_la_annex_csv() -> None:
    """The sample annex CSV of examples/ fills the embedded plan's annex."""
    plan = load_plan("son-la-2024")
    path = Path(__file__).parent.parent / "examples" / "data" / "son-la-2024S1-annex.csv"
    obs = Observations.from_csv(path, plan, period="2024S1")
    report = annex_report(plan, obs)
    assert report.columns == plan.annex.columns  # type: ignore[union-attr]
    total = report.rows[-1]
    assert total.kind is AnnexRowKind.TOTAL
    assert total.received == sum(obs.denominator.tolist())
    assert total.online == sum(obs.numerator.tolist())
