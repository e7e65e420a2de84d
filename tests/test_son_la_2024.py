"""The embedded Sơn La 2024 plan (Decision 161/QĐ-UBND of 29/01/2024), pinned to its text.

Every count below was made by hand from the seed text; the comment beside it says where.
The tests that compare stored wording with the seed read the seed itself (the
`son_la_seed` fixture of ``tests/conftest.py``: skipped without it, failed under ``CI=true``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

import pytest

import de_an06
from de_an06 import (
    Agency,
    AgencyGroup,
    AsDirected,
    Comparator,
    Compound,
    Level,
    Plan,
    Role,
    ScopeKind,
    Task,
)
from de_an06._text import fold, join_lines


@pytest.fixture(scope="module")
def plan() -> Plan:
    return de_an06.load_plan("son-la-2024")


@pytest.fixture(scope="module")
def seed(son_la_seed: str) -> str:
    """The seed text with every run of whitespace made one space (NFC)."""
    return join_lines(son_la_seed)


def _strings(value: object) -> Iterator[str]:
    """Every string held anywhere in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _names(item: Agency | AgencyGroup) -> set[str]:
    return {fold(name) for name in item.names}


def _resolve(plan: Plan, text: str) -> set[str]:
    """Keys of the agencies and groups one of whose names folds to *text*'s fold."""
    directory: list[Agency | AgencyGroup] = [*plan.agencies, *plan.agency_groups]
    return {item.key for item in directory if fold(text) in _names(item)}


# ------------------------------------------------------------------ decision and preamble


class TestDecision:
    def test_header(self, plan: Plan, seed: str) -> None:
        d = plan.decision
        assert d.number == "161/QĐ-UBND"  # "Số: 161/QĐ-UBND"
        assert d.date == date(2024, 1, 29)  # "Sơn La, ngày 29 tháng 01 năm 2024"
        assert d.effective == date(2024, 1, 29)  # "có hiệu lực thi hành kể từ ngày ký"
        assert d.signer == "Hoàng Quốc Khánh"
        assert d.signer_title.upper() in seed  # "CHỦ TỊCH" above the signature
        for text in (d.proposal, d.effective_text):
            assert text in seed
        # Printed in capitals; stored in sentence case (see the plan's notes).
        assert d.title.upper() in seed
        assert plan.title.upper() in seed

    def test_legal_bases(self, plan: Plan, seed: str) -> None:
        # Five "Căn cứ" recitals before "Theo đề nghị".
        assert len(plan.legal_bases) == 5
        for text in plan.legal_bases:
            assert text.startswith("Căn cứ ")
            assert text in seed
        # Typo kept verbatim.
        assert "Thủ tướng Chính phê duyệt" in plan.legal_bases[2]

    def test_purposes_and_closing(self, plan: Plan, seed: str) -> None:
        # I. MỤC ĐÍCH, YÊU CẦU has items 1–3; two paragraphs follow task group 11.
        assert len(plan.purposes) == 3
        assert len(plan.closing) == 2
        for text in (*plan.purposes, *plan.closing):
            assert text in seed
        assert plan.closing[0].startswith("Yêu cầu các cơ quan")
        assert plan.closing[1].startswith("Giao Công an tỉnh chủ trì")

    def test_articles_kept_in_notes(self, plan: Plan, seed: str) -> None:
        # Article 1, Article 2's second paragraph and Article 3 are quoted in the notes.
        for start in (
            "Ban hành kèm theo",
            "Giao Công an tỉnh chủ trì, phối hợp Văn phòng",
            "Chánh",
        ):
            quoted = [n.split("(verbatim): ", 1)[1] for n in plan.notes if "(verbatim): " in n]
            matches = [q for q in quoted if q.startswith(start)]
            assert len(matches) == 1, start
            assert matches[0] in seed
        assert any("30/10/2203" in note for note in plan.notes)


