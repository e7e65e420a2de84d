"""JSON wire format of every model type; the only package that imports cattrs.

Wire rules:

* dates are ISO 8601 strings (``"2024-06-30"``);
* exact numbers (`fractions.Fraction`) are decimal strings (``"65"``, ``"12.5"``), or
  ``"num/den"`` when no finite decimal exists;
* enums are their values (``"lead"``, ``">"``);
* a deadline is a tagged object ``{"kind": ..., "text": <verbatim wording>, ...}``;
* text is stored in Unicode NFC; strings, integers, booleans and lists are never
  coerced from another JSON type, and unknown keys are errors.

Two converters share these hooks. The fast one (``detailed_validation=False``) loads
good files; when it fails, the same data goes through the detailed one, whose errors
carry field paths and are turned into `PlanDataError` problems. The fast one builds each
attrs class with one generated function (`_fast_class_hook`); the detailed one keeps
cattrs' own, which records where each error happened. Writing JSON text goes through
orjson with `make_json_default`, which gives the same data as unstructuring.

Speed (benchmarks/README.md): a 2.7 MB national plan loads in about the time pydantic
takes for the same checks, and is written faster.
"""

from __future__ import annotations

import operator
import threading
import types
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .._files import MISSING
from .._text import fraction_text
from ..deadline import DEADLINE_KINDS, Deadline
from ..errors import Problem
from ._leaves import (
    Hook,
    WireTypeError,
    _enum_hook,
    _is_enum,
    _is_optional,
    _is_sequence,
    _json_type,
    _optional_hook,
    _optional_unstructure_hook,
    _sequence_hook,
    _sequence_unstructure_hook,
    _structure_bool,
    _structure_date,
    _structure_fraction,
    _structure_int,
    _structure_str,
    _wire_fraction,
)

__all__ = ["MISSING", "fraction_text", "make_converter", "make_json_default", "problems_from"]

# --- attrs classes --------------------------------------------------------------------


def _fast_class_hook(conv: cattrs.Converter, cl: type[Any], building: threading.local) -> Hook:
    """One generated function that builds *cl* from a dict, for the fast converter.

    Like cattrs' generated function, but it checks the keys with one set comparison and
    fills the slots directly instead of calling the frozen ``__init__`` (whose
    ``object.__setattr__`` per field is the largest single cost of a load). It still
    calls ``__attrs_post_init__`` (``WithinPeriod`` checks its period number there).
    Classes whose ``__init__`` does more — validators, converters, factories — get
    cattrs' function. Anything but a dict fails at ``o.keys()``.
    """
    if not _fills_slots_only(cl):
        return make_dict_structure_fn(cl, conv, _cattrs_detailed_validation=False)
    generating: set[type] = building.__dict__.setdefault("classes", set())
    if cl in generating:
        raise RecursionError(cl)  # caught by the sequence hook of a class holding itself
    generating.add(cl)
    try:
        fields = attrs.fields(attrs.resolve_types(cl))
        ns: dict[str, Any] = {"cl": cl, "new": object.__new__, "keys": {f.name for f in fields}}
        ns["unknown"] = _unknown_keys
        lines = [
            "def structure(o, _):",
            "    if not o.keys() <= keys:",
            "        unknown(o, keys, cl)",
            "    self = new(cl)",
        ]
        for i, f in enumerate(fields):
            ns[f"set{i}"] = getattr(cl, f.name).__set__  # the slot's own setter
            ns[f"hook{i}"], ns[f"type{i}"] = conv.get_structure_hook(f.type), f.type
            value = f"hook{i}(o[{f.name!r}], type{i})"
            if f.default is not attrs.NOTHING:
                ns[f"default{i}"] = f.default
                value = f"{value} if {f.name!r} in o else default{i}"
            lines.append(f"    set{i}(self, {value})")
        if hasattr(cl, "__attrs_post_init__"):
            lines.append("    self.__attrs_post_init__()")
        lines.append("    return self")
        exec(compile("\n".join(lines), f"<de_an06 structure {cl.__qualname__}>", "exec"), ns)
    finally:
        generating.discard(cl)
    hook: Hook = ns["structure"]
    return hook


def _fills_slots_only(cl: type[Any]) -> bool:
    """Whether *cl*'s attrs-generated ``__init__`` only stores each argument in its slot."""
    init = cl.__dict__.get("__init__")
    fields = attrs.fields(cl)
    return (
        init is not None
        and init.__code__.co_filename.startswith("<attrs generated")
        and cl.__new__ is object.__new__  # type: ignore[comparison-overlap]  # mypy types them apart
        and not hasattr(cl, "__attrs_pre_init__")
        and "_attrs_cached_hash" not in getattr(cl, "__slots__", ())
        and all(
            f.init
            and f.validator is None
            and f.converter is None
            and not isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]  # attrs.Factory is a class
            and isinstance(_class_attribute(cl, f.name), types.MemberDescriptorType)
            for f in fields
        )
    )


def _class_attribute(cl: type[Any], name: str) -> object:
    """*name* as the class defines it, not as a descriptor returns it (`inspect.getattr_static`
    without importing `inspect`, which would cost the command line ~5 ms)."""
    return next((k.__dict__[name] for k in cl.__mro__ if name in k.__dict__), None)


