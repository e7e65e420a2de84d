"""JSON wire format of every model type; the only module that imports cattrs.

Wire rules:

* dates are ISO 8601 strings (``"2024-06-30"``);
* exact numbers (`fractions.Fraction`) are decimal strings (``"65"``, ``"12.5"``), or
  ``"num/den"`` when no finite decimal exists;
* enums are their values (``"lead"``, ``">"``);
* a deadline is a tagged object ``{"kind": ..., "text": <verbatim wording>, ...}``;
* text is stored in Unicode NFC; strings, integers and booleans are never coerced from
  another JSON type, and unknown keys are errors.

Two converters share these hooks. The fast one (``detailed_validation=False``) loads
good files; when it fails, the same data goes through the detailed one, whose errors
carry field paths and are turned into `PlanDataError` problems.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ._text import nfc
from .deadline import DEADLINE_KINDS, Deadline
from .errors import Problem

__all__ = ["MISSING", "fraction_text", "make_converter", "problems_from"]

_DECIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")
_RATIO = re.compile(r"^-?\d+/[1-9]\d*$")


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()
"""Stands for the value of a required field that is absent."""


class WireTypeError(TypeError):
    """A JSON value of the wrong type; the message says what was expected."""


def fraction_text(value: Fraction) -> str:
    """Exact decimal text of *value*, or ``"num/den"`` when it has no finite decimal.

    >>> fraction_text(Fraction(131, 2)), fraction_text(Fraction(1, 3))
    ('65.5', '1/3')
    """
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    scaled = abs(value.numerator) * 10**places // value.denominator
    sign = "-" if value < 0 else ""
    digits = str(scaled).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def _structure_str(value: object, _: object) -> str:
    if type(value) is not str:
        raise WireTypeError(f"expected a string, got {_json_type(value)}")
    return nfc(value)


def _structure_int(value: object, _: object) -> int:
    if type(value) is not int:
        raise WireTypeError(f"expected an integer, got {_json_type(value)}")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise WireTypeError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: object, _: object) -> date:
    if type(value) is not str:
        raise WireTypeError(f"expected an ISO date string, got {_json_type(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise WireTypeError("expected an ISO date (YYYY-MM-DD)") from None


def _structure_fraction(value: object, _: object) -> Fraction:
    if type(value) is int:
        return Fraction(value)
    if type(value) is str and (_DECIMAL.match(value) or _RATIO.match(value)):
        return Fraction(value)
    raise WireTypeError('expected an exact number as a string ("65", "12.5" or "1/3")')


def _json_type(value: object) -> str:
    names = {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _enum_hook(cl: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    # A dict lookup instead of Enum.__call__: a third of stock cattrs' load time.
    members = {m.value: m for m in cl}
    allowed = ", ".join(repr(v) for v in members)

    def structure(value: object, _: object) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise WireTypeError(f"expected one of {allowed}") from None

    return structure


def _configure(conv: cattrs.Converter, *, detailed: bool) -> None:
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(Fraction, _structure_fraction)
    conv.register_unstructure_hook(Fraction, fraction_text)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _: lambda member: member.value,
    )

    def class_hook(cl: type[Any]) -> Callable[[object, object], object]:
        inner = make_dict_structure_fn(
            cl, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def structure(value: object, _: object) -> object:
            if not isinstance(value, Mapping):
                raise WireTypeError(f"expected an object, got {_json_type(value)}")
            return inner(value, cl)

        return structure

    conv.register_structure_hook_factory(attrs.has, class_hook)
    conv.register_unstructure_hook_factory(attrs.has, lambda cl: make_dict_unstructure_fn(cl, conv))

    kinds = {cl.KIND: cl for cl in DEADLINE_KINDS}
    allowed_kinds = ", ".join(repr(k) for k in kinds)

    def structure_deadline(value: object, _: object) -> Deadline:
        if not isinstance(value, Mapping):
            raise WireTypeError(f"expected a deadline object, got {_json_type(value)}")
        cl = kinds.get(value.get("kind"))  # type: ignore[arg-type]  # any JSON value may be a bad tag
        if cl is None:
            raise WireTypeError(f'deadline "kind" must be one of {allowed_kinds}')
        return variant_hooks[cl](value, cl)  # type: ignore[return-value]  # cl is a Deadline kind

    def variant_hook(cl: type[Any]) -> Callable[[object, object], object]:
        inner = class_hook(cl)

        def structure(value: object, _: object) -> object:
            # A variant read on its own may carry its tag; it must be its own.
            if isinstance(value, Mapping) and "kind" in value:
                if value["kind"] != cl.KIND:
                    raise WireTypeError(f'expected "kind": "{cl.KIND}"')
                value = {k: v for k, v in value.items() if k != "kind"}
            return inner(value, cl)

        return structure

    variant_hooks = {cl: variant_hook(cl) for cl in DEADLINE_KINDS}

    plain = {cl: make_dict_unstructure_fn(cl, conv) for cl in DEADLINE_KINDS}

    def unstructure_deadline(value: Deadline) -> dict[str, object]:
        return {"kind": value.KIND, **plain[type(value)](value)}

    conv.register_structure_hook(Deadline, structure_deadline)
    conv.register_unstructure_hook(Deadline, unstructure_deadline)
    for cl in DEADLINE_KINDS:
        # A variant held where the union is expected still carries its tag.
        conv.register_unstructure_hook(cl, unstructure_deadline)
        conv.register_structure_hook(cl, variant_hooks[cl])


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """A converter with the wire rules above; *detailed* adds field-path errors."""
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    _configure(conv, detailed=detailed)
    return conv


def problems_from(exc: BaseException, data: object, source: str, path: str = "$") -> list[Problem]:
    """Turn a detailed converter's exception into problems with paths and values."""
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        found: list[Problem] = []
        for sub, note in with_notes:
            child = data.get(note.name, MISSING) if isinstance(data, Mapping) else MISSING
            found += problems_from(sub, child, source, f"{path}.{note.name}")
        for sub in others:
            found += problems_from(sub, data, source, path)
        return found
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        found = []
        for sub, item in items:
            child = (
                data[item.index]
                if isinstance(data, list) and isinstance(item.index, int)
                else MISSING
            )
            found += problems_from(sub, child, source, f"{path}[{item.index}]")
        for sub in rest:
            found += problems_from(sub, data, source, path)
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        mapping = data if isinstance(data, Mapping) else {}
        return [
            Problem(
                source=source,
                path=f"{path}.{key}",
                value=mapping.get(key, MISSING),
                message="unknown key",
            )
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError) and data is MISSING:
        return [
            Problem(source=source, path=path, value=MISSING, message="required field is missing")
        ]
    message = (
        str(exc) if isinstance(exc, WireTypeError | ValueError) else f"{type(exc).__name__}: {exc}"
    )
    return [Problem(source=source, path=path, value=data, message=message)]
