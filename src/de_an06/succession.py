"""Dated changes to the bodies a plan names: mergers, renames, splits, abolitions.

A 2024 plan names bodies that the 2025 reform merged or ended: "Sở Thông tin và Truyền
thông" (its digital-transformation work went to Sở Khoa học và Công nghệ, its press
management to Sở Văn hóa, Thể thao và Du lịch), the district People's Committees (the
district level ended on 01/07/2025). `Successions` holds such changes as data — each
`SuccessionEvent` with its date as the sources give it, its sources and a confidence
mark (V verified, P partly verified, U unverified, as in the project's domain notes) —
and answers who holds a body's work on a given day::

    smap = successions_for(plan).bind(plan)
    smap.holding("so-tttt", date(2026, 1, 1)).holder   # the key of Sở KH&CN

A body no event names is assumed unchanged. An event whose successor nobody could source
ends the chain with ``target=None`` ("unknown successor"): it is never guessed. The
bundled data lives in ``de_an06/successions/<province>.json``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, final

import attrs

from ._files import DEFAULT_MAX_BYTES, ErrorFactory, parse_json, read_bytes, versioned_fields
from ._succession.events import (
    EventDate,
    EventKind,
    Holding,
    Source,
    Step,
    SuccessionEvent,
    Successor,
)
from .agency import Agency, AgencyGroup
from .confidence import Confidence
from .directory import Directory, DirectoryEntry, agency_directory, entry_of, plan_items
from .errors import Problem, SuccessionDataError
from .plan import Plan

__all__ = [
    "Confidence",
    "EventDate",
    "EventKind",
    "Holding",
    "Source",
    "Step",
    "SuccessionEvent",
    "SuccessionMap",
    "Successions",
    "Successor",
    "bundled_successions",
    "load_successions",
    "successions_for",
]

_FOLDER = "successions"
SCHEMA_VERSION = 1


@final
@attrs.frozen(kw_only=True)
class Successions:
    """A province's succession data: the bodies involved (old and new) and the events.

    The bodies are defined here, so the data stands alone; `bind` matches them to a
    plan's agencies by name (any name or alias with the same `lookup_key`).
    """

    id: str
    province: str
    title: str = ""
    bodies: tuple[Agency, ...] = ()
    groups: tuple[AgencyGroup, ...] = ()
    events: tuple[SuccessionEvent, ...] = ()
    notes: tuple[str, ...] = ()

    def bind(self, plan: Plan) -> SuccessionMap:
        """The events as they apply to *plan*'s agencies."""
        return SuccessionMap(plan, self)


class SuccessionMap:
    """Succession data matched to one plan's directory: ``holding(key, day)`` per body.

    ``directory`` holds the plan's agencies and groups plus the succession bodies the
    plan does not name (``source="succession"``), so "Sở KH&CN" can be looked up too.
    """

    def __init__(self, plan: Plan, successions: Successions) -> None:
        self.successions = successions
        plan_directory = agency_directory(plan)
        self._items = {item.key: item for item in plan_items(plan)}
        self._alias: dict[str, tuple[str, ...]] = {}
        extra: list[DirectoryEntry] = []
        bodies: tuple[Agency | AgencyGroup, ...] = (*successions.bodies, *successions.groups)
        for body in bodies:
            matches = dict.fromkeys(
                entry.key for name in body.names for entry in plan_directory.exact(name)
            )
            if matches:
                self._alias[body.key] = tuple(matches)
                continue
            item = body
            if body.key in self._items:  # the plan uses this key for another body
                item = attrs.evolve(body, key=f"{successions.id}:{body.key}")
                self._alias[body.key] = (item.key,)
            self._items[item.key] = item
            extra.append(entry_of(item, source="succession"))
        where = f"plan {plan.id!r} and successions {successions.id!r}"
        self.directory = Directory([*plan_directory, *extra], source=where)
        self._index: dict[str, list[SuccessionEvent]] = {}
        for event in sorted(successions.events, key=lambda e: (e.date.earliest, e.id)):
            for predecessor in event.predecessors:
                for node in self._nodes(predecessor):
                    self._index.setdefault(node, []).append(event)

    def _nodes(self, key: str) -> tuple[str, ...]:
        return self._alias.get(key, (key,))

    def _node(self, key: str) -> str:
        return self._nodes(key)[0]

    def item(self, key: str) -> Agency | AgencyGroup:
        """The agency or group with *key*, from the plan or the succession data."""
        return self._items[key]

    def name(self, key: str) -> str:
        """The display name of *key*."""
        item = self._items.get(key)
        return key if item is None else item.name

    def events_of(self, key: str) -> tuple[SuccessionEvent, ...]:
        """Every event that has *key* among its predecessors, oldest first."""
        return tuple(self._index.get(key, ()))

    def holding(self, key: str, as_of: date) -> Holding:
        """Who holds the work of *key* on *as_of*, following the chain of events."""
        chain: list[Step] = []
        current, seen = key, {key}
        while True:
            event = next(
                (e for e in self._index.get(current, ()) if e.date.applies_on(as_of)), None
            )
            if event is None:
                break
            holder = event.holder
            others = tuple(
                self._node(s.body) for s in event.successors if holder is None or s is not holder
            )
            target = None if holder is None else self._node(holder.body)
            uncertain = not event.date.certain_on(as_of)
            chain.append(
                Step(event=event, source=current, target=target, others=others, uncertain=uncertain)
            )
            if target is None or target in seen:  # unknown successor, or a cycle in the data
                break
            seen.add(target)
            current = target
        return Holding(origin=key, holder=current, chain=tuple(chain))

    def step_record(self, step: Step) -> dict[str, Any]:
        """One step as JSON-ready data (the ``chain`` items of the CLI's JSON)."""
        event = step.event
        takes = {self._node(s.body): s.takes for s in event.successors}
        return {
            "event": event.id,
            "kind": event.kind.value,
            "date": event.date.text,
            "earliest": event.date.earliest.isoformat(),
            "latest": None if event.date.latest is None else event.date.latest.isoformat(),
            "confidence": event.confidence.value,
            "from": {"key": step.source, "name": self.name(step.source)},
            "to": None
            if step.target is None
            else {"key": step.target, "name": self.name(step.target)},
            "others": [
                {"key": k, "name": self.name(k), "takes": takes.get(k, "")} for k in step.others
            ],
            "uncertain": step.uncertain,
            "sources": [source.url for source in event.sources],
        }

    def describe(self, holding: Holding) -> str:
        """The chain in words: "A → B (01/03/2025, split [P]; also: C) → …"."""
        if not holding.chain:
            return self.name(holding.origin)
        parts = [self.name(holding.origin)]
        for step in holding.chain:
            event = step.event
            detail = f"{event.date.display()}, {event.kind.value} [{event.confidence.value}]"
            if step.uncertain:
                detail += ", date uncertain"
            if step.others:
                detail += "; also: " + ", ".join(self.name(k) for k in step.others)
            target = "successor unknown" if step.target is None else self.name(step.target)
            parts.append(f"{target} ({detail})")
        return " → ".join(parts)


