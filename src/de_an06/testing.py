"""Hypothesis strategies for your own property tests of indicator math (extra ``testing``).

Install with ``pip install 'de-an06[testing]'``; only this module imports hypothesis.

* `plans`: the embedded Sơn La plan with generated indicators (targets, overrides);
* `indicators`: indicators with a default target and locality / level overrides;
* `observations`: count rows consistent with a plan (known units and indicators,
  monthly periods of the plan year, shares never above 100%), as an `Observations` store;
* `task_events`: ledger events (`TaskEvent`) for the plan's tasks and agencies.

A property test you can copy (docs/howto-property-tests.md runs it):

>>> from hypothesis import given, settings
>>> from de_an06.achievement import evaluate
>>> @settings(max_examples=20, deadline=None)
... @given(plan_and_counts())
... def test_coverage_never_exceeds_expected(pair):
...     plan, obs = pair
...     for result in evaluate(plan, obs):
...         assert result.units_with_data <= result.expected_units
>>> test_coverage_never_exceeds_expected()
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import strategies as st

from .indicator import (
    Comparator,
    Indicator,
    Measure,
    Objective,
    Scope,
    ScopeKind,
    Target,
    TargetOverride,
    Unit,
)
from .ledger.model import TaskEvent, TaskStatus
from .loading import load_plan
from .plan import Plan

if TYPE_CHECKING:
    from .observations import Observations

__all__ = ["indicators", "observations", "plan_and_counts", "plans", "targets", "task_events"]

_LEVELS = ("province", "district", "commune")


def targets(unit: Unit = Unit.PERCENT) -> st.SearchStrategy[Target]:
    """A comparator and an exact value (0–100 for a percentage, 0–10,000 for a count)."""
    top = 100 if unit is Unit.PERCENT else 10_000
    return st.builds(
        lambda c, v: Target(comparator=c, value=Fraction(v), text=f"{c.value} {v}"),
        st.sampled_from(Comparator),
        st.integers(0, top),
    )


@st.composite
def indicators(draw: st.DrawFn, localities: tuple[str, ...] = ("tp-son-la",)) -> Indicator:
    """An indicator "T.n" with a default target and overrides for *localities* or levels."""
    unit = draw(st.sampled_from(Unit))
    overrides = []
    for key in draw(st.lists(st.sampled_from(localities), max_size=2, unique=True)):
        overrides.append(
            TargetOverride(
                scope=Scope(kind=ScopeKind.LOCALITY, key=key), target=draw(targets(unit))
            )
        )
    if draw(st.booleans()):
        level = Scope(kind=ScopeKind.LEVEL, key=draw(st.sampled_from(_LEVELS)))
        overrides.append(TargetOverride(scope=level, target=draw(targets(unit))))
    return Indicator(
        id=f"T.{draw(st.integers(1, 999))}",
        text="chỉ tiêu thử",
        unit=unit,
        target=draw(st.none() | targets(unit)),
        overrides=tuple(overrides),
        measure=draw(st.sampled_from(Measure)),
    )


@st.composite
def plans(draw: st.DrawFn, base: str = "son-la-2024") -> Plan:
    """The bundled plan *base* with one to four generated indicators in place of its own."""
    plan = load_plan(base)
    keys = tuple(loc.key for loc in plan.localities if loc.parent is not None)
    found = draw(st.lists(indicators(keys), min_size=1, max_size=4, unique_by=lambda i: i.id))
    objective = Objective(id="II.1", text="mục tiêu thử", indicators=tuple(found))
    return attrs.evolve(plan, objectives=(objective,))


@st.composite
def observations(draw: st.DrawFn, plan: Plan, max_rows: int = 30) -> Observations:
    """Counts rows consistent with *plan*: its units, its indicators, months of its year."""
    from .observations import Observations

    units = [loc.name for loc in plan.localities if loc.parent is not None]
    measured = [i for i in plan.indicators if not i.qualitative]
    keys = st.tuples(st.sampled_from(measured), st.sampled_from(units), st.integers(1, 12))
    rows: dict[tuple[str, str, int], dict[str, Any]] = {}
    for indicator, unit, month in draw(st.lists(keys, max_size=max_rows)):
        denominator = draw(st.integers(0, 10_000))
        top = denominator if indicator.own_unit is Unit.PERCENT else 10_000
        rows[indicator.id, unit, month] = {
            "indicator": indicator.id,
            "unit": unit,
            "period": f"{plan.year}{month:02d}",
            "numerator": draw(st.integers(0, top)),
            "denominator": denominator,
        }
    return Observations.from_records(list(rows.values()), plan)


@st.composite
def plan_and_counts(draw: st.DrawFn) -> tuple[Plan, Observations]:
    """A generated plan and counts consistent with it."""
    plan = draw(plans())
    return plan, draw(observations(plan))


@st.composite
def task_events(draw: st.DrawFn, plan: Plan) -> TaskEvent:
    """A ledger event for one of *plan*'s tasks, by one of its agencies, in its year."""
    day = draw(st.dates(date(plan.year, 1, 1), date(plan.year, 12, 31)))
    return TaskEvent(
        task=draw(st.sampled_from([t.code for t in plan.tasks])),
        agency=draw(st.sampled_from([a.key for a in plan.agencies])),
        status=draw(st.sampled_from(TaskStatus)),
        on=day,
        percent=draw(st.none() | st.integers(0, 100)),
        recorded_at=datetime.combine(day, time(9), tzinfo=UTC),
    )
