"""Ledger queries: derived task status, done late, overdue by the lawful due day, and the
reporting completeness table."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from de_an06 import load_plan
from de_an06.ledger import Ledger, LedgerError, Submission, TaskStatus
from de_an06.ledger.queries import (
    Progress,
    Timeliness,
    completeness,
    expected_reporters,
    reporters_of,
    task_history,
    task_states,
)
from de_an06.ledger.record import check_event, check_submission
from de_an06.ledger.store import now_utc

PLAN = load_plan("son-la-2024")
DISTRICTS = PLAN.agency_by_key("ubnd-cac-huyen-thanh-pho").members  # type: ignore[union-attr]


def states(db: str, as_of: date, *events: tuple[str, str, date, str]) -> dict[str, object]:
    with Ledger.open(db) as ledger:
        ledger.add_events(
            [
                check_event(PLAN, task, status, on, agency).event
                for task, status, on, agency in events
            ]
        )
        latest = ledger.latest_events(as_of)
    return {s.task.code: s for s in task_states(PLAN, latest, as_of)}


def test_status_labels() -> None:
    assert [s.label() for s in TaskStatus] == [
        "chưa triển khai",
        "đang thực hiện",
        "hoàn thành",
        "vướng mắc",
        "không thực hiện",
        "chuyển kỳ sau",
    ]
    assert TaskStatus.parse("Chuyển kỳ sau") is TaskStatus.CARRIED_OVER
    assert TaskStatus.parse("in-progress") is TaskStatus.IN_PROGRESS
    with pytest.raises(LedgerError, match="unknown status 'finished'"):
        TaskStatus.parse("finished")


def test_done_late_in_working_days(db: str) -> None:
    # 6.1 is due in quarter I: Sunday 31/03/2024, lawfully Monday 01/04. Done 15/04:
    # 10 working days late (02/04 … 15/04, weekends out).
    found = states(db, date(2024, 6, 30), ("6.1", "done", date(2024, 4, 15), "Sở TT&TT"))
    state = found["6.1"]
    assert state.due == date(2024, 4, 1)  # type: ignore[attr-defined]
    assert state.progress is Progress.DONE_LATE  # type: ignore[attr-defined]
    assert state.days_late == 10  # type: ignore[attr-defined]


def test_done_on_the_shifted_due_day_is_on_time(db: str) -> None:
    found = states(db, date(2024, 6, 30), ("6.1", "done", date(2024, 4, 1), "so-tttt"))
    assert found["6.1"].progress is Progress.DONE_ON_TIME  # type: ignore[attr-defined]


def test_overdue_needs_the_lawful_day_to_pass(db: str) -> None:
    on_monday = states(db, date(2024, 4, 1), ("7.2", "in_progress", date(2024, 3, 20), "so-tttt"))
    assert on_monday["7.2"].progress is Progress.IN_PROGRESS  # type: ignore[attr-defined]
    assert on_monday["8.1"].progress is Progress.NO_REPORT  # type: ignore[attr-defined]
    on_tuesday = {s.task.code: s for s in task_states(PLAN, (), date(2024, 4, 2))}
    assert on_tuesday["8.1"].progress is Progress.OVERDUE
    assert on_tuesday["8.1"].days_late == 1


def test_group_task_is_done_when_every_member_is(db: str) -> None:
    # 1.2: "UBND các huyện, thành phố" lead: 12 members, each reports its own status.
    assert set(DISTRICTS) <= set(reporters_of(PLAN, PLAN.task("1.2")))
    some = [("1.2", "done", date(2024, 5, 2), key) for key in DISTRICTS[:5]]
    found = states(db, date(2024, 6, 30), *some)
    state = found["1.2"]
    assert state.status is TaskStatus.IN_PROGRESS  # type: ignore[attr-defined]
    assert state.done_share == Fraction(5, 12)  # type: ignore[attr-defined]
    rest = [("1.2", "done", date(2024, 6, 3), key) for key in DISTRICTS[5:]]
    with Ledger.open(db) as ledger:
        ledger.add_events([check_event(PLAN, *row).event for row in rest])
        latest = ledger.latest_events(date(2024, 6, 30))
    state = {s.task.code: s for s in task_states(PLAN, latest, date(2024, 6, 30))}["1.2"]
    assert (state.status, state.on, state.done_share) == (TaskStatus.DONE, date(2024, 6, 3), 1)


def test_blocked_member_blocks_the_group(db: str) -> None:
    rows = [("2.1", "done", date(2024, 5, 2), key) for key in DISTRICTS[1:]]
    rows.append(("2.1", "vướng mắc", date(2024, 5, 3), DISTRICTS[0]))
    found = states(db, date(2024, 6, 30), *rows)
    assert found["2.1"].status is TaskStatus.BLOCKED  # type: ignore[attr-defined]


def test_history_marks_corrections(db: str) -> None:
    with Ledger.open(db) as ledger:
        first = ledger.add_event(
            check_event(PLAN, "6.1", "done", date(2024, 4, 15), "so-tttt").event
        )
        fixed = ledger.add_event(
            check_event(PLAN, "6.1", "done", date(2024, 3, 29), "so-tttt", supersedes=first).event
        )
        history = task_history(ledger.events(task="6.1"), "6.1")
    assert [(e.id, by) for e, by in history] == [(first, fixed), (fixed, None)]


def test_unrelated_agency_is_warned_not_refused() -> None:
    checked = check_event(PLAN, "2.4", "done", date(2024, 5, 1), "Sở Y tế")
    assert checked.event.agency == "so-y-te"
    assert "names no role" in checked.warnings[0]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("9.9", "done", date(2024, 5, 1), "so-tttt"), "no task '9.9'"),
        (("6.1", "done", date(2025, 5, 1), "so-tttt"), "outside the plan's year 2024"),
        (("6.1", "xong", date(2024, 5, 1), "so-tttt"), "unknown status"),
        (("6.1", "done", date(2024, 5, 1), "Bộ Ngoại giao Mỹ"), "no agency matches"),
    ],
)
def test_bad_events_are_refused(args: tuple, error: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(Exception, match=error):
        check_event(PLAN, *args)


def test_completeness(db: str) -> None:
    # 202407 is due "trước ngày 15": the 14th, a Sunday; it may not move onto the 15th, so
    # the lawful last day is Friday 12/07/2024.
    reporters = ("ubnd-huyen-mai-son", "ubnd-huyen-moc-chau", "so-tttt")
    with Ledger.open(db) as ledger:
        ledger.add_submission(
            check_submission(PLAN, "ubnd-huyen-mai-son", "202407", date(2024, 7, 12))
        )
        ledger.add_submission(
            check_submission(PLAN, "ubnd-huyen-moc-chau", "202407", date(2024, 7, 16))
        )
        items = ledger.submissions()
    cells = completeness(PLAN, items, date(2024, 7, 31), period="202407", reporters=reporters)
    got = {c.agency: (c.due, c.status, c.days_late) for c in cells}
    assert got == {
        "ubnd-huyen-mai-son": (date(2024, 7, 12), Timeliness.ON_TIME, 0),
        "ubnd-huyen-moc-chau": (date(2024, 7, 12), Timeliness.LATE, 2),
        "so-tttt": (date(2024, 7, 12), Timeliness.MISSING, 13),
    }
    before = completeness(PLAN, items, date(2024, 7, 10), period="202407", reporters=reporters)
    assert {c.status for c in before} == {Timeliness.PENDING}


def test_a_superseded_submission_does_not_count() -> None:
    wrong = Submission(
        id=1,
        agency="so-tttt",
        period="202407",
        submitted_on=date(2024, 7, 1),
        recorded_at=now_utc(),
    )
    fix = Submission(
        id=2,
        agency="so-tttt",
        period="202407",
        submitted_on=date(2024, 7, 16),
        recorded_at=now_utc(),
        supersedes=1,
    )
    (cell,) = completeness(
        PLAN, [wrong, fix], date(2024, 7, 31), period="202407", reporters=["so-tttt"]
    )
    assert (cell.status, cell.submitted_on) == (Timeliness.LATE, date(2024, 7, 16))


def test_expected_reporters() -> None:
    keys = expected_reporters(PLAN)
    assert set(DISTRICTS) <= set(keys)
    assert "cong-an-tinh" not in keys  # the recipient of the reports
    assert len(keys) == len(set(keys))
