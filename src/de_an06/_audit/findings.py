"""The audit's finding: a stable code, a severity, where, and the quoted text.

`make` builds a finding from its code alone: the severity and both messages come from
``catalog.CHECKS`` (one entry per code), so the wording and the weight of a check live
in one place.
"""

from __future__ import annotations

import enum
from typing import final

import attrs

from .catalog import CHECKS, PLACES

__all__ = ["Finding", "Severity", "Where", "make"]


class Severity(enum.Enum):
    """How serious a finding is, most serious first."""

    ERROR = "error"
    """The plan contradicts itself or states what cannot be."""
    WARNING = "warning"
    """A slip to correct before signing, or a principle not met."""
    INFO = "info"
    """Worth knowing: a benign oddity of a signed plan."""


ORDER = {severity: n for n, severity in enumerate(Severity)}


@final
@attrs.frozen
class Where:
    """A place in a plan: its kind ("task", "annex", "objective", …) and its label ("2.3")."""

    kind: str
    label: str = ""

    def text(self, lang: str) -> str:
        """``"task 2.3"`` (en) or ``"nhiệm vụ 2.3"`` (vi)."""
        vi, en = PLACES.get(self.kind, (self.kind, self.kind))
        name = en if lang == "en" else vi
        return f"{name} {self.label}".strip()


@final
@attrs.frozen(kw_only=True)
class Finding:
    """One thing the audit found.

    Attributes:
        severity: `Severity.ERROR` (the plan contradicts itself), ``WARNING`` (a slip
            to correct, a principle not met), ``INFO`` (a benign oddity).
        code: a stable identifier for scripts ("missing_lead", "cut_name", …); the
            codes are listed in docs/howto-audit.md.
        location: where, for people, in English ("task 2.3", "annex II.13.1").
        path: where, as a JSON path into the plan file.
        message: what is wrong, in one English sentence.
        value: the quoted text the finding is about, verbatim.
        location_vi: ``location`` in Vietnamese ("nhiệm vụ 2.3").
        message_vi: ``message`` in Vietnamese.
        line: the line of the source text, when the plan was read from text.
    """

    severity: Severity
    code: str
    location: str
    path: str
    message: str
    value: str = ""
    location_vi: str = ""
    message_vi: str = ""
    line: int | None = None

    def message_in(self, lang: str) -> str:
        """The message in *lang* (``"vi"`` or ``"en"``)."""
        return self.message if lang == "en" or not self.message_vi else self.message_vi

    def location_in(self, lang: str) -> str:
        """The location in *lang* (``"vi"`` or ``"en"``), with the source line if known."""
        where = self.location if lang == "en" or not self.location_vi else self.location_vi
        if self.line is None:
            return where
        return f"{where} ({'line' if lang == 'en' else 'dòng'} {self.line})"


def make(code: str, where: Where, path: str, value: str = "", **params: object) -> Finding:
    """The finding *code* at *where*, its messages filled with *params*."""
    check = CHECKS[code]
    return Finding(
        severity=Severity(check.severity),
        code=check.code or code,
        location=where.text("en"),
        path=path,
        message=check.en.format(**params),
        value=value,
        location_vi=where.text("vi"),
        message_vi=check.vi.format(**params),
    )
