"""load_plan / dump_plan: bundled plans, files, and one error listing every problem."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import de_an06
from de_an06 import PlanDataError, dumps_plan, load_plan, loads_plan
from de_an06._converter import make_converter

from strategies import plans


def test_bundled_plan_loads() -> None:
    assert "son-la-2024" in de_an06.bundled_plans()
    plan = load_plan("son-la-2024")
    assert isinstance(plan, de_an06.Plan)
    assert plan.id == "son-la-2024"
    assert plan.decision.number == "161/QĐ-UBND"


class TestCanonicalJson:
    """Dumping is lossless and stable."""

    @given(plans)
    def test_text_round_trip(self, plan: de_an06.Plan) -> None:
        # Random plans have dangling keys, so this goes through the converter alone;
        # the bundled plan below goes through the whole loader.
        text = dumps_plan(plan)
        data = json.loads(text)
        assert data.pop("schema_version") == de_an06.SCHEMA_VERSION
        again = make_converter().structure(data, de_an06.Plan)
        assert again == plan
        assert dumps_plan(again) == text

    def test_bundled_text_round_trip(self) -> None:
        plan = load_plan("son-la-2024")
        text = dumps_plan(plan)
        assert loads_plan(text) == plan
        assert dumps_plan(loads_plan(text)) == text

    def test_file_round_trip(self, tmp_path: Path) -> None:
        plan = load_plan("son-la-2024")
        path = tmp_path / "plan.json"
        de_an06.dump_plan(plan, path)
        assert load_plan(path) == plan
        assert load_plan(str(path)) == plan


def _bad_plan(tmp_path: Path) -> Path:
    data = de_an06.plan_to_dict(load_plan("son-la-2024"))
    data["task_groups"][0]["tasks"][1]["colour"] = "red"  # unknown key
    data["year"] = "2024"  # wrong type
    del data["decision"]["signer"]  # missing field
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


class TestErrors:
    """A bad file raises one PlanDataError naming the file, each path and each value."""

    def test_unknown_key_wrong_type_missing_field(self, tmp_path: Path) -> None:
        path = _bad_plan(tmp_path)
        with pytest.raises(PlanDataError) as info:
            load_plan(path)
        error = info.value
        found = {p.path: p for p in error.problems}
        assert set(found) == {
            "$.task_groups[0].tasks[1].colour",
            "$.year",
            "$.decision.signer",
        }
        assert found["$.task_groups[0].tasks[1].colour"].value == "red"
        assert found["$.year"].value == "2024"
        assert "missing" in found["$.decision.signer"].message
        text = str(error)
        assert str(path) in text
        for fragment in ("$.year", "'2024'", "$.decision.signer", "colour", "'red'"):
            assert fragment in text
        assert all(p.source == str(path) for p in error.problems)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(PlanDataError, match="no such file"):
            load_plan(tmp_path / "nope.json")

    def test_not_json(self) -> None:
        with pytest.raises(PlanDataError, match=r"not valid JSON.*line 1 column 2"):
            loads_plan("{oops", source="x.json")

    @pytest.mark.parametrize("version", [None, 2, "1"])
    def test_schema_version(self, version: object) -> None:
        data = de_an06.plan_to_dict(load_plan("son-la-2024"))
        if version is None:
            del data["schema_version"]
        else:
            data["schema_version"] = version
        with pytest.raises(PlanDataError, match=r"\$\.schema_version"):
            de_an06.plan_from_dict(data)

    def test_deadline_kind_and_period(self) -> None:
        data = de_an06.plan_to_dict(load_plan("son-la-2024"))
        tasks = data["task_groups"][0]["tasks"]
        tasks[0]["deadline"] = {"kind": "someday", "text": "x"}
        tasks[1]["deadline"] = {
            "kind": "within_period",
            "text": "Quý V/2024",
            "year": 2024,
            "unit": "quarter",
            "number": 5,
        }
        with pytest.raises(PlanDataError) as info:
            de_an06.plan_from_dict(data, source="p.json")
        paths = {p.path: p.message for p in info.value.problems}
        assert "kind" in paths["$.task_groups[0].tasks[0].deadline"]
        assert "1..4" in paths["$.task_groups[0].tasks[1].deadline"]

    def test_top_level_not_an_object(self) -> None:
        with pytest.raises(PlanDataError, match="one JSON object"):
            loads_plan("[]")

    def test_error_is_library_error_and_value_error(self) -> None:
        assert issubclass(PlanDataError, de_an06.DeAn06Error)
        assert issubclass(PlanDataError, ValueError)


class TestReferences:
    """Keys a plan uses must name something it defines; keys are unique."""

    def test_dangling_mention_and_duplicate_code(self) -> None:
        data = de_an06.plan_to_dict(load_plan("son-la-2024"))
        task = data["task_groups"][0]["tasks"][0]
        task["roles"][0]["assignments"][0]["agencies"][0]["agency"] = "so-khong-ton-tai"
        data["task_groups"][0]["tasks"][1]["code"] = task["code"]
        with pytest.raises(PlanDataError) as info:
            de_an06.plan_from_dict(data, source="refs.json")
        found = {(p.path, p.value) for p in info.value.problems}
        assert (
            "$.task_groups[0].tasks[0].roles[0].assignments[0].agencies[0].agency",
            "so-khong-ton-tai",
        ) in found
        assert ("$.task_groups", task["code"]) in found

    def test_every_kind_of_reference(self) -> None:
        data = de_an06.plan_to_dict(load_plan("son-la-2024"))
        data["province"] = "nowhere"
        data["localities"][1]["parent"] = "nowhere"
        data["agencies"][0]["locality"] = "nowhere"
        data["agencies"].append(dict(data["agencies"][1]))  # a duplicate key
        data["agency_groups"][0]["members"][0] = "nobody"
        data["reporting"]["recipient"] = "nobody"
        data["reporting"]["forward_to"][1] = "nobody"
        data["pilot_models"]["task"] = "99.9"
        o, i, v = next(
            (o, i, v)
            for o, objective in enumerate(data["objectives"])
            for i, indicator in enumerate(objective["indicators"])
            for v, override in enumerate(indicator["overrides"])
            if override["scope"]["kind"] == "locality"
        )
        data["objectives"][o]["indicators"][i]["overrides"][v]["scope"]["key"] = "nowhere"
        with pytest.raises(PlanDataError) as info:
            de_an06.plan_from_dict(data, source="refs.json")
        found = {(p.path, p.value) for p in info.value.problems}
        assert found == {
            ("$.agencies/agency_groups", data["agencies"][1]["key"]),
            ("$.province", "nowhere"),
            ("$.localities[1].parent", "nowhere"),
            ("$.agencies[0].locality", "nowhere"),
            ("$.agency_groups[0].members[0]", "nobody"),
            (f"$.objectives[{o}].indicators[{i}].overrides[{v}].scope.key", "nowhere"),
            ("$.reporting.recipient", "nobody"),
            ("$.reporting.forward_to[1]", "nobody"),
            ("$.pilot_models.task", "99.9"),
        }


class TestJsonLayout:
    """dumps_plan writes the standard library's indent=2 layout, with orjson or without."""

    @given(plans)
    def test_same_text_as_the_standard_library(self, plan: de_an06.Plan) -> None:
        expected = json.dumps(de_an06.plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
        assert dumps_plan(plan) == expected

    def test_what_orjson_refuses_is_written_the_same_way(self) -> None:
        plan = load_plan("son-la-2024")
        assert plan.pilot_models is not None
        models = attrs.evolve(plan.pilot_models, total=2**70)  # beyond 64 bits
        plan = attrs.evolve(plan, pilot_models=models)
        text = dumps_plan(plan)
        assert text == json.dumps(de_an06.plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
        assert json.loads(text)["pilot_models"]["total"] == 2**70

    def test_bytes_that_are_not_utf8(self) -> None:
        with pytest.raises(PlanDataError, match="not UTF-8"):
            loads_plan(b'{"id": "\xff"}', source="x.json")

    def test_national_plan_round_trip(self) -> None:
        # The benchmark's plan (benchmarks/national_plan.py): 2,283 tasks, 11,312 mentions.
        path = Path(__file__).parents[1] / "benchmarks" / "national_plan.py"
        spec = importlib.util.spec_from_file_location("national_plan", path)
        assert spec is not None
        assert spec.loader is not None
        national = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(national)
        plan = loads_plan(national.plan_bytes())
        text = dumps_plan(plan)
        assert loads_plan(text) == plan
        assert dumps_plan(loads_plan(text)) == text


class TestFuzzFindings:
    """Inputs the fuzz suite (tests/fuzz) found, each reduced to its smallest form (#9)."""

    def test_deep_nesting_is_our_error_not_recursion(self) -> None:
        # Was RecursionError from the standard library's parser (orjson refuses 1024+).
        with pytest.raises(PlanDataError, match="more than 254 levels deep"):
            loads_plan("[" * 1100 + "]" * 1100, source="deep.json")

    def test_a_number_of_5000_digits_is_our_error(self) -> None:
        # Was ValueError: "Exceeds the limit (4300 digits) for integer string conversion".
        with pytest.raises(PlanDataError, match="a number with more than 4,300 digits"):
            loads_plan("9" * 5000, source="long.json")

    @pytest.mark.parametrize("year", [2**63, -(2**63) - 1, 10**30])
    def test_integers_are_64_bit(self, year: int) -> None:
        # Found by fuzzing: plan_from_dict took any Python int, but the text it dumps to
        # does not load (orjson reads an integer past 64 bits as a float).
        data = json.loads((Path(de_an06.__file__).parent / "data" / "son-la-2024.json").read_text())
        data["year"] = year
        with pytest.raises(
            PlanDataError, match=r"\$\.year: expected an integer of at most 64 bits"
        ):
            de_an06.plan_from_dict(data)
        with pytest.raises(PlanDataError, match=r"\$\.year: expected an integer"):
            loads_plan(json.dumps(data))

    def test_a_repeated_key_is_not_dropped_silently(self) -> None:
        # Was: the second "id" won and "a" was lost without a word.
        with pytest.raises(PlanDataError) as info:
            loads_plan('{"schema_version": 1, "id": "a", "id": "b"}', source="twice.json")
        (problem,) = info.value.problems
        assert (problem.source, problem.path, problem.value) == ("twice.json", "$.id", "id")

    def test_a_lone_surrogate_is_written_as_its_escape(self, tmp_path: Path) -> None:
        # Was UnicodeEncodeError from dump_plan: the text held a lone surrogate ("\ud800"
        # escape in the file), which UTF-8 cannot write.
        data = json.loads((Path(de_an06.__file__).parent / "data" / "son-la-2024.json").read_text())
        data["title"] = "x\ud800"
        plan = loads_plan(json.dumps(data))
        path = tmp_path / "plan.json"
        de_an06.dump_plan(plan, path)
        assert '"title": "x\\ud800"' in path.read_text(encoding="utf-8")
        assert load_plan(path) == plan

    def test_surrogate_halves_are_written_as_the_character(self) -> None:
        # Two halves of a UTF-16 pair in a Python string read back as one character: the
        # canonical text writes that character, so a second dump is the same text.
        plan = attrs.evolve(load_plan("son-la-2024"), title="\ud83d\ude00 \ud800")
        text = dumps_plan(plan)
        assert loads_plan(text).title == "\U0001f600 \ud800"
        assert dumps_plan(loads_plan(text)) == text

    def test_hand_built_text_is_written_in_nfc(self) -> None:
        # A plan built in code may hold NFD text; the canonical JSON is NFC all the same.
        plan = load_plan("son-la-2024")
        nfd = attrs.evolve(plan, title=unicodedata.normalize("NFD", plan.title))
        assert nfd != plan
        assert dumps_plan(nfd) == dumps_plan(plan)

    def test_nfc_is_per_string_not_of_the_whole_text(self) -> None:
        # NFC of the whole JSON text would join the "n" of the escape "\n" to a following
        # combining tilde ("\ñ": not JSON). Each string is normalised on its own.
        plan = attrs.evolve(load_plan("son-la-2024"), title="a\n\u0303 e\u0301")
        text = dumps_plan(plan)
        assert '"title": "a\\n\u0303 é"' in text
        assert loads_plan(text).title == "a\n\u0303 é"
