"""Early warning (#20): the pace rules, their properties, trajectories and the digest."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from de_an06.early_warning import (
    MonthFigure,
    TrajectoryStatus,
    agency_digest,
    digest_ics,
    digest_markdown,
    digest_record,
    digest_text,
    pace_of,
    trajectories,
)
from de_an06.indicator import Comparator, Measure, Target, Unit
from de_an06.loading import load_plan
from de_an06.observations import Observations

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "son-la-2024-monthly.csv"
PLAN = load_plan("son-la-2024")

S = TrajectoryStatus


def _months(start: int, values: list[tuple[int, int]]) -> list[MonthFigure]:
    return [
        MonthFigure(period=f"2024{start + i:02d}", numerator=n, denominator=d)
        for i, (n, d) in enumerate(values)
    ]


# --- the rules, by example -------------------------------------------------------------------

GT65 = Target(comparator=Comparator.GT, value=Fraction(65))


def test_stock_needed_pace_and_statuses() -> None:
    def status(gain: int) -> TrajectoryStatus:
        figures = _months(1, [(60000 + gain * m, 120000) for m in range(1, 7)])
        return pace_of(figures, GT65, deadline="202412", measure=Measure.STOCK).status

    # 78,001 needed (> 65% of 120,000); from 60,000 + 6g, 6 months left.
    assert status(1600) is S.ON_TRACK  # 69,600: needs 1,400.17/month, does 1,600
    assert status(1500) is S.AT_RISK  # needs 1,500.17, does 1,500
    assert status(600) is S.OFF_TRACK  # needs 2,400.17, does 600


def test_off_track_needs_the_latest_month_short_too() -> None:
    # Slow for months, then the needed pace in the last month: at risk, not off track.
    figures = _months(1, [(200, 2000), (200, 2000), (200, 2000), (400, 2000)])
    pace = pace_of(figures, GT65, deadline="202412", measure=Measure.STOCK)
    assert pace.needed_pace == Fraction(1301 - 400, 8)
    assert (pace.recent, pace.latest) == (Fraction(200, 3), 200)
    assert pace.status is S.AT_RISK
    figures[-1] = MonthFigure(period="202404", numerator=300, denominator=2000)
    assert pace_of(figures, GT65, deadline="202412", measure=Measure.STOCK).status is S.OFF_TRACK


def test_flow_counts_are_summed_and_denominator_projected() -> None:
    figures = _months(1, [(70, 100), (75, 100), (80, 100)])
    pace = pace_of(figures, GT65, deadline="202412")
    assert (pace.numerator, pace.denominator) == (225, 300)
    assert pace.status is S.MET_ALREADY
    ge90 = Target(comparator=Comparator.GE, value=Fraction(90))
    pace = pace_of(figures, ge90, deadline="202412")
    assert pace.projected_denominator == 1200  # 300 + 9 months × 100
    assert pace.needed == 1080
    assert pace.needed_pace == Fraction(1080 - 225, 9)  # 95 a month; 75 is at least 3/4 of it
    assert pace.status is S.AT_RISK


def test_maintain_counts_months_below() -> None:
    keep = Target(comparator=Comparator.MAINTAIN, value=Fraction(100))
    full = (4210, 4210)
    dip = pace_of(_months(1, [full, (4190, 4210), full]), keep, deadline="202412")
    assert (dip.status, dip.months_below) == (S.AT_RISK, ("202402",))
    now = pace_of(_months(1, [full, (4190, 4210)]), keep, deadline="202412")
    assert now.status is S.OFF_TRACK
    kept = pace_of(_months(1, [full, full]), keep, deadline="202412", measure=Measure.STOCK)
    assert kept.status is S.ON_TRACK


def test_not_enough_data_and_deadline_reached() -> None:
    assert pace_of(_months(6, [(1, 10)]), GT65, deadline="202412").status is S.NOT_ENOUGH_DATA
    assert pace_of(_months(6, [(0, 0), (0, 0)]), GT65, deadline="202412").rule == "no_data"
    late = pace_of(_months(11, [(1, 10), (1, 10)]), GT65, deadline="202412")
    assert (late.status, late.rule) == (S.OFF_TRACK, "deadline_reached")


def test_count_target() -> None:
    thirty = Target(comparator=Comparator.GE, value=Fraction(30))
    figures = _months(1, [(2, 0), (3, 0), (4, 0)])
    pace = pace_of(figures, thirty, deadline="202412", unit=Unit.COUNT)
    assert (pace.needed, pace.still_needed, pace.needed_pace) == (30, 21, Fraction(21, 9))
    assert pace.status is S.ON_TRACK  # 3 a month against 2.33 needed


def test_at_most_target_uses_the_projection() -> None:
    below10 = Target(comparator=Comparator.LT, value=Fraction(10))
    rising = pace_of(_months(1, [(10, 100), (20, 100)]), below10, deadline="202412")
    assert rising.status is S.OFF_TRACK


# --- properties -------------------------------------------------------------------------------

COMPARATORS = st.sampled_from([Comparator.GT, Comparator.GE])


@st.composite
def stock_case(draw: st.DrawFn) -> tuple[list[MonthFigure], Target, int]:
    """A constant denominator (a population), a rising numerator, 2–6 months seen."""
    denominator = draw(st.integers(1, 10_000))
    n = draw(st.integers(2, 6))
    values = sorted(draw(st.lists(st.integers(0, denominator), min_size=n, max_size=n)))
    target = Target(comparator=draw(COMPARATORS), value=Fraction(draw(st.integers(1, 99))))
    return _months(1, [(v, denominator) for v in values]), target, denominator


@st.composite
def flow_case(draw: st.DrawFn) -> tuple[list[MonthFigure], Target, int]:
    """The same monthly denominator each month (dossiers received), 2–8 months seen."""
    denominator = draw(st.integers(1, 1_000))
    n = draw(st.integers(2, 8))
    values = draw(st.lists(st.integers(0, denominator), min_size=n, max_size=n))
    target = Target(comparator=draw(COMPARATORS), value=Fraction(draw(st.integers(1, 99))))
    return _months(1, [(v, denominator) for v in values]), target, denominator


@given(stock_case())
def test_a_unit_already_at_target_is_met_already(
    case: tuple[list[MonthFigure], Target, int],
) -> None:
    figures, target, denominator = case
    last = figures[-1].numerator
    pace = pace_of(figures, target, deadline="202412", measure=Measure.STOCK)
    met = target.met_by(Fraction(last, denominator) * 100)
    assert (pace.status is S.MET_ALREADY) == met


@pytest.mark.parametrize("measure", [Measure.STOCK, Measure.FLOW])
@given(data=st.data())
def test_needed_pace_reaches_the_target_exactly(measure: Measure, data: st.DataObject) -> None:
    figures, target, _ = data.draw(stock_case() if measure is Measure.STOCK else flow_case())
    pace = pace_of(figures, target, deadline="202412", measure=measure)
    if pace.needed_pace is None:
        assert pace.status in (S.MET_ALREADY, S.OFF_TRACK)
        return
    assert pace.projected_denominator is not None
    assert pace.needed is not None
    reached = pace.numerator + pace.needed_pace * pace.months_left
    assert reached == pace.needed
    at = Fraction(pace.projected_denominator)
    assert target.met_by(reached / at * 100)
    assert not target.met_by((reached - 1) / at * 100)


@pytest.mark.parametrize("measure", [Measure.STOCK, Measure.FLOW])
@given(data=st.data())
def test_a_month_at_the_needed_pace_never_turns_on_track_off_track(
    measure: Measure, data: st.DataObject
) -> None:
    figures, target, denominator = data.draw(
        stock_case() if measure is Measure.STOCK else flow_case()
    )
    before = pace_of(figures, target, deadline="202412", measure=measure)
    if before.status is not S.ON_TRACK:
        return
    assert before.needed_pace is not None
    gain = -(-before.needed_pace.numerator // before.needed_pace.denominator)  # whole counts
    last = figures[-1]
    added = last.numerator + gain if measure is Measure.STOCK else gain
    month = f"2024{int(last.period[4:]) + 1:02d}"
    after = pace_of(
        [*figures, MonthFigure(period=month, numerator=added, denominator=denominator)],
        target,
        deadline="202412",
        measure=measure,
    )
    assert after.status is not S.OFF_TRACK


# --- on the bundled example -------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Observations:
    return Observations.from_csv(EXAMPLE, PLAN)


def test_example_as_of_june(example: Observations) -> None:
    found = {(t.indicator, t.unit): t for t in trajectories(PLAN, example, as_of=date(2024, 6, 30))}
    assert {k: t.status for k, t in found.items()} == {
        ("II.1.6", "cong-an-tinh"): S.MET_ALREADY,
        ("II.2", "tp-son-la"): S.MET_ALREADY,
        ("II.2", "mai-son"): S.AT_RISK,
        ("II.4", "tp-son-la"): S.MET_ALREADY,
        ("II.4", "mai-son"): S.ON_TRACK,
        ("II.4", "moc-chau"): S.AT_RISK,
        ("II.5.b", "tp-son-la"): S.ON_TRACK,
        ("II.5.b", "thuan-chau"): S.OFF_TRACK,
        ("II.5.b", "sop-cop"): S.NOT_ENOUGH_DATA,
        ("II.5.b", "mai-son"): S.AT_RISK,
        ("II.5.b", "moc-chau"): S.MET_ALREADY,
    }
    mai_son = found[("II.5.b", "mai-son")]
    assert mai_son.pace.months[-1] == "202406"  # 202407's window ends 14/07
    assert "tháng 7/2024 đến tháng 12/2024 (6 tháng)" in mai_son.assumption()
    assert found[("II.4", "moc-chau")].target.comparator is Comparator.MAINTAIN


def test_example_at_year_end(example: Observations) -> None:
    found = {(t.indicator, t.unit): t for t in trajectories(PLAN, example)}
    late = found[("II.5.b", "thuan-chau")]
    assert (late.status, late.pace.rule, late.pace.months_left) == (
        S.OFF_TRACK,
        "deadline_reached",
        0,
    )
    assert late.assumption() == ""


def test_digest_of_a_district(example: Observations) -> None:
    paths = trajectories(PLAN, example, as_of=date(2024, 6, 30))
    digest = agency_digest(
        PLAN, "UBND huyện Mai Sơn", date(2024, 7, 1), within=3, trajectories=paths
    )
    assert digest.agency == "ubnd-huyen-mai-son"
    assert digest.until == date(2024, 7, 4)
    codes = [t.task.code for t in digest.tasks]
    assert codes[:3] == ["6.1", "7.2", "5.3"]  # overdue first
    assert all(t.overdue for t in digest.tasks[:3])
    assert not digest.tasks[3].overdue
    assert [(r.period.id, r.due) for r in digest.reports] == [("202407", date(2024, 7, 12))]
    assert {(t.indicator, t.unit) for t in digest.indicators} == {
        ("II.2", "mai-son"),
        ("II.5.b", "mai-son"),
    }
    text = digest_text(digest)
    assert "chưa biết nhiệm vụ nào đã hoàn thành" in text
    assert "quá hạn 62 ngày làm việc (hạn 01/04/2024)" in text
    assert digest_markdown(digest, "en").startswith("# Ủy ban nhân dân huyện Mai Sơn — as of")
    record = digest_record(digest)
    assert record["completion_known"] is False
    assert record["tasks"][0]["due"] == "2024-04-01"
    ics = digest_ics(digest)
    assert "UID:son-la-2024-ubnd-huyen-mai-son-task-6.1@de-an06" in ics
    assert "DTSTART;VALUE=DATE:20240712" in ics


def test_digest_with_a_ledger(tmp_path: Path) -> None:
    from de_an06.ledger import Ledger, Submission, TaskEvent, TaskStatus
    from de_an06.ledger.store import now_utc

    with Ledger.open(tmp_path / "so.db") as ledger:
        ledger.add_event(
            TaskEvent(
                task="5.3",
                agency="so-ldtbxh",  # its lead: the lead's report decides
                status=TaskStatus.DONE,
                on=date(2024, 6, 20),
                recorded_at=now_utc(),
            )
        )
        ledger.add_submission(
            Submission(
                agency="ubnd-huyen-mai-son",
                period="202406",
                submitted_on=date(2024, 6, 13),
                recorded_at=now_utc(),
            )
        )
        events, items = ledger.latest_events(date(2024, 7, 1)), ledger.submissions()
    digest = agency_digest(
        PLAN, "ubnd-huyen-mai-son", date(2024, 7, 1), within=3, events=events, submissions=items
    )
    assert digest.ledger
    codes = [t.task.code for t in digest.tasks]
    assert "5.3" not in codes
    assert codes[:2] == ["6.1", "7.2"]
    assert digest.tasks[0].status is None  # nobody reported 6.1
    missing = [
        r.period.id for r in digest.reports if r.status is not None and r.status.value == "missing"
    ]
    assert "202406" not in missing
    assert "202405" in missing
