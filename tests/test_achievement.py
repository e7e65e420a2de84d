"""Achievement: exact ratios, the target that applies, status, margin, shortfall, formatting."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given, strategies as st

from de_an06 import Comparator, Scope, ScopeKind, Target, Unit, load_plan
from de_an06.achievement import (
    Achievement,
    Status,
    achievement_record,
    evaluate,
    format_decimal,
    format_percent,
    shortfall,
)
from de_an06.errors import ModelValueError, ObservationDataError
from de_an06.observations import Observations
from de_an06.rollup import Hierarchy

from strategies import baselines, count_pairs, observation_plan, percent_targets

pytest.importorskip("numpy")

PLAN = observation_plan()


def target(comparator: str, value: int | Fraction) -> Target:
    return Target(comparator=Comparator(comparator), value=Fraction(value))


def achieved(
    num: int, den: int, tgt: Target | None, baseline: Fraction | None = None
) -> Achievement:
    return Achievement(
        indicator="X",
        unit="u",
        period="2024",
        numerator=num,
        denominator=den,
        target=tgt,
        baseline=baseline,
    )


def observe(*rows: tuple[str, str, str, int, int]) -> Observations:
    keys = ("indicator", "unit", "period", "numerator", "denominator")
    return Observations.from_records([dict(zip(keys, row, strict=True)) for row in rows], PLAN)


class TestShortfall:
    """The shortfall is the smallest change that meets the target; never negative."""

    @given(pair=count_pairs, tgt=percent_targets, baseline=baselines)
    @example(pair=(80, 100), tgt=target(">", 80), baseline=None)
    @example(pair=(80, 100), tgt=target(">=", 80), baseline=None)
    @example(pair=(79, 100), tgt=target(">=", 80), baseline=None)
    @example(pair=(65, 100), tgt=target(">", 65), baseline=None)
    @example(pair=(1, 3), tgt=target("=", Fraction(100, 3)), baseline=None)
    @example(pair=(2, 3), tgt=target("<", Fraction(200, 3)), baseline=None)
    @example(pair=(99, 100), tgt=target("maintain", 30), baseline=Fraction(100))
    @example(pair=(0, 7), tgt=target(">", 100), baseline=None)
    @example(pair=(0, 7), tgt=target("<", 0), baseline=None)
    def test_minimal(self, pair: tuple[int, int], tgt: Target, baseline: Fraction | None) -> None:
        num, den = pair
        result = shortfall(num, den, tgt, baseline=baseline)
        if den == 0:
            assert result is None
            return

        def met(count: int) -> bool:
            return 0 <= count <= den and tgt.met_by(Fraction(100 * count, den), baseline)

        lower = tgt.comparator in (Comparator.LE, Comparator.LT)
        step = -1 if lower else 1
        if result is None:
            if tgt.comparator is Comparator.EQ:
                exact = tgt.value * den / 100
                floor = exact.numerator // exact.denominator
                assert not met(floor)
                assert not met(floor + 1)
            else:  # the best whole count (all or none) does not meet it
                assert not met(0 if lower else den)
            return
        assert result >= 0
        if tgt.comparator is Comparator.EQ:
            assert met(num + result) or met(num - result)
            if result:
                assert not met(num + result - 1)
                assert not met(num - result + 1)
        else:
            assert met(num + step * result)
            if result:
                assert not met(num + step * (result - 1))

    @given(
        count=st.integers(0, 10**6),
        value=st.integers(0, 10**6),
        comparator=st.sampled_from([Comparator.GT, Comparator.GE, Comparator.LE]),
    )
    def test_counts(self, count: int, value: int, comparator: Comparator) -> None:
        tgt = Target(comparator=comparator, value=Fraction(value))
        result = shortfall(count, 0, tgt, unit=Unit.COUNT)
        assert result is not None
        step = -1 if comparator is Comparator.LE else 1
        assert tgt.met_by(Fraction(count + step * result))
        if result:
            assert not tgt.met_by(Fraction(count + step * (result - 1)))

    def test_boundary_examples(self) -> None:
        assert shortfall(80, 100, target(">", 80)) == 1  # "trên 80%": strictly above
        assert shortfall(80, 100, target(">=", 80)) == 0
        assert shortfall(50, 100, target("<=", 10)) == 40  # a reduction
        assert shortfall(5, 100, target("<", 10)) == 0
        assert shortfall(99, 100, target("maintain", 30), baseline=Fraction(100)) == 1
        assert shortfall(1, 2, target(">", 100)) is None  # more than 100% is unattainable


class TestStatus:
    """Status, margin and no data."""

    @given(pair=count_pairs, tgt=percent_targets, scale=st.integers(1, 1000))
    def test_scaling_keeps_ratio_and_status(
        self, pair: tuple[int, int], tgt: Target, scale: int
    ) -> None:
        one, scaled = achieved(*pair, tgt), achieved(pair[0] * scale, pair[1] * scale, tgt)
        assert one.ratio == scaled.ratio
        assert one.status == scaled.status
        assert one.margin == scaled.margin

    @given(num=st.integers(0, 10**6), tgt=st.none() | percent_targets)
    def test_no_data_is_never_zero(self, num: int, tgt: Target | None) -> None:
        result = achieved(0 if tgt is None else num * 0, 0, tgt)
        assert result.ratio is None
        assert result.value is None
        assert result.status is Status.NO_DATA
        assert result.margin is None
        assert result.shortfall is None
        record = achievement_record(result)
        assert record["percent"] is None
        assert record["ratio"] == "0/0"

    def test_margin_in_points_and_maintain(self) -> None:
        result = achieved(917, 1000, target(">", 80))
        assert result.margin == Fraction(117, 10)
        assert achieved(99, 100, target("maintain", 30), Fraction(100)).status is Status.NOT_MET
        maintained = achieved(100, 100, target("maintain", 30), Fraction(100))
        assert maintained.status is Status.MET
        assert maintained.margin == 0

    def test_no_target(self) -> None:
        assert achieved(1, 2, None).status is Status.NO_TARGET
        assert achieved(1, 2, None).shortfall is None

    def test_ratio_text_is_as_counted(self) -> None:
        assert achieved(50, 100, target(">", 80)).ratio_text == "50/100"


class TestFormat:
    """Rounding only when formatting, with the rule named."""

    @pytest.mark.parametrize(
        ("value", "kwargs", "text"),
        [
            (Fraction(9171, 10000), {}, "91.71%"),
            (Fraction(9171, 10000), {"locale": "vi"}, "91,71%"),
            (Fraction(917050, 1000000), {}, "91.71%"),
            (Fraction(917050, 1000000), {"rounding": "half-even"}, "91.70%"),
            (Fraction(917150, 1000000), {"rounding": "half-even"}, "91.72%"),
            (Fraction(917099, 1000000), {"rounding": "down"}, "91.70%"),
            (Fraction(1, 3), {"places": 0}, "33%"),
            (Fraction(0), {}, "0.00%"),
            (Fraction(25, 2), {"locale": "vi"}, "1.250,00%"),
        ],
    )
    def test_percent(self, value: Fraction, kwargs: dict[str, object], text: str) -> None:
        assert format_percent(value, **kwargs) == text  # type: ignore[arg-type]

    def test_negative_half_up_is_away_from_zero(self) -> None:
        assert format_decimal(Fraction(-1005, 1000)) == "-1.01"
        assert format_decimal(Fraction(-1, 1000)) == "0.00"

    def test_unknown_rule(self) -> None:
        with pytest.raises(ModelValueError, match="rounding"):
            format_percent(Fraction(1), rounding="bankers")  # type: ignore[arg-type]


class TestEvaluate:
    """Targets by scope, periods by measure, results in plan order."""

    def test_target_resolution_order(self) -> None:
        obs = observe(
            ("P.1", "TP Sơn La", "2024", 81, 100),
            ("P.1", "Mộc Châu", "2024", 99, 100),
            ("P.1", "Xã Chiềng Sơn", "2024", 55, 100),
            ("P.1", "Hát Lót", "2024", 55, 100),
            ("P.1", "Mai Sơn", "2024", 30, 100),
            ("P.1", "Công an tỉnh", "2024", 1, 100),
            ("P.7", "Chiềng Sơn", "2024", 50, 100),
            ("P.7", "Mai Sơn", "2024", 50, 100),
        )
        found = {(a.indicator, a.unit): a for a in evaluate(PLAN, obs)}
        city = found["P.1", "tp"]
        assert (city.target, city.target_scope) == (
            target(">", 80),
            Scope(kind=ScopeKind.LOCALITY, key="tp"),
        )
        assert city.status is Status.MET
        moc = found["P.1", "moc-chau"]
        assert moc.target == target("maintain", 100)
        assert moc.baseline == 100
        assert (moc.status, moc.shortfall) == (Status.NOT_MET, 1)
        # a commune in a remote area: the level's target comes before the segment's
        assert found["P.1", "chieng-son"].target == target(">=", 60)
        assert found["P.1", "chieng-son"].status is Status.NOT_MET
        assert found["P.1", "hat-lot"].target_scope == Scope(kind=ScopeKind.LEVEL, key="commune")
        assert found["P.1", "mai-son"].target_scope is None
        assert found["P.1", "mai-son"].status is Status.MET
        assert found["P.1", "ca-tinh"].target == target(">=", 30)
        assert found["P.7", "chieng-son"].target_scope == Scope(
            kind=ScopeKind.SEGMENT, key="remote"
        )
        assert found["P.7", "mai-son"].status is Status.NO_TARGET

    def test_each_period_alone_by_default(self) -> None:
        obs = observe(("P.1", "tp", "202401", 1, 2), ("P.1", "tp", "202402", 3, 4))
        assert [(a.period, a.ratio_text) for a in evaluate(PLAN, obs)] == [
            ("202401", "1/2"),
            ("202402", "3/4"),
        ]

    def test_flows_sum_and_stocks_take_the_latest(self) -> None:
        obs = observe(
            ("P.1", "tp", "202401", 10, 20),
            ("P.1", "tp", "202406", 5, 10),
            ("P.1", "tp", "202407", 1000, 1000),  # window 15/06–14/07: not in 2024S1
            ("P.2", "tp", "202403", 70, 100),
            ("P.2", "tp", "202405", 60, 100),
            ("P.2", "mai-son", "202402", 66, 100),
        )
        results = evaluate(PLAN, obs, period="2024S1")
        assert [(a.indicator, a.unit, a.period, a.through, a.ratio_text) for a in results] == [
            ("P.1", "tp", "2024S1", "202406", "15/30"),
            ("P.2", "tp", "2024S1", "202405", "60/100"),
            ("P.2", "mai-son", "2024S1", "202402", "66/100"),
        ]

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (date(2024, 3, 13), [("2024", "202402", "3/20")]),
            (date(2024, 3, 14), [("2024", "202403", "6/30")]),
            (date(2024, 12, 14), [("2024", "202412", "10/40")]),
            (date(2024, 12, 15), []),  # the 2025 reporting year has begun; nothing ended yet
        ],
    )
    def test_as_of(self, as_of: date, expected: list[tuple[str, str, str]]) -> None:
        obs = observe(
            ("P.1", "tp", "202401", 1, 10),
            ("P.1", "tp", "202402", 2, 10),
            ("P.1", "tp", "202403", 3, 10),
            ("P.1", "tp", "202412", 4, 10),
        )
        results = evaluate(PLAN, obs, as_of=as_of)
        assert [(a.period, a.through, a.ratio_text) for a in results] == expected

    def test_overlapping_flow_reports_are_an_error(self) -> None:
        obs = observe(("P.1", "tp", "202401", 1, 10), ("P.1", "tp", "2024Q1", 2, 10))
        assert len(evaluate(PLAN, obs)) == 2  # apart, each period is fine
        with pytest.raises(ObservationDataError, match=r"count twice.*'202401 \+ 2024Q1'"):
            evaluate(PLAN, obs, period="2024")

    def test_zero_denominator_is_no_data(self) -> None:
        (result,) = evaluate(PLAN, observe(("P.1", "tp", "2024", 0, 0)))
        assert result.status is Status.NO_DATA
        assert result.units_with_data == 0

    def test_count_indicator(self) -> None:
        (result,) = evaluate(PLAN, observe(("P.6", "tinh", "2024", 11, 12)))
        assert (result.value, result.status, result.shortfall) == (11, Status.NOT_MET, 1)

    def test_plan_mismatch(self) -> None:
        other = load_plan("son-la-2024")
        with pytest.raises(ObservationDataError, match="read against plan 'mini-2024'"):
            evaluate(other, observe(("P.1", "tp", "2024", 1, 2)))


def son_la_ready() -> bool:
    return bool(load_plan("son-la-2024").indicators)


@pytest.mark.skipif(not son_la_ready(), reason="the embedded plan has no indicators yet")
def test_son_la_2024_end_to_end(tmp_path: Path) -> None:
    """Counts for the embedded plan: II.4 default ≥30, city >80, Mộc Châu maintain 100."""
    plan = load_plan("son-la-2024")
    units = Hierarchy.from_plan(plan)
    (city,) = units.lookup("Thành phố Sơn La")
    (moc_chau,) = units.lookup("Huyện Mộc Châu")
    (mai_son,) = units.lookup("Huyện Mai Sơn")
    path = tmp_path / "counts.csv"
    path.write_text(
        "indicator,unit,period,numerator,denominator\n"
        "II.4,TP Sơn La,202406,80,100\n"
        "II.4,Mộc Châu,202406,100,100\n"
        "II.4,Mai Sơn,202406,30,100\n"
        "II.5.b,thành phố,202406,8000,10000\n"
        "II.5.b,Mai Sơn,202406,6501,10000\n",
        encoding="utf-8",
    )
    results = {(a.indicator, a.unit): a for a in evaluate(plan, Observations.from_csv(path, plan))}
    city_ii4 = results["II.4", city.key]
    assert city_ii4.target is not None
    assert (city_ii4.target.comparator, city_ii4.target.value) == (Comparator.GT, 80)
    assert city_ii4.target_scope is not None
    assert city_ii4.target_scope.key == city.key
    assert (city_ii4.status, city_ii4.shortfall) == (Status.NOT_MET, 1)
    moc = results["II.4", moc_chau.key]
    assert moc.target is not None
    assert moc.target.comparator is Comparator.MAINTAIN
    assert moc.target.value == 100
    assert moc.status is Status.MET
    default = results["II.4", mai_son.key]
    assert default.target_scope is None
    assert default.target is not None
    assert (default.target.comparator, default.target.value) == (Comparator.GE, 30)
    assert default.status is Status.MET
    assert results["II.5.b", city.key].shortfall == 1  # "trên 80%": 8000/10000 is not above
    assert results["II.5.b", mai_son.key].status is Status.MET  # "trên 65%"
    assert achievement_record(city_ii4)["ratio"] == "80/100"
