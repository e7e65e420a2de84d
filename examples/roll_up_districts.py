"""Roll district counts up to the province, and the 2025 structure's communes likewise.

The first part rolls the sample counts of ``data/son-la-2024-counts.csv`` up the plan's
own hierarchy (districts → Tỉnh Sơn La). The second gives a hierarchy as data — communes
straight under the province, as from 01/07/2025 — and rolls their counts up that one.
"""

from __future__ import annotations

from pathlib import Path

import de_an06
from de_an06.achievement import format_percent
from de_an06.observations import Observations
from de_an06.rollup import Hierarchy, roll_up

DATA = Path(__file__).parent / "data" / "son-la-2024-counts.csv"


def show(title: str, results: tuple[de_an06.achievement.Achievement, ...]) -> None:
    print(title)
    for a in results:
        ratio = a.ratio
        percent = "no data" if ratio is None else format_percent(ratio)
        print(
            f"  {a.indicator:7} {a.unit_name:22} {a.period:7} {a.ratio_text:>14} "
            f"{percent:>8}  {a.status.value:8} ({a.method.value if a.method else 'own'}, "
            f"{a.units_with_data}/{a.units} units with data)"
        )


def main() -> None:
    plan = de_an06.load_plan("son-la-2024")
    observations = Observations.from_csv(DATA, plan)
    show("Districts → province, 2024:", roll_up(plan, observations, period="2024").achievements())

    # From 01/07/2025 communes sit straight under the province: the hierarchy is data.
    province = Hierarchy.from_plan(plan).lookup("Tỉnh Sơn La")[0].key
    names = {"to-hieu": "Phường Tô Hiệu", "chieng-mung-2025": "Xã Chiềng Mung"}
    tree = Hierarchy.from_mapping(dict.fromkeys(names, province), names=names)
    rows = [
        {"indicator": "II.5.b", "unit": name, "period": "202507", "numerator": n, "denominator": d}
        for name, n, d in (("Phường Tô Hiệu", 9120, 10400), ("xã Chiềng Mung", 3010, 5200))
    ]
    counts = Observations.from_records(rows, plan, hierarchy=tree)
    show("Communes → province, 07/2025:", roll_up(plan, counts, hierarchy=tree).achievements())


if __name__ == "__main__":
    main()