class TestReporting:
    def test_rules(self, plan: Plan, seed: str) -> None:
        regime = plan.reporting
        assert regime is not None
        assert regime.text in seed
        # "Định kỳ (hàng tháng trước ngày 15, 06 tháng trước ngày 14/6, năm trước ngày 14/12)"
        rules = {r.frequency.value: r for r in regime.rules}
        assert set(rules) == {"monthly", "six_monthly", "yearly"}
        assert (rules["monthly"].day, rules["monthly"].months) == (15, ())
        assert (rules["six_monthly"].day, rules["six_monthly"].months) == (14, (6,))
        assert (rules["yearly"].day, rules["yearly"].months) == (14, (12,))
        for rule in regime.rules:
            assert rule.before
            assert rule.text in regime.text
        assert regime.ad_hoc  # "hoặc đột xuất theo yêu cầu"

    def test_recipients(self, plan: Plan) -> None:
        regime = plan.reporting
        assert regime is not None
        assert regime.recipient == "cong-an-tinh"
        # "báo cáo Văn phòng Chính phủ, Bộ Công an, Chủ tịch Ủy ban nhân dân tỉnh"
        assert regime.forward_to == ("van-phong-chinh-phu", "bo-cong-an", "chu-tich-ubnd-tinh")
        levels = [plan.agency_by_key(k) for k in regime.forward_to[:2]]
        assert all(isinstance(a, Agency) and a.level is Level.CENTRAL for a in levels)


# ------------------------------------------------------------------ objectives


class TestObjectives:
    def test_ids(self, plan: Plan) -> None:
        # II. MỤC TIÊU: items 1–7; II.1 has (1)–(9); II.3 and II.5 two quantities each;
        # II.6 five dash items.
        assert [o.id for o in plan.objectives] == [f"II.{n}" for n in range(1, 8)]
        expected = [
            *(f"II.1.{n}" for n in range(1, 10)),
            "II.2",
            "II.3.a",
            "II.3.b",
            "II.4",
            "II.5.a",
            "II.5.b",
            *(f"II.6.{x}" for x in "abcde"),
            "II.7",
        ]
        assert [i.id for i in plan.indicators] == expected
        assert len(plan.indicators) == 21

    def test_text_verbatim(self, plan: Plan, seed: str) -> None:
        for objective in plan.objectives:
            assert objective.text in seed
            for ind in objective.indicators:
                assert ind.text in seed, ind.id
                for target in [ind.target, *(o.target for o in ind.overrides)]:
                    if target is not None:
                        assert target.text in ind.text, ind.id

    def test_default_targets(self, plan: Plan) -> None:
        got = {
            i.id: (i.target.comparator, str(i.target.value))
            for i in plan.indicators
            if i.target is not None
        }
        ge, gt, keep = Comparator.GE, Comparator.GT, Comparator.MAINTAIN
        assert got == {
            "II.1.1": (ge, "100"),  # "(1) 100% …"
            "II.1.2": (ge, "100"),
            "II.1.3": (ge, "100"),
            "II.1.4": (ge, "100"),
            "II.1.5": (ge, "50"),  # "(5) 50% mẫu đơn"
            "II.1.6": (ge, "90"),  # "(6) Tối thiểu 90%"
            "II.1.7": (ge, "100"),
            "II.1.9": (ge, "100"),
            "II.2": (gt, "80"),  # "đạt trên 80%"
            "II.3.a": (ge, "100"),
            "II.4": (ge, "30"),  # "tối thiểu 30%"
            "II.5.a": (keep, "100"),  # "Duy trì … cho 100% công dân"
            "II.5.b": (gt, "65"),  # "đạt trên 65%"
            "II.6.a": (ge, "12"),  # "12/12 huyện, thành phố"
        }

    def test_overrides(self, plan: Plan) -> None:
        def overrides(ind_id: str) -> list[tuple[str, str, Comparator, str]]:
            ind = next(i for i in plan.indicators if i.id == ind_id)
            return [
                (o.scope.kind.value, o.scope.key, o.target.comparator, str(o.target.value))
                for o in ind.overrides
            ]

        # II.1(8): 90% cấp tỉnh; 80% cấp huyện; 60% cấp xã — and no default target.
        assert overrides("II.1.8") == [
            ("level", "province", Comparator.GE, "90"),
            ("level", "district", Comparator.GE, "80"),
            ("level", "commune", Comparator.GE, "60"),
        ]
        # II.3: 100% city centres and towns, 50% remote areas — no default.
        assert overrides("II.3.b") == [
            ("segment", "urban-centre", Comparator.GE, "100"),
            ("segment", "remote", Comparator.GE, "50"),
        ]
        # II.4: "Riêng thành phố Sơn La đạt trên 80%, huyện Mộc Châu duy trì … 100%".
        assert overrides("II.4") == [
            ("locality", "tp-son-la", Comparator.GT, "80"),
            ("locality", "moc-chau", Comparator.MAINTAIN, "100"),
        ]
        # II.5: "riêng địa bàn thành phố Sơn La trên 80%".
        assert overrides("II.5.b") == [("locality", "tp-son-la", Comparator.GT, "80")]
        counts = {i.id: len(i.overrides) for i in plan.indicators if i.overrides}
        assert counts == {"II.1.8": 3, "II.3.b": 2, "II.4": 2, "II.5.b": 1}
        moc_chau = next(i for i in plan.indicators if i.id == "II.4").overrides[1]
        assert moc_chau.baseline == 100  # "kết quả đã đạt được là 100%"

    def test_no_default_where_only_scoped(self, plan: Plan) -> None:
        no_target = {i.id for i in plan.indicators if i.target is None}
        qualitative = {i.id for i in plan.indicators if i.qualitative}
        # II.6: the dash items after the hộ tịch one have no number; II.7 has none.
        assert qualitative == {"II.6.b", "II.6.c", "II.6.d", "II.6.e", "II.7"}
        assert no_target == qualitative | {"II.1.8", "II.3.b"}

    def test_measures(self, plan: Plan) -> None:
        by_id = {i.id: i for i in plan.indicators}
        assert by_id["II.5.b"].measure.value == "stock"  # share of citizens aged 14+
        assert by_id["II.4"].measure.value == "stock"  # share of beneficiaries
        assert by_id["II.2"].measure.value == "flow"  # medical visits
        assert by_id["II.6.a"].unit.value == "count"
        assert by_id["II.6.a"].aggregation.value == "share_met"


