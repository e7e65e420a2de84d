"""The plan audit: what a careful reader of a plan would flag, with where and how bad.

``audit(plan)`` checks any plan, not only Sơn La's, against its own words and against the
principle Vietnamese plans state for themselves (Sơn La 2024, section I.3): "rõ người, rõ
việc, rõ tiến độ, rõ kết quả, rõ trách nhiệm" — a clear lead, a clear deadline and a clear
expected result for every task.

>>> from de_an06 import audit, load_plan
>>> findings = audit(load_plan("son-la-2024"))
>>> all(isinstance(f.severity, Severity) for f in findings)
True
"""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import final

import attrs

from ._text import fold, join_lines
from .agency import Agency, AgencyGroup, Level
from .deadline import AsDirected, Compound, Deadline, Relation, RelativeToEvent, Unparsed
from .plan import Plan
from .reporting import CUTOFF_DAY, ReportingRule
from .task import Mention, Role, Task

__all__ = ["Finding", "PrincipleCheck", "Severity", "audit", "principle_checks"]


class Severity(enum.Enum):
    """How serious a finding is, most serious first."""

    ERROR = "error"
    """The plan contradicts itself."""
    WARNING = "warning"
    """A principle is not met."""
    INFO = "info"
    """Worth knowing."""


_ORDER = {severity: n for n, severity in enumerate(Severity)}

# A document cited with its date: "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020",
# "Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022".
_CITATION = re.compile(
    r"(?P<number>\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9&-]*(?:-[A-ZĐ][A-Za-zĐđ0-9&]*)*)"
    r"[,\s]*ngày\s+"
    r"(?P<day>\d{1,2})(?:/|\s+tháng\s+)(?P<month>\d{1,2})(?:/|\s+năm\s+)(?P<year>\d{4})"
)
_DOC_YEAR = re.compile(r"^\d+/(\d{4})/")
# A bare date anywhere in the text: "30/6/2024", "30/10/2203".
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# Words that state a result a reader can check (rõ kết quả): a share, a count, a product.
_RESULT = re.compile(
    r"\d+\s*%|\b\d+/\d+\b|\bhoàn thành\b|\bhoàn thiện\b|\bban hành\b|\bxây dựng kế hoạch\b"
    r"|\bkết nối\b|\btích hợp\b|\bđạt\b|\b\d+ mô hình\b|\bphương án\b|\bđề xuất\b",
    re.IGNORECASE,
)


@final
@attrs.frozen(kw_only=True)
class Finding:
    """One thing the audit found.

    Attributes:
        severity: `Severity.ERROR` (the plan contradicts itself), ``WARNING`` (a
            principle is not met), ``INFO`` (worth knowing).
        code: a stable identifier for scripts ("missing_lead", "impossible_date", …).
        location: where, for people ("task 2.3", "task group 11").
        path: where, as a JSON path into the plan file.
        message: what is wrong, in one sentence.
        value: the offending value, as text.
    """

    severity: Severity
    code: str
    location: str
    path: str
    message: str
    value: str = ""


@final
@attrs.frozen(kw_only=True)
class PrincipleCheck:
    """One task against "rõ người, rõ tiến độ, rõ kết quả" (section I.3)."""

    task: str
    clear_lead: bool
    clear_deadline: bool
    clear_result: bool

    @property
    def clear(self) -> bool:
        """All three hold."""
        return self.clear_lead and self.clear_deadline and self.clear_result


def audit(plan: Plan) -> tuple[Finding, ...]:
    """Every finding on *plan*, errors first, then in plan order."""
    findings = [
        *_task_findings(plan),
        *_citation_findings(plan),
        *_model_findings(plan),
        *_directory_findings(plan),
        *_reporting_findings(plan),
        *_annex_findings(plan),
    ]
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))


def principle_checks(plan: Plan) -> tuple[PrincipleCheck, ...]:
    """Each task checked for a clear lead, a clear deadline and a clear expected result.

    A lead is clear when the task has exactly one lead line naming specific bodies (no
    open group such as "Các sở, ngành liên quan"). A deadline is clear when it can be
    dated or is ongoing work. A result is clear when the task states something a reader
    can check: a share or count, or a product ("hoàn thành", "ban hành", "kết nối" …).
    """
    return tuple(
        PrincipleCheck(
            task=task.code,
            clear_lead=_clear_lead(plan, task),
            clear_deadline=task.deadline.due_date() is not None or task.deadline.ongoing,
            clear_result=bool(_RESULT.search(task.text)),
        )
        for task in plan.tasks
    )


