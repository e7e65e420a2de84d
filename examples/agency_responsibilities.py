"""What does one agency have to do? Look it up as you would type it, then follow the reform.

Change NAME to any spelling: "Sở TT&TT", "so thong tin va truyen thong", "UBND tp Sơn La".
"""

from __future__ import annotations

from datetime import date

import de_an06
from de_an06 import Role

NAME = "so tt&tt"


def main(name: str = NAME) -> None:
    plan = de_an06.load_plan("son-la-2024")
    agency = de_an06.resolve_agency(plan, name)  # any case, diacritics or abbreviation
    matrix = de_an06.responsibility_matrix(plan, expand=True)  # group tasks count for members too
    print(f"{agency.name} [{agency.key}] in {plan.decision.number}:")
    for role in Role:
        codes = matrix.tasks_for(agency.key, role)
        if codes:
            print(f"  {role.value:<10} {len(codes):>2}  {', '.join(codes)}")

    day = date(2026, 1, 1)
    later = de_an06.responsibility_matrix(plan, expand=True, as_of=day)
    holder = later.key_of(agency.key)
    print(f"\nOn {day:%d/%m/%Y} this work is held by: {later.row(holder).name}")
    holds = later.chains_text(holder)
    if holds:
        print(f"  {holds}")


if __name__ == "__main__":
    main()
