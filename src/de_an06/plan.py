"""A province's yearly Đề án 06 plan: the decision, objectives, tasks, regime and annex."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator, Mapping
from typing import final

import attrs

from ._dates import check_year
from .agency import Agency, AgencyGroup
from .errors import UnknownKeyError
from .indicator import Indicator, Objective
from .locality import Locality
from .reporting import ReportingRegime
from .services import Annex
from .task import Mention, Role, Task, TaskGroup

__all__ = ["Decision", "PilotModels", "Plan"]


@final
@attrs.frozen(kw_only=True)
class Decision:
    """The decision that issues the plan ("Quyết định số 161/QĐ-UBND ngày 29/01/2024").

    Attributes:
        number: "161/QĐ-UBND".
        date: the signing date.
        issuer: the issuing body, verbatim ("Ủy ban nhân dân tỉnh Sơn La").
        signer: the person who signed.
        signer_title: the title above the signature ("Chủ tịch").
        title: the decision's title, verbatim.
        place: the place in the dateline ("Sơn La").
        proposal: the proposing document ("Tờ trình số 24/TTr-CAT …"), verbatim.
        effective: the date it takes effect, when a date follows from the text.
        effective_text: the effect clause, verbatim ("có hiệu lực thi hành kể từ ngày ký").
    """

    number: str
    date: dt.date
    issuer: str
    signer: str
    signer_title: str = ""
    title: str = ""
    place: str = ""
    proposal: str = ""
    effective: dt.date | None = None
    effective_text: str = ""


@final
@attrs.frozen(kw_only=True)
class PilotModels:
    """The plan's pilot models ("30 mô hình Đề án 06/CP") and the task that allocates them.

    The allocation itself is the ``count`` of each mention in that task's role lines, so
    the numbers live in one place; `Plan.model_allocation` reads them.
    """

    task: str
    total: int
    text: str = ""


@final
@attrs.frozen(kw_only=True)
class Plan:
    """A plan (kế hoạch) for Đề án 06 in one province and year.

    Attributes:
        id: stable identifier, e.g. ``"son-la-2024"``.
        title: the plan's title, verbatim.
        year: the plan year.
        province: key of the province's `Locality`.
        decision: the issuing decision.
        legal_bases: the "Căn cứ" recitals, verbatim, in order.
        purposes: section I (purposes and requirements), one paragraph each.
        objectives: section II.
        task_groups: section III.
        reporting: the reporting regime.
        annex: the annex of public services, if any.
        pilot_models: the pilot models and the task allocating them, if any.
        localities: administrative units the plan targets.
        agencies: every body the plan names.
        agency_groups: collective references.
        closing: closing paragraphs after the task groups, verbatim.
        notes: remarks the data keeps about the plan as a whole.
    """

    id: str
    title: str
    year: int
    province: str
    decision: Decision
    legal_bases: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    objectives: tuple[Objective, ...] = ()
    task_groups: tuple[TaskGroup, ...] = ()
    reporting: ReportingRegime | None = None
    annex: Annex | None = None
    pilot_models: PilotModels | None = None
    localities: tuple[Locality, ...] = ()
    agencies: tuple[Agency, ...] = ()
    agency_groups: tuple[AgencyGroup, ...] = ()
    closing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_year(self.year, "the plan year")

    @property
    def tasks(self) -> tuple[Task, ...]:
        """Every task of every group, in the plan's order (built once per plan object)."""
        return _index(self)[0]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator of every objective, in the plan's order."""
        return tuple(ind for objective in self.objectives for ind in objective.indicators)

    def task(self, code: str) -> Task:
        """The task coded *code* ("2.5"); raises `UnknownKeyError` if there is none.

        One dict look-up: the index by code is built on the first call per plan object.
        """
        tasks, by_code = _index(self)
        task = by_code.get(code)
        if task is not None:
            return task
        known = (t.code for t in tasks)
        raise UnknownKeyError("task", code, known, source=f"plan {self.id!r}")

    def agency_by_key(self, key: str) -> Agency | AgencyGroup:
        """The agency or agency group with *key*; raises `UnknownKeyError` if none."""
        for item in self._directory():
            if item.key == key:
                return item
        known = (a.key for a in self._directory())
        raise UnknownKeyError("agency", key, known, source=f"plan {self.id!r}")

    def model_allocation(self, role: Role) -> tuple[Mention, ...]:
        """The pilot models allocated to agencies in *role*, as the allocating task says.

        Empty when the plan has no pilot models.
        """
        if self.pilot_models is None:
            return ()
        task = self.task(self.pilot_models.task)
        return tuple(m for m in task.agencies_in(role) if m.count is not None)

    def _directory(self) -> Iterator[Agency | AgencyGroup]:
        yield from self.agencies
        yield from self.agency_groups


_Index = tuple[tuple[Task, ...], Mapping[str, Task]]
_INDEXES: dict[int, tuple[weakref.ref[Plan], _Index]] = {}
"""Per plan object (by id, while it lives): its tasks and its tasks by code. Kept outside
the attrs fields so that equality, hashing, dumping and the fast loader never see it."""


def _index(plan: Plan) -> _Index:
    """`Plan.tasks` and the first task of each code, computed once per plan object (a plan
    is immutable; the entry goes when the plan is collected)."""
    key = id(plan)
    entry = _INDEXES.get(key)
    if entry is not None and entry[0]() is plan:
        return entry[1]
    tasks = tuple(task for group in plan.task_groups for task in group.tasks)
    by_code: dict[str, Task] = {}
    for task in tasks:
        by_code.setdefault(task.code, task)
    index = (tasks, by_code)
    _INDEXES[key] = (weakref.ref(plan, lambda _ref: _INDEXES.pop(key, None)), index)
    return index
