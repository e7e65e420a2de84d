"""The plan audit finds each kind of problem, and nothing on a clean plan."""

from __future__ import annotations

from datetime import date

import pytest

from de_an06 import (
    Agency,
    AgencyGroup,
    Assignment,
    Decision,
    Frequency,
    Level,
    Mention,
    Ongoing,
    PeriodUnit,
    PilotModels,
    Plan,
    ReportingRegime,
    ReportingRule,
    Role,
    RoleLine,
    Task,
    TaskGroup,
    Unparsed,
    WithinPeriod,
    audit,
    principle_checks,
)
from de_an06.auditing import Severity
from de_an06.deadline import Deadline

A = Agency(key="so-a", name="Sở A", level=Level.PROVINCE)
B = Agency(key="so-b", name="Sở B", level=Level.PROVINCE)
C = Agency(key="so-c", name="Sở C", level=Level.PROVINCE)
OPEN = AgencyGroup(key="lien-quan", name="Các sở, ngành liên quan", open=True)
AB = AgencyGroup(key="a-va-b", name="Sở A và Sở B", members=("so-a", "so-b"))


def line(label: str, role: Role, *keys: str, counts: tuple[int | None, ...] = ()) -> RoleLine:
    mentions = tuple(
        Mention(agency=k, text=k, count=counts[i] if counts else None) for i, k in enumerate(keys)
    )
    return RoleLine(
        label=label, text=", ".join(keys), assignments=(Assignment(role=role, agencies=mentions),)
    )


def task(
    code: str,
    *roles: RoleLine,
    deadline: Deadline | None = None,
    text: str = "Hoàn thành kết nối 100% hệ thống.",
) -> Task:
    return Task(
        code=code,
        text=text,
        roles=roles,
        deadline=deadline or WithinPeriod(text="Trong năm 2024", year=2024, unit=PeriodUnit.YEAR),
    )


def plan(*tasks: Task, **extra: object) -> Plan:
    fields: dict[str, object] = {
        "id": "test-2024",
        "title": "Kế hoạch",
        "year": 2024,
        "province": "tinh",
        "decision": Decision(number="1/QĐ-UBND", date=date(2024, 1, 29), issuer="UBND", signer="X"),
        "task_groups": (TaskGroup(number=1, title="Nhóm 1", tasks=tasks),),
        "agencies": (A, B, C),
        "agency_groups": (OPEN, AB),
    }
    fields.update(extra)
    return Plan(**fields)  # type: ignore[arg-type]


LEAD_A = line("Cơ quan chủ trì", Role.LEAD, "so-a")


def codes(p: Plan) -> set[tuple[str, str]]:
    return {(f.code, f.location) for f in audit(p)}


def test_clean_plan_has_no_findings() -> None:
    clean = plan(
        task("1.1", LEAD_A, line("Cơ quan phối hợp", Role.COORDINATE, "so-b")),
        task("1.2", LEAD_A, deadline=Ongoing(text="Thường xuyên")),
    )
    assert audit(clean) == ()
    assert all(c.clear for c in principle_checks(clean))


def test_missing_and_open_lead() -> None:
    found = codes(
        plan(
            task("1.1", line("Cơ quan thực hiện", Role.IMPLEMENT, "so-a")),
            task("1.2", line("Cơ quan chủ trì", Role.LEAD, "lien-quan")),
        )
    )
    assert ("missing_lead", "task 1.1") in found
    assert ("open_lead", "task 1.2") in found


def test_two_roles_from_two_lines_but_not_from_one() -> None:
    clash = task("1.1", LEAD_A, line("Cơ quan phối hợp", Role.COORDINATE, "so-a", "so-b"))
    one_line = RoleLine(
        label="Cơ quan tham mưu, thực hiện",
        text="Sở A",
        assignments=(
            Assignment(role=Role.ADVISE, agencies=(Mention(agency="so-a", text="Sở A"),)),
            Assignment(role=Role.IMPLEMENT, agencies=(Mention(agency="so-a", text="Sở A"),)),
        ),
    )
    fine = task("1.2", line("Cơ quan chủ trì", Role.LEAD, "so-b"), one_line)
    found = codes(plan(clash, fine))
    assert ("two_roles", "task 1.1") in found
    assert ("two_roles", "task 1.2") not in found


def test_listed_twice_in_one_role() -> None:
    found = codes(plan(task("1.1", line("Cơ quan chủ trì", Role.LEAD, "so-a", "so-a"))))
    assert ("listed_twice", "task 1.1") in found


@pytest.mark.parametrize(
    ("deadline", "code", "severity"),
    [
        (Unparsed(text="sớm nhất có thể"), "unparsed_deadline", "warning"),
        (
            WithinPeriod(text="Quý I/2025", year=2025, unit=PeriodUnit.QUARTER, number=1),
            "outside_plan_year",
            "warning",
        ),
    ],
)
def test_deadline_findings(deadline: Deadline, code: str, severity: str) -> None:
    findings = [f for f in audit(plan(task("1.1", LEAD_A, deadline=deadline))) if f.code == code]
    assert [f.severity.value for f in findings] == [severity]
    assert findings[0].path == "$.task_groups[0].tasks[0].deadline"
    assert findings[0].value == deadline.text


