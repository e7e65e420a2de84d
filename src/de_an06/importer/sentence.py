"""Roles and a deadline written inside a task's sentence, where the plan gives no label line.

Private to the importer (`tasks` calls it for a task without role or deadline lines).
Some plans write the assignment into the task itself: "Sở Tư pháp chủ trì, phối hợp với
Công an tỉnh, Sở Y tế triển khai liên thông … , hoàn thành trong Quý II/2025." The
sentence's subject leads ("chủ trì") or advises ("tham mưu") — decisions.md — the bodies
after "phối hợp với" coordinate, and "hoàn thành trong/trước …" or "thực hiện thường
xuyên" is the deadline. The sentence is kept whole as the role line's text and as the
task's text; the deadline keeps its own words ("Quý II/2025", "trước ngày 30/6/2025").

>>> found = roles_in_sentence("Giao Sở Tư pháp chủ trì, phối hợp với Công an tỉnh, "
...                           "Sở Y tế triển khai liên thông thủ tục.")
>>> found.subject, found.role, found.coordinators
('Sở Tư pháp', <Role.LEAD: 'lead'>, 'Công an tỉnh, Sở Y tế')
>>> deadline_in_sentence("Kết nối dữ liệu, hoàn thành trong Quý II/2025.")
'Quý II/2025'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, final

import attrs

from ..task import Assignment, Role, RoleLine
from .lines import Line, Sink
from .roles import AgencyBook, mentions

__all__ = ["SentenceRoles", "deadline_in_sentence", "roles_in_sentence", "sentence_role_line"]

# Words that start what the bodies are asked to do: the list of coordinators ends there.
_VERBS: Final = (
    "triển khai",
    "thực hiện",
    "tổ chức",
    "xây dựng",
    "rà soát",
    "hoàn thiện",
    "hoàn thành",
    "tham mưu",
    "cập nhật",
    "kết nối",
    "đẩy mạnh",
    "nâng cấp",
    "cung cấp",
    "số hóa",
    "làm sạch",
    "đồng bộ",
    "tuyên truyền",
    "hướng dẫn",
    "kiểm tra",
    "bảo đảm",
    "đảm bảo",
    "đôn đốc",
    "theo dõi",
    "phát triển",
    "ban hành",
    "trình",
    "để",
    "nhằm",
)
_VERB: Final = "|".join(_VERBS)
# "[Giao] <subject> chủ trì[,] [phối hợp với <coordinators>] <verb> …"
_SUBJECT = re.compile(
    r"^(?:(?:Giao|Đề nghị|Yêu cầu)\s+)?(?P<subject>[A-ZĐÂÊÔƠƯÁÀẢÃẠ][^.;:()]{1,120}?)\s+"
    r"(?P<verb>chủ trì|tham mưu)\b[,\s]*"
)
_WITH = re.compile(
    rf"^(?:(?:và\s+)?phối hợp(?:\s+chặt chẽ)?\s+với\s+)(?P<co>.+?)"
    rf"(?=\s*,?\s+(?:{_VERB})\b|\s*[.;:]|$)"
)
_DEADLINE = re.compile(
    r"(?:,\s*|\s)(?:và\s+)?(?:phải\s+)?(?:hoàn thành|xong|thực hiện xong)\s+"
    r"(?:trong\s+)?(?P<when>(?:trước|chậm nhất|trong)?\s*"
    r"(?:ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|[Qq]uý\s+[IV]{1,3}(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4}|\d{1,2}/\d{4}))",
    re.IGNORECASE,
)
_ONGOING = re.compile(r"(?:thực hiện|triển khai)\s+(?P<when>thường xuyên)\s*[.;]?\s*$")


@final
@attrs.frozen
class SentenceRoles:
    """What a task's sentence assigns: its subject (``role``) and the coordinators."""

    subject: str
    role: Role
    coordinators: str


def roles_in_sentence(text: str) -> SentenceRoles | None:
    """The subject's role and the coordinators a task's sentence names, or None."""
    found = _SUBJECT.match(text)
    if found is None or re.search(r"\b(?:nhiệm vụ|đề án|kế hoạch)\b", found["subject"], re.I):
        return None
    role = Role.LEAD if found["verb"] == "chủ trì" else Role.ADVISE
    coordinators = ""
    rest = _WITH.match(text[found.end() :])
    if rest is not None:
        coordinators = rest["co"].strip().rstrip(",")
    return SentenceRoles(found["subject"].strip(), role, coordinators)


def deadline_in_sentence(text: str) -> str:
    """The deadline's words a task's sentence gives ("Quý II/2025"), or ""."""
    found = _DEADLINE.search(text)
    if found is not None:
        return found["when"].strip()
    ongoing = _ONGOING.search(text)
    return ongoing["when"] if ongoing is not None else ""


def sentence_role_line(
    code: str, text: str, lines: Sequence[Line], book: AgencyBook, sink: Sink
) -> RoleLine | None:
    """The role line a task's sentence gives (its text: the whole sentence), or None."""
    found = roles_in_sentence(text)
    if found is None:
        return None
    assignments = [Assignment(role=found.role, agencies=mentions(found.subject, lines, book))]
    if found.coordinators:
        assignments.append(
            Assignment(role=Role.COORDINATE, agencies=mentions(found.coordinators, lines, book))
        )
    what = ", ".join(
        f"{a.role.value}: {', '.join(m.text for m in a.agencies)}" for a in assignments
    )
    sink.warn(lines, f"task {code}: roles read from the task's sentence ({what})", "guessed")
    return RoleLine(label="", text=text, assignments=tuple(assignments))
