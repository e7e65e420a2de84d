"""What one agency's form holds for one period, and where each thing sits on the sheet.

`form_spec` works out, from the plan alone, the rows of an agency's form: the tasks it
has a role in (directly or as a member of a closed group), the indicators it reports for
its locality (a district's People's Committee reports every measured indicator for its
district; other agencies report none), and the annex services the annex lists it (or
its level, "UBND cấp huyện") for. The writer (`build`) and the reader (`read`) both place
and find cells through this module, so the two can never disagree.

    >>> from de_an06.loading import load_plan
    >>> spec = form_spec(load_plan("son-la-2024"), "UBND huyện Mai Sơn", "202407")
    >>> spec.form_id, spec.period_text, len(spec.indicators) > 0
    ('son-la-2024/ubnd-huyen-mai-son/202407', 'tháng 7/2024', True)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Literal, final

import attrs

from .._hierarchy import Hierarchy, canonical_name
from ..agency import Agency, AgencyGroup, Level
from ..directory import resolve_agency
from ..errors import DeAn06Error
from ..indicator import Indicator, MeasureKind, ScopeKind, target_text
from ..plan import Plan
from ..reporting import ReportingPeriod
from ..task import Role
from ..workdays import DuePolicy, default_calendar

__all__ = [
    "FIRST_ROW",
    "FORM_VERSION",
    "HEADER_ROW",
    "INDICATOR_COLUMNS",
    "META_ROWS",
    "META_SHEET",
    "SERVICE_COLUMNS",
    "TASK_COLUMNS",
    "FormError",
    "FormSpec",
    "IndicatorLine",
    "ServiceLine",
    "TaskLine",
    "column",
    "form_spec",
    "period_text",
    "sheet_names",
]

FORM_VERSION = 1
"""The layout's version, written on the hidden sheet; a reader refuses another."""

META_SHEET = "_bieu_mau"
"""The hidden sheet carrying the form id and checksum."""

HEADER_ROW = 8
"""The row of the table headings (rows 1–6 are the header block); repeated on each page."""

FIRST_ROW = HEADER_ROW + 1
"""The first data row of every table."""

# (key, Vietnamese heading, English heading, width, input?)
TASK_COLUMNS = (
    ("code", "Mã", "Code", 6, False),
    ("text", "Nội dung nhiệm vụ", "Task", 60, False),
    ("role", "Vai trò", "Role", 14, False),
    ("deadline", "Thời hạn (nguyên văn)", "Deadline (as written)", 22, False),
    ("due", "Hạn (ngày)", "Due", 11, False),
    ("status", "Trạng thái", "Status", 16, True),
    ("on", "Ngày cập nhật", "As of", 12, True),
    ("percent", "Tỉ lệ hoàn thành (%)", "Done (%)", 10, True),
    ("note", "Ghi chú, vướng mắc", "Note", 28, True),
    ("evidence", "Văn bản, minh chứng", "Evidence", 28, True),
)
INDICATOR_COLUMNS = (
    ("id", "Mã", "Code", 8, False),
    ("text", "Chỉ tiêu", "Indicator", 44, False),
    ("numerator_text", "Tử số (đếm gì)", "Numerator (what)", 28, False),
    ("denominator_text", "Mẫu số (trên tổng số)", "Denominator (of what)", 28, False),
    ("target", "Chỉ tiêu kế hoạch", "Target", 12, False),
    ("scope", "Phạm vi", "Scope", 14, False),
    ("previous", "Kỳ trước", "Last period", 16, False),
    ("numerator", "Tử số", "Numerator", 12, True),
    ("denominator", "Mẫu số", "Denominator", 12, True),
    ("ratio", "Tỉ lệ", "Ratio", 10, False),
)
SERVICE_COLUMNS = (
    ("number", "STT", "No.", 6, False),
    ("name", "Tên thủ tục hành chính", "Service", 56, False),
    ("reporting_unit", "Đơn vị báo cáo", "Reporting unit", 20, False),
    ("connected", "Kết nối với cổng dịch vụ công quốc gia (tích x)", "Connected (x)", 14, True),
    ("received", "Tổng số hồ sơ tiếp nhận", "Dossiers received", 14, True),
    ("online", "Trực tuyến", "Online", 12, True),
    ("ratio", "Tỉ lệ", "Ratio", 10, False),
    ("note", "GHI CHÚ", "Note", 24, True),
)


def column(columns: Sequence[tuple[str, str, str, int, bool]], key: str) -> str:
    """The letter of the column *key* in *columns* ("F")."""
    index = next(i for i, c in enumerate(columns) if c[0] == key)
    return chr(ord("A") + index)  # the tables have fewer than 26 columns