def test_impossible_and_contradicting_dates() -> None:
    p = plan(
        task("1.1", LEAD_A),
        legal_bases=("Căn cứ Nghị quyết số 175/NQ-CP ngày 30 tháng 10 năm 2023;",),
        task_groups=(
            TaskGroup(
                number=11,
                title="Triển khai Nghị quyết số 175/NQ-CP ngày 30/10/2203 của Chính phủ",
                tasks=(task("11.1", LEAD_A),),
            ),
        ),
    )
    found = {(f.code, f.location, f.severity.value) for f in audit(p)}
    assert ("impossible_date", "task group 11", "error") in found
    assert ("contradicting_dates", "task group 11", "error") in found


def test_citation_year_and_after_decision() -> None:
    text = (
        "Theo Nghị định số 45/2020/NĐ-CP ngày 08/4/2021 và Quyết định số 9/QĐ-TTg ngày 01/03/2024."
    )
    found = {f.code for f in audit(plan(task("1.1", LEAD_A, text=text)))}
    assert {"citation_year", "citation_after_decision"} <= found


def test_model_counts_and_double_allocation() -> None:
    lead = line("Cơ quan chủ trì", Role.LEAD, "so-a", "so-c", "a-va-b", counts=(10, 5, 1))
    p = plan(task("10.1", lead), pilot_models=PilotModels(task="10.1", total=30))
    findings = {f.code: f for f in audit(p)}
    assert findings["model_count"].severity is Severity.ERROR
    assert "16" in findings["model_count"].message
    assert findings["double_allocation"].value == "so-a"


def test_agency_listed_twice_in_directory() -> None:
    twin = Agency(key="so-a-2", name="SỞ A", level=Level.PROVINCE)
    p = plan(task("1.1", LEAD_A), agencies=(A, B, C, twin))
    assert any(f.code == "agency_listed_twice" and f.value == "so a" for f in audit(p))


def test_reporting_rules_against_cutoff() -> None:
    regime = ReportingRegime(
        text="…",
        rules=(
            ReportingRule(frequency=Frequency.MONTHLY, text="hàng tháng trước ngày 15", day=15),
            ReportingRule(
                frequency=Frequency.SIX_MONTHLY,
                text="06 tháng trước ngày 14/6",
                day=14,
                months=(6,),
            ),
            ReportingRule(
                frequency=Frequency.YEARLY, text="năm trước ngày 20/12", day=20, months=(12,)
            ),
        ),
    )
    found = {
        f.value: f.severity.value
        for f in audit(plan(task("1.1", LEAD_A), reporting=regime))
        if f.code == "report_due_before_cutoff"
    }
    assert found == {"hàng tháng trước ngày 15": "warning", "06 tháng trước ngày 14/6": "error"}


def test_errors_come_first() -> None:
    p = plan(task("1.1", line("Cơ quan thực hiện", Role.IMPLEMENT, "so-a"), text="ngày 31/02/2024"))
    severities = [f.severity for f in audit(p)]
    assert severities == sorted(severities, key=list(Severity).index)
    assert severities[0] is Severity.ERROR
    assert isinstance(audit(p), tuple)
    assert isinstance(principle_checks(p), tuple)


def test_principle_checks() -> None:
    vague = task(
        "1.1",
        line("Cơ quan chủ trì", Role.LEAD, "lien-quan"),
        deadline=Unparsed(text="?"),
        text="Tăng cường công tác.",
    )
    (check,) = principle_checks(plan(vague))
    assert (check.clear_lead, check.clear_deadline, check.clear_result) == (False, False, False)
    assert not check.clear


class TestSonLa2024:
    """The embedded plan's real inconsistencies, each checked by hand against the seed."""

    findings = audit(__import__("de_an06").load_plan("son-la-2024"))

    def of(self, code: str) -> list[tuple[str, str]]:
        return [(f.location, f.value) for f in self.findings if f.code == code]

    def test_impossible_date_in_group_11_title(self) -> None:
        # III.11: "Nghị quyết số 175/NQ-CP ngày 30/10/2203"; the recital says 30/10/2023.
        assert self.of("impossible_date") == [("task group 11", "30/10/2203")]
        assert self.of("contradicting_dates") == [("task group 11", "175/NQ-CP ngày 30/10/2203")]

    def test_tasks_without_lead(self) -> None:
        # decisions.md: 2.3, 2.5–2.8 and 6.1–6.3 have "Cơ quan thực hiện" but no chủ trì.
        missing = [loc for loc, _ in self.of("missing_lead")]
        assert missing == [
            f"task {c}" for c in ("2.3", "2.5", "2.6", "2.7", "2.8", "6.1", "6.2", "6.3")
        ]

    def test_models_add_up_but_one_department_is_counted_twice(self) -> None:
        # III.10(1): lead 12+7+3+7×1+1 = 30, monitor 15+12+3 = 30; Sở LĐTBXH has its own
        # model and is named again inside the last collective entry.
        assert self.of("model_count") == []
        assert self.of("double_allocation") == [("task 10.1", "so-ldtbxh")]

    def test_reporting_rules(self) -> None:
        # Article 2 against NĐ 09 art. 12 windows ending on the 14th (domain.md §1.4).
        severities = {
            f.value: f.severity.value for f in self.findings if f.code == "report_due_before_cutoff"
        }
        assert severities == {
            "hàng tháng trước ngày 15": "warning",
            "06 tháng trước ngày 14/6": "error",
            "năm trước ngày 14/12": "error",
        }

    def test_outside_reporting_unit(self) -> None:
        assert self.of("outside_reporting_unit") == [
            ("annex II.13.1", "UBND thành phố HN và TPHCM")
        ]

    def test_every_finding_has_a_path(self) -> None:
        assert all(f.path.startswith("$") for f in self.findings)
