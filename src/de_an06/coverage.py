"""Which units a figure should cover, and which of them it is missing.

A district's or the province's figure is built from the units below it that reported. The
units it *should* cover are the lowest units of the hierarchy below it that exist on the
period's last day: in 2024 the province's 12 district-level units; from 01/07/2025 the
communes of the two-level structure, when the hierarchy holds them (a plan's localities
carry ``valid_from``/``valid_to``; units of another hierarchy always exist).

A unit that reports counts for units below it (a district's own total) covers them. A
unit with data that is not expected there (one that no longer exists on that day) is
counted as expected too: coverage never exceeds what is expected.

>>> from de_an06 import load_plan
>>> from de_an06.rollup import Hierarchy
>>> from datetime import date
>>> plan = load_plan("son-la-2024")
>>> cover = Coverage(Hierarchy.from_plan(plan), plan)
>>> expected, missing = cover.of("son-la", ["mai-son", "moc-chau"], as_of=date(2024, 6, 14))
>>> expected, len(missing), missing[:2]
(12, 10, ('bac-yen', 'muong-la'))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

from ._hierarchy import Hierarchy
from .plan import Plan

__all__ = ["Coverage"]


class Coverage:
    """Expected and missing units below a node, for one hierarchy (and the plan's dates)."""

    def __init__(self, hierarchy: Hierarchy, plan: Plan | None = None) -> None:
        self.hierarchy = hierarchy
        self._lifetimes = {
            loc.key: loc for loc in (plan.localities if plan is not None else ()) if loc.key
        }
        children: dict[str, list[str]] = {}
        for node in hierarchy:
            if node.parent is not None:
                children.setdefault(node.parent, []).append(node.key)
        self._children = children
        self.expected = cache(self._expected)

    def exists(self, key: str, as_of: date | None) -> bool:
        """Whether the unit exists on *as_of* (always, for a unit without dates)."""
        locality = self._lifetimes.get(key)
        return as_of is None or locality is None or locality.exists_on(as_of)

    def _expected(self, key: str, as_of: date | None) -> tuple[str, ...]:
        """The lowest existing units below *key* on *as_of*, in hierarchy order."""
        out: list[str] = []
        for child in self._children.get(key, ()):
            if not self.exists(child, as_of):
                continue
            below = self.expected(child, as_of)
            out.extend(below if below else (child,))
        return tuple(out)

    def of(
        self, key: str, reporters: Iterable[str], *, as_of: date | None
    ) -> tuple[int, tuple[str, ...]]:
        """(expected units, keys of the expected units missing, sorted) for *key*'s figure.

        *reporters*: the units below *key* whose data the figure holds.
        """
        expected = self.expected(key, as_of)
        given = set(reporters)
        missing = tuple(
            unit
            for unit in sorted(expected)
            if unit not in given and not given.intersection(self.hierarchy.ancestors(unit))
        )
        inside = set(expected)
        for unit in expected:
            inside.update(self.hierarchy.ancestors(unit))
        extra = given - inside
        return len(expected) + len(extra), missing
