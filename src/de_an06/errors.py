"""The library's exceptions. Every error de_an06 raises derives from `DeAn06Error`."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TypeVar

import attrs

_P = TypeVar("_P")

__all__ = [
    "MAX_PROBLEMS",
    "AgencyLookupError",
    "CalendarDataError",
    "DateRangeError",
    "DeAn06Error",
    "DeadlineSyntaxError",
    "ExportError",
    "LocalityLookupError",
    "ModelValueError",
    "ObservationDataError",
    "ObservationProblem",
    "PeriodIdError",
    "PlanDataError",
    "PlanTextError",
    "Problem",
    "SuccessionDataError",
    "UnknownKeyError",
]


class DeAn06Error(Exception):
    """Base class of every error raised by de_an06."""


MAX_PROBLEMS = 1_000
"""Problems an error keeps; past that it counts them ("… and 9,999,000 more")."""


def _kept(problems: Iterable[_P], more: int) -> tuple[tuple[_P, ...], int]:
    """The first MAX_PROBLEMS of *problems*, and how many more there are (plus *more*)."""
    items = iter(problems)
    kept = tuple(itertools.islice(items, MAX_PROBLEMS))
    return kept, more + sum(1 for _ in items)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a data file: where (file, field path), what value, why."""

    source: str
    path: str
    value: object
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.path}: {self.message} (value: {_short(self.value)})"


def _short(value: object, limit: int = 80) -> str:
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]  # a 64 MB string is not copied to show 80 characters of it
    try:
        text = repr(value)
    except ValueError:  # an integer of more than 4,300 digits (sys.int_info) has no repr
        digits = value.bit_length() * 30103 // 100000 + 1 if isinstance(value, int) else 0
        text = f"<an integer of about {digits:,} digits>"
    except RecursionError:  # a list nested a thousand deep
        text = f"<{type(value).__name__} nested too deep to show>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PlanDataError(DeAn06Error, ValueError):
    """A plan file (or data structure) does not match the plan schema.

    Lists every problem found, each with the file, the field path such as
    ``$.task_groups[2].tasks[4].deadline`` and the offending value.
    """

    def __init__(self, source: str, problems: Iterable[Problem], *, more: int = 0) -> None:
        self.source = source
        self.problems: tuple[Problem, ...]
        self.problems, self.more = _kept(problems, more)  # more: counted, not kept
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems) + self.more
        head = f"{self.source}: {count:,} problem{'s' if count != 1 else ''} in plan data"
        lines = [
            head,
            *(f"  - {p.path}: {p.message} (value: {_short(p.value)})" for p in self.problems),
        ]
        if self.more:
            lines.append(f"  … and {self.more:,} more")
        return "\n".join(lines)


class SuccessionDataError(PlanDataError):
    """An agency-succession file that does not match its schema (same fields as the parent)."""

    def __str__(self) -> str:
        return super().__str__().replace("in plan data", "in succession data", 1)


class CalendarDataError(PlanDataError):
    """A working-calendar overlay file that does not match its schema (fields as the parent)."""

    def __str__(self) -> str:
        return super().__str__().replace("in plan data", "in calendar data", 1)


class DeadlineSyntaxError(DeAn06Error, ValueError):
    """Deadline wording that the strict parser does not understand.

    Shows the text with a caret under the part that was not understood::

        expected a quarter number (I–IV) after "Quý"
            Trong Quý V/2024
                      ^
    """

    def __init__(self, message: str, text: str, span: tuple[int, int]) -> None:
        self.message = message
        self.text = text  # the wording as given (NFC); span indexes it
        self.span = span
        super().__init__(str(self))

    def __str__(self) -> str:
        start, end = self.span
        # A long wording is shown from 40 characters before the span, at most 200 of it.
        skip = max(0, start - 40) if len(self.text) > 200 else 0
        shown = self.text[skip : skip + 200]
        start, end = start - skip, min(end - skip, len(shown))
        marker = " " * start + "^" * max(1, end - start)
        # Shown on one line (a line break or tab becomes a space) so the caret lines up.
        shown = "".join(" " if c.isspace() else c for c in shown)
        return f"{self.message}\n    {shown}\n    {marker}"


