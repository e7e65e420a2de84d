"""One call for the whole report: what ``de-an06 report --db … --observations …`` does.

>>> from datetime import date
>>> from de_an06.loading import load_plan
>>> plan = load_plan("son-la-2024")
>>> report = official_report(plan, as_of=date(2024, 6, 30), agency="Sở Tư pháp")
>>> report.title.endswith("(phần việc của Sở Tư pháp)")
True

`build_report` takes ready-made sections; `official_report` makes them: it reads the
observation files, the ledger (progress, completion dates and its counts), restricts
everything to one agency when asked (its tasks, the indicators of its units, the annex
rows it reports) and returns the `Report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING

import attrs

from ..plan import Plan
from ..reporting import Frequency
from ..schedule import DEFAULT_WITHIN
from .blocks import Block, DocumentTitle
from .build import Language, Report, build_report
from .official import Letterhead, Narrative

if TYPE_CHECKING:
    from ..agency import Agency, AgencyGroup
    from ..ledger.store import Ledger
    from ..observations import Observations

__all__ = ["agency_plan", "official_report"]

_OF = {"vi": "phần việc của {name}", "en": "the part of {name}"}


def official_report(
    plan: Plan,
    *,
    as_of: date,
    observations: Iterable[Observations | str | PathLike[str]] = (),
    ledger: Ledger | None = None,
    period: str | None = None,
    file_period: str | None = None,
    agency: str | None = None,
    lang: Language = "vi",
    within: int = DEFAULT_WITHIN,
    frequency: Frequency = Frequency.MONTHLY,
    letterhead: Letterhead | None = None,
    narrative: Narrative | None = None,
    completed: Mapping[str, date] | None = None,
    include_audit: bool = False,
) -> Report:
    """The report of *plan* on *as_of*, every section made from the data given.

    *observations* are `Observations` or files (CSV, XLSX, annex tables; *file_period* for
    files without a period column); *ledger* an open `de_an06.ledger.Ledger` (its
    progress, completion dates and counts); *period* the month shown beside the
    year-to-date figures. *agency* names an agency (or a district's committee): the
    report covers only the tasks it has a role in, the indicators of its units and the
    annex rows it reports, and its title says whose part it is. *completed* dates add to
    (and yield to) the ledger's.
    """
    from .data import annex_section, indicator_section
    from .progress import completed_from, progress_section

    item = None if agency is None else _agency(plan, agency, as_of)
    scope = plan if item is None else agency_plan(plan, item.key)
    progress = None
    done = dict(completed or {})
    counts: list[Observations] = []
    if ledger is not None:
        from ..ledger.feed import ledger_observations
        from ..ledger.queries import task_states

        progress = progress_section(scope, ledger, as_of=as_of, lang=lang)
        states = task_states(scope, ledger.latest_events(as_of), as_of)
        done.update(completed_from(states))
        counted = ledger_observations(plan, ledger, as_of)
        if counted is not None:
            counts.append(counted)
    for source in observations:
        if isinstance(source, (str, PathLike)):
            from ..observations import Observations

            counts.append(Observations.from_files([str(source)], plan, period=file_period))
        else:
            counts.append(source)
    units = None if item is None else _units(plan, item)
    indicators = annex = None
    if counts:
        indicators = indicator_section(
            plan, counts, as_of=as_of, lang=lang, period=period, units=units
        )
        annex = annex_section(
            plan, counts, as_of=as_of, lang=lang, reporter=None if item is None else item.key
        )
    head = letterhead
    if item is not None and head is None:
        from .official import letterhead_for

        head = letterhead_for(plan)
        head = attrs.evolve(head, issuing_body=item.name.upper())
    report = build_report(
        scope,
        as_of=as_of,
        completed=done if (ledger is not None or completed is not None) else None,
        lang=lang,
        within=within,
        indicator_section=indicators,
        annex_section=annex,
        frequency=frequency,
        letterhead=head,
        narrative=narrative,
        include_audit=include_audit,
        progress_section=progress,
    )
    if item is None:
        return report
    whose = _OF[lang].format(name=item.name)
    blocks: list[Block] = [
        attrs.evolve(b, summary=f"{b.summary} ({whose})") if isinstance(b, DocumentTitle) else b
        for b in report.blocks
    ]
    return attrs.evolve(report, title=f"{report.title} ({whose})", blocks=tuple(blocks))


def _agency(plan: Plan, name: str, as_of: date) -> Agency | AgencyGroup:
    """The agency *name* holds on *as_of* (its successor's when it has passed on)."""
    from ..matrix import responsibility_matrix

    return plan.agency_by_key(responsibility_matrix(plan, as_of=as_of).key_of(name))


def _units(plan: Plan, item: Agency | AgencyGroup) -> frozenset[str]:
    from .._warning.digest import units_of

    return units_of(plan, item)


def agency_plan(plan: Plan, key: str) -> Plan:
    """*plan* with only the tasks the agency *key* has a role in (groups left empty
    dropped; the pilot models too when their task is not the agency's)."""
    from ..matrix import responsibility_matrix

    matrix = responsibility_matrix(plan, expand=True)
    groups = []
    codes = set()
    for group in plan.task_groups:
        tasks = tuple(t for t in group.tasks if matrix.select(key, t.code))
        codes |= {t.code for t in tasks}
        if tasks:
            groups.append(attrs.evolve(group, tasks=tasks))
    models = plan.pilot_models
    if models is not None and models.task not in codes:
        models = None
    return attrs.evolve(plan, task_groups=tuple(groups), pilot_models=models)
