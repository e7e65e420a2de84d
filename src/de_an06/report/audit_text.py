"""The audit's findings in the report's language: the report never shows English to a
Vietnamese reader, nor a slug to anyone.

The audit (`de_an06.audit`) writes its messages in English for scripts and logs; here each
finding's ``code`` picks a Vietnamese sentence, filled from the finding's own parts.

>>> from de_an06.auditing import Finding, Severity
>>> f = Finding(severity=Severity.WARNING, code="missing_lead", location="task 2.3",
...             path="$", message="no lead agency (chủ trì); implementing: Công an tỉnh")
>>> finding_row(f, "vi", {})
('lưu ý', 'nhiệm vụ 2.3', 'Không có cơ quan chủ trì; cơ quan thực hiện: Công an tỉnh', '')
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..auditing import Finding
from .words import Labels, Language

__all__ = ["finding_row"]

_ROLES = {
    "lead": "chủ trì",
    "coordinate": "phối hợp",
    "monitor": "theo dõi",
    "advise": "tham mưu",
    "implement": "thực hiện",
}
_FREQUENCIES = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "six_monthly": "6 tháng",
    "yearly": "hằng năm",
    "ad_hoc": "đột xuất",
}
_CUTOFF = (
    "Điều 12 Nghị định 09/2019/NĐ-CP: kỳ chốt số liệu kết thúc ngày 14; điểm b khoản 5 "
    "Điều 8 yêu cầu ít nhất 01 ngày làm việc để gửi báo cáo"
)
_MESSAGES = {
    "impossible_date": "Ngày tháng không thể đúng",
    "missing_lead": "Không có cơ quan chủ trì{rest}",
    "open_lead": "Cơ quan chủ trì là một nhóm nêu chung: chưa rõ cơ quan nào chủ trì",
    "unparsed_deadline": "Không đọc được thời hạn",
    "outside_plan_year": "Thời hạn ngoài năm kế hoạch",
    "central_reporting_unit": (
        "Đơn vị báo cáo là cơ quan Trung ương, ngoài hệ thống báo cáo của tỉnh"
    ),
    "outside_reporting_unit": "Đơn vị báo cáo ở ngoài tỉnh (có thể chép từ mẫu của Trung ương)",
    "unknown_reporting_unit": "Đơn vị báo cáo không có trong danh mục cơ quan của Kế hoạch",
    "agency_listed_twice": "Một tên thuộc nhiều cơ quan",
    "listed_twice": "Một cơ quan được nêu hai lần trong cùng một vai trò",
    "model_count": "Tổng số mô hình phân bổ không khớp",
}
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def finding_row(
    finding: Finding, lang: Language, names: Mapping[str, str]
) -> tuple[str, str, str, str]:
    """(severity, where, what, quoted text) of *finding* in *lang*; *names* maps keys to names.

    A value that is a directory key (a slug) is shown by its name, or not at all.
    """
    words = Labels(lang)
    value = names.get(finding.value, finding.value)
    if _is_slug(value):
        value = ""
    if lang == "en":
        return (words[finding.severity.value], finding.location, finding.message, value)
    return (
        words[finding.severity.value],
        _where(finding.location),
        _message(finding, names),
        value,
    )


def _is_slug(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))


def _where(location: str) -> str:
    for english, vietnamese in (
        ("task group ", "nhóm nhiệm vụ "),
        ("task ", "nhiệm vụ "),
        ("indicator ", "chỉ tiêu "),
        ("objective ", "mục tiêu "),
        ("annex ", "phụ lục, mục "),
    ):
        if location.startswith(english):
            return vietnamese + location[len(english) :]
    match = re.fullmatch(r"reporting rule \((\w+)\)", location)
    if match:
        return f"chế độ báo cáo {_FREQUENCIES.get(match[1], '')}".strip()
    return {
        "agency directory": "danh mục cơ quan",
        "legal basis": "căn cứ pháp lý",
        "closing": "phần kết",
        "purposes": "mục đích",
    }.get(location, location)


def _message(finding: Finding, names: Mapping[str, str]) -> str:
    code, message = finding.code, finding.message
    quoted = [a or b for a, b in _QUOTED.findall(message)]
    if code == "missing_lead":
        _, _, implementers = message.partition("; implementing: ")
        rest = f"; cơ quan thực hiện: {implementers}" if implementers else ""
        return _MESSAGES[code].format(rest=rest)
    if code == "two_roles":
        roles = re.search(r"\(([a-z_, ]+)\)$", message)
        listed = ", ".join(_ROLES.get(r.strip(), r) for r in roles[1].split(",")) if roles else ""
        name = quoted[0] if quoted else names.get(finding.value, "")
        return f"“{name}” giữ hai vai trò trong cùng nhiệm vụ ({listed})"
    if code == "double_allocation" and len(quoted) >= 2:
        return f"“{quoted[0]}” được phân bổ mô hình theo tên và lặp lại trong “{quoted[1]}”"
    if code == "undated_deadline":
        reason = message.partition(": ")[2]
        for english, vietnamese in (
            ("timing set by ", "theo lộ trình, chỉ đạo của "),
            ("starts after an event ", "bắt đầu sau một sự kiện "),
        ):
            if reason.startswith(english):
                return f"Không xác định được ngày: {vietnamese}{reason[len(english) :]}"
        return "Không xác định được ngày"
    if code == "report_due_before_cutoff":
        before = "trước khi" if "before" in message else "đúng ngày cuối cùng"
        return f"Hạn gửi báo cáo {before} kết thúc kỳ chốt số liệu ({_CUTOFF})"
    if code in ("contradicting_dates", "citation_year", "citation_after_decision"):
        number = message.split(" ", 1)[0]
        return {
            "contradicting_dates": f"Văn bản {number} được ghi hai ngày khác nhau",
            "citation_year": f"Văn bản {number} ghi ngày thuộc năm khác",
            "citation_after_decision": f"Văn bản {number} ghi ngày sau ngày ban hành Quyết định",
        }[code]
    return _MESSAGES.get(code, "Nội dung cần rà soát")