META_ROWS: Mapping[str, int] = {
    key: row
    for row, key in enumerate(
        ("form_id", "version", "plan", "agency", "period", "lang", "checksum"), start=1
    )
}
"""Row of each fixed entry on the hidden sheet (column B holds the value)."""


Lang = Literal["vi", "en"]

_SHEETS = {
    "tasks": ("Nhiệm vụ", "Tasks"),
    "indicators": ("Chỉ tiêu", "Indicators"),
    "services": ("Dịch vụ công", "Services"),
}

ROLE_LABELS = {
    Role.LEAD: ("chủ trì", "lead"),
    Role.COORDINATE: ("phối hợp", "coordinate"),
    Role.MONITOR: ("theo dõi, đôn đốc", "monitor"),
    Role.ADVISE: ("tham mưu", "advise"),
    Role.IMPLEMENT: ("thực hiện", "implement"),
}


class FormError(DeAn06Error, ValueError):
    """A form that cannot be made, or a returned form that cannot be read.

    ``problems`` lists every problem found, each naming the sheet and cell ("Chỉ tiêu!H9"),
    the value and the rule, in Vietnamese and English.
    """

    def __init__(self, source: str, problems: list[str] | tuple[str, ...]) -> None:
        self.source = source
        self.problems = tuple(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(
            f"{source}: {len(self.problems)} problem(s); nothing recorded\n{shown}{tail}"
        )


def sheet_names(lang: Lang = "vi") -> dict[str, str]:
    """The visible sheets' names: ``{"tasks": "Nhiệm vụ", …}``."""
    index = 0 if lang == "vi" else 1
    return {key: names[index] for key, names in _SHEETS.items()}


def period_text(period: ReportingPeriod, lang: Lang = "vi") -> str:
    """A period as people name it (`ReportingPeriod.label`, the one rule).

    >>> period_text(ReportingPeriod.from_id("2024S2"))
    '6 tháng cuối năm 2024'
    """
    return period.label(lang)


@final
@attrs.frozen(kw_only=True)
class TaskLine:
    """One task row: the task, the agency's roles in it, its deadline in words and as a date."""

    code: str
    text: str
    roles: tuple[Role, ...]
    deadline: str
    due: date | None


@final
@attrs.frozen(kw_only=True)
class IndicatorLine:
    """One indicator row: what is counted, the target, and the unit it is reported for."""

    id: str
    text: str
    numerator: str
    denominator: str
    target: str
    scope: str
    unit: str
    kind: MeasureKind


@final
@attrs.frozen(kw_only=True)
class ServiceLine:
    """One annex service row (``heading`` rows carry a section's number and title only)."""

    key: str
    number: str
    name: str
    reporting_unit: str = ""
    unit: str = ""
    heading: bool = False


@final
@attrs.frozen(kw_only=True)
class FormSpec:
    """Everything a form shows that does not come from the agency: rows, header, ids.

    Attributes:
        plan_id, plan_title, decision: the plan.
        agency, agency_name: the agency's key and name.
        period: the reporting period, with the plan's due day.
        due: the lawful due day (a non-working due day moves back for "trước ngày").
        tasks, indicators, services: the table rows, in sheet order.
        lang: the language of the labels.
    """

    plan_id: str
    plan_title: str
    decision: str
    agency: str
    agency_name: str
    period: ReportingPeriod
    due: date | None
    tasks: tuple[TaskLine, ...]
    indicators: tuple[IndicatorLine, ...]
    services: tuple[ServiceLine, ...]
    lang: Lang = "vi"

    @property
    def form_id(self) -> str:
        """``plan/agency/period``: what the hidden sheet names."""
        return f"{self.plan_id}/{self.agency}/{self.period.id}"

    @property
    def period_text(self) -> str:
        """The period as people name it ("tháng 7/2024")."""
        return period_text(self.period, self.lang)

    @property
    def checksum(self) -> str:
        """SHA-256 of the form's fixed content (ids, rows and their order), hex.

        A returned form whose hidden checksum differs was edited or made from another
        version of the plan.
        """
        content = {
            "version": FORM_VERSION,
            "form": self.form_id,
            "decision": self.decision,
            "lang": self.lang,
            "tasks": [[t.code, [r.value for r in t.roles], t.deadline] for t in self.tasks],
            "indicators": [[i.id, i.unit, i.kind.value] for i in self.indicators],
            "services": [[s.key, s.unit, s.heading] for s in self.services],
        }
        text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def form_spec(plan: Plan, agency: str, period: str, *, lang: Lang = "vi") -> FormSpec:
    """The form for *agency* (any name or key) and *period* ("202407") of *plan*.

    Raises `FormError` when the period is outside the plan's year or the agency is a
    group (a form goes to one body).
    """
    found = resolve_agency(plan, agency)
    if isinstance(found, AgencyGroup):
        msg = f"--agency: {found.name!r} is a group; a form goes to one agency (its members)"
        raise FormError(plan.id, [msg])
    chosen = ReportingPeriod.from_id(period.strip())
    if chosen.end.year != plan.year:
        raise FormError(plan.id, [f"--period: {chosen.id} is outside the plan's year {plan.year}"])
    due = None
    if plan.reporting is not None:
        chosen = plan.reporting.with_due(chosen)
        rule = plan.reporting.rule_for(chosen)
        if chosen.due is not None:
            before = rule.before if rule is not None else False
            due = default_calendar().shift(chosen.due, DuePolicy.FORWARD, before=before)
    return FormSpec(
        plan_id=plan.id,
        plan_title=plan.title,
        decision=plan.decision.number,
        agency=found.key,
        agency_name=found.name,
        period=chosen,
        due=due,
        tasks=_tasks(plan, found),
        indicators=_indicators(plan, found),
        services=_services(plan, found),
        lang=lang,
    )


def _tasks(plan: Plan, agency: Agency) -> tuple[TaskLine, ...]:
    groups = {g.key for g in plan.agency_groups if agency.key in g.members}
    lines = []
    for task in plan.tasks:
        roles = tuple(
            dict.fromkeys(
                role
                for role, mention in task.assignments()
                if mention.agency == agency.key or mention.agency in groups
            )
        )
        if roles:
            lines.append(
                TaskLine(
                    code=task.code,
                    text=task.text,
                    roles=roles,
                    deadline=task.deadline.text,
                    due=task.deadline.due_date(),
                )
            )
    return tuple(lines)


def _indicators(plan: Plan, agency: Agency) -> tuple[IndicatorLine, ...]:
    """A district's People's Committee reports each measured indicator for its district."""
    if agency.level is not Level.DISTRICT or agency.locality is None:
        return ()
    locality = agency.locality
    name = next((loc.name for loc in plan.localities if loc.key == locality), locality)
    return tuple(
        IndicatorLine(
            id=ind.id,
            text=ind.text,
            numerator=ind.numerator,
            denominator=ind.denominator,
            target=_target(ind, locality),
            scope=name,
            unit=locality,
            kind=ind.kind,
        )
        for ind in plan.indicators
        if not ind.qualitative
    )


def _target(indicator: Indicator, locality: str) -> str:
    """The target that applies to *locality*: its own override, else the default."""
    for override in indicator.overrides:
        if override.scope.kind is ScopeKind.LOCALITY and override.scope.key == locality:
            return target_text(override.target, indicator.unit)
    if indicator.kind is MeasureKind.UNITS_MEETING:
        condition = indicator.unit_condition
        return target_text(condition, indicator.own_unit)
    return target_text(indicator.target, indicator.unit)


def _services(plan: Plan, agency: Agency) -> tuple[ServiceLine, ...]:
    if plan.annex is None:
        return ()
    tree = Hierarchy.from_plan(plan)
    unit = agency.locality if agency.level is Level.DISTRICT and agency.locality else agency.key
    lines: list[ServiceLine] = []
    for section in plan.annex.sections:
        chosen = []
        for leaf in section.leaves():
            listed = next((t for t in leaf.reporting_units if _lists(t, agency, tree)), None)
            if listed is not None:
                key = f"{section.number}.{leaf.number}"
                chosen.append(
                    ServiceLine(
                        key=key,
                        number=leaf.number_text,
                        name=leaf.name,
                        reporting_unit=listed,
                        unit=unit,
                    )
                )
        if chosen:
            heading = ServiceLine(
                key=section.number, number=section.number, name=section.title, heading=True
            )
            lines += [heading, *chosen]
    return tuple(lines)


def _lists(text: str, agency: Agency, tree: Hierarchy) -> bool:
    """Whether the annex's reporting unit *text* names *agency* (or its level)."""
    name = canonical_name(text)
    if name.startswith("cap "):
        level = Level.from_word(name)
        return level is not None and agency.level is level and agency.locality is not None
    return any(node.key == agency.key for node in tree.lookup(text))


def ratio_percent(numerator: int, denominator: int | None) -> Fraction | None:
    """numerator/denominator × 100 exactly; None without a positive denominator."""
    if not denominator:
        return None
    return Fraction(numerator * 100, denominator)
