"""Roll-up along the hierarchy: pooled, mean and share-of-units, exact int64 sums."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

from de_an06 import Aggregation, Level, Locality, ReportingPeriod
from de_an06.achievement import Achievement, Status, evaluate
from de_an06.errors import ModelValueError, ObservationDataError
from de_an06.observations import Observations
from de_an06.rollup import Hierarchy, roll_up

from strategies import count_pairs, observation_plan

np = pytest.importorskip("numpy")

PLAN = observation_plan()
KEYS = ("indicator", "unit", "period", "numerator", "denominator")


def records(*rows: tuple[str, str, str, int, int]) -> list[dict[str, object]]:
    return [dict(zip(KEYS, row, strict=True)) for row in rows]


def by_unit(results: tuple[Achievement, ...], indicator: str = "P.1") -> dict[str, Achievement]:
    return {a.unit: a for a in results if a.indicator == indicator}


def national(districts: list[int]) -> Hierarchy:
    """Communes c0…cn in districts d0…, all in one province "prov" under "vn"."""
    parents: dict[str, str | None] = {f"c{i}": f"d{d}" for i, d in enumerate(districts)}
    parents |= {f"d{d}": "prov" for d in set(districts)}
    parents["prov"] = "vn"
    return Hierarchy.from_mapping(parents, names={"vn": "Việt Nam"})


def commune_rows(pairs: list[tuple[int, int]], indicator: str = "P.1") -> list[dict[str, object]]:
    return records(*((indicator, f"c{i}", "2024", n, d) for i, (n, d) in enumerate(pairs)))


class TestPooled:
    """Σnumerator/Σdenominator, up every level."""

    @given(pairs=st.lists(count_pairs, min_size=1, max_size=12), data=st.data())
    def test_between_smallest_and_largest_unit_ratio(
        self, pairs: list[tuple[int, int]], data: st.DataObject
    ) -> None:
        districts = data.draw(st.lists(st.integers(0, 3), min_size=len(pairs), max_size=len(pairs)))
        tree = national(districts)
        obs = Observations.from_records(commune_rows(pairs), PLAN, hierarchy=tree)
        top = by_unit(roll_up(PLAN, obs).achievements())["prov"]
        ratios = [Fraction(n, d) for n, d in pairs if d]
        assert top.method is Aggregation.POOLED
        assert (top.numerator, top.denominator) == (
            sum(p[0] for p in pairs),
            sum(p[1] for p in pairs),
        )
        if ratios:
            assert top.ratio is not None
            assert min(ratios) <= top.ratio <= max(ratios)
        else:
            assert top.status is Status.NO_DATA
        assert (top.units, top.units_with_data) == (len(pairs), len(ratios))

    @given(pairs=st.lists(count_pairs, min_size=1, max_size=12), data=st.data())
    def test_independent_of_row_order_and_partition(
        self, pairs: list[tuple[int, int]], data: st.DataObject
    ) -> None:
        n = len(pairs)
        first = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
        second = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
        rows = commune_rows(pairs) + commune_rows(pairs, "P.3") + commune_rows(pairs, "P.4")
        shuffled = data.draw(st.permutations(rows))
        one = Observations.from_records(rows, PLAN, hierarchy=national(first))
        other = Observations.from_records(shuffled, PLAN, hierarchy=national(second))
        results = [
            {
                (a.indicator, a.unit): a
                for a in roll_up(PLAN, o).achievements()
                if a.unit in ("prov", "vn")
            }
            for o in (one, other)
        ]
        assert results[0] == results[1]
        same_tree = Observations.from_records(shuffled, PLAN, hierarchy=national(first))
        assert roll_up(PLAN, one).achievements() == roll_up(PLAN, same_tree).achievements()

    def test_three_levels_and_the_top(self) -> None:
        obs = Observations.from_records(
            records(
                ("P.1", "Xã Chiềng Mung", "2024", 1, 10),
                ("P.1", "Thị trấn Hát Lót", "2024", 2, 10),
                ("P.1", "Xã Chiềng Sơn", "2024", 3, 10),
                ("P.1", "TP Sơn La", "2024", 4, 10),
            ),
            PLAN,
        )
        found = by_unit(roll_up(PLAN, obs).achievements())
        assert {k: a.ratio_text for k, a in found.items()} == {
            "tinh": "10/40",
            "mai-son": "3/20",
            "moc-chau": "3/10",
        }
        assert found["moc-chau"].target is not None  # the node's own target: maintain 100
        assert found["moc-chau"].status is Status.NOT_MET

    def test_own_counts_yield_to_detailed_ones(self) -> None:
        obs = Observations.from_records(
            records(
                ("P.1", "Mai Sơn", "2024", 5, 20),  # the district's own total …
                ("P.1", "Chiềng Mung", "2024", 1, 10),  # … and its communes
                ("P.1", "Hát Lót", "2024", 4, 10),
                ("P.1", "Mộc Châu", "2024", 7, 10),  # no commune reports: used as is
            ),
            PLAN,
        )
        rolled = roll_up(PLAN, obs)
        assert by_unit(rolled.achievements())["tinh"].ratio_text == "12/30"
        assert rolled.superseded == ("mai-son",)
        assert by_unit(evaluate(PLAN, obs))["mai-son"].ratio_text == "5/20"

    def test_agencies_are_not_added_to_localities(self) -> None:
        obs = Observations.from_records(
            records(("P.1", "Công an tỉnh", "2024", 1, 2), ("P.1", "TP Sơn La", "2024", 1, 4)),
            PLAN,
        )
        rolled = roll_up(PLAN, obs)
        assert by_unit(rolled.achievements())["tinh"].ratio_text == "1/4"
        assert rolled.not_rolled == ("ca-tinh",)

    def test_two_level_structure_of_2025(self) -> None:
        tree = Hierarchy.from_mapping(
            {"chieng-mung": "tinh", "hat-lot": "tinh", "chieng-son": "tinh", "tinh": None}
        )
        obs = Observations.from_records(
            records(("P.1", "Chiềng Mung", "2024", 1, 10), ("P.1", "Chiềng Sơn", "2024", 2, 10)),
            PLAN,
        )
        results = roll_up(PLAN, obs, hierarchy=tree).achievements()
        assert [(a.unit, a.ratio_text) for a in results] == [("tinh", "3/20")]

    def test_by_service(self) -> None:
        rows = [
            {"unit": u, "period": "2024", "service": s, "numerator": n, "denominator": 10}
            for u, s, n in (("tp", "I.1", 1), ("mai-son", "I.1", 2), ("tp", "I.2", 5))
        ]
        obs = Observations.from_records(rows, PLAN)
        pooled = roll_up(PLAN, obs).achievements()
        assert [(a.unit, a.service, a.ratio_text) for a in pooled] == [("tinh", "", "8/30")]
        apart = roll_up(PLAN, obs, by_service=True).achievements()
        assert sorted((a.service, a.ratio_text) for a in apart) == [
            ("I.1", "3/20"),
            ("I.2", "5/10"),
        ]

    def test_exact_beyond_float_precision(self) -> None:
        big = 2**60 + 1
        obs = Observations.from_records(
            records(("P.1", "tp", "2024", big, big), ("P.1", "mai-son", "2024", 1, big)), PLAN
        )
        top = by_unit(roll_up(PLAN, obs).achievements())["tinh"]
        assert (top.numerator, top.denominator) == (big + 1, 2 * big)

    def test_sum_beyond_int64_is_an_error(self) -> None:
        big = 2**62
        obs = Observations.from_records(
            records(("P.1", "tp", "2024", 0, big), ("P.1", "mai-son", "2024", 0, big)), PLAN
        )
        with pytest.raises(ObservationDataError, match="int64"):
            roll_up(PLAN, obs)

    def test_flows_sum_over_the_year(self) -> None:
        obs = Observations.from_records(
            records(
                ("P.1", "tp", "202401", 1, 10),
                ("P.1", "tp", "202402", 2, 10),
                ("P.1", "mai-son", "202402", 3, 10),
            ),
            PLAN,
        )
        (top,) = roll_up(PLAN, obs, period="2024").achievements()
        assert (top.unit, top.period, top.ratio_text) == ("tinh", "2024", "6/30")
        monthly = roll_up(PLAN, obs).achievements()
        assert [(a.period, a.ratio_text) for a in monthly] == [
            ("202401", "1/10"),
            ("202402", "5/20"),
        ]

    @given(
        rows=st.lists(
            st.tuples(
                st.sampled_from(["tp", "chieng-mung", "hat-lot", "chieng-son"]),
                st.sampled_from(["202401", "202402", "202406", "202407", "202412"]),
                st.sampled_from(["", "I.1", "II.13.2"]),
                count_pairs,
            ),
            max_size=25,
            unique_by=lambda r: r[:3],
        ),
        question=st.sampled_from(
            [
                {},
                {"by_service": True},
                {"period": "2024S1"},
                {"period": "2024", "by_service": True},
                {"as_of": date(2024, 6, 20)},
                {"period": "202412"},
            ]
        ),
    )
    def test_answers_from_kept_sums_equal_fresh_ones(
        self, rows: list[tuple[str, str, str, tuple[int, int]]], question: dict[str, Any]
    ) -> None:
        """The store keeps detailed sums; answers drawn from them equal the rows' own sums."""
        obs = Observations.from_records(
            [
                {
                    "indicator": "" if s else "P.1",
                    "unit": u,
                    "period": p,
                    "service": s,
                    "numerator": n,
                    "denominator": d,
                }
                for u, p, s, (n, d) in rows
            ],
            PLAN,
        )
        cold = roll_up(PLAN, attrs.evolve(obs), **question).achievements()
        roll_up(PLAN, obs, by_service=True)  # leaves the detailed sums on the store
        assert roll_up(PLAN, obs, **question).achievements() == cold
        expected: dict[tuple[str, str, str], list[int]] = {}
        for _, p, s, (n, d) in rows:
            window = ReportingPeriod.from_id(p)
            if "period" in question:
                outer = ReportingPeriod.from_id(question["period"])
                if not outer.start <= window.start <= window.end <= outer.end:
                    continue
            if "as_of" in question and window.end > question["as_of"]:
                continue
            service = s if question.get("by_service") else ""
            label = question.get("period", "2024" if "as_of" in question else p)
            total = expected.setdefault(("" if s else "P.1", service, label), [0, 0])
            total[0] += n
            total[1] += d
        province = {
            (a.indicator, a.service, a.period): [a.numerator, a.denominator]
            for a in cold
            if a.unit == "tinh"
        }
        assert province == expected

    def test_overlapping_flow_reports(self) -> None:
        obs = Observations.from_records(
            records(("P.1", "tp", "202401", 1, 10), ("P.1", "tp", "2024Q1", 2, 10)), PLAN
        )
        assert len(roll_up(PLAN, obs)) == 2
        with pytest.raises(ObservationDataError, match="count twice"):
            roll_up(PLAN, obs, period="2024")
        (top,) = roll_up(PLAN, obs, as_of=date(2024, 1, 20)).achievements()
        assert (top.period, top.ratio_text) == ("2024", "1/10")  # 2024Q1 has not ended


