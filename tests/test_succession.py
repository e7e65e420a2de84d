"""Agency succession as dated data: chains, splits, unknown successors, uncertain dates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from de_an06 import (
    Agency,
    Confidence,
    EventKind,
    Level,
    ModelValueError,
    PlanDataError,
    SuccessionDataError,
    Successions,
    load_plan,
    load_successions,
    plan_from_dict,
    successions_for,
)
from de_an06._files import MISSING
from de_an06.plan import Decision, Plan
from de_an06.succession import EventDate, Source, SuccessionEvent, Successor, bundled_successions

SON_LA = load_plan("son-la-2024")
SOURCE = (Source(url="https://example.org/decision", text="test"),)


def exact(day: date) -> EventDate:
    return EventDate(text=f"{day:%d/%m/%Y}", earliest=day, latest=day)


def plan() -> Plan:
    decision = Decision(number="1", date=date(2024, 1, 1), issuer="UBND", signer="A")
    return Plan(
        id="t",
        title="",
        year=2024,
        province="x",
        decision=decision,
        agencies=(
            Agency(key="p-a", name="Sở A", level=Level.PROVINCE),
            Agency(key="p-b", name="Sở B", level=Level.PROVINCE),
            Agency(key="p-c", name="Sở C", level=Level.PROVINCE),
            Agency(key="p-h", name="UBND huyện H", level=Level.DISTRICT),
        ),
    )


def successions() -> Successions:
    """A: split 01/03/2025 → N (holder) + C; B: merged into C in a 2025 window; H renamed
    01/02/2025, then abolished 01/07/2025 with no known successor."""
    bodies = tuple(
        Agency(key=k, name=n, level=Level.PROVINCE)
        for k, n in [
            ("a", "Sở A"),
            ("b", "Sở B"),
            ("c", "Sở C"),
            ("n", "Sở N"),
            ("h", "UBND huyện H"),
            ("h2", "UBND thị xã H"),
        ]
    )
    events = (
        SuccessionEvent(
            id="split-a",
            kind=EventKind.SPLIT,
            date=exact(date(2025, 3, 1)),
            predecessors=("a",),
            successors=(Successor(body="n", holder=True), Successor(body="c", takes="press")),
            confidence=Confidence.PARTLY,
            sources=SOURCE,
        ),
        SuccessionEvent(
            id="merge-b",
            kind=EventKind.MERGE,
            date=EventDate(text="2025", earliest=date(2025, 1, 21), latest=date(2025, 12, 31)),
            predecessors=("b",),
            successors=(Successor(body="c"),),
            confidence=Confidence.PARTLY,
            sources=SOURCE,
        ),
        SuccessionEvent(
            id="rename-h",
            kind=EventKind.RENAME,
            date=exact(date(2025, 2, 1)),
            predecessors=("h",),
            successors=(Successor(body="h2"),),
            confidence=Confidence.VERIFIED,
            sources=SOURCE,
        ),
        SuccessionEvent(
            id="end-h2",
            kind=EventKind.ABOLISH,
            date=exact(date(2025, 7, 1)),
            predecessors=("h2",),
            confidence=Confidence.VERIFIED,
            sources=SOURCE,
        ),
    )
    return Successions(id="t", province="x", bodies=bodies, events=events)


class TestEventDate:
    """A date is exact only when the sources give the day; a window is never a guessed day."""

    def test_exact(self) -> None:
        day = exact(date(2025, 7, 1))
        assert day.exact
        assert not day.applies_on(date(2025, 6, 30))
        assert day.applies_on(date(2025, 7, 1))
        assert day.certain_on(date(2025, 7, 1))
        assert day.display() == "01/07/2025"

    def test_window(self) -> None:
        day = EventDate(text="2025", earliest=date(2025, 1, 21), latest=date(2025, 12, 31))
        assert not day.exact
        assert day.applies_on(date(2025, 6, 1))
        assert not day.certain_on(date(2025, 6, 1))
        assert day.certain_on(date(2026, 1, 1))
        assert day.display() == "21/01/2025–31/12/2025"

    def test_unknown_end_is_never_certain(self) -> None:
        day = EventDate(text="2025?", earliest=date(2025, 1, 1))
        assert not day.certain_on(date(2030, 1, 1))
        assert day.display() == "01/01/2025–?"

    def test_reversed_window_is_refused(self) -> None:
        with pytest.raises(ModelValueError, match="before earliest"):
            EventDate(text="x", earliest=date(2025, 2, 1), latest=date(2025, 1, 1))


class TestHolding:
    """`holding(key, day)` follows the events in force on the day, and says how sure it is."""

    def test_binding_matches_plan_keys_by_name(self) -> None:
        smap = successions().bind(plan())
        assert smap.holding("p-a", date(2026, 1, 1)).holder == "n"
        assert smap.name("n") == "Sở N"
        # Sở C is named by the plan: the plan's key wins.
        assert smap.holding("p-b", date(2026, 1, 1)).holder == "p-c"

    def test_before_any_event_nothing_changes(self) -> None:
        holding = successions().bind(plan()).holding("p-a", date(2025, 2, 28))
        assert holding.holder == "p-a"
        assert holding.chain == ()
        assert not holding.unknown_successor

    def test_split_keeps_the_other_branch(self) -> None:
        smap = successions().bind(plan())
        holding = smap.holding("p-a", date(2025, 3, 1))
        (step,) = holding.chain
        assert (step.source, step.target, step.others) == ("p-a", "n", ("p-c",))
        assert "also: Sở C" in smap.describe(holding)
        record = smap.step_record(step)
        assert record["others"] == [{"key": "p-c", "name": "Sở C", "takes": "press"}]

    def test_window_is_uncertain_inside_and_certain_after(self) -> None:
        smap = successions().bind(plan())
        assert smap.holding("p-b", date(2025, 6, 1)).uncertain
        assert not smap.holding("p-b", date(2026, 1, 1)).uncertain
        assert smap.holding("p-b", date(2025, 1, 20)).holder == "p-b"

    def test_chain_and_unknown_successor(self) -> None:
        smap = successions().bind(plan())
        assert smap.holding("p-h", date(2025, 3, 1)).holder == "h2"
        holding = smap.holding("p-h", date(2026, 1, 1))
        assert [s.event.id for s in holding.chain] == ["rename-h", "end-h2"]
        assert holding.chain[-1].target is None
        assert holding.unknown_successor
        assert holding.holder == "h2"  # the last known body
        assert "successor unknown" in smap.describe(holding)

    def test_cycle_in_data_stops(self) -> None:
        loop = SuccessionEvent(
            id="back",
            kind=EventKind.RENAME,
            date=exact(date(2025, 4, 1)),
            predecessors=("n",),
            successors=(Successor(body="a"),),
            confidence=Confidence.UNVERIFIED,
            sources=SOURCE,
        )
        data = successions()
        data = Successions(id="t", province="x", bodies=data.bodies, events=(*data.events, loop))
        holding = data.bind(plan()).holding("p-a", date(2026, 1, 1))
        assert len(holding.chain) == 2

    def test_a_key_the_plan_uses_for_another_body_is_renamed(self) -> None:
        clash = plan()
        clash = Plan(
            id="t",
            title="",
            year=2024,
            province="x",
            decision=clash.decision,
            agencies=(*clash.agencies, Agency(key="n", name="Sở Khác", level=Level.PROVINCE)),
        )
        smap = successions().bind(clash)
        holder = smap.holding("p-a", date(2026, 1, 1)).holder
        assert holder == "t:n"
        assert smap.name(holder) == "Sở N"
        assert smap.name("n") == "Sở Khác"

    def test_unmatched_bodies_join_the_directory(self) -> None:
        smap = successions().bind(plan())
        assert smap.directory.resolve("Sở N").source == "succession"
        assert smap.directory.resolve("Sở A").key == "p-a"


class TestBundledSonLa:
    """The bundled Sơn La data: sourced events, dates as the sources give them."""

    def test_bundled(self) -> None:
        assert "son-la" in bundled_successions()
        assert successions_for(SON_LA).province == "son-la"

    def test_every_event_is_sourced_and_marked(self) -> None:
        for event in load_successions("son-la").events:
            assert event.sources, event.id
            assert all(s.url.startswith("http") for s in event.sources), event.id
            assert isinstance(event.confidence, Confidence)

    def test_district_level_ends_on_1_july_2025(self) -> None:
        smap = successions_for(SON_LA).bind(SON_LA)
        for key in ("ubnd-huyen-mai-son", "ubnd-tp-son-la", "ubnd-cac-huyen-thanh-pho"):
            assert smap.holding(key, date(2025, 6, 30)).holder == key
            holding = smap.holding(key, date(2025, 7, 1))
            assert holding.chain[-1].event.date.exact
            assert smap.item(holding.holder).name.startswith("UBND các xã, phường")

    def test_moc_chau_becomes_a_town_then_communes(self) -> None:
        smap = successions_for(SON_LA).bind(SON_LA)
        assert smap.holding("ubnd-huyen-moc-chau", date(2025, 1, 31)).chain == ()
        town = smap.holding("ubnd-huyen-moc-chau", date(2025, 2, 1))
        assert smap.name(town.holder) == "UBND thị xã Mộc Châu"
        later = smap.holding("ubnd-huyen-moc-chau", date(2026, 1, 1))
        assert [s.event.kind for s in later.chain] == [EventKind.RENAME, EventKind.ABOLISH]
        assert "Mộc Châu" in smap.name(later.holder)

    def test_information_department_split(self) -> None:
        smap = successions_for(SON_LA).bind(SON_LA)
        holding = smap.holding("so-tttt", date(2026, 1, 1))
        assert smap.name(holding.holder) == "Sở Khoa học và Công nghệ"
        assert holding.chain[0].event.kind is EventKind.SPLIT
        assert holding.chain[0].others == ("so-vhttdl",)

    def test_unverified_merger_stays_uncertain(self) -> None:
        smap = successions_for(SON_LA).bind(SON_LA)
        holding = smap.holding("so-tnmt", date(2026, 1, 1))
        assert smap.name(holding.holder) == "Sở Nông nghiệp và Môi trường"
        assert holding.chain[0].event.confidence is Confidence.UNVERIFIED
        assert holding.uncertain

    def test_plan_stage_mergers_are_windows_not_days(self) -> None:
        for event in load_successions("son-la").events:
            if "plan stage" in event.date.text:
                assert not event.date.exact, event.id

    def test_working_groups_have_no_guessed_successor(self) -> None:
        smap = successions_for(SON_LA).bind(SON_LA)
        holding = smap.holding("to-cong-tac-de-an-06-cap-huyen-xa", date(2026, 1, 1))
        assert holding.unknown_successor

    def test_other_provinces_have_no_events(self) -> None:
        other = Plan(id="x", title="", year=2024, province="ha-giang", decision=SON_LA.decision)
        assert successions_for(other).events == ()


class TestLoading:
    """A bad succession file names the file, the field path and the value."""

    def write(self, tmp_path: Path, data: object) -> Path:
        path = tmp_path / "s.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    def test_roundtrip_of_bundled_file_through_a_path(self, tmp_path: Path) -> None:
        bundled = Path(__file__).parent.parent / "src/de_an06/successions/son-la.json"
        copy = tmp_path / "copy.json"
        copy.write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
        assert load_successions(copy) == load_successions("son-la")

    def test_dangling_reference_and_bad_field(self, tmp_path: Path) -> None:
        data = {
            "schema_version": 1,
            "id": "x",
            "province": "x",
            "bodies": [{"key": "a", "name": "A", "level": "province"}],
            "groups": [{"key": "g", "name": "G", "members": ["a"]}],
            "events": [
                {
                    "id": "e",
                    "kind": "merge",
                    "date": {"text": "2025", "earliest": "2025-01-01"},
                    "predecessors": ["a"],
                    "successors": [{"body": "nowhere"}],
                    "confidence": "P",
                    "sources": [],
                }
            ],
        }
        with pytest.raises(SuccessionDataError) as info:
            load_successions(self.write(tmp_path, data))
        message = str(info.value)
        assert "s.json" in message
        assert "in succession data" in message
        assert "$.events[0].successors[0].body" in message
        assert "'nowhere'" in message
        assert "$.events[0].sources" in message

    def test_schema_errors_have_paths(self, tmp_path: Path) -> None:
        data = {"schema_version": 1, "id": "x", "province": "x", "events": [{"id": 5}]}
        with pytest.raises(SuccessionDataError) as info:
            load_successions(self.write(tmp_path, data))
        assert "$.events[0].id" in str(info.value)
        assert "$.events[0].kind" in str(info.value)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(SuccessionDataError, match=r"nope\.json"):
            load_successions(tmp_path / "nope.json")

    def test_wrong_schema_version(self, tmp_path: Path) -> None:
        with pytest.raises(SuccessionDataError, match="schema_version"):
            load_successions(self.write(tmp_path, {"schema_version": 9}))

    @pytest.mark.parametrize(
        ("data", "path", "message"),
        [
            ([1], "$", "holds one JSON object"),
            ({"id": "x"}, "$.schema_version", "schema_version must be 1"),
            ({"schema_version": 9}, "$.schema_version", "unsupported schema_version"),
        ],
    )
    def test_one_schema_version_check(
        self, tmp_path: Path, data: Any, path: str, message: str
    ) -> None:
        """Plan and succession files fail the version check with the same problem."""
        with pytest.raises(SuccessionDataError) as succession:
            load_successions(self.write(tmp_path, data))
        with pytest.raises(PlanDataError) as plan:
            plan_from_dict(data, source="s.json")
        value = data if path == "$" else data.get("schema_version", MISSING)
        for error in (succession.value, plan.value):
            assert [(p.path, p.value) for p in error.problems] == [(path, value)]
            assert message in error.problems[0].message
