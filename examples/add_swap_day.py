"""Add a day off the bundled calendar does not know, from your own cited overlay file.

The government (or a province) sometimes swaps working days after a release of the
``holidays`` package. Write the swap in an overlay file — same format as
``de_an06/calendars/vietnam.json`` — and lay it on top of the bundled calendar.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import de_an06

# A hypothetical swap, for the example: Thursday 31/12/2026 off (a four-day New Year break),
# made up on Saturday 09/01/2027.
OVERLAY = {
    "format": "de_an06.calendar-overlay/1",
    "title": "Ngày nghỉ hoán đổi của tỉnh (ví dụ)",
    "entries": [
        {
            "date": "2026-12-31",
            "kind": "day_off",
            "name": "Nghỉ hoán đổi dịp Tết Dương lịch 2027 (ví dụ)",
            "source": "Công văn số …/VPCP-KGVX (ví dụ)",
            "confidence": "U",
        },
        {
            "date": "2027-01-09",
            "kind": "working_day",
            "name": "Làm bù cho ngày 31/12/2026 (ví dụ)",
            "source": "Công văn số …/VPCP-KGVX (ví dụ)",
            "confidence": "U",
        },
    ],
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "my-swaps.json"
        path.write_text(json.dumps(OVERLAY, ensure_ascii=False, indent=2), encoding="utf-8")
        mine = de_an06.WorkingCalendar.from_files(path)
    bundled = de_an06.WorkingCalendar()
    for day in (date(2026, 12, 31), date(2027, 1, 9)):
        print(f"{day:%a %d/%m/%Y}: bundled {bundled.reason(day)!r}; mine {mine.reason(day)!r}")
    start = date(2026, 12, 30)
    for n in (3, 6):
        print(
            f"{n} working days after {start:%d/%m/%Y}: "
            f"bundled {bundled.add_working_days(start, n):%d/%m/%Y}, "
            f"mine {mine.add_working_days(start, n):%d/%m/%Y}"
        )


if __name__ == "__main__":
    main()