def _task_path(plan: Plan, code: str) -> str:
    for g, group in enumerate(plan.task_groups):
        for t, task in enumerate(group.tasks):
            if task.code == code:
                return f"$.task_groups[{g}].tasks[{t}]"
    return "$"  # pragma: no cover  # codes come from the plan itself


def _is_open(plan: Plan, key: str) -> bool:
    item = next((a for a in plan.agency_groups if a.key == key), None)
    return isinstance(item, AgencyGroup) and item.open


def _clear_lead(plan: Plan, task: Task) -> bool:
    leads = task.agencies_in(Role.LEAD)
    lines = [line for line in task.roles if any(a.role is Role.LEAD for a in line.assignments)]
    return len(lines) == 1 and bool(leads) and not any(_is_open(plan, m.agency) for m in leads)


def _task_findings(plan: Plan) -> Iterator[Finding]:
    for task in plan.tasks:
        where, path = f"task {task.code}", _task_path(plan, task.code)
        leads = task.agencies_in(Role.LEAD)
        if not leads:
            implementers = ", ".join(m.text for m in task.agencies_in(Role.IMPLEMENT))
            yield Finding(
                severity=Severity.WARNING,
                code="missing_lead",
                location=where,
                path=path,
                message="no lead agency (chủ trì)"
                + (f"; implementing: {implementers}" if implementers else ""),
            )
        elif any(_is_open(plan, m.agency) for m in leads):
            names = ", ".join(m.text for m in leads if _is_open(plan, m.agency))
            yield Finding(
                severity=Severity.WARNING,
                code="open_lead",
                location=where,
                path=path,
                message="the lead is an open group: who leads is not clear",
                value=names,
            )
        yield from _role_clashes(task, where, path)
        yield from _deadline_findings(plan, task.deadline, where, f"{path}.deadline")


def _role_clashes(task: Task, where: str, path: str) -> Iterator[Finding]:
    # Roles per agency, remembering the role line each came from: one line giving two
    # roles ("Cơ quan tham mưu, thực hiện") is the plan's intent, not a clash.
    seen: dict[str, dict[Role, set[int]]] = defaultdict(lambda: defaultdict(set))
    text: dict[str, str] = {}
    for index, line in enumerate(task.roles):
        for assignment in line.assignments:
            names = [m.agency for m in assignment.agencies]
            for key in {k for k in names if names.count(k) > 1}:
                yield Finding(
                    severity=Severity.WARNING,
                    code="listed_twice",
                    location=where,
                    path=f"{path}.roles[{index}]",
                    message=f"the same agency is listed twice as {assignment.role.value}",
                    value=key,
                )
            for mention in assignment.agencies:
                seen[mention.agency][assignment.role].add(index)
                text.setdefault(mention.agency, mention.text)
    for key, roles in seen.items():
        line_numbers: set[int] = set().union(*roles.values())
        if len(roles) > 1 and len(line_numbers) > 1:
            role_names = ", ".join(sorted(r.value for r in roles))
            yield Finding(
                severity=Severity.WARNING,
                code="two_roles",
                location=where,
                path=path,
                message=f"{text[key]!r} holds two roles in one task ({role_names})",
                value=key,
            )


def _deadline_findings(plan: Plan, deadline: Deadline, where: str, path: str) -> Iterator[Finding]:
    due = deadline.due_date()
    if due is None and not deadline.ongoing:
        if isinstance(deadline, Unparsed):
            yield Finding(
                severity=Severity.WARNING,
                code="unparsed_deadline",
                location=where,
                path=path,
                message="the deadline wording was not understood",
                value=deadline.text,
            )
        else:
            yield Finding(
                severity=Severity.INFO,
                code="undated_deadline",
                location=where,
                path=path,
                message=f"no date can be known: {_undated_reason(deadline)}",
                value=deadline.text,
            )
    if due is not None and due.year != plan.year:
        yield Finding(
            severity=Severity.WARNING,
            code="outside_plan_year",
            location=where,
            path=path,
            message=f"due {due:%d/%m/%Y}, outside the plan year {plan.year}",
            value=deadline.text,
        )
    if isinstance(deadline, Compound):
        for i, part in enumerate(deadline.parts):
            if isinstance(part, Unparsed):
                yield from _deadline_findings(plan, part, where, f"{path}.parts[{i}]")


