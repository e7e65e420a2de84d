"""The JSON wire format: lossless round trips, strict types, exact numbers."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import cattrs
import orjson
import pytest
from cattrs.errors import ForbiddenExtraKeysError
from hypothesis import given

import de_an06
from de_an06 import (
    Agency,
    Mention,
    ModelValueError,
    PlanDataError,
    Service,
    WithinPeriod,
    dumps_plan,
    loads_plan,
    plan_from_dict,
)
from de_an06._converter import (
    _fills_slots_only,
    fraction_text,
    make_converter,
    make_json_default,
    problems_from,
)
from de_an06.deadline import Deadline

from strategies import EVERY_MODEL, deadlines, fractions

FAST = make_converter()
DETAILED = make_converter(detailed=True)


def only_json_primitives(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and only_json_primitives(v) for k, v in value.items())
    if isinstance(value, list):
        return all(only_json_primitives(v) for v in value)
    return value is None or isinstance(value, str | int | bool)


class TestRoundTrip:
    """structure(unstructure(x)) == x for every model type, through both converters."""

    @pytest.mark.parametrize("cls", list(EVERY_MODEL), ids=lambda c: c.__name__)
    def test_every_model_type(self, cls: type) -> None:
        @given(EVERY_MODEL[cls])
        def check(obj: object) -> None:
            data = FAST.unstructure(obj, cls)
            assert only_json_primitives(data)
            text = json.dumps(data, ensure_ascii=False)
            assert FAST.structure(json.loads(text), cls) == obj
            assert DETAILED.structure(json.loads(text), cls) == obj

        check()

    @given(deadlines)
    def test_deadline_union_is_tagged(self, deadline: Deadline) -> None:
        data = FAST.unstructure(deadline, Deadline)
        assert data["kind"] == deadline.KIND
        assert data["text"] == deadline.text
        assert FAST.structure(data, Deadline) == deadline


class TestFractionText:
    """Exact numbers are written as decimal strings when they can be, and read back exactly."""

    @given(fractions)
    def test_round_trip(self, value: Fraction) -> None:
        assert Fraction(fraction_text(value)) == value

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Fraction(65), "65"),
            (Fraction(131, 2), "65.5"),
            (Fraction(-1, 8), "-0.125"),
            (Fraction(1, 3), "1/3"),
            (Fraction(0), "0"),
            (Fraction(1, 100), "0.01"),
        ],
    )
    def test_pinned(self, value: Fraction, text: str) -> None:
        assert fraction_text(value) == text


class TestStrictTypes:
    """JSON values are never coerced from another type."""

    @pytest.mark.parametrize(
        ("cls", "value"),
        [
            (str, 5),
            (int, "5"),
            (int, True),
            (int, 5.0),
            (bool, 1),
            (Fraction, 0.5),
            (Fraction, "1e3"),
            (Fraction, "abc"),
        ],
    )
    def test_rejected(self, cls: type, value: object) -> None:
        with pytest.raises(TypeError):
            FAST.structure(value, cls)

    def test_strings_are_stored_nfc(self) -> None:
        decomposed = "So\u031b\u0300n La"  # NFD-ish input
        assert FAST.structure(decomposed, str) == "Sờn La"


class TestSequences:
    """A tuple field takes a JSON list only: no string split into characters, no object keys."""

    @pytest.mark.parametrize("value", ["UBND tỉnh", {"UBND tỉnh": 1}, 5, None])
    def test_not_a_list(self, value: object) -> None:
        data = {"key": "a", "name": "b", "level": "province", "aliases": value}
        with pytest.raises(TypeError, match="expected a list"):
            FAST.structure(data, Agency)
        with pytest.raises(cattrs.ClassValidationError) as info:
            DETAILED.structure(data, Agency)
        [problem] = problems_from(info.value, data, "x.json")
        assert (problem.path, problem.value) == ("$.aliases", value)
        assert "expected a list" in problem.message

    def test_items_are_checked_with_their_index(self) -> None:
        data = {"key": "a", "name": "b", "level": "province", "aliases": ["ok", 5]}
        with pytest.raises(cattrs.ClassValidationError) as info:
            DETAILED.structure(data, Agency)
        [problem] = problems_from(info.value, data, "x.json")
        assert (problem.path, problem.value) == ("$.aliases[1]", 5)


class TestFastClassHook:
    """The fast converter's generated constructors keep every check the classes make."""

    def test_post_init_still_runs(self) -> None:
        data = {"text": "Quý V/2024", "year": 2024, "unit": "quarter", "number": 5}
        with pytest.raises(ModelValueError, match=r"1\.\.4"):
            FAST.structure(data, WithinPeriod)

    def test_unknown_key(self) -> None:
        with pytest.raises(ForbiddenExtraKeysError) as info:
            FAST.structure({"agency": "a", "text": "b", "colour": "red"}, Mention)
        assert info.value.extra_fields == {"colour"}

    def test_not_an_object_fails(self) -> None:
        with pytest.raises(AttributeError):
            FAST.structure(["agency", "text"], Mention)

    def test_missing_default_is_the_default(self) -> None:
        mention = FAST.structure({"agency": "a", "text": "b"}, Mention)
        assert mention == Mention(agency="a", text="b")
        assert hash(mention) == hash(Mention(agency="a", text="b"))

    def test_validators_and_converters_are_kept(self) -> None:
        @attrs.frozen(kw_only=True)
        class Checked:
            count: int = attrs.field(validator=attrs.validators.ge(0))
            name: str = attrs.field(converter=str.strip)

        with pytest.raises(ValueError, match="count"):
            FAST.structure({"count": -1, "name": "x"}, Checked)
        assert FAST.structure({"count": 1, "name": " x "}, Checked).name == "x"

    def test_factories_and_own_init_are_kept(self) -> None:
        @attrs.frozen(kw_only=True)
        class WithFactory:
            tags: list[str] = attrs.Factory(list)

        @attrs.frozen(kw_only=True)
        class WithPreInit:
            name: str

            def __attrs_pre_init__(self) -> None:
                seen.append("pre")

        @attrs.frozen(kw_only=True, slots=False)
        class WithoutSlots:
            name: str

        @attrs.frozen(kw_only=True, cache_hash=True)
        class CachedHash:
            name: str

        seen: list[str] = []
        assert FAST.structure({}, WithFactory).tags == []
        assert FAST.structure({"name": "x"}, WithPreInit).name == "x"
        assert seen == ["pre"]
        assert FAST.structure({"name": "x"}, WithoutSlots) == WithoutSlots(name="x")
        assert hash(FAST.structure({"name": "x"}, CachedHash)) == hash(CachedHash(name="x"))

    @pytest.mark.parametrize("cls", list(EVERY_MODEL), ids=lambda c: c.__name__)
    def test_model_classes_fill_their_slots(self, cls: type) -> None:
        # The model's classes all take the fast path; a change in attrs that hid this
        # would keep loading correct, only slower.
        assert _fills_slots_only(cls)

    def test_a_class_holding_itself(self) -> None:
        data = {"number": "13", "number_text": "13", "name": "a", "items": [
            {"number": "13.1", "number_text": "13,1", "name": "b"}
        ]}  # fmt: skip
        service = FAST.structure(data, Service)
        assert service.items == (Service(number="13.1", number_text="13,1", name="b"),)