class TestOtherMethods:
    """Unweighted mean of unit ratios; share of units meeting their own target."""

    def test_mean_excludes_units_without_data(self) -> None:
        obs = Observations.from_records(
            records(
                ("P.3", "tp", "2024", 1, 2),
                ("P.3", "mai-son", "2024", 1, 4),
                ("P.3", "moc-chau", "2024", 0, 0),
            ),
            PLAN,
        )
        (top,) = roll_up(PLAN, obs).achievements()
        assert top.method is Aggregation.MEAN
        assert top.ratio == Fraction(3, 8)
        assert (top.units, top.units_with_data) == (3, 2)
        # Mộc Châu's commune has no data: the figure is partial unless judged on what is there.
        assert (top.status, top.missing_units) == (Status.PARTIAL, ("chieng-son",))
        (top,) = roll_up(PLAN, obs).achievements(met_on_available=True)
        assert (top.status, top.met_on_available) == (Status.NOT_MET, True)
        assert top.shortfall is None

    def test_share_of_units_meeting(self) -> None:
        obs = Observations.from_records(
            records(
                ("P.4", "tp", "2024", 10, 10),
                ("P.4", "mai-son", "2024", 5, 10),
                ("P.4", "moc-chau", "2024", 0, 0),
            ),
            PLAN,
        )
        (top,) = roll_up(PLAN, obs).achievements()
        assert top.method is Aggregation.SHARE_MET
        # Units meeting over units expected (tp and the three communes, which the two
        # districts' own counts cover); mixed kinds (thành phố, huyện): no kind word.
        assert top.ratio_text == "1/4"
        assert (top.status, top.shortfall, top.missing_units) == (
            Status.PARTIAL,
            3,
            ("chieng-son",),
        )
        obs = Observations.from_records(
            records(("P.4", "mai-son", "2024", 10, 10), ("P.4", "moc-chau", "2024", 10, 10)),
            PLAN,
        )
        (top,) = roll_up(PLAN, obs).achievements()
        assert (top.ratio_text, top.status, top.missing_units) == (
            "2/4 huyện",
            Status.PARTIAL,
            ("tp",),
        )


