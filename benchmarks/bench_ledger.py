"""The progress ledger on a national-shape plan: status of every task on a day, and the
reporting completeness table for a period (issue #15 targets: ≤ 50 ms and ≤ 100 ms).

The plan is `national_plan.plan_bytes()` (2,283 tasks). Every reporter of every task
(`reporters_of`, or the task's lead mentions when those are open groups) records one event
a month for 12 months; every expected reporter submits (or not) each monthly report.
Where a fair baseline exists it is timed in the same run and the ratio printed: the same
latest-events SQL (`_rows.latest_query`, compiled with its values) run by the plain
``sqlite3`` module with ``fetchall()`` — the database's own share of the work, without
building `TaskEvent` objects or deriving any status; and the period's submissions fetched
the same way for the completeness table. Run by hand, not in the tests:

    python benchmarks/bench_ledger.py [--db postgresql://…]   # default: a temporary SQLite file
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from national_plan import YEAR, plan_bytes

import de_an06
from de_an06.ledger import Ledger, Submission, TaskEvent, TaskStatus
from de_an06.ledger._rows import latest_query
from de_an06.ledger.queries import completeness, expected_reporters, reporters_of, task_states
from de_an06.ledger.store import now_utc
from de_an06.task import Role

STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS,
            TaskStatus.BLOCKED, TaskStatus.DONE)  # fmt: skip


def best(function: object, runs: int = 7) -> tuple[float, float]:
    """Median wall time and median CPU time (this process) of *runs* calls, in ms: on a
    shared, loaded machine the CPU time is the steadier of the two."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu)


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
        print(f"status of every task on {as_of}: median {median:.1f} ms, CPU {low:.1f} ms "
              f"({len(states):,} tasks)")  # type: ignore[arg-type]  # fmt: skip
        if "://" not in db:
            raw = sqlite3.connect(db)
            sql = str(latest_query(as_of, None).compile(
                compile_kwargs={"literal_binds": True}))  # fmt: skip
            fetched = raw.execute(sql).fetchall()
            assert len(fetched) == len(ledger.latest_events(as_of))
            base, base_cpu = best(lambda: raw.execute(sql).fetchall())
            print(f"  baseline, the same latest-events SQL by plain sqlite3 ({len(fetched):,} "
                  f"rows): median {base:.1f} ms, CPU {base_cpu:.1f} ms; ratio "
                  f"{median / base:.2f}× (CPU {low / base_cpu:.2f}×)")  # fmt: skip
        median, low = best(completeness_table)
        print(f"completeness table for {YEAR}07: median {median:.1f} ms, CPU {low:.1f} ms")
        if "://" not in db:
            sql = "SELECT * FROM submissions WHERE period = '202507' ORDER BY id"
            base, base_cpu = best(lambda: raw.execute(sql).fetchall())
            print(f"  baseline, the period's submissions by plain sqlite3: median {base:.1f} ms "
                  f"(the table itself is Python: reporters × periods × working days)")  # fmt: skip


if __name__ == "__main__":
    main()
