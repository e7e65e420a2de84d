"""The ledger store on SQLite and PostgreSQL: append-only, concurrent, atomic, migratable."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from de_an06.ledger import (
    Connected,
    Ledger,
    LedgerError,
    ObservationRow,
    Submission,
    TaskEvent,
    TaskStatus,
    _schema as schema,
)
from de_an06.ledger.store import now_utc


def event(task: str = "6.1", status: TaskStatus = TaskStatus.DONE, **kw: object) -> TaskEvent:
    values: dict[str, object] = {
        "task": task,
        "agency": "so-tttt",
        "status": status,
        "on": date(2024, 4, 15),
        "recorded_at": now_utc(),
        **kw,
    }
    return TaskEvent(**values)  # type: ignore[arg-type]  # test helper


def test_round_trip(db: str) -> None:
    with Ledger.open(db) as ledger:
        first = ledger.add_event(
            event(note="Đã ban hành", evidence="123/STTTT-CĐS ngày 20/6/2024", percent=100)
        )
        (stored,) = ledger.events()
    assert stored.id == first
    assert (stored.task, stored.agency, stored.status, stored.on) == (
        "6.1",
        "so-tttt",
        TaskStatus.DONE,
        date(2024, 4, 15),
    )
    assert (stored.note, stored.evidence, stored.percent) == (
        "Đã ban hành",
        "123/STTTT-CĐS ngày 20/6/2024",
        100,
    )
    assert stored.recorded_at.utcoffset() is not None
    assert stored.recorded_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


def test_correction_supersedes_without_deleting(db: str) -> None:
    with Ledger.open(db) as ledger:
        wrong = ledger.add_event(event(on=date(2024, 4, 15)))
        before = ledger.counts()
        fixed = ledger.add_event(event(on=date(2024, 3, 29), supersedes=wrong))
        after = ledger.counts()
        everything = ledger.events()
        latest = ledger.latest_events(date(2024, 12, 31))
    assert after["task_events"] == before["task_events"] + 1
    assert [e.id for e in everything] == [wrong, fixed]
    assert everything[0].on == date(2024, 4, 15)  # the original is still there, unchanged
    assert [(e.id, e.on) for e in latest] == [(fixed, date(2024, 3, 29))]


def test_supersedes_must_exist(db: str) -> None:
    with Ledger.open(db) as ledger:
        with pytest.raises(LedgerError, match="no task_events row with id 99"):
            ledger.add_event(event(supersedes=99))
        assert ledger.counts()["task_events"] == 0


def test_latest_event_per_task_and_agency(db: str) -> None:
    with Ledger.open(db) as ledger:
        ledger.add_events(
            [
                event(status=TaskStatus.IN_PROGRESS, on=date(2024, 3, 1)),
                event(status=TaskStatus.DONE, on=date(2024, 5, 1)),
                event(status=TaskStatus.BLOCKED, on=date(2024, 4, 1), agency="cong-an-tinh"),
            ]
        )
        in_april = ledger.latest_events(date(2024, 4, 30))
        in_may = ledger.latest_events(date(2024, 5, 1), agency="so-tttt")
    assert sorted((e.agency, e.status.value) for e in in_april) == [
        ("cong-an-tinh", "blocked"),
        ("so-tttt", "in_progress"),
    ]
    assert [e.status for e in in_may] == [TaskStatus.DONE]


def test_submission_with_observation_rows(db: str) -> None:
    with Ledger.open(db) as ledger:
        ident = ledger.add_submission(
            Submission(
                agency="ubnd-huyen-mai-son",
                period="202407",
                submitted_on=date(2024, 7, 12),
                recorded_at=now_utc(),
            ),
            [
                ObservationRow(
                    submission=0,
                    indicator="1",
                    unit="mai-son",
                    period="202407",
                    numerator=300_700,
                    denominator=347_500,
                )
            ],
        )
        (row,) = ledger.observation_rows(submission=ident)
        (item,) = ledger.submissions(period="202407")
    assert (row.submission, row.numerator, row.denominator) == (ident, 300_700, 347_500)
    assert (item.id, item.agency, item.submitted_on) == (
        ident,
        "ubnd-huyen-mai-son",
        date(2024, 7, 12),
    )


def test_schema_matches_the_migrations(db: str) -> None:
    with Ledger.open(db) as ledger:
        assert ledger.revision() == schema.HEAD
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    inspector = sa.inspect(engine)
    for table in schema.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    engine.dispose()


def test_migration_from_schema_1(db: str) -> None:
    """A schema-1 ledger (events and submissions, no observation rows) upgrades in place."""
    old = Ledger.open(db, upgrade=False)
    assert old.revision() is None
    old.upgrade("0001")
    assert old.revision() == "0001"
    kept = old.add_event(event(note="ghi ở lược đồ 1"))
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    assert not sa.inspect(engine).has_table("observation_rows")
    engine.dispose()
    old.close()
    with Ledger.open(db) as ledger:  # opening upgrades
        assert ledger.revision() == schema.HEAD
        (stored,) = ledger.events()
        assert (stored.id, stored.note) == (kept, "ghi ở lược đồ 1")
        ident = ledger.add_submission(
            Submission(
                agency="so-tttt",
                period="202407",
                submitted_on=date(2024, 7, 1),
                recorded_at=now_utc(),
            ),
            [
                ObservationRow(
                    submission=0, indicator="1", unit="so-tttt", period="202407", numerator=1
                )
            ],
        )
        assert len(ledger.observation_rows(submission=ident)) == 1


def test_migration_from_schema_3_keeps_rows_as_indicator_counts(db: str) -> None:
    """A schema-3 ledger with observation rows gains ``service`` and ``connected`` (schema 4):
    its rows stay indicator counts (both NULL), and new service rows keep theirs."""
    old = Ledger.open(db, upgrade=False)
    old.upgrade("0003")
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    with engine.begin() as conn:  # written as schema 3 wrote it: no service columns
        ident = conn.execute(
            sa.text(
                "INSERT INTO submissions (agency, period, submitted_on, recorded_at, "
                "recorded_by, source) VALUES ('so-tttt', '202406', :day, :at, '', 'api') "
                "RETURNING id"
            ),
            {"day": date(2024, 7, 1), "at": now_utc()},
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO observation_rows (submission, indicator, unit, period, "
                "numerator, denominator) VALUES (:s, 'II.4', 'TP Sơn La', '202406', 81, 100)"
            ),
            {"s": ident},
        )
    columns = {c["name"] for c in sa.inspect(engine).get_columns("observation_rows")}
    assert "service" not in columns
    engine.dispose()
    old.close()
    with Ledger.open(db) as ledger:  # opening upgrades
        assert ledger.revision() == schema.HEAD == "0004"
        (kept,) = ledger.observation_rows()
        assert (kept.indicator, kept.numerator, kept.service, kept.connected) == (
            "II.4", 81, None, None,
        )  # fmt: skip
        later = ledger.add_submission(
            Submission(agency="so-tttt", period="202407", submitted_on=date(2024, 8, 1),
                       recorded_at=now_utc()),
            [ObservationRow(submission=0, indicator="", unit="Sở TT&TT", period="202407",
                            numerator=3, denominator=4, service="I.1",
                            connected=Connected.UNKNOWN)],
        )  # fmt: skip
        (row,) = ledger.observation_rows(submission=later)
    assert (row.service, row.connected) == ("I.1", Connected.UNKNOWN)


def test_bad_location() -> None:
    with pytest.raises(LedgerError, match="unsupported database 'mysql'"):
        Ledger.open("mysql://x@y/z")


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from de_an06.ledger import Ledger, TaskEvent, TaskStatus
    from de_an06.ledger.store import now_utc
    db, agency = sys.argv[1], sys.argv[2]
    with Ledger.open(db) as ledger:
        print("ready", flush=True)
        sys.stdin.readline()  # start together
        for n in range(500):
            ledger.add_event(TaskEvent(task="6.1", agency=agency, status=TaskStatus.IN_PROGRESS,
                                       on=date(2024, 4, 1), percent=n % 101,
                                       recorded_at=now_utc(), source=f"writer {agency} {n}"))
    """
)


