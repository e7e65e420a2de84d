"""The monthly progress report: one document from a plan, a date and (optionally) counts.

>>> from datetime import date
>>> from de_an06 import build_report, load_plan
>>> report = build_report(load_plan("son-la-2024"), as_of=date(2024, 6, 30))
>>> report.to_markdown().splitlines()[0]
'# Báo cáo tiến độ thực hiện Kế hoạch triển khai thực hiện Đề án 06/CP trên địa bàn tỉnh năm 2024'

Sections: the plan in brief and the reporting period the date falls in; deadlines (overdue,
due soon, ongoing, undetermined) with a timeline; the workload of each agency; indicators
against their targets; the annex of public services; the audit findings. A section without
data says so instead of disappearing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Literal, final

import attrs

from .._text import fraction_text
from ..auditing import audit
from ..indicator import Indicator, Target, Unit
from ..matrix import responsibility_matrix
from ..plan import Plan
from ..reporting import Frequency
from ..schedule import (
    DueTask,
    due_status,
    ongoing_tasks,
    overdue_tasks,
    tasks_due_within,
    undetermined_tasks,
)
from ..task import Role, Task
from .document import (
    Block,
    Heading,
    Milestone,
    Paragraph,
    Table,
    Timeline,
    render_html,
    render_markdown,
)

__all__ = ["Labels", "Language", "Report", "build_report"]

Language = Literal["vi", "en"]
"""The report's language: Vietnamese (the default) or English."""


