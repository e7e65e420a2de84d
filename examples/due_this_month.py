"""Print what a plan has due in a month, with each due date's working-day status.

Change MONTH to look at another month of the bundled Sơn La 2024 plan. A due date on a
non-working day is shown kept, moved forward (Civil Code art. 148(5)) and moved back; a
"trước ngày X" deadline never moves onto or past X.
"""

from __future__ import annotations

import calendar
from datetime import date

import de_an06

MONTH = "2024-06"


def main(month: str = MONTH) -> None:
    year, number = (int(part) for part in month.split("-"))
    first = date(year, number, 1)
    last = date(year, number, calendar.monthrange(year, number)[1])
    plan = de_an06.load_plan("son-la-2024")
    due = de_an06.tasks_due_between(plan, first, last)
    print(f"{plan.id}: {len(due)} task(s) due {first:%d/%m/%Y}–{last:%d/%m/%Y}")
    for item in due:
        assert item.due is not None  # every task due in a range has a date
        forward = de_an06.shifted_due(item.task.deadline, de_an06.DuePolicy.FORWARD)
        back = de_an06.shifted_due(item.task.deadline, de_an06.DuePolicy.BACK)
        status = (
            "working day"
            if de_an06.is_working_day(item.due)
            else f"day off → forward {forward:%d/%m}, back {back:%d/%m}"
        )
        print(f"  {item.code:>5}  {item.due:%d/%m/%Y} ({status})  {item.task.deadline.text}")
    overdue = de_an06.overdue_tasks(plan, last)
    print(f"overdue at {last:%d/%m/%Y}: {', '.join(t.code for t in overdue) or 'none'}")


if __name__ == "__main__":
    main()
