"""The progress ledger: what was done on each task, who reported, and when (issue #15).

A private subpackage above the queries layer: it reads the plan, the schedule and the
working-day calendar, and stores append-only task events and report submissions in
SQLite or PostgreSQL (`store`). Queries derive each task's status, done-late and overdue
tasks by the lawful due day, and the reporting completeness table (`queries`);
`record` checks input against the plan before it is stored.
"""

from __future__ import annotations

from .model import Connected, LedgerError, ObservationRow, Submission, TaskEvent, TaskStatus
from .store import DEFAULT_LEDGER, Ledger, ledger_location, open_ledger

__all__ = [
    "DEFAULT_LEDGER",
    "Connected",
    "Ledger",
    "LedgerError",
    "ObservationRow",
    "Submission",
    "TaskEvent",
    "TaskStatus",
    "ledger_location",
    "open_ledger",
]
