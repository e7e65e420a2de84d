"""Deadlines: undated or conditional, two for one deliverable, outside the year, on a day
off, and reporting rules too tight for the NĐ 09 cut-off (in working days)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

import attrs

from .._text import fold, join_lines
from ..deadline import AsDirected, Compound, Deadline, OnDate, Relation, RelativeToEvent, Unparsed
from ..task import Task
from ..workdays import WorkingCalendar, default_calendar, working_days_after_cutoff
from .context import Context
from .findings import Finding, Where, make
from .words import CONDITION

__all__ = ["deadline_findings"]


def deadline_findings(ctx: Context, calendar: WorkingCalendar | None = None) -> Iterator[Finding]:
    """Every deadline finding of the plan's tasks and reporting rules."""
    cal = calendar or default_calendar()
    for task in ctx.plan.tasks:
        where, path = Where("task", task.code), f"{ctx.task_path(task)}.deadline"
        yield from _deadline(ctx, task.deadline, where, path, cal)
        condition = CONDITION.search(join_lines(task.deadline.text))
        if condition:
            yield make(
                "conditional_deadline", where, path, task.deadline.text, condition=condition[0]
            )
    yield from _two_deadlines(ctx)
    yield from _reporting(ctx, cal)


def _deadline(
    ctx: Context, deadline: Deadline, where: Where, path: str, cal: WorkingCalendar
) -> Iterator[Finding]:
    due = deadline.due_date()
    if due is None and not deadline.ongoing:
        if isinstance(deadline, Unparsed):
            yield make("unparsed_deadline", where, path, deadline.text)
        else:
            vi, en = _undated_reason(deadline)
            yield make("undated_deadline", where, path, deadline.text, reason_vi=vi, reason_en=en)
    if due is not None and due.year != ctx.plan.year:
        yield make(
            "outside_plan_year",
            where,
            path,
            deadline.text,
            due=f"{due:%d/%m/%Y}",
            year=ctx.plan.year,
        )
    if isinstance(deadline, OnDate) and deadline.before and not deadline.inclusive:
        last = deadline.date - timedelta(days=1)
        if not cal.is_working_day(last):
            yield _before_day_off(deadline.date, last, where, path, quote=deadline.text, cal=cal)
    if isinstance(deadline, Compound):
        for i, part in enumerate(deadline.parts):
            if isinstance(part, Unparsed | OnDate):
                yield from _deadline(ctx, part, where, f"{path}.parts[{i}]", cal)


def _before_day_off(
    named: date, due: date, where: Where, path: str, *, quote: str, cal: WorkingCalendar
) -> Finding:
    last = cal.previous_working_day(due)
    return make(
        "before_holiday",
        where,
        path,
        quote,
        day=f"{named:%d/%m/%Y}",
        due=f"{due:%d/%m/%Y}",
        why=_why(cal, due),
        last=f"{last:%d/%m/%Y}",
    )


def _why(cal: WorkingCalendar, day: date) -> str:
    return cal.reason(day).split(" [")[0].removeprefix("nghỉ: ")


def _undated_reason(deadline: Deadline) -> tuple[str, str]:
    match deadline:
        case AsDirected(by=by):
            return (
                f"thời gian do {by or 'cơ quan khác'} quyết định",
                f"timing set by {by or 'another body'}",
            )
        case RelativeToEvent(relation=Relation.AFTER, event=event):
            return f"bắt đầu sau một sự kiện ({event})", f"starts after an event ({event})"
        case RelativeToEvent(event=event):
            return (
                f"chưa biết ngày của sự kiện ({event})",
                f"the date of the event is unknown ({event})",
            )
        case _:
            return "không có phần nào có ngày", "no dated part"


def _two_deadlines(ctx: Context) -> Iterator[Finding]:
    """Two tasks naming the same deliverable (one's words inside the other's) due apart."""
    tasks = [
        (t, frozenset(fold(join_lines(t.text)).split()), t.deadline.due_date())
        for t in ctx.plan.tasks
    ]
    for i, j in _similar_pairs([words if _dated(t, due) else None for t, words, due in tasks]):
        (a, _, due_a), (b, _, due_b) = tasks[i], tasks[j]
        if due_a == due_b:
            continue
        yield make(
            "two_deadlines",
            Where("task", b.code),
            f"{ctx.task_path(b)}.deadline",
            b.deadline.text,
            here=b.deadline.text,
            there=a.deadline.text,
            where_vi=Where("task", a.code).text("vi"),
            where_en=Where("task", a.code).text("en"),
        )


def _dated(task: Task, due: date | None) -> bool:
    return due is not None and not task.deadline.ongoing


def _similar_pairs(sets: list[frozenset[str] | None]) -> list[tuple[int, int]]:
    """Index pairs ``i < j``, in order, whose sets (5 words or more; None skips one) share
    at least 80% of the smaller one's words.

    Not all pairs (quadratic in the plan, #18): a pair shares at least one of the smaller
    set's ``size - needed + 1`` rarest words, so only sets holding one of those are
    compared (prefix filtering of set-similarity joins).
    """
    frequency: Counter[str] = Counter(w for words in sets if words for w in words)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(sets):
        for word in words or ():
            holders[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, words in enumerate(sets):
        if words is None or len(words) < 5:
            continue
        needed = math.ceil(0.8 * len(words))
        rarest = sorted(words, key=lambda w: (frequency[w], w))[: len(words) - needed + 1]
        for word in rarest:
            for j in holders[word]:
                other = sets[j]
                if j == i or other is None or len(other) < len(words):
                    continue
                if len(words & other) >= 0.8 * len(words):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _reporting(ctx: Context, cal: WorkingCalendar) -> Iterator[Finding]:
    regime = ctx.plan.reporting
    if regime is None:
        return
    periods = regime.periods(ctx.plan.year)
    for i, rule in enumerate(regime.rules):
        where = Where("reporting", f"({rule.frequency.value})")
        path = f"$.reporting.rules[{i}]"
        covered = [attrs.evolve(p, due=rule.due_for(p)) for p in periods if rule.covers(p)]
        tight = [
            (p, slack)
            for p in covered
            if (slack := working_days_after_cutoff(p, calendar=cal)) is not None and slack < 1
        ]
        if tight:
            period, slack = min(tight, key=lambda ps: ps[1])
            code = (
                "report_due_before_cutoff"
                if period.due is not None and period.due < period.end
                else "report_due_before_cutoff/on"
            )
            yield make(code, where, path, rule.text, cutoff=f"{period.end:%d/%m}", slack=slack)
        off = [p.due for p in covered if p.due is not None and not cal.is_working_day(p.due)]
        if rule.before and off:
            days = ", ".join(f"{d:%d/%m} ({_why(cal, d)})" for d in off)
            yield make("before_holiday/periods", where, path, rule.text, count=len(off), days=days)
