"""Evaluate counts against the embedded Sơn La 2024 targets: who meets them, who is short.

Reads ``data/son-la-2024-counts.csv`` (indicator, unit, period, numerator, denominator),
combines the reports of 2024 up to 30/06/2024 (flows summed, stocks the latest) and prints
each indicator per unit with the target that applies and the shortfall.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import de_an06
from de_an06.achievement import Status, evaluate, format_percent
from de_an06.observations import Observations

DATA = Path(__file__).parent / "data" / "son-la-2024-counts.csv"


def main() -> None:
    plan = de_an06.load_plan("son-la-2024")
    observations = Observations.from_csv(DATA, plan)
    for a in evaluate(plan, observations, as_of=date(2024, 6, 30)):
        ratio = a.ratio
        percent = "không có số liệu" if ratio is None else format_percent(ratio, locale="vi")
        target = "—" if a.target is None else a.target.text or str(a.target.value)
        line = f"{a.indicator:7} {a.unit_name:18} {a.ratio_text:>13} {percent:>17}  {target}"
        if a.status is Status.NOT_MET:
            line += f"  → thiếu {a.shortfall}"
        print(line)


if __name__ == "__main__":
    main()