# ------------------------------------------------------------------ tasks

# III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN: items per group, counted in the seed.
TASKS_PER_GROUP = {
    1: 2,  # (1)–(2)
    2: 9,  # (1)–(9); (6) starts on (5)'s deadline line
    3: 8,  # (1)–(8)
    4: 4,  # (1)–(4)
    5: 4,  # (1)–(4)
    6: 3,  # (1)–(3)
    7: 7,  # (1)–(7)
    8: 3,  # (1)–(3)
    9: 1,  # one unnumbered paragraph
    10: 2,  # (1)–(2)
    11: 4,  # (1)–(4)
}


class TestTasks:
    def test_groups_and_codes(self, plan: Plan) -> None:
        assert [g.number for g in plan.task_groups] == list(range(1, 12))
        assert {g.number: len(g.tasks) for g in plan.task_groups} == TASKS_PER_GROUP
        assert len(plan.tasks) == sum(TASKS_PER_GROUP.values()) == 47
        for group in plan.task_groups:
            codes = [t.code for t in group.tasks]
            assert codes == [f"{group.number}.{n}" for n in range(1, len(codes) + 1)]

    def test_titles(self, plan: Plan, seed: str) -> None:
        for group in plan.task_groups:
            assert f"{group.number}. {group.title}" in seed
        assert "30/10/2203" in plan.task_groups[10].title  # typo kept verbatim

    def test_text_verbatim(self, plan: Plan, seed: str) -> None:
        for task in plan.tasks:
            assert task.text in seed, task.code
            assert task.deadline.text in seed, task.code
            assert f"- {task.deadline_label}: {task.deadline.text}" in seed, task.code
            for line in task.roles:
                assert f"- {line.label}: {line.text}" in seed, task.code
                for assignment in line.assignments:
                    for mention in assignment.agencies:
                        assert mention.text in line.text, (task.code, mention.text)
            if task.code != "9.1":
                number = task.code.split(".")[1]
                assert f"({number}) {task.text}" in seed, task.code

    def test_split_line_of_group_2(self, plan: Plan, seed: str) -> None:
        # "- Thời gian hoàn thành: Theo lộ trình triển khai của bộ, ngành Trung ương. (6) Rà soát …"
        before, after = plan.task("2.5"), plan.task("2.6")
        assert before.deadline.text == "Theo lộ trình triển khai của bộ, ngành Trung ương."
        assert f"{before.deadline.text} (6) {after.text[:40]}" in seed
        assert after.text.startswith("Rà soát đánh giá từng dịch vụ công")

    def test_labels(self, plan: Plan) -> None:
        labels = {line.label for t in plan.tasks for line in t.roles}
        assert labels == {
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Cơ quan thực hiện",
            "Cơ quan tham mưu, thực hiện",
            "Cơ quan theo dõi, đôn đốc",
        }
        deadline_labels = {t.deadline_label for t in plan.tasks}
        assert deadline_labels == {"Thời gian hoàn thành", "Thời gian thực hiện"}
        # "Thời gian thực hiện" in 2.2, 2.3, 2.7, 2.8 only.
        assert [t.code for t in plan.tasks if t.deadline_label == "Thời gian thực hiện"] == [
            "2.2",
            "2.3",
            "2.7",
            "2.8",
        ]

    def test_tasks_without_lead(self, plan: Plan) -> None:
        # "Cơ quan thực hiện" (2.5, 2.7, 2.8, 6.1–6.3) and "Cơ quan tham mưu, thực hiện"
        # (2.3, 2.6) give no chủ trì.
        no_lead = [t.code for t in plan.tasks if not t.agencies_in(Role.LEAD)]
        assert no_lead == ["2.3", "2.5", "2.6", "2.7", "2.8", "6.1", "6.2", "6.3"]

    def test_role_counts(self, plan: Plan) -> None:
        def count(code: str, role: Role) -> int:
            return len(plan.task(code).agencies_in(role))

        # 10.1: 3 named with counts; 7 "(mỗi sở 01 mô hình)"; 1 collective.
        assert count("10.1", Role.LEAD) == 11
        assert count("10.1", Role.MONITOR) == 3
        assert count("10.1", Role.COORDINATE) == 2
        # 9.1: Sở TT&TT, Công an tỉnh, UBND cấp huyện, Tỉnh Đoàn, Báo Sơn La, Đài PT-TH tỉnh,
        # các cơ quan báo chí.
        assert count("9.1", Role.LEAD) == 7
        # 5.4: Sở LĐTBXH, Sở TN&MT, BHXH tỉnh, Cục Thuế tỉnh, các Hội, đoàn thể, Tổ công tác.
        assert count("5.4", Role.LEAD) == 6
        # 7.2: VNPT Sơn La, Công an tỉnh, Văn phòng UBND tỉnh, các sở, ngành liên quan, UBND.
        assert count("7.2", Role.COORDINATE) == 5
        # 2.3: "Văn phòng UBND tỉnh, Sở TT&TT tham mưu … các sở, ngành, địa phương … thực hiện".
        assert count("2.3", Role.ADVISE) == 2
        assert count("2.3", Role.IMPLEMENT) == 1
        assert count("2.6", Role.ADVISE) == 1
        assert count("2.6", Role.IMPLEMENT) == 1
        # 3.5 and 3.8 have two leads; 1.1 one lead and two partners.
        assert count("3.5", Role.LEAD) == count("3.8", Role.LEAD) == 2
        assert (count("1.1", Role.LEAD), count("1.1", Role.COORDINATE)) == (1, 2)
        total = sum(1 for t in plan.tasks for _ in t.assignments())
        # Every mention of every role line, counted in the seed task by task (1.1: 3, 1.2: 2,
        # 2.1: 2, 2.2: 4, 2.3: 3, 2.4: 2, 2.5: 1, 2.6: 5, 2.7: 4, 2.8: 4, 2.9: 4, 3.1: 5,
        # 3.2: 3, 3.3: 3, 3.4: 5, 3.5: 5, 3.6: 3, 3.7: 5, 3.8: 5, 4.1: 3, 4.2: 4, 4.3: 2,
        # 4.4: 4, 5.1: 3, 5.2: 4, 5.3: 3, 5.4: 8, 6.1: 4, 6.2: 5, 6.3: 3, 7.1: 4, 7.2: 6,
        # 7.3: 2, 7.4: 4, 7.5: 5, 7.6: 2, 7.7: 4, 8.1: 5, 8.2: 3, 8.3: 6, 9.1: 9, 10.1: 16,
        # 10.2: 5, 11.1: 4, 11.2: 3, 11.3: 3, 11.4: 3).
        assert total == 195

    def test_sentence_lines(self, plan: Plan) -> None:
        advise = [m.agency for m in plan.task("2.3").agencies_in(Role.ADVISE)]
        implement = [m.agency for m in plan.task("2.3").agencies_in(Role.IMPLEMENT)]
        assert advise == ["vp-ubnd-tinh", "so-tttt"]
        assert implement == ["cac-so-nganh-dia-phuong-cung-cap-dvc"]
        assert plan.task("2.6").agencies_in(Role.IMPLEMENT)[0].agency == implement[0]

    def test_pilot_models(self, plan: Plan) -> None:
        pilot = plan.pilot_models
        assert pilot is not None
        assert (pilot.task, pilot.total) == ("10.1", 30)
        assert pilot.text == plan.task("10.1").text
        leads = [m.count for m in plan.model_allocation(Role.LEAD)]
        monitors = [m.count for m in plan.model_allocation(Role.MONITOR)]
        # "(12 mô hình)", "(07 mô hình)", "(03 mô hình)", 7 × "(mỗi sở 01 mô hình)", "01 mô hình"
        assert leads == [12, 7, 3, 1, 1, 1, 1, 1, 1, 1, 1]
        # "(15 mô hình)", "(12 mô hình)", "(03 mô hình)"
        assert monitors == [15, 12, 3]
        assert sum(c for c in leads if c) == sum(c for c in monitors if c) == pilot.total
        lead_keys = [m.agency for m in plan.model_allocation(Role.LEAD)]
        # Sở LĐTBXH by name, and inside the collective's membership.
        collective = plan.agency_by_key(lead_keys[-1])
        assert isinstance(collective, AgencyGroup)
        assert "so-ldtbxh" in lead_keys
        assert "so-ldtbxh" in collective.members


