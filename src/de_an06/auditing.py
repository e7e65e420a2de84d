"""The plan audit: what a careful clerk reading a draft plan would flag before signing.

``audit(plan)`` checks any plan, not only Sơn La's, against its own words and against the
principle Vietnamese plans state for themselves (Sơn La 2024, section I.3): "rõ người, rõ
việc, rõ tiến độ, rõ kết quả, rõ trách nhiệm". Each `Finding` has a stable code, a
severity, where it is (section, task, annex row; the source line when the plan was read
from text), the quoted text, and its message in Vietnamese and English. The checks live
in the private package ``_audit`` (text slips, numbering, references, deadlines, roles,
annex, "5 rõ"); their word lists and patterns are data in ``_audit/words.py``.

>>> from de_an06 import audit, load_plan
>>> findings = audit(load_plan("son-la-2024"))
>>> [(f.code, f.value) for f in findings][:1]
[('impossible_date', '30/10/2203')]
>>> findings[0].message_in("vi")
'ngày tháng không thể đúng'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ._audit import principle as _principle
from ._audit.annex import annex_findings
from ._audit.context import Context
from ._audit.deadlines import deadline_findings
from ._audit.findings import ORDER, Finding, Severity
from ._audit.numbering import numbering_findings, source_findings
from ._audit.principle import PrincipleCheck
from ._audit.references import reference_findings
from ._audit.roles import role_findings
from ._audit.text import text_findings
from .plan import Plan
from .workdays import WorkingCalendar

__all__ = ["Finding", "PrincipleCheck", "Severity", "audit", "principle_checks"]

_INDEX = re.compile(r"(\.[a-z_]+|\[\d+\])$")


def audit(
    plan: Plan,
    *,
    source: str | None = None,
    lines: Mapping[str, int] | None = None,
    calendar: WorkingCalendar | None = None,
) -> tuple[Finding, ...]:
    """Every finding on *plan*, errors first, then warnings, then information.

    Args:
        plan: the plan (or draft) to check.
        source: the text the plan was read from; adds the checks only the text shows
            (an item number inside a line, a group whose task has no number).
        lines: JSON path -> first source line (the importer's placements, inverted); a
            finding's ``line`` is that of its path or of the nearest enclosing one.
        calendar: working days for the deadline checks (default: the bundled one).
    """
    ctx = Context(plan)
    findings = [
        *text_findings(ctx),
        *numbering_findings(ctx),
        *reference_findings(ctx),
        *deadline_findings(ctx, calendar),
        *role_findings(ctx),
        *annex_findings(ctx),
    ]
    if lines:
        text_lines = source.splitlines() if source is not None else []
        findings = [_placed(f, lines, text_lines) for f in findings]
    if source is not None:
        findings += source_findings(source.splitlines())
    return tuple(sorted(findings, key=lambda f: ORDER[f.severity]))


def principle_checks(plan: Plan) -> tuple[PrincipleCheck, ...]:
    """Each task checked for a clear lead, a clear deadline and a clear expected result.

    A lead is clear when the task has exactly one lead line naming specific bodies (no
    open group such as "Các sở, ngành liên quan"). A deadline is clear when it can be
    dated or is ongoing work. A result is clear when the task names a product a reader
    can check: a ratio, a count, a document, a system, a report, a data set. Each
    verdict says why (``why``, ``why_vi``).
    """
    return _principle.principle_checks(Context(plan))


def _placed(finding: Finding, lines: Mapping[str, int], text: list[str]) -> Finding:
    path = finding.path
    while path not in lines and _INDEX.search(path):
        path = _INDEX.sub("", path)
    line = lines.get(path)
    if line is None:
        return finding
    quote = finding.value.strip("…")[:20]
    if quote:
        for n in range(line, min(line + 30, len(text) + 1)):
            if quote in text[n - 1]:
                line = n
                break
    return attrs.evolve(finding, line=line)
