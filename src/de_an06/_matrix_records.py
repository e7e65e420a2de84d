"""The records of a responsibility matrix: rows, entries, lead issues and workload rows.

Re-exported by `de_an06.matrix`, which is where they are documented and used.
"""

from __future__ import annotations

import enum
from typing import Any, final

import attrs

from .succession import Holding
from .task import Mention, Role

__all__ = ["Entry", "LeadIssue", "Row", "RowKind", "WorkloadRow"]


class RowKind(enum.Enum):
    """What a matrix row stands for."""

    AGENCY = "agency"
    GROUP = "group"
    OPEN_GROUP = "open_group"


@final
@attrs.frozen(kw_only=True)
class Row:
    """A body (or a collective reference kept whole) with at least one role.

    Attributes:
        key: the body's key (a plan key, or a succession body's key).
        name: its name, verbatim.
        kind: agency, group or open group.
        source: ``"plan"``, ``"succession"`` (a body the plan does not name, e.g. Sở KH&CN
            holding Sở TT&TT's work), or ``"unknown"`` (a key the plan does not define).
        note: why a group row was not expanded, or what the key is.
    """

    key: str
    name: str
    kind: RowKind
    source: str = "plan"
    note: str = ""


@final
@attrs.frozen(kw_only=True)
class Entry:
    """One assignment: the body of row ``agency`` has ``role`` in ``task``.

    Attributes:
        task: the task code.
        role: the role.
        agency: the row key: the body holding the assignment (on ``as_of``, if given).
        mention: the mention in the plan, verbatim (its ``agency`` is the key it names).
        origin: the body before succession: the mention's key, or the member of the
            mentioned group it was expanded to.
        holding: the succession chain from ``origin`` to ``agency``; None without as_of.
    """

    task: str
    role: Role
    agency: str
    mention: Mention
    origin: str
    holding: Holding | None = None

    @property
    def via(self) -> str | None:
        """The group the entry was expanded from, if any."""
        return self.mention.agency if self.origin != self.mention.agency else None

    @property
    def unknown_successor(self) -> bool:
        """The named body ended and nobody sourced who took over."""
        return self.holding is not None and self.holding.unknown_successor

    @property
    def uncertain(self) -> bool:
        """A change on the chain may not have taken effect yet on the day."""
        return self.holding is not None and self.holding.uncertain


@final
@attrs.frozen(kw_only=True)
class LeadIssue:
    """A task without exactly one leading body.

    ``reason`` is ``"no lead"`` (2.3, 2.5–2.8, 6.1–6.3 of Sơn La 2024 only have
    implementers), ``"several leads"`` or ``"collective lead"`` (one lead, but a group).
    """

    task: str
    leads: tuple[str, ...]
    reason: str


@final
@attrs.frozen(kw_only=True)
class WorkloadRow:
    """One body's load: tasks per role and the deadline status of its tasks on a day.

    Role counts and ``tasks`` count distinct tasks; status counts split ``tasks``.
    """

    key: str
    name: str
    kind: RowKind
    lead: int
    coordinate: int
    monitor: int
    advise: int
    implement: int
    tasks: int
    overdue: int
    due_soon: int
    later: int
    ongoing: int
    undetermined: int

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        data = attrs.asdict(self)
        data["kind"] = self.kind.value
        return data