def _undated_reason(deadline: Deadline) -> str:
    match deadline:
        case AsDirected(by=by):
            return f"timing set by {by or 'another body'}"
        case RelativeToEvent(relation=Relation.AFTER, event=event):
            return f"starts after an event ({event})"
        case RelativeToEvent(event=event):
            return f"the date of the event is unknown ({event})"
        case _:
            return "no dated part"


def _texts(plan: Plan) -> Iterator[tuple[str, str, str]]:
    """(location, path, text) of every free text a citation can sit in."""
    for i, basis in enumerate(plan.legal_bases):
        yield "legal basis", f"$.legal_bases[{i}]", basis
    for g, group in enumerate(plan.task_groups):
        yield f"task group {group.number}", f"$.task_groups[{g}].title", group.title
        for t, task in enumerate(group.tasks):
            yield f"task {task.code}", f"$.task_groups[{g}].tasks[{t}].text", task.text
            yield (
                f"task {task.code}",
                f"$.task_groups[{g}].tasks[{t}].deadline.text",
                task.deadline.text,
            )
    for o, objective in enumerate(plan.objectives):
        yield f"objective {objective.id}", f"$.objectives[{o}].text", objective.text
        for i, ind in enumerate(objective.indicators):
            yield f"indicator {ind.id}", f"$.objectives[{o}].indicators[{i}].text", ind.text
    for i, paragraph in enumerate(plan.closing):
        yield "closing", f"$.closing[{i}]", paragraph


def _citation_findings(plan: Plan) -> Iterator[Finding]:
    cited: dict[str, list[tuple[date, str, str, str]]] = defaultdict(list)
    for location, path, raw in _texts(plan):
        text = join_lines(raw)
        for day, month, year in _DATE.findall(text):
            found = _date_or_none(int(year), int(month), int(day))
            if found is None or not 1945 <= found.year <= plan.year + 10:
                yield Finding(
                    severity=Severity.ERROR,
                    code="impossible_date",
                    location=location,
                    path=path,
                    message="a date that cannot be right",
                    value=f"{day}/{month}/{year}",
                )
        for match in _CITATION.finditer(text):
            found = _date_or_none(int(match["year"]), int(match["month"]), int(match["day"]))
            if found is None:
                continue  # reported above when written with slashes
            number = match["number"]
            cited[number].append((found, location, path, match.group(0)))
            doc_year = _DOC_YEAR.match(number)
            if doc_year and int(doc_year[1]) != found.year:
                yield Finding(
                    severity=Severity.ERROR,
                    code="citation_year",
                    location=location,
                    path=path,
                    message=f"{number} is dated in another year",
                    value=match.group(0),
                )
            if found > plan.decision.date and found.year <= plan.year + 10:
                yield Finding(
                    severity=Severity.ERROR,
                    code="citation_after_decision",
                    location=location,
                    path=path,
                    message=f"{number} is dated after the decision ({plan.decision.date:%d/%m/%Y})",
                    value=match.group(0),
                )
    for number, uses in cited.items():
        dates = {d for d, *_ in uses}
        if len(dates) > 1:
            first = uses[0]
            for found, location, path, quote in uses[1:]:
                if found != first[0]:
                    yield Finding(
                        severity=Severity.ERROR,
                        code="contradicting_dates",
                        location=location,
                        path=path,
                        message=f"{number} is dated {found:%d/%m/%Y} here and "
                        f"{first[0]:%d/%m/%Y} in {first[1]}",
                        value=quote,
                    )


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _model_findings(plan: Plan) -> Iterator[Finding]:
    models = plan.pilot_models
    if models is None:
        return
    task = plan.task(models.task)
    path = _task_path(plan, task.code)
    for role in (Role.LEAD, Role.MONITOR):
        counted = [m for m in task.agencies_in(role) if m.count is not None]
        if not counted:
            continue
        total = sum(m.count or 0 for m in counted)
        if total != models.total:
            yield Finding(
                severity=Severity.ERROR,
                code="model_count",
                location=f"task {task.code}",
                path=path,
                message=f"{role.value} allocations add up to {total}, "
                f"not the {models.total} models the plan names",
                value=" + ".join(str(m.count) for m in counted),
            )
        yield from _double_allocations(plan, counted, role, task.code, path)


