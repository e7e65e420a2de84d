"""Coverage, scope in roll-up and the issue's "done when" on the bundled example data."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import de_an06
from de_an06 import Observations, Plan, Status, evaluate, roll_up

DATA = Path(__file__).parents[1] / "examples" / "data"
DISTRICTS = (
    "tp-son-la", "thuan-chau", "quynh-nhai", "muong-la", "bac-yen", "phu-yen",
    "song-ma", "sop-cop", "mai-son", "yen-chau", "moc-chau", "van-ho",
)  # fmt: skip


@pytest.fixture(scope="module")
def plan() -> Plan:
    return de_an06.load_plan("son-la-2024")


@pytest.fixture(scope="module")
def rolled(plan: Plan) -> dict[str, de_an06.Achievement]:
    obs = Observations.from_files([DATA / "son-la-2024-counts.csv"], plan)
    obs = obs.with_segments({"TP Sơn La": ["urban-centre"], "Sốp Cộp": ["remote"]})
    found = roll_up(plan, obs, as_of=date(2024, 6, 30)).achievements()
    return {a.indicator: a for a in found if a.unit == "son-la"}


def test_units_meeting_reads_over_twelve_and_partial(
    rolled: dict[str, de_an06.Achievement],
) -> None:
    a = rolled["II.6.a"]
    assert (a.ratio_text, a.status, a.expected_units) == ("1/12 huyện", Status.PARTIAL, 12)
    assert a.value == 1  # districts done, against "12/12": never a percentage of dossiers
    assert len(a.missing_units) == 10


def test_level_target_not_applied_to_rolled_up_dossiers(
    rolled: dict[str, de_an06.Achievement],
) -> None:
    assert (rolled["II.1.8"].target, rolled["II.1.8"].status) == (None, Status.NO_TARGET)


def test_every_result_carries_coverage(rolled: dict[str, de_an06.Achievement]) -> None:
    a = rolled["II.5.b"]
    assert (a.coverage_text, a.status) == ("4/12", Status.PARTIAL)
    assert set(a.missing_units) == set(DISTRICTS) - {
        "tp-son-la",
        "thuan-chau",
        "mai-son",
        "moc-chau",
    }
    record = de_an06.achievement.achievement_record(a)
    assert (record["expected_units"], record["units_with_data"]) == (12, 4)


def test_segment_targets_give_met_and_not_met(plan: Plan) -> None:
    obs = Observations.from_files([DATA / "son-la-2024-counts.csv"], plan)
    obs = obs.with_segments(
        {"TP Sơn La": ["urban-centre"], "Sốp Cộp": ["remote"], "Mường La": ["remote"]}
    )
    found = {a.unit: a for a in evaluate(plan, obs) if a.indicator == "II.3.b"}
    assert found["muong-la"].status is Status.MET  # 60% against 50% in remote areas
    assert found["sop-cop"].status is Status.NOT_MET  # 43.57%
    assert found["tp-son-la"].status is Status.NOT_MET  # 99.6% against 100% in the centre


def test_met_on_available_is_explicit_and_said(plan: Plan) -> None:
    rows = [
        {
            "indicator": "II.5.b",
            "unit": key,
            "period": "202406",
            "numerator": 90,
            "denominator": 100,
        }
        for key in DISTRICTS[:4]
    ]
    obs = Observations.from_records(rows, plan)
    (top,) = roll_up(plan, obs).achievements()
    assert top.status is Status.PARTIAL
    (top,) = roll_up(plan, obs).achievements(met_on_available=True)
    assert (top.status, top.met_on_available) == (Status.MET, True)


counts = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda p: (min(p), max(p)))


@given(st.dictionaries(st.sampled_from(DISTRICTS), counts, min_size=1), st.data())
def test_coverage_properties(reports: dict[str, tuple[int, int]], data: st.DataObject) -> None:
    plan = de_an06.load_plan("son-la-2024")

    def top(units: dict[str, tuple[int, int]]) -> de_an06.Achievement:
        rows = [
            {"indicator": "II.2", "unit": k, "period": "202406", "numerator": n, "denominator": d}
            for k, (n, d) in units.items()
        ]
        (result,) = roll_up(plan, Observations.from_records(rows, plan)).achievements()
        return result

    first = top(reports)
    assert first.units_with_data <= first.expected_units == 12  # never past expected
    extra = data.draw(st.sampled_from(DISTRICTS))
    more = top({**reports, extra: data.draw(counts.filter(lambda p: p[1] > 0))})
    assert len(more.missing_units) <= len(first.missing_units)  # adding data never lowers it
    if len(reports) == 12 and all(d for _, d in reports.values()):  # complete: the pooled ratio
        pooled = Fraction(sum(n for n, _ in reports.values()), sum(d for _, d in reports.values()))
        assert first.ratio == pooled
        assert first.missing_units == ()


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=6))
def test_month_figures_sum_to_the_year_to_date_for_flows(months: list[tuple[int, int]]) -> None:
    plan = de_an06.load_plan("son-la-2024")
    rows = [
        {
            "indicator": "II.2",
            "unit": "Mai Sơn",
            "period": f"2024{m + 1:02d}",
            "numerator": min(p),
            "denominator": max(p),
        }
        for m, p in enumerate(months)
    ]
    obs = Observations.from_records(rows, plan)
    alone = evaluate(plan, obs)
    (ytd,) = evaluate(plan, obs, as_of=date(2024, len(months), 14))
    assert sum(a.numerator for a in alone) == ytd.numerator
    assert sum(a.denominator for a in alone) == ytd.denominator
