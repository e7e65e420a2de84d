"""The ledger store: one SQLAlchemy Core code path for SQLite (a file) and PostgreSQL.

    >>> import tempfile, os
    >>> from datetime import date
    >>> folder = tempfile.mkdtemp()
    >>> with Ledger.open(os.path.join(folder, "so-lieu.db")) as ledger:
    ...     ledger.revision()
    '0004'

Where: `ledger_location` (``--db PATH|URL``, else ``DE_AN06_DB``, else ``de-an06.db`` in
the working folder). A path is a SQLite file, opened in WAL mode with a busy timeout,
every write in ``BEGIN IMMEDIATE`` and retried while another process holds the lock, so
two processes recording at once both land. ``postgresql://`` URLs use psycopg 3.

Rows are only ever inserted: the store has no update and no delete.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from . import _schema as schema
from ._rows import (
    copy_line,
    driver_event,
    event_of,
    event_row,
    latest_query,
    observation_of,
    submission_of,
    submission_row,
)
from .model import LedgerError, ObservationRow, Submission, TaskEvent

__all__ = ["DEFAULT_LEDGER", "Ledger", "ledger_location", "open_ledger"]

DEFAULT_LEDGER = "de-an06.db"
"""The ledger file used when neither ``--db`` nor ``DE_AN06_DB`` names one."""

_MIGRATIONS = Path(__file__).parent / "migrations"
_RETRIES = 50
_BUSY_MS = 30_000
_CHUNK = 2_000
_BATCH = 100_000  # observation rows per executemany

T = TypeVar("T")


def ledger_location(option: str | os.PathLike[str] | None = None) -> str:
    """``--db`` if given, else ``DE_AN06_DB`` if set, else ``de-an06.db`` (working folder).

    >>> ledger_location("x.db")
    'x.db'
    """
    if option is not None and os.fspath(option):
        return os.fspath(option)
    return os.environ.get("DE_AN06_DB") or DEFAULT_LEDGER


def open_ledger(location: str | os.PathLike[str] | None = None) -> Ledger:
    """The ledger at *location* (`ledger_location`), created or upgraded: `Ledger.open`.

    >>> import tempfile, os
    >>> with open_ledger(os.path.join(tempfile.mkdtemp(), "tien-do.db")) as ledger:
    ...     ledger.events()
    ()
    """
    return Ledger.open(location)


def _url(location: str) -> sa.URL:
    if "://" not in location:
        return sa.URL.create("sqlite+pysqlite", database=location)
    try:
        url = sa.make_url(location)
    except sa.exc.ArgumentError:
        msg = f"--db: not a database URL or file: {location!r}"
        raise LedgerError(msg) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername not in ("postgresql+psycopg", "sqlite", "sqlite+pysqlite"):
        msg = (
            f"--db: unsupported database {url.drivername!r} in {location!r}; "
            "use a file path, sqlite:///FILE or postgresql://…"
        )
        raise LedgerError(msg)
    return url


def _postgresql_engine(url: sa.URL, where: str) -> sa.Engine:
    """An engine for a PostgreSQL URL, through psycopg 3 (asked for by name, so that a
    missing driver is our clear error, not SQLAlchemy's)."""
    try:
        import psycopg  # noqa: F401  (the driver SQLAlchemy loads for postgresql+psycopg)
    except ImportError:
        msg = f"{where}: PostgreSQL needs the 'psycopg' package: pip install 'psycopg[binary]'"
        raise LedgerError(msg) from None
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: sa.URL) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": _BUSY_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi: Any, _record: Any) -> None:
        dbapi.isolation_level = None  # SQLAlchemy's recipe: we issue BEGIN ourselves
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writer takes the lock at BEGIN, so that it waits (busy timeout) rather than
        # failing when a reader's snapshot would have to be upgraded.
        write = conn.get_execution_options().get("ledger_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _busy(exc: sa.exc.OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text


def now_utc() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(UTC)


class Ledger:
    """An open ledger. Use `Ledger.open`; close it (or use ``with``) when done."""

    __slots__ = ("_engine", "_sqlite", "_write", "location")

    def __init__(self, engine: Engine, location: str) -> None:
        self._engine = engine
        self._write = engine.execution_options(ledger_write=True)
        self._sqlite = engine.dialect.name == "sqlite"
        self.location = location

    @classmethod
    def open(
        cls, location: str | os.PathLike[str] | None = None, *, upgrade: bool = True
    ) -> Ledger:
        """The ledger at *location* (see `ledger_location`), created or upgraded to the
        newest schema unless ``upgrade=False``.

        Raises `LedgerError` when the database cannot be reached or is not a ledger.
        """
        where = ledger_location(location)
        url = _url(where)
        if url.drivername.startswith("sqlite"):
            engine = _sqlite_engine(url)
        else:
            engine = _postgresql_engine(url, where)
        shown = where if "://" not in where else url.render_as_string(hide_password=True)
        ledger = cls(engine, shown)
        try:
            if upgrade and ledger.revision() != schema.HEAD:
                ledger.upgrade()
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            cause = getattr(exc, "orig", None) or exc
            msg = f"ledger {ledger.location}: cannot open: {type(exc).__name__}: {cause}"
            raise LedgerError(msg) from None
        return ledger

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Schema ------------------------------------------------------------------------------

    def revision(self) -> str | None:
        """The schema revision of the database (None: not a ledger yet)."""
        with self._engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            value = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            return None if value is None else str(value)

    def upgrade(self, revision: str = "head") -> None:
        """Run the shipped Alembic migrations up to *revision* (default: the newest)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        config.set_main_option("path_separator", "os")
        with self._write.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)

    # Writing -----------------------------------------------------------------------------

    def _transaction(self, work: Callable[[Connection], T]) -> T:
        """Run *work* in one write transaction, again while SQLite says the file is busy."""
        for attempt in range(_RETRIES):
            try:
                with self._write.begin() as conn:
                    return work(conn)
            except sa.exc.OperationalError as exc:
                if not (self._sqlite and _busy(exc)) or attempt == _RETRIES - 1:
                    raise
                time.sleep(min(0.01 * 2**attempt, 1.0))
        raise AssertionError("unreachable")  # pragma: no cover

    def add_events(
        self,
        items: Sequence[TaskEvent],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[int, ...]:
        """Insert *items* in one transaction (all or none); return their ids in order.

        *progress* is called with the count inserted so far after each chunk.
        """
        if not items:
            return ()

        def work(conn: Connection) -> tuple[int, ...]:
            ids: list[int] = []
            for start in range(0, len(items), _CHUNK):
                chunk = items[start : start + _CHUNK]
                for event in chunk:
                    self._check_supersedes(conn, schema.events, event.supersedes)
                result = conn.execute(
                    schema.events.insert().returning(
                        schema.events.c.id, sort_by_parameter_order=True
                    ),
                    [event_row(e) for e in chunk],
                )
                ids.extend(int(i) for i in result.scalars())
                if progress is not None:
                    progress(len(ids))
            return tuple(ids)

        return self._transaction(work)

    def add_event(self, event: TaskEvent) -> int:
        """Insert one event; return its id."""
        return self.add_events((event,))[0]

    def add_submission(self, item: Submission, rows: Sequence[ObservationRow] = ()) -> int:
        """Insert a submission and its observation rows in one transaction; return its id."""
        return self._transaction(lambda conn: self._submission_in(conn, item, rows))

    def _submission_in(
        self, conn: Connection, item: Submission, rows: Sequence[ObservationRow]
    ) -> int:
        self._check_supersedes(conn, schema.submissions, item.supersedes)
        ident = conn.execute(
            schema.submissions.insert().returning(schema.submissions.c.id),
            submission_row(item),
        ).scalar_one()
        if rows:
            self._add_rows(conn, int(ident), rows)
        return int(ident)

    def add_report(
        self, item: Submission, rows: Sequence[ObservationRow], events: Sequence[TaskEvent]
    ) -> tuple[int, tuple[int, ...]]:
        """A submission, its observation rows and task events in one transaction (all or
        none: a collected form); the submission's id and the events' ids."""

        def work(conn: Connection) -> tuple[int, tuple[int, ...]]:
            for event in events:
                self._check_supersedes(conn, schema.events, event.supersedes)
            insert = schema.events.insert().returning(schema.events.c.id)
            ident = self._submission_in(conn, item, rows)
            return ident, tuple(
                int(conn.execute(insert, event_row(e)).scalar_one()) for e in events
            )

        return self._transaction(work)

    def _add_rows(self, conn: Connection, submission: int, rows: Sequence[ObservationRow]) -> None:
        """Bulk-insert observation rows inside the caller's transaction: PostgreSQL by
        ``COPY … FROM STDIN`` (psycopg), SQLite by the driver's ``executemany`` in large
        batches of plain tuples (no per-row SQLAlchemy parameter processing)."""
        names = (
            "submission",
            "indicator",
            "unit",
            "period",
            "numerator",
            "denominator",
            "service",
            "connected",
        )
        driver = conn.connection.driver_connection
        assert driver is not None
        values = (
            (
                submission,
                r.indicator,
                r.unit,
                r.period,
                r.numerator,
                r.denominator,
                r.service,
                None if r.connected is None else r.connected.value,
            )
            for r in rows
        )
        if not self._sqlite:
            # COPY's text format written in large blocks: psycopg's per-row write_row
            # formats each value through its adapters and is ~4x slower than COPY itself.
            sql = f"COPY observation_rows ({', '.join(names)}) FROM STDIN"
            with driver.cursor() as cursor, cursor.copy(sql) as copy:
                while batch := list(itertools.islice(values, _BATCH)):
                    copy.write("".join(map(copy_line, batch)).encode("utf-8"))
            return
        sql = f"INSERT INTO observation_rows ({', '.join(names)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        cursor = driver.cursor()
        try:
            while batch := list(itertools.islice(values, _BATCH)):
                cursor.executemany(sql, batch)
        finally:
            cursor.close()

    @staticmethod
    def _check_supersedes(conn: Connection, table: sa.Table, ident: int | None) -> None:
        if ident is None:
            return
        found = conn.execute(sa.select(table.c.id).where(table.c.id == ident)).first()
        if found is None:
            msg = f"supersedes: no {table.name} row with id {ident}"
            raise LedgerError(msg)

    # Reading -----------------------------------------------------------------------------

    def events(
        self, *, task: str | None = None, agency: str | None = None
    ) -> tuple[TaskEvent, ...]:
        """Every event (superseded ones too), in the order recorded; filtered if asked."""
        query = sa.select(schema.events).order_by(schema.events.c.id)
        if task is not None:
            query = query.where(schema.events.c.task == task)
        if agency is not None:
            query = query.where(schema.events.c.agency == agency)
        with self._engine.connect() as conn:
            return tuple(event_of(row) for row in conn.execute(query).mappings())

    def latest_events(self, as_of: date, *, agency: str | None = None) -> tuple[TaskEvent, ...]:
        """Per task and agency, the last event holding on or before *as_of* that no later
        event supersedes (by day, then by the order recorded)."""
        query = latest_query(as_of, agency)
        with self._engine.connect() as conn:
            rows = self._driver_rows(conn, query)
        return tuple(map(driver_event(self._sqlite), rows))

    def _driver_rows(self, conn: Connection, query: sa.Select[Any]) -> list[tuple[Any, ...]]:
        """*query*'s rows as the driver returns them (plain tuples): compiled once by
        SQLAlchemy, run on the DB-API cursor, so that no per-row result processing runs
        (half the time of "status of every task" went there). Parameters bound as
        SQLAlchemy would: SQLite days as ISO text, PostgreSQL's by psycopg."""
        compiled = query.compile(dialect=conn.dialect)
        params = compiled.construct_params()
        args: Any = params
        if self._sqlite:
            values = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
            args = tuple(values[name] for name in compiled.positiontup or ())
        driver = conn.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        try:
            cursor.execute(compiled.string, args)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def submissions(self, *, period: str | None = None) -> tuple[Submission, ...]:
        """Every submission (superseded ones too), in the order recorded."""
        query = sa.select(schema.submissions).order_by(schema.submissions.c.id)
        if period is not None:
            query = query.where(schema.submissions.c.period == period)
        with self._engine.connect() as conn:
            return tuple(submission_of(row) for row in conn.execute(query).mappings())

    def observation_rows(self, *, submission: int | None = None) -> tuple[ObservationRow, ...]:
        """Observation rows, of one submission or all, in the order recorded."""
        o = schema.observations
        query = sa.select(o).order_by(o.c.id)
        if submission is not None:
            query = query.where(o.c.submission == submission)
        with self._engine.connect() as conn:
            return tuple(observation_of(r) for r in conn.execute(query).mappings())

    def observations_as_of(self, as_of: date) -> tuple[ObservationRow, ...]:
        """The observation rows of the submissions in force on *as_of*: submitted on or
        before it and not superseded by a submission also in by then; in the order recorded."""
        o, s, x = schema.observations, schema.submissions, schema.submissions.alias("x")
        corrected = sa.select(x.c.supersedes).where(
            x.c.supersedes.is_not(None), x.c.submitted_on <= as_of
        )
        query = (
            sa.select(o)
            .join(s, s.c.id == o.c.submission)
            .where(s.c.submitted_on <= as_of, s.c.id.not_in(corrected))
            .order_by(o.c.id)
        )
        with self._engine.connect() as conn:
            return tuple(observation_of(r) for r in conn.execute(query).mappings())

    def counts(self) -> dict[str, int]:
        """Rows per table: ``{"task_events": n, "submissions": n, "observation_rows": n}``."""
        with self._engine.connect() as conn:
            return {
                table.name: int(
                    conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                )
                for table in (schema.events, schema.submissions, schema.observations)
            }

    def __iter__(self) -> Iterator[TaskEvent]:
        return iter(self.events())
