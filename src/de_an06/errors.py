"""The library's exceptions. Every error de_an06 raises derives from `DeAn06Error`."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "AgencyLookupError",
    "DeAn06Error",
    "DeadlineSyntaxError",
    "ModelValueError",
    "PeriodIdError",
    "PlanDataError",
    "Problem",
    "UnknownKeyError",
]


class DeAn06Error(Exception):
    """Base class of every error raised by de_an06."""


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
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PlanDataError(DeAn06Error, ValueError):
    """A plan file (or data structure) does not match the plan schema.

    Lists every problem found, each with the file, the field path such as
    ``$.task_groups[2].tasks[4].deadline`` and the offending value.
    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''} in plan data"
        return "\n".join(
            [
                head,
                *(f"  - {p.path}: {p.message} (value: {_short(p.value)})" for p in self.problems),
            ]
        )


class DeadlineSyntaxError(DeAn06Error, ValueError):
    """Deadline wording that the strict parser does not understand.

    Shows the text with a caret under the part that was not understood::

        expected a quarter number (I–IV) after "Quý"
            Trong Quý V/2024
                      ^
    """

    def __init__(self, message: str, text: str, span: tuple[int, int]) -> None:
        self.message = message
        self.text = text
        self.span = span
        super().__init__(str(self))

    def __str__(self) -> str:
        start, end = self.span
        marker = " " * start + "^" * max(1, end - start)
        return f"{self.message}\n    {self.text}\n    {marker}"


class AgencyLookupError(DeAn06Error, LookupError):
    """A name matched no agency, or more than one.

    ``candidates`` holds the closest names (for an unknown name) or every match
    (for an ambiguous one).
    """

    def __init__(self, query: str, candidates: Iterable[str], *, ambiguous: bool) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        super().__init__(str(self))

    def __str__(self) -> str:
        names = "; ".join(self.candidates)
        if self.ambiguous:
            return f"agency name {self.query!r} is ambiguous; it matches: {names}"
        hint = f"; closest: {names}" if names else ""
        return f"no agency matches {self.query!r}{hint}"


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

    def __init__(self, what: str, key: str, known: Iterable[str] = ()) -> None:
        self.what = what
        self.key = key
        self.known = tuple(known)
        super().__init__(key)

    def __str__(self) -> str:
        hint = f" (known: {', '.join(self.known[:12])}{' …' if len(self.known) > 12 else ''})"
        return f"no {self.what} {self.key!r} in the plan" + (hint if self.known else "")


class ModelValueError(DeAn06Error, ValueError):
    """A model object built with an impossible value ("Quý V", month 13)."""