# Due dates of the dated deadlines, from the seed's wording.
DUE = {
    "3.4": date(2024, 12, 31),  # "Trong năm 2024."
    "3.5": date(2024, 12, 31),
    "3.7": date(2024, 2, 9),  # "trước dịp Tết Nguyên đán Giáp thìn 2024" (10/02/2024)
    "3.8": date(2024, 12, 31),
    "4.3": date(2024, 6, 30),  # "trước thời điểm Luật Căn cước có hiệu lực" (01/07/2024)
    "4.4": date(2024, 6, 30),  # "Quý I, Quý II/2024."
    "5.2": date(2024, 12, 31),  # "hoàn thành trong năm 2024."
    "5.3": date(2024, 6, 29),  # "… (quý I/2024) … hoàn thành trước ngày 30/6/2024."
    "6.1": date(2024, 3, 31),  # "… trên IOC trong quý I/2024; duy trì …"
    "7.2": date(2024, 3, 31),  # "Trong quý I/2024."
    "7.6": date(2024, 12, 31),
    "8.1": date(2024, 3, 31),  # "Trong Quý I/2024."
    "8.3": date(2024, 12, 31),  # "Hoàn thành trong năm 2024 (khi có đề xuất …)"
    "10.2": date(2024, 12, 31),
    "11.2": date(2024, 12, 31),  # "Tháng 12/2024."
    "11.3": date(2024, 3, 31),  # "Tháng 3/2024."
    "11.4": date(2024, 6, 30),  # "Tháng 6/2024."
}


