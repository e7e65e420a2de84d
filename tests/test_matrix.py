"""The responsibility matrix: roles per agency and task, groups, workload, the 2025 reform."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given

from de_an06 import (
    Agency,
    AgencyGroup,
    AgencyLookupError,
    AsDirected,
    Assignment,
    Compound,
    Confidence,
    Deadline,
    EventKind,
    Level,
    Mention,
    ModelValueError,
    OnDate,
    Ongoing,
    PeriodUnit,
    Plan,
    Role,
    RoleLine,
    Successions,
    Task,
    TaskGroup,
    UnknownKeyError,
    Unparsed,
    WithinPeriod,
    load_plan,
    responsibility_matrix,
)
from de_an06.matrix import DueStatus, ResponsibilityMatrix, RowKind, due_status
from de_an06.plan import Decision
from de_an06.succession import EventDate, Source, SuccessionEvent, Successor

from strategies import directory_plans, plans

LEAD, COORDINATE, MONITOR, ADVISE, IMPLEMENT = (
    Role.LEAD,
    Role.COORDINATE,
    Role.MONITOR,
    Role.ADVISE,
    Role.IMPLEMENT,
)


def line(label: str, *assignments: tuple[Role, tuple[str, ...]]) -> RoleLine:
    return RoleLine(
        label=label,
        text="",
        assignments=tuple(
            Assignment(role=role, agencies=tuple(Mention(agency=k, text=k) for k in keys))
            for role, keys in assignments
        ),
    )


def task(code: str, deadline: Deadline, *lines: RoleLine) -> Task:
    return Task(code=code, text="", roles=lines, deadline=deadline)


def small_plan() -> Plan:
    """Five agencies, four groups (closed, open, nested, memberless) and six tasks."""
    agencies = (
        Agency(key="ca", name="Công an tỉnh", level=Level.PROVINCE, aliases=("CA tỉnh",)),
        Agency(key="tttt", name="Sở Thông tin và Truyền thông", level=Level.PROVINCE),
        Agency(key="vp", name="Văn phòng UBND tỉnh", level=Level.PROVINCE),
        Agency(key="h1", name="UBND huyện A", level=Level.DISTRICT),
        Agency(key="h2", name="UBND huyện B", level=Level.DISTRICT),
    )
    groups = (
        AgencyGroup(key="huyen", name="UBND các huyện", members=("h1", "h2")),
        AgencyGroup(key="lq", name="Các sở, ngành liên quan", open=True),
        AgencyGroup(key="dia-phuong", name="Các địa phương", members=("huyen",)),
        AgencyGroup(key="to-xa", name="Tổ công tác cấp xã"),
    )
    tasks = (
        task(
            "1.1",
            OnDate(text="31/3/2024", date=date(2024, 3, 31)),
            line("Cơ quan chủ trì", (LEAD, ("ca",))),
            line("Cơ quan phối hợp", (COORDINATE, ("tttt", "huyen"))),
        ),
        task(
            "1.2",
            Ongoing(text="Thường xuyên"),
            line("Cơ quan tham mưu, thực hiện", (ADVISE, ("tttt", "vp")), (IMPLEMENT, ("tttt",))),
            line("Cơ quan thực hiện", (IMPLEMENT, ("lq",))),
        ),
        task("1.3", AsDirected(text="Theo chỉ đạo"), line("Cơ quan chủ trì", (LEAD, ("lq",)))),
        task(
            "2.1",
            WithinPeriod(text="Quý II/2024", year=2024, unit=PeriodUnit.QUARTER, number=2),
            line("Cơ quan chủ trì", (LEAD, ("ca", "tttt"))),
            line("Cơ quan theo dõi", (MONITOR, ("vp",))),
        ),
        task(
            "2.2",
            Compound(
                text="trước 15/01/2024 và thường xuyên",
                parts=(OnDate(text="15/01/2024", date=date(2024, 1, 15)), Ongoing(text="tx")),
            ),
            line("Cơ quan thực hiện", (IMPLEMENT, ("dia-phuong",))),
            line("Cơ quan phối hợp", (COORDINATE, ("to-xa",))),
        ),
        task("2.3", Unparsed(text="?"), line("Cơ quan chủ trì", (LEAD, ("huyen",)))),
    )
    return Plan(
        id="small",
        title="",
        year=2024,
        province="x",
        decision=Decision(number="1", date=date(2024, 1, 1), issuer="UBND", signer="A"),
        task_groups=(TaskGroup(number=1, title="", tasks=tasks),),
        agencies=agencies,
        agency_groups=groups,
    )


def reform() -> Successions:
    """Sở TT&TT split on 01/03/2025 (Sở N holds); huyện A ended 01/07/2025, successor unknown."""
    source = (Source(url="https://example.org/x"),)
    return Successions(
        id="t",
        province="x",
        bodies=(
            Agency(key="old-tttt", name="Sở TT&TT", level=Level.PROVINCE),
            Agency(key="n", name="Sở N", level=Level.PROVINCE),
            Agency(key="old-vp", name="VP UBND tỉnh", level=Level.PROVINCE),
            Agency(key="old-h1", name="UBND huyện A", level=Level.DISTRICT),
        ),
        events=(
            SuccessionEvent(
                id="split",
                kind=EventKind.SPLIT,
                date=EventDate(
                    text="01/03/2025", earliest=date(2025, 3, 1), latest=date(2025, 3, 1)
                ),
                predecessors=("old-tttt",),
                successors=(Successor(body="n", holder=True), Successor(body="old-vp")),
                confidence=Confidence.PARTLY,
                sources=source,
            ),
            SuccessionEvent(
                id="end",
                kind=EventKind.ABOLISH,
                date=EventDate(
                    text="01/07/2025", earliest=date(2025, 7, 1), latest=date(2025, 7, 1)
                ),
                predecessors=("old-h1",),
                confidence=Confidence.VERIFIED,
                sources=source,
            ),
        ),
    )


class TestQueries:
    """Cells, per-agency and per-task queries on a hand-made plan."""

    matrix = responsibility_matrix(small_plan())

    def test_tasks_for(self) -> None:
        assert self.matrix.tasks_for("ca") == ("1.1", "2.1")
        assert self.matrix.tasks_for("CA tỉnh", LEAD) == ("1.1", "2.1")
        assert self.matrix.tasks_for("tttt", ADVISE) == ("1.2",)
        assert self.matrix.tasks_for("tttt", MONITOR) == ()

    def test_agencies_for(self) -> None:
        assert self.matrix.agencies_for("1.1") == ("ca", "tttt", "huyen")
        assert self.matrix.agencies_for("2.1", LEAD) == ("ca", "tttt")

    def test_roles_of_a_cell(self) -> None:
        # "Cơ quan tham mưu, thực hiện" gives Sở TT&TT both roles in 1.2.
        assert self.matrix.roles("tttt", "1.2") == (ADVISE, IMPLEMENT)
        assert self.matrix.roles("vp", "1.1") == ()

    def test_unknown_task_and_agency(self) -> None:
        with pytest.raises(UnknownKeyError):
            self.matrix.agencies_for("9.9")
        with pytest.raises(AgencyLookupError):
            self.matrix.tasks_for("Sở Ngoại vụ")

    def test_rows_follow_the_directory(self) -> None:
        assert [r.key for r in self.matrix.rows] == [
            "ca",
            "tttt",
            "vp",
            "huyen",
            "lq",
            "dia-phuong",
            "to-xa",
        ]

    def test_group_rows_are_flagged(self) -> None:
        assert self.matrix.row("huyen").kind is RowKind.GROUP
        assert self.matrix.row("lq").kind is RowKind.OPEN_GROUP
        assert "members not listed" in self.matrix.row("to-xa").note

    def test_lead_issues(self) -> None:
        issues = {i.task: i.reason for i in self.matrix.lead_issues()}
        assert issues == {
            "1.2": "no lead",
            "1.3": "collective lead",
            "2.1": "several leads",
            "2.2": "no lead",
            "2.3": "collective lead",
        }

    def test_grid(self) -> None:
        header, rows = self.matrix.grid()
        assert header == ["key", "agency", "kind", "1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
        by_key = {r[0]: r for r in rows}
        assert by_key["tttt"][3:] == ["coordinate", "advise; implement", "", "lead", "", ""]
        header, rows = self.matrix.grid(MONITOR)
        assert [r[0] for r in rows] == ["vp"]

    def test_as_dict(self) -> None:
        data = self.matrix.as_dict()
        assert set(data) == {"plan", "as_of", "expand", "tasks", "rows", "entries", "lead_issues"}
        tttt = next(r for r in data["rows"] if r["key"] == "tttt")
        assert tttt["cells"]["1.2"] == ["advise", "implement"]
        assert tttt["roles"]["lead"] == ["2.1"]

    def test_dangling_key_is_kept_as_a_row(self) -> None:
        plan = small_plan()
        extra = task("3.1", Ongoing(text="x"), line("Cơ quan chủ trì", (LEAD, ("ghost",))))
        plan = Plan(
            id=plan.id,
            title="",
            year=2024,
            province="x",
            decision=plan.decision,
            task_groups=(*plan.task_groups, TaskGroup(number=3, title="", tasks=(extra,))),
            agencies=plan.agencies,
            agency_groups=plan.agency_groups,
        )
        row = responsibility_matrix(plan).row("ghost")
        assert (row.source, row.name) == ("unknown", "ghost")


class TestExpand:
    """Expansion replaces closed groups by members; open or memberless groups keep a row."""

    matrix = responsibility_matrix(small_plan(), expand=True)

    def test_members_replace_closed_groups(self) -> None:
        keys = [r.key for r in self.matrix.rows]
        assert "huyen" not in keys
        assert "dia-phuong" not in keys
        assert self.matrix.tasks_for("h1") == ("1.1", "2.2", "2.3")
        assert self.matrix.roles("h2", "2.3") == (LEAD,)

    def test_via_names_the_group(self) -> None:
        (entry,) = self.matrix.select("h1", "2.2")
        assert (entry.via, entry.origin, entry.mention.agency) == ("dia-phuong", "h1", "dia-phuong")

    def test_open_and_memberless_groups_stay(self) -> None:
        assert self.matrix.row("lq").kind is RowKind.OPEN_GROUP
        assert "decided case by case" in self.matrix.row("lq").note
        assert self.matrix.tasks_for("to-xa") == ("2.2",)

    def test_lead_issues_see_members(self) -> None:
        issues = {i.task: i for i in self.matrix.lead_issues()}
        assert issues["2.3"].reason == "several leads"
        assert issues["2.3"].leads == ("h1", "h2")

    @given(directory_plans())
    def test_expanding_never_loses_an_assignment(self, plan: Plan) -> None:
        flat = responsibility_matrix(plan)
        expanded = responsibility_matrix(plan, expand=True)
        assignments = Counter((t.code, r, m) for t in plan.tasks for r, m in t.assignments())
        assert Counter((e.task, e.role, e.mention) for e in flat.entries) == assignments
        assert {(e.task, e.role, e.mention) for e in expanded.entries} == set(assignments)
        assert len(expanded.entries) >= len(flat.entries)
        for entry in expanded.entries:
            assert entry.agency in {r.key for r in expanded.rows}

    @given(plans)
    def test_any_plan_builds(self, plan: Plan) -> None:
        for expand in (False, True):
            matrix = responsibility_matrix(plan, expand=expand)
            for row in matrix.workload(date(2024, 6, 30)):
                statuses = row.overdue + row.due_soon + row.later + row.ongoing + row.undetermined
                assert statuses == row.tasks
                assert max(row.lead, row.coordinate, row.monitor, row.advise, row.implement) <= (
                    row.tasks
                )


class TestWorkload:
    """Distinct tasks per role, and deadline status on a day."""

    def test_due_status(self) -> None:
        plan = small_plan()
        on = date(2024, 3, 15)
        statuses = {t.code: due_status(t, on) for t in plan.tasks}
        assert statuses == {
            "1.1": DueStatus.DUE_SOON,  # 31/03/2024, 16 days ahead
            "1.2": DueStatus.ONGOING,
            "1.3": DueStatus.UNDETERMINED,
            "2.1": DueStatus.LATER,  # 30/06/2024
            "2.2": DueStatus.OVERDUE,  # dated part 15/01/2024; judged by its date
            "2.3": DueStatus.UNDETERMINED,
        }

    def test_due_status_edges(self) -> None:
        dated = task("9.1", OnDate(text="x", date=date(2024, 3, 31)))
        assert due_status(dated, date(2024, 3, 31)) is DueStatus.DUE_SOON
        assert due_status(dated, date(2024, 4, 1)) is DueStatus.OVERDUE
        assert due_status(dated, date(2024, 3, 1), 30) is DueStatus.DUE_SOON
        assert due_status(dated, date(2024, 3, 1), within=29) is DueStatus.LATER
        with pytest.raises(ModelValueError, match="within"):
            due_status(dated, date(2024, 3, 1), -1)

    def test_rows(self) -> None:
        rows = {w.key: w for w in responsibility_matrix(small_plan()).workload(date(2024, 3, 15))}
        tttt = rows["tttt"]
        assert (tttt.lead, tttt.coordinate, tttt.advise, tttt.implement) == (1, 1, 1, 1)
        assert (tttt.tasks, tttt.due_soon, tttt.ongoing, tttt.later) == (3, 1, 1, 1)
        assert (rows["ca"].tasks, rows["ca"].due_soon, rows["ca"].later) == (2, 1, 1)
        assert rows["tttt"].as_dict()["kind"] == "agency"

    def test_sorted_by_load(self) -> None:
        rows = responsibility_matrix(small_plan()).workload(date(2024, 3, 15))
        assert [w.tasks for w in rows] == sorted((w.tasks for w in rows), reverse=True)


class TestAsOf:
    """With a date, each assignment goes to the body holding it that day, chain kept."""

    def test_before_the_reform_nothing_moves(self) -> None:
        matrix = responsibility_matrix(small_plan(), as_of=date(2025, 1, 1), successions=reform())
        assert {e.agency for e in matrix.entries} == {e.origin for e in matrix.entries}

    def test_split_and_unknown_successor(self) -> None:
        matrix = responsibility_matrix(
            small_plan(), expand=True, as_of=date(2026, 1, 1), successions=reform()
        )
        assert "tttt" not in {r.key for r in matrix.rows}
        assert matrix.row("n").source == "succession"
        assert matrix.tasks_for("n") == ("1.1", "1.2", "2.1")
        # A former name finds the holder.
        assert matrix.tasks_for("Sở Thông tin và Truyền thông") == ("1.1", "1.2", "2.1")
        unknown = [e for e in matrix.entries if e.unknown_successor]
        assert {e.origin for e in unknown} == {"h1"}
        assert all(e.agency == "h1" for e in unknown)
        header, rows = matrix.grid()
        assert header[-1] == "holds work of"
        n_row = next(r for r in rows if r[0] == "n")
        assert "Sở Thông tin và Truyền thông → Sở N" in n_row[-1]
        assert "also: Văn phòng UBND tỉnh" in n_row[-1]

    def test_entry_records_carry_the_chain(self) -> None:
        matrix = responsibility_matrix(small_plan(), as_of=date(2026, 1, 1), successions=reform())
        records = matrix.as_dict()["entries"]
        moved = next(r for r in records if r["origin"] == "tttt")
        assert moved["agency"] == "n"
        assert moved["chain"][0]["to"] == {"key": "n", "name": "Sở N"}
        assert moved["unknown_successor"] is False


# --- the embedded Sơn La 2024 plan -------------------------------------------------------

SON_LA = load_plan("son-la-2024")


def role_counts(matrix: ResponsibilityMatrix, agency: str) -> dict[str, int]:
    return {role.value: len(matrix.tasks_for(agency, role)) for role in Role}


class TestSonLa2024:
    """Counts derived by hand from the seed text of Decision 161/QĐ-UBND (47 tasks)."""

    matrix = responsibility_matrix(SON_LA)

    def test_the_plan_is_complete(self) -> None:
        assert len(SON_LA.tasks) == 47

    def test_provincial_police(self) -> None:
        assert role_counts(self.matrix, "Công an tỉnh") == {
            # chủ trì: 3.2, 4.1, 4.3, 5.1, 9.1, 10.1 (07 mô hình), 11.4
            "lead": 7,
            # phối hợp: 2.2, 2.6, 2.9, 3.1, 3.4, 3.5, 3.6, 3.7, 3.8, 5.2, 5.3, 5.4,
            # 7.1, 7.2, 7.5, 8.1, 8.3, 10.2, 11.1, 11.3
            "coordinate": 20,
            # theo dõi, đôn đốc: 10.1 (12 mô hình)
            "monitor": 1,
            "advise": 0,
            # "Cơ quan thực hiện": 6.2, 6.3
            "implement": 2,
        }

    def test_information_department(self) -> None:
        assert role_counts(self.matrix, "Sở Thông tin và Truyền thông") == {
            # chủ trì: 4.2, 4.4, 7.1–7.6, 9.1, 10.1 (12 mô hình), 11.1, 11.2
            "lead": 12,
            # phối hợp: 2.2, 2.7, 2.8, 3.1, 3.5, 3.8, 6.2, 7.7, 8.1, 10.2
            "coordinate": 10,
            # theo dõi, đôn đốc: 10.1 (15 mô hình)
            "monitor": 1,
            # 2.3 ("Văn phòng UBND tỉnh, Sở TT&TT tham mưu …") and 2.6 ("Sở TT&TT tham
            # mưu, hướng dẫn …"): the subject advises, the object implements.
            "advise": 2,
            # "Cơ quan thực hiện": 6.1
            "implement": 1,
        }

    def test_provincial_office(self) -> None:
        assert role_counts(self.matrix, "Văn phòng UBND tỉnh") == {
            "lead": 2,  # 2.4, 10.1 (03 mô hình)
            # phối hợp: 2.2, 2.6, 2.7, 2.8, 7.1, 7.2, 7.5, 8.1, 8.3, 9.1
            "coordinate": 10,
            "monitor": 1,  # 10.1 (03 mô hình)
            "advise": 1,  # 2.3
            "implement": 0,
        }

    def test_health_department(self) -> None:
        assert role_counts(self.matrix, "Sở Y tế") == {
            "lead": 3,  # 3.1, 3.8 (with Sở GD&ĐT), 10.1 (01 mô hình)
            "coordinate": 1,  # 3.2
            "monitor": 0,
            "advise": 0,
            "implement": 0,
        }

    def test_tasks_without_a_lead(self) -> None:
        # decisions.md: 2.3, 2.5–2.8 and 6.1–6.3 have "Cơ quan thực hiện", no chủ trì.
        no_lead = [i.task for i in self.matrix.lead_issues() if i.reason == "no lead"]
        assert no_lead == ["2.3", "2.5", "2.6", "2.7", "2.8", "6.1", "6.2", "6.3"]

    def test_district_group_expands_into_twelve(self) -> None:
        # "UBND các huyện, thành phố": Thành phố Sơn La and 11 huyện (domain notes §5).
        flat_tasks = self.matrix.tasks_for("UBND các huyện, thành phố")
        expanded = responsibility_matrix(SON_LA, expand=True)
        committees = [
            r.key
            for r in expanded.rows
            if r.kind is RowKind.AGENCY and set(expanded.tasks_for(r.key)) >= set(flat_tasks)
        ]
        group = SON_LA.agency_by_key("ubnd-cac-huyen-thanh-pho")
        assert isinstance(group, AgencyGroup)
        assert len(group.members) == 12
        assert set(group.members) <= set(committees)
        assert "ubnd-cac-huyen-thanh-pho" not in {r.key for r in expanded.rows}
        assert expanded.tasks_for("UBND huyện Mộc Châu") == flat_tasks

    def test_open_groups_keep_their_rows_when_expanded(self) -> None:
        expanded = responsibility_matrix(SON_LA, expand=True)
        row = expanded.row(expanded.key_of("Các sở, ngành liên quan"))
        assert row.kind is RowKind.OPEN_GROUP
        assert expanded.tasks_for(row.key, LEAD) == ("1.1", "2.2")


class TestSonLa2026:
    """The Sơn La matrix as of 01/01/2026, after the 2025 reform."""

    day = date(2026, 1, 1)
    flat = responsibility_matrix(SON_LA)
    matrix = responsibility_matrix(SON_LA, as_of=day)
    expanded = responsibility_matrix(SON_LA, expand=True, as_of=day)

    def test_science_department_holds_the_information_departments_tasks(self) -> None:
        khcn = self.matrix.key_of("Sở Khoa học và Công nghệ")
        assert self.matrix.row(khcn).source == "succession"
        for role in Role:
            assert self.matrix.tasks_for(khcn, role) == self.flat.tasks_for("so-tttt", role)
        assert self.matrix.key_of("Sở TT&TT") == khcn

    def test_the_split_keeps_culture_in_the_chain(self) -> None:
        entry = next(e for e in self.matrix.entries if e.origin == "so-tttt")
        assert entry.holding is not None
        assert entry.holding.chain[0].others == ("so-vhttdl",)
        # VHTTDL keeps only its own task (10.1, 01 mô hình).
        assert self.matrix.tasks_for("Sở VHTTDL") == ("10.1",)

    def test_district_committees_pass_to_communes(self) -> None:
        keys = {r.key for r in self.expanded.rows}
        assert not keys & {"ubnd-tp-son-la", "ubnd-huyen-moc-chau", "ubnd-huyen-mai-son"}
        communes = [r for r in self.expanded.rows if r.name.startswith("UBND các xã, phường")]
        assert len(communes) == 12
        moc_chau = self.expanded.key_of("UBND huyện Mộc Châu")
        assert "thị xã Mộc Châu" in self.expanded.row(moc_chau).name
        before = responsibility_matrix(SON_LA, expand=True)
        assert self.expanded.tasks_for(moc_chau) == before.tasks_for("ubnd-huyen-moc-chau")

    def test_unexpanded_group_passes_to_all_communes(self) -> None:
        key = self.matrix.key_of("UBND các huyện, thành phố")
        assert self.matrix.row(key).name == "UBND các xã, phường"
        assert self.matrix.tasks_for(key) == self.flat.tasks_for("ubnd-cac-huyen-thanh-pho")

    def test_merged_departments(self) -> None:
        # 8.3: chủ trì Sở Tài chính, Sở KH&ĐT: one body after the merger.
        assert self.matrix.agencies_for("8.3", LEAD) == ("so-tai-chinh",)
        # Sở LĐTBXH's lead tasks (3.7, 5.3, 5.4, 10.1) now with Sở Nội vụ (3.5, 8.1, 8.2).
        assert self.matrix.tasks_for("Sở Nội vụ", LEAD) == (
            "3.5",
            "3.7",
            "5.3",
            "5.4",
            "8.1",
            "8.2",
            "10.1",
        )

    def test_unknown_successor_is_flagged_not_guessed(self) -> None:
        unknown = {(e.task, e.origin) for e in self.matrix.entries if e.unknown_successor}
        assert unknown == {("5.4", "to-cong-tac-de-an-06-cap-huyen-xa")}

    def test_no_assignment_is_lost(self) -> None:
        assert len(self.matrix.entries) == len(self.flat.entries)
        assert Counter(e.mention for e in self.matrix.entries) == Counter(
            e.mention for e in self.flat.entries
        )
