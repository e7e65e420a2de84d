"""Bulk import of 2.1M observation rows into the ledger against the database's own bulk
loader, on the same rows in the same run (issue #15: ratio ≤ 2× on each).

* SQLite: `Ledger.add_submission(item, rows)` (the driver's ``executemany`` in batches of
  100,000 tuples, one transaction) against the ``sqlite3`` shell's ``.import --csv`` of
  the same rows as a CSV file, into a table of the same columns and index.
* PostgreSQL (``--pg URL``, an empty database): the same store call (psycopg ``COPY …
  FROM STDIN`` in text blocks) against ``psql``'s ``\\copy observation_rows … FROM 'file'
  CSV`` into the ledger's own table (same index, same foreign key to ``submissions``:
  PostgreSQL checks it row by row on both sides), emptied before each run.

The rows are `gen_observations.columns()` (3,321 communes × 53 services × 12 months);
building the `ObservationRow` objects is timed apart (it is the caller's work, not the
store's). Run by hand, not in the tests:

    python benchmarks/bench_ledger_import.py [--pg postgresql://…] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from gen_observations import YEAR, columns, commune_key

from de_an06.ledger import Ledger, ObservationRow, Submission
from de_an06.ledger.store import now_utc

DDL = """CREATE TABLE observation_rows_base (
    submission INTEGER NOT NULL, indicator VARCHAR(64) NOT NULL, unit VARCHAR(200) NOT NULL,
    period VARCHAR(16) NOT NULL, numerator BIGINT NOT NULL, denominator BIGINT);
CREATE INDEX ix_base_submission ON observation_rows_base (submission);"""


def rows_of() -> list[tuple[int, str, str, str, int, int]]:
    cols = columns()
    units = [commune_key(i) for i in range(int(cols["commune"].max()) + 1)]
    return [
        (1, f"II.1.online.s{s:02d}", units[c], f"{YEAR}{m:02d}", int(o), int(t))
        for c, s, m, o, t in zip(
            cols["commune"].tolist(),
            cols["service"].tolist(),
            cols["month"].tolist(),
            cols["online"].tolist(),
            cols["total"].tolist(),
            strict=True,
        )
    ]


def store_once(db: str, rows: list[ObservationRow]) -> float:
    item = Submission(agency="bench", period=f"{YEAR}12", submitted_on=date(YEAR, 12, 10),
                      recorded_at=now_utc(), source="bench")  # fmt: skip
    with Ledger.open(db) as ledger:
        start = time.perf_counter()
        ledger.add_submission(item, rows)
        seconds = time.perf_counter() - start
        assert len(ledger.observation_rows()) >= len(rows)
    return seconds


def sqlite_import_once(folder: Path, csv_path: Path) -> float:
    db = folder / "base.db"
    db.unlink(missing_ok=True)
    subprocess.run(["sqlite3", str(db)], input=DDL, text=True, check=True)
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db), f".import --csv {csv_path} observation_rows_base"],
                   check=True)  # fmt: skip
    return time.perf_counter() - start


def _psql(url: str, command: str) -> None:
    psql_url = url.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run(["psql", "-q", psql_url, "-c", command], check=True, capture_output=True)


def _pg_empty(url: str) -> None:
    """An empty ledger whose one submission has id 1 (the CSV's submission column)."""
    with Ledger.open(url):
        pass
    _psql(url, "TRUNCATE observation_rows, submissions RESTART IDENTITY CASCADE")


def pg_copy_once(url: str, csv_path: Path) -> float:
    _pg_empty(url)
    item = Submission(agency="bench", period=f"{YEAR}12", submitted_on=date(YEAR, 12, 10),
                      recorded_at=now_utc(), source="bench")  # fmt: skip
    with Ledger.open(url) as ledger:
        assert ledger.add_submission(item) == 1
    names = "submission, indicator, unit, period, numerator, denominator"
    start = time.perf_counter()
    _psql(url, f"\\copy observation_rows ({names}) FROM '{csv_path}' CSV")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", help="a PostgreSQL URL (an empty database) to time too")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        raise SystemExit("the sqlite3 shell is needed: apt-get install sqlite3")
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-import-"))
    plain = rows_of()
    csv_path = folder / "rows.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(plain)
    start = time.perf_counter()
    rows = [ObservationRow(submission=0, indicator=i, unit=u, period=p, numerator=n,
                           denominator=d) for _, i, u, p, n, d in plain]  # fmt: skip
    build = time.perf_counter() - start
    size = csv_path.stat().st_size / 1e6
    print(f"rows: {len(rows):,}; CSV {size:.0f} MB; building the ObservationRow objects: "
          f"{build * 1000:,.0f} ms (not in the ratios)")  # fmt: skip
    backends = [("SQLite", lambda i: str(folder / f"ledger{i}.db"),
                 lambda: sqlite_import_once(folder, csv_path), "sqlite3 .import")]  # fmt: skip
    if args.pg:
        backends.append(("PostgreSQL", lambda _i: args.pg,
                         lambda: pg_copy_once(args.pg, csv_path), "psql \\copy"))  # fmt: skip
    for name, where, baseline, label in backends:
        ours, theirs = [], []
        for i in range(args.repeat):  # round-robin: one of each per round
            theirs.append(baseline())
            if name == "PostgreSQL":
                _pg_empty(args.pg)
            ours.append(store_once(where(i), rows))
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{name}: Ledger.add_submission {a * 1000:,.0f} ms; {label} {b * 1000:,.0f} ms; "
              f"ratio {a / b:.2f}× (goal ≤ 2×; medians of {args.repeat})")  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