class TestDeadlines:
    def test_due_dates(self, plan: Plan) -> None:
        got = {t.code: t.deadline.due_date() for t in plan.tasks}
        assert {c: d for c, d in got.items() if d is not None} == DUE

    def test_kinds(self, plan: Plan) -> None:
        kinds: dict[str, list[str]] = {}
        for task in plan.tasks:
            kinds.setdefault(task.deadline.KIND, []).append(task.code)
        assert kinds["compound"] == ["3.7", "4.3", "4.4", "5.3", "6.1"]
        assert kinds["event"] == ["2.2"]  # "Sau khi các Bộ, ngành ban hành …"
        # "Theo chỉ đạo …", "Theo tiến độ …", "Theo lộ trình …", "Theo đúng lộ trình Đề án",
        # "Theo hướng dẫn của …"
        assert kinds["as_directed"] == ["1.1", "2.3", "2.5", "5.4", "7.3", "7.4", "10.1", "11.1"]
        assert "unparsed" not in kinds
        assert "on_date" not in kinds
        assert len(kinds["ongoing"]) == 21
        # "Trong năm 2024." ×5 (3.4, 3.5, 3.8, 7.6, 10.2), "hoàn thành trong năm 2024" (5.2),
        # "Hoàn thành trong năm 2024 (…)" (8.3), quý I (7.2, 8.1), tháng 12/3/6 (11.2–11.4).
        assert len(kinds["within_period"]) == 12

    def test_ongoing_follows_wording(self, plan: Plan) -> None:
        # Every deadline that says "thường xuyên" is (at least partly) ongoing, and only those.
        for task in plan.tasks:
            says = "thường xuyên" in task.deadline.text.lower()
            assert task.deadline.ongoing is says, task.code
        assert sum(t.deadline.ongoing for t in plan.tasks) == 24

    def test_compound_parts(self, plan: Plan) -> None:
        for task in plan.tasks:
            if isinstance(task.deadline, Compound):
                assert len(task.deadline.parts) == 2, task.code
                for part in task.deadline.parts:
                    assert part.text in task.deadline.text, task.code

    def test_as_directed_by(self, plan: Plan) -> None:
        by = {t.code: t.deadline.by for t in plan.tasks if isinstance(t.deadline, AsDirected)}
        assert by["1.1"] == "Trung ương"
        assert by["11.1"] == "Bộ Công an"
        assert by["7.4"] == "Văn phòng Chính phủ, Bộ Kế hoạch và Đầu tư"
        assert len(by) == 8
        for code, body in by.items():
            assert body, code
            assert body in plan.task(code).deadline.text, code

    def test_conditions_noted(self, plan: Plan) -> None:
        # The words the structured form cannot hold are kept in the text and noted.
        assert "khi có đề xuất" in plan.task("8.3").deadline.text
        assert "khi có đề xuất" in plan.task("8.3").note
        assert "từ tháng 6/2024" in plan.task("4.3").note
        assert "kế nối kết nối" in plan.task("6.1").deadline.text