class TestHierarchy:
    """Units by name; parents as data."""

    def test_lookup(self) -> None:
        tree = Hierarchy.from_plan(PLAN)
        assert [n.key for n in tree.lookup("thành phố")] == ["tp"]
        assert [n.key for n in tree.lookup("UBND huyện Mai Sơn")] == ["mai-son"]
        assert [n.key for n in tree.lookup("Sở Tư pháp")] == ["so-tu-phap"]
        assert [n.key for n in tree.lookup("Cục Hải quan")] == ["Cục Hải quan"]  # annex only
        assert sorted(n.key for n in tree.lookup("Sơn La")) == ["tinh", "tp"]
        assert tree.lookup("Hà Nội") == ()
        assert tree.ancestors("chieng-son") == ("moc-chau", "tinh")

    def test_cycle(self) -> None:
        with pytest.raises(ModelValueError, match="cycle"):
            Hierarchy.from_mapping({"a": "b", "b": "a"})

    def test_units_that_exist_on_a_day(self) -> None:
        plan = observation_plan()
        gone = Locality(
            key="old",
            name="Xã Cũ",
            level=Level.COMMUNE,
            parent="mai-son",
            valid_to=date(2025, 6, 30),
        )
        plan = attrs.evolve(plan, localities=(*plan.localities, gone))
        assert "old" in Hierarchy.from_plan(plan)
        assert "old" not in Hierarchy.from_plan(plan, as_of=date(2025, 7, 1))
