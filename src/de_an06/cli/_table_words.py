"""Vietnamese words for the command line's tables: headers, closed-set values and dates.

One table per kind of word, used by `_common.emit` for every command that prints a table;
commands that build their own Vietnamese tables (evaluate, progress, forms, trajectory …)
pass through unchanged, since their headers are already Vietnamese.

>>> vi_columns([("due", "due"), ("x", "tình trạng")])
[('due', 'hạn'), ('x', 'tình trạng')]
>>> vi_rows([{"status": "overdue", "due": "2024-02-07", "w": "2023-12-15 → 2024-01-14"}])
[{'status': 'quá hạn', 'due': '07/02/2024', 'w': '15/12/2023 → 14/01/2024'}]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["vi_columns", "vi_rows"]

# English header → Vietnamese header (the English side is what the commands write).
HEADERS: Mapping[str, str] = {
    "agency": "cơ quan",
    "agencies": "cơ quan",
    "check": "kết quả",
    "code": "mã",
    "coord": "phối hợp",
    "count": "số",
    "cut-off window (NĐ 09 art. 12)": "kỳ chốt số liệu (Điều 12 NĐ 09)",
    "days": "số ngày",
    "deadline": "thời hạn",
    "defined in": "định nghĩa tại",
    "due": "hạn",
    "due (keep)": "hạn (không dời)",
    "due ≤30 d": "đến hạn ≤30 ngày",
    "due soon": "sắp đến hạn",
    "later": "chưa đến hạn",
    "undetermined": "chưa xác định",
    "item": "mục",
    "flag": "lưu ý",
    "holds work of": "tiếp nhận nhiệm vụ của",
    "id": "mã",
    "impl": "thực hiện",
    "implement": "thực hiện",
    "key": "mã",
    "kind": "loại",
    "lead": "chủ trì",
    "lead / implement": "chủ trì / thực hiện",
    "leads": "chủ trì",
    "monitor": "theo dõi",
    "advise": "tham mưu",
    "n": "số",
    "name": "tên",
    "no.": "STT",
    "ongoing": "thường xuyên",
    "overdue": "quá hạn",
    "overrides": "mục tiêu riêng",
    "period": "kỳ",
    "reason": "lý do",
    "reporting units": "đơn vị báo cáo",
    "result": "kết quả",
    "role": "vai trò",
    "rule": "quy định",
    "section": "phần",
    "service": "dịch vụ công",
    "status": "tình trạng",
    "target": "mục tiêu",
    "task": "nhiệm vụ",
    "tasks": "số nhiệm vụ",
    "text": "nội dung",
    "working days": "ngày làm việc",
}

# Closed-set values as commands write them in table cells → Vietnamese.
VALUES: Mapping[str, str] = {
    "overdue": "quá hạn",
    "due_soon": "sắp đến hạn",
    "later": "chưa đến hạn",
    "ongoing": "thường xuyên",
    "undetermined": "chưa xác định",
    "done": "hoàn thành",
    "lead": "chủ trì",
    "coordinate": "phối hợp",
    "monitor": "theo dõi",
    "advise": "tham mưu",
    "implement": "thực hiện",
    "yes": "có",
    "no": "không",
    "group": "nhóm",
    "open": "nhóm chung",
    "agency": "cơ quan",
    "error": "lỗi",
    "warning": "lưu ý",
    "info": "thông tin",
    "open group": "nhóm nêu chung",
    "on_date": "ngày cụ thể",
    "within_period": "trong kỳ",
    "event": "theo sự kiện",
    "as_directed": "theo chỉ đạo",
    "unparsed": "không đọc được",
    "compound": "kết hợp",
    "no lead": "không có chủ trì",
    "several leads": "nhiều cơ quan chủ trì",
    "collective lead": "chủ trì là nhóm nêu chung",
}

# Columns whose cells are reporting period ids ("202401") → "tháng 1/2024".
PERIOD_HEADERS = frozenset({"period"})

_ISO_DAY = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")


def vi_columns(columns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The columns with Vietnamese headers (a header with no Vietnamese word stays)."""
    return [(key, HEADERS.get(header, header)) for key, header in columns]


def vi_rows(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str]] = ()
) -> list[dict[str, Any]]:
    """The rows with closed-set values in Vietnamese, ISO days as dd/mm/yyyy and, in a
    column headed "period", period ids as people write them ("tháng 1/2024")."""
    periods = {key for key, header in columns if header in PERIOD_HEADERS}
    return [
        {key: _period(value) if key in periods else _cell(value) for key, value in row.items()}
        for row in rows
    ]


def _period(value: Any) -> Any:
    from ..errors import DeAn06Error
    from ..reporting import ReportingPeriod

    try:
        return ReportingPeriod.from_id(value).label("vi") if isinstance(value, str) else value
    except DeAn06Error:  # not a period id: shown as it is
        return value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, str):
        return VALUES.get(value) or _ISO_DAY.sub(r"\3/\2/\1", value)
    if isinstance(value, list | tuple):
        return type(value)(_cell(v) for v in value)
    return value
