"""Several documents in one text: where each starts.

Private to the importer. Texts copied from a legal site, or put together for a
province-wide review, can hold several plans one after another. A document starts at its
header table: the issuer's cell ("ỦY BAN NHÂN DÂN / TỈNH …") before the national motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). A motto counts as a new document only once the
text before it has given tasks (a role or deadline label, a task table's header): the
plan attached to a decision often repeats the header, and is the same document.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._text import fold
from .labels import Column, Label, header_label, match_label
from .lines import Line, is_caps

__all__ = ["document_starts"]


def _motto(line: Line) -> bool:
    return "cong hoa xa hoi" in fold(line.text)


def _tasks(line: Line) -> bool:
    lead_column = (Column.ROLE, Label.LEAD)
    return match_label(line.text) is not None or header_label(line.text) == lead_column


def document_starts(lines: Sequence[Line]) -> list[int]:
    """Indexes of *lines* where a document starts: always 0, then one per later document."""
    starts = [0]
    seen_tasks = False
    for i, line in enumerate(lines):
        if line.is_separator:
            continue
        if _motto(line) and seen_tasks:
            start = i
            while start - 1 > starts[-1] and (
                lines[start - 1].is_separator or is_caps(lines[start - 1].text)
            ):
                start -= 1
            while start < i and lines[start].is_separator:
                start += 1
            starts.append(start)
            seen_tasks = False
        elif _tasks(line):
            seen_tasks = True
    return starts
