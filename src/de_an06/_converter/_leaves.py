"""The wire format's leaf and container hooks: strings, integers, dates, exact numbers,
enums, ``tuple[X, ...]`` and ``X | None`` (see the package docstring for the rules).
"""

from __future__ import annotations

import enum
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.fns import identity

from .._dates import FIRST_DAY, LAST_DAY, check_day
from .._files import INT64_MAX, INT64_MIN
from .._text import fraction_text

# ASCII digits only, and nothing after (no "\n": `$` would allow one).
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")
_RATIO = re.compile(r"-?[0-9]+/[1-9][0-9]*\Z")

Hook = Callable[[Any, Any], Any]


class WireTypeError(TypeError):
    """A JSON value of the wrong type; the message says what was expected."""


# --- leaves ---------------------------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return unicodedata.normalize("NFC", value)  # _text.nfc, without a call per string
    raise WireTypeError(f"expected a string, got {_json_type(value)}")


def _structure_int(value: object, _: object) -> int:
    if type(value) is not int:
        raise WireTypeError(f"expected an integer, got {_json_type(value)}")
    if not INT64_MIN <= value <= INT64_MAX:
        raise WireTypeError(f"expected an integer of at most 64 bits (±{INT64_MAX})")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise WireTypeError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: object, _: object) -> date:
    if type(value) is not str:
        raise WireTypeError(f"expected an ISO date string, got {_json_type(value)}")
    # ASCII YYYY-MM-DD only: fromisoformat also reads "20250115", "2025-W03-3" and
    # non-ASCII digits, which would be written back in another form.
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return check_day(date.fromisoformat(value))
    except ValueError:
        raise WireTypeError(
            f"expected an ISO date (YYYY-MM-DD) from {FIRST_DAY.isoformat()} "
            f"to {LAST_DAY.isoformat()}"
        ) from None


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _structure_fraction(value: object, _: object) -> Fraction:
    if type(value) is int and INT64_MIN <= value <= INT64_MAX:
        return Fraction(value)
    if (
        type(value) is str
        and len(value) <= _EXACT_CHARS
        and (_DECIMAL.match(value) or _RATIO.match(value))
    ):
        return Fraction(value)
    raise WireTypeError(
        f'expected an exact number as a string ("65", "12.5" or "1/3"; at most {_EXACT_CHARS} '
        "characters) or an integer of at most 64 bits"
    )


def _wire_fraction(value: Fraction) -> str:
    """*value* as the loader reads it back: its decimal, or "num/den" if that is longer.

    ``1/2**100`` has a finite decimal of 102 characters, past `_EXACT_CHARS`; its ratio
    is never longer than the text it was read from, so ``load(dump(x)) == x``.
    """
    text = fraction_text(value)
    if len(text) > _EXACT_CHARS:
        return f"{value.numerator}/{value.denominator}"
    return text


# Longer exact numbers are no target or baseline a plan states; the limit keeps their
# written form within what Python converts between text and integers (4,300 digits).
_EXACT_CHARS = 100


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


def _is_enum(t: object) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _enum_hook(cl: type[enum.Enum]) -> Hook:
    # A dict lookup instead of Enum.__call__: a third of stock cattrs' load time.
    members = {m.value: m for m in cl}
    allowed = ", ".join(repr(v) for v in members)

    def structure(value: object, _: object) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise WireTypeError(f"expected one of {allowed}") from None

    return structure


# --- containers -----------------------------------------------------------------------


def _is_sequence(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _sequence_hook(conv: cattrs.Converter, t: Any) -> Hook:
    # A list comprehension instead of cattrs' generic generator. Only a JSON list is a
    # sequence: cattrs would split a string into characters and an object into keys.
    item = typing.get_args(t)[0]
    if conv.detailed_validation:
        detailed = homogenous_tuple_structure_factory(t, conv)  # errors carry the index

        def structure_detailed(value: object, _: object) -> object:
            if type(value) is list or type(value) is tuple:
                return detailed(value, t)
            raise WireTypeError(f"expected a list, got {_json_type(value)}")

        return structure_detailed
    try:
        hook = conv.get_structure_hook(item)
    except RecursionError:  # a class holding itself (Service.items): look it up per call
        hook = conv.structure

    def structure(value: object, _: object) -> object:
        if type(value) is list or type(value) is tuple:
            return tuple([hook(v, item) for v in value])
        raise WireTypeError(f"expected a list, got {_json_type(value)}")

    return structure


def _sequence_unstructure_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any], Any]:
    hook = conv.get_unstructure_hook(typing.get_args(t)[0])
    if hook is identity:
        return list
    return lambda value: [hook(v) for v in value]


def _is_optional(t: object) -> bool:
    args = typing.get_args(t)
    union = typing.get_origin(t) in (typing.Union, types.UnionType)
    return union and len(args) == 2 and type(None) in args


def _optional_hook(conv: cattrs.Converter, t: Any) -> Hook:
    # "X | None" without cattrs' generic union dispatch on every value.
    (inner,) = (a for a in typing.get_args(t) if a is not type(None))
    hook = conv.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


def _optional_unstructure_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any], Any]:
    (inner,) = (a for a in typing.get_args(t) if a is not type(None))
    hook = conv.get_unstructure_hook(inner)
    if hook is identity:
        return identity  # the generated class function then reads the field directly
    return lambda value: None if value is None else hook(value)
