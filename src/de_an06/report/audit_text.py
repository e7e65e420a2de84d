"""The audit's findings as report rows in the report's language, never a slug.

The wording comes from the audit's one catalogue of messages (`Finding.message_in`,
`Finding.location_in`), in Vietnamese or English.

>>> from de_an06.auditing import audit
>>> from de_an06.loading import load_plan
>>> row = finding_row(audit(load_plan("son-la-2024"))[0], "vi", {})
>>> row[0] in ("cần sửa", "lưu ý", "thông tin")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .words import Labels, Language

if TYPE_CHECKING:  # the audit is imported only when a report asks for it (start-up, #18)
    from ..auditing import Finding

__all__ = ["finding_row"]


def finding_row(
    finding: Finding, lang: Language, names: Mapping[str, str]
) -> tuple[str, str, str, str]:
    """(severity, where, what, quoted text) of *finding* in *lang*; *names* maps keys to names.

    The wording is the audit's own (`Finding.message_in`, `Finding.location_in`: one
    catalogue of messages in both languages). A value that is a directory key (a slug) is
    shown by its name, or not at all.
    """
    words = Labels(lang)
    value = names.get(finding.value, finding.value)
    if _is_slug(value):
        value = ""
    message = finding.message_in(lang)
    return (
        words[finding.severity.value],
        finding.location_in(lang),
        message[:1].upper() + message[1:],  # a table cell reads as a sentence
        value,
    )


def _is_slug(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))
