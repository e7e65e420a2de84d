"""Tasks of a plan, grouped, each with its agencies in roles and a deadline."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import final

import attrs

from .deadline import Deadline

__all__ = ["Assignment", "Mention", "Role", "RoleLine", "Task", "TaskGroup"]


class Role(enum.Enum):
    """What an agency does for a task.

    ``LEAD`` chủ trì; ``COORDINATE`` phối hợp; ``MONITOR`` theo dõi, đôn đốc;
    ``ADVISE`` tham mưu; ``IMPLEMENT`` thực hiện. The plan's own label is kept on the
    `RoleLine`.
    """

    LEAD = "lead"
    COORDINATE = "coordinate"
    MONITOR = "monitor"
    ADVISE = "advise"
    IMPLEMENT = "implement"


@final
@attrs.frozen(kw_only=True)
class Mention:
    """An agency or agency group as one role line names it.

    Attributes:
        agency: key of an `Agency` or `AgencyGroup` of the plan.
        text: the words the line uses for it, verbatim ("Sở TT&TT", "UBND các huyện,
            thành phố").
        count: a quantity the line attaches to it, e.g. the "(12 mô hình)" of task 10.1.
    """

    agency: str
    text: str
    count: int | None = None


@final
@attrs.frozen(kw_only=True)
class Assignment:
    """Agencies given one role by a role line."""

    role: Role
    agencies: tuple[Mention, ...]


@final
@attrs.frozen(kw_only=True)
class RoleLine:
    """One role line of a task, e.g. "- Cơ quan chủ trì: Sở Y tế.".

    Attributes:
        label: the label as written ("Cơ quan chủ trì", "Cơ quan tham mưu, thực hiện").
        text: everything after the colon, verbatim.
        assignments: the roles the line gives. A label naming two roles ("tham mưu,
            thực hiện") or a sentence ("A tham mưu … B thực hiện") gives several.
    """

    label: str
    text: str
    assignments: tuple[Assignment, ...]


@final
@attrs.frozen(kw_only=True)
class Task:
    """One task, coded "G.N" as in the plan: ``"2.5"`` is item (5) of group 2.

    Attributes:
        code: "G.N"; a group's single unnumbered task is "G.1".
        text: the task's wording, verbatim (hard line breaks joined).
        roles: the role lines, in the plan's order.
        deadline: the structured deadline (it keeps its wording).
        deadline_label: the label of the deadline line ("Thời gian hoàn thành").
        note: what the data keeps about the task that has no field (an ambiguity, a
            reading chosen).
    """

    code: str
    text: str
    roles: tuple[RoleLine, ...]
    deadline: Deadline
    deadline_label: str = "Thời gian hoàn thành"
    note: str = ""

    def assignments(self) -> Iterator[tuple[Role, Mention]]:
        """Every (role, mention) pair of the task, in the plan's order."""
        for line in self.roles:
            for assignment in line.assignments:
                for mention in assignment.agencies:
                    yield assignment.role, mention

    def agencies_in(self, role: Role) -> tuple[Mention, ...]:
        """The mentions given *role* by any line of the task."""
        return tuple(m for r, m in self.assignments() if r is role)


@final
@attrs.frozen(kw_only=True)
class TaskGroup:
    """A numbered group of tasks ("1. Nhóm nhiệm vụ hoàn thiện chính sách pháp luật")."""

    number: int
    title: str
    tasks: tuple[Task, ...]
