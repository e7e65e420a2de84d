"""Print the embedded Sơn La 2024 plan: its decision, task groups and deadlines."""

from __future__ import annotations

import de_an06


def main() -> None:
    plan = de_an06.load_plan("son-la-2024")
    decision = plan.decision
    print(f"{plan.title}")
    print(f"{decision.number} ngày {decision.date:%d/%m/%Y}, {decision.issuer}")
    for group in plan.task_groups:
        print(f"\n{group.number}. {group.title}")
        for task in group.tasks:
            due = task.deadline.due_date()
            when = f"hạn {due:%d/%m/%Y}" if due else task.deadline.text
            print(f"  {task.code}: {when}")


if __name__ == "__main__":
    main()
