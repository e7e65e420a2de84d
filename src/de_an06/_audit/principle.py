""" "5 rõ": each task against "rõ người, rõ tiến độ, rõ kết quả", each verdict with why.

"rõ kết quả" is judged by the product the task names — a ratio, a count, a document, a
system, a report, a data set (`words.PRODUCTS`) — not by a keyword alone: a task whose
words are activities only ("quán triệt", "tuyên truyền") names nothing a reader can check.
"""

from __future__ import annotations

from typing import final

import attrs

from .._text import join_lines
from ..task import Role, Task
from .context import Context
from .words import ACTIVITY_WORDS, PRODUCTS

__all__ = ["PrincipleCheck", "principle_checks"]

_KINDS = {
    "ratio": ("tỷ lệ", "a ratio"),
    "count": ("số lượng", "a count"),
    "document": ("văn bản", "a document"),
    "system": ("hệ thống, sản phẩm", "a system or product"),
    "report": ("báo cáo", "a report"),
    "data": ("dữ liệu", "a data set"),
}


@final
@attrs.frozen(kw_only=True)
class PrincipleCheck:
    """One task against "rõ người, rõ tiến độ, rõ kết quả" (section I.3).

    Attributes:
        task: the task's code.
        clear_lead, clear_deadline, clear_result: the three verdicts.
        why: the reason for each verdict (lead, deadline, result), in English.
        why_vi: the same in Vietnamese.
        product: the words naming the task's product ("" if none).
    """

    task: str
    clear_lead: bool
    clear_deadline: bool
    clear_result: bool
    why: tuple[str, ...] = ()
    why_vi: tuple[str, ...] = ()
    product: str = ""

    @property
    def clear(self) -> bool:
        """All three hold."""
        return self.clear_lead and self.clear_deadline and self.clear_result

    def reasons(self, lang: str) -> tuple[str, ...]:
        """The reasons for the three verdicts in *lang* (``"vi"`` or ``"en"``)."""
        return self.why if lang == "en" else self.why_vi


def principle_checks(ctx: Context) -> tuple[PrincipleCheck, ...]:
    """Each task of the plan checked for a clear lead, deadline and result."""
    return tuple(_check(ctx, task) for task in ctx.plan.tasks)


def _check(ctx: Context, task: Task) -> PrincipleCheck:
    lead, lead_vi, lead_en = _lead(ctx, task)
    deadline = task.deadline.due_date() is not None or task.deadline.ongoing
    if task.deadline.due_date() is not None:
        due = f"{task.deadline.due_date():%d/%m/%Y}"
        dl_vi, dl_en = f"hạn {due}", f"due {due}"
    elif task.deadline.ongoing:
        dl_vi, dl_en = "thực hiện thường xuyên", "ongoing work"
    else:
        dl_vi, dl_en = (
            f"không xác định được ngày: “{task.deadline.text}”",
            f"no date can be known: “{task.deadline.text}”",
        )
    kind, product = _product(join_lines(task.text))
    if kind:
        vi, en = _KINDS[kind]
        res_vi, res_en = f"nêu {vi}: “{product}”", f"names {en}: “{product}”"
    else:
        activity = ACTIVITY_WORDS.search(task.text)
        said = f" (“{activity[0]}”)" if activity else ""
        res_vi = f"chỉ nêu hoạt động{said}, không nêu sản phẩm kiểm tra được"
        res_en = f"names activities only{said}, no product a reader can check"
    return PrincipleCheck(
        task=task.code,
        clear_lead=lead,
        clear_deadline=deadline,
        clear_result=bool(kind),
        why=(lead_en, dl_en, res_en),
        why_vi=(lead_vi, dl_vi, res_vi),
        product=product,
    )


def _lead(ctx: Context, task: Task) -> tuple[bool, str, str]:
    leads = task.agencies_in(Role.LEAD)
    lines = [line for line in task.roles if any(a.role is Role.LEAD for a in line.assignments)]
    if not leads:
        return False, "không có cơ quan chủ trì", "no lead agency"
    if len(lines) > 1:
        return False, "chủ trì nêu ở nhiều dòng", "the lead is given on several lines"
    open_leads = [m.text for m in leads if ctx.is_open(m.agency)]
    if open_leads:
        return (
            False,
            f"chủ trì là nhóm mở: “{open_leads[0]}”",
            f"the lead is an open group: “{open_leads[0]}”",
        )
    names = ", ".join(m.text for m in leads)
    return True, f"chủ trì: {names}", f"led by {names}"


def _product(text: str) -> tuple[str, str]:
    """The first product *text* names, by kind, with its words; ("", "") if none."""
    for kind, pattern in PRODUCTS:
        match = pattern.search(text)
        if match:
            return kind, " ".join(match[0].split())
    return "", ""
