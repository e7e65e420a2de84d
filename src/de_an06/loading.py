"""Reading and writing plan files: ``load_plan("son-la-2024")``, ``dump_plan(plan, path)``.

A plan file is UTF-8 JSON: ``{"schema_version": 1, "id": ..., ...}`` with the fields of
`Plan` (see docs/json-formats.md). Loading checks everything and reports every problem at
once in one `PlanDataError`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import cattrs
import orjson

from ._converter import MISSING, make_converter, make_json_default, problems_from
from ._integrity import reference_problems
from .errors import PlanDataError, Problem
from .plan import Plan

__all__ = [
    "SCHEMA_VERSION",
    "bundled_plans",
    "dump_plan",
    "dumps_plan",
    "load_plan",
    "loads_plan",
    "plan_from_dict",
    "plan_to_dict",
]

SCHEMA_VERSION = 1
"""The plan file format this version reads and writes."""

# Bundled plans ship as package data beside this module (a regular install or a wheel).
_DATA = Path(__file__).parent / "data"


@cache
def _fast() -> cattrs.Converter:
    # Built once per process: hook generation costs more than loading a small plan.
    return make_converter(detailed=False)


@cache
def _detailed() -> cattrs.Converter:
    return make_converter(detailed=True)


@cache
def _json_default() -> Callable[[object], object]:
    return make_json_default()


def bundled_plans() -> tuple[str, ...]:
    """Names of the plans shipped inside the package, e.g. ``("son-la-2024",)``."""
    folder = _DATA
    return tuple(
        sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))
    )


def load_plan(source: str | os.PathLike[str]) -> Plan:
    """Load a plan from a bundled plan name or a JSON file path.

    >>> load_plan("son-la-2024").decision.number
    '161/QĐ-UBND'

    Raises:
        PlanDataError: the file is missing, is not JSON, or does not match the schema;
            every problem is listed with the file, the field path and the value.
    """
    if isinstance(source, str) and source in bundled_plans():
        resource = _DATA / f"{source}.json"
        return loads_plan(resource.read_text(encoding="utf-8"), source=source)
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        hint = f"; bundled plans: {', '.join(bundled_plans())}"
        raise PlanDataError(
            str(path),
            [Problem(source=str(path), path="$", value=str(source), message="no such file" + hint)],
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanDataError(
            str(path),
            [Problem(source=str(path), path="$", value=str(source), message=f"cannot read: {exc}")],
        ) from None
    return loads_plan(text, source=str(path))


def loads_plan(text: str | bytes, *, source: str = "<string>") -> Plan:
    """Load a plan from JSON text. *source* names it in error messages."""
    return plan_from_dict(_parse_json(text, source), source=source)


def _parse_json(text: str | bytes, source: str) -> object:
    try:
        # orjson parses a large plan in about 3/4 of the standard library's time.
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass  # re-read below: the standard library's errors count lines and columns in
        # characters, and it reads what orjson refuses (NaN, lone surrogate escapes)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanDataError(
            source,
            [
                Problem(
                    source=source,
                    path="$",
                    value=exc.doc[max(0, exc.pos - 20) : exc.pos + 20],
                    message=f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                )
            ],
        ) from None
    except UnicodeDecodeError as exc:
        raise PlanDataError(
            source,
            [Problem(source=source, path="$", value=MISSING, message=f"not UTF-8 text: {exc}")],
        ) from None


def plan_from_dict(data: object, *, source: str = "<data>") -> Plan:
    """Build a plan from already-parsed JSON data (a dict with ``schema_version``)."""
    if not isinstance(data, dict):
        raise PlanDataError(
            source,
            [
                Problem(
                    source=source, path="$", value=data, message="a plan file holds one JSON object"
                )
            ],
        )
    version = data.get("schema_version", MISSING)
    if version != SCHEMA_VERSION:
        message = (
            f"schema_version must be {SCHEMA_VERSION}"
            if version is MISSING
            else f"unsupported schema_version (this de_an06 reads {SCHEMA_VERSION})"
        )
        raise PlanDataError(
            source,
            [Problem(source=source, path="$.schema_version", value=version, message=message)],
        )
    fields = {k: v for k, v in data.items() if k != "schema_version"}
    try:
        plan: Plan = _fast().structure(fields, Plan)
    except Exception:  # any failure is re-diagnosed below, with field paths
        try:
            plan = _detailed().structure(fields, Plan)
        except Exception as exc:  # turned into the library's own error
            raise PlanDataError(source, problems_from(exc, fields, source)) from None
    problems = reference_problems(plan, source)
    if problems:
        raise PlanDataError(source, problems)
    return plan


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data (only dicts, lists, strings, ints, bools and None)."""
    data: dict[str, Any] = _fast().unstructure(plan, Plan)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps_plan(plan: Plan) -> str:
    """The plan as canonical JSON text: fields in model order, NFC text, ISO dates.

    Two-space indentation, non-ASCII text written as is, a final newline. Inverse of
    `loads_plan`: ``loads_plan(dumps_plan(p)) == p``.
    """
    try:
        # orjson writes the model objects through `make_json_default`, ~10x faster than
        # json.dumps(indent=...), which falls back to the pure-Python encoder to indent.
        data = orjson.dumps(
            {"schema_version": SCHEMA_VERSION, **_json_default()(plan)},  # type: ignore[dict-item]  # a Plan is written as a dict
            default=_json_default(),
            option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE,
        )
    except orjson.JSONEncodeError:
        # Integers beyond 64 bits or lone surrogates, which orjson refuses; the
        # standard library writes the same layout (checked in tests/test_loading.py).
        return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
    return data.decode("utf-8")


def dump_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan to *path* as UTF-8 JSON (see `dumps_plan`)."""
    Path(path).write_text(dumps_plan(plan), encoding="utf-8")
