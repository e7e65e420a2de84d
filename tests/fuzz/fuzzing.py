"""What every fuzz test shares: settings by weight, the error check, input counters.

Each fuzz test calls an input path through `attempt`, which counts the input under the
path's name, accepts only the library's own errors (a `DeAn06Error` naming the source
and the place: a field path, a line, a byte, a span), and counts anything else as a
foreign exception before re-raising it with the input attached as a note (`shown`: a
repr that never fails and prints on any UTF-8 stream). ``conftest.py`` prints both
counts at the end.

Values whose plain repr fails (lists nested past the recursion limit) are drawn as
`Deep` lists, whose repr names their depth: hypothesis prints every failing example,
and a printer that raises would hide the failure it was reporting.
"""

from __future__ import annotations

import re
import reprlib
import unicodedata
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

from de_an06.errors import (
    DateRangeError,
    DeadlineSyntaxError,
    DeAn06Error,
    ModelValueError,
    ObservationDataError,
    PeriodIdError,
    PlanDataError,
    PlanTextError,
)

__all__ = [
    "ACCEPTED",
    "COUNTS",
    "FOREIGN",
    "Deep",
    "assert_kept",
    "attempt",
    "fuzz_settings",
    "nfc_all",
    "shown",
]

COUNTS: Counter[str] = Counter()
"""Inputs tried per input path."""
ACCEPTED: Counter[str] = Counter()
"""Inputs that gave a result rather than an error, per input path."""
FOREIGN: Counter[str] = Counter()
"""Exceptions other than the library's own, per input path (must stay 0)."""

T = TypeVar("T")


def fuzz_settings(weight: float = 1.0) -> settings:
    """*weight* times the profile's ``max_examples`` (30 dev, 300 ci, 10,000 fuzz)."""
    return settings(
        max_examples=max(1, round(settings.default.max_examples * weight)),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


_NOTHING: Any = object()


def attempt(
    path: str,
    source: str,
    call: Callable[[], T],
    *,
    count: bool = True,
    given: object = _NOTHING,
) -> T | None:
    """``call()``, or None when it raised the library's own error naming *source*.

    *count* False: the same input again in another form (not a new input of *path*).
    *given*: the input, shown (truncated) with a foreign exception.
    """
    COUNTS[path] += count
    try:
        result = call()
    except DeAn06Error as exc:
        check_error(exc, source)
        return None
    except Exception as exc:
        FOREIGN[path] += 1
        exc.add_note(f"fuzz path {path!r}, source {shown(source)}")
        if given is not _NOTHING:
            exc.add_note(f"fuzz input: {shown(given)}")
        raise
    ACCEPTED[path] += count
    return result


class Deep(list[object]):
    """A list nested *depth* deep (a list in a list …), whose repr says so."""

    def __init__(self, depth: int, inner: object = None) -> None:
        value: object = [] if inner is None else inner
        for _ in range(depth - 1):
            value = [value]
        super().__init__([value])
        self.depth = depth

    def __repr__(self) -> str:
        return f"Deep({self.depth})"


class _Repr(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother = 6, 160, 160
        self.maxlist = self.maxtuple = self.maxdict = self.maxset = 12

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > 256:  # repr() refuses past 4,300 digits, and it says nothing
            sign = "-" if x < 0 else ""
            return f"<int of {x.bit_length():,} bits, {sign}0x{abs(x):x}"[:40] + "…>"
        return repr(x)

    def repr_str(self, x: str, level: int) -> str:
        text = repr(x[: self.maxstring])
        return text if len(x) <= self.maxstring else f"{text}+…({len(x):,} chars)"


_SHOWN = _Repr()


def shown(value: object, limit: int = 600) -> str:
    """*value*'s repr, at most *limit* characters, writable to any UTF-8 stream; never fails
    (huge integers, nesting past the recursion limit, lone surrogates, a broken __repr__)."""
    try:
        text = _SHOWN.repr(value)
    except Exception as exc:  # a broken __repr__: say what it was, not why repr failed
        text = f"<{type(value).__name__}: repr failed with {type(exc).__name__}>"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else f"{text[: limit - 20]}… ({len(text):,} chars)"


def check_error(exc: DeAn06Error, source: str) -> None:
    """*exc* names *source* and says where: a JSON path, a line, a byte or a span."""
    text = str(exc)
    if isinstance(exc, DeadlineSyntaxError):
        assert exc.text == unicodedata.normalize("NFC", source)
        assert 0 <= exc.span[0] <= exc.span[1] <= len(exc.text)
        assert exc.message in text
        return
    if isinstance(exc, ModelValueError):  # a bad value, not a file: the message shows it
        assert re.search(r"\bgot \S", text), text
        if isinstance(exc, DateRangeError):  # and the range
            assert re.search(r"\bfrom \S+ to \S+", text), text
        return
    if isinstance(exc, PeriodIdError):  # it shows the text as given
        assert repr(source) in text, text
        return
    assert source in text, text
    if isinstance(exc, PlanDataError):  # also calendar and succession data
        assert exc.problems
        for problem in exc.problems:
            assert problem.source == source
            assert problem.path.startswith("$"), problem
    elif isinstance(exc, ObservationDataError):
        assert exc.problems
        for problem in exc.problems:
            assert problem.source == source
            assert problem.line is None or problem.line >= 1, problem
    elif isinstance(exc, PlanTextError):
        assert exc.source == source

    else:
        raise AssertionError(f"unexpected error type {type(exc).__name__}: {exc}")


def nfc_all(value: Any) -> Any:
    """*value* with every string (keys too) in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc_all(k): nfc_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_all(v) for v in value]
    return value


def assert_kept(given: Any, written: Any, path: str = "$") -> None:
    """Everything *given* (NFC) is in *written*: keys may be added (defaults), not lost.

    An exact number given as an integer (``65``) is written as its text (``"65"``).
    """
    if isinstance(given, dict):
        assert isinstance(written, dict), path
        for key, value in given.items():
            assert key in written, f"{path}.{key} lost"
            assert_kept(value, written[key], f"{path}.{key}")
    elif isinstance(given, list):
        assert isinstance(written, list), path
        assert len(given) == len(written), f"{path}: {len(given)} items, {len(written)} kept"
        for i, (a, b) in enumerate(zip(given, written, strict=True)):
            assert_kept(a, b, f"{path}[{i}]")
    elif type(given) is int and isinstance(written, str):
        assert Fraction(written) == given, path
    else:
        assert type(given) is type(written), f"{path}: {given!r} became {written!r}"
        assert given == written, f"{path}: {given!r} became {written!r}"
