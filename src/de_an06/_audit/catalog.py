"""Every audit check: its stable code, severity, family and messages (Vietnamese, English).

One entry per code; `findings.make` reads it. Messages are ``str.format`` templates whose
fields the check supplies. Severity: ``error`` when the plan contradicts itself or states
what cannot be, ``warning`` for a slip to correct before signing or a principle not met,
``info`` for what a signed plan may keep (a benign oddity).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CHECKS", "PLACES", "Check"]


class Check(NamedTuple):
    """One check's severity, family and message templates.

    ``code`` is the code findings carry when it differs from the entry's key (one code,
    two severities: a report due before the cut-off ends, or on its last day).
    """

    severity: str
    family: str
    vi: str
    en: str
    code: str = ""


PLACES: dict[str, tuple[str, str]] = {
    "task": ("nhiệm vụ", "task"),
    "group": ("nhóm nhiệm vụ", "task group"),
    "objective": ("mục tiêu", "objective"),
    "indicator": ("chỉ tiêu", "indicator"),
    "legal_basis": ("căn cứ", "legal basis"),
    "purpose": ("mục đích, yêu cầu", "purpose"),
    "closing": ("phần cuối kế hoạch", "closing"),
    "annex": ("phụ lục, dòng", "annex"),
    "annex_section": ("phụ lục, phần", "annex section"),
    "annex_title": ("tên phụ lục", "annex title"),
    "reporting": ("chế độ báo cáo", "reporting rule"),
    "directory": ("danh mục cơ quan", "agency directory"),
    "plan": ("kế hoạch", "plan"),
    "text": ("văn bản", "text"),
}

_E, _W, _I = "error", "warning", "info"

CHECKS: dict[str, Check] = {
    # text slips
    "doubled_word": Check(
        _W, "text", "lặp từ: “{words}” viết hai lần liền nhau", "doubled words: “{words}” twice"
    ),
    "cut_name": Check(
        _W,
        "text",
        "tên bị viết thiếu: “{written}” thay vì “{name}”",
        "a name cut short: “{written}” for “{name}”",
    ),
    "name_two_ways": Check(
        _I,
        "text",
        "cùng một tên được viết nhiều cách: {forms}",
        "one name written in several ways: {forms}",
    ),
    "symbol_form": Check(
        _W,
        "text",
        "số, ký hiệu văn bản viết sai thể thức: “{written}”, đúng là “{right}”",
        "a document symbol in the wrong form: “{written}”, usually “{right}”",
    ),
    "symbol_form_caps": Check(
        _I,
        "text",
        "ký hiệu văn bản trong dòng in hoa: “{written}” (thường viết “{right}”)",
        "a document symbol in a line in capitals: “{written}” (usually “{right}”)",
    ),
    "misspelling": Check(
        _W,
        "text",
        "lỗi chính tả: “{written}”, đúng là “{right}”",
        "misspelt: “{written}” for “{right}”",
    ),
    # numbering
    "numbering_gap": Check(
        _W,
        "numbering",
        "số thứ tự bị nhảy: sau {before} là {after}",
        "numbering gap: {after} after {before}",
    ),
    "numbering_repeat": Check(
        _W, "numbering", "số thứ tự bị lặp: {number}", "a number used twice: {number}"
    ),
    "numbering_restart": Check(
        _I,
        "numbering",
        "đánh số không thống nhất: phần {section} {how}",
        "numbering not consistent: section {section} {how_en}",
    ),
    "number_separator": Check(
        _I,
        "numbering",
        "số thứ tự dùng dấu phân cách lạ: “{written}” (thường viết “{right}”)",
        "a number with an odd separator: “{written}” (usually “{right}”)",
    ),
    "unnumbered_item": Check(
        _I,
        "numbering",
        "nhóm có nhiệm vụ không đánh số thứ tự",
        "a group whose task has no item number",
    ),
    "number_inside_line": Check(
        _W,
        "numbering",
        "số thứ tự {number} nằm giữa dòng, sau nội dung của mục trước",
        "item number {number} sits inside a line, after the previous item's text",
    ),
    # references
    "undefined_count": Check(
        _W,
        "references",
        "nhắc “{phrase}” nhưng kế hoạch không nêu đó là những gì",
        "“{phrase}” is named with a count but never listed",
    ),
    "impossible_date": Check(
        _E, "references", "ngày tháng không thể đúng", "a date that cannot be right"
    ),
    "citation_year": Check(
        _E,
        "references",
        "văn bản {number} ghi ngày ban hành ở năm khác năm trong số ký hiệu",
        "{number} is dated in another year",
    ),
    "citation_after_decision": Check(
        _E,
        "references",
        "văn bản {number} ghi ngày sau ngày ký quyết định ({decided})",
        "{number} is dated after the decision ({decided})",
    ),
    "contradicting_dates": Check(
        _E,
        "references",
        "văn bản {number} ghi ngày {here} ở đây nhưng ngày {there} ở {where_vi}",
        "{number} is dated {here} here and {there} in {where_en}",
    ),
    "restated_denominator": Check(
        _W,
        "references",
        "nhắc lại chỉ tiêu {indicator} với mẫu số khác: “{here}” thay vì “{there}”",
        "restates indicator {indicator} over another denominator: “{here}”, not “{there}”",
    ),
    "restated_locality": Check(
        _I,
        "references",
        "nhắc lại chỉ tiêu {indicator} với tên địa bàn viết khác: “{here}” thay vì “{there}”",
        "restates indicator {indicator} naming the place otherwise: “{here}”, not “{there}”",
    ),
    # deadlines
    "unparsed_deadline": Check(
        _W, "deadlines", "không đọc được thời hạn", "the deadline wording was not understood"
    ),
    "undated_deadline": Check(
        _I,
        "deadlines",
        "thời hạn không xác định được ngày: {reason_vi}",
        "no date can be known: {reason_en}",
    ),
    "conditional_deadline": Check(
        _I,
        "deadlines",
        "thời hạn kèm điều kiện: “{condition}”",
        "the deadline holds on a condition: “{condition}”",
    ),
    "two_deadlines": Check(
        _W,
        "deadlines",
        "cùng một việc có hai thời hạn: “{here}” ở đây và “{there}” ở {where_vi}",
        "one deliverable with two deadlines: “{here}” here and “{there}” in {where_en}",
    ),
    "outside_plan_year": Check(
        _W,
        "deadlines",
        "hạn {due} nằm ngoài năm kế hoạch {year}",
        "due {due}, outside the plan year {year}",
    ),
    "before_holiday": Check(
        _I,
        "deadlines",
        "hạn “trước ngày {day}”: ngày cuối {due} là ngày nghỉ ({why}), "
        "ngày làm việc cuối là {last}",
        "a “before {day}” deadline: its last day {due} is a day off ({why}); the last working "
        "day is {last}",
    ),
    "before_holiday/periods": Check(
        _I,
        "deadlines",
        "{count} kỳ báo cáo có ngày cuối là ngày nghỉ: {days}",
        "{count} reporting periods end on a day off: {days}",
        "before_holiday",
    ),
    "report_due_before_cutoff": Check(
        _E,
        "deadlines",
        "hạn báo cáo đến trước khi chốt số liệu (ngày {cutoff}): còn {slack} ngày làm việc "
        "(NĐ 09/2019, Điều 8 khoản 5 điểm b: ít nhất 01 ngày làm việc)",
        "the report is due before its data cut-off ({cutoff}) ends: {slack} working days "
        "(NĐ 09/2019 art. 8(5)(b) asks for at least 1)",
    ),
    "report_due_before_cutoff/on": Check(
        _W,
        "deadlines",
        "hạn báo cáo trùng ngày chốt số liệu ({cutoff}): không còn ngày làm việc nào để báo cáo "
        "(NĐ 09/2019, Điều 8 khoản 5 điểm b: ít nhất 01 ngày làm việc)",
        "the report is due on the last day of its data cut-off ({cutoff}): no working day "
        "left to report (NĐ 09/2019 art. 8(5)(b) asks for at least 1)",
        "report_due_before_cutoff",
    ),
    # roles
    "missing_lead": Check(
        _W,
        "roles",
        "không có cơ quan chủ trì{implementers_vi}",
        "no lead agency (chủ trì){implementers_en}",
    ),
    "several_lead_lines": Check(
        _W,
        "roles",
        "cơ quan chủ trì được nêu ở {count} dòng",
        "the lead is given on {count} role lines",
    ),
    "open_lead": Check(
        _W,
        "roles",
        "cơ quan chủ trì là một nhóm mở: không rõ ai chủ trì",
        "the lead is an open group: who leads is not clear",
    ),
    "listed_twice": Check(
        _W,
        "roles",
        "cùng một cơ quan được nêu hai lần với vai trò {role_vi}",
        "the same agency is listed twice as {role_en}",
    ),
    "two_roles": Check(
        _W,
        "roles",
        "“{name}” vừa {roles_vi} trong cùng một nhiệm vụ",
        "“{name}” holds two roles in one task ({roles_en})",
    ),
    "model_count": Check(
        _E,
        "roles",
        "số mô hình giao ({role_vi}) cộng lại là {total}, không phải {expected}",
        "{role_en} allocations add up to {total}, not the {expected} models the plan names",
    ),
    "double_allocation": Check(
        _W,
        "roles",
        "“{name}” được giao mô hình hai lần: theo tên và trong “{group}” ({role_vi})",
        "“{name}” is allocated models by name and again inside “{group}” ({role_en})",
    ),
    "agency_listed_twice": Check(
        _W,
        "roles",
        "một tên thuộc nhiều cơ quan: {keys}",
        "one name belongs to several agencies: {keys}",
    ),
    "agency_gone": Check(
        _W,
        "roles",
        "“{name}” không còn tồn tại vào ngày của kế hoạch ({when}): {what_vi}",
        "“{name}” no longer exists on the plan's date ({when}): {what_en}",
    ),
    # annex
    "unknown_reporting_unit": Check(
        _I,
        "annex",
        "đơn vị báo cáo không có trong danh mục cơ quan của kế hoạch",
        "the reporting unit is not a body of the plan's directory",
    ),
    "outside_reporting_unit": Check(
        _I,
        "annex",
        "đơn vị báo cáo ở ngoài tỉnh (chép từ mẫu của Trung ương?)",
        "the reporting unit is outside the province (copied from a central template?)",
    ),
    "central_reporting_unit": Check(
        _I,
        "annex",
        "đơn vị báo cáo là cơ quan Trung ương, ngoài hệ thống báo cáo của tỉnh",
        "the reporting unit is a central body, outside the province's reporting chain",
    ),
    "group_without_units": Check(
        _I,
        "annex",
        "dòng nhóm không có đơn vị báo cáo (các dòng con có)",
        "a group row without reporting units (its items have them)",
    ),
    "reported_done": Check(
        _W,
        "annex",
        "kế hoạch việc cần làm nhưng dòng này ghi đã hoàn thành: {what}",
        "a plan of work to do lists what it says is already done: {what}",
    ),
    "not_computable": Check(
        _W,
        "annex",
        "dòng là một việc, không phải thủ tục: không tính được số hồ sơ, tỉ lệ trực tuyến",
        "the row is a task, not a procedure: dossier counts and the online rate cannot be computed",
    ),
}