# ------------------------------------------------------------------ annex


class TestAnnex:
    def test_shape(self, plan: Plan) -> None:
        annex = plan.annex
        assert annex is not None
        assert annex.title == (
            "DANH MỤC DỊCH VỤ CÔNG ƯU TIÊN TRIỂN KHAI THEO QĐ 06 VÀ QUYẾT ĐỊNH SỐ 422/QĐ-TTG"
        )
        assert annex.columns == (
            "STT",
            "Tên thủ tục hành chính",
            "Đơn vị báo cáo",
            "Kết nối với cổng dịch vụ công quốc gia (tích x)",
            "Tổng số hồ sơ tiếp nhận",
            "Trực tuyến",
            "Tỉ lệ",
            "GHI CHÚ",
        )
        sections = annex.sections
        assert [s.number for s in sections] == ["I", "II", "III"]
        # I: rows 1–25; II: rows 1–14 with 13.1–13.3 and 14.1–14.3; III: rows 15–24.
        assert [len(s.services) for s in sections] == [25, 14, 10]
        assert [len(list(s.leaves())) for s in sections] == [25, 18, 10]
        assert len(list(annex.leaves())) == 53  # "53 dịch vụ công thiết yếu"
        numbers = [[r.number for r in s.services] for s in sections]
        assert numbers == [
            [str(n) for n in range(1, 26)],
            [str(n) for n in range(1, 15)],
            [str(n) for n in range(15, 25)],
        ]
        groups = [r for r in sections[1].services if r.is_group]
        assert [r.number for r in groups] == ["13", "14"]
        for group in groups:
            assert [i.number for i in group.items] == [f"{group.number}.{n}" for n in (1, 2, 3)]
            assert [i.number_text for i in group.items] == [
                f"{group.number},{n}" for n in (1, 2, 3)
            ]
            assert group.reporting_units == ()

    def test_verbatim(self, plan: Plan, seed: str) -> None:
        assert plan.annex is not None
        for section in plan.annex.sections:
            assert section.title in seed
            for row in section.services:
                for service in (row, *row.items):
                    assert service.name in seed, service.number
                    assert service.reporting_units_text in seed, service.number
                    split = [u.strip() for u in service.reporting_units_text.split("/")]
                    assert list(service.reporting_units) == (split if split != [""] else [])
        names = [s.name for _, s in plan.annex.leaves()]
        # Typos kept as printed.
        for typo in ("gia thông", "giấp phép", "văn bàng", "dơ cơ sở", "nhận chìm ở biên"):
            assert any(typo in n for n in names), typo

    def test_units_resolve(self, plan: Plan) -> None:
        assert plan.annex is not None
        for _, service in plan.annex.leaves():
            assert service.reporting_units, service.number
            for unit in service.reporting_units:
                assert len(_resolve(plan, unit)) == 1, unit
        row = plan.annex.sections[1].services[12].items[0]
        assert row.reporting_units == ("UBND thành phố HN và TPHCM",)
        assert "outside the province" in row.note


