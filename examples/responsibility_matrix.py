"""The responsibility matrix of Sơn La 2024: workload per body and tasks without one lead.

Set OUTPUT to a path to also write the agencies × tasks grid as CSV (UTF-8 with BOM, for
Excel); the command line does the same: de-an06 matrix --format csv -o matrix.csv
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import de_an06

OUTPUT: str | None = None


def main(output: str | None = OUTPUT) -> None:
    plan = de_an06.load_plan("son-la-2024")
    matrix = de_an06.responsibility_matrix(plan)
    as_of = date(2024, 6, 30)
    print(f"Workload on {as_of:%d/%m/%Y} (tasks: lead/coordinate/monitor/advise/implement):")
    for row in matrix.workload(as_of, within=de_an06.DEFAULT_WITHIN)[:8]:
        roles = f"{row.lead}/{row.coordinate}/{row.monitor}/{row.advise}/{row.implement}"
        print(f"  {row.tasks:>2} {roles:<12} overdue {row.overdue:>2}  {row.name}")

    issues = matrix.lead_issues()
    print(f"\n{len(issues)} tasks without exactly one lead:")
    for issue in issues:
        print(f"  {issue.task:<5} {issue.reason}")

    if output:
        Path(output).write_text(matrix.to_csv(), encoding="utf-8", newline="")
        print(f"\nwrote {output}")


if __name__ == "__main__":
    main()