def _unknown_keys(value: Mapping[str, object], known: set[str], cl: type[Any]) -> None:
    raise ForbiddenExtraKeysError("", cl, set(value) - known)


def _detailed_class_hook(conv: cattrs.Converter, cl: type[Any]) -> Hook:
    inner = make_dict_structure_fn(cl, conv, _cattrs_detailed_validation=True)

    def structure(value: object, _: object) -> object:
        if not isinstance(value, Mapping):
            raise WireTypeError(f"expected an object, got {_json_type(value)}")
        return inner(value, cl)

    return structure


# --- deadlines: a union tagged by "kind" ----------------------------------------------


def _configure_deadlines(conv: cattrs.Converter, class_hook: Callable[[type[Any]], Hook]) -> None:
    kinds = {cl.KIND: cl for cl in DEADLINE_KINDS}
    allowed_kinds = ", ".join(repr(k) for k in kinds)
    untagged: dict[type, Hook] = {}  # filled last, see below
    plain: dict[type, Callable[[Any], dict[str, object]]] = {}

    def structure_deadline(value: object, _: object) -> Deadline:
        if not isinstance(value, Mapping):
            raise WireTypeError(f"expected a deadline object, got {_json_type(value)}")
        cl = kinds.get(value.get("kind"))  # type: ignore[arg-type]  # any JSON value may be a bad tag
        if cl is None:
            raise WireTypeError(f'deadline "kind" must be one of {allowed_kinds}')
        fields = {k: v for k, v in value.items() if k != "kind"}
        return untagged[cl](fields, cl)  # type: ignore[no-any-return]  # cl is a Deadline kind

    def variant_hook(cl: type[Any]) -> Hook:
        def structure(value: object, _: object) -> object:
            # A variant read on its own may carry its tag; it must be its own.
            if isinstance(value, Mapping) and "kind" in value:
                if value["kind"] != cl.KIND:
                    raise WireTypeError(f'expected "kind": "{cl.KIND}"')
                value = {k: v for k, v in value.items() if k != "kind"}
            return untagged[cl](value, cl)

        return structure

    def unstructure_deadline(value: Deadline) -> dict[str, object]:
        return {"kind": value.KIND, **plain[type(value)](value)}

    conv.register_structure_hook(Deadline, structure_deadline)
    conv.register_unstructure_hook(Deadline, unstructure_deadline)
    for cl in DEADLINE_KINDS:
        # A variant held where the union is expected still carries its tag.
        conv.register_unstructure_hook(cl, unstructure_deadline)
        conv.register_structure_hook(cl, variant_hook(cl))
    # Built once the union's hooks exist: Compound.parts holds deadlines.
    for cl in DEADLINE_KINDS:
        untagged[cl] = class_hook(cl)
        plain[cl] = make_dict_unstructure_fn(cl, conv)


# --- the converters -------------------------------------------------------------------


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """A converter with the wire rules above; *detailed* adds field-path errors."""
    conv = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(Fraction, _structure_fraction)
    conv.register_unstructure_hook(Fraction, _wire_fraction)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    # Enum.value is a Python-level property; attrgetter reads the same attribute in C.
    conv.register_unstructure_hook_factory(_is_enum, lambda _: operator.attrgetter("_value_"))
    conv.register_structure_hook_factory(_is_sequence, lambda t: _sequence_hook(conv, t))
    conv.register_unstructure_hook_factory(
        _is_sequence, lambda t: _sequence_unstructure_hook(conv, t)
    )
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(conv, t))
    conv.register_unstructure_hook_factory(
        _is_optional, lambda t: _optional_unstructure_hook(conv, t)
    )

    building = threading.local()  # classes whose hook is being built, as cattrs keeps them

    def class_hook(cl: type[Any]) -> Hook:
        if detailed:
            return _detailed_class_hook(conv, cl)
        return _fast_class_hook(conv, cl, building)

    conv.register_structure_hook_factory(attrs.has, class_hook)
    conv.register_unstructure_hook_factory(attrs.has, lambda cl: make_dict_unstructure_fn(cl, conv))
    _configure_deadlines(conv, class_hook)
    return conv


def make_json_default() -> Callable[[object], object]:
    """The ``default`` for `orjson.dumps` that writes model objects by the wire rules.

    orjson writes strings, numbers, lists, tuples, enums (their values) and dates (ISO)
    itself, and asks this for the rest: an attrs object becomes the dict of its fields,
    read as they are (a deadline gets its "kind" first), a `Fraction` its text. The
    result equals writing ``make_converter().unstructure(obj)``, in half the time: no
    hook runs per field, no list is built per tuple.
    """
    as_is = cattrs.Converter()
    as_is.register_unstructure_hook_func(lambda _: True, identity)  # every field as it is
    writers: dict[type, Callable[[Any], object]] = {Fraction: _wire_fraction}
    kinds = set(DEADLINE_KINDS)

    def writer(cl: type[Any]) -> Callable[[Any], object]:
        if not attrs.has(cl):
            raise TypeError(f"no JSON form for {cl.__name__}")
        fields = make_dict_unstructure_fn(cl, as_is)
        if cl in kinds:
            return lambda value: {"kind": cl.KIND, **fields(value)}
        return fields

    def default(value: object) -> object:
        write = writers.get(type(value))
        if write is None:
            write = writers[type(value)] = writer(type(value))
        return write(value)

    return default


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
