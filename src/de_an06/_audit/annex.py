"""The annex of services: units outside the province, group rows without units, rows
already done, rows whose counts cannot be computed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._text import fold, join_lines
from ..agency import Agency, Level
from ..services import Service
from .context import Context
from .findings import Finding, Where, make
from .words import DONE_MARKERS, TASK_ROW_VERBS

__all__ = ["annex_findings"]


def annex_findings(ctx: Context) -> Iterator[Finding]:
    """Every finding on the plan's annex."""
    annex = ctx.plan.annex
    if annex is None:
        return
    rows: list[tuple[Where, str, Service]] = []
    for s, section in enumerate(annex.sections):
        for r, service in enumerate(section.services):
            path = f"$.annex.sections[{s}].services[{r}]"
            rows.append((Where("annex", f"{section.number}.{service.number}"), path, service))
            rows += [
                (Where("annex", f"{section.number}.{item.number}"), f"{path}.items[{i}]", item)
                for i, item in enumerate(service.items)
            ]
    names = {fold(join_lines(row.name)): where for where, _, row in rows}
    for where, path, row in rows:
        if row.is_group and not row.reporting_units:
            yield make("group_without_units", where, path, join_lines(row.name))
        for unit in row.reporting_units:
            yield from _unit(ctx.units.get(fold(unit)), unit, where, path)
        yield from _done(row, where, path, names)
        name = fold(join_lines(row.name))
        if not row.is_group and any(name.startswith(fold(v)) for v in TASK_ROW_VERBS):
            yield make("not_computable", where, path, join_lines(row.name))


def _unit(
    bodies: tuple[Agency, ...] | None, unit: str, where: Where, path: str
) -> Iterator[Finding]:
    if bodies is None:
        yield make("unknown_reporting_unit", where, path, unit)
    elif bodies and all(b.external for b in bodies):
        yield make("outside_reporting_unit", where, path, unit)
    elif bodies and all(b.level is Level.CENTRAL for b in bodies):
        yield make("central_reporting_unit", where, path, unit)


def _done(row: Service, where: Where, path: str, names: dict[str, Where]) -> Iterator[Finding]:
    """ "(ngoài 02 dịch vụ đã hoàn thành: A; B)": A and B are done — and listed elsewhere?"""
    match = DONE_MARKERS.search(join_lines(row.name))
    if match is None:
        return
    what = match["what"].strip()
    if what.count(")") > what.count("("):
        what = what[: what.rfind(")")]
    done = [d.strip(" .;") for d in re.split(r";", what) if d.strip(" .;")]
    for item in done:
        key = fold(item)
        listed = [w for name, w in names.items() if w != where and _same_service(key, name)]
        also = f" ({', '.join(w.label for w in listed)})" if listed else ""
        yield make("reported_done", where, path, item, what=f"“{item}”{also}")


def _same_service(done: str, name: str) -> bool:
    """Whether a row *name* is the service *done* names ("Cấp điện mới từ điện hạ áp")."""
    words, other = done.split(), set(name.split())
    return len(words) >= 3 and sum(w in other for w in words) >= 0.8 * len(words)
