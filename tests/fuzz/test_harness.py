"""The fuzz harness itself: a foreign exception reports its input, and printing it never
fails (lone surrogates, integers past repr's 4,300 digits, nesting past the recursion
limit), even on a strict UTF-8 stream and inside a hypothesis failure report."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator

import pytest
from fuzzing import ACCEPTED, COUNTS, FOREIGN, Deep, attempt, shown
from hypothesis import given, settings, strategies as st

ODD_INPUTS = (
    "a\ud800b\x00\r\u2028",
    10**5000,
    -(10**5000),
    Deep(3000),
    {1: "x", "y": Deep(3000), None: [10**5000]},
    "x" * 100_000,
)


@pytest.fixture(autouse=True)
def _counters_kept() -> Iterator[None]:
    """The deliberate foreign exceptions below are not counted in the fuzz table."""
    saved = [Counter(c) for c in (COUNTS, ACCEPTED, FOREIGN)]
    yield
    for counter, old in zip((COUNTS, ACCEPTED, FOREIGN), saved, strict=True):
        counter.clear()
        counter.update(old)


def _strict_print(text: str) -> str:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    print(text, file=stream)
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def _boom() -> None:
    raise TypeError("boom")


@pytest.mark.parametrize("value", ODD_INPUTS, ids=lambda v: type(v).__name__)
def test_shown_never_fails_and_prints_anywhere(value: object) -> None:
    text = shown(value)
    assert 0 < len(text) <= 600
    _strict_print(text)


def test_a_broken_repr_is_named() -> None:
    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert shown(Broken()).startswith("<Broken")


@pytest.mark.parametrize("value", ODD_INPUTS, ids=lambda v: type(v).__name__)
def test_a_foreign_exception_reports_its_input(value: object) -> None:
    before = FOREIGN["harness"]
    with pytest.raises(TypeError, match="boom") as caught:
        attempt("harness", "src\ud800", _boom, given=value)
    assert FOREIGN["harness"] == before + 1
    notes = caught.value.__notes__
    assert notes[0].startswith("fuzz path 'harness', source ")
    assert notes[1] == f"fuzz input: {shown(value)}"
    _strict_print("\n".join(notes))


@pytest.mark.parametrize("value", ODD_INPUTS, ids=lambda v: type(v).__name__)
def test_hypothesis_reports_the_failure_not_a_printer_error(value: object) -> None:
    """Hypothesis prints the failing example: drawn as `Deep`, nesting prints as its depth."""

    @settings(database=None, max_examples=1)
    @given(st.just(value))
    def fuzzed(drawn: object) -> None:
        attempt("harness", "src", _boom, given=drawn)

    with pytest.raises(TypeError, match="boom") as caught:
        fuzzed()
    report = "\n".join(caught.value.__notes__)
    assert "fuzz input: " in report
    assert "Failing test case" in report or "Falsifying example" in report
    _strict_print(report)
