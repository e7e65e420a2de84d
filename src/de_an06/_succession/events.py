"""The value types of succession data: events, their dates and sources, chain steps.

`succession` re-exports them with `Successions` and `SuccessionMap`; only `succession`
imports this package.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import final

import attrs

from ..confidence import Confidence
from ..errors import ModelValueError


class EventKind(enum.Enum):
    """What happened to the predecessors.

    ``MERGE``: absorbed into one successor (which may already exist); ``RENAME``: the same
    body under a new name or status; ``SPLIT``: the work divided among several successors;
    ``ABOLISH``: the body ended, its work passing to the successor named, if any;
    ``ESTABLISH``: a new body, set up on the basis of its predecessors, if any.
    """

    MERGE = "merge"
    RENAME = "rename"
    SPLIT = "split"
    ABOLISH = "abolish"
    ESTABLISH = "establish"


@final
@attrs.frozen(kw_only=True)
class EventDate:
    """When a change took effect, as precisely as the sources say.

    An exact date has ``earliest == latest``. A source that says only "2025", or gives a
    plan-stage date, becomes a window: the change took effect on or after ``earliest``
    and, if ``latest`` is known, by ``latest``. A day inside the window is *uncertain*.

    Attributes:
        text: the date as the sources give it, with what it is ("01/07/2025", "2025
            (plan stage 20/01/2025; effective date not in the sources seen)").
        earliest: the first day the change can have taken effect.
        latest: the day by which it had certainly taken effect; None if not known.
    """

    text: str
    earliest: date
    latest: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.latest is not None and self.latest < self.earliest:
            msg = f"event date {self.text!r}: latest {self.latest} is before earliest"
            raise ModelValueError(msg)

    @property
    def exact(self) -> bool:
        """Whether the sources give the day itself."""
        return self.latest == self.earliest

    def applies_on(self, day: date) -> bool:
        """Whether the change may have taken effect by *day* (``day >= earliest``)."""
        return day >= self.earliest

    def certain_on(self, day: date) -> bool:
        """Whether the change had certainly taken effect by *day*."""
        return self.latest is not None and day >= self.latest

    def display(self) -> str:
        """Short form: ``01/07/2025``, ``21/01/2025–31/12/2025``, ``01/01/2025–?``."""
        if self.exact:
            return f"{self.earliest:%d/%m/%Y}"
        end = "?" if self.latest is None else f"{self.latest:%d/%m/%Y}"
        return f"{self.earliest:%d/%m/%Y}–{end}"


@final
@attrs.frozen(kw_only=True)
class Source:
    """A public source of an event: its address and what it says (a short quote or gloss)."""

    url: str
    text: str = ""


@final
@attrs.frozen(kw_only=True)
class Successor:
    """A body that takes over (part of) a predecessor's work.

    Attributes:
        body: key of a body or group of the succession data.
        takes: the line of work it takes over, as the sources say.
        holder: True for the successor that holds the plan's assignments (for a split,
            the one that took over the line of work the plan's tasks belong to).
    """

    body: str
    takes: str = ""
    holder: bool = False


@final
@attrs.frozen(kw_only=True)
class SuccessionEvent:
    """One dated change: predecessors → successors, with sources and a confidence mark.

    No successor (an ``ABOLISH`` with ``successors=()``), or a split none of whose
    successors is the holder, means the successor is unknown.
    """

    id: str
    kind: EventKind
    date: EventDate
    predecessors: tuple[str, ...]
    confidence: Confidence
    successors: tuple[Successor, ...] = ()
    sources: tuple[Source, ...] = ()
    note: str = ""

    @property
    def holder(self) -> Successor | None:
        """The successor holding the plan's assignments; None when unknown."""
        holders = [s for s in self.successors if s.holder]
        if len(holders) == 1:
            return holders[0]
        if not holders and len(self.successors) == 1 and self.kind is not EventKind.SPLIT:
            return self.successors[0]
        return None


@final
@attrs.frozen(kw_only=True)
class Step:
    """One link of a succession chain, as seen on a given day.

    Attributes:
        event: the event.
        source: key of the body before the change.
        target: key of the body holding the work after it; None if unknown.
        others: keys of the other successors (a split's other branches), kept in the chain.
        uncertain: the day falls inside the event's date window.
    """

    event: SuccessionEvent
    source: str
    target: str | None
    others: tuple[str, ...] = ()
    uncertain: bool = False


@final
@attrs.frozen(kw_only=True)
class Holding:
    """Who holds a body's work on a day: the body itself, or its successor, and how.

    Attributes:
        origin: key of the body the plan names.
        holder: key of the body holding the work; the last known body when the successor
            is unknown.
        chain: the changes from ``origin`` to ``holder``, oldest first.
    """

    origin: str
    holder: str
    chain: tuple[Step, ...] = ()

    @property
    def unknown_successor(self) -> bool:
        """The body ended and no source says who took over."""
        return bool(self.chain) and self.chain[-1].target is None

    @property
    def uncertain(self) -> bool:
        """Some change of the chain may or may not have taken effect on the day."""
        return any(step.uncertain for step in self.chain)