class AgencyLookupError(DeAn06Error, LookupError):
    """A name matched no agency, or more than one.

    ``candidates`` holds the closest names (for an unknown name) or every match
    (for an ambiguous one).
    """

    def __init__(
        self, query: str, candidates: Iterable[str], *, ambiguous: bool, source: str = ""
    ) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        self.source = source  # where the names were looked up ("plan 'son-la-2024'")
        super().__init__(str(self))

    def __str__(self) -> str:
        return self._message("agency")

    def _message(self, what: str) -> str:
        names = "; ".join(self.candidates)
        where = f" in {self.source}" if self.source else ""
        if self.ambiguous:
            return f"{what} name {self.query!r} is ambiguous{where}; it matches: {names}"
        hint = f"; closest: {names}" if names else ""
        return f"no {what} matches {self.query!r}{where}{hint}"


class LocalityLookupError(AgencyLookupError):
    """A name matched no locality, or more than one (same attributes as the parent)."""

    def __str__(self) -> str:
        return self._message("locality")


class ExportError(DeAn06Error, RuntimeError):
    """A table could not be written in the format asked for (e.g. XLSX without openpyxl)."""


class PeriodIdError(DeAn06Error, ValueError):
    """A reporting period ID that is not one of ``202401``, ``2024Q1``, ``2024S1``, ``2024``."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(str(self))

    def __str__(self) -> str:
        return (
            f"not a reporting period ID: {self.text!r} "
            "(expected YYYYMM, YYYYQn, YYYYSn or YYYY, e.g. '202401', '2024Q1', '2024S1', '2024')"
        )


class UnknownKeyError(DeAn06Error, KeyError):
    """A code or key that the plan does not have (a task code, an agency key)."""

    def __init__(self, what: str, key: str, known: Iterable[str] = (), *, source: str = "") -> None:
        self.what = what
        self.key = key
        self.known = tuple(known)
        self.source = source  # where it was looked for ("plan 'son-la-2024'")
        super().__init__(key)

    def __str__(self) -> str:
        hint = f" (known: {', '.join(self.known[:12])}{' …' if len(self.known) > 12 else ''})"
        where = self.source or "the plan"
        return f"no {self.what} {self.key!r} in {where}" + (hint if self.known else "")


class ModelValueError(DeAn06Error, ValueError):
    """A model object built with an impossible value ("Quý V", month 13)."""


class DateRangeError(ModelValueError):
    """A date, a year or a span of days outside the range de_an06 computes with.

    The range is ``_dates.FIRST_DAY`` .. ``_dates.LAST_DAY`` (1900-01-01 .. 2999-12-31):
    reporting windows, due dates and horizons around it stay inside what `datetime.date`
    holds, so no query overflows.
    """


@attrs.frozen(kw_only=True)
class ObservationProblem:
    """One thing wrong with observation data: where (source, line, column), what value, why.

    *line* is the line of a CSV file (the header is line 1), the 1-based position of a
    record or data-frame row, or None when the problem is not about one row.
    """

    source: str
    line: int | None
    column: str
    value: object
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        column = f" {self.column}:" if self.column else ""
        return f"{where}:{column} {self.message} (value: {_short(self.value)})"


class ObservationDataError(DeAn06Error, ValueError):
    """Observation data (a CSV file, records, a data frame) that cannot be used as counts.

    Keeps the first `MAX_PROBLEMS` problems found (``more`` counts the rest), each with
    the source, line, column and offending value; the message shows the first 200.
    """

    SHOWN = 200

    def __init__(
        self, source: str, problems: Iterable[ObservationProblem], *, more: int = 0
    ) -> None:
        self.source = source
        self.problems: tuple[ObservationProblem, ...]
        self.problems, self.more = _kept(problems, more)  # more: counted, not kept
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems) + self.more
        head = f"{self.source}: {count:,} problem{'s' if count != 1 else ''} in observation data"
        lines = [head, *(f"  - {p}" for p in self.problems[: self.SHOWN])]
        if count > self.SHOWN:
            lines.append(f"  … and {count - self.SHOWN:,} more")
        return "\n".join(lines)


class PlanTextError(DeAn06Error, ValueError):
    """A plan text file that cannot be read as text (not UTF-8 or UTF-16 with a BOM).

    ``source`` names the file; the message says what was wrong and how to fix it.
    """

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