def test_two_processes_record_at_once(db: str) -> None:
    Ledger.open(db).close()  # create the schema first
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db, agency],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for agency in ("so-tttt", "cong-an-tinh")
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        assert writer.wait(timeout=600) == 0
        writer.stdin.close()
        writer.stdout.close()
    with Ledger.open(db) as ledger:
        events = ledger.events()
    assert len(events) == 1000
    assert sorted({e.source for e in events}) == sorted(
        f"writer {a} {n}" for a in ("so-tttt", "cong-an-tinh") for n in range(500)
    )


KILLED = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from de_an06.ledger import Ledger, TaskEvent, TaskStatus
    from de_an06.ledger.store import now_utc
    db = sys.argv[1]
    items = [TaskEvent(task="6.1", agency="so-tttt", status=TaskStatus.DONE, on=date(2024, 4, 1),
                       recorded_at=now_utc(), source=f"big.csv:{n}") for n in range(20_000)]
    def progress(count):
        if count >= 4_000:
            print(count, flush=True)  # rows are in the open transaction: now kill me
            time.sleep(600)
    with Ledger.open(db) as ledger:
        ledger.add_events(items, progress=progress)
    """
)


def test_import_killed_mid_way_leaves_none_of_its_rows(db: str) -> None:
    with Ledger.open(db) as ledger:
        ledger.add_event(event(note="before the import"))
    child = subprocess.Popen([sys.executable, "-c", KILLED, db], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    inserted = int(child.stdout.readline())
    assert inserted >= 4_000
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    child.stdout.close()
    with Ledger.open(db) as ledger:
        events = ledger.events()
        assert [e.note for e in events] == ["before the import"]
        ledger.add_event(event(note="after"))  # the ledger is not left locked
        assert ledger.counts()["task_events"] == 2


def test_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from de_an06.ledger import ledger_location

    monkeypatch.delenv("DE_AN06_DB", raising=False)
    assert ledger_location() == "de-an06.db"
    monkeypatch.setenv("DE_AN06_DB", str(tmp_path / "x.db"))
    assert ledger_location() == str(tmp_path / "x.db")
    assert ledger_location("y.db") == "y.db"


def test_bulk_rows_keep_awkward_text_and_nulls(db: str) -> None:
    """Rows go in by executemany (SQLite) or COPY's text format (PostgreSQL): tabs,
    backslashes, newlines and Vietnamese text come back as written; None stays NULL."""
    units = ("TP Sơn La", "a\tb", "c\\N", "d\ne", "f\\\\g\r")
    rows = [
        ObservationRow(
            submission=0,
            indicator="II.4",
            unit=u,
            period="202407",
            numerator=i,
            denominator=d,
            service=None if d is None else u,
            connected=None if d is None else Connected.NO,
        )
        for i, u in enumerate(units)
        for d in (None, 10**12)
    ]
    with Ledger.open(db) as ledger:
        ident = ledger.add_submission(
            Submission(
                agency="so-tttt", period="202407", submitted_on=date(2024, 7, 1),
                recorded_at=now_utc(),
            ),
            rows,
        )  # fmt: skip
        stored = ledger.observation_rows(submission=ident)
    assert [(r.unit, r.numerator, r.denominator, r.service, r.connected) for r in stored] == [
        (r.unit, r.numerator, r.denominator, r.service, r.connected) for r in rows
    ]
