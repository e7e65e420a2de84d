"""``--db`` on the commands that read the ledger if asked: ``report``, ``deadlines``,
``evaluate`` (the ``progress`` family has its own, with the ``DE_AN06_DB`` fallback)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from ._common import UsageError

if TYPE_CHECKING:
    from ..ledger.store import Ledger
    from ..plan import Plan
    from ..workdays import DuePolicy

__all__ = ["add_read_db_option", "deadlines_from_ledger", "open_existing"]


def add_read_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db`` on commands that read the ledger if asked (report, deadlines, evaluate,
    annex): without it they use no ledger (no ``DE_AN06_DB`` fallback), so the output
    never depends on a file that happens to be in the working folder."""
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="read task progress, submissions and counts from this ledger "
        "(a SQLite file or a postgresql:// URL)",
    )


def open_existing(location: str) -> Ledger:
    """The ledger at *location* for reading; a missing file is bad input, not a new ledger."""
    from pathlib import Path

    from ..ledger.store import Ledger

    if "://" not in location and not Path(location).is_file():
        raise UsageError(f"--db: no ledger file {location!r}")
    return Ledger.open(location)


def deadlines_from_ledger(
    location: str, plan: Plan, as_of: date, policy: DuePolicy, given: dict[str, date] | None
) -> tuple[dict[str, date], dict[str, list[dict[str, Any]]]]:
    """For ``deadlines --db``: done (or closed) tasks from the ledger, and the rows of
    those done on time and late (``days``: working days late)."""
    from ..ledger.queries import Progress, task_states
    from ..report.progress import completed_from

    with open_existing(location) as ledger:
        states = task_states(plan, ledger.latest_events(as_of), as_of, policy=policy)
    finished: dict[str, list[dict[str, Any]]] = {"done_on_time": [], "done_late": []}
    for state in states:
        if state.progress in (Progress.DONE_ON_TIME, Progress.DONE_LATE):
            finished[state.progress.value].append(
                {
                    "code": state.task.code,
                    "text": state.task.text,
                    "deadline": state.task.deadline.text,
                    "deadline_kind": state.task.deadline.KIND,
                    "due": None if state.due is None else state.due.isoformat(),
                    "done": None if state.on is None else state.on.isoformat(),
                    "days": state.days_late,
                    "ongoing": state.task.deadline.ongoing,
                }
            )
    return {**(given or {}), **completed_from(states)}, finished
