"""Each audit check on small invented plans: it fires on the slip and not on the right form."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from de_an06 import (
    Agency,
    AgencyGroup,
    Annex,
    Assignment,
    Decision,
    Indicator,
    Level,
    Mention,
    Objective,
    OnDate,
    Plan,
    Role,
    RoleLine,
    Service,
    ServiceSection,
    Task,
    TaskGroup,
    WithinPeriod,
    audit,
    load_plan,
    principle_checks,
)
from de_an06.auditing import Finding, Severity
from de_an06.deadline import Deadline, PeriodUnit

A = Agency(key="so-a", name="Sở Alpha", level=Level.PROVINCE)
B = Agency(key="so-b", name="Sở Beta", level=Level.PROVINCE)
YEAR = WithinPeriod(text="Trong năm 2024", year=2024, unit=PeriodUnit.YEAR)


def role(label: str, kind: Role, *keys: str) -> RoleLine:
    mentions = tuple(Mention(agency=k, text=k) for k in keys)
    return RoleLine(
        label=label, text=", ".join(keys), assignments=(Assignment(role=kind, agencies=mentions),)
    )


LEAD_A = role("Cơ quan chủ trì", Role.LEAD, "so-a")


def task(
    code: str,
    text: str = "Hoàn thành kết nối hệ thống.",
    *roles: RoleLine,
    deadline: Deadline = YEAR,
) -> Task:
    return Task(code=code, text=text, roles=roles or (LEAD_A,), deadline=deadline)


def plan(*tasks: Task, **extra: object) -> Plan:
    fields: dict[str, object] = {
        "id": "thu-2024",
        "title": "Kế hoạch",
        "year": 2024,
        "province": "thu",
        "decision": Decision(number="1/QĐ-UBND", date=date(2024, 1, 29), issuer="UBND", signer="X"),
        "task_groups": (TaskGroup(number=1, title="Nhóm 1", tasks=tasks or (task("1.1"),)),),
        "agencies": (A, B),
        "agency_groups": (AgencyGroup(key="lien-quan", name="Các sở liên quan", open=True),),
    }
    fields.update(extra)
    return Plan(**fields)  # type: ignore[arg-type]


def found(p: Plan, code: str, **kw: object) -> list[Finding]:
    return [f for f in audit(p, **kw) if f.code == code]  # type: ignore[arg-type]


def text_plan(text: str) -> Plan:
    return plan(task("1.1", text))


# --- text slips: (code, slip, right form) ---------------------------------------------
TEXT_CASES = [
    ("doubled_word", "Hoàn thành thành kết nối hệ thống.", "Dần dần hoàn thành kết nối hệ thống."),
    ("doubled_word", "Hoàn thành kế nối kết nối hệ thống.", "Đào tạo, đào tạo lại cán bộ."),
    ("cut_name", "Theo chỉ đạo của Thủ tướng Chính.", "Theo chỉ đạo của Thủ tướng Chính phủ."),
    (
        "cut_name",
        "Tuyên truyền văn bản pháp liên quan.",
        "Tuyên truyền văn bản pháp luật liên quan.",
    ),
    ("symbol_form", "Theo Nghị định số 104/2022/NĐ- CP.", "Theo Nghị định số 104/2022/NĐ-CP."),
    ("symbol_form", "Theo Quyết định số 06/QĐ-TTG.", "Theo Quyết định số 06/QĐ-TTg."),
    ("misspelling", "Đẩy mạnh tuyên tuyền về Đề án.", "Đẩy mạnh tuyên truyền về Đề án."),
    ("misspelling", "Cấp đổi giấp phép lái xe.", "Cấp đổi giấy phép lái xe."),
    ("name_two_ways", "Cài VNeID; kích hoạt VneID.", "Cài VNeID; kích hoạt VNeID."),
]


@pytest.mark.parametrize(("code", "slip", "right"), TEXT_CASES)
def test_text_slips(code: str, slip: str, right: str) -> None:
    (finding,) = found(text_plan(slip), code)
    assert finding.location == "task 1.1"
    assert finding.message
    assert finding.message_vi
    assert finding.message != finding.message_vi
    assert found(text_plan(right), code) == []


def test_symbol_in_a_line_in_capitals_is_info() -> None:
    (finding,) = found(text_plan("THEO QUYẾT ĐỊNH SỐ 422/QĐ-TTG"), "symbol_form_caps")
    assert finding.severity is Severity.INFO


# --- numbering ----------------------------------------------------------------------------
def test_task_numbering_gap_and_repeat() -> None:
    p = plan(task("1.1"), task("1.3"), task("1.3"))
    assert [f.location for f in found(p, "numbering_gap")] == ["task 1.3"]
    assert [f.location for f in found(p, "numbering_repeat")] == ["task 1.3"]
    assert found(plan(task("1.1"), task("1.2")), "numbering_gap") == []


def _annex(*sections: ServiceSection) -> Annex:
    return Annex(title="DANH MỤC", columns=("STT",), sections=sections)


def _row(
    number: str,
    name: str = "Đăng ký khai sinh",
    units: tuple[str, ...] = ("Sở Alpha",),
    text: str = "",
    items: tuple[Service, ...] = (),
) -> Service:
    return Service(
        number=number, number_text=text or number, name=name, reporting_units=units, items=items
    )


def test_annex_numbers_separator_and_restart() -> None:
    group = _row("2", "Nhóm dịch vụ", (), items=(_row("2.1", text="2,1"), _row("2.2")))
    p = plan(
        annex=_annex(
            ServiceSection(number="I", title="A", services=(_row("1"), group)),
            ServiceSection(number="II", title="B", services=(_row("1"), _row("2"))),
            ServiceSection(number="III", title="C", services=(_row("3"), _row("4"))),
        )
    )
    assert [f.value for f in found(p, "number_separator")] == ["2,1"]
    assert [f.location for f in found(p, "numbering_restart")] == ["annex section III"]
    assert [f.location for f in found(p, "group_without_units")] == ["annex I.2"]
    same = plan(
        annex=_annex(
            ServiceSection(number="I", title="A", services=(_row("1"),)),
            ServiceSection(number="II", title="B", services=(_row("1"),)),
        )
    )
    assert found(same, "numbering_restart") == found(same, "number_separator") == []


SOURCE = """III. NHIỆM VỤ
1. Nhóm một
(1) Việc một.
- Cơ quan chủ trì: Sở Alpha.
- Thời gian hoàn thành: Thường xuyên. (2) Việc hai.
2. Nhóm hai
Việc không số.
"""


def test_source_numbering() -> None:
    findings = audit(plan(), source=SOURCE)
    inside = [f.line for f in findings if f.code == "number_inside_line"]
    unnumbered = [f.line for f in findings if f.code == "unnumbered_item"]
    assert (inside, unnumbered) == ([5], [6])
    bullets = "III. NHIỆM VỤ\n1. Nhóm một\n- Việc một.\n2. Nhóm hai\n- Việc hai.\n"
    assert [f for f in audit(plan(), source=bullets) if f.line is not None] == []


# --- references ---------------------------------------------------------------------------
def test_undefined_count() -> None:
    (finding,) = found(text_plan("Bảo đảm an toàn dữ liệu của 02 Dự án."), "undefined_count")
    assert finding.value == "02 Dự án"
    listed = "Làm sạch dữ liệu theo 04 tiêu chí “đúng, đủ, sạch, sống”."
    assert found(text_plan(listed), "undefined_count") == []
    elsewhere = plan(
        task("1.1", "Triển khai 02 dịch vụ công liên thông."),
        task("1.2", "Kết nối 02 dịch vụ công liên thông về khai sinh, khai tử."),
    )
    assert found(elsewhere, "undefined_count") == []


def test_contradicting_citation_dates() -> None:
    p = plan(
        task("1.1", "Theo Nghị quyết số 175/NQ-CP ngày 30/10/2023."),
        task("1.2", "Theo Nghị quyết số 175/NQ- CP ngày 30/11/2023."),
    )
    assert [f.location for f in found(p, "contradicting_dates")] == ["task 1.2"]
    same = plan(
        task("1.1", "Theo Nghị quyết số 175/NQ-CP ngày 30/10/2023."),
        task("1.2", "Theo Nghị quyết số 175/NQ- CP ngày 30 tháng 10 năm 2023."),
    )
    assert found(same, "contradicting_dates") == []


def _objective(text: str) -> Objective:
    return Objective(id="II.1", text=text, indicators=(Indicator(id="II.1", text=text),))


GOAL = (
    "Tỷ lệ người dân dùng căn cước khi khám bệnh đạt trên 80% trong tổng số lượt khám bệnh,"
    " riêng thành phố Alpha trên 90%."
)
SAID = "Hướng dẫn người dân dùng căn cước khi khám bệnh đạt trên 80% trong tổng số lượt khám bệnh"


@pytest.mark.parametrize(
    ("restated", "codes"),
    [
        (
            SAID + " BHYT, riêng thành phố Alpha trên 90%.",
            {"restated_denominator"},
        ),
        (
            SAID + ", riêng Thành phố trên 90%.",
            {"restated_locality"},
        ),
        (
            SAID + ", riêng thành phố Alpha trên 90%.",
            set(),
        ),
    ],
)
def test_restated_objective(restated: str, codes: set[str]) -> None:
    p = plan(task("1.1", restated), objectives=(_objective(GOAL),))
    assert {f.code for f in audit(p) if f.code.startswith("restated")} == codes


# --- deadlines ----------------------------------------------------------------------------
def _on(day: date, text: str) -> OnDate:
    return OnDate(text=text, date=day, before=True)


def test_before_deadline_on_a_day_off() -> None:
    # "trước ngày 30/6/2024": the last day, Saturday 29/06, is a day off.
    (finding,) = found(
        plan(task("1.1", deadline=_on(date(2024, 6, 30), "Trước ngày 30/6/2024"))), "before_holiday"
    )
    assert "28/06/2024" in finding.message
    assert finding.severity is Severity.INFO
    assert (
        found(
            plan(task("1.1", deadline=_on(date(2024, 6, 28), "Trước ngày 28/6/2024"))),
            "before_holiday",
        )
        == []
    )


def test_conditional_and_two_deadlines() -> None:
    cond = WithinPeriod(
        text="Trong năm 2024 (khi có đề xuất của các sở)", year=2024, unit=PeriodUnit.YEAR
    )
    assert len(found(plan(task("1.1", deadline=cond)), "conditional_deadline")) == 1
    assert found(plan(task("1.1")), "conditional_deadline") == []
    text = "Hoàn thành kết nối hệ thống thông tin giải quyết thủ tục hành chính."
    q1 = WithinPeriod(text="Quý I/2024", year=2024, unit=PeriodUnit.QUARTER, number=1)
    p = plan(task("1.1", text, deadline=q1), task("1.2", text))
    assert [f.location for f in found(p, "two_deadlines")] == ["task 1.2"]
    assert (
        found(
            plan(
                task("1.1", text, deadline=q1),
                task("1.2", "Tuyên truyền về Đề án 06 cho người dân."),
            ),
            "two_deadlines",
        )
        == []
    )


def test_outside_plan_year() -> None:
    late = WithinPeriod(text="Trong năm 2025", year=2025, unit=PeriodUnit.YEAR)
    assert len(found(plan(task("1.1", deadline=late)), "outside_plan_year")) == 1
    assert found(plan(task("1.1")), "outside_plan_year") == []


# --- roles --------------------------------------------------------------------------------
def test_doing_and_helping_is_a_clash_leading_and_monitoring_is_not() -> None:
    coord = role("Cơ quan phối hợp", Role.COORDINATE, "so-a")
    (clash,) = found(plan(task("1.1", "Việc.", LEAD_A, coord)), "two_roles")
    assert clash.value == "so-a"
    monitor = role("Cơ quan theo dõi, đôn đốc", Role.MONITOR, "so-a")
    assert found(plan(task("1.1", "Việc.", LEAD_A, monitor)), "two_roles") == []


def test_several_lead_lines() -> None:
    p = plan(task("1.1", "Việc.", LEAD_A, role("Cơ quan chủ trì", Role.LEAD, "so-b")))
    assert len(found(p, "several_lead_lines")) == 1
    assert found(plan(task("1.1")), "several_lead_lines") == []


def test_agency_gone_by_the_plans_date() -> None:
    son_la = load_plan("son-la-2024")
    assert found(son_la, "agency_gone") == []
    later = attrs.evolve(son_la, decision=attrs.evolve(son_la.decision, date=date(2025, 12, 1)))
    gone = {f.value for f in found(later, "agency_gone")}
    assert "Sở Thông tin và Truyền thông" in gone


# --- annex --------------------------------------------------------------------------------
def test_rows_already_done_and_rows_that_are_tasks() -> None:
    rows = (
        _row("1", "Cấp điện mới từ lưới điện hạ áp"),
        _row(
            "2",
            "Mở rộng kết nối dữ liệu (ngoài 01 dịch vụ đã hoàn thành: "
            "Cấp điện mới từ lưới điện hạ áp)",
        ),
    )
    p = plan(annex=_annex(ServiceSection(number="I", title="A", services=rows)))
    (done,) = found(p, "reported_done")
    assert "(I.1)" in done.message
    assert [f.location for f in found(p, "not_computable")] == ["annex I.2"]
    fine = plan(annex=_annex(ServiceSection(number="I", title="A", services=rows[:1])))
    assert found(fine, "reported_done") == found(fine, "not_computable") == []


# --- "5 rõ" ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "clear", "kind"),
    [
        ("Đạt trên 65% công dân kích hoạt tài khoản.", True, "a ratio"),
        ("Xây dựng Kế hoạch đào tạo cán bộ về an toàn thông tin.", True, "a document"),
        ("Hoàn thành kết nối Cơ sở dữ liệu quốc gia về dân cư.", True, "a system"),
        ("Tập trung triển khai 30 mô hình Đề án 06.", True, "a count"),
        ("Thường xuyên quán triệt nâng cao ý thức trách nhiệm.", False, "activities only"),
        ("Tăng cường công tác tuyên truyền.", False, "activities only"),
    ],
)
def test_clear_result_by_product(text: str, clear: bool, kind: str) -> None:
    (check,) = principle_checks(text_plan(text))
    assert check.clear_result is clear
    assert kind in check.reasons("en")[2]
    assert check.reasons("vi")[2] != check.reasons("en")[2]
