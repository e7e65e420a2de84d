"""Rows to and from the ledger's tables (SQLAlchemy rows, driver rows, COPY text), and the
latest-event query (private to `store`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from . import _schema as schema
from .model import Connected, ObservationRow, Submission, TaskEvent, TaskStatus

__all__ = [
    "copy_line",
    "driver_event",
    "event_of",
    "event_row",
    "latest_query",
    "observation_of",
    "submission_of",
    "submission_row",
    "utc",
]


def utc(moment: datetime) -> datetime:
    """*moment* in UTC (a naive value, as SQLite returns it, is taken as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def latest_query(as_of: date, agency: str | None) -> sa.Select[Any]:
    """Each (task, agency)'s latest event in force on *as_of*, in the order recorded.

    Two grouped steps that read only ``ix_task_events_latest`` (schema 3): the last day per
    task and agency, then the last id on that day; then those rows by primary key. A
    window function (``row_number() OVER``) gives the same rows but sorts every event.
    """
    e = schema.events
    x = e.alias("x")  # the inner queries' own name, so that nothing correlates
    corrected = sa.select(x.c.supersedes).where(x.c.supersedes.is_not(None))
    y = e.alias("y")
    live = [y.c.holds_on <= as_of, y.c.id.not_in(corrected)]
    if agency is not None:
        live.append(y.c.agency == agency)
    last_day = (
        sa.select(y.c.task, y.c.agency, sa.func.max(y.c.holds_on).label("day"))
        .where(*live)
        .group_by(y.c.task, y.c.agency)
        .subquery("last_day")
    )
    z = e.alias("z")
    last_id = (
        sa.select(sa.func.max(z.c.id))
        .select_from(z)
        .join(
            last_day,
            sa.and_(
                z.c.task == last_day.c.task,
                z.c.agency == last_day.c.agency,
                z.c.holds_on == last_day.c.day,
            ),
        )
        .where(z.c.id.not_in(corrected))
        .group_by(z.c.task, z.c.agency)
    )
    return sa.select(e).where(e.c.id.in_(last_id)).order_by(e.c.id)


def event_row(event: TaskEvent) -> dict[str, Any]:
    return {
        "task": event.task,
        "agency": event.agency,
        "status": event.status.value,
        "holds_on": event.on,
        "percent": event.percent,
        "note": event.note,
        "evidence": event.evidence,
        "recorded_at": utc(event.recorded_at),
        "recorded_by": event.recorded_by,
        "source": event.source,
        "supersedes": event.supersedes,
    }


_STATUSES = {s.value: s for s in TaskStatus}


def event_of(row: Any) -> TaskEvent:
    return TaskEvent(
        id=row["id"],
        task=row["task"],
        agency=row["agency"],
        status=_STATUSES[row["status"]],
        on=row["holds_on"],
        percent=row["percent"],
        note=row["note"],
        evidence=row["evidence"],
        recorded_at=utc(row["recorded_at"]),
        recorded_by=row["recorded_by"],
        source=row["source"],
        supersedes=row["supersedes"],
    )


def driver_event(sqlite: bool) -> Callable[[tuple[Any, ...]], TaskEvent]:
    """A `TaskEvent` from a driver row of ``task_events`` in column order, without
    SQLAlchemy's per-row processing: SQLite gives ISO text for the day and the moment
    (naive, UTC), psycopg gives ``date`` and an aware ``datetime``."""
    statuses = _STATUSES
    days: dict[str, date] = {}  # a year has 366 days; an import shares one moment
    moments: dict[str, datetime] = {}

    def from_sqlite(row: tuple[Any, ...]) -> TaskEvent:
        ident, task, agency, status, day, percent, note, evidence, at, by, source, sup = row
        on = days.get(day)
        if on is None:
            on = days[day] = date.fromisoformat(day)
        moment = moments.get(at)
        if moment is None:
            moment = moments[at] = datetime.fromisoformat(at).replace(tzinfo=UTC)
        return TaskEvent(
            id=ident,
            task=task,
            agency=agency,
            status=statuses[status],
            on=on,
            percent=percent,
            note=note,
            evidence=evidence,
            recorded_at=moment,
            recorded_by=by,
            source=source,
            supersedes=sup,
        )

    def from_driver(row: tuple[Any, ...]) -> TaskEvent:
        ident, task, agency, status, day, percent, note, evidence, at, by, source, sup = row
        return TaskEvent(
            id=ident,
            task=task,
            agency=agency,
            status=statuses[status],
            on=day,
            percent=percent,
            note=note,
            evidence=evidence,
            recorded_at=utc(at),
            recorded_by=by,
            source=source,
            supersedes=sup,
        )

    return from_sqlite if sqlite else from_driver


def submission_row(item: Submission) -> dict[str, Any]:
    return {
        "agency": item.agency,
        "period": item.period,
        "submitted_on": item.submitted_on,
        "recorded_at": utc(item.recorded_at),
        "recorded_by": item.recorded_by,
        "source": item.source,
        "supersedes": item.supersedes,
    }


def submission_of(row: Any) -> Submission:
    return Submission(
        id=row["id"],
        agency=row["agency"],
        period=row["period"],
        submitted_on=row["submitted_on"],
        recorded_at=utc(row["recorded_at"]),
        recorded_by=row["recorded_by"],
        source=row["source"],
        supersedes=row["supersedes"],
    )


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: str | None) -> str:
    return "\\N" if value is None else value.translate(_COPY_ESCAPES)


def copy_line(row: tuple[int, str, str, str, int, int | None, str | None, str | None]) -> str:
    """One line of PostgreSQL's COPY text format (tab-separated, ``\\N`` for NULL)."""
    sub, indicator, unit, period, numerator, denominator, service, connected = row
    tail = "\\N" if denominator is None else str(denominator)
    return (
        f"{sub}\t{_copy_text(indicator)}\t{_copy_text(unit)}\t{_copy_text(period)}\t"
        f"{numerator}\t{tail}\t{_copy_text(service)}\t{_copy_text(connected)}\n"
    )


def observation_of(r: Any) -> ObservationRow:
    connected = r["connected"]
    return ObservationRow(
        submission=r["submission"],
        indicator=r["indicator"],
        unit=r["unit"],
        period=r["period"],
        numerator=r["numerator"],
        denominator=r["denominator"],
        service=r["service"],
        connected=None if connected is None else Connected(connected),
    )