def _double_allocations(
    plan: Plan, counted: list[Mention], role: Role, code: str, path: str
) -> Iterator[Finding]:
    by_name = {m.agency for m in counted}
    for mention in counted:
        group = next((g for g in plan.agency_groups if g.key == mention.agency), None)
        if group is None:
            continue
        for member in group.members:
            if member in by_name:
                name = plan.agency_by_key(member).name
                yield Finding(
                    severity=Severity.WARNING,
                    code="double_allocation",
                    location=f"task {code}",
                    path=path,
                    message=f"{name!r} is allocated models by name and again inside "
                    f"{mention.text!r} ({role.value})",
                    value=member,
                )


def _directory_findings(plan: Plan) -> Iterator[Finding]:
    owners: dict[str, set[str]] = defaultdict(set)
    directory: list[Agency | AgencyGroup] = [*plan.agencies, *plan.agency_groups]
    for item in directory:
        for name in item.names:
            owners[fold(name)].add(item.key)
    for name, keys in sorted(owners.items()):
        if len(keys) > 1:
            yield Finding(
                severity=Severity.WARNING,
                code="agency_listed_twice",
                location="agency directory",
                path="$.agencies",
                message=f"one name belongs to several agencies: {', '.join(sorted(keys))}",
                value=name,
            )


def _reporting_findings(plan: Plan) -> Iterator[Finding]:
    if plan.reporting is None:
        return
    for i, rule in enumerate(plan.reporting.rules):
        slack = _slack_days(rule)
        if slack is None or slack >= 1:
            continue
        severity = Severity.ERROR if slack < 0 else Severity.WARNING
        message = (
            "the report is due before its data cut-off ends"
            if slack < 0
            else "the report is due on the last day of its data cut-off"
        )
        yield Finding(
            severity=severity,
            code="report_due_before_cutoff",
            location=f"reporting rule ({rule.frequency.value})",
            path=f"$.reporting.rules[{i}]",
            message=f"{message} (NĐ 09/2019 art. 12: windows end on the {CUTOFF_DAY}th; "
            "art. 8(5)(b) asks for at least 1 working day to report)",
            value=rule.text,
        )


def _slack_days(rule: ReportingRule) -> int | None:
    """Calendar days from the cut-off end to the last day the rule allows."""
    last_day = rule.day - 1 if rule.before else rule.day
    return last_day - CUTOFF_DAY


def _annex_findings(plan: Plan) -> Iterator[Finding]:
    if plan.annex is None:
        return
    agencies = {a.key: a for a in plan.agencies}
    names: dict[str, list[Agency]] = {}
    for group in plan.agency_groups:
        members = [agencies[m] for m in group.members if m in agencies]
        for name in group.names:
            names[fold(name)] = members
    for agency in plan.agencies:
        for name in agency.names:
            names[fold(name)] = [agency]
    for s, section in enumerate(plan.annex.sections):
        for r, service in enumerate(section.services):
            rows = [(f"$.annex.sections[{s}].services[{r}]", service)]
            rows += [
                (f"$.annex.sections[{s}].services[{r}].items[{i}]", item)
                for i, item in enumerate(service.items)
            ]
            for path, row in rows:
                where = f"annex {section.number}.{row.number}"
                for unit in row.reporting_units:
                    yield from _unit_finding(names.get(fold(unit)), unit, where, path)


def _unit_finding(
    bodies: list[Agency] | None, unit: str, where: str, path: str
) -> Iterator[Finding]:
    if bodies is None:
        message = "the reporting unit is not a body of the plan's directory"
        code = "unknown_reporting_unit"
    elif bodies and all(b.external for b in bodies):
        message = "the reporting unit is outside the province (copied from a central template?)"
        code = "outside_reporting_unit"
    elif bodies and all(b.level is Level.CENTRAL for b in bodies):
        message = "the reporting unit is a central body, outside the province's reporting chain"
        code = "central_reporting_unit"
    else:
        return
    yield Finding(
        severity=Severity.INFO, code=code, location=where, path=path, message=message, value=unit
    )
