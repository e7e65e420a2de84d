"""Import a plan's text into a draft plan, then list its tasks and the warnings to review.

The small plan below is written in the style of another province's text. For a file, use
``de_an06.import_file("ke-hoach.txt")`` (or ``de-an06 import ke-hoach.txt -o plan.json``).
"""

from __future__ import annotations

import de_an06

SAMPLE = """\
ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 45/KH-UBND
Kon Tum, ngày 05 tháng 02 năm 2025
KẾ HOẠCH
TRIỂN KHAI ĐỀ ÁN 06/CP NĂM 2025
III. NHIỆM VỤ, GIẢI PHÁP
1. Dữ liệu dân cư
a) Làm sạch dữ liệu dân cư bảo đảm "đúng, đủ, sạch, sống".
- Đơn vị chủ trì: Công an tỉnh.
- Đơn vị phối hợp: UBND các huyện, thành phố.
- Thời hạn hoàn thành: Thường xuyên.
b) Số hóa dữ liệu hộ tịch còn lại.
- Cơ quan thực hiện: Sở Tư pháp.
- Thời hạn hoàn thành: Quý III/2025.
"""


def main() -> None:
    result = de_an06.import_text(SAMPLE, source="sample")
    plan = result.plan
    print(f"{plan.title} ({plan.id}), {plan.decision.number}")
    for task in plan.tasks:
        due = task.deadline.due_date()
        when = f"hạn {due:%d/%m/%Y}" if due else task.deadline.text
        leads = task.agencies_in(de_an06.Role.LEAD) or task.agencies_in(de_an06.Role.IMPLEMENT)
        print(f"  {task.code}: {', '.join(m.text for m in leads)} — {when}")
    print(f"\n{len(result.warnings)} warnings to review:")
    for warning in result.warnings:
        print(f"  {warning}")


if __name__ == "__main__":
    main()
