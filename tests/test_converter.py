"""The JSON wire format: lossless round trips, strict types, exact numbers."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from hypothesis import given

from de_an06._converter import fraction_text, make_converter
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