# ------------------------------------------------------------------ directory


class TestDirectory:
    def test_districts(self, plan: Plan) -> None:
        districts = [loc for loc in plan.localities if loc.level is Level.DISTRICT]
        # "12/12 huyện, thành phố": Thành phố Sơn La and 11 huyện.
        assert len(districts) == 12
        assert {loc.parent for loc in districts} == {"son-la"}
        assert [loc.kind for loc in districts].count("thành phố") == 1
        assert all(loc.valid_to == date(2025, 6, 30) for loc in districts)
        assert all(loc.exists_on(date(2024, 12, 31)) for loc in districts)
        assert all(loc.segments == () for loc in plan.localities)
        city = next(loc for loc in districts if loc.key == "tp-son-la")
        assert {"TP Sơn La", "thành phố Sơn La", "Thành phố"} <= set(city.aliases)

    def test_district_committees(self, plan: Plan) -> None:
        group = plan.agency_by_key("ubnd-cac-huyen-thanh-pho")
        assert isinstance(group, AgencyGroup)
        assert not group.open
        assert len(group.members) == len(set(group.members)) == 12
        districts = {loc.key for loc in plan.localities if loc.level is Level.DISTRICT}
        localities = set()
        for key in group.members:
            member = plan.agency_by_key(key)
            assert isinstance(member, Agency)
            assert member.level is Level.DISTRICT
            localities.add(member.locality)
        assert localities == districts
        for spelling in ("UBND các huyện, thành phố", "UBND huyện, thành phố", "UBND cấp huyện"):
            assert _resolve(plan, spelling) == {"ubnd-cac-huyen-thanh-pho"}

    def test_keys_unique_and_ascii(self, plan: Plan) -> None:
        keys = [a.key for a in plan.agencies] + [g.key for g in plan.agency_groups]
        assert len(keys) == len(set(keys))
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k) for k in keys)

    def test_names_do_not_collide(self, plan: Plan) -> None:
        directory: list[Agency | AgencyGroup] = [*plan.agencies, *plan.agency_groups]
        owners: dict[str, set[str]] = {}
        for item in directory:
            for name in _names(item):
                owners.setdefault(name, set()).add(item.key)
        assert {n: k for n, k in owners.items() if len(k) > 1} == {}

    def test_mentions_use_the_agencys_names(self, plan: Plan) -> None:
        for task in plan.tasks:
            for _, mention in task.assignments():
                item = plan.agency_by_key(mention.agency)
                assert fold(mention.text) in _names(item), (task.code, mention.text)

    def test_spellings(self, plan: Plan) -> None:
        expectations = {
            "so-ldtbxh": (
                "Sở Lao động – Thương binh và Xã hội",
                "Sở Lao động - TB&XH",
                "Sở lao động- Thương binh và xã hội",
                "Sở LĐTBXH",
            ),
            "so-tttt": ("Sở TT&TT", "TTTT"),
            "so-gddt": ("Sở Giáo dục và đào tạo", "GD&ĐT"),
            "cong-an-tinh": ("CA tỉnh",),
            "vp-ubnd-tinh": ("Văn phòng UBND tỉnh", "VP UBND tỉnh"),
            "vnpt-son-la": ("Viễn thông Sơn La", "VNPT Sơn La"),
            "cuc-thue-tinh": ("Cục thuế tỉnh",),
            "bhxh-tinh": ("BHXH tỉnh",),
        }
        for key, spellings in expectations.items():
            for spelling in spellings:
                assert _resolve(plan, spelling) == {key}, spelling

    def test_levels(self, plan: Plan) -> None:
        level = {a.key: a.level for a in plan.agencies}
        assert level["vnpt-son-la"] is Level.ENTERPRISE
        assert level["dien-luc-son-la"] is Level.ENTERPRISE
        assert level["tinh-doan"] is Level.ASSOCIATION
        assert level["van-phong-chinh-phu"] is Level.CENTRAL
        assert level["so-tttt"] is Level.PROVINCE

    def test_collective_of_task_10_1(self, plan: Plan) -> None:
        group = plan.agency_by_key("cac-so-nganh-doan-the-tao-lap-du-lieu")
        assert isinstance(group, AgencyGroup)
        assert group.open  # ends ",…)"
        assert set(group.members) == {
            "so-ldtbxh",
            "hoi-nong-dan",
            "hoi-cuu-chien-binh",
            "hoi-nguoi-cao-tuoi",
            "hoi-chu-thap-do",
        }


