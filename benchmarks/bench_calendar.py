"""Reporting due dates for 1,000 agencies × 10 years: de_an06's closed form against rrule.

    python benchmarks/bench_calendar.py [--repeat 5] [--warmup 1]

Run by hand, never by the tests. The workload is the anchor's (``../shared/anchor-bench/
bench_calendar.py``, perf-anchors §3): each agency reports monthly, six-monthly and yearly,
due on its own day of the month (5, 10, 15, 20, 25 or the last day), from 01/01/2025 or
01/07/2025 to 31/12/2034. de_an06 states each agency's schedule as a `ReportingRegime`
(monthly rule; six-monthly rule, June and December windows; yearly rule) and asks it for
``periods(year)``; dateutil states it as three ``rrule``s.

Method (``../shared/anchor-bench/common.py``): variants run round-robin (A1, B1, …,
A2, B2, …) with ``gc.collect()`` before each run; a figure is the median of the runs after
warm-up, and a ratio is a ratio of medians of this one run. Before timing, every variant
must give the same dates as dateutil's.
"""

from __future__ import annotations

import argparse
import calendar
import gc
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from dateutil.rrule import MONTHLY, YEARLY, rrule

from de_an06 import Frequency, ReportingRegime, ReportingRule, reporting

N_AGENCIES = 1000
FIRST_YEAR, UNTIL = 2025, date(2034, 12, 31)
DUE_DAYS = (5, 10, 15, 20, 25, -1)  # -1: the last day of the month
STARTS = (date(2025, 1, 1), date(2025, 7, 1))

Schedule = tuple[tuple[date, ...], tuple[date, ...], tuple[date, ...]]


def agencies(seed: int = 6) -> list[tuple[str, int, date]]:
    """The anchor's agencies: (id, due day, start), seeded."""
    rng = random.Random(seed)
    return [(f"AG{i:04d}", rng.choice(DUE_DAYS), rng.choice(STARTS)) for i in range(N_AGENCIES)]


# --- dateutil rrule (the anchor's baseline) -------------------------------------------------


def _rr(
    freq: int, start: date, day: int, months: tuple[int, ...] | None = None
) -> tuple[date, ...]:
    rule = rrule(
        freq,
        dtstart=datetime(start.year, start.month, start.day),
        until=datetime(UNTIL.year, UNTIL.month, UNTIL.day),
        bymonthday=day,
        bymonth=months,
    )
    return tuple(x.date() for x in rule)


def schedule_rrule(day: int, start: date) -> Schedule:
    return (
        _rr(MONTHLY, start, day),
        _rr(YEARLY, start, day, (6, 12)),
        _rr(YEARLY, start, day, (12,)),
    )


# --- de_an06 ------------------------------------------------------------------------------


def regime_of(day: int) -> ReportingRegime:
    """The agency's schedule as a de_an06 reporting regime ("on the day", not "before")."""
    last = 31 if day == -1 else day  # a day past a month's end is its last day
    return ReportingRegime(
        text=f"ngày {last}",
        rules=(
            ReportingRule(frequency=Frequency.MONTHLY, text="", day=last, before=False),
            ReportingRule(frequency=Frequency.SIX_MONTHLY, text="", day=last, before=False),
            ReportingRule(frequency=Frequency.YEARLY, text="", day=last, before=False),
        ),
    )


def clear_de_an06_caches() -> None:
    """Empty de_an06's own memo of schedules, so that every timed run builds it."""
    reporting._regime_periods.cache_clear()
    reporting._windows.cache_clear()


def schedule_de_an06(day: int, start: date) -> Schedule:
    regime = regime_of(day)
    found: dict[Frequency, list[date]] = {f: [] for f in regime.frequencies()}
    for year in range(FIRST_YEAR, UNTIL.year + 1):
        for period in regime.periods(year):
            if period.due is not None and start <= period.due <= UNTIL:
                found[period.frequency].append(period.due)
    monthly, six, yearly = (tuple(found[f]) for f in regime.frequencies())
    return monthly, six, yearly


# --- plain date arithmetic (the anchor's fastest) ----------------------------------------------


def _due(y: int, m: int, day: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1] if day == -1 else day)


def schedule_plain(day: int, start: date) -> Schedule:
    def gen(months: tuple[int, ...] = tuple(range(1, 13))) -> tuple[date, ...]:
        dues = (_due(y, m, day) for y in range(start.year, UNTIL.year + 1) for m in months)
        return tuple(d for d in dues if start <= d <= UNTIL)

    return gen(), gen((6, 12)), gen((12,))


