"""The progress ledger on a national-shape plan: status of every task on a day, and the
reporting completeness table for a period (issue #15 targets: ≤ 50 ms and ≤ 100 ms).

The plan is `national_plan.plan_bytes()` (2,283 tasks). Every reporter of every task
(`reporters_of`, or the task's lead mentions when those are open groups) records one event
a month for 12 months; every expected reporter submits (or not) each monthly report.
Run by hand, not in the tests:

    python benchmarks/bench_ledger.py [--db postgresql://…]   # default: a temporary SQLite file
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from national_plan import YEAR, plan_bytes

import de_an06
from de_an06.ledger import Ledger, Submission, TaskEvent, TaskStatus
from de_an06.ledger.queries import completeness, expected_reporters, reporters_of, task_states
from de_an06.ledger.store import now_utc
from de_an06.task import Role

STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS,
            TaskStatus.BLOCKED, TaskStatus.DONE)  # fmt: skip


def best(function: object, runs: int = 7) -> tuple[float, float]:
    """Median and minimum wall time of *runs* calls, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="ledger (default: a temporary SQLite file)")
    args = parser.parse_args()
    plan = de_an06.loads_plan(plan_bytes())
    rng = random.Random(15)
    recorded = now_utc()
    events = []
    for task in plan.tasks:
        who = reporters_of(plan, task) or tuple(m.agency for m in task.agencies_in(Role.LEAD))
        for agency in who:
            for month in range(1, 13):
                status = rng.choice(STATUSES) if month < 12 else TaskStatus.DONE
                events.append(TaskEvent(task=task.code, agency=agency, status=status,
                                        on=date(YEAR, month, rng.randint(1, 28)),
                                        recorded_at=recorded, source="bench"))  # fmt: skip
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    reporters = expected_reporters(plan)
    with Ledger.open(db) as ledger:
        start = time.perf_counter()
        ledger.add_events(events)
        insert = time.perf_counter() - start
        for month in range(1, 13):
            for agency in reporters:
                if rng.random() < 0.9:
                    day = date(YEAR, month, rng.randint(8, 20))
                    period = f"{YEAR}{month:02d}"
                    item = Submission(
                        agency=agency, period=period, submitted_on=day, recorded_at=recorded
                    )
                    ledger.add_submission(item)
        as_of = date(YEAR, 6, 30)

        def status_of_every_task() -> object:
            return task_states(plan, ledger.latest_events(as_of), as_of)

        def completeness_table() -> object:
            period = f"{YEAR}07"
            return completeness(plan, ledger.submissions(period=period), date(YEAR, 7, 31),
                                period=period)  # fmt: skip

        states = status_of_every_task()
        cells = completeness_table()
        print(f"ledger: {ledger.location}")
        print(f"plan: {len(plan.tasks):,} tasks; events: {len(events):,}; "
              f"expected reporters: {len(reporters)}; cells in the table: {len(cells)}")  # type: ignore[arg-type]  # fmt: skip
        print(f"bulk insert of {len(events):,} events: {insert * 1000:,.0f} ms")
        median, low = best(status_of_every_task)
        print(f"status of every task on {as_of}: median {median:.1f} ms, best {low:.1f} ms "
              f"({len(states):,} tasks)")  # type: ignore[arg-type]  # fmt: skip
        median, low = best(completeness_table)
        print(f"completeness table for {YEAR}07: median {median:.1f} ms, best {low:.1f} ms")


if __name__ == "__main__":
    main()
