"""Fuzzing deadline wording: `parse_deadline`, lenient and strict, on any text.

Lenient: always a `Deadline` whose ``.text`` is the NFC input, whose due date is
defined, and which survives the JSON wire format unchanged. Strict: the same deadline, or
a `DeadlineSyntaxError` with the NFC text and a span inside it.
"""

from __future__ import annotations

import unicodedata

from fuzzing import attempt, fuzz_settings
from hypothesis import example, given, strategies as st

from de_an06 import Compound, Deadline, Unparsed, parse_deadline
from de_an06._converter import make_converter
from de_an06._deadline_parser import YEARS

from mutators import WEIRD_PIECES, weird_texts
from strategies import deadline_wordings

CONVERTER = make_converter()

# Deadline words with odd pieces between them: numbers past every limit, odd digits,
# decomposed text, controls.
wordings = st.one_of(
    st.text(),
    weird_texts,
    deadline_wordings,
    st.lists(
        st.one_of(deadline_wordings, st.sampled_from(WEIRD_PIECES), st.from_regex(r"\d{1,30}")),
        max_size=8,
    ).map("".join),
)
years = st.none() | st.integers(YEARS.start, YEARS.stop - 1)


def _unparsed_somewhere(deadline: Deadline) -> bool:
    if isinstance(deadline, Unparsed):
        return True
    return isinstance(deadline, Compound) and any(_unparsed_somewhere(p) for p in deadline.parts)


class TestParseDeadline:
    """Any wording: a deadline that keeps it, or (strict) a caret under the fault."""

    @fuzz_settings(weight=1.5)
    @given(wordings, years, st.booleans())
    @example("Quý " + "0" * 4301, None, False)  # found by fuzzing: int() of 4,301 digits
    def test_lenient(self, text: str, year: int | None, inclusive: bool) -> None:
        deadline = attempt(
            "deadline: lenient",
            text,
            lambda: parse_deadline(text, year=year, inclusive=inclusive),
        )
        assert deadline is not None, "the lenient parser raised"
        assert deadline.text == unicodedata.normalize("NFC", text)
        deadline.due_date()
        assert deadline.ongoing in (True, False)
        wire = CONVERTER.unstructure(deadline, Deadline)
        assert CONVERTER.structure(wire, Deadline) == deadline

    @fuzz_settings(weight=1.5)
    @given(wordings, years, st.booleans())
    def test_strict(self, text: str, year: int | None, inclusive: bool) -> None:
        lenient = parse_deadline(text, year=year, inclusive=inclusive)
        strict = attempt(
            "deadline: strict",
            text,
            lambda: parse_deadline(text, year=year, inclusive=inclusive, strict=True),
        )
        if strict is not None:
            assert strict == lenient
            assert not _unparsed_somewhere(strict)
        else:
            assert _unparsed_somewhere(lenient)