def run(
    schedule: Callable[[int, date], Schedule], ags: list[tuple[str, int, date]]
) -> dict[str, Schedule]:
    return {aid: schedule(day, start) for aid, day, start in ags}


def cold(fn: Callable[[], dict[str, Schedule]]) -> Callable[[], dict[str, Schedule]]:
    """*fn* with de_an06's memo emptied first (the memo's build is part of every run)."""

    def go() -> dict[str, Schedule]:
        clear_de_an06_caches()
        return fn()

    return go


def cached(schedule: Callable[[int, date], Schedule]) -> Callable[[], dict[str, Schedule]]:
    """A run with a memo per distinct rule, the memo's build included in every run."""

    def go() -> dict[str, Schedule]:
        clear_de_an06_caches()
        memo = lru_cache(maxsize=None)(schedule)
        return {aid: memo(day, start) for aid, day, start in AGENCIES}

    return go


AGENCIES = agencies()


def interleaved(
    variants: dict[str, Callable[[], object]], repeat: int, warmup: int
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in variants}
    for i in range(warmup + repeat):
        for name, fn in variants.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - t0
            if i >= warmup:
                times[name].append(elapsed)
    return times


def report(title: str, times: dict[str, list[float]], units: int, baseline: str) -> None:
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    base = medians[baseline]
    print(f"\n{title}")
    print(f"  {'median':>10}  {'per s':>9}  {'× rrule':>8}  {'rrule ×':>8}  variant")
    for name, med in sorted(medians.items(), key=lambda kv: kv[1]):
        print(
            f"  {med * 1e3:8.2f} ms  {units / med / 1e3:7.1f} k  {med / base:8.4f}  "
            f"{base / med:8.1f}  {name}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args()

    reference = run(schedule_rrule, AGENCIES)
    assert run(schedule_de_an06, AGENCIES) == reference
    assert run(schedule_plain, AGENCIES) == reference
    assert cached(schedule_de_an06)() == reference
    n_dates = sum(len(a) + len(b) + len(c) for a, b, c in reference.values())
    n_rules = len({(d, s) for _, d, s in AGENCIES})
    print(f"Python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(f"{n_dates:,} due dates, {N_AGENCIES:,} agencies, {n_rules} distinct rules; same dates")

    generate = {
        "dateutil rrule, per agency": lambda: run(schedule_rrule, AGENCIES),
        "de_an06 ReportingRegime.periods, per agency": cold(
            lambda: run(schedule_de_an06, AGENCIES)
        ),
        "plain date arithmetic, per agency": lambda: run(schedule_plain, AGENCIES),
        "dateutil rrule, cached per distinct rule": cached(schedule_rrule),
        "de_an06 ReportingRegime.periods, cached per distinct rule": cached(schedule_de_an06),
        "plain date arithmetic, cached per distinct rule": cached(schedule_plain),
    }
    times = interleaved(generate, args.repeat, args.warmup)
    report("generate", times, n_dates, "dateutil rrule, per agency")

    # The look-up a scheduler does often: the next due date after a day.
    probe = date(2029, 3, 17)
    regime = regime_of(-1)
    rule = rrule(MONTHLY, dtstart=datetime(2025, 1, 1), until=datetime(2034, 12, 31), bymonthday=-1)
    rule_cached = rrule(
        MONTHLY,
        dtstart=datetime(2025, 1, 1),
        until=datetime(2034, 12, 31),
        bymonthday=-1,
        cache=True,
    )
    found = regime.next_due(probe)
    assert found is not None
    assert (
        rule.after(datetime(2029, 3, 17)).date()
        == found.due
        == rule_cached.after(datetime(2029, 3, 17)).date()
    )
    k = 2000
    after = datetime(2029, 3, 17)
    lookups = {
        "rrule.after, x2000": lambda: [rule.after(after) for _ in range(k)],
        "rrule(cache=True).after, x2000": lambda: [rule_cached.after(after) for _ in range(k)],
        "de_an06 ReportingRegime.next_due, x2000": lambda: [
            regime.next_due(probe) for _ in range(k)
        ],
    }
    report("next due date", interleaved(lookups, args.repeat, args.warmup), k, "rrule.after, x2000")


if __name__ == "__main__":
    main()
