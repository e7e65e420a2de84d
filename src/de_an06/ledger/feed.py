"""Counts recorded in the ledger as `Observations`, for evaluate, roll-up, annex and report.

>>> import os, tempfile
>>> from datetime import date
>>> from de_an06 import Ledger, ObservationRow, Submission, load_plan
>>> from de_an06.ledger.store import now_utc
>>> plan = load_plan("son-la-2024")
>>> with Ledger.open(os.path.join(tempfile.mkdtemp(), "so.db")) as ledger:
...     _ = ledger.add_submission(
...         Submission(agency="ubnd-tp-son-la", period="202407",
...                    submitted_on=date(2024, 7, 12), recorded_at=now_utc()),
...         [ObservationRow(submission=0, indicator="II.4", unit="TP Sơn La",
...                         period="202407", numerator=81, denominator=100)])
...     before = ledger_observations(plan, ledger, date(2024, 7, 11))
...     after = ledger_observations(plan, ledger, date(2024, 7, 12))
>>> before is None, after.units, after.numerator.tolist()
(True, ('tp-son-la',), [81])
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..observations import Observations
from ..plan import Plan

if TYPE_CHECKING:
    from .store import Ledger

__all__ = ["ledger_observations"]


def ledger_observations(plan: Plan, ledger: Ledger, as_of: date) -> Observations | None:
    """The counts in force on *as_of* (`Ledger.observations_as_of`), None when there are
    none. Where two submissions in force both count the same indicator (or annex
    service), unit and period, the later one recorded wins (a resubmission replaces, it
    does not add). Service rows carry their service and connection flag, for `annex_report`.
    """
    latest: dict[tuple[str, str, str, str | None], dict[str, object]] = {}
    for row in ledger.observations_as_of(as_of):
        latest[(row.indicator, row.unit, row.period, row.service)] = {
            "indicator": row.indicator,
            "unit": row.unit,
            "period": row.period,
            "numerator": row.numerator,
            "denominator": row.denominator,
            "service": row.service or "",
            "connected": None if row.connected is None else row.connected.flag,
        }
    if not latest:
        return None
    return Observations.from_records(
        list(latest.values()), plan, source=f"ledger {ledger.location}"
    )