class Labels:
    """The report's words in one language; ``labels["key"]`` reads one.

    >>> Labels("en")["annex"]
    '5. Essential public services'
    """

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self._words = {key: pair[0 if lang == "vi" else 1] for key, pair in _WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._words[key]


# (Vietnamese, English) for every label the report prints.
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Báo cáo tiến độ thực hiện", "Progress report on"),
    "as_of": ("Số liệu tính đến ngày", "As of"),
    "brief": ("1. Tóm tắt kế hoạch", "1. The plan in brief"),
    "decision": ("Quyết định", "Decision"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "year": ("Năm kế hoạch", "Plan year"),
    "groups": ("Nhóm nhiệm vụ", "Task groups"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "indicators": ("Chỉ tiêu", "Indicators"),
    "agencies": ("Cơ quan", "Agencies"),
    "services": ("Dịch vụ công (phụ lục)", "Public services (annex)"),
    "item": ("Mục", "Item"),
    "value": ("Giá trị", "Value"),
    "period": ("Kỳ báo cáo", "Reporting period"),
    "period_text": (
        "Ngày {day} thuộc kỳ báo cáo tháng {id} (chốt số liệu từ {start} đến {end}, "
        "theo Điều 12 Nghị định 09/2019/NĐ-CP); hạn gửi báo cáo: {due}.",
        "{day} falls in the monthly reporting period {id} (data cut-off {start} to {end}, "
        "Decree 09/2019/NĐ-CP art. 12); the report is due by {due}.",
    ),
    "next_due": (
        "Báo cáo kế tiếp phải gửi: kỳ {id}, hạn {due}.",
        "Next report due: period {id}, by {due}.",
    ),
    "no_regime": (
        "Kế hoạch không quy định chế độ báo cáo định kỳ.",
        "The plan sets no periodic reporting regime.",
    ),
    "deadlines": ("2. Tiến độ nhiệm vụ", "2. Deadlines"),
    "overdue": ("Quá hạn", "Overdue"),
    "past_due": ("Đã qua hạn (chưa rõ đã hoàn thành hay chưa)", "Past due (completion unknown)"),
    "unknown": (
        "Chưa có sổ theo dõi tiến độ (--db): chưa biết nhiệm vụ nào đã hoàn thành. Các "
        "nhiệm vụ dưới đây đã qua hạn theo kế hoạch; đó chưa phải là nhiệm vụ chậm tiến độ.",
        "No progress ledger (--db): which tasks were done is unknown. The tasks below are "
        "past their planned due day; that alone does not make them late.",
    ),
    "due_soon": ("Đến hạn trong {n} ngày tới", "Due in the next {n} days"),
    "ongoing": ("Thực hiện thường xuyên", "Ongoing"),
    "undetermined": ("Chưa xác định được thời hạn", "No date can be known"),
    "none": ("Không có.", "None."),
    "code": ("Mã", "Task"),
    "lead": ("Cơ quan chủ trì", "Lead agency"),
    "deadline": ("Thời hạn (nguyên văn)", "Deadline (as written)"),
    "due": ("Hạn", "Due"),
    "implementing": ("(thực hiện)", "(implementing)"),
    "timeline": ("Mốc thời hạn các nhiệm vụ", "Task deadlines"),
    "upcoming": ("Sắp tới", "Upcoming"),
    "responsibilities": ("3. Phân công trách nhiệm", "3. Responsibilities"),
    "workload_text": (
        "Số nhiệm vụ mỗi cơ quan chủ trì, phối hợp, theo dõi, tham mưu, thực hiện và tình "
        "trạng thời hạn tính đến ngày {day}.",
        "Tasks each agency leads, coordinates, monitors, advises on and implements, with "
        "their deadline status on {day}.",
    ),
    "agency": ("Cơ quan", "Agency"),
    "r_lead": ("Chủ trì", "Lead"),
    "r_coordinate": ("Phối hợp", "Coord."),
    "r_monitor": ("Theo dõi", "Monitor"),
    "r_advise": ("Tham mưu", "Advise"),
    "r_implement": ("Thực hiện", "Impl."),
    "s_overdue": ("Quá hạn", "Overdue"),
    "s_soon": ("Sắp đến hạn", "Due soon"),
    "open_group": ("nhóm mở", "open group"),
    "group": ("nhóm", "group"),
    "targets": ("4. Chỉ tiêu", "4. Indicators"),
    "target": ("Mục tiêu", "Target"),
    "overrides": ("Mục tiêu riêng", "Overrides"),
    "qualitative": ("định tính", "qualitative"),
    "no_observations": (
        "Chưa có số liệu: các chỉ tiêu dưới đây chưa được đánh giá.",
        "No data: the indicators below are not evaluated.",
    ),
    "annex": ("5. Dịch vụ công thiết yếu", "5. Essential public services"),
    "no_counts": (
        "Chưa có số liệu hồ sơ của các dịch vụ công.",
        "No dossier counts for the public services.",
    ),
    "audit": ("6. Rà soát kế hoạch", "6. Plan audit"),
    "severity": ("Mức", "Severity"),
    "where": ("Vị trí", "Where"),
    "finding": ("Nội dung", "Finding"),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("thông tin", "info"),
}


@final
@attrs.frozen(kw_only=True)
class Report:
    """A built report: its title, blocks and language; render with ``to_markdown``/``to_html``."""

    title: str
    blocks: tuple[Block, ...]
    lang: Language

    def to_markdown(self) -> str:
        """The report as Markdown."""
        return render_markdown(self.blocks)

    def to_html(self) -> str:
        """The report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
        return render_html(self.blocks, title=self.title, lang=self.lang)


def build_report(
    plan: Plan,
    *,
    as_of: date,
    lang: Language = "vi",
    soon_days: int = 30,
    completed: Mapping[str, date] | None = None,
    indicator_section: Sequence[Block] | None = None,
    annex_section: Sequence[Block] | None = None,
    progress_section: Sequence[Block] | None = None,
) -> Report:
    """The progress report of *plan* on *as_of*.

    *indicator_section* and *annex_section* are those sections' blocks, made from observed
    counts by `de_an06.report.indicator_section` and `de_an06.report.annex_section` (or
    any blocks of your own); without them the report lists the targets and says there is
    no data. ``de-an06 report --observations FILE`` is::

        obs = [Observations.from_csv(FILE, plan)]
        build_report(plan, as_of=day, lang=lang,
                     indicator_section=indicator_section(plan, obs, as_of=day, lang=lang),
                     annex_section=annex_section(plan, obs, as_of=day, lang=lang))

    *progress_section* comes from the ledger (`de_an06.report.progress_section`), with
    *completed* from its task states (`completed_from`); without either, the report says
    that completion is unknown rather than calling past-due tasks overdue.
    """
    words = Labels(lang)
    title = f"{words['title']} {plan.title}"
    blocks: list[Block] = [Heading(1, title), Paragraph(f"{words['as_of']} {_d(as_of)}.")]
    blocks += _brief(plan, as_of, words)
    blocks += _deadlines(plan, as_of, words, soon_days, completed)
    if progress_section is not None:
        blocks += progress_section
    blocks += _responsibilities(plan, as_of, words, soon_days)
    blocks += _targets_only(plan, words) if indicator_section is None else indicator_section
    blocks += _no_counts(words) if annex_section is None else annex_section
    blocks += _audit(plan, words)
    return Report(title=title, blocks=tuple(blocks), lang=lang)


def _d(day: date | None) -> str:
    return "—" if day is None else f"{day:%d/%m/%Y}"


def _brief(plan: Plan, as_of: date, words: Labels) -> list[Block]:
    decision = plan.decision
    services = 0 if plan.annex is None else sum(1 for _ in plan.annex.leaves())
    rows = (
        (words["decision"], f"{decision.number} ({_d(decision.date)})"),
        (words["issuer"], decision.issuer),
        (words["year"], str(plan.year)),
        (words["groups"], str(len(plan.task_groups))),
        (words["tasks"], str(len(plan.tasks))),
        (words["indicators"], str(len(plan.indicators))),
        (words["agencies"], str(len(plan.agencies))),
        (words["services"], str(services)),
    )
    blocks: list[Block] = [Heading(2, words["brief"]), Table((words["item"], words["value"]), rows)]
    blocks.append(Heading(3, words["period"]))
    regime = plan.reporting
    if regime is None or Frequency.MONTHLY not in regime.frequencies():
        blocks.append(Paragraph(words["no_regime"]))
        return blocks
    period = regime.period_containing(as_of, Frequency.MONTHLY)
    blocks.append(
        Paragraph(
            words["period_text"].format(
                day=_d(as_of),
                id=period.id,
                start=_d(period.start),
                end=_d(period.end),
                due=_d(period.due),
            )
        )
    )
    following = regime.next_due(as_of)
    if following is not None and following.id != period.id:
        blocks.append(Paragraph(words["next_due"].format(id=following.id, due=_d(following.due))))
    return blocks


def _lead_text(task: Task, words: Labels) -> str:
    leads = task.agencies_in(Role.LEAD)
    if leads:
        return "; ".join(m.text for m in leads)
    implementers = task.agencies_in(Role.IMPLEMENT)
    return "; ".join(m.text for m in implementers) + f" {words['implementing']}"


def _task_table(items: Sequence[DueTask], words: Labels) -> Block:
    if not items:
        return Paragraph(words["none"])
    rows = tuple(
        (i.code, _lead_text(i.task, words), i.task.deadline.text, _d(i.due)) for i in items
    )
    return Table((words["code"], words["lead"], words["deadline"], words["due"]), rows)


def _deadlines(
    plan: Plan, as_of: date, words: Labels, soon_days: int, completed: Mapping[str, date] | None
) -> list[Block]:
    overdue = overdue_tasks(plan, as_of, completed=completed)
    soon = tasks_due_within(plan, as_of, soon_days, completed=completed)
    blocks: list[Block] = [Heading(2, words["deadlines"])]
    unknown = completed is None  # no ledger, no list: nobody knows what was done
    if unknown:
        blocks.append(Paragraph(words["unknown"]))
    for label, items in (
        (words["past_due"] if unknown else words["overdue"], overdue),
        (words["due_soon"].format(n=soon_days), soon),
        (words["ongoing"], ongoing_tasks(plan)),
        (words["undetermined"], undetermined_tasks(plan)),
    ):
        blocks += [Heading(3, f"{label} ({len(items)})"), _task_table(items, words)]
    blocks.append(_timeline(plan, as_of, words, soon_days, {i.code for i in overdue}))
    return blocks


def _timeline(
    plan: Plan, as_of: date, words: Labels, soon_days: int, overdue: set[str]
) -> Timeline:
    start, end = date(plan.year, 1, 1), date(plan.year, 12, 31)
    milestones = []
    for task in plan.tasks:
        due = task.deadline.due_date()
        if due is None:
            continue
        status = due_status(task, as_of, timedelta(days=soon_days)).value
        if status == "overdue" and task.code not in overdue:
            status = "done"  # past its date but reported completed
        elif status == "later":
            status = "upcoming"
        milestones.append(Milestone(label=task.code, day=due, status=status))
        start, end = min(start, due), max(end, due)
    legend = (
        ("overdue", words["overdue"]),
        ("due_soon", words["s_soon"]),
        ("upcoming", words["upcoming"]),
    )
    return Timeline(
        title=words["timeline"],
        start=start,
        end=end,
        today=as_of,
        milestones=tuple(milestones),
        legend=legend,
    )


def _responsibilities(plan: Plan, as_of: date, words: Labels, soon_days: int) -> list[Block]:
    rows = responsibility_matrix(plan).workload(as_of, timedelta(days=soon_days))
    kinds = {"group": f" ({words['group']})", "open_group": f" ({words['open_group']})"}
    table = Table(
        (
            words["agency"],
            words["r_lead"],
            words["r_coordinate"],
            words["r_monitor"],
            words["r_advise"],
            words["r_implement"],
            words["tasks"],
            words["s_overdue"],
            words["s_soon"],
        ),
        tuple(
            (
                r.name + kinds.get(r.kind.value, ""),
                str(r.lead),
                str(r.coordinate),
                str(r.monitor),
                str(r.advise),
                str(r.implement),
                str(r.tasks),
                str(r.overdue),
                str(r.due_soon),
            )
            for r in rows
        ),
        numeric=frozenset(range(1, 9)),
    )
    return [
        Heading(2, words["responsibilities"]),
        Paragraph(words["workload_text"].format(day=_d(as_of))),
        table,
    ]


def target_text(target: Target | None, unit: Unit = Unit.PERCENT) -> str:
    """A target as people read it: ``"> 65%"``, ``"duy trì 100%"``; ``"—"`` for none."""
    if target is None:
        return "—"
    comparator = {"maintain": "duy trì", ">=": "≥", "<=": "≤"}.get(
        target.comparator.value, target.comparator.value
    )
    return f"{comparator} {fraction_text(target.value)}{'%' if unit is Unit.PERCENT else ''}"


def _overrides_text(indicator: Indicator) -> str:
    return "; ".join(
        f"{o.scope.text or o.scope.key}: {target_text(o.target, indicator.unit)}"
        for o in indicator.overrides
    )


def _targets_only(plan: Plan, words: Labels) -> list[Block]:
    rows = tuple(
        (
            i.id,
            words["qualitative"] if i.qualitative else target_text(i.target, i.unit),
            _overrides_text(i),
            i.text,
        )
        for i in plan.indicators
    )
    return [
        Heading(2, words["targets"]),
        Paragraph(words["no_observations"]),
        Table(("ID", words["target"], words["overrides"], words["indicators"]), rows),
    ]


def _no_counts(words: Labels) -> list[Block]:
    return [Heading(2, words["annex"]), Paragraph(words["no_counts"])]


def _audit(plan: Plan, words: Labels) -> list[Block]:
    findings = audit(plan)
    rows = tuple((words[f.severity], f.location, f.message, f.value) for f in findings)
    return [
        Heading(2, words["audit"]),
        Table((words["severity"], words["where"], words["finding"], ""), rows)
        if rows
        else Paragraph(words["none"]),
    ]