def bundled_successions() -> tuple[str, ...]:
    """Names of the succession files shipped in the package, e.g. ``("son-la",)``."""
    folder = resources.files(__package__).joinpath(_FOLDER)
    return tuple(
        sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))
    )


def successions_for(plan: Plan) -> Successions:
    """The bundled succession data of *plan*'s province; empty if there is none."""
    if plan.province in bundled_successions():
        return load_successions(plan.province)
    return Successions(id="", province=plan.province)


def load_successions(
    source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Successions:
    """Load succession data from a bundled name (``"son-la"``) or a JSON file path.

    A file is UTF-8 (with or without BOM) or UTF-16 with a BOM, at most *max_bytes*
    (64 MiB) long.

    Raises:
        SuccessionDataError: the file is missing, too large, not UTF-8/UTF-16 JSON, does
            not match the schema, or names a body it does not define; every problem has
            its field path and value.
    """
    if isinstance(source, str) and source in bundled_successions():
        return _load_bundled(source)
    name = os.fspath(source)
    data = read_bytes(name, what="succession file", max_bytes=max_bytes, error=_error(name))
    return _parse(data, name)


def _error(source: str) -> ErrorFactory:
    def error(message: str, value: object, path: str = "$") -> SuccessionDataError:
        problem = Problem(source=source, path=path, value=value, message=message)
        return SuccessionDataError(source, [problem])

    return error


@cache
def _load_bundled(name: str) -> Successions:
    # Cached: the data is immutable and every as-of matrix needs it.
    resource = resources.files(__package__).joinpath(_FOLDER, f"{name}.json")
    return _parse(resource.read_bytes(), f"successions/{name}.json")


def _parse(text: str | bytes, source: str) -> Successions:
    # The shared wire rules (ISO dates, enum values, unknown keys rejected) come from the
    # converter module, imported here so that importing this module does not load cattrs.
    from ._converter import make_converter, problems_from

    data = parse_json(text, what="succession file", error=_error(source))
    fields = versioned_fields(data, SCHEMA_VERSION, what="a succession file", error=_error(source))
    try:
        successions: Successions = make_converter(detailed=True).structure(fields, Successions)
    except Exception as exc:  # any failure becomes the library's own error, with paths
        raise SuccessionDataError(source, problems_from(exc, fields, source)) from None
    problems = list(_reference_problems(successions, source))
    if problems:
        raise SuccessionDataError(source, problems)
    return successions


def _reference_problems(data: Successions, source: str) -> Iterator[Problem]:
    keys = [b.key for b in data.bodies] + [g.key for g in data.groups]
    known = set(keys)
    for key in sorted(k for k in known if keys.count(k) > 1):
        yield Problem(source=source, path="$.bodies/groups", value=key, message="duplicate key")
    ids = [e.id for e in data.events]
    for key in sorted(i for i in set(ids) if ids.count(i) > 1):
        yield Problem(source=source, path="$.events", value=key, message="duplicate event id")
    for i, group in enumerate(data.groups):
        for j, member in enumerate(group.members):
            if member not in known:
                path = f"$.groups[{i}].members[{j}]"
                yield Problem(
                    source=source, path=path, value=member, message="no body has this key"
                )
    for i, event in enumerate(data.events):
        for j, key in enumerate(event.predecessors):
            if key not in known:
                path = f"$.events[{i}].predecessors[{j}]"
                yield Problem(source=source, path=path, value=key, message="no body has this key")
        for j, successor in enumerate(event.successors):
            if successor.body not in known:
                path = f"$.events[{i}].successors[{j}].body"
                yield Problem(
                    source=source, path=path, value=successor.body, message="no body has this key"
                )
        if sum(s.holder for s in event.successors) > 1:
            path = f"$.events[{i}].successors"
            yield Problem(source=source, path=path, value=event.id, message="more than one holder")
        if event.kind in (EventKind.MERGE, EventKind.RENAME) and len(event.successors) != 1:
            path = f"$.events[{i}].successors"
            message = f"a {event.kind.value} has exactly one successor"
            yield Problem(source=source, path=path, value=len(event.successors), message=message)
        if not event.sources:
            path = f"$.events[{i}].sources"
            yield Problem(source=source, path=path, value=[], message="an event needs a source")
