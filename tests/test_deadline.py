"""Deadline variants: due dates of the simple variants, compounds, ongoing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from de_an06 import (
    AsDirected,
    Compound,
    Deadline,
    ModelValueError,
    OnDate,
    Ongoing,
    PeriodUnit,
    Relation,
    RelativeToEvent,
    Unparsed,
    WithinPeriod,
)

from strategies import deadlines


class TestDueDate:
    """due_date() is the last calendar day of the dated part, or None."""

    @pytest.mark.parametrize(
        ("unit", "number", "due"),
        [
            (PeriodUnit.QUARTER, 1, date(2024, 3, 31)),
            (PeriodUnit.QUARTER, 4, date(2024, 12, 31)),
            (PeriodUnit.MONTH, 2, date(2024, 2, 29)),
            (PeriodUnit.HALF, 1, date(2024, 6, 30)),
            (PeriodUnit.YEAR, 1, date(2024, 12, 31)),
        ],
    )
    def test_within_period(self, unit: PeriodUnit, number: int, due: date) -> None:
        deadline = WithinPeriod(text="x", year=2024, unit=unit, number=number)
        assert deadline.due_date() == due
        assert not deadline.ongoing

    def test_before_date_is_strict_by_default(self) -> None:
        text = "hoàn thành trước ngày 30/6/2024"
        assert OnDate(text=text, date=date(2024, 6, 30), before=True).due_date() == date(
            2024, 6, 29
        )
        inclusive = OnDate(text=text, date=date(2024, 6, 30), before=True, inclusive=True)
        assert inclusive.due_date() == date(2024, 6, 30)
        assert OnDate(text="ngày 15/3/2025", date=date(2025, 3, 15)).due_date() == date(2025, 3, 15)

    def test_event(self) -> None:
        tet = date(2024, 2, 10)
        before = RelativeToEvent(
            text="trước Tết", event="Tết Giáp Thìn", relation=Relation.BEFORE, event_date=tet
        )
        assert before.due_date() == date(2024, 2, 9)
        assert (
            before.__class__(text="", event="", relation=Relation.BY, event_date=tet).due_date()
            == tet
        )
        assert (
            before.__class__(text="", event="", relation=Relation.AFTER, event_date=tet).due_date()
            is None
        )
        assert before.__class__(text="", event="", relation=Relation.BEFORE).due_date() is None

    def test_undated(self) -> None:
        assert Ongoing(text="Thường xuyên").due_date() is None
        assert Ongoing(text="Thường xuyên").ongoing
        assert AsDirected(text="Theo chỉ đạo của Trung ương", by="Trung ương").due_date() is None
        assert Unparsed(text="???").due_date() is None

    def test_compound_quarters(self) -> None:
        # decisions.md: "Quý I, Quý II/2024" is due 30/06/2024.
        both = Compound(
            text="Quý I, Quý II/2024",
            parts=(
                WithinPeriod(text="Quý I", year=2024, unit=PeriodUnit.QUARTER, number=1),
                WithinPeriod(text="Quý II/2024", year=2024, unit=PeriodUnit.QUARTER, number=2),
            ),
        )
        assert both.due_date() == date(2024, 6, 30)
        assert not both.ongoing

    def test_compound_with_ongoing_part(self) -> None:
        mixed = Compound(
            text="…",
            parts=(
                RelativeToEvent(
                    text="trước Tết",
                    event="Tết",
                    relation=Relation.BEFORE,
                    event_date=date(2024, 2, 10),
                ),
                Ongoing(text="duy trì thực hiện thường xuyên"),
            ),
        )
        assert mixed.ongoing
        assert mixed.due_date() == date(2024, 2, 9)

    def test_impossible_period(self) -> None:
        with pytest.raises(ModelValueError, match=r"1\.\.4"):
            WithinPeriod(text="Quý V", year=2024, unit=PeriodUnit.QUARTER, number=5)


@given(deadlines)
def test_compound_due_is_latest_part(deadline: Deadline) -> None:
    """A compound's due date is the latest of its parts' due dates; ongoing if any part is."""
    if isinstance(deadline, Compound):
        dues = [d for p in deadline.parts if (d := p.due_date()) is not None]
        assert deadline.due_date() == max(dues, default=None)
        assert deadline.ongoing == any(p.ongoing for p in deadline.parts)
