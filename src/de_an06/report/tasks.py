"""Section I.1 of the report: every task in exactly one table, with its content and status.

A task is *done* (completed by the report date), *overdue* (its due day, moved to the next
working day by the lawful default, has passed), *due soon*, *later*, *ongoing* (no date, goes
on) or *undetermined* (no date can be known). A task with a dated part and an ongoing part
("… trong quý I/2024; duy trì thường xuyên") goes by its date, and the table says the
ongoing part goes on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from ..plan import Plan
from ..schedule import due_soon_end, task_due
from ..task import Role, Task
from ..workdays import DuePolicy
from .blocks import Block, Heading, Milestone, Paragraph, Table, Timeline
from .words import Labels, count, day_text

__all__ = ["TaskGroups", "group_tasks", "progress_blocks"]

_CONTENT_LIMIT = 160


@attrs.frozen(kw_only=True)
class TaskGroups:
    """The plan's tasks by status on one day; each task is in exactly one group."""

    overdue: tuple[tuple[Task, date], ...]
    due_soon: tuple[tuple[Task, date], ...]
    later: tuple[tuple[Task, date], ...]
    ongoing: tuple[Task, ...]
    undetermined: tuple[Task, ...]
    done: tuple[tuple[Task, date], ...]


def group_tasks(
    plan: Plan, as_of: date, within: int, completed: Mapping[str, date] | None
) -> TaskGroups:
    """The tasks of *plan* by status on *as_of* (due days under `DuePolicy.FORWARD`)."""
    end = due_soon_end(as_of, within)
    known = {task.code for task in plan.tasks}
    for code in completed or {}:
        if code not in known:
            plan.task(code)  # raises the error that names the known codes
    finished = {code: day for code, day in (completed or {}).items() if day <= as_of}
    groups: dict[str, list[tuple[Task, date]]] = {"overdue": [], "soon": [], "later": []}
    ongoing: list[Task] = []
    undetermined: list[Task] = []
    done: list[tuple[Task, date]] = []
    for task in plan.tasks:
        due = task_due(task, DuePolicy.FORWARD)
        if task.code in finished:
            done.append((task, finished[task.code]))
        elif due is None:
            (ongoing if task.deadline.ongoing else undetermined).append(task)
        else:
            kind = "overdue" if due < as_of else "soon" if due <= end else "later"
            groups[kind].append((task, due))

    def by_day(items: list[tuple[Task, date]]) -> tuple[tuple[Task, date], ...]:
        return tuple(sorted(items, key=lambda item: item[1]))  # stable: plan order on ties

    return TaskGroups(
        overdue=by_day(groups["overdue"]),
        due_soon=by_day(groups["soon"]),
        later=by_day(groups["later"]),
        ongoing=tuple(ongoing),
        undetermined=tuple(undetermined),
        done=by_day(done),
    )


def shorten(text: str, limit: int = _CONTENT_LIMIT) -> str:
    """*text* cut at a word boundary before *limit* characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + " …"


def _lead_text(task: Task, words: Labels) -> str:
    leads = task.agencies_in(Role.LEAD)
    if leads:
        return "; ".join(m.text for m in leads)
    implementers = task.agencies_in(Role.IMPLEMENT)
    return "; ".join(m.text for m in implementers) + f" {words['implementing']}"


def _table(rows: Sequence[tuple[str, ...]], words: Labels) -> Block:
    if not rows:
        return Paragraph(words["none"])
    columns = (
        words["code"],
        words["content"],
        words["lead"],
        words["deadline"],
        words["due"],
        words["status"],
    )
    return Table(columns, tuple(rows), widths=(8, 28, 16, 18, 15, 15))  # "01/04/2024" on one line


def _row(task: Task, due: date | None, status: str, words: Labels) -> tuple[str, ...]:
    return (
        task.code,
        shorten(task.text),
        _lead_text(task, words),
        task.deadline.text,
        day_text(due),
        status,
    )


def progress_blocks(
    plan: Plan, as_of: date, within: int, groups: TaskGroups, words: Labels, *, known: bool
) -> list[Block]:
    """Section I.1: the counts in a sentence, then one table per group and a timeline.

    *known* says completion data was given; without it the report says it cannot know.
    """
    lang = words.lang
    done = words["done_part"].format(n=count(len(groups.done), lang)) if groups.done else ""
    blocks: list[Block] = [
        Heading(3, words["deadlines"]),
        Paragraph(
            words["progress_text"].format(
                total=count(len(plan.tasks), lang),
                as_of=day_text(as_of),
                overdue=count(len(groups.overdue), lang),
                soon=count(len(groups.due_soon), lang),
                within=within,
                later=count(len(groups.later), lang),
                ongoing=count(len(groups.ongoing), lang),
                undetermined=count(len(groups.undetermined), lang),
                done=done,
            )
        ),
        Paragraph(
            words["known_completion"].format(n=count(len(groups.done), lang))
            if known
            else words["unknown_completion"]
        ),
    ]
    both = [
        t.code for t, _ in (*groups.overdue, *groups.due_soon, *groups.later) if t.deadline.ongoing
    ]
    if both:
        blocks.append(Paragraph(words["both_parts"].format(codes=", ".join(both))))
    blocks.append(Paragraph(words["content_note"]))

    past = "st_overdue" if known else "st_past_due"  # without completion data, no verdict

    def dated(task: Task, status: str) -> str:
        return status + (words["st_and_ongoing"] if task.deadline.ongoing else "")

    sections: list[tuple[str, list[tuple[str, ...]]]] = [
        (
            words["overdue"],
            [
                _row(t, d, dated(t, words[past].format(n=(as_of - d).days)), words)
                for t, d in groups.overdue
            ],
        ),
        (
            words["due_soon"].format(n=within),
            [
                _row(t, d, dated(t, words["st_soon"].format(n=(d - as_of).days)), words)
                for t, d in groups.due_soon
            ],
        ),
        (words["later"], [_row(t, d, dated(t, words["st_later"]), words) for t, d in groups.later]),
        (words["ongoing"], [_row(t, None, words["st_ongoing"], words) for t in groups.ongoing]),
        (
            words["undetermined"],
            [_row(t, None, words["st_undetermined"], words) for t in groups.undetermined],
        ),
    ]
    if known:
        sections.append(
            (
                words["done"],
                [
                    _row(t, t.deadline.due_date(), words["st_done"].format(day=day_text(d)), words)
                    for t, d in groups.done
                ],
            )
        )
    for label, rows in sections:
        blocks += [Heading(4, f"{label} ({count(len(rows), lang)})"), _table(rows, words)]
    blocks.append(_timeline(plan, as_of, groups, words))
    return blocks


def _timeline(plan: Plan, as_of: date, groups: TaskGroups, words: Labels) -> Timeline:
    start, end = date(plan.year, 1, 1), date(plan.year, 12, 31)
    milestones = [
        Milestone(label=task.code, day=day, status=status)
        for status, items in (
            ("overdue", groups.overdue),
            ("due_soon", groups.due_soon),
            ("upcoming", groups.later),
            ("done", groups.done),
        )
        for task, day in items
    ]
    for m in milestones:
        start, end = min(start, m.day), max(end, m.day)
    legend = [
        ("overdue", words["s_overdue"]),
        ("due_soon", words["s_soon"]),
        ("upcoming", words["upcoming"]),
    ]
    if groups.done:
        legend.append(("done", words["s_done"]))
    return Timeline(
        title=words["timeline"],
        start=start,
        end=end,
        today=as_of,
        milestones=tuple(sorted(milestones, key=lambda m: (m.day, m.label))),
        legend=tuple(legend),
    )
