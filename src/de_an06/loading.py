"""Reading and writing plan files: ``load_plan("son-la-2024")``, ``dump_plan(plan, path)``.

A plan file is UTF-8 JSON: ``{"schema_version": 1, "id": ..., ...}`` with the fields of
`Plan` (see docs/json-formats.md). Loading checks everything and reports every problem at
once in one `PlanDataError`.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import cattrs
import orjson

from ._converter import make_converter, make_json_default, problems_from
from ._files import (
    DEFAULT_MAX_BYTES,
    MAX_JSON_DEPTH,
    ErrorFactory,
    parse_json,
    read_bytes,
    versioned_fields,
    write_atomic,
)
from ._integrity import reference_problems
from ._text import pair_surrogates
from .errors import ExportError, PlanDataError, Problem
from .plan import Plan

__all__ = [
    "MAX_JSON_DEPTH",
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


def load_plan(source: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Plan:
    """Load a plan from a bundled plan name or a JSON file path.

    >>> load_plan("son-la-2024").decision.number
    '161/QĐ-UBND'

    The file is UTF-8 (with or without a byte-order mark) or UTF-16 with one, and at most
    *max_bytes* long (64 MiB by default).

    Raises:
        PlanDataError: the file is missing, too large, not UTF-8/UTF-16 text, not JSON,
            nested deeper than JSON allows, or does not match the schema; every problem
            is listed with the file, the field path and the value.
    """
    if isinstance(source, str) and source in bundled_plans():
        path, name = _DATA / f"{source}.json", source
    else:
        path = Path(source)
        name = str(path)
    data = read_bytes(path, what="plan file", max_bytes=max_bytes, error=_file_error(name))
    return loads_plan(data, source=name)


def _file_error(source: str) -> ErrorFactory:
    def error(message: str, value: object, path: str = "$") -> PlanDataError:
        if message.endswith("no such file"):
            message += f"; bundled plans: {', '.join(bundled_plans())}"
        return PlanDataError(
            source, [Problem(source=source, path=path, value=value, message=message)]
        )

    return error


def loads_plan(text: str | bytes, *, source: str = "<string>") -> Plan:
    """Load a plan from JSON text. *source* names it in error messages.

    Bytes are read like a file: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
    """
    return plan_from_dict(_parse_json(text, source), source=source)


def _parse_json(text: str | bytes, source: str) -> object:
    return parse_json(text, what="plan file", error=_file_error(source))


def plan_from_dict(data: object, *, source: str = "<data>") -> Plan:
    """Build a plan from already-parsed JSON data (a dict with ``schema_version``)."""
    fields = versioned_fields(data, SCHEMA_VERSION, what="a plan file", error=_file_error(source))
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

    Two-space indentation, non-ASCII text written as is, a final newline; dumping twice
    gives the same text. Text is written in NFC even when the plan was built by hand with
    other forms (a loaded plan already holds NFC). Inverse of `loads_plan`:
    ``loads_plan(dumps_plan(p)) == p`` for every loaded plan.
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
        return _dumps_slowly(plan)
    text = data.decode("utf-8")
    # One check of the whole text (4 ms for 2.7 MB; the same text object comes back when
    # it is NFC): NFC text means every string in it is NFC. Not the fix, though: NFC
    # of the whole text could join an escape's letter to a mark ("\\n" + U+0303 → "\\ñ").
    if text.isascii() or unicodedata.normalize("NFC", text) is text:
        return text
    return _dumps_slowly(plan)


def _dumps_slowly(plan: Plan) -> str:
    """`dumps_plan` through the standard library, each string made NFC on the way."""
    text = json.dumps(_nfc_strings(plan_to_dict(plan)), ensure_ascii=False, indent=2) + "\n"
    # A lone surrogate cannot be written as UTF-8: keep it as the JSON escape it came as.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _nfc_strings(value: Any) -> Any:
    if isinstance(value, str):  # as JSON reads it back: NFC, surrogate pairs joined
        return unicodedata.normalize("NFC", pair_surrogates(value))
    if isinstance(value, dict):
        return {_nfc_strings(k): _nfc_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_strings(v) for v in value]
    return value


def dump_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan to *path* as UTF-8 JSON (see `dumps_plan`), whole or not at all.

    Raises:
        ExportError: the file cannot be written (a folder, no such folder, read-only);
            the old file, if any, is left as it was.
    """
    write_atomic(path, dumps_plan(plan), error=ExportError)