# ------------------------------------------------------------------ whole file


def test_all_text_is_nfc(plan: Plan) -> None:
    data = de_an06.plan_to_dict(plan)
    strings = list(_strings(data))
    assert strings
    bad = [s for s in strings if not unicodedata.is_normalized("NFC", s)]
    assert bad == []


def test_no_stray_whitespace(plan: Plan) -> None:
    for text in _strings(de_an06.plan_to_dict(plan)):
        assert text == text.strip()
        assert "  " not in text
        assert "\n" not in text


def _task_note_codes(tasks: tuple[Task, ...]) -> list[str]:
    return [t.code for t in tasks if t.note]


def test_tasks_without_lead_say_so(plan: Plan) -> None:
    # The reading chosen for each task without a chủ trì is written down with the task.
    for code in ("2.3", "2.5", "2.6", "2.7", "2.8", "6.1", "6.2", "6.3"):
        assert code in _task_note_codes(plan.tasks)
        assert "Cơ quan chủ trì" in plan.task(code).note


def test_scope_kinds_are_known(plan: Plan) -> None:
    kinds = {o.scope.kind for i in plan.indicators for o in i.overrides}
    assert kinds == {ScopeKind.LEVEL, ScopeKind.SEGMENT, ScopeKind.LOCALITY}
