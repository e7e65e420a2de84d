"""A ledger of twelve months of counts, and the early warning read from it (#20).

The counts are the invented example file `data/son-la-2024-monthly.csv` (made up but
plausible, see docs/howto-early-warning.md). Each unit's monthly report lands in a SQLite
ledger as a submission with its observation rows, received on the period's due day; then
`de-an06 trajectory --db` judges every indicator × unit from what the ledger holds on
30/06/2024. Run it from anywhere: the ledger is written to a temporary folder.
"""

import csv
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from de_an06 import (
    ObservationRow,
    ReportingPeriod,
    Submission,
    load_plan,
    open_ledger,
    resolve_agency,
)
from de_an06.cli import main

COUNTS = Path(__file__).parent / "data" / "son-la-2024-monthly.csv"
plan = load_plan("son-la-2024")

# One report per unit and month: the unit's People's Committee (or the body itself) sends it.
reports: dict[tuple[str, str], list[ObservationRow]] = defaultdict(list)
with COUNTS.open(encoding="utf-8") as counts:
    for row in csv.DictReader(counts):
        sender = row["unit"] if row["unit"] == "Công an tỉnh" else f"UBND {row['unit']}"
        rows = reports[resolve_agency(plan, sender).key, row["period"]]
        rows.append(
            ObservationRow(
                submission=0,
                indicator=row["indicator"],
                unit=row["unit"],
                period=row["period"],
                numerator=int(row["numerator"]),
                denominator=int(row["denominator"]),
            )
        )

with tempfile.TemporaryDirectory() as folder:
    db = str(Path(folder) / "so-lieu-2024.db")
    with open_ledger(db) as ledger:
        for (agency, period), rows in sorted(reports.items()):
            due = ReportingPeriod.from_id(period).end  # the last day of the NĐ 09 window
            submission = Submission(
                agency=agency,
                period=period,
                submitted_on=due,
                recorded_at=datetime.now(UTC),
                recorded_by="examples/monthly_ledger.py",
                source=f"{COUNTS.name}",
            )
            ledger.add_submission(submission, rows)
    print(f"{len(reports)} monthly reports recorded in the ledger")
    main(["trajectory", "--db", db, "--as-of", "2024-06-30"])
