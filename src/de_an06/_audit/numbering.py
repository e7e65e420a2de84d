"""Numbering: gaps, repeats and restarts in groups, tasks, objectives and the annex.

On a plan, the numbers are those the plan keeps (task codes, objective ids, annex
numbers as written). With the source text, two slips only the text shows are found too:
an item number that sits inside a line, after the previous item's text, and a group
whose task has no number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .._text import fold
from .context import Context
from .findings import Finding, Where, make
from .words import TASK_SECTION

__all__ = ["numbering_findings", "source_findings"]

_GROUP = re.compile(r"^\s*(\d{1,2})\.\s+\S")
_ITEM = re.compile(r"^\s*(?:\((\d{1,2})\)|\d{1,2}\)|[a-zđ]\))\s")
_INSIDE = re.compile(r"[.;:]\s+\((\d{1,2})\)\s+[A-ZĐÀ-Ỹ]")
_SECTION = re.compile(r"^\s*(?:[IVX]+)\.\s")


def numbering_findings(ctx: Context) -> Iterator[Finding]:
    """Gaps, repeats, restarts and odd separators in the numbers a plan keeps."""
    plan = ctx.plan
    groups = [
        (str(g.number), Where("group", str(g.number)), f"$.task_groups[{i}]")
        for i, g in enumerate(plan.task_groups)
    ]
    yield from _sequence(groups)
    for group in plan.task_groups:
        numbered = [
            (t.code.rpartition(".")[2], Where("task", t.code), ctx.task_path(t))
            for t in group.tasks
        ]
        yield from _sequence(numbered)
    objectives = [
        (o.id.rpartition(".")[2], Where("objective", o.id), f"$.objectives[{i}]")
        for i, o in enumerate(plan.objectives)
    ]
    yield from _sequence(objectives)
    yield from _annex(ctx)


def _sequence(items: Sequence[tuple[str, Where, str]]) -> Iterator[Finding]:
    """Gaps and repeats in numbers 1, 2, 3 … (letters a, b, c … too)."""
    seen: set[int] = set()
    previous: int | None = None
    for text, where, path in items:
        number = _value(text)
        if number is None:
            continue
        if number in seen:
            yield make("numbering_repeat", where, path, text, number=text)
        elif previous is not None and number != previous + 1:
            yield make("numbering_gap", where, path, text, before=previous, after=number)
        seen.add(number)
        previous = number


def _value(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1 and text.isalpha() and text.isascii():
        return ord(text.lower()) - ord("a") + 1
    return None


def _annex(ctx: Context) -> Iterator[Finding]:
    annex = ctx.plan.annex
    if annex is None:
        return
    starts: list[tuple[str, str, int, int]] = []  # section, path, first, previous last
    last = 0
    for s, section in enumerate(annex.sections):
        path = f"$.annex.sections[{s}]"
        rows = [
            (row.number, Where("annex", f"{section.number}.{row.number}"), f"{path}.services[{r}]")
            for r, row in enumerate(section.services)
        ]
        yield from _sequence(rows)
        for r, row in enumerate(section.services):
            row_path = f"{path}.services[{r}]"
            items = [
                (
                    item.number.rpartition(".")[2],
                    Where("annex", f"{section.number}.{item.number}"),
                    f"{row_path}.items[{i}]",
                )
                for i, item in enumerate(row.items)
            ]
            yield from _sequence(items)
            for i, item in enumerate((row, *row.items)):
                if item.number_text and item.number_text != item.number:
                    where = Where("annex", f"{section.number}.{item.number}")
                    item_path = row_path if i == 0 else f"{row_path}.items[{i - 1}]"
                    yield make(
                        "number_separator",
                        where,
                        item_path,
                        item.number_text,
                        written=item.number_text,
                        right=item.number,
                    )
        numbers = [_value(row.number) for row in section.services]
        first = next((n for n in numbers if n is not None), None)
        if first is not None and s:
            starts.append((section.number, path, first, last))
        last = max((n for n in numbers if n is not None), default=last)
    restarts = [s for s in starts if s[2] == 1]
    continued = [s for s in starts if s[2] != 1 and s[2] == s[3] + 1]
    if restarts and continued:
        odd = continued if len(continued) <= len(restarts) else restarts
        for number, path, first, _ in odd:
            how_vi = (
                f"đánh tiếp từ {first} trong khi phần khác đánh lại từ 1"
                if first != 1
                else "đánh lại từ 1 trong khi phần khác đánh tiếp"
            )
            how_en = (
                f"continues from {first} while another section restarts at 1"
                if first != 1
                else "restarts at 1 while another section continues"
            )
            yield make(
                "numbering_restart",
                Where("annex_section", number),
                path,
                str(first),
                section=number,
                how=how_vi,
                how_en=how_en,
            )


def source_findings(lines: Sequence[str]) -> Iterator[Finding]:
    """Slips only the text shows: numbers inside lines, a group whose task has no number.

    A group is unnumbered when other groups of the section of tasks number their tasks
    ("(1)", "a)") and it does not; a plan that numbers none (bullets) is consistent.
    """
    groups: list[tuple[int, str, int]] = []  # line, heading, numbered items
    tasks = False  # inside the section of tasks
    for n, line in enumerate(lines, start=1):
        for match in _INSIDE.finditer(line):
            finding = make(
                "number_inside_line", Where("text"), "", line.strip(), number=f"({match[1]})"
            )
            yield attrs.evolve(finding, line=n)
        if _SECTION.match(line):
            yield from _unnumbered(groups)
            groups, tasks = [], TASK_SECTION in fold(line)
        elif tasks and _GROUP.match(line):
            groups.append((n, line.strip(), 0))
        elif groups and (_ITEM.match(line) or _INSIDE.search(line)):
            number, heading, items = groups[-1]
            groups[-1] = (number, heading, items + 1)
    yield from _unnumbered(groups)


def _unnumbered(groups: list[tuple[int, str, int]]) -> Iterator[Finding]:
    if not any(items for *_, items in groups):
        return
    for number, heading, items in groups:
        if not items:
            yield attrs.evolve(make("unnumbered_item", Where("text"), "", heading), line=number)
