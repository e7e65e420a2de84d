"""Recording a returned form in the ledger: task events, one submission, observation rows.

All or nothing per file, in one transaction (`Ledger.add_report`). The submission is dated
the day the form was received, so `completeness` says on time or late.

A form collected again is recognised by its form id and the digest of its filled values:

* the same values as the submission in force → `Outcome.ALREADY`: nothing is written
  (collecting twice never counts twice);
* other values → `Outcome.CORRECTED`: a new submission that supersedes the one in force,
  and each task event supersedes the earlier form's event for that task.

Annex service counts are stored too (schema 4): one observation row per service and
unit, with its service key and portal connection, which ``de-an06 annex --db`` reads.
`annex_csv` still writes them in the counts shape ``de-an06 annex`` reads, as an export.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import final

import attrs

from .._tables import to_csv
from ..ledger.model import Connected, ObservationRow, TaskEvent
from ..ledger.record import check_submission
from ..ledger.store import Ledger, now_utc
from ..plan import Plan
from .read import FilledForm

__all__ = ["Collected", "Outcome", "annex_csv", "collect_form", "source_of"]


class Outcome(enum.Enum):
    """What collecting a form did."""

    RECORDED = "recorded"
    CORRECTED = "corrected"
    ALREADY = "already"

    def label(self, lang: str = "vi") -> str:
        """Vietnamese by default, English with ``lang="en"``."""
        if lang != "vi":
            return {
                "recorded": "recorded",
                "corrected": "corrected (supersedes)",
                "already": "already collected (nothing written)",
            }[self.value]
        return {
            "recorded": "đã ghi",
            "corrected": "đã ghi bản sửa (thay bản trước)",
            "already": "đã thu trước đây (không ghi lại)",
        }[self.value]


@final
@attrs.frozen(kw_only=True)
class Collected:
    """The result of collecting one form.

    Attributes:
        form: the form as read.
        outcome: recorded, corrected or already collected.
        submission: the submission's id (the earlier one's when already collected).
        events: ids of the task events written.
        rows: how many observation rows were written.
        supersedes: id of the submission corrected, if any.
    """

    form: FilledForm
    outcome: Outcome
    submission: int
    events: tuple[int, ...] = ()
    rows: int = 0
    supersedes: int | None = None


def source_of(form: FilledForm) -> str:
    """The ``source`` a collected form's submission carries: ``form:ID#DIGEST``."""
    return f"form:{form.spec.form_id}#{form.digest[:16]}"


def collect_form(
    ledger: Ledger,
    plan: Plan,
    form: FilledForm,
    *,
    received: date,
    recorded_by: str = "",
) -> Collected:
    """Record *form* (read by `read_form`) as received on *received*."""
    spec = form.spec
    prefix = f"form:{spec.form_id}#"
    earlier = [
        s
        for s in ledger.submissions(period=spec.period.id)
        if s.agency == spec.agency and s.source.startswith(prefix)
    ]
    replaced = {s.supersedes for s in earlier}
    in_force = next((s for s in reversed(earlier) if s.id not in replaced), None)
    source = source_of(form)
    if in_force is not None and in_force.source == source:
        return Collected(form=form, outcome=Outcome.ALREADY, submission=in_force.id)
    item = check_submission(
        plan,
        spec.agency,
        spec.period.id,
        received,
        recorded_by=recorded_by,
        source=source,
        supersedes=None if in_force is None else in_force.id,
    )
    old_events = {}
    if in_force is not None:
        old_events = {
            e.task: e.id
            for e in ledger.events(agency=spec.agency)
            if e.source.startswith(in_force.source + ":")
        }
    events = _events(form, received, source, old_events, recorded_by)
    rows = [
        ObservationRow(
            submission=0,
            indicator=c.key,
            unit=c.unit,
            period=spec.period.id,
            numerator=c.numerator,
            denominator=c.denominator,
        )
        for c in form.indicators
    ]
    rows += [
        ObservationRow(
            submission=0,
            indicator="",
            unit=c.unit,
            period=spec.period.id,
            numerator=c.numerator,
            denominator=c.denominator,
            service=c.key,
            connected=Connected.of(c.connected),
        )
        for c in form.services
    ]
    ident, ids = ledger.add_report(item, rows, events)
    return Collected(
        form=form,
        outcome=Outcome.RECORDED if in_force is None else Outcome.CORRECTED,
        submission=ident,
        events=ids,
        rows=len(rows),
        supersedes=item.supersedes,
    )


def _events(
    form: FilledForm,
    received: date,
    source: str,
    old: dict[str, int],
    recorded_by: str,
) -> list[TaskEvent]:
    """One event per filled task row; a blank date means the received day, kept inside
    the period's window (and the plan's year)."""
    period = form.spec.period
    first = max(period.start, date(period.end.year, 1, 1))
    default = min(max(received, first), period.end)
    moment = now_utc()
    return [
        TaskEvent(
            task=t.code,
            agency=form.spec.agency,
            status=t.status,
            on=t.on or default,
            percent=t.percent,
            note=t.note,
            evidence=t.evidence,
            recorded_at=moment,
            recorded_by=recorded_by,
            source=f"{source}:{t.cell}",
            supersedes=old.get(t.code),
        )
        for t in form.tasks
    ]


def annex_csv(forms: Sequence[FilledForm]) -> str:
    """The forms' annex service counts as the counts CSV ``de-an06 annex`` reads (with BOM)."""
    header = ("indicator", "unit", "period", "numerator", "denominator", "service", "connected")
    rows = [
        (
            "",
            c.unit,
            form.spec.period.id,
            c.numerator,
            c.denominator,
            c.key,
            "x" if c.connected else "",
        )
        for form in forms
        for c in form.services
    ]
    return to_csv(header, rows)
