"""The progress ledger: what was done on each task, who reported, and when (issue #15).

A private subpackage above the queries layer: it reads the plan, the schedule and the
working-day calendar, and stores append-only task events and report submissions in
SQLite or PostgreSQL (`store`). Queries derive each task's status, done-late and overdue
tasks by the lawful due day, and the reporting completeness table (`queries`);
`record` checks input against the plan before it is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Connected, LedgerError, ObservationRow, Submission, TaskEvent, TaskStatus

if TYPE_CHECKING:
    from .store import DEFAULT_LEDGER, Ledger, ledger_location, open_ledger

_STORE = frozenset({"DEFAULT_LEDGER", "Ledger", "ledger_location", "open_ledger"})


def __getattr__(name: str) -> Any:
    """The store's names, imported on first use: SQLAlchemy costs ~150 ms to import, and
    `report` reads the model and queries of this package without a ledger (#18)."""
    if name in _STORE:
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
