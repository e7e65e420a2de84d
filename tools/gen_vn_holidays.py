"""Writes ``src/de_an06/calendars/vn-public-holidays.json`` from the ``holidays`` package.

    .venv/bin/python tools/gen_vn_holidays.py          # rewrite the shipped table
    .venv/bin/python tools/gen_vn_holidays.py --check  # exit 1 if it differs (CI, tests)

The table is what ``holidays.country_holidays("VN", years=Y, language="vi")`` says for every
year of `FIRST_YEAR`–`LAST_YEAR` (the years ``holidays`` covers for Vietnam), so that
``de_an06`` need not import ``holidays`` (302 modules, about 2× the start-up of
``import attrs, cattrs``) for those years. ``tests/test_holiday_table.py`` checks that the
shipped file equals this script's output, so a new ``holidays`` release that adds swap days
fails the tests until the table is regenerated.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIRST_YEAR = 1901
LAST_YEAR = 2100
FORMAT = "de_an06.vn-public-holidays/1"
TARGET = Path(__file__).resolve().parent.parent / "src/de_an06/calendars/vn-public-holidays.json"


def table_text() -> str:
    """The file's text: names once, then per year ``[month, day, name index]`` rows."""
    import holidays

    names: dict[str, int] = {}
    years: dict[str, list[list[int]]] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        days = holidays.country_holidays("VN", years=year, language="vi")
        rows = []
        for day, name in sorted(days.items()):
            if day.year == year:
                rows.append([day.month, day.day, names.setdefault(str(name), len(names))])
        years[str(year)] = rows
    data = {
        "format": FORMAT,
        "source": f'holidays {holidays.__version__}: country_holidays("VN", language="vi")',
        "generator": "tools/gen_vn_holidays.py",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "names": list(names),
        "years": years,
    }
    lines = [json.dumps({k: v for k, v in data.items() if k != "years"}, ensure_ascii=False)[:-1]]
    body = ",\n".join(f'  "{year}": {json.dumps(rows)}' for year, rows in years.items())
    return lines[0] + ',\n "years": {\n' + body + "\n }\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    text = table_text()
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET.name} differs: rerun without --check")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.name} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
