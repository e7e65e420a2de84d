"""Fuzzing plan JSON: `loads_plan`, `load_plan` and `plan_from_dict` on anything.

Inputs are the bundled plan mutated (keys deleted, repeated or retyped, deep nesting,
huge numbers, odd Unicode, NaN, lone surrogates), arbitrary JSON values and arbitrary
bytes. The library answers with a `PlanDataError` naming the source and each field
path, or with a plan that keeps what it was given and survives dump → load unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from fuzzing import assert_kept, attempt, fuzz_settings, nfc_all
from hypothesis import given, strategies as st

from de_an06 import Plan, dumps_plan, load_plan, loads_plan, plan_from_dict, plan_to_dict
from de_an06.loading import _DATA

from mutators import READABLE, encoded, json_values, mutated_json, python_oddities

PLAN = (_DATA / "son-la-2024.json").read_bytes()
SOURCE = "fuzz-plan.json"


def assert_sound(plan: Plan, given: Any) -> None:
    """The plan keeps *given*, and dumping and loading it changes nothing."""
    assert_kept(nfc_all(given), plan_to_dict(plan))
    text = dumps_plan(plan)
    again = loads_plan(text)
    assert again == plan
    assert dumps_plan(again) == text
    text.encode("utf-8")  # writable as a file


class TestMutatedPlan:
    """The bundled plan, changed in up to three places."""

    @fuzz_settings(weight=0.4)
    @given(mutated_json(PLAN))
    def test_text(self, case: tuple[str, Any, bool, bool]) -> None:
        text, data, repeats_a_key, raw = case
        plan = attempt("plan JSON: mutated text", SOURCE, lambda: loads_plan(text, source=SOURCE))
        if plan is not None:
            assert not repeats_a_key, "a repeated key was read silently"
            assert_sound(plan, plan_to_dict(plan) if raw else data)

    @fuzz_settings(weight=0.3)
    @given(st.data())
    def test_bytes(self, data: st.DataObject) -> None:
        text, *_ = data.draw(mutated_json(PLAN))
        bytes_ = data.draw(encoded(text))
        if bytes_ is None:
            return
        raw, encoding = bytes_
        plan = attempt("plan JSON: mutated bytes", SOURCE, lambda: loads_plan(raw, source=SOURCE))
        if encoding in READABLE:  # read as the text it is
            as_text = attempt(
                "plan JSON: mutated bytes",
                SOURCE,
                lambda: loads_plan(text, source=SOURCE),
                count=False,
            )
            assert plan == as_text
        if plan is not None:
            assert_sound(plan, plan_to_dict(plan))

    @fuzz_settings(weight=0.3)
    @given(mutated_json(PLAN), st.lists(python_oddities, max_size=2))
    def test_parsed_data(self, case: tuple[str, Any, bool, bool], oddities: list[object]) -> None:
        data = case[1]
        if isinstance(data, dict):
            for i, odd in enumerate(oddities):
                data[f"odd{i}" if i % 2 else "year"] = odd
        plan = attempt(
            "plan JSON: mutated parsed data", SOURCE, lambda: plan_from_dict(data, source=SOURCE)
        )
        if plan is not None:
            assert_sound(plan, data)


class TestDeepDeadlines:
    """Compound deadlines nested to any depth: loaded and written back, or refused."""

    @fuzz_settings(weight=0.05)
    @given(st.integers(1, 140), st.booleans())
    def test_nested_compounds(self, depth: int, indent: bool) -> None:
        deadline = {"kind": "ongoing", "text": "Thường xuyên"}
        for _ in range(depth):
            deadline = {"kind": "compound", "text": "x", "parts": [deadline]}
        data = orjson.loads(PLAN)
        data["task_groups"][0]["tasks"][0]["deadline"] = deadline
        text = json.dumps(data, ensure_ascii=False, indent=2 if indent else None)
        plan = attempt(
            "plan JSON: nested deadlines", SOURCE, lambda: loads_plan(text, source=SOURCE)
        )
        if plan is not None:
            assert_sound(plan, data)


class TestAnything:
    """Any JSON value, any text, any bytes."""

    @fuzz_settings(weight=0.4)
    @given(json_values)
    def test_json_values(self, value: object) -> None:
        attempt("plan JSON: any value", SOURCE, lambda: plan_from_dict(value, source=SOURCE))
        text = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS) if _writable(value) else None
        if text is not None:
            attempt("plan JSON: any value", SOURCE, lambda: loads_plan(text, source=SOURCE))

    @fuzz_settings(weight=0.4)
    @given(st.one_of(st.binary(), st.text().map(str.encode)))
    def test_bytes(self, raw: bytes) -> None:
        attempt("plan JSON: any bytes", SOURCE, lambda: loads_plan(raw, source=SOURCE))

    @fuzz_settings(weight=0.2)
    @given(st.binary(max_size=64))
    def test_file(self, tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
        path = tmp_path_factory.getbasetemp() / "fuzz-plan-file.json"
        path.write_bytes(raw)
        attempt("plan JSON: any file", str(path), lambda: load_plan(path))


def _writable(value: object) -> bool:
    try:
        orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except (orjson.JSONEncodeError, TypeError):
        return False
    return True


def test_the_bundled_plan_is_sound() -> None:
    """The mutations start from a plan that keeps its file's data and re-dumps the same."""
    assert_sound(loads_plan(PLAN), orjson.loads(PLAN))