class TestJsonDefault:
    """orjson with `make_json_default` writes exactly what the converter unstructures."""

    @pytest.mark.parametrize("cls", list(EVERY_MODEL), ids=lambda c: c.__name__)
    def test_every_model_type(self, cls: type) -> None:
        default = make_json_default()

        @given(EVERY_MODEL[cls])
        def check(obj: object) -> None:
            assert orjson.loads(orjson.dumps(obj, default=default)) == FAST.unstructure(obj, cls)

        check()

    def test_other_types_are_refused(self) -> None:
        with pytest.raises(TypeError, match="complex"):
            make_json_default()(1j)


class TestFuzzFindings:
    """Values the fuzz suite found that loaded but could not be written back (#9)."""

    @pytest.mark.parametrize(
        "value",
        [10**5000, 2**63, "9" * 4000 + "." + "9" * 4000, "1" * 101],
        ids=["10**5000", "2**63", "8001 characters", "101 characters"],
    )
    def test_exact_numbers_have_a_size(self, value: object) -> None:
        # A 10**5000 target loaded, then raised ValueError when written (str() of it).
        with pytest.raises(PlanDataError, match=r"at most 100 characters\) or an integer"):
            plan_from_dict(_with_target(value))

    def test_a_long_but_fine_number(self) -> None:
        plan = plan_from_dict(_with_target("1" * 60 + "." + "5"))
        assert dumps_plan(plan) == dumps_plan(loads_plan(dumps_plan(plan)))


def _with_target(value: object) -> dict[str, Any]:
    data = json.loads((Path(de_an06.__file__).parent / "data" / "son-la-2024.json").read_text())
    data["objectives"][0]["indicators"][0]["target"]["value"] = value
    return data
